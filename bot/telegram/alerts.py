"""Helplines that must reach the person, though Telegram fails a send.

The answer that holds a disclosure is stored (and its update marked handled) before the
reply goes out, so a send that fails (a 502, a time-out) is never handled again: without
this, the person who just said they took an overdose would get nothing, or "something went
wrong", and carry on.  The helplines are tried again at once, a few times; if Telegram is
still failing they are owed under the person's pseudonymous key, and sent before anything
else the bot next sends them.  What is owed is stored (``owed_alerts``), so a restart during
the outage does not lose it: with Telegram's offset confirmed nothing is sent again, and the
person's next ordinary message is the only chance.  Only the helplines' text is held, nothing
they wrote; it goes with their last session.  When the disk is full too it is held in memory.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import TypeVar

from telegram.error import NetworkError, RetryAfter

from bot.store import Store

RETRY_DELAYS = (0.5, 1.0, 2.0)
"""Seconds before each further try: Telegram's brief outages last about this long."""

OWED_LIMIT = 10_000
"""Bound on memory: the oldest debts go first."""

UNDELIVERED = (NetworkError, RetryAfter)
"""Telegram failing, not refusing: a 5xx, a lost connection, a time-out (TimedOut is one), or
a flood wait (429) outlasting the rate limiter's own retries, as bots catch up after an
outage. Helplines that meet one are owed; a refusal (blocked, no such chat) is not."""

CHASE_FOR = 3600.0
"""Seconds the bot keeps trying to send owed helplines unasked (``chase``), while it holds
the chat in memory: someone who has just taken an overdose may write nothing more."""

T = TypeVar("T")
log = logging.getLogger(__name__)


class OwedAlerts:
    """Helplines that could not be sent, by pseudonymous key, to send first next time.

    The table is the record; the keys it holds are read once and kept in memory, so the
    check before every reply costs no query when nothing is owed (almost always).
    """

    def __init__(self, store: Store | None = None) -> None:
        self.store = store
        self._memory: OrderedDict[str, str] = OrderedDict()
        """Owed where the table could not take it (a full disk), or with no store."""
        self._stored: set[str] | None = None if store is not None else set()
        self._chats: OrderedDict[str, tuple[int, float]] = OrderedDict()
        """Owed keys' chats and since when (memory only, never stored), to ``chase``."""

    async def _keys(self) -> set[str]:
        if self._stored is None:
            assert self.store is not None
            try:
                rows = await self.store.read("SELECT respondent_key FROM owed_alerts")
            except sqlite3.Error as exc:  # the disk fails: read again next time
                log.warning("could not read owed helplines: %s", type(exc).__name__)
                return set()
            self._stored = {str(r[0]) for r in rows}
        return self._stored

    def chase(self, key: str, chat_id: int, now: float) -> None:
        """Try ``key``'s debt again unasked (``chased``), in the chat ``chat_id``."""
        self._chats.pop(key, None)
        self._chats[key] = (chat_id, now)
        while len(self._chats) > OWED_LIMIT:
            self._chats.popitem(last=False)

    def chasing(self) -> bool:
        return bool(self._chats)

    def chased(self, now: float) -> list[tuple[str, int]]:
        """(key, chat id) of debts to try again unasked, for at most ``CHASE_FOR`` seconds."""
        for key, (_, since) in list(self._chats.items()):
            if now - since > CHASE_FOR:
                del self._chats[key]
        return [(key, chat_id) for key, (chat_id, _) in self._chats.items()]

    def caught(self, key: str) -> None:
        """``key``'s debt was paid, or is past chasing."""
        self._chats.pop(key, None)

    async def owe(self, key: str, alert: str) -> None:
        stored = await self._keys()
        if self.store is not None:
            try:
                await self.store.write(
                    "INSERT INTO owed_alerts (respondent_key, alert, owed_at) VALUES (?, ?, ?)"
                    " ON CONFLICT (respondent_key) DO UPDATE SET alert = excluded.alert,"
                    " owed_at = excluded.owed_at",
                    (key, alert, self.store.now()),
                    small=True,
                )
                stored.add(key)
                self._memory.pop(key, None)
                return
            except sqlite3.Error as exc:  # the disk is full as well: memory, until a restart
                log.warning("owed helplines held in memory only: %s", type(exc).__name__)
        self._memory.pop(key, None)
        self._memory[key] = alert
        while len(self._memory) > OWED_LIMIT:
            self._memory.popitem(last=False)

    async def take(self, key: str) -> str | None:
        """What is owed to ``key``, no longer owed once taken (the caller sends it)."""
        alert = self._memory.pop(key, None)
        stored = await self._keys()
        if key not in stored or self.store is None:
            return alert
        stored.discard(key)
        try:
            rows = await self.store.read(
                "SELECT alert FROM owed_alerts WHERE respondent_key = ?", (key,)
            )
        except sqlite3.Error as exc:
            stored.add(key)  # still owed: paid when the disk can be read
            log.warning("could not read owed helplines: %s", type(exc).__name__)
            return alert
        try:
            await self.store.write(
                "DELETE FROM owed_alerts WHERE respondent_key = ?", (key,), small=True
            )
        except sqlite3.Error as exc:  # sent now, and perhaps once more after a restart
            log.warning("could not clear owed helplines: %s", type(exc).__name__)
        return str(rows[0][0]) if rows else alert


async def deliver(
    send: Callable[[str], Awaitable[T]],
    owed: OwedAlerts,
    key: str,
    alert: str,
    delays: tuple[float, ...] = RETRY_DELAYS,
) -> T:
    """``send`` the helplines, trying again after each of ``delays`` when Telegram fails;
    if every try fails they are owed to ``key`` and the last error is raised.

    Helplines still owed from before go first, unless they are the same text: an older
    overdose advice is not dropped because the new message is about something else.
    """
    older = await owed.take(key)
    texts = [older, alert] if older is not None and older != alert else [alert]
    for i, text in enumerate(texts):
        for delay in (*delays, None):
            try:
                sent = await send(text)
                break
            except UNDELIVERED:
                if delay is None:
                    await owed.owe(key, "\n\n".join(texts[i:]))
                    raise
                await asyncio.sleep(delay)
    return sent
