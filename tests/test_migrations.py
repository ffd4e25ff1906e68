"""Migrations are append-only: released files never change, and every database knows
what it ran (bot/schema.py)."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from bot import schema
from bot.cli import main
from bot.schema import MANIFEST, MigrationChanged, checksum, migrations
from bot.store import Store
from tests.conftest import ROOT

MIGRATIONS = ROOT / "bot" / "migrations"
FIRST_003 = ROOT / "tests" / "data" / "migrations" / "003_reports.first-release.sql"


def manifest() -> dict[str, str]:
    entries = {}
    for line in (MIGRATIONS / MANIFEST).read_text().splitlines():
        if line.strip():
            digest, name = line.split()
            entries[name] = digest
    return entries


def test_no_released_migration_has_changed_and_every_one_is_in_the_manifest() -> None:
    """A released migration must never be edited: databases that already ran it skip it.

    A new migration needs one line in bot/migrations/SHA256SUMS (see README, Migrations).
    """
    listed = manifest()
    files = sorted(p.name for p in MIGRATIONS.glob("*.sql"))
    missing = [f"{checksum((MIGRATIONS / f).read_text())}  {f}" for f in files if f not in listed]
    assert not missing, "add to bot/migrations/SHA256SUMS:\n" + "\n".join(missing)
    assert sorted(listed) == files, "SHA256SUMS names a migration that is not there"
    changed = [f for f in files if checksum((MIGRATIONS / f).read_text()) != listed[f]]
    assert not changed, f"released migrations were edited: {changed}; add a new one instead"


def test_migration_numbers_are_unique() -> None:
    numbers = [m.number for m in migrations()]
    assert len(numbers) == len(set(numbers))


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def old_database(db: Path, *, first_003: bool) -> None:
    """A database as the code before checksums left it: 001..006 applied, by number only."""
    with sqlite3.connect(db) as conn:
        conn.execute(
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
            " applied_at TEXT NOT NULL)"
        )
        for m in migrations():
            if m.number > 6:
                break
            sql = FIRST_003.read_text() if (m.number == 3 and first_003) else m.sql
            conn.executescript(sql)
            conn.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, '2026-11-25T14:00:00+00:00')",
                (m.number, m.name),
            )


def report_index(db: Path) -> str:
    ((sql,),) = rows(db, "SELECT sql FROM sqlite_master WHERE name = 'answers_for_reports'")
    return " ".join(sql.split())


async def test_a_database_made_before_003_was_edited_gets_the_new_index(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    old_database(db, first_003=True)
    assert "detected_lang" not in report_index(db)
    store = await Store.open(db)
    await store.close()
    assert "score, detected_lang, risk_flag)" in report_index(db)
    recorded = dict(rows(db, "SELECT version, checksum FROM schema_migrations"))
    # What ran is what is recorded: the first 003, not today's file.
    assert recorded[3] == checksum(FIRST_003.read_text()) != checksum(migrations()[2].sql)
    assert recorded[3] in schema.SUPERSEDED[3]
    assert all(recorded[m.number] for m in migrations())
    store = await Store.open(db)  # and it starts again, with the first 003 recorded
    await store.close()


async def test_a_database_made_after_the_edit_records_todays_003(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    old_database(db, first_003=False)
    store = await Store.open(db)
    await store.close()
    recorded = dict(rows(db, "SELECT version, checksum FROM schema_migrations"))
    assert recorded == {m.number: m.checksum for m in migrations()}
    assert "detected_lang" in report_index(db)


def test_a_migration_edited_after_it_was_applied_refuses_to_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "feedback.db"
    with sqlite3.connect(db) as conn:
        schema.migrate(conn, "then")
        conn.commit()
        conn.execute("UPDATE schema_migrations SET checksum = ? WHERE version = 2", ("0" * 64,))
    with pytest.raises(MigrationChanged, match=r"002_roles\.sql"):
        asyncio.run(Store.open(db))

    config = tmp_path / "config.yaml"
    config.write_text(f"database: {db}\n")
    assert main(["--config", str(config), "migrate"]) == 1
    err = capsys.readouterr().err
    assert "002_roles.sql" in err and "new migration" in err and "Traceback" not in err


def test_an_edited_file_is_caught_even_on_a_database_that_never_recorded_checksums(
    tmp_path: Path,
) -> None:
    """Not for 003 (two known versions): a changed 005 on an old database is refused."""
    db = tmp_path / "old.db"
    old_database(db, first_003=False)
    edited = [
        schema.Migration(m.number, m.name, m.sql + "\n-- edited\n") if m.number == 5 else m
        for m in migrations()
    ]
    with sqlite3.connect(db) as conn:
        schema.migrate(conn, "now", edited)
        conn.commit()
    with sqlite3.connect(db) as conn, pytest.raises(MigrationChanged, match="005"):
        schema.migrate(conn, "now")


def test_statements_are_split_for_one_transaction_triggers_included() -> None:
    sql = (
        "-- a comment; with a semicolon\nCREATE TABLE t (a INTEGER);\n"
        "CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN\n  UPDATE t SET a = 1;\nEND;\n-- end\n"
    )
    parts = schema.statements(sql)
    assert len(parts) == 2 and parts[1].strip().startswith("CREATE TRIGGER")
    with pytest.raises(ValueError, match="does not end"):
        schema.statements("CREATE TABLE t (a INTEGER)")


async def test_an_up_to_date_database_opens_read_only_without_taking_the_write_lock(
    tmp_path: Path,
) -> None:
    """`export` started while the bot holds a write lock does not wait for it."""
    db = tmp_path / "feedback.db"
    await (await Store.open(db)).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # the bot, mid-write
    try:
        with sqlite3.connect(db, timeout=0) as conn:
            assert schema.migrate(conn, "now") == []
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_database_from_a_newer_release_is_refused_and_left_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After a rollback to an older release (or restoring a newer backup), the older code
    must not write into a schema it does not know."""
    db = tmp_path / "feedback.db"
    with sqlite3.connect(db) as conn:
        schema.migrate(conn, "then")
        conn.execute(
            "INSERT INTO schema_migrations (version, name, applied_at, checksum)"
            " VALUES (999, '999_from_the_future.sql', 'later', ?)",
            ("f" * 64,),
        )
        conn.commit()

    def contents() -> list[tuple[object, ...]]:
        with sqlite3.connect(db) as conn:
            return conn.execute(
                "SELECT * FROM sqlite_master UNION ALL SELECT version, name, applied_at,"
                " checksum, NULL FROM schema_migrations"
            ).fetchall()

    before = contents()
    with pytest.raises(schema.NewerDatabase, match="999_from_the_future"):
        asyncio.run(Store.open(db))

    config = tmp_path / "config.yaml"
    config.write_text(f"database: {db}\n")
    assert main(["--config", str(config), "migrate"]) == 1
    err = capsys.readouterr().err
    assert "newer release" in err and "999_from_the_future" in err and "Traceback" not in err
    assert contents() == before
