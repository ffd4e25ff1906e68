"""Reports after the retention purge (issue 18): no report includes a purged day, and
what the purge leaves of a publication is hidden in the ledger (bot/report/purged.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.cli import main
from bot.report.export import build_public
from bot.report.ledger import Entry, PurgedDuringReport, record_all
from bot.report.period import Period, month
from bot.report.purged import PurgedDays, purged_through, refuse
from bot.report.render_html import commissioner_html
from bot.report.synth import write
from bot.report.worker import ReportFailed, ReportWorker
from bot.retention import purge_expired
from bot.store import Store
from tests.test_report_intruder_periods import _people
from tests.test_report_trends import _config

TZ = "UTC"


@pytest.fixture
def s(settings):
    return settings.model_copy(
        update={"reports": settings.reports.model_copy(update={"timezone": TZ})}
    )


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


async def _two_months_then_purge(s, flows, store: Store, clock) -> None:
    """Three service users a day through October and November; the purge then deletes
    every answer up to 15 October."""
    days = {d: [("service_user", "agree", 3)] for d in _days(date(2026, 10, 1), date(2026, 11, 30))}
    await write(store, flows, _people(days))
    clock.now = datetime(2026, 10, 16, tzinfo=UTC) + timedelta(days=s.retention_days)
    await purge_expired(store, s)


async def test_a_trend_month_the_purge_cut_into_counts_the_days_left(s, flows, store, clock):
    """November with a trend from October: October is shown for 16 to 31 October, the
    days still held, and the month before (October, in part purged) is not compared."""
    await _two_months_then_purge(s, flows, store, clock)
    october, november = month(date(2026, 10, 1), TZ), month(date(2026, 11, 1), TZ)
    report = await build_public(store, s, november, trend=[october, november])
    trend = next(t for t in report.tables if t.id == "trend:consultation:one_service")
    n = {row.key: row.base.count for row in trend.rows if row.base is not None}
    assert n == {"2026-10": 16 * 3, "2026-11": 30 * 3}
    labels = [row.label for row in trend.rows if row.split == "month"]
    assert labels == ["Oct 2026 (from 16 Oct)", "Nov 2026"]
    assert report.kept_from == "2026-10-16"
    assert "Answers from before 16 October 2026 were deleted" in commissioner_html(report)
    question = next(t for t in report.tables if t.id == "likert:consultation:one_service")
    assert all(c.prev is None for row in question.rows for c in row.cells.values())
    rows = await store.staff_read(
        "SELECT period_start, period_end FROM publications WHERE kind = 'trend'"
    )
    assert ("2026-10-16", "2026-10-31") in rows
    assert all(start > "2026-10-15" for start, _ in rows)


@pytest.fixture(params=["here", "report process", "failed"])
def ledger(request, s):
    """How the purge publishes the purged part of what it cuts: in this process (the
    command line), in the bot's report process, or not at all (that process failed)."""
    if request.param == "here":
        return None
    if request.param == "failed":

        async def fail(_day):
            raise ReportFailed("the report process ended with code -9")

        return fail
    return ReportWorker(s).settle


async def test_a_month_an_earlier_trend_showed_is_shown_for_its_days_left(
    s, flows, store, clock, ledger, request
):
    """October's export showed September and October; the purge then reaches 15 October.
    November's trend shows October for its days left (16 to 31): what the purge left of
    the October that was shown may be known, since its purged part shows nothing small.
    Only when that could not be worked out (the report process failed) is it hidden."""
    days = {d: [("service_user", "agree", 3)] for d in _days(date(2026, 9, 1), date(2026, 11, 30))}
    await write(store, flows, _people(days))
    september, october, november = (month(date(2026, m, 1), TZ) for m in (9, 10, 11))
    clock.now = datetime(2026, 11, 2, tzinfo=UTC)
    await build_public(store, s, october, trend=[september, october])
    clock.now = datetime(2026, 10, 16, tzinfo=UTC) + timedelta(days=s.retention_days)
    await purge_expired(store, s, ledger=ledger)
    report = await build_public(store, s, november, trend=[october, november])
    trend = next(t for t in report.tables if t.id == "trend:consultation:one_service")
    n = {row.label: row.base.count for row in trend.rows if row.base is not None}
    failed = request.node.callspec.params["ledger"] == "failed"
    assert n == {"Oct 2026 (from 16 Oct)": None if failed else 48, "Nov 2026": 90}


async def test_a_report_recorded_after_the_purge_began_is_not_published(s, flows, store, clock):
    """A report made while the purge ran: its days were counted before the answers went.
    Recording it would put a purged day back in the ledger, so nothing is published."""
    await _two_months_then_purge(s, flows, store, clock)
    made = Period(start=date(2026, 10, 12), end=date(2026, 10, 18), label="w", timezone=TZ)
    with pytest.raises(PurgedDuringReport, match="export it again"):
        await record_all(store, [Entry(made, {})], [])
    assert not await store.staff_read(
        "SELECT 1 FROM publications WHERE period_start <= '2026-10-15'"
    )


def test_the_command_line_says_from_which_day_a_report_can_start(tmp_path, settings, capsys):
    """Staff ask for a week the purge has reached: a clear error naming the first day a
    report can start on, not a report that silently counts part of its days."""
    config = _config(tmp_path, settings)
    assert main(["--config", config, "purge"]) == 0
    zone = ZoneInfo(settings.reports.timezone)
    cutoff = datetime.now(UTC) - timedelta(days=settings.retention_days)
    last = (cutoff.astimezone(zone) - timedelta(microseconds=1)).date()
    code = main(
        [
            "--config",
            config,
            "export",
            "--from",
            str(last - timedelta(days=6)),
            "--to",
            str(last),
            "--out",
            str(tmp_path / "out"),
        ]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert f"can start on {last + timedelta(days=1)}" in err
    assert "retention" in err


@pytest.mark.parametrize(
    ("cutoff", "last"),
    [
        (datetime(2026, 7, 1, 23, 0, tzinfo=UTC), date(2026, 7, 1)),  # London midnight (BST)
        (datetime(2026, 7, 1, 23, 30, tzinfo=UTC), date(2026, 7, 2)),  # 00:30 on 2 July in London
        (datetime(2026, 12, 1, 0, 0, tzinfo=UTC), date(2026, 11, 30)),  # midnight (GMT)
        (datetime(2026, 3, 29, 0, 30, tzinfo=UTC), date(2026, 3, 29)),  # the clocks go forward
    ],
)
async def test_the_purged_day_is_a_day_of_the_reports_timezone(
    settings, store, clock, cutoff, last
):
    """A purge at half past midnight in London in summer (still the day before in UTC) has
    deleted part of the London day the reports count: that day is purged, so no report of it
    can be made again, while a purge at London midnight leaves the day after whole."""
    s = settings.model_copy(
        update={"reports": settings.reports.model_copy(update={"timezone": "Europe/London"})}
    )
    clock.now = cutoff + timedelta(days=s.retention_days)
    await purge_expired(store, s)
    assert await purged_through(store, "Europe/London") == last
    day = Period(start=last, end=last, label="d", timezone="Europe/London")
    with pytest.raises(PurgedDays):
        refuse(day, last)
    after = last + timedelta(days=1)
    refuse(Period(start=after, end=after, label="d", timezone="Europe/London"), last)
