"""AiohttpRequest against a real HTTP server on 127.0.0.1: what goes out, what comes back."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import TelegramError

from bot.telegram.http import AiohttpRequest

TOKEN = "123:abc"
ME = {"id": 1, "is_bot": True, "first_name": "Feedback", "username": "feedback_bot"}


class Server:
    def __init__(self) -> None:
        self.seen: list[tuple[str, str, bytes]] = []
        self.reply: bytes = b""

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        self.seen.append((request.match_info["method"], request.content_type, body))
        if request.match_info["method"] == "getMe":
            return web.json_response({"ok": True, "result": ME})
        return web.Response(body=self.reply, content_type="application/json")


@pytest.fixture
async def server() -> AsyncIterator[tuple[Server, str]]:
    fake = Server()
    app = web.Application()
    app.router.add_post("/bot{token}/{method}", fake.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    yield fake, f"http://127.0.0.1:{port}/bot"
    await runner.cleanup()


def _sent(chat_id: int, text: str) -> bytes:
    message = {"message_id": 7, "date": 0, "chat": {"id": chat_id, "type": "private"}}
    return json.dumps({"ok": True, "result": {**message, "text": text}}).encode()


async def test_a_call_goes_as_one_json_body_and_its_reply_is_read(
    server: tuple[Server, str],
) -> None:
    fake, base_url = server
    fake.reply = _sent(42, "Ça va — 👍")
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Yes", callback_data="c:q:0")]])
    async with Bot(TOKEN, base_url=base_url, request=AiohttpRequest()) as bot:
        message = await bot.send_message(42, "Ça va — 👍", reply_markup=markup)
    assert message.message_id == 7 and message.text == "Ça va — 👍"
    method, content_type, body = fake.seen[-1]
    assert (method, content_type) == ("sendMessage", "application/json")
    sent: dict[str, Any] = json.loads(body)
    assert sent["chat_id"] == 42 and sent["text"] == "Ça va — 👍"
    assert sent["reply_markup"] == {
        "inline_keyboard": [[{"text": "Yes", "callback_data": "c:q:0"}]]
    }


async def test_a_reply_with_broken_utf8_is_still_read(server: tuple[Server, str]) -> None:
    fake, base_url = server
    fake.reply = _sent(42, "ok").replace(b'"ok"}}', b'"ok \xff"}}')
    async with Bot(TOKEN, base_url=base_url, request=AiohttpRequest()) as bot:
        message = await bot.send_message(42, "hi")
    assert message.text == "ok \N{REPLACEMENT CHARACTER}"


async def test_a_reply_that_is_not_json_is_a_telegram_error(server: tuple[Server, str]) -> None:
    fake, base_url = server
    fake.reply = b"<html>Bad Gateway</html>"
    async with Bot(TOKEN, base_url=base_url, request=AiohttpRequest()) as bot:
        with pytest.raises(TelegramError, match="Invalid server response"):
            await bot.send_message(42, "hi")
