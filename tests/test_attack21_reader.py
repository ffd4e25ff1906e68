"""attack21, a hostile reader of the published report: can they tell how many people
disclosed risk, when that is fewer than the threshold?"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from bot.config import Disclosure
from bot.report.export import build_public
from bot.report.period import parse_range
from bot.report.synth import Response, write
from bot.store import AnswerMeta, Store

WEEK_1 = parse_range("2026-11-02", "2026-11-08", "Europe/London")
WEEK_2 = parse_range("2026-11-09", "2026-11-15", "Europe/London")
FORTNIGHT = parse_range("2026-11-02", "2026-11-15", "Europe/London")


def _people(day: int, flagged: int, total: int = 20) -> list[Response]:
    moment = datetime(2026, 11, day, 12, tzinfo=UTC)
    return [
        Response(
            "service_feedback",
            moment,
            {"fft": "very_good", "fft_why": f"the staff were kind, visit {day}-{i}"},
            site="cambridge_hub",
            area="cambridgeshire",
            meta={"fft_why": AnswerMeta(detected_lang="en", lang_prob=0.9, risk_flag=i < flagged)},
        )
        for i in range(total)
    ]


def _risk_counts(settings, flows, periods) -> list[int | None]:
    async def go() -> list[int | None]:
        store = await Store.open(settings.database)
        try:
            await write(store, flows, _people(3, flagged=2) + _people(10, flagged=6))
            counts = []
            for period in periods:
                report = await build_public(store, settings, period)
                counts.append(report.table("risk").rows[0].cells["respondents"].count)
            return counts
        finally:
            await store.close()

    return asyncio.run(go())


@pytest.mark.parametrize("first", ["weeks", "fortnight"])
@pytest.mark.parametrize("mode", ["base", "cells"])
def test_the_risk_count_of_a_week_never_comes_back_by_subtraction(settings, flows, mode, first):
    """Week 1: two people's words raised a risk flag (hidden); week 2: six.  Published in
    either order, the fortnight and week 2 must never both show counts whose difference
    gives week 1's two back (eight less six)."""
    settings = settings.model_copy(update={"disclosure": Disclosure(mode=mode)})
    order = [WEEK_1, WEEK_2, FORTNIGHT] if first == "weeks" else [FORTNIGHT, WEEK_2, WEEK_1]
    counts = dict(
        zip(
            ("w1", "w2", "f") if first == "weeks" else ("f", "w2", "w1"),
            _risk_counts(settings, flows, order),
            strict=True,
        )
    )
    threshold = settings.suppression_threshold
    assert counts["w1"] is None or counts["w1"] >= threshold
    if counts["w2"] is not None and counts["f"] is not None:
        assert not 0 < counts["f"] - counts["w2"] < threshold
