"""``python -m tests.e2e.fakebotapi``: be the person, talking to a real bot by hand."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
from typing import Any

from tests.e2e.fakebotapi.server import FakeBotAPI
from tests.e2e.fakebotapi.user import shown


async def _chat_by_hand(port: int) -> None:
    """Be the person: type messages, tap buttons, and see the bot's replies."""
    api = await FakeBotAPI(traced=False).start(port)
    user = api.user(4242)

    def show(message: dict[str, Any]) -> None:
        seen = shown(message)
        print(f"\n<bot> {seen.text}")
        for label in seen.labels:
            print(f"      [{label}]")

    api.on_bot_message = show
    print(f"Fake Bot API listening on {api.base_url}")
    print("Start the bot against it in another terminal:")
    print(f"  TELEGRAM_BOT_TOKEN='{api.token}' feedback-bot run --base-url {api.base_url}")
    print("Type a message to send it; 'tap LABEL' taps a button; 'sticker', 'photo', 'voice',")
    print("'document', 'location' send those; Ctrl-D quits.")
    try:
        while True:
            try:
                line = await asyncio.to_thread(input, "")
            except EOFError:
                break
            word = line.strip()
            if word.startswith("tap "):
                try:
                    await user.tap(word.removeprefix("tap ").strip())
                except AssertionError as exc:
                    print(exc)
            elif word in ("sticker", "photo", "voice", "document", "location"):
                await getattr(user, f"send_{word}")()
            elif word:
                await user.send(line)
    finally:
        await api.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="A fake Telegram Bot API to try the bot by hand.")
    parser.add_argument("--port", type=int, default=8081)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_chat_by_hand(parser.parse_args().port))
