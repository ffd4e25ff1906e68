"""The WAL stays bounded while the bot writes without pause (an operator's disk).

Since the writer stopped checkpointing (bot/checkpoints.py), only a checkpoint from
another connection copied pages back, and SQLite rewinds the WAL to its start only
when a write begins with every page copied: under writes back to back (a purge of a
long backlog, a burst of answers) that never happened, and the ``-wal`` file grew
without bound (15 s of small writes: 1.2 GB beside a 290 MB database).
"""

from __future__ import annotations

import os
import sqlite3

import bot.store
from bot.checkpoints import Checkpointer, wal_pages
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


async def test_a_purge_of_a_long_backlog_leaves_a_small_wal(settings, monkeypatch):
    """The daily purge deletes in small batches back to back: on the old code, purging
    40,000 sessions of a 109 MB database left a 1.4 GB WAL."""
    import sqlite3
    from datetime import timedelta

    limit = 300
    monkeypatch.setattr(bot.store, "WAL_BACKSTOP_PAGES", limit, raising=False)
    store = await Store.open(settings.database)
    await store.close()
    conn = sqlite3.connect(settings.database)
    conn.execute("INSERT INTO flow_versions VALUES ('f', 1, 'x', '{}', '2020-01-01')")
    conn.executemany(
        "INSERT INTO sessions (id, respondent_key, channel, mode, flow_id, flow_version, lang,"
        " status, started_at, updated_at, state) VALUES (?, 'k', 'telegram', 'own_device',"
        " 'f', 1, 'en', 'completed', ?, ?, '{}')",
        ((f"s{i}", f"2020-{1 + i % 12:02d}-10T10:00:00+00:00", "2020") for i in range(3000)),
    )
    conn.executemany(
        "INSERT INTO answers (session_id, flow_id, flow_version, step_id, kind, value, score,"
        " answered_at) VALUES (?, 'f', 1, ?, ?, ?, ?, '2020')",
        (
            (f"s{i}", f"q{j}", "likert" if j < 4 else "text", "v" * (1 if j < 4 else 300), j)
            for i in range(3000)
            for j in range(8)
        ),
    )
    conn.commit()
    conn.close()
    store = await Store.open(settings.database)
    try:
        done = await store.purge(timedelta(days=365))
        size = os.path.getsize(f"{settings.database}-wal")
    finally:
        await store.close()
    assert done.sessions == 3000
    assert size <= 4 * limit * PAGE, f"WAL is {size / 1e6:.1f} MB after the purge"


async def test_a_purge_never_leaves_the_checkpoint_to_a_persons_commit(settings, monkeypatch):
    """A purge writes pages faster than the checkpoint a second copies them back: the WAL
    reached the backstop and stayed there, so every few dozen batches the commit that
    crossed it (often a person's answer) checkpointed on the writer, 60-120 ms in which
    every answer queued (bench/busy_e2e.py --jobs purge).  The purge now checkpoints
    every PURGE_CHECKPOINT_SESSIONS sessions itself, so the WAL stays far below it."""
    import sqlite3
    from datetime import timedelta

    backstop = 3000  # pages, ~12 MB; the purge below writes several times that
    monkeypatch.setattr(bot.store, "WAL_BACKSTOP_PAGES", backstop, raising=False)
    store = await Store.open(settings.database)
    await store.close()
    conn = sqlite3.connect(settings.database)
    conn.execute("INSERT INTO flow_versions VALUES ('f', 1, 'x', '{}', '2020-01-01')")
    conn.executemany(
        "INSERT INTO sessions (id, respondent_key, channel, mode, flow_id, flow_version, lang,"
        " status, started_at, updated_at, state) VALUES (?, 'k', 'telegram', 'own_device',"
        " 'f', 1, 'en', 'completed', ?, ?, '{}')",
        ((f"s{i}", "2020-01-10T10:00:00+00:00", "2020") for i in range(6000)),
    )
    conn.executemany(
        "INSERT INTO answers (session_id, flow_id, flow_version, step_id, kind, value, score,"
        " answered_at) VALUES (?, 'f', 1, ?, 'text', ?, 1, '2020')",
        ((f"s{i}", f"q{j}", f"{i} {j} " + "w" * 400) for i in range(6000) for j in range(8)),
    )
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    store = await Store.open(settings.database)
    try:
        done = await store.purge(timedelta(days=365))
        # The -wal file is never cut below the size it reached (only to journal_size_limit,
        # the backstop here): its size is the most the WAL held during the purge.
        pages = os.path.getsize(f"{settings.database}-wal") // PAGE
    finally:
        await store.close()
    assert done.sessions == 6000
    assert pages < backstop // 2, f"the WAL reached {pages} pages (backstop {backstop})"


async def test_a_purge_whose_checkpoints_fail_still_finishes_and_says_so_once(
    settings, monkeypatch, caplog
):
    """The purge's own checkpoints on a full disk (or a file locked elsewhere): each one
    fails, the purge carries on (the pages stay safe in the WAL), and the log says so
    once, not once per checkpoint: a line per 100 sessions would only fill the disk more."""
    import logging
    import sqlite3
    from datetime import timedelta

    store = await Store.open(settings.database)
    await store.close()
    conn = sqlite3.connect(settings.database)
    conn.execute("INSERT INTO flow_versions VALUES ('f', 1, 'x', '{}', '2020-01-01')")
    conn.executemany(
        "INSERT INTO sessions (id, respondent_key, channel, mode, flow_id, flow_version, lang,"
        " status, started_at, updated_at, state) VALUES (?, 'k', 'telegram', 'own_device',"
        " 'f', 1, 'en', 'completed', '2020-01-10T10:00:00+00:00', '2020', '{}')",
        ((f"s{i}",) for i in range(1000)),
    )
    conn.commit()
    conn.close()

    store = await Store.open(settings.database)
    # The checkpoint's connection cannot be made (as on a full disk: no room for its files).
    nowhere = settings.database.parent / "missing" / "feedback.db"
    monkeypatch.setattr(store._checkpoints, "_path", nowhere)
    try:
        with caplog.at_level(logging.INFO, logger="bot.checkpoints"):
            done = await store.purge(timedelta(days=365))
    finally:
        await store.close()
    assert done.sessions == 1000
    warnings = [r for r in caplog.records if r.name == "bot.checkpoints"]
    assert len(warnings) == 1 and "not done" in warnings[0].getMessage(), warnings


async def test_a_purge_waits_for_a_long_read_instead_of_growing_the_wal(settings, monkeypatch):
    """A report being made in another process (or a backup's copy) reads from a snapshot,
    and no checkpoint can copy back what was written after it until the read ends.  The
    purge went on writing meanwhile: the WAL reached the backstop with 6,945 pages left
    to copy, and a person's commit copied them (bench/busy_e2e.py, export + purge +
    backup: p99 550 ms).  Now the purge waits for the read, and finishes after it."""
    import asyncio
    import sqlite3
    from datetime import timedelta

    backstop = 3000
    monkeypatch.setattr(bot.store, "WAL_BACKSTOP_PAGES", backstop, raising=False)
    store = await Store.open(settings.database)
    await store.close()
    conn = sqlite3.connect(settings.database)
    conn.execute("INSERT INTO flow_versions VALUES ('f', 1, 'x', '{}', '2020-01-01')")
    conn.executemany(
        "INSERT INTO sessions (id, respondent_key, channel, mode, flow_id, flow_version, lang,"
        " status, started_at, updated_at, state) VALUES (?, 'k', 'telegram', 'own_device',"
        " 'f', 1, 'en', 'completed', ?, ?, '{}')",
        ((f"s{i}", "2020-01-10T10:00:00+00:00", "2020") for i in range(6000)),
    )
    conn.executemany(
        "INSERT INTO answers (session_id, flow_id, flow_version, step_id, kind, value, score,"
        " answered_at) VALUES (?, 'f', 1, ?, 'text', ?, 1, '2020')",
        ((f"s{i}", f"q{j}", f"{i} {j} " + "w" * 400) for i in range(6000) for j in range(8)),
    )
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()

    reader = sqlite3.connect(settings.database, isolation_level=None)
    store = await Store.open(settings.database)
    try:
        await store.write("UPDATE sessions SET lang = 'pl' WHERE id = 's0'")  # the WAL in use
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM answers").fetchone()  # a long read begins
        purge = asyncio.ensure_future(store.purge(timedelta(days=365)))
        done, _ = await asyncio.wait([purge], timeout=3)
        pages = os.path.getsize(f"{settings.database}-wal") // PAGE
        assert not done, "the purge did not wait for the read"
        assert pages < backstop // 2, f"the WAL reached {pages} pages (backstop {backstop})"
        reader.execute("COMMIT")  # the read ends: the purge goes on, and finishes
        purged = await asyncio.wait_for(purge, 120)
    finally:
        reader.close()
        await store.close()
    assert purged.sessions == 6000


async def test_a_purge_waiting_for_a_read_ends_when_the_bot_stops(settings, monkeypatch):
    """The bot stopping while its purge waits for a long read: the purge ends with the
    store, it does not keep the shutdown waiting for the read (up to PURGE_WAL_PATIENCE)."""
    import asyncio
    from datetime import timedelta

    reader, store = await _old_sessions_and_a_reader(settings, monkeypatch)
    try:
        reader.execute("SELECT count(*) FROM answers").fetchone()
        purge = asyncio.ensure_future(store.purge(timedelta(days=365)))
        done, _ = await asyncio.wait([purge], timeout=2)
        assert not done  # waiting for the read
    finally:
        await store.close()  # the bot stops
    done, _ = await asyncio.wait([purge], timeout=5)
    reader.close()
    assert done, "the purge kept waiting after the store closed"
    purge.exception()  # it ended on the closed store, as any purge cut short by a stop


async def test_a_read_that_never_ends_holds_the_purge_once_not_at_every_batch(
    settings, monkeypatch, caplog
):
    """A stuck reader (a connection left in a transaction): the purge waits its patience
    once, says so once, and then finishes without waiting at each later checkpoint
    (60 waits of 10 minutes for 6,000 sessions would be 10 hours)."""
    import logging
    import time
    from datetime import timedelta

    monkeypatch.setattr(bot.store, "PURGE_WAL_PATIENCE", 1.0)
    reader, store = await _old_sessions_and_a_reader(settings, monkeypatch)
    try:
        reader.execute("SELECT count(*) FROM answers").fetchone()  # and never ends
        began = time.monotonic()
        with caplog.at_level(logging.WARNING, logger="bot.store"):
            done = await store.purge(timedelta(days=365))
        took = time.monotonic() - began
    finally:
        reader.close()
        await store.close()
    assert done.sessions == 6000
    said = [r for r in caplog.records if r.name == "bot.store" and "purge went on" in r.message]
    assert len(said) == 1, [r.message for r in said]
    assert took < 30, f"the purge took {took:.0f} s"


async def _old_sessions_and_a_reader(settings, monkeypatch):
    """6,000 sessions past retention (8 long answers each), a WAL backstop of 3,000 pages,
    the store open, and a reader in a transaction (its snapshot is not yet taken)."""
    import sqlite3

    monkeypatch.setattr(bot.store, "WAL_BACKSTOP_PAGES", 3000, raising=False)
    store = await Store.open(settings.database)
    await store.close()
    conn = sqlite3.connect(settings.database)
    conn.execute("INSERT INTO flow_versions VALUES ('f', 1, 'x', '{}', '2020-01-01')")
    conn.executemany(
        "INSERT INTO sessions (id, respondent_key, channel, mode, flow_id, flow_version, lang,"
        " status, started_at, updated_at, state) VALUES (?, 'k', 'telegram', 'own_device',"
        " 'f', 1, 'en', 'completed', '2020-01-10T10:00:00+00:00', '2020', '{}')",
        ((f"s{i}",) for i in range(6000)),
    )
    conn.executemany(
        "INSERT INTO answers (session_id, flow_id, flow_version, step_id, kind, value, score,"
        " answered_at) VALUES (?, 'f', 1, ?, 'text', ?, 1, '2020')",
        ((f"s{i}", f"q{j}", f"{i} {j} " + "w" * 400) for i in range(6000) for j in range(8)),
    )
    conn.commit()
    conn.close()
    reader = sqlite3.connect(settings.database, isolation_level=None)
    store = await Store.open(settings.database)
    await store.write("UPDATE sessions SET lang = 'pl' WHERE id = 's0'")
    reader.execute("BEGIN")
    return reader, store


def test_a_wal_a_crash_left_counts_as_behind_until_a_checkpoint_copies_it(tmp_path):
    """A bot killed mid-purge leaves a long WAL; the new process has run no checkpoint,
    so only the file tells how much is left to copy (attack19b: it read as nothing, and
    the first answer was written on the loop's thread, whose commit then ran the
    backstop's checkpoint there)."""
    path = tmp_path / "db.sqlite"
    assert wal_pages(path, PAGE) == 0  # no database yet
    crashed = sqlite3.connect(path, isolation_level=None)
    try:
        crashed.execute("PRAGMA journal_mode = WAL")
        crashed.execute("PRAGMA wal_autocheckpoint = 0")
        crashed.execute("CREATE TABLE filler (x BLOB)")
        crashed.execute("INSERT INTO filler VALUES (randomblob(300 * ?))", (PAGE,))
        assert Checkpointer(path, PAGE).behind >= 300
    finally:
        crashed.close()  # the last connection checkpoints and removes the WAL
    assert Checkpointer(path, PAGE).behind == 0
