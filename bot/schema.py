"""Numbered SQL migrations, applied once each and checked by checksum on every start.

Migrations are append-only.  Once a file in ``bot/migrations`` has been released,
databases everywhere have run it, and ``Store.migrate`` skips it by its number,
so an edit would reach new databases only: old and new would differ without
anyone being told.  To stop that happening silently twice:

- ``schema_migrations`` records the sha256 of each migration as it is applied,
  and every start compares it with the file shipped now.  A mismatch refuses to
  start, naming the file.
- ``bot/migrations/SHA256SUMS`` lists the checksum of every released file, and a
  test fails in CI if a file changes or is missing from it.

All of it runs in one ``BEGIN IMMEDIATE`` transaction: processes starting at
once on a new database take turns, and the second finds the work done.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from importlib import resources

MANIFEST = "SHA256SUMS"

SUPERSEDED: dict[int, dict[str, str]] = {
    3: {
        "58c1abf480a4f66795efc2db24361b7a7bdb9a2987ae53612ecda15548bbeb3e": (
            "003_reports.sql as first released, with a 4-column answers_for_reports;"
            " 007 rebuilds that index"
        )
    }
}
"""Released versions of a migration that were later edited, and what brings them up to date.

The one case: 003 was edited after release (its covering index grew two
columns).  A database that ran the first version records that version's
checksum, and migration 007 gives it the new index.  Never add to this: put
the change in a new migration instead.
"""


class MigrationChanged(Exception):
    """A migration already applied to this database differs from the file shipped now."""


class NewerDatabase(MigrationChanged):
    """The database has migrations this release does not ship: a newer release wrote it.

    Running older code on it would write rows the newer schema does not expect (after a
    rollback, or a backup from a newer release restored under an older one), so it is
    refused like an edited migration, and caught wherever that is.
    """


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return checksum(self.sql)


def checksum(sql: str) -> str:
    """sha256 of a migration's text, with line endings normalised (a Windows checkout is
    the same file)."""
    return hashlib.sha256(sql.replace("\r\n", "\n").encode("utf-8")).hexdigest()


def migrations() -> list[Migration]:
    """Every file in bot/migrations, in order."""
    found = []
    for entry in resources.files("bot.migrations").iterdir():
        if entry.name.endswith(".sql"):
            number = int(entry.name.split("_", 1)[0])
            found.append(Migration(number, entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found, key=lambda m: m.number)


def statements(sql: str) -> list[str]:
    """Split a migration into statements (triggers included), so that they run inside
    our own transaction: ``executescript`` would commit half-way."""
    out, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            out.append(buffer)
            buffer = ""
    if sqlite3.complete_statement(buffer + ";") and _has_code(buffer):
        raise ValueError(f"a statement does not end with ';': {buffer.strip()[:60]!r}")
    return out


def _has_code(text: str) -> bool:
    return any(line.strip() and not line.strip().startswith("--") for line in text.splitlines())


def migrate(
    conn: sqlite3.Connection, now: str, available: list[Migration] | None = None
) -> list[int]:
    """Check applied migrations, apply the others; returns the numbers applied now.

    Runs on the store's connection thread; the caller commits or rolls back.  A
    database already up to date is only read (no write lock: a start-up beside a
    busy bot does not wait, and a read-only copy can still be opened).
    """
    available = migrations() if available is None else available
    by_number = {m.number: m for m in available}
    applied = _applied(conn)
    if applied is not None and _complete(applied, by_number):
        _verify(applied, by_number)
        return []
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
        " name TEXT NOT NULL, applied_at TEXT NOT NULL, checksum TEXT)"
    )
    columns = {row[1] for row in conn.execute("PRAGMA table_info(schema_migrations)")}
    if "checksum" not in columns:
        conn.execute("ALTER TABLE schema_migrations ADD COLUMN checksum TEXT")
    # Read again under the lock: another process may have done the work meanwhile.
    applied = _applied(conn) or {}
    for number, (name, applied_at, recorded) in sorted(applied.items()):
        if recorded is None and number in by_number:
            recorded = _first_checksum(conn, by_number[number])
            applied[number] = (name, applied_at, recorded)
            conn.execute(
                "UPDATE schema_migrations SET checksum = ? WHERE version = ?", (recorded, number)
            )
    _verify(applied, by_number)
    done_now = []
    for migration in available:
        if migration.number in applied:
            continue
        for statement in statements(migration.sql):
            conn.execute(statement)
        conn.execute(
            "INSERT INTO schema_migrations (version, name, applied_at, checksum)"
            " VALUES (?, ?, ?, ?)",
            (migration.number, migration.name, now, migration.checksum),
        )
        done_now.append(migration.number)
    return done_now


_Applied = dict[int, tuple[str, str, str | None]]


def _applied(conn: sqlite3.Connection) -> _Applied | None:
    """version → (name, applied_at, checksum); None if there is no table (or no checksum
    column) yet."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(schema_migrations)")}
    if "checksum" not in columns:
        return None
    rows = conn.execute("SELECT version, name, applied_at, checksum FROM schema_migrations")
    return {row[0]: (row[1], row[2], row[3]) for row in rows}


def _complete(applied: _Applied, by_number: dict[int, Migration]) -> bool:
    return set(by_number) <= set(applied) and all(
        recorded is not None for number, (_, _, recorded) in applied.items() if number in by_number
    )


def _verify(applied: _Applied, by_number: dict[int, Migration]) -> None:
    unknown = sorted(set(applied) - set(by_number))
    if unknown:
        names = ", ".join(applied[n][0] for n in unknown)
        raise NewerDatabase(
            f"this database was upgraded by a newer release of feedback-bot (it has"
            f" migration {names}, which this release does not ship). Run the newer release,"
            f" or restore a backup made by this one; nothing was changed."
        )
    for number, (name, applied_at, recorded) in sorted(applied.items()):
        shipped = by_number.get(number)
        if shipped is None or recorded is None:
            continue
        if recorded != shipped.checksum and recorded not in SUPERSEDED.get(number, {}):
            raise MigrationChanged(
                f"migration {shipped.name} was changed after it was applied to this database"
                f" (on {applied_at} as {name}: sha256 {recorded[:12]}…, shipped now:"
                f" {shipped.checksum[:12]}…). A released migration must never be edited:"
                f" restore the file as released and put the change in a new migration."
            )


def _first_checksum(conn: sqlite3.Connection, shipped: Migration) -> str:
    """The checksum to record for a migration applied before checksums were kept.

    We cannot know what ran, except for 003, whose two released versions left
    different indexes behind: tell them apart by the index.  Every other file is
    unchanged since its release (SHA256SUMS), so it ran as shipped.
    """
    if shipped.number == 3:
        row = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'answers_for_reports'"
        ).fetchone()
        if row is not None and "detected_lang" not in row[0]:
            return next(iter(SUPERSEDED[3]))
    return shipped.checksum
