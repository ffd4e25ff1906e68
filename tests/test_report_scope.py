"""A site's report (for staff invited for one site) on a real SQLite database.

The hostile reader holds both the site's report and the all-sites one and
subtracts: every cell shown in both must differ by 0 or by at least the
threshold, or "every other site" would show a small number nobody suppressed.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.report.export import build_public
from bot.report.model import PublicReport
from bot.report.period import parse_week
from bot.report.synth import Response, random_responses, write

WEEK = parse_week("2026-W47")
MONDAY = datetime(2026, 11, 17, 10, tzinfo=UTC)


def shown_counts(report: PublicReport) -> dict[tuple[str, str, str, str], int]:
    found = {}
    for table in report.tables:
        for row in table.rows:
            cells = {**row.cells, **({"base": row.base} if row.base else {})}
            for column, cell in cells.items():
                if cell.count is not None:
                    found[(table.id, row.split, row.key, column)] = cell.count
    return found


def assert_cannot_subtract(site: PublicReport, everyone: PublicReport) -> int:
    """Every cell both reports show: all minus site is 0 or at least the threshold."""
    t = site.threshold
    mine, all_sites = shown_counts(site), shown_counts(everyone)
    both = mine.keys() & all_sites.keys()
    for ref in both:
        rest = all_sites[ref] - mine[ref]
        assert rest == 0 or rest >= t, (ref, all_sites[ref], mine[ref])
    return len(both)


async def test_the_issue_case_one_person_elsewhere_is_not_exposed(store, settings, flows):
    """Wisbech: 6 people, all agree; one person at Cambridge agrees, 19 disagree.
    All sites show 7 agreeing; Wisbech's own 6 would give the Cambridge one away."""
    people = [Response("consultation", MONDAY, {"one_service": "agree"}, site="wisbech_hub")] * 6
    people += [Response("consultation", MONDAY, {"one_service": "agree"}, site="cambridge_hub")]
    people += [
        Response("consultation", MONDAY, {"one_service": "disagree"}, site="cambridge_hub")
    ] * 19
    await write(store, flows, people)
    everyone = await build_public(store, settings, WEEK)
    wisbech = await build_public(store, settings, WEEK, site="wisbech_hub")
    head = wisbech.table("headline")
    assert head is not None and head.rows[0].base is not None
    assert head.rows[0].base.count == 6  # the site's own responses, not 26
    assert assert_cannot_subtract(wisbech, everyone) > 0


@pytest.mark.parametrize("seed", [5, 6])
async def test_no_site_report_can_be_subtracted_from_the_all_sites_one(
    store, settings, flows, seed
):
    people = random_responses(flows, settings, 60, WEEK, seed=seed)
    people += random_responses(flows, settings, 40, WEEK.previous(), seed=seed + 100)
    await write(store, flows, people)
    everyone = await build_public(store, settings, WEEK)
    for site in settings.sites:
        mine = await build_public(store, settings, WEEK, site=site.id)
        assert_cannot_subtract(mine, everyone)
        other = {s.id for s in settings.sites} - {site.id}
        by_site = mine.table("by_site")
        for row in by_site.rows if by_site else []:
            if row.key in other:
                assert all(c.count in (0, None) for c in row.cells.values()), row


async def test_a_site_report_does_not_change_the_database(store, settings, flows):
    await write(store, flows, random_responses(flows, settings, 30, WEEK, seed=9))
    async with store.db.execute("SELECT count(*) FROM sessions") as cur:
        before = (await cur.fetchone())[0]
    await build_public(store, settings, WEEK, site="wisbech_hub")
    async with store.db.execute("SELECT count(*) FROM sessions") as cur:
        assert (await cur.fetchone())[0] == before
