"""An operator's night: the bot killed -9 while its purge waits for a long read.

The purge deletes in batches, one transaction each, and waits between them while a
report or a backup keeps the WAL from being copied back (bot/store.py).  Killed in that
wait (the OOM killer, a power cut), with a backup taken meanwhile: the database and the
backup pass their checks, no answer is left without its session, no session without
its answers, and the next purge finishes the rest.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from bot.backup import check_backup, make_backup
from bot.store import Store

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import asyncio, sqlite3, sys
from datetime import timedelta
from pathlib import Path
import bot.store
from bot.store import Store

bot.store.WAL_BACKSTOP_PAGES = 3000
database, marker = sys.argv[1], Path(sys.argv[2])
real = Store._until_checkpoints_catch_up

async def waiting(self, patience):
    marker.write_text("waiting")
    return await real(self, patience)

Store._until_checkpoints_catch_up = waiting

async def main():
    reader = sqlite3.connect(database, isolation_level=None)
    store = await Store.open(database)
    await store.write("UPDATE sessions SET lang = 'pl' WHERE id = 's0'")
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM answers").fetchone()  # a report's long read
    await store.purge(timedelta(days=365))

asyncio.run(main())
"""


def _fill(database: Path, n: int) -> None:
    conn = sqlite3.connect(database)
    conn.execute("INSERT INTO flow_versions VALUES ('f', 1, 'x', '{}', '2020-01-01')")
    conn.executemany(
        "INSERT INTO sessions (id, respondent_key, channel, mode, flow_id, flow_version, lang,"
        " status, started_at, updated_at, state) VALUES (?, 'k', 'telegram', 'own_device',"
        " 'f', 1, 'en', 'completed', '2020-01-10T10:00:00+00:00', '2020', '{}')",
        ((f"s{i}",) for i in range(n)),
    )
    conn.executemany(
        "INSERT INTO answers (session_id, flow_id, flow_version, step_id, kind, value, score,"
        " answered_at) VALUES (?, 'f', 1, ?, 'text', ?, 1, '2020')",
        ((f"s{i}", f"q{j}", f"{i} {j} " + "w" * 400) for i in range(n) for j in range(8)),
    )
    conn.commit()
    conn.close()


async def test_the_bot_killed_while_its_purge_waits_leaves_whole_sessions_and_a_good_backup(
    settings, tmp_path
):
    database = Path(settings.database)
    store = await Store.open(database)
    await store.close()
    _fill(database, 6000)
    marker = tmp_path / "waiting"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(database), str(marker)], env=env, cwd=ROOT
    )
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert child.poll() is None, "the purge ended before it waited"
            assert time.monotonic() < deadline, "the purge never waited"
            time.sleep(0.05)
        time.sleep(0.3)
        # The operator's nightly backup, taken while the purge waits.
        copy = make_backup(database, tmp_path / "backups", keep=3)
        assert child.poll() is None
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
    check_backup(copy)
    left: dict[Path, int] = {}
    for path in (database, copy):
        conn = sqlite3.connect(path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            ((orphans,),) = conn.execute(
                "SELECT count(*) FROM answers WHERE session_id NOT IN (SELECT id FROM sessions)"
            )
            assert orphans == 0
            # Every session left is whole: all eight answers or none of it.
            assert conn.execute(
                "SELECT count(*) FROM sessions s"
                " WHERE (SELECT count(*) FROM answers a WHERE a.session_id = s.id) != 8"
            ).fetchone() == (0,)
            (left[path],) = conn.execute("SELECT count(*) FROM sessions").fetchone()
            assert 0 < left[path] < 6000, (path, left)  # cut short mid-way, as meant
        finally:
            conn.close()
    # Restarted: the next purge finishes the rest.
    store = await Store.open(database)
    try:
        done = await store.purge(timedelta(days=365))
        ((sessions, answers),) = await store.staff_read(
            "SELECT (SELECT count(*) FROM sessions), (SELECT count(*) FROM answers)"
        )
    finally:
        await store.close()
    assert done.sessions == left[database]
    assert (sessions, answers) == (0, 0)
