"""``feedback-bot backup`` and ``restore``: copies that are checked, private, pruned, and
put back only when the bot is stopped."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.backup import BackupError, RunLock, backups, check_backup, make_backup, restore
from bot.cli import main
from bot.privacy import KEY_FILE_NAME, load_secret
from tests.conftest import ROOT

CONFIG = str(ROOT / "config.yaml")


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "data" / "feedback.db"
    monkeypatch.setenv("FEEDBACK_BOT_DATABASE", str(path))
    monkeypatch.setenv("FEEDBACK_BOT_FLOWS_DIR", str(ROOT / "flows"))
    monkeypatch.delenv("FEEDBACK_BOT_SECRET", raising=False)
    assert main(["--config", CONFIG, "migrate"]) == 0
    load_secret(path)  # the key file, beside the database, as in production
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO sessions (id, respondent_key, channel, mode, flow_id, flow_version,"
            " lang, status, started_at, updated_at, state) VALUES ('s1', 'k', 'telegram',"
            " 'own_device', 'f', 1, 'en', 'active', '2026-01-01', '2026-01-01', '{}')"
        )
    return path


def answers(path: Path) -> list[tuple[str, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT id, respondent_key FROM sessions ORDER BY id").fetchall()


def test_backup_is_checked_private_named_by_time_and_never_holds_the_key(db, capsys):
    assert main(["--config", CONFIG, "backup"]) == 0
    assert "integrity_check ok" in capsys.readouterr().out
    folder = db.parent / "backups"
    [made] = backups(folder)
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert answers(made) == answers(db) == [("s1", "k")]
    assert sorted(p.name for p in folder.iterdir()) == [made.name]  # no key, no -wal, no .part
    assert (db.parent / KEY_FILE_NAME).exists()
    with sqlite3.connect(made) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_backup_to_a_folder_keeps_the_newest_n(db, tmp_path):
    folder = tmp_path / "elsewhere"
    start = datetime(2026, 3, 1, tzinfo=UTC)
    for day in range(5):
        make_backup(db, folder, keep=3, now=start + timedelta(days=day))
    assert [p.name for p in backups(folder)] == [
        "feedback-20260303T000000Z.db",
        "feedback-20260304T000000Z.db",
        "feedback-20260305T000000Z.db",
    ]


def test_backup_with_no_database_says_so(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FEEDBACK_BOT_DATABASE", str(tmp_path / "none.db"))
    assert main(["--config", CONFIG, "backup"]) == 1
    assert "there is no database" in capsys.readouterr().err


def test_restore_puts_a_backup_back_and_keeps_what_it_replaced(db, capsys):
    made = make_backup(db, db.parent / "backups", keep=3)
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM sessions")  # the loss a backup is for
    assert answers(db) == []
    assert main(["--config", CONFIG, "restore", str(made)]) == 0
    out = capsys.readouterr().out
    assert "restored" in out and "before-restore" in out
    assert answers(db) == [("s1", "k")]
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert not db.with_name(db.name + "-wal").exists()
    [kept] = db.parent.glob("feedback.db.before-restore-*")
    assert answers(kept) == []


def test_restore_refuses_while_the_bot_runs(db, capsys):
    made = make_backup(db, db.parent / "backups", keep=3)
    with RunLock(db).held("run"):  # what `feedback-bot run` holds for its whole life
        assert main(["--config", CONFIG, "restore", str(made)]) == 1
        err = capsys.readouterr().err
        assert "running" in err and "stop it first" in err
        assert RunLock(db).running()
    assert not RunLock(db).running()


def test_restore_refuses_a_newer_schema_and_a_file_that_is_not_a_database(db, tmp_path):
    made = make_backup(db, db.parent / "backups", keep=3)
    with sqlite3.connect(made) as conn:
        conn.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'x', 'now')"
        )
    with pytest.raises(BackupError, match="newer version of feedback-bot"):
        check_backup(made)
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(4096))
    with pytest.raises(BackupError, match="not a feedback-bot database"):
        restore(junk, db)
    assert answers(db) == [("s1", "k")]  # untouched
