"""Exporting the same period again shows what it showed (issue 18 follow-up).

A commissioner re-runs last month's export, the Monday summary is sent and staff export
the same week, a site lead asks for their site twice: with nothing changed since, each
copy must show the same cells.  Tied to its earlier copy through its pieces, as a
different period would be, every export was a fresh choice of what to hide beside what
the last one hid, and each hid more (123, 161, 169, 174 cells) until the report blanked
out.  After a late answer, the first export after it may hide more; the next, with
nothing changed again, must not.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.config import Disclosure
from bot.report.export import build_public
from bot.report.model import PublicReport
from bot.report.period import month, months_to, parse_range, parse_week
from bot.report.synth import Response, random_responses, write

ZONE = "Europe/London"
NOVEMBER = month(parse_range("2026-11-01", "2026-11-30", ZONE).start, ZONE)
SKIP = {"generated_at"}


async def _fill(store, settings, flows, n: int = 300) -> None:
    span = parse_range("2026-06-01", "2026-12-06", ZONE)
    await write(store, flows, random_responses(flows, settings, n, span, seed=23))


def _shown(report: PublicReport) -> dict:
    return report.model_dump(exclude=SKIP)


@pytest.mark.parametrize("mode", ["base", "cells"])
async def test_a_week_exported_three_times_is_the_same_each_time(store, settings, flows, mode):
    settings = settings.model_copy(update={"disclosure": Disclosure(mode=mode)})
    await _fill(store, settings, flows)
    week = parse_week("2026-W47", ZONE)
    await build_public(store, settings, parse_range("2026-11-15", "2026-11-28", ZONE))
    first = await build_public(store, settings, week)
    for _ in range(2):
        assert _shown(await build_public(store, settings, week)) == _shown(first)


async def test_a_month_with_its_trend_exported_again_is_the_same(store, settings, flows):
    settings = settings.model_copy(update={"disclosure": Disclosure(mode="base")})
    await _fill(store, settings, flows)
    await build_public(store, settings, parse_week("2026-W45", ZONE))
    trend = months_to(NOVEMBER, 4)
    first = await build_public(store, settings, NOVEMBER, trend=trend)
    again = await build_public(store, settings, NOVEMBER, trend=trend)
    assert again.suppressed_cells == first.suppressed_cells
    assert _shown(again) == _shown(first)


async def test_a_site_report_asked_for_twice_is_the_same(store, settings, flows):
    settings = settings.model_copy(update={"disclosure": Disclosure(mode="base")})
    await _fill(store, settings, flows)
    week = parse_week("2026-W46", ZONE)
    await build_public(store, settings, week)
    first = await build_public(store, settings, week, site="cambridge_hub")
    again = await build_public(store, settings, week, site="cambridge_hub")
    assert _shown(again) == _shown(first)


async def test_after_a_late_answer_the_next_re_export_is_stable_again(store, settings, flows):
    """Two late answers change November: the export after them may differ, but exporting
    it again with nothing more changed shows the same."""
    settings = settings.model_copy(update={"disclosure": Disclosure(mode="base")})
    await _fill(store, settings, flows)
    await build_public(store, settings, parse_week("2026-W45", ZONE))
    await build_public(store, settings, NOVEMBER)
    late = datetime(2026, 11, 18, 12, tzinfo=UTC)
    await write(
        store,
        flows,
        [Response("consultation", late, {"one_service": "disagree"}, site="wisbech_hub")] * 2,
    )
    after = await build_public(store, settings, NOVEMBER)
    again = await build_public(store, settings, NOVEMBER)
    assert _shown(again) == _shown(after)
