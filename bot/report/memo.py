"""Answers of suppression's exact checks, kept between exports (migration 038).

``protect`` (``bot/report/suppress.py``) asks two questions again and again of each
component of a report's equations: which hidden cells the shown ones pin down
(``_pinned``: row reduction), and which a linear program narrows below the threshold
(``audit.narrowed``: HiGHS).  Each answer is a pure function of the question: the
equations, the counts of their cells, the threshold, and the code that solves them.
Within one ``protect`` the answers were kept already; after a week of a service the
first 12-month export spent most of its second in asking them afresh, though the hourly
job or the last export had asked the same (``bench/export_speed.py``, "a week later").

So each answer is kept under a digest of the whole question and of the solving code
(``CODE``: this module's, ``suppress.py``'s and ``audit.py``'s source and the solver's
version), keyed with the deployment's secret (``_secret``), in the process and in
``suppression_memo``.  A question differing in any
count, cell, equation or threshold has another digest: a kept answer is only ever
read for the very question it answers, so it cannot be stale, and the report is what
it would be without it.  Rows hold no names (the answer is the positions of cells among
the question's own, sorted) and no count a reader without the secret can try for, and go
after ``KEEP_HOURS``.  With no secret (no key file beside the database, as a command line
on a copy) answers are kept in the process only.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
import sqlite3
import sys
import weakref
from collections.abc import Callable, Collection, Sequence
from datetime import timedelta
from importlib.metadata import version
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from bot.report.model import CellRef

if TYPE_CHECKING:
    from bot.store import Store

log = logging.getLogger(__name__)

_SOURCES = ("memo.py", "suppress.py", "audit.py")
CODE = hashlib.sha256(
    b"".join((Path(__file__).parent / name).read_bytes() for name in _SOURCES)
    + f"highspy {version('highspy')} numpy {version('numpy')} {sys.version_info[:2]}".encode()
).digest()[:8]
"""The solving code's fingerprint, part of every digest: answers found by other code
(an upgrade, a fix, another solver) are never read."""

KEEP_HOURS = 26
"""Rows not used for this long go: the hourly job (``bot/report/warm.py``) asks the
questions of the next export every hour, and each use makes a row new again."""
MOST = 100_000
"""Answers one process holds at most (a test run makes thousands of reports)."""
MAX_ROWS = 20_000
"""Rows kept at most, the oldest going first: each process reads them all once (a
month's export with its trend asks ~500 questions; the hourly job's are mostly the same
each hour)."""

_key: list[bytes] = [os.urandom(32)]
"""What every digest is keyed with: derived from the deployment's secret (``load``), else
random to this process, whose answers then go nowhere."""
_kept_in: list[Path | None] = [None]
"""The database whose secret keys the digests, if any: only there are answers kept."""
_known: dict[bytes, tuple[int, ...]] = {}
_used: dict[bytes, tuple[int, ...]] = {}
"""Answers given since the last ``save``: kept (again) in the database then, whether
found afresh or held already (perhaps read from another database: tests, benchmarks)."""
_loaded: weakref.WeakSet[Store] = weakref.WeakSet()
_epoch: list[int | None] = [None]
"""How many sessions had been deleted when the kept answers were read (migration 039):
if any is deleted since, what this process worked out before may be of their answers,
and is not written back."""
_ANSWER = re.compile(r"(?:\d+(?:,\d+)*)?")
"""What a kept answer reads as (a row that does not is left alone, and asked afresh)."""


def answer(
    kind: str,
    question: object,
    cells: Sequence[CellRef],
    solve: Callable[[], Collection[CellRef]],
) -> list[CellRef]:
    """``solve()``, or its answer kept for this very ``question`` (of ``kind``), as the
    members of ``cells`` (every cell the question names, in a fixed order) it holds.

    ``question``: everything the answer depends on, as a value whose ``repr`` says it
    all (tuples of strings and integers)."""
    key = hashlib.blake2b(
        repr((CODE, kind, question)).encode(), digest_size=16, key=_key[0]
    ).digest()
    found = _known.get(key)
    if found is None or not _fits(found, len(cells)):
        members = set(solve())
        found = tuple(i for i, ref in enumerate(cells) if ref in members)
        if len(_known) >= MOST:
            _known.clear()
        _known[key] = found
    _used[key] = found
    return [cells[i] for i in found]


def _fits(found: tuple[int, ...], size: int) -> bool:
    """Whether a kept answer can be one of this question's: positions ascending, each
    among its ``size`` cells.  A row damaged on disk (or written by hand) that is not
    is asked afresh rather than stopping the export."""
    return all(a < b for a, b in pairwise(found)) and (not found or found[-1] < size)


async def load(store: Store) -> None:
    """The answers kept in the database (by another export, or the hourly job); read
    once a store (later ones are this process's own, held already)."""
    if store in _loaded:
        return
    _loaded.add(store)
    path, secret = _database(store), _secret(store)
    if secret is None:
        if _kept_in[0] is not None:
            _keyed(os.urandom(32), None)
        return
    key = hmac.new(secret, b"suppression answers", hashlib.sha256).digest()
    if key != _key[0]:
        _keyed(key, path)
    _kept_in[0] = path
    try:
        ((epoch,),) = await store.staff_read("SELECT n FROM suppression_memo_epoch")
        rows = await store.staff_read("SELECT digest, answer FROM suppression_memo")
    except sqlite3.Error as e:  # never a reason not to export: solved afresh
        log.warning("suppression answers not read: %s", e)
        return
    _epoch[0] = epoch
    for key, text in rows:
        if len(_known) >= MOST:
            break
        if isinstance(key, bytes) and isinstance(text, str) and _ANSWER.fullmatch(text):
            _known.setdefault(key, tuple(int(i) for i in text.split(",") if i))


async def save(store: Store) -> None:
    """Keep the answers given since the last save in the database (those kept already
    made new again), and let old ones go.  A full disk or a busy writer only means they
    are not kept: the report is made."""
    from bot.report.counts import _waiting  # counts imports the store; this, only types

    if not _used or _kept_in[0] is None or _database(store) != _kept_in[0]:
        _used.clear()  # keyed with no secret of this database's: kept nowhere
        return
    rows = [(key, ",".join(map(str, found))) for key, found in _used.items()]
    _used.clear()
    now = store.clock()
    made = now.isoformat(timespec="seconds")
    cutoff = (now - timedelta(hours=KEEP_HOURS)).isoformat(timespec="seconds")

    def run(conn: sqlite3.Connection) -> int:
        (epoch,) = conn.execute("SELECT n FROM suppression_memo_epoch").fetchone()
        if epoch != _epoch[0]:  # someone's answers were deleted since: keep none of ours
            return -1
        conn.execute("DELETE FROM suppression_memo WHERE made_at < ?", (cutoff,))
        conn.executemany(
            "INSERT INTO suppression_memo (digest, answer, made_at) VALUES (?, ?, ?)"
            " ON CONFLICT (digest) DO UPDATE SET made_at = excluded.made_at",
            [(key, text, made) for key, text in rows],
        )
        conn.execute(
            "DELETE FROM suppression_memo WHERE digest IN (SELECT digest FROM suppression_memo"
            " ORDER BY made_at LIMIT max(0, (SELECT count(*) FROM suppression_memo) - ?))",
            (MAX_ROWS,),
        )
        return len(rows)

    try:
        kept = await store.atomic(lambda conn: _waiting(conn, run))
    except sqlite3.Error as e:
        log.warning("suppression answers not kept: %s", e)
        return
    if kept < 0:  # what this process holds may be of deleted answers: read afresh
        _keyed(_key[0], None)
        _loaded.discard(store)


def forget() -> None:
    """Drop the answers this process holds (tests that compare with none kept)."""
    _keyed(os.urandom(32), None)
    _loaded.clear()


def _keyed(key: bytes, path: Path | None) -> None:
    """Digests keyed with ``key`` from now on: those held, keyed otherwise, are dropped."""
    _key[0] = key
    _kept_in[0] = path
    _known.clear()
    _used.clear()


def _database(store: Store) -> Path | None:
    return store._path  # the store's file: its key file is beside it


def _secret(store: Store) -> bytes | None:
    """The deployment's secret (``FEEDBACK_BOT_SECRET``, or the key file beside the
    database, ``bot/privacy.py``), or None: never made here, and a weak one is none.

    A digest of a question holds the hidden cells' true counts, and counts are small:
    unkeyed, whoever holds the database (a backup) could try each count a deleted
    person's answer may have made, and find the one whose digest is kept.  Keyed with
    the secret, which backups leave out, a digest tells them nothing."""
    from bot.privacy import SECRET_ENV, SecretError, key_file_for, load_secret, read_key_file

    path = _database(store)
    try:
        if os.environ.get(SECRET_ENV) is not None:
            return load_secret(path or Path("."))
        if path is None or not key_file_for(path).exists():
            return None
        return read_key_file(key_file_for(path))
    except SecretError:
        return None
