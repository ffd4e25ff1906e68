"""Broadcasts that finish: the record of who a staff update still has to reach.

A broadcast fixes its recipients when staff press "Send it now" (one
``deliveries`` row per person who asked for news).  Before each message goes, its
row says ``attempting``; after, ``done``, and the outcome is counted on the
broadcast.  So a restart carries on where it stopped, and a row found still
``attempting`` at start-up (the process died mid-send) is counted as perhaps
delivered and never sent again (see ``bot.deliveries`` for why at most once).

Every statement that carries a chat id runs through ``Store.atomic``, which logs
no parameters.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from bot.deliveries import Outcome
from bot.store import Store

BATCH = 50
"""Recipients read at a time."""


class NewerReportSent(Exception):
    """A later week's report has gone out: an older one is not sent after it."""

    def __init__(self, newer: str) -> None:
        super().__init__(newer)
        self.newer = newer


_COUNTER = {
    Outcome.SENT: "sent",
    Outcome.UNKNOWN: "unknown",
    Outcome.GONE: "removed",
    Outcome.REFUSED: "failed",
    Outcome.NOT_SENT: "failed",
}


@dataclass(frozen=True)
class Tally:
    sent: int = 0
    removed: int = 0
    failed: int = 0
    unknown: int = 0


@dataclass(frozen=True)
class Recipient:
    chat_id: int
    lang: str
    part: int
    """Parts of a long update this person already has."""


@dataclass(frozen=True)
class Finished:
    broadcast_id: int
    tally: Tally
    staff_chat: int | None
    staff_lang: str


class Broadcasts:
    def __init__(self, store: Store):
        self.store = store

    async def begin(self, update_id: int, staff_chat: int, staff_lang: str) -> int | None:
        """Record a broadcast of ``update_id`` to everyone who asks for news now.

        Returns the number of recipients, or None if this update was sent before
        (a second tap on an old "Send it now" sends nothing).
        """

        def run(conn: sqlite3.Connection) -> int | None:
            cur = conn.execute(
                "INSERT OR IGNORE INTO broadcasts (update_id, staff_chat, staff_lang, status,"
                " started_at) VALUES (?, ?, ?, 'sending', ?)",
                (update_id, staff_chat, staff_lang, self.store.now()),
            )
            if cur.rowcount == 0:
                return None
            return conn.execute(
                "INSERT INTO deliveries (broadcast_id, chat_id)"
                " SELECT ?, chat_id FROM subscribers WHERE updates = 1",
                (cur.lastrowid,),
            ).rowcount

        return await self.store.atomic(run)

    async def begin_report(
        self, period: str, texts: dict[str, str], staff_chat: int | None, staff_lang: str
    ) -> int | None:
        """Record the broadcast of the network report for ``period`` ('2026-W47'), its message
        in each language (``texts``, English always among them), to everyone who asks for
        news now.  Returns the number of recipients, or None if that report was sent before:
        a report goes out at most once (migration 030).  Raises ``NewerReportSent`` if a
        later week's report went out already: an old preview tapped after it would reach
        everyone after the newer news (checked in the same transaction as the insert)."""
        if "en" not in texts:
            raise ValueError("a report's message needs its English text")

        def run(conn: sqlite3.Connection) -> int | None:
            # Week labels are '2026-W05': zero-padded, so they sort as text.
            newer = conn.execute(
                "SELECT max(period) FROM broadcasts WHERE period > ?", (period,)
            ).fetchone()[0]
            if newer is not None:
                raise NewerReportSent(newer)
            cur = conn.execute(
                "INSERT OR IGNORE INTO broadcasts (period, staff_chat, staff_lang, status,"
                " started_at) VALUES (?, ?, ?, 'sending', ?)",
                (period, staff_chat, staff_lang, self.store.now()),
            )
            if cur.rowcount == 0:
                return None
            broadcast_id = cur.lastrowid
            conn.executemany(
                "INSERT INTO broadcast_texts (broadcast_id, lang, text) VALUES (?, ?, ?)",
                [(broadcast_id, lang, text) for lang, text in sorted(texts.items())],
            )
            return conn.execute(
                "INSERT INTO deliveries (broadcast_id, chat_id)"
                " SELECT ?, chat_id FROM subscribers WHERE updates = 1",
                (broadcast_id,),
            ).rowcount

        return await self.store.atomic(run)

    async def texts(self, broadcast_id: int) -> dict[str, str]:
        """A report broadcast's message per language (empty for an update's broadcast)."""
        async with self.store.db.execute(
            "SELECT lang, text FROM broadcast_texts WHERE broadcast_id = ?", (broadcast_id,)
        ) as cur:
            return {r[0]: r[1] for r in await cur.fetchall()}

    async def recover(self) -> int:
        """Before a runner starts: sends cut off mid-way count as perhaps delivered.
        Returns how many."""

        def run(conn: sqlite3.Connection) -> int:
            rows = conn.execute(
                "SELECT broadcast_id, count(*) FROM deliveries WHERE state = 'attempting'"
                " GROUP BY broadcast_id"
            ).fetchall()
            for broadcast_id, n in rows:
                conn.execute(
                    "UPDATE broadcasts SET unknown = unknown + ? WHERE id = ?", (n, broadcast_id)
                )
            conn.execute("UPDATE deliveries SET state = 'done' WHERE state = 'attempting'")
            return sum(n for _, n in rows)

        return await self.store.atomic(run)

    async def unfinished(self) -> list[tuple[int, str | None]]:
        """(broadcast id, update text) of every broadcast still sending, oldest first; the
        text is None for a report's broadcast (its words are in ``texts``)."""
        async with self.store.db.execute(
            "SELECT b.id, u.text FROM broadcasts b LEFT JOIN updates u ON u.id = b.update_id"
            " WHERE b.status = 'sending' ORDER BY b.id"
        ) as cur:
            return [(r[0], r[1]) for r in await cur.fetchall()]

    async def waiting(
        self, broadcast_id: int, limit: int = BATCH, after: int | None = None
    ) -> list[Recipient]:
        """The next people still to get it, in their subscription's language (someone who
        turned news off meanwhile is left out).

        ``after``: only people whose chat id is above it (the last one of the batch
        before).  The rows are kept in chat id order, and a finished delivery stays in
        place until the broadcast ends, so without it each batch stepped over every
        delivery already done: at 10,000 subscribers 0.25-2 ms a batch on the database
        thread, people's answers queued behind it.  The sender scans once more from the
        start at the end (``after`` None), for anyone passed over meanwhile.
        """
        rows = await self._quietly(
            "SELECT d.chat_id, s.lang, d.part FROM deliveries d"
            " JOIN subscribers s ON s.chat_id = d.chat_id"
            " WHERE d.broadcast_id = ? AND d.chat_id > ? AND d.state = 'pending'"
            " AND s.updates = 1 ORDER BY d.chat_id LIMIT ?",
            (broadcast_id, -(2**63) if after is None else after, limit),
        )
        return [Recipient(r[0], r[1], r[2]) for r in rows]

    async def attempting(
        self,
        broadcast_id: int,
        chat_id: int,
        part: int,
        settled: tuple[int, Outcome] | None = None,
    ) -> None:
        """Written before part ``part`` goes: if we crash now, we do not know if it arrived.

        ``settled``: the previous person's delivery (chat id, outcome), recorded in the
        same transaction, before this one is marked.  What is stored at each send is what
        ``settle`` then ``attempting`` stored, in one trip to the database thread instead
        of two: a broadcast at 30 messages a second made 60 trips a second there, and
        people's answers queued behind them.
        """

        def run(conn: sqlite3.Connection) -> None:
            if settled is not None:
                _settle(conn, broadcast_id, settled[0], settled[1], retry_later=False)
            conn.execute(
                "UPDATE deliveries SET state = 'attempting', part = ? WHERE broadcast_id = ?"
                " AND chat_id = ?",
                (part, broadcast_id, chat_id),
            )

        await self.store.atomic(run, small=True)

    async def settle(
        self, broadcast_id: int, chat_id: int, outcome: Outcome, *, retry_later: bool = False
    ) -> None:
        """Record how one person's delivery ended, and count it, in one transaction.

        ``retry_later``: not sent because the bot is stopping: pending again.
        Someone who blocked the bot loses their opt-in (and with it this row).
        """

        await self.store.atomic(
            lambda conn: _settle(conn, broadcast_id, chat_id, outcome, retry_later=retry_later),
            small=True,
        )

    async def finish(self, broadcast_id: int) -> Finished | None:
        """Mark it done once nobody is left waiting, and forget who it went to."""

        def run(conn: sqlite3.Connection) -> Finished | None:
            left = conn.execute(
                "SELECT count(*) FROM deliveries d JOIN subscribers s ON s.chat_id = d.chat_id"
                " WHERE d.broadcast_id = ? AND d.state != 'done' AND s.updates = 1",
                (broadcast_id,),
            ).fetchone()[0]
            if left:
                return None
            conn.execute("DELETE FROM deliveries WHERE broadcast_id = ?", (broadcast_id,))
            conn.execute(
                "UPDATE broadcasts SET status = 'done', finished_at = coalesce(finished_at, ?)"
                " WHERE id = ?",
                (self.store.now(), broadcast_id),
            )
            return _finished(conn, broadcast_id)

        return await self.store.atomic(run)

    async def unreported(self) -> list[Finished]:
        """Finished broadcasts whose outcome staff have not been sent yet."""

        def run(conn: sqlite3.Connection) -> list[Finished]:
            ids = conn.execute(
                "SELECT id FROM broadcasts WHERE status = 'done' AND staff_chat IS NOT NULL"
            ).fetchall()
            found = [_finished(conn, row[0]) for row in ids]
            return [f for f in found if f is not None]

        return await self.store.atomic(run)

    async def reported(self, broadcast_id: int) -> None:
        """Staff have been told: their chat id is no longer needed."""
        await self.store.write(
            "UPDATE broadcasts SET staff_chat = NULL WHERE id = ?", (broadcast_id,)
        )

    async def _quietly(self, sql: str, args: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        def run(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
            return [tuple(r) for r in conn.execute(sql, args).fetchall()]

        return await self.store.atomic(run)


def _settle(
    conn: sqlite3.Connection,
    broadcast_id: int,
    chat_id: int,
    outcome: Outcome,
    *,
    retry_later: bool,
) -> None:
    key = (broadcast_id, chat_id)
    if retry_later:
        conn.execute(
            "UPDATE deliveries SET state = 'pending' WHERE broadcast_id = ? AND chat_id = ?", key
        )
        return
    conn.execute("UPDATE deliveries SET state = 'done' WHERE broadcast_id = ? AND chat_id = ?", key)
    column = _COUNTER[outcome]
    conn.execute(f"UPDATE broadcasts SET {column} = {column} + 1 WHERE id = ?", (broadcast_id,))
    if outcome is Outcome.GONE:
        conn.execute("DELETE FROM subscribers WHERE chat_id = ?", (chat_id,))


def _finished(conn: sqlite3.Connection, broadcast_id: int) -> Finished | None:
    row = conn.execute(
        "SELECT sent, removed, failed, unknown, staff_chat, staff_lang FROM broadcasts"
        " WHERE id = ?",
        (broadcast_id,),
    ).fetchone()
    if row is None:
        return None
    return Finished(broadcast_id, Tally(row[0], row[1], row[2], row[3]), row[4], row[5])
