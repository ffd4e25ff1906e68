"""Many people's updates at once, each person's in the order they sent them.

PTB handles updates one at a time by default, so one person's slow reply
holds up everyone behind them.  ``PerPersonOrder`` lets updates from different
people run concurrently, and makes a person's next update wait until their
previous one is finished: a tap is never handled before the tap before it.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable
from contextlib import asynccontextmanager
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

KeyOf = Callable[[Update], Hashable | None]


class PerPersonOrder(BaseUpdateProcessor):
    """Concurrent across people, serial per person.

    ``key_of`` names the person an update comes from (the channel's
    pseudonymous key, so no Telegram id is held even in memory); updates with
    no person run without waiting.  A person's lock exists only while they
    have updates in hand, so memory does not grow with the number of people.

    Order holds because PTB starts the tasks in the order updates arrive, and
    both the concurrency semaphore and ``asyncio.Lock`` wake waiters first in,
    first out.
    """

    def __init__(self, key_of: KeyOf, max_concurrent_updates: int = 256):
        super().__init__(max_concurrent_updates)
        self._key_of = key_of
        self._locks: dict[Hashable, tuple[asyncio.Lock, int]] = {}
        self._nobody = asyncio.Event()
        """Set while no person has an update in hand (``until_nobody_waits``)."""
        self._nobody.set()

    @property
    def people_in_hand(self) -> int:
        """People with an update being handled or waiting (for tests and monitoring)."""
        return len(self._locks)

    async def until_nobody_waits(self, at_most: float) -> None:
        """Return once no person has an update in hand, or after ``at_most`` seconds.

        For a broadcast's next message (``bot.telegram.pace``): sent in a gap between
        people's updates, its work on the loop (the send, its record) does not fall
        inside an update's handling and lengthen it."""
        if self._nobody.is_set():
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._nobody.wait(), at_most)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = self._key_of(update) if isinstance(update, Update) else None
        if key is None:
            await coroutine
            return
        async with self.turn_of(key):
            await coroutine

    @asynccontextmanager
    async def turn_of(self, key: Hashable) -> AsyncIterator[None]:
        """Wait for the person's turn, as their next update would, and hold it.

        For work on a person's data outside their updates (the job closing a
        stale desk): it waits for the update in hand to finish, and their
        next update waits for it.
        """
        lock, users = self._locks.get(key, (None, 0))
        if lock is None:
            lock = asyncio.Lock()
        self._locks[key] = (lock, users + 1)
        self._nobody.clear()
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[key]
            if users == 1:
                del self._locks[key]
                if not self._locks:
                    self._nobody.set()
            else:
                self._locks[key] = (lock, users - 1)

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass
