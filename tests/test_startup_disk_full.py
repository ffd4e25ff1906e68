"""A disk that fills while the bot migrates its database at start-up (029/030 make and
rebuild tables): the bot refuses to start with a message that says the disk is full,
not that the configured path is wrong, and the database is left exactly as it was."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import aiosqlite
import pytest

from bot import schema
from bot.store import DatabaseUnavailable, Store


def _old_database(path: Path) -> int:
    """A database made by a bot before this session's migrations (up to 022), with
    pages for everything it has; returns its page count."""
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    schema.migrate(
        conn, "2026-01-01T00:00:00+00:00", [m for m in schema.migrations() if m.number <= 22]
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA journal_mode=WAL")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    return int(pages)


def test_a_disk_that_fills_during_a_start_up_migration_is_said_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bot.db"
    pages = _old_database(path)
    connect = aiosqlite.connect

    async def full_disk_connect(*args, **kwargs):  # type: ignore[no-untyped-def]
        # The disk has no room for one more page: SQLite's own "disk is full".
        db = await connect(*args, **kwargs)
        await db.execute(f"PRAGMA max_page_count = {pages}")
        return db

    monkeypatch.setattr(aiosqlite, "connect", full_disk_connect)
    with pytest.raises(DatabaseUnavailable) as refused:
        asyncio.run(Store.open(path))
    message = str(refused.value)
    assert "disk is full" in message
    assert "Free some space" in message
    assert "Check `database` in the config" not in message  # the path is right

    conn = sqlite3.connect(path)
    assert conn.execute("SELECT max(version) FROM schema_migrations").fetchone() == (22,)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert "update_themes" not in tables and "update_drafts" not in tables
    conn.close()

    # With room again, the same database migrates and opens.
    monkeypatch.setattr(aiosqlite, "connect", connect)

    async def reopen() -> int:
        store = await Store.open(path)
        try:
            return await store.schema_version()
        finally:
            await store.close()

    assert asyncio.run(reopen()) == max(m.number for m in schema.migrations())


def test_a_start_on_a_full_disk_says_so_even_before_any_page_is_read(tmp_path: Path) -> None:
    """A bot stopped cleanly leaves no -shm file; on a full disk the next start cannot
    make it, and SQLite says only "disk I/O error".  Files here may not grow past 8 KiB
    (as the kernel enforces it), the -shm file needs 32."""
    import resource

    path = tmp_path / "bot.db"

    async def make() -> None:
        await (await Store.open(path)).close()

    asyncio.run(make())
    for leftover in tmp_path.glob("bot.db-*"):
        leftover.unlink()
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, hard))
    try:
        with pytest.raises(DatabaseUnavailable) as refused:
            asyncio.run(Store.open(path))
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert "disk is full" in str(refused.value)
    assert "Check `database` in the config" not in str(refused.value)
