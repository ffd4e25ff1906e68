"""'You said, we did': updates from staff, /news, and sending them to people who asked.

Updates are the reports' ``updates`` rows (so the network report shows them
too).  People opt in at the end of a flow; their opt-in is a ``subscribers``
row holding only the chat id (needed to write to them), their language and
what they asked for, never linked to a respondent key or an answer: no time is
kept, and rows are keyed by a random token, so neither a timestamp nor the
order rows were added lines an opt-in up with the session that just finished.
/unsubscribe and /delete remove it, and so does Telegram telling us the person
blocked the bot.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import sqlite3
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from telegram.error import BadRequest, Forbidden, RetryAfter

from bot.i18n import Catalogue
from bot.report.notes import for_reader, marked
from bot.report.queries import ReportQueries
from bot.roles import audit
from bot.store import Store

NEWS_ITEMS = 5
BATCH = 20
"""Messages sent before yielding to the bot's other work during a broadcast."""

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Subscriber:
    chat_id: int
    lang: str
    updates: bool
    remind: bool


@dataclass(frozen=True)
class Broadcast:
    sent: int = 0
    removed: int = 0
    """Subscriptions deleted because the person blocked the bot or left Telegram."""
    failed: int = 0


class Subscriptions:
    """Every statement that carries a chat id goes through ``_quietly``: aiosqlite logs
    the parameters of ordinary calls at DEBUG, and a chat id must never reach a log."""

    def __init__(self, store: Store):
        self.store = store
        self.db = store.db

    async def _quietly(self, sql: str, args: tuple[Any, ...]) -> tuple[list[tuple[Any, ...]], int]:
        """(rows, rows changed), committed, in one hop that logs no parameters."""

        def run(conn: sqlite3.Connection) -> tuple[list[tuple[Any, ...]], int]:
            cur = conn.execute(sql, args)
            return [tuple(r) for r in cur.fetchall()], cur.rowcount

        return await self.store.atomic(run)

    async def get(self, chat_id: int) -> Subscriber | None:
        rows, _ = await self._quietly(
            "SELECT chat_id, lang, updates, remind FROM subscribers WHERE chat_id = ?", (chat_id,)
        )
        return (
            Subscriber(rows[0][0], rows[0][1], bool(rows[0][2]), bool(rows[0][3])) if rows else None
        )

    async def set(
        self, chat_id: int, lang: str, *, updates: bool | None = None, remind: bool | None = None
    ) -> Subscriber | None:
        """Turn one opt-in on or off, keeping the other; with neither left, the row goes."""
        now = await self.get(chat_id)
        wants_updates = updates if updates is not None else bool(now and now.updates)
        wants_remind = remind if remind is not None else bool(now and now.remind)
        if not (wants_updates or wants_remind):
            await self.remove(chat_id)
            return None
        # No time is stored and the key is random (migration 008): a timestamp or an
        # insertion order would line the opt-in up with the session just finished.
        await self._quietly(
            "INSERT INTO subscribers (token, chat_id, lang, updates, remind)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET lang = excluded.lang,"
            " updates = excluded.updates, remind = excluded.remind",
            (secrets.token_hex(16), chat_id, lang, int(wants_updates), int(wants_remind)),
        )
        return Subscriber(chat_id, lang, wants_updates, wants_remind)

    async def remove(self, chat_id: int) -> bool:
        _, changed = await self._quietly("DELETE FROM subscribers WHERE chat_id = ?", (chat_id,))
        return changed > 0

    async def wanting(self, what: str) -> list[Subscriber]:
        """Everyone who asked for ``updates`` or ``remind``."""
        if what not in ("updates", "remind"):
            raise ValueError(what)
        async with self.db.execute(
            f"SELECT chat_id, lang, updates, remind FROM subscribers WHERE {what} = 1"
            " ORDER BY chat_id"
        ) as cur:
            rows = await cur.fetchall()
        return [Subscriber(r[0], r[1], bool(r[2]), bool(r[3])) for r in rows]


async def publish(store: Store, text: str, lang: str, actor_key: str, day: date) -> int:
    """Store a staff update (it also appears in the network report); audited."""
    update_id = await ReportQueries(store).add_update(text, day.isoformat(), lang)
    await audit(store, actor_key, "update", {"id": update_id, "lang": lang})
    return update_id


async def news(store: Store, catalogue: Catalogue, lang: str) -> str:
    """The latest updates, newest first: each in ``lang`` where staff translated it, else
    as written and marked with its language (``bot.report.notes``)."""
    shown = for_reader(await ReportQueries(store).notes(), lang)
    if not shown:
        return catalogue.text("news.none", lang)
    lines = [catalogue.text("news.title", lang)]
    for note in reversed(shown[-NEWS_ITEMS:]):
        lines.append(f"\n{note.dated}\n{marked(note, catalogue, lang)}")
    return "\n".join(lines)


Send = Callable[[int, str], Awaitable[Any]]


async def deliver(send: Send, chat_id: int, text: str) -> bool | None:
    """Send one message; True sent, False the person is gone (blocked us), None failed.

    The bot's AIORateLimiter paces sends and retries a 429; if Telegram still
    asks us to wait, we wait once and try again.
    """
    for attempt in range(2):
        try:
            await send(chat_id, text)
            return True
        except Forbidden:
            return False
        except BadRequest as exc:
            if "chat not found" in exc.message.lower():
                return False
            log.warning("a message was refused: %s", exc.message)
            return None
        except RetryAfter as exc:
            if attempt:
                return None
            wait = exc.retry_after  # seconds, or a timedelta once PTB_TIMEDELTA is on
            await asyncio.sleep(wait.total_seconds() if isinstance(wait, timedelta) else wait)
    return None


async def broadcast(
    send: Send, subscriptions: Subscriptions, catalogue: Catalogue, text: str
) -> Broadcast:
    """Send an update to everyone who opted in, one at a time, in their language.

    People who blocked the bot lose their subscription: we cannot write to them,
    and keeping their chat id would be keeping it for nothing.
    """
    sent = removed = failed = 0
    for i, subscriber in enumerate(await subscriptions.wanting("updates")):
        header = catalogue.text("news.broadcast", subscriber.lang)
        outcome = await deliver(send, subscriber.chat_id, f"{header}\n\n{text}")
        if outcome is True:
            sent += 1
        elif outcome is False:
            await subscriptions.remove(subscriber.chat_id)
            removed += 1
        else:
            failed += 1
        if i % BATCH == BATCH - 1:
            await asyncio.sleep(0)  # let the bot answer people between batches
    return Broadcast(sent, removed, failed)
