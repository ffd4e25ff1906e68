"""Hostile review of issue 18 (attack18e), the operator's side: two purges at once (the
bot's daily job and a `feedback-bot purge` from cron) either side of midnight.  The later
one settles (the purged parts of what its cut straddles, keyed by publication), the
earlier one then runs whole (cutting those publications to its own next day), then the
later one retires with parts worked out before that cut: October's remainder (17 to 31
October, 150 answers) is left in the ledger as 0, the days 1 to 15 subtracted twice (a
wrong count held fixed as known by every later report tied to it), where it must be the
true count or hidden."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.report.export import build_public
from bot.report.period import Period, month
from bot.report.purged import settle
from bot.report.synth import write
from bot.retention import purge_expired
from tests.test_report_intruder_periods import _people

TZ = "UTC"


async def test_two_purges_either_side_of_midnight_leave_the_ledger_true_or_hidden(
    settings, flows, store, clock
):
    s = settings.model_copy(
        update={"reports": settings.reports.model_copy(update={"timezone": TZ})}
    )
    days = {
        date(2026, 10, 1) + timedelta(days=i): [("service_user", "agree", 10)] for i in range(61)
    }
    await write(store, flows, _people(days))
    clock.now = datetime(2026, 11, 2, tzinfo=UTC)
    await build_public(store, s, month(date(2026, 10, 1), TZ))
    earlier = datetime(2026, 10, 15, 23, 59, tzinfo=UTC) + timedelta(days=s.retention_days)
    later = earlier + timedelta(minutes=2)  # through the 16th, where the earlier is the 15th

    async def meanwhile(through):
        parts = await settle(store, s, through)
        clock.now = earlier
        await purge_expired(store, s)  # the other purge, whole, in between
        clock.now = later
        return parts

    clock.now = later
    await purge_expired(store, s, ledger=meanwhile)
    rows = await store.staff_read(
        "SELECT p.period_start, c.table_id, c.row_key, c.col, c.value FROM published_cells c"
        " JOIN publications p ON p.id = c.publication_id WHERE p.period_end = '2026-10-31'"
        " AND p.kind = 'report' AND c.table_id = 'headline' AND c.value IS NOT NULL"
    )
    # October now starts on the 17th, cut by both purges; a count it keeps is the true one
    # (the later purge's part was worked out against days no longer October's: unused,
    # so what is left is hidden whole, the cautious way).
    starts = await store.staff_read(
        "SELECT period_start FROM publications WHERE period_end = '2026-10-31' AND kind = 'report'"
    )
    assert starts == [("2026-10-17",)]
    left = Period(start=date(2026, 10, 17), end=date(2026, 10, 31), label="l", timezone=TZ)
    true = (left.end - left.start).days + 1
    for start, *_ref, value in rows:
        assert start == "2026-10-17"
        assert value == true * 10, (start, _ref, value, true * 10)
