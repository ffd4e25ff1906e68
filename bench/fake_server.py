"""The fake Bot API for the end-to-end benchmarks, in a process of its own.

    python bench/fake_server.py --control PATH

Started by ``bench.e2e_driver.Server``.  The bot under test talks to it over HTTP on
127.0.0.1 as it would to Telegram; the load generator (the scripted people, the
timetable, the tables) stays in the driver's process, and talks to this one over a
Unix socket (``PATH``), one JSON object a line:

- driver to here: ``{"push": update}`` (the update id chosen by the driver);
- here to driver: ``{"ready": [http_port, trace_port]}`` once listening;
  ``{"m": message, "at": t}`` for each message the bot sent or edited (``"e": 1``: an
  edit); ``{"g": [update ids], "at": t}`` for each ``getUpdates`` answer;
  ``{"c": method}`` for each other call; ``{"d": note, "at": t}`` for each note the
  bot sends (over UDP, here) when it has finished an update.

It runs in a session of its own, its scheduling group's nice -10 (``--nice``,
``BENCH_SERVER_NICE`` in the driver): see ``prompt``.

Why a process of its own: in the driver's process, the server waited for a core
behind the people and the timetable (up to 17-32 ms in the slowest 1 % of updates at
load 9-11), and that wait was counted in the bot's own time as waiting for its Bot
API calls.  Telegram does not share a machine with the bot, nor with the people.  The
bot's own time still includes its real awaits of this server's answers.  Notes and
messages go to the driver over one stream, in the order they happened here, so the
driver never sees an update finished before the messages it sent.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.fakebotapi import FakeBotAPI  # noqa: E402


class _Forwarding(FakeBotAPI):
    """The fake Bot API, telling the driver what happened, in order."""

    def __init__(self, writer: asyncio.StreamWriter) -> None:
        super().__init__()
        self.writer = writer
        self.on_bot_message = lambda m: self.tell({"m": m, "at": time.monotonic()})

    def tell(self, event: dict[str, Any]) -> None:
        self.writer.write(orjson.dumps(event) + b"\n")

    async def _api_getUpdates(self, params: dict[str, Any]) -> Any:
        updates = await super()._api_getUpdates(params)
        self.tell({"g": [u["update_id"] for u in updates], "at": time.monotonic()})
        return updates

    async def _dispatch(self, request: Any) -> Any:
        method = request.match_info.get("method", "")
        if method not in ("getUpdates", "sendMessage"):
            self.tell({"c": method})
        return await super()._dispatch(request)

    async def _api_editMessageText(self, params: dict[str, Any]) -> Any:
        message = await super()._api_editMessageText(params)
        self.tell({"m": message, "at": time.monotonic(), "e": 1})
        return message

    async def _api_editMessageReplyMarkup(self, params: dict[str, Any]) -> Any:
        message = await super()._api_editMessageReplyMarkup(params)
        self.tell({"m": message, "at": time.monotonic(), "e": 1})
        return message


class _Notes(asyncio.DatagramProtocol):
    def __init__(self, api: _Forwarding) -> None:
        self.api = api

    def datagram_received(self, data: bytes, addr: Any) -> None:
        self.api.tell({"d": data.decode(), "at": time.monotonic()})


def prompt(nice: int) -> None:
    """Give this process's scheduling group (its own session: Linux's autogroup) the
    weight of ``nice`` (-10: about 10 times a nice-0 group's share when both want a
    core).  Telegram answers from machines of its own: here the server still uses the
    bot's cores, but when it has an answer to give it gets a core at once instead of
    queueing behind the other work on the machine.  Linux only; left as it is elsewhere
    or without the right to raise a priority."""
    try:
        with open("/proc/self/autogroup", "w") as f:
            f.write(str(nice))
    except OSError:
        print(f"fake_server: could not set its group's nice to {nice}", file=sys.stderr)


async def serve(control: str) -> None:
    reader, writer = await asyncio.open_unix_connection(control)
    api = await _Forwarding(writer).start()
    loop = asyncio.get_running_loop()
    transport, _ = await loop.create_datagram_endpoint(
        lambda: _Notes(api), local_addr=("127.0.0.1", 0)
    )
    api.tell({"ready": [api.port, transport.get_extra_info("sockname")[1]]})
    try:
        while line := await reader.readline():
            command = orjson.loads(line)
            if "push" in command:
                update = command["push"]
                api.pushed[update["update_id"]] = update
                await api._queue(update)
            await writer.drain()
    finally:
        transport.close()
        await api.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--control", required=True)
    parser.add_argument("--nice", type=int, default=-10, help="its group's nice (0: as others)")
    args = parser.parse_args()
    if args.nice:
        prompt(args.nice)
    try:
        import uvloop
    except ImportError:
        asyncio.run(serve(args.control))
    else:
        with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
            runner.run(serve(args.control))
