"""``feedback-bot backup`` and ``restore``: copies that are checked, private, pruned, and
put back only when the bot is stopped."""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import bot.backup as backup_module
from bot.backup import (
    BackupError,
    RunLock,
    backups,
    check_backup,
    last_backup_time,
    make_backup,
    restore,
)
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


def grow(path: Path, megabytes: int) -> None:
    """Make the database big enough that copying it takes a while and a small
    limit on file size is hit half-way."""
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("CREATE TABLE IF NOT EXISTS ballast (x BLOB)")
        conn.executemany("INSERT INTO ballast VALUES (randomblob(100000))", [()] * (megabytes * 10))


def dump(path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return list(conn.iterdump())


def cli(*argv: str, file_size_limit: int | None = None) -> subprocess.CompletedProcess[str]:
    """``feedback-bot`` in its own process (as an operator runs it); with a limit on the
    size of any file it writes, its disk fills at that size."""

    def limit() -> None:
        if file_size_limit is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a kill
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    return subprocess.run(
        [sys.executable, "-m", "bot", "--config", CONFIG, *argv],
        capture_output=True,
        text=True,
        preexec_fn=limit,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=120,
    )


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[tuple[Path, int | None]]:
    """A folder on a 1 MiB disk of its own (tmpfs, where this user may mount one), else
    an ordinary folder and a 1 MB limit on the size of files the command writes."""
    mount = tmp_path / "small-disk"
    mount.mkdir()
    mounted = (
        os.geteuid() == 0
        and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(mount)],
            capture_output=True,
        ).returncode
        == 0
    )
    try:
        yield mount, None if mounted else 1_000_000
    finally:
        if mounted:
            subprocess.run(["umount", str(mount)], check=True)


def test_a_disk_that_fills_during_a_backup_keeps_every_good_backup(db, small_disk):
    disk, file_size_limit = small_disk
    folder = disk / "backups"
    good = [
        make_backup(db, folder, keep=2, now=datetime(2026, 3, day, tzinfo=UTC)) for day in (1, 2)
    ]
    grow(db, 3)
    done = cli("backup", "--to", str(folder), file_size_limit=file_size_limit)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "untouched" in done.stderr, done.stderr
    if file_size_limit is None:  # a real full disk (the limit shows as an I/O error)
        assert "the disk is full" in done.stderr
    assert backups(folder) == good  # none rotated away, and no partial copy among them
    assert last_backup_time(folder) == datetime(2026, 3, 2, tzinfo=UTC)
    assert not list(folder.glob("*.part"))
    # With room again (a smaller database), the next one is made and the oldest goes.
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("DROP TABLE ballast")
        conn.execute("VACUUM")
    assert cli("backup", "--to", str(folder)).returncode == 0
    assert backups(folder)[:2] == good and len(backups(folder)) == 3  # backup.keep: 14


def test_a_backup_folder_that_cannot_be_made_or_written_is_a_message(db, tmp_path, read_only):
    (tmp_path / "a-file").write_text("x")
    done = cli("backup", "--to", str(tmp_path / "a-file" / "backups"))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "could not write the backup in" in done.stderr

    locked = tmp_path / "locked"
    read_only(locked)
    done = cli("backup", "--to", str(locked))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"could not write the backup in {locked}" in done.stderr

    missing = tmp_path / "not" / "yet" / "there"
    assert cli("backup", "--to", str(missing)).returncode == 0
    assert stat.S_IMODE(missing.stat().st_mode) == 0o700 and len(backups(missing)) == 1


def test_two_backups_at_once_never_mix_their_copies(db, tmp_path):
    grow(db, 20)
    folder = tmp_path / "backups"
    now = datetime(2026, 3, 1, 12, tzinfo=UTC)  # the same second: the same name
    start = threading.Barrier(2)

    def one() -> Path | BackupError:
        start.wait()
        try:
            return make_backup(db, folder, keep=3, now=now)
        except BackupError as exc:
            return exc

    with ThreadPoolExecutor(2) as pool:
        outcomes = list(pool.map(lambda _: one(), range(2)))
    # The second waits for the first (the daily job must not fail because an operator
    # was making one), then makes its own under the same name.
    assert all(isinstance(o, Path) for o in outcomes), outcomes
    [copy] = backups(folder)
    assert check_backup(copy).schema_version > 0
    assert answers(copy) == [("s1", "k")]
    assert not list(folder.glob("*.part"))


def test_a_backup_killed_half_way_leaves_nothing_that_counts(db, tmp_path):
    folder = tmp_path / "backups"
    [good] = [make_backup(db, folder, keep=3, now=datetime(2026, 3, 1, tzinfo=UTC))]
    # What kill -9 mid-copy leaves behind: a partial file, under a later time.
    stale = folder / "feedback-20260302T000000Z.db.4242.part"
    stale.write_bytes(good.read_bytes()[:8192])
    assert backups(folder) == [good]
    assert last_backup_time(folder) == datetime(2026, 3, 1, tzinfo=UTC)
    newer = make_backup(db, folder, keep=3)
    assert backups(folder) == [good, newer] and not stale.exists()


def test_restore_of_a_truncated_backup_is_refused_and_changes_nothing(db, capsys):
    made = make_backup(db, db.parent / "backups", keep=3)
    grow(db, 1)
    made = make_backup(db, db.parent / "backups", keep=3)
    cut = db.parent / "cut.db"
    cut.write_bytes(made.read_bytes()[: made.stat().st_size // 2])
    before = dump(db)
    capsys.readouterr()
    assert main(["--config", CONFIG, "restore", str(cut)]) == 1
    err = capsys.readouterr().err
    assert "damaged or cut short" in err and "earlier backup" in err
    assert dump(db) == before
    assert not list(db.parent.glob("*.restoring")) and not list(db.parent.glob("*before-restore*"))


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can restore a file another user owns")
def test_restore_by_root_keeps_the_database_its_services_user(db):
    """The service runs as its own user; an operator restoring with sudo must not leave
    a database owned by root, which the service then cannot open."""
    made = make_backup(db, db.parent / "backups", keep=3)
    os.chown(db, 65534, 65534)
    restore(made, db)
    assert (db.stat().st_uid, db.stat().st_gid) == (65534, 65534)
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_a_restore_that_fails_at_its_last_step_leaves_the_database_as_it_was(
    db, monkeypatch: pytest.MonkeyPatch, capsys
):
    """The moment a crash or an I/O error is most costly: the restored copy is made and
    the old database is about to be replaced.  There is always a database there, with
    what it held, and nothing of the restore is left about."""
    made = make_backup(db, db.parent / "backups", keep=3)
    with contextlib.closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE sessions SET respondent_key = 'after the backup'")
    real_replace = os.replace

    def fail_on_the_database(src: object, dst: object) -> None:
        if Path(str(dst)) == db:
            raise OSError(5, "Input/output error")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", fail_on_the_database)
    assert main(["--config", CONFIG, "restore", str(made)]) == 1
    monkeypatch.undo()
    assert "the database there is as it was" in capsys.readouterr().err
    assert answers(db) == [("s1", "after the backup")]
    assert sorted(p.name for p in db.parent.iterdir() if "restor" in p.name) == []


def test_a_backup_waits_for_one_under_way_and_gives_up_with_a_message(
    db, tmp_path, monkeypatch: pytest.MonkeyPatch
):
    folder = tmp_path / "backups"
    folder.mkdir()
    holder = subprocess.Popen(  # another backup, as far as the lock goes, for 2 s
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time; fd = os.open(sys.argv[1], os.O_RDONLY);"
            " fcntl.flock(fd, fcntl.LOCK_EX); print('held', flush=True); time.sleep(2)",
            str(folder),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        monkeypatch.setattr(backup_module, "BUSY_WAIT", 0.3)
        with pytest.raises(BackupError, match="under way"):
            make_backup(db, folder, keep=3)
        assert backups(folder) == [] and not list(folder.glob("*.part"))
        monkeypatch.setattr(backup_module, "BUSY_WAIT", 60)
        made = make_backup(db, folder, keep=3)  # waits until the other is done
        assert holder.poll() is not None and backups(folder) == [made]
    finally:
        holder.kill()
        holder.wait()
