from datetime import date

import pytest

from bot.report.period import last_full_week, parse_range, parse_week


def test_iso_week_runs_monday_to_sunday_and_knows_the_week_before():
    week = parse_week("2026-W47")
    assert (week.start, week.end) == (date(2026, 11, 16), date(2026, 11, 22))
    assert week.bounds() == ("2026-11-16T00:00:00+00:00", "2026-11-23T00:00:00+00:00")
    assert week.previous().label == "2026-W46"
    assert parse_week("2027-W01").previous().label == "2026-W53"


def test_date_range_previous_period_has_the_same_length():
    period = parse_range("2026-11-01", "2026-11-10")
    before = period.previous()
    assert (before.start, before.end) == (date(2026, 10, 22), date(2026, 10, 31))


@pytest.mark.parametrize(
    ("text", "message"),
    [("2026-47", "write it like 2026-W47"), ("2025-W53", "2025 has no week 53")],
)
def test_bad_weeks_are_explained(text, message):
    with pytest.raises(ValueError, match=message):
        parse_week(text)


def test_range_the_wrong_way_round_is_refused():
    with pytest.raises(ValueError, match="before --from"):
        parse_range("2026-11-10", "2026-11-01")


def test_the_monday_summary_covers_the_week_that_just_ended():
    assert last_full_week(date(2026, 11, 23)).label == "2026-W47"


def test_a_week_closes_at_the_weekly_summary_after_it_in_local_time():
    """/publish waits for this: until then people may finish answers begun in the week."""
    from datetime import UTC, datetime

    from bot.report.period import closes_at

    london = "Europe/London"
    assert closes_at(parse_week("2026-W47", london), "mon", "09:00") == datetime(
        2026, 11, 23, 9, tzinfo=UTC
    )
    # The clocks go forward on Sunday 29 March 2026: 09:00 on the Monday is 08:00 UTC.
    assert closes_at(parse_week("2026-W13", london), "mon", "09:00") == datetime(
        2026, 3, 30, 8, tzinfo=UTC
    )
    # A Friday summary: sessions begun in W47 run until Friday of the week after.
    assert closes_at(parse_week("2026-W47", london), "fri", "17:30") == datetime(
        2026, 11, 27, 17, 30, tzinfo=UTC
    )


@pytest.mark.parametrize(
    "parse", [lambda: parse_week("9999-W52"), lambda: parse_range("9999-12-01", "9999-12-31")]
)
def test_a_year_past_any_service_is_refused_by_name_not_by_an_overflow(parse):
    with pytest.raises(ValueError, match="from 2000 to 2999"):
        parse()
