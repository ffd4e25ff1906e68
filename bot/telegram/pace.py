"""The bot's rate limiter, with broadcasts paced behind people's replies.

PTB's ``AIORateLimiter`` holds every call that writes to a chat to Telegram's
~30 a second.  A broadcast to thousands would fill that bucket for minutes, and
the replies of people answering questions meanwhile would queue behind it.  So a
broadcast's messages (sent with ``rate_limit_args=BACKGROUND``) also keep their
own pace (``background_rate`` a second, Telegram's limit for bulk messages) and
go only when the shared bucket has room for them and one more: a reply never
waits behind a broadcast message.  Each also waits (a little, ``GAP_WAIT``) for a
moment when nobody's update is in hand, so its work on the loop falls between
people's updates rather than inside one.  Everything else is ``AIORateLimiter``'s, so
``RetryAfter`` is still retried the same way.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, Protocol

from aiolimiter import AsyncLimiter
from telegram.ext import AIORateLimiter


class _Background(int):
    """A broadcast's ``rate_limit_args``: to PTB's own limiter it is just the number of
    retries after RetryAfter (3, its usual), so any limiter accepts it."""


BACKGROUND = _Background(3)
"""``rate_limit_args`` of a broadcast's message."""
BROADCAST_RATE = 30.0
"""Messages a second a broadcast sends at most (Telegram's bulk-notification limit)."""
GAP_WAIT = 0.5 / BROADCAST_RATE
"""The longest a broadcast message waits for a gap between people's updates: half its
pace's interval, so the pace holds however busy people keep the bot."""


class Foreground(Protocol):
    """What has people's updates in hand (``bot.telegram.ordering.PerPersonOrder``)."""

    async def until_nobody_waits(self, at_most: float) -> None: ...


class ForegroundFirst(AIORateLimiter):
    def __init__(self, *, background_rate: float = BROADCAST_RATE, **kwargs: Any):
        super().__init__(**kwargs)
        # One message every 1/rate seconds: an even pace, no burst at the start.
        self._pace = AsyncLimiter(1, 1 / background_rate) if background_rate else None
        self.background_rate = background_rate
        self.foreground: Foreground | None = None
        """Set by ``bot.telegram.build_application``: whose updates a broadcast gives way to."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: Any,
    ) -> Any:
        if isinstance(rate_limit_args, _Background):
            if self._pace is not None:
                await self._pace.acquire()
            if self.foreground is not None:
                await self.foreground.until_nobody_waits(GAP_WAIT)
            await self._room_for_one_more()
            rate_limit_args = int(rate_limit_args)
        return await super().process_request(
            callback, args, kwargs, endpoint, data, rate_limit_args
        )

    async def _room_for_one_more(self) -> None:
        """Wait until the shared bucket could take this message and a reply after it."""
        shared: AsyncLimiter | None = getattr(self, "_base_limiter", None)
        if shared is None:
            return
        tick = shared.time_period / shared.max_rate
        while not shared.has_capacity(2):
            await asyncio.sleep(tick)
