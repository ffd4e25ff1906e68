"""Hostile review of issue 18 (attack18e), the operator's side: the daily purge landing
while a report is being made, between ``equality_for``'s look at the purge mark and its
count of the quarter.  The quarter is then counted from its days left and stored as
first published under its whole name, and every later report shows it so (the fix in
7e68b09 only looks at the mark before counting)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import bot.report.equality as equality_module
from bot.report.export import build_public
from bot.report.period import parse_week
from bot.report.synth import write
from bot.retention import purge_expired
from tests.test_report_equality import person


async def test_a_purge_landing_while_the_quarter_is_counted_does_not_store_it_short(
    store, settings, flows, clock, monkeypatch
):
    july = datetime(2026, 7, 10, 10, tzinfo=UTC)
    september = datetime(2026, 9, 10, 10, tzinfo=UTC)
    people = [replace(person("white", "white_british"), started_at=july) for _ in range(30)]
    people += [replace(person("white", "white_british"), started_at=september) for _ in range(20)]
    await write(store, flows, people)
    clock.now = datetime(2026, 8, 15, 12, tzinfo=UTC) + timedelta(days=settings.retention_days)
    counts = equality_module._counts
    landed = []

    async def purge_first(*args, **kwargs):
        if not landed:  # the daily job, on the bot's loop, while the export runs
            landed.append(await purge_expired(store, settings))
        return await counts(*args, **kwargs)

    monkeypatch.setattr(equality_module, "_counts", purge_first)
    first = await build_public(store, settings, parse_week("2026-W47"))
    assert landed and landed[0].sessions == 30
    monkeypatch.setattr(equality_module, "_counts", counts)
    later = await build_public(store, settings, parse_week("2026-W48"))
    ((through,),) = await store.staff_read("SELECT day FROM purged_through")
    for report in (first, later):
        equality = report.equality
        assert equality is None or date.fromisoformat(equality.start) > date.fromisoformat(
            through
        ), (equality.quarter, equality.start, [(t.id, t.shared) for t in equality.tables])
