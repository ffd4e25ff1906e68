"""The WAL stays bounded while the bot writes without pause (an operator's disk).

Since the writer stopped checkpointing (bot/checkpoints.py), only a checkpoint from
another connection copied pages back, and SQLite rewinds the WAL to its start only
when a write begins with every page copied: under writes back to back (a purge of a
long backlog, a burst of answers) that never happened, and the ``-wal`` file grew
without bound (15 s of small writes: 1.2 GB beside a 290 MB database).
"""

from __future__ import annotations

import os

import bot.store
from bot.store import Store

PAGE = 4096


async def test_the_wal_stays_bounded_under_writes_back_to_back(settings, monkeypatch):
    limit = 300  # pages; the shipped backstop is larger, the mechanism the same
    monkeypatch.setattr(bot.store, "WAL_BACKSTOP_PAGES", limit, raising=False)
    store = await Store.open(settings.database)
    try:
        await store.write("CREATE TABLE junk (k TEXT, v TEXT)")
        wal = f"{settings.database}-wal"
        blob = "x" * 3000
        for i in range(700):  # ~5,000 pages, ~20 MB, back to back
            await store.transaction(
                [("INSERT INTO junk VALUES (?, ?)", (f"k{i}-{j}", blob)) for j in range(7)]
            )
        size = os.path.getsize(wal)
    finally:
        await store.close()
    assert size <= 4 * limit * PAGE, f"WAL is {size / 1e6:.1f} MB after 20 MB of writes"
    assert not os.path.exists(wal) or os.path.getsize(wal) == 0  # the last close empties it
