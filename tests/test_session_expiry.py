"""Unfinished sessions expire once their week's summary has gone out.

A person returning later starts afresh, and a week already summarised does
not change.  Summary: Monday 09:00 Europe/London (the shipped config).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from random import Random

import pytest

from bot.conversation import Choose, Reply
from bot.report.period import OpenSince, open_since, parse_week
from bot.report.queries import ReportQueries
from bot.service import CONSENT_AGREE

LONDON = "Europe/London"


@pytest.mark.parametrize(
    ("now", "cutoff"),
    [
        # Before Monday's 09:00 summary the week just ended is still open…
        (datetime(2026, 11, 23, 8, 59, tzinfo=UTC), "2026-11-16T00:00:00+00:00"),
        # …from 09:00 it is summarised, and closed.
        (datetime(2026, 11, 23, 9, 0, tzinfo=UTC), "2026-11-23T00:00:00+00:00"),
        (datetime(2026, 11, 29, 23, 0, tzinfo=UTC), "2026-11-23T00:00:00+00:00"),
        # In summer the cutoff is local midnight: 23:00 UTC on Sunday.
        (datetime(2026, 7, 6, 8, 0, tzinfo=UTC), "2026-07-05T23:00:00+00:00"),
    ],
)
def test_the_cutoff_is_the_start_of_the_week_of_the_latest_summary(now, cutoff):
    assert open_since(now, LONDON, "mon", "09:00") == cutoff


async def test_returning_after_the_summary_starts_afresh_and_the_week_is_unchanged(
    tiny, store, clock
):
    key = "te_returner"
    clock.now = datetime(2026, 11, 20, 12, tzinfo=UTC)  # Friday of W47
    await tiny.start(key, "telegram", lang="en")
    await tiny.handle(key, "telegram", Choose(CONSENT_AGREE))
    await tiny.handle(key, "telegram", Choose("service_user"))
    week = parse_week("2026-W47", LONDON)
    before = await ReportQueries(store).answer_counts(week)

    clock.now = datetime(2026, 11, 23, 10, tzinfo=UTC)  # Monday, after the 09:00 summary
    assert await tiny.current_prompt(key, "telegram") is None
    await tiny.handle(key, "telegram", Reply("Late words for a summarised week"))
    assert await ReportQueries(store).answer_counts(week) == before
    turn = await tiny.start(key, "telegram", lang="en")
    assert turn.prompt is not None
    async with store.db.execute(
        "SELECT count(*) FROM sessions WHERE respondent_key = ?", (key,)
    ) as cur:
        assert (await cur.fetchone())[0] == 2  # a fresh session, in this week


async def test_a_session_before_the_summary_carries_on(tiny, store, clock):
    key = "te_sunday_night"
    clock.now = datetime(2026, 11, 22, 23, 50, tzinfo=UTC)  # Sunday night
    await tiny.start(key, "telegram", lang="en")
    await tiny.handle(key, "telegram", Choose(CONSENT_AGREE))
    clock.now = datetime(2026, 11, 23, 0, 20, tzinfo=UTC)  # Monday, before the summary
    prompt = await tiny.current_prompt(key, "telegram")
    assert prompt is not None and prompt.step_id == "group"


def test_the_weekly_cutoff_kept_between_summaries_is_the_one_worked_out_afresh():
    """Kept for a week so that updates do not recompute it, it still moves exactly when
    open_since does: across clock changes, an odd summary time, a clock set back."""
    steps = [timedelta(minutes=m) for m in (1, 7, 30, 61, -45, 300)]
    for zone in ("Europe/London", "America/New_York", "Australia/Lord_Howe"):
        for day, at in (("mon", "09:00"), ("sun", "01:30"), ("sun", "02:30")):
            kept, rng = OpenSince(zone, day, at), Random(zone + day + at)
            now = datetime(2025, 3, 1, tzinfo=UTC)
            for _ in range(6000):
                now += rng.choice(steps)
                assert kept(now) == open_since(now, zone, day, at), (zone, day, at, now)
