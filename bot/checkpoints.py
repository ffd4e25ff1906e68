"""WAL checkpoints off the path of people's answers.

In WAL mode a commit appends pages to the ``-wal`` file; a checkpoint copies them
back into the database and syncs it to disk.  SQLite's default does that inside the
commit that takes the WAL past 1,000 pages, on the bot's only writer: every few
seconds at 30 updates a second, one person's answer (and every answer queued behind
it) waited for the copy and two fsyncs, 10-40 ms on a small shared server.  That was
most of the p99 at a steady rate, and during a purge (which writes many pages) most
of the wait of every answer.

So the writer does not checkpoint (``PRAGMA wal_autocheckpoint`` only as a backstop
at ``store.WAL_BACKSTOP_PAGES``), and a connection of its own runs a PASSIVE checkpoint
in a worker thread, at most once a second while the bot writes: it never waits for the
writer nor holds it up.  The backstop is there because a checkpoint from another
connection never rewinds the WAL while writes keep coming: without it the WAL grew
without bound under writes back to back.  Durability is
unchanged: a commit is in the WAL before the person sees the next question, as before
(``synchronous=NORMAL``: it survives the bot being killed); the checkpoint only moves
committed pages into the main file.  When the last connection closes, SQLite
checkpoints and removes the WAL as before.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import time
from pathlib import Path

log = logging.getLogger(__name__)

EVERY = 1.0
"""Seconds between checkpoints while the bot writes (~30 answers, ~200 pages at 30/s)."""


def wal_pages(path: Path, page_size: int) -> int:
    """The pages in ``path``'s WAL file by its size (frames of a page and a 24-byte
    header after a 32-byte file header), 0 when there is none.  An upper bound on
    what is left to copy: a WAL not yet rewound also holds pages already copied.

    Only ``stat``: opening and closing the database's own files would drop the POSIX
    locks SQLite's connections in this process hold on them."""
    try:
        size = path.with_name(path.name + "-wal").stat().st_size
    except OSError:
        return 0
    return max(0, size - 32) // (page_size + 24)


class Checkpointer:
    """Runs ``PRAGMA wal_checkpoint(PASSIVE)`` on its own connection, in a thread."""

    def __init__(self, path: Path, page_size: int, every: float = EVERY) -> None:
        self._path = path
        self._every = every
        self._conn: sqlite3.Connection | None = None
        self._running: asyncio.Future[None] | None = None
        self._next = time.monotonic() + every
        self._closed = False
        self._failing = False
        self.behind: int | None = wal_pages(path, page_size)
        """WAL pages the last checkpoint could not copy back (None: it failed).  A reader
        in another connection (a report being made, a backup's copy) holds a snapshot,
        and pages written since cannot be copied until it ends.  Before the first
        checkpoint: every page in the WAL, which a crash may have left past the backstop
        (attack19b), so that small writes stay off the loop's thread until it is copied."""

    @property
    def closed(self) -> bool:
        return self._closed

    def poke(self) -> None:
        """After a commit: start a checkpoint if one is due and none is running."""
        now = time.monotonic()
        if self._closed or now < self._next:
            return
        if self._running is not None and not self._running.done():
            return
        self._next = now + self._every
        self._running = asyncio.get_running_loop().run_in_executor(None, self._checkpoint)

    def _checkpoint(self) -> None:
        try:
            if self._conn is None:
                self._conn = sqlite3.connect(
                    self._path, timeout=0, isolation_level=None, check_same_thread=False
                )
            _, frames, copied = self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            self.behind = max(0, frames - copied)
        except (sqlite3.Error, OSError) as exc:
            self.behind = None
            # A full disk or a lock held elsewhere: the pages stay in the WAL, safe, and
            # the next checkpoint (or the last connection's close) moves them.  Said once
            # until one succeeds: a line a second on a full disk would only fill it more.
            if not self._failing:
                log.warning("WAL checkpoint not done (will retry each second): %s", exc)
            self._failing = True
        else:
            if self._failing:
                log.info("WAL checkpoints done again")
            self._failing = False

    async def settle(self) -> None:
        """Wait for a checkpoint under way (the purge, between its batches).

        SQLite rewinds the WAL only when a write begins with every page copied: a
        writer that waits for the copy lets that happen, one that never pauses does not.
        """
        if self._running is not None and not self._running.done():
            with contextlib.suppress(Exception):
                await asyncio.shield(self._running)

    async def now(self) -> None:
        """Checkpoint now, whenever the last one was, and wait for it (a long run of
        writes, between its batches: the purge).

        The checkpoint a second could not keep up with a purge (~10,000 pages a second
        on a small server): the WAL reached ``store.WAL_BACKSTOP_PAGES`` and stayed
        there, so every few dozen batches a commit ran the backstop's checkpoint on the
        writer, 60-120 ms in which every person's answer queued (bench/busy_e2e.py's
        "awaiting the database thread, queued", p99 138 ms with the purge alone).
        The writer is free meanwhile: people's answers go on while the purge waits.
        """
        if self._closed:
            return
        if self._running is None or self._running.done():
            self._next = time.monotonic() + self._every
            self._running = asyncio.get_running_loop().run_in_executor(None, self._checkpoint)
        with contextlib.suppress(Exception):
            await asyncio.shield(self._running)

    async def close(self) -> None:
        """Wait for a checkpoint under way, then close the connection."""
        self._closed = True
        if self._running is not None:
            with contextlib.suppress(Exception):
                await self._running
            self._running = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None
