"""A period's grouped counts, kept between exports and exact (migration 033).

Exporting November with its 12-month trend reads October (the "last period" the
change columns compare with) and November's pieces (the days the weekly publications
cut it into, ``bot/report/periods.py``): about 200,000 answers of a busy service,
half the CPU of an export.  The grouped rows each counting query returns for a
range of sessions are kept in ``report_counts``, and the next export of any format
that needs the same range (the bot's /export after the command line's, another
format, next week's report for the month) reads those rows instead.

They stay exact because the database deletes them: every write to a session, its
answers, their themes, tags or reviews deletes the kept rows whose range holds the
session's start, in the same transaction as the write (the triggers of migration 033).
A row is kept only if nothing in its range changed while it was counted: it is
written empty with a token first, counted, then filled only if that token's row is
still there.  Rows are counts only; they are never published as they are (suppression
runs on every report as before).
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
import sqlite3
import weakref
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path

from bot.store import Store

log = logging.getLogger(__name__)

_SOURCES = ("queries.py", "fft.py", "counts.py")
CODE = hashlib.sha256(
    b"".join((Path(__file__).parent / name).read_bytes() for name in _SOURCES)
).hexdigest()[:16]
"""The counting code's fingerprint: rows counted by other code (an upgrade, a fix to a
query) are never read, and are replaced when counted again."""


Bounds = tuple[str, str]


async def kept(
    store: Store,
    query: str,
    bounds: Bounds,
    run: Callable[[], Awaitable[list[tuple]]],
) -> list[tuple]:
    """The rows ``run`` returns for the sessions begun within ``bounds``, read from
    ``report_counts`` if they were counted before and nothing in the range has changed
    since; else counted by ``run`` and kept.

    ``query`` names the count and everything else it depends on (codebook, steps).
    A full disk or a busy writer only means the rows are not kept: the export goes on."""
    (rows,) = await kept_cells(store, query, [bounds], lambda _cell: run())
    return rows


async def kept_cells(
    store: Store,
    query: str,
    cells: list[Bounds],
    run: Callable[[Bounds], Awaitable[list[tuple]]],
) -> list[list[tuple]]:
    """``kept`` for each of ``cells`` (ranges in order, each the next one's start), from
    one read of those kept: only the cells a change has reached since are counted again.

    A range is kept as cells (``bot/report/queries.py``: ``cells``) so that a change
    costs a recount of its own week, not of its month: a /delete of someone who
    answered in October, an edit of last week's answer."""
    found = await store.staff_read(
        "SELECT lo, hi, rows FROM report_counts WHERE query = ? AND lo >= ? AND lo < ?"
        " AND code = ? AND rows IS NOT NULL",
        (query, cells[0][0], cells[-1][1], CODE),
    )
    have = {(lo, hi): text for lo, hi, text in found}
    missing = [cell for cell in cells if cell not in have]
    counted: dict[Bounds, list[tuple]] = {}
    if missing:
        token = secrets.token_hex(8)
        keeping = await _write(
            store,
            [
                (
                    "INSERT OR REPLACE INTO report_counts (query, lo, hi, code, token, rows)"
                    " VALUES (?, ?, ?, ?, ?, NULL)",
                    (query, lo, hi, CODE, token),
                )
                for lo, hi in missing
            ],
        )
        if keeping:
            await tidy(store, once=True)
        for cell in missing:
            counted[cell] = await run(cell)
        if keeping:
            await _write(
                store,
                [
                    (
                        "UPDATE report_counts SET rows = ?"
                        " WHERE query = ? AND lo = ? AND hi = ? AND token = ? AND rows IS NULL",
                        (json.dumps(counted[cell], separators=(",", ":")), query, *cell, token),
                    )
                    for cell in missing
                ],
            )
    return [
        counted[cell] if cell in counted else [tuple(row) for row in json.loads(have[cell])]
        for cell in cells
    ]


KEEP_DAYS = 430
"""Rows of ranges that ended longer ago than this are deleted when counts are tidied: a
year's trend and the month before it are what exports read again; an older period
exported again is counted again."""
MAX_ROWS = 2000
"""At most this many kept rows (about six a week for every week of the last
``KEEP_DAYS``, and room for other ranges): beyond it the oldest ranges' rows go first.
Rows are tens of kilobytes (the groups of a week), so the table stays tens of megabytes."""

_tidied: weakref.WeakSet[Store] = weakref.WeakSet()


async def tidy(store: Store, *, once: bool = False) -> int:
    """Delete kept rows that will not be read again, or not soon; returns how many.

    Rows counted by other code (an upgrade) are never read; rows of ranges that ended
    more than ``KEEP_DAYS`` ago, and the oldest beyond ``MAX_ROWS``, are unlikely to
    be.  Run when a store first keeps counts (``once``: not again on that store, so
    not on every count an export misses) and by the warming job (``warm``)."""
    if once and store in _tidied:
        return 0
    _tidied.add(store)
    cutoff = (store.clock() - timedelta(days=KEEP_DAYS)).isoformat(timespec="seconds")
    deleted = 0

    def run(conn: sqlite3.Connection) -> int:
        return sum(
            conn.execute(sql, args).rowcount
            for sql, args in (
                ("DELETE FROM report_counts WHERE code <> ?", (CODE,)),
                ("DELETE FROM report_counts WHERE hi < ?", (cutoff,)),
                (
                    "DELETE FROM report_counts WHERE (query, lo, hi) IN (SELECT query, lo, hi"
                    " FROM report_counts ORDER BY hi, lo, query LIMIT max(0,"
                    " (SELECT count(*) FROM report_counts) - ?))",
                    (MAX_ROWS,),
                ),
            )
        )

    try:
        deleted = await store.atomic(lambda conn: _waiting(conn, run))
    except sqlite3.Error as e:  # locked or full: tidied next time
        log.warning("report counts not tidied: %s", e)
        _tidied.discard(store)
    return deleted


def variant(name: str, *depends: object) -> str:
    """A count's name in ``report_counts``, with what else its rows depend on."""
    if not depends:
        return name
    digest = hashlib.sha256(json.dumps(depends, default=str).encode()).hexdigest()[:16]
    return f"{name}:{digest}"


KEEP_WAIT_MS = 200
"""How long keeping counts waits for another writer: they are only ever a saving, so a
database another process holds locked must not hold the export up.  With the store's
usual 30 s every count of an export waited its 30 s in turn, and an export on a locked
database ran for minutes instead of stopping with a message."""


def _waiting(conn: sqlite3.Connection, work: Callable[[sqlite3.Connection], int]) -> int:
    """``work`` waiting at most ``KEEP_WAIT_MS`` for another writer."""
    (waits,) = conn.execute("PRAGMA busy_timeout").fetchone()
    conn.execute(f"PRAGMA busy_timeout = {KEEP_WAIT_MS}")
    try:
        return work(conn)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(waits)}")


async def _write(store: Store, statements: list[tuple[str, tuple[object, ...]]]) -> bool:
    def run(conn: sqlite3.Connection) -> int:
        return sum(conn.execute(sql, args).rowcount for sql, args in statements)

    try:
        await store.atomic(lambda conn: _waiting(conn, run))
    except sqlite3.Error as e:  # full disk, locked, read-only copy: count, keep nothing
        log.warning("report counts not kept: %s", e)
        return False
    return True
