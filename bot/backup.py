"""Backups that restore: a consistent copy of the database while the bot runs, and
putting one back when it is stopped.

A backup is made with SQLite's online backup API from its own connection (in WAL
mode it reads while the bot writes), checked with ``integrity_check``, written
owner-only (it holds free text) under a name that sorts by time, and only then
given its final name, so a half-made copy never looks like a backup.  The last
``backup.keep`` are kept.  The key file is never copied: a backup without the
key cannot be linked to anyone, and the README says to keep the key elsewhere.

Restore checks the file, refuses one from a newer schema than this version
knows, and refuses while the bot runs: the bot holds ``RunLock`` on the
database for as long as it runs, and restore takes the same lock.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot import schema
from bot.durable import fsync_path

PREFIX, SUFFIX = "feedback-", ".db"
BUSY_WAIT = 600.0
"""How long a backup waits for another into the same folder to finish."""
STAMP = "%Y%m%dT%H%M%SZ"


class BackupError(Exception):
    """A backup or restore that did not happen, with why, for the operator."""


@dataclass(frozen=True)
class Checked:
    path: Path
    schema_version: int


def backup_dir(database: Path, configured: Path | None) -> Path:
    return configured if configured is not None else database.parent / "backups"


def backups(folder: Path) -> list[Path]:
    """The backups in a folder, oldest first (their names sort by time)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"{PREFIX}*{SUFFIX}") if _stamp(p) is not None)


def last_backup_time(folder: Path) -> datetime | None:
    found = backups(folder)
    return _stamp(found[-1]) if found else None


def make_backup(database: Path, folder: Path, keep: int, now: datetime | None = None) -> Path:
    """Copy the database into ``folder`` and keep the newest ``keep``; returns the copy.

    Whatever goes wrong (a full disk, a folder that cannot be written, another backup
    into the same folder at that moment) is a BackupError saying so, the partial copy
    is removed, and the backups already there are all kept."""
    if not database.is_file():
        raise BackupError(f"there is no database at {database}")
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        with _only_backup_in(folder):
            return _make_backup(database, folder, keep, now)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(_why_not(exc, folder)) from None


def _make_backup(database: Path, folder: Path, keep: int, now: datetime | None) -> Path:
    for stale in folder.glob(f"{PREFIX}*{SUFFIX}*.part"):
        # Left by a backup killed mid-way (no other is running: we hold the lock).
        stale.unlink()
    now = (now or datetime.now(UTC)).astimezone(UTC)
    target = folder / f"{PREFIX}{now.strftime(STAMP)}{SUFFIX}"
    part = target.with_name(f"{target.name}.{os.getpid()}.part")
    os.close(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        source = sqlite3.connect(database, timeout=30)
        copy = sqlite3.connect(part)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            problem = _integrity(copy)
        finally:
            copy.close()
            source.close()
        if problem:
            raise BackupError(f"the copy failed integrity_check: {problem}")
        fsync_path(part)
        os.chmod(part, 0o600)
        os.replace(part, target)
        fsync_path(folder)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            part.unlink()
        raise
    for old in backups(folder)[:-keep]:
        if old != target:  # a clock set back must not make the new copy the one pruned
            old.unlink()
    return target


@contextlib.contextmanager
def _only_backup_in(folder: Path) -> Iterator[None]:
    """One backup at a time into a folder (the daily job and an operator's command can
    meet): the second waits for the first, then makes its own."""
    wait = BUSY_WAIT
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)  # the folder itself: no lock file
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise BackupError(
                        f"another backup into {folder} has been under way for over"
                        f" {wait:.0f} s; this one was not made"
                    ) from None
                time.sleep(0.1)
        yield
    finally:
        os.close(fd)


def _why_not(exc: OSError | sqlite3.Error, folder: Path) -> str:
    if _full(exc):
        return (
            f"no room to write the backup in {folder} (the disk is full): nothing was"
            " kept of this copy, and the backups already there are untouched. Make room,"
            " then run it again."
        )
    return (
        f"could not write the backup in {folder}: {_text(exc)}. Nothing was kept of this"
        " copy, and the backups already there are untouched."
    )


def _full(exc: OSError | sqlite3.Error) -> bool:
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
    return "full" in str(exc)


def _text(exc: OSError | sqlite3.Error) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror + (f" ({exc.filename})" if exc.filename else "")
    return str(exc)


def check_backup(path: Path) -> Checked:
    """A file fit to restore: a SQLite database that passes integrity_check, made by a
    schema this version of the bot knows."""
    if not path.is_file():
        raise BackupError(f"{path} is not a file")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            problem = _integrity(conn)
            row = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if "malformed" in str(exc):
            # What a file cut short (a copy that ran out of room) looks like.
            raise BackupError(
                f"{path} is damaged or cut short ({exc}): use an earlier backup"
            ) from None
        raise BackupError(f"{path} is not a feedback-bot database ({exc})") from None
    if problem:
        raise BackupError(f"{path} failed integrity_check: {problem}")
    version = int(row[0] or 0)
    newest = max(m.number for m in schema.migrations())
    if version > newest:
        raise BackupError(
            f"{path} is from a newer version of feedback-bot (schema {version}; this one"
            f" knows up to {newest}): upgrade feedback-bot first, then restore"
        )
    return Checked(path, version)


def restore(path: Path, database: Path, now: datetime | None = None) -> Path | None:
    """Put a checked backup in place of the database; the bot must be stopped.  The
    database it replaces is kept beside it; returns where (None if there was none)."""
    check_backup(path)
    try:
        return _restore(path, database, now)
    except (OSError, sqlite3.Error) as exc:
        why = "the disk is full" if _full(exc) else _text(exc)
        raise BackupError(
            f"could not restore {path} to {database} ({why}); the database there is as it"
            " was, and the bot can be started on it"
        ) from None


def _restore(path: Path, database: Path, now: datetime | None) -> Path | None:
    with RunLock(database).held("restore"):
        stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime(STAMP)
        incoming = database.with_name(database.name + ".restoring")
        with contextlib.suppress(FileNotFoundError):
            incoming.unlink()
        os.close(os.open(incoming, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        try:
            source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            copy = sqlite3.connect(incoming)
            try:
                source.backup(copy)
            finally:
                copy.close()
                source.close()
            fsync_path(incoming)
            if database.exists() and os.geteuid() == 0:
                # Restored by root for a service that runs as its own user: the file
                # must stay that user's, or the service cannot open it.
                owner = database.stat()
                os.chown(incoming, owner.st_uid, owner.st_gid)
        except BaseException:
            incoming.unlink(missing_ok=True)
            raise
        kept = None
        try:
            if database.exists():
                # Checkpoint the old one into its main file, so what is kept is complete.
                old = sqlite3.connect(database)
                try:
                    old.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    old.close()
                kept = database.with_name(f"{database.name}.before-restore-{stamp}")
                # A second name for the old file, then one rename over it: at no moment
                # is there no database (a restore killed half-way, then a start, would
                # otherwise make a new empty one).
                os.link(database, kept)
            for leftover in ("-wal", "-shm"):
                # A WAL left from the old file would be applied to the restored one
                # (it is empty: checkpointed above).
                with contextlib.suppress(FileNotFoundError):
                    database.with_name(database.name + leftover).unlink()
            os.replace(incoming, database)
        except BaseException:
            if kept is not None:
                kept.unlink(missing_ok=True)  # the old file is still the database
            incoming.unlink(missing_ok=True)
            raise
        return kept


class RunLock:
    """An exclusive ``flock`` on ``<database>.lock``: held by the running bot for its
    whole life, and by restore.  The kernel drops it when the process dies, even by
    kill -9, so a crash never leaves a stale lock behind."""

    def __init__(self, database: Path):
        self.path = database.with_name(database.name + ".lock")

    def running(self) -> bool:
        try:
            with self.held("check"):
                return False
        except BackupError:
            return True

    @contextlib.contextmanager
    def held(self, purpose: str) -> Iterator[None]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            # The database's folder is under a file, or cannot be written: a message.
            raise BackupError(
                f"cannot use the database {self.path.with_suffix('')}: cannot make"
                f" {self.path} ({exc.strerror or exc}). Check `database` in the config"
                " (or FEEDBACK_BOT_DATABASE)."
            ) from None
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise BackupError(
                    f"feedback-bot is running on {self.path.with_suffix('')} (it holds"
                    f" {self.path}): stop it first"
                    + (", then restore" if purpose == "restore" else "")
                ) from None
            yield
        finally:
            os.close(fd)


def _integrity(conn: sqlite3.Connection) -> str | None:
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    return None if rows == ["ok"] else "; ".join(rows[:5])


def _stamp(path: Path) -> datetime | None:
    try:
        text = path.name.removeprefix(PREFIX).removesuffix(SUFFIX)
        return datetime.strptime(text, STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None
