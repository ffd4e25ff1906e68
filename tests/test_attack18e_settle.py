"""Hostile review of issue 18 (attack18e), the operator's side: the purge's ``settle``
task in the bot's report process timing out (or killed) does not stop the purge, and
what the cut straddles is then hidden whole (bot/report/purged.py, worker task
"settle")."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta

from bot.report.export import build_public
from bot.report.period import month
from bot.report.purged import purged_through
from bot.report.synth import write
from bot.report.worker import ReportWorker
from bot.retention import purge_expired
from tests.test_report_intruder_periods import _people

TZ = "UTC"


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


async def test_a_settle_timing_out_in_the_report_process_still_purges_and_hides_the_cut(
    settings, flows, store, clock, caplog
):
    s = settings.model_copy(
        update={"reports": settings.reports.model_copy(update={"timezone": TZ})}
    )
    days = {d: [("service_user", "agree", 3)] for d in _days(date(2026, 9, 1), date(2026, 11, 30))}
    await write(store, flows, _people(days))
    september, october, november = (month(date(2026, m, 1), TZ) for m in (9, 10, 11))
    clock.now = datetime(2026, 11, 2, tzinfo=UTC)
    await build_public(store, s, october, trend=[september, october])
    clock.now = datetime(2026, 10, 16, tzinfo=UTC) + timedelta(days=s.retention_days)
    # The report process is given no time at all: killed before it answers.
    worker = ReportWorker(s, timeout=0.001)
    with caplog.at_level(logging.WARNING):
        purged = await purge_expired(store, s, ledger=worker.settle)
    assert purged.sessions == 45 * 3  # 1 September to 15 October
    assert await purged_through(store, TZ) == date(2026, 10, 15)
    assert any("hidden whole" in r.getMessage() for r in caplog.records)
    assert not await store.staff_read(
        "SELECT 1 FROM publications WHERE period_start <= '2026-10-15'"
    )
    # What is left of October (16 to 31) as published is hidden in the ledger: no
    # later report may show it, since its purged part was never published against it.
    left = await store.staff_read(
        "SELECT c.value FROM published_cells c JOIN publications p ON p.id = c.publication_id"
        " WHERE p.period_start = '2026-10-16' AND p.period_end = '2026-10-31'"
    )
    assert left and all(value is None for (value,) in left)
    report = await build_public(store, s, november, trend=[october, november])
    trend = next(t for t in report.tables if t.id == "trend:consultation:one_service")
    n = {row.label: row.base.count for row in trend.rows if row.base is not None}
    assert n == {"Oct 2026 (from 16 Oct)": None, "Nov 2026": 90}
