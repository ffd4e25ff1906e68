"""Hostile review of issue 18 (attack18c): an operator's disk fills, or the export dies,
while the publication ledger records what a report showed.

The ledger must hold a report's record all or none: a report with its trend months
recorded in part would be suppressed next time against a publication nobody saw in
that shape, and one recorded not at all but shown would leave it out.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.report import ledger
from bot.report.export import build_public
from bot.report.period import month, months_to
from bot.report.synth import Response, write
from bot.store import Store

TZ = "Europe/London"
DEC = month(date(2026, 12, 1), TZ)


async def _fill(store: Store, flows) -> None:
    people = []
    day = datetime(2026, 9, 1, 10, tzinfo=UTC)
    while day < datetime(2026, 12, 20, tzinfo=UTC):
        for answer in ("agree", "agree", "disagree"):
            people.append(Response("consultation", day, {"one_service": answer}))
        day += timedelta(days=1)
    await write(store, flows, people)


async def _kinds(store: Store) -> list[tuple[str, str, str]]:
    return sorted(await store.staff_read("SELECT kind, period_start, period_end FROM publications"))


async def test_a_full_disk_while_a_trend_is_recorded_records_none_of_it(
    store, settings, flows, monkeypatch
):
    """December with a trend of three months: the disk fills as the second month is
    written to the ledger.  The export fails, the ledger holds none of December's
    record (the 'last period' November, recorded first on its own, may be there), and
    the export made again once there is room records it whole and shows what a first
    export would."""
    await _fill(store, flows)
    trend = months_to(DEC, 3)
    real = ledger._insert
    calls = {"n": 0}

    def fills(conn, entry, today):
        calls["n"] += 1
        if entry.kind == ledger.TREND and calls["n"] > 2:
            raise sqlite3.OperationalError("database or disk is full")
        real(conn, entry, today)

    monkeypatch.setattr(ledger, "_insert", fills)
    with pytest.raises(sqlite3.OperationalError, match="disk is full"):
        await build_public(store, settings, DEC, trend=trend)
    recorded = await _kinds(store)
    assert not [r for r in recorded if r[0] == ledger.TREND], recorded
    assert ("report", DEC.start.isoformat(), DEC.end.isoformat()) not in recorded
    monkeypatch.setattr(ledger, "_insert", real)
    again = await build_public(store, settings, DEC, trend=trend)
    recorded = await _kinds(store)
    assert [r for r in recorded if r[0] == ledger.TREND] == sorted(
        (ledger.TREND, m.start.isoformat(), m.end.isoformat()) for m in trend
    )
    assert ("report", DEC.start.isoformat(), DEC.end.isoformat()) in recorded
    assert again.tables_of("trend")


async def test_the_database_full_mid_record_leaves_the_ledger_as_it_was(store, settings, flows):
    """The database may not grow (``PRAGMA max_page_count`` at its size: SQLite's own
    'database or disk is full') while December's trend is recorded: the export fails
    with that error, the ledger is unchanged, and once there is room it is recorded."""
    await _fill(store, flows)
    trend = months_to(DEC, 3)
    await build_public(store, settings, month(date(2026, 11, 1), TZ))
    before = await _kinds(store)
    ((pages,),) = await store.staff_read("PRAGMA page_count")
    await store.atomic(lambda conn: conn.execute(f"PRAGMA max_page_count = {pages}"))
    try:
        with pytest.raises(sqlite3.OperationalError, match="full"):
            await build_public(store, settings, DEC, trend=trend)
        assert await _kinds(store) == before
    finally:
        await store.atomic(lambda conn: conn.execute("PRAGMA max_page_count = 1073741823"))
    await build_public(store, settings, DEC, trend=trend)
    assert len(await _kinds(store)) == len(before) + 1 + len(trend)
