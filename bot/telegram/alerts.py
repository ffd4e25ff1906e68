"""Helplines that must reach the person, though Telegram fails a send.

The answer that holds a disclosure is stored (and its update marked handled) before the
reply goes out, so a send that fails (a 502, a time-out) is never handled again: without
this, the person who just said they took an overdose would get nothing, or "something went
wrong", and carry on.  The helplines are tried again at once, a few times; if Telegram is
still failing they are owed, held in memory under the person's pseudonymous key, and sent
before anything else the bot next sends them.  A restart forgets what is owed (as it
forgets everything held in memory); only the helplines' text is held, nothing they wrote.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import TypeVar

from telegram.error import NetworkError

RETRY_DELAYS = (0.5, 1.0, 2.0)
"""Seconds before each further try: Telegram's brief outages last about this long."""

OWED_LIMIT = 10_000
"""Bound on memory: the oldest debts go first."""

T = TypeVar("T")


class OwedAlerts:
    """Helplines that could not be sent, by pseudonymous key, to send first next time."""

    def __init__(self) -> None:
        self._owed: OrderedDict[str, str] = OrderedDict()

    def __bool__(self) -> bool:
        return bool(self._owed)

    def owe(self, key: str, alert: str) -> None:
        self._owed.pop(key, None)
        self._owed[key] = alert
        while len(self._owed) > OWED_LIMIT:
            self._owed.popitem(last=False)

    def take(self, key: str) -> str | None:
        return self._owed.pop(key, None)


async def deliver(
    send: Callable[[], Awaitable[T]],
    owed: OwedAlerts,
    key: str,
    alert: str,
    delays: tuple[float, ...] = RETRY_DELAYS,
) -> T:
    """``send`` the helplines, trying again after each of ``delays`` when Telegram fails;
    if every try fails they are owed to ``key`` and the last error is raised."""
    owed.take(key)  # sent now: an older debt is paid by this one
    for delay in (*delays, None):
        try:
            return await send()
        except NetworkError:  # a 5xx, a lost connection, a time-out (TimedOut is one)
            if delay is None:
                owed.owe(key, alert)
                raise
            await asyncio.sleep(delay)
    raise AssertionError("unreachable")
