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
from collections.abc import Awaitable, Callable
from pathlib import Path

from bot.store import Store

log = logging.getLogger(__name__)

_SOURCES = ("queries.py", "fft.py", "counts.py")
CODE = hashlib.sha256(
    b"".join((Path(__file__).parent / name).read_bytes() for name in _SOURCES)
).hexdigest()[:16]
"""The counting code's fingerprint: rows counted by other code (an upgrade, a fix to a
query) are never read, and are replaced when counted again."""


async def kept(
    store: Store,
    query: str,
    bounds: tuple[str, str],
    run: Callable[[], Awaitable[list[tuple]]],
) -> list[tuple]:
    """The rows ``run`` returns for the sessions begun within ``bounds``, read from
    ``report_counts`` if they were counted before and nothing in the range has changed
    since; else counted by ``run`` and kept.

    ``query`` names the count and everything else it depends on (codebook, steps).
    A full disk or a busy writer only means the rows are not kept: the export goes on."""
    lo, hi = bounds
    found = await store.staff_read(
        "SELECT rows FROM report_counts WHERE query = ? AND lo = ? AND hi = ? AND code = ?"
        " AND rows IS NOT NULL",
        (query, lo, hi, CODE),
    )
    if found:
        return [tuple(row) for row in json.loads(found[0][0])]
    token = secrets.token_hex(8)
    keeping = await _write(
        store,
        [
            # Rows counted by other code are never read again: not kept either.
            ("DELETE FROM report_counts WHERE code <> ?", (CODE,)),
            (
                "INSERT OR REPLACE INTO report_counts (query, lo, hi, code, token, rows)"
                " VALUES (?, ?, ?, ?, ?, NULL)",
                (query, lo, hi, CODE, token),
            ),
        ],
    )
    rows = await run()
    if keeping:
        await _write(
            store,
            [
                (
                    "UPDATE report_counts SET rows = ?"
                    " WHERE query = ? AND lo = ? AND hi = ? AND token = ? AND rows IS NULL",
                    (json.dumps(rows, separators=(",", ":")), query, lo, hi, token),
                )
            ],
        )
    return rows


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


async def _write(store: Store, statements: list[tuple[str, tuple[object, ...]]]) -> bool:
    def run(conn: sqlite3.Connection) -> int:
        (waits,) = conn.execute("PRAGMA busy_timeout").fetchone()
        conn.execute(f"PRAGMA busy_timeout = {KEEP_WAIT_MS}")
        try:
            return sum(conn.execute(sql, args).rowcount for sql, args in statements)
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(waits)}")

    try:
        await store.atomic(run)
    except sqlite3.Error as e:  # full disk, locked, read-only copy: count, keep nothing
        log.warning("report counts not kept: %s", e)
        return False
    return True
