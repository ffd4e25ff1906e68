"""A fake Bot API server and the real bot running against it, one pair per test."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
from telegram.ext import AIORateLimiter, Application

from bot.config import Settings, Telegram
from bot.service import Conversations, open_conversations
from bot.telegram import TelegramChannel, build_application, start_bot, stop_bot
from bot.telegram.flood import FloodGate
from tests.e2e.fakebotapi import FakeBotAPI, traced_application

SECRET = b"e2e-test-secret"


class SteppingClock:
    """Flood control's clock: each reading is ``step`` seconds after the last.

    With the default step a scripted person is never "too fast"; a test of
    flooding sets ``step = 0`` so a burst all lands in one window.
    """

    def __init__(self, step: float = 1.0) -> None:
        self.now = 0.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


class RunningBot:
    """The bot as a process would run it, with stop and start to simulate a restart."""

    def __init__(
        self,
        settings: Settings,
        api: FakeBotAPI,
        telegram: Telegram | None = None,
        opener: Callable[[Settings], Awaitable[Conversations]] = open_conversations,
    ):
        self.settings = settings
        self.opener = opener
        self.api = api
        self.telegram = telegram or Telegram()
        self.webhook_secret: str | None = None
        self.clock = SteppingClock()
        self.conversations: Conversations | None = None
        self.app: Application[Any, Any, Any, Any, Any, Any] | None = None
        self.channel: TelegramChannel | None = None

    async def start(self) -> RunningBot:
        self.conversations = await self.opener(self.settings)
        channel = TelegramChannel(
            self.conversations,
            SECRET,
            FloodGate(
                self.conversations.settings.flood_limit,
                self.conversations.settings.flood_window_seconds,
                clock=self.clock,
            ),
        )
        self.channel = channel
        # No outbound pacing in tests (there is no real Telegram to protect), but the
        # same limiter class, so RetryAfter is retried as in production.
        limiter = AIORateLimiter(overall_max_rate=0, group_max_rate=0, max_retries=3)
        self.app = build_application(
            channel,
            self.api.token,
            base_url=self.api.base_url,
            rate_limiter=limiter,
            application_class=traced_application(self.api),
        )
        await start_bot(self.app, channel, self.telegram, self.webhook_secret)
        return self

    async def stop(self) -> None:
        if self.app is not None:
            await stop_bot(self.app)
            self.app = None
        if self.conversations is not None:
            await self.conversations.store.close()
            self.conversations = None

    async def restart(self) -> None:
        await self.stop()
        await self.start()

    @property
    def store(self) -> Any:
        assert self.conversations is not None
        return self.conversations.store


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    server = await FakeBotAPI().start()
    yield server
    await server.close()


@pytest.fixture
async def bot(settings: Settings, api: FakeBotAPI) -> AsyncIterator[RunningBot]:
    running = await RunningBot(settings, api).start()
    yield running
    await running.stop()
