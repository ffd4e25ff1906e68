"""At DEBUG, every logger, through real flows: no token, chat id, key or typed text is logged.

The bot runs against the fake Bot API behind a small proxy that can answer a
call with a page that is not JSON (as a misconfigured proxy or Telegram's own
front end does), echoing the request, since PTB logs such a page in full at
ERROR and puts it in the exception message.  Then every record's message and
traceback, as a handler would write them, is searched.
"""

from __future__ import annotations

import logging
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from bot.privacy import respondent_key
from tests.e2e.conftest import SECRET, RunningBot
from tests.e2e.fakebotapi import FakeBotAPI
from tests.e2e.test_telegram_privacy import walk_flow

PERSON, QUIET, STAFF = 6_418_220_937_551, 6_418_220_937_662, 6_418_220_937_773
TEXTS = [
    "The evening group kept me going, thank you Marguerite-Quill.",
    "Waiting lists were long; the receptionist Oswaldine was kind.",
]
UPDATE = "We now open Thursday evenings until eight, said Fennimore-Holt."


class GarblingProxy:
    """Forwards Bot API calls to the fake server, or answers the next call of a method
    with a body that is not JSON."""

    def __init__(self, api: FakeBotAPI):
        self.api = api
        self.token = api.token
        self.garbled: dict[str, list[tuple[int, str]]] = {}
        self._runner: web.AppRunner | None = None
        self._session: aiohttp.ClientSession | None = None
        self.port = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.api, name)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    def garble_next(self, method: str, status: int, body: str) -> None:
        self.garbled.setdefault(method, []).append((status, body))

    async def start(self) -> GarblingProxy:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._forward)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self._session = aiohttp.ClientSession()
        return self

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def _forward(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        body = await request.read()
        if self.garbled.get(method):
            status, text = self.garbled[method].pop(0)
            return web.Response(status=status, text=text, content_type="text/html")
        assert self._session is not None
        url = f"{self.api.base_url}{request.match_info['token']}/{method}"
        headers = {"Content-Type": request.headers.get("Content-Type", "")}
        async with self._session.post(url, data=body, headers=headers) as reply:
            return web.Response(
                status=reply.status, body=await reply.read(), content_type="application/json"
            )


@pytest.fixture
async def proxy(api: FakeBotAPI):
    server = await GarblingProxy(api).start()
    yield server
    await server.close()


async def test_debug_logs_of_real_flows_name_no_one_and_hold_no_secret(
    settings, api, proxy, caplog
):
    caplog.set_level(logging.DEBUG)
    for name in ("telegram", "aiosqlite", "apscheduler", "aiohttp", "bot", "asyncio"):
        caplog.set_level(logging.DEBUG, logger=name)
    bot = await RunningBot(settings, proxy).start()  # type: ignore[arg-type]
    try:
        person = api.user(PERSON, first_name="Ottoline", username="ottoline_fake")
        typed = await walk_flow(person, TEXTS)
        await person.tap("Send me news of what changed")
        await person.tap("Remind me once if I leave feedback unfinished")
        await person.tap("Done")

        quiet = api.user(QUIET, first_name="Berenice")
        await quiet.send("/start")
        await quiet.tap("Yes, I agree, let's start")
        await quiet.send("/stop")

        staff = api.user(STAFF, first_name="Priya")
        invite = await bot.channel.roles.create_invite("staff", None)
        await staff.send(f"/join {invite.code}")
        await staff.send("/summary")
        await staff.send(f"/update {UPDATE}")
        # This week's comments have themes: tick one, then save, before it can be sent.
        await staff.tap("Waiting times")
        await staff.tap("Save")
        await staff.tap("Send it now")
        # The broadcast goes in the background; the staff member is told when it is done.
        await api.wait_until(lambda: any("has gone out" in m.text for m in staff.messages()))
        assert any(UPDATE in m.text for m in person.messages())
        await person.send("/news")

        # A reply that is not JSON, echoing the request as some proxies do: once with
        # 200 (PTB logs it at ERROR), once with 502 (PTB puts it in the exception).
        echo = (
            f"<html>upstream said no to POST /bot{api.token}/sendMessage"
            f" chat_id={PERSON} text={TEXTS[0]}</html>"
        )
        proxy.garble_next("sendMessage", 200, echo)
        await person.send("/help")
        proxy.garble_next("sendMessage", 502, echo)
        await person.send("/help")

        await person.send("/delete")
        await person.tap("Yes, delete my answers")
    finally:
        await bot.stop()

    records = caplog.records
    logged = "\n".join(
        [caplog.text, *(r.getMessage() for r in records), *(r.exc_text or "" for r in records)]
    )
    # The scan sees what it must: statements, API calls, the failures.
    assert "executing" in logged and "Calling Bot API endpoint `sendMessage`" in logged
    assert "Can not load invalid JSON data" in logged and "Bad Gateway" in logged
    keys = [respondent_key(SECRET, "telegram", who) for who in (PERSON, QUIET, STAFF)]
    forbidden = {
        "token": api.token,
        "token digits": api.token.split(":")[1],
        "invite code": invite.code,
        "hashing secret": SECRET.decode(),
        **{f"id {who}": str(who) for who in (PERSON, QUIET, STAFF)},
        **{f"key {key[:8]}": key for key in keys},
        **{f"key digest {key[:8]}": key[3:] for key in keys},
        **{f"typed {i}": text for i, text in enumerate([*typed, UPDATE])},
        "a name typed": "Marguerite-Quill",
        "username": "ottoline_fake",
    }
    leaked = sorted(label for label, value in forbidden.items() if value in logged)
    assert leaked == []
