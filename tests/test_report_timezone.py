"""Weeks are calendar weeks in ``reports.timezone`` (Europe/London), not in UTC.

Both clock changes are covered: the last Sunday of March (GMT → BST, a 167-hour
week) and of October (BST → GMT, a 169-hour week).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.report.export import build_public, summary_period, weekly_summary_text
from bot.report.period import parse_range, parse_week
from bot.report.queries import ReportQueries
from bot.report.synth import Response, write

LONDON = "Europe/London"


def test_a_week_is_local_midnight_to_local_midnight_across_both_clock_changes():
    spring = parse_week("2026-W13", LONDON)  # Mon 23 March to Sun 29 March (clocks go forward)
    assert spring.bounds() == ("2026-03-23T00:00:00+00:00", "2026-03-29T23:00:00+00:00")
    autumn = parse_week("2026-W43", LONDON)  # Mon 19 to Sun 25 October (clocks go back)
    assert autumn.bounds() == ("2026-10-18T23:00:00+00:00", "2026-10-26T00:00:00+00:00")
    summer = parse_range("2026-07-01", "2026-07-31", LONDON)
    assert summer.bounds() == ("2026-06-30T23:00:00+00:00", "2026-07-31T23:00:00+00:00")
    assert spring.previous().timezone == LONDON == summer.previous().timezone


@pytest.mark.parametrize(
    ("moment", "week"),
    [
        # 00:30 BST on Monday 30 March is 23:30 UTC on Sunday: it belongs to W14.
        (datetime(2026, 3, 29, 23, 30, tzinfo=UTC), "2026-W14"),
        # 00:30 GMT on Sunday 29 March, half an hour before the change: still W13.
        (datetime(2026, 3, 29, 0, 30, tzinfo=UTC), "2026-W13"),
        # 23:30 BST on Sunday 25 October, after 01:00 BST happened twice: still W43.
        (datetime(2026, 10, 25, 23, 30, tzinfo=UTC), "2026-W43"),
        # 00:30 BST on Monday 19 October is 23:30 UTC on Sunday 18th: W43, not W42.
        (datetime(2026, 10, 18, 23, 30, tzinfo=UTC), "2026-W43"),
    ],
)
async def test_a_response_counts_in_its_local_week(store, flows, moment, week):
    await write(store, flows, [Response("consultation", moment, {"anything_else": "ok"})])
    q = ReportQueries(store)
    counted = {
        label: sum(s.n for s in await q.sessions(parse_week(label, LONDON)))
        for label in ("2026-W13", "2026-W14", "2026-W42", "2026-W43", "2026-W44")
    }
    assert counted == {label: int(label == week) for label in counted}


@pytest.mark.parametrize(
    ("now", "week"),
    [
        # The job at Monday 00:30 local time, just after each clock change…
        (datetime(2026, 3, 29, 23, 30, tzinfo=UTC), "2026-W13"),  # 00:30 BST Mon 30 March
        (datetime(2026, 10, 26, 0, 30, tzinfo=UTC), "2026-W43"),  # 00:30 GMT Mon 26 October
        # …and in an ordinary summer and winter week.
        (datetime(2026, 7, 5, 23, 30, tzinfo=UTC), "2026-W27"),  # 00:30 BST Mon 6 July
        (datetime(2026, 11, 23, 0, 30, tzinfo=UTC), "2026-W47"),  # 00:30 GMT Mon 23 November
    ],
)
def test_the_monday_job_summarises_the_week_that_just_ended(settings, now, week):
    assert settings.reports.timezone == LONDON
    period = summary_period(settings, now)
    assert period.label == week
    assert period.timezone == LONDON


async def test_every_report_names_its_time_zone(store, settings, flows):
    moment = datetime(2026, 3, 29, 23, 30, tzinfo=UTC)  # Monday 00:30 BST
    await write(store, flows, [Response("consultation", moment, {"anything_else": "ok"})] * 5)
    text = await weekly_summary_text(store, settings, "2026-W14")
    assert "Europe/London" in text
    report = await build_public(store, settings, parse_week("2026-W14", LONDON))
    assert report.period.timezone == LONDON
    assert report.table("headline").row("all").base.count == 5
    assert "Europe/London" in report.period.describe()
    assert date(2026, 3, 30) == report.period.start
