"""A site's report (for staff invited for one site) on a real SQLite database.

The hostile reader holds the all-sites report and any number of site reports
(two staff comparing notes, or one moved from site to site), and subtracts.
For every cell the all-sites report shows, the site cells they cannot see must
not add up to a small number, and a single one must not be worked out exactly.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bot.report.export import build_public
from bot.report.model import PublicReport
from bot.report.period import parse_week
from bot.report.queries import ReportQueries
from bot.report.synth import Response, random_responses, write

WEEK = parse_week("2026-W47")
MONDAY = datetime(2026, 11, 17, 10, tzinfo=UTC)
Ref = tuple[str, str, str, str]


def cells(report: PublicReport) -> dict[Ref, int | None]:
    """Every cell with a count in the raw sense: its number, or None when hidden."""
    found: dict[Ref, int | None] = {}
    for table in report.tables:
        for row in table.rows:
            every = {**row.cells, **({"base": row.base} if row.base else {})}
            for column, cell in every.items():
                if cell.count is not None or cell.suppressed:
                    found[(table.id, row.split, row.key, column)] = cell.count
    return found


def assert_cannot_subtract(everyone: PublicReport, parts: list[PublicReport]) -> int:
    """The all-sites report against site reports that cover every response.

    For each cell all sites show: the sites that hide it (a site without the
    row is a known zero) add up to all minus the rest.  One hidden site alone
    must not be small; several must not add up to a small number.  Returns how
    many cells were checked.
    """
    t = everyone.threshold
    shown_parts = [cells(p) for p in parts]
    checked = 0
    for ref, total in cells(everyone).items():
        if total is None:
            continue
        hidden = [c for c in shown_parts if ref in c and c[ref] is None]
        known = sum(c.get(ref) or 0 for c in shown_parts)
        left = total - known
        assert left >= 0, (ref, total, known)
        if hidden:
            assert left == 0 or left >= t, (ref, total, known, len(hidden))
        else:
            assert left == 0, (ref, total, known)
        checked += 1
    return checked


async def site_reports(store, settings) -> list[PublicReport]:
    return [await build_public(store, settings, WEEK, site=s.id) for s in settings.sites]


async def test_the_issue_case_one_person_elsewhere_is_not_exposed(store, settings, flows):
    """Wisbech: 6 people, all agree; one person at Cambridge agrees, 19 disagree.
    All sites show 7 agreeing; Wisbech's own 6 would give the Cambridge one away."""
    agree = Response("consultation", MONDAY, {"one_service": "agree"}, site="wisbech_hub")
    people = [agree] * 6
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
    assert assert_cannot_subtract(everyone, await site_reports(store, settings)) > 0


@pytest.mark.parametrize("seed", [5, 6])
async def test_no_set_of_site_reports_can_be_subtracted_from_all_sites(
    store, settings, flows, seed
):
    people = random_responses(flows, settings, 60, WEEK, seed=seed)
    people += random_responses(flows, settings, 40, WEEK.previous(), seed=seed + 100)
    await write(store, flows, people)
    everyone = await build_public(store, settings, WEEK)
    mine = await site_reports(store, settings)
    assert assert_cannot_subtract(everyone, mine) > 50
    for site, report in zip(settings.sites, mine, strict=True):
        by_site = report.table("by_site")
        for row in by_site.rows if by_site else []:
            if row.key != site.id:
                assert all(c.count in (0, None) for c in row.cells.values()), row


async def test_responses_that_named_no_site_are_not_given_away_by_the_sites(store, settings, flows):
    """Every site's count is shown to its staff; all sites minus them is the 3 who named none."""
    answer = {"one_service": "agree"}
    people = [Response("consultation", MONDAY, answer, site="wisbech_hub")] * 6
    people += [Response("consultation", MONDAY, answer, site="cambridge_hub")] * 20
    people += [Response("consultation", MONDAY, answer)] * 3
    await write(store, flows, people)
    everyone = await build_public(store, settings, WEEK)
    mine = await site_reports(store, settings)
    t = everyone.threshold
    total = cells(everyone)[("headline", "overall", "all", "base")]
    known = sum(cells(p).get(("headline", "overall", "all", "base")) or 0 for p in mine)
    assert total is not None and total - known not in range(1, t)


async def test_one_site_holding_every_response_gets_the_all_sites_report(store, settings, flows):
    """Nothing a report reads is left out of the snapshot the site's report is built from."""
    people = [
        replace(r, site="wisbech_hub") for r in random_responses(flows, settings, 40, WEEK, seed=3)
    ]
    await write(store, flows, people)
    await ReportQueries(store).add_update("We open later on Thursdays", "2026-11-18")
    everyone = await build_public(store, settings, WEEK)
    wisbech = await build_public(store, settings, WEEK, site="wisbech_hub")
    assert cells(wisbech) == cells(everyone)
    assert wisbech.updates == everyone.updates and wisbech.quotes == everyone.quotes


async def test_a_site_report_does_not_change_the_database(store, settings, flows):
    await write(store, flows, random_responses(flows, settings, 30, WEEK, seed=9))
    async with store.db.execute("SELECT count(*) FROM sessions") as cur:
        before = (await cur.fetchone())[0]
    await build_public(store, settings, WEEK, site="wisbech_hub")
    async with store.db.execute("SELECT count(*) FROM sessions") as cur:
        assert (await cur.fetchone())[0] == before


async def test_in_base_mode_a_sites_theme_count_cannot_be_subtracted(store, settings, flows):
    """Base mode publishes how many people raised a theme ("You said: waiting times (12
    people)"): a count of people, so site reports must not give a small one away.
    Wisbech: 7 of 12 commenters waited; Cambridge: 2 of 22; all sites: 9.  All sites
    minus Wisbech would be Cambridge's 2."""
    from bot.config import Disclosure

    base = settings.model_copy(update={"disclosure": Disclosure(mode="base")})
    waited = {"anything_else": "I waited six weeks for my first appointment, far too long."}
    housing = {"anything_else": "I was homeless when I came out and the hostel was awful."}
    people = [Response("consultation", MONDAY, waited, site="wisbech_hub")] * 7
    people += [Response("consultation", MONDAY, housing, site="wisbech_hub")] * 5
    people += [Response("consultation", MONDAY, waited, site="cambridge_hub")] * 2
    people += [Response("consultation", MONDAY, housing, site="cambridge_hub")] * 20
    await write(store, flows, people)
    everyone = await build_public(store, base, WEEK)
    mine = await site_reports(store, base)
    ref = ("themes", "overall", "waiting_times", "respondents")
    shown = [cells(p).get(ref) for p in [everyone, *mine]]
    assert any(n is not None for n in shown), "some count is published in base mode"
    assert assert_cannot_subtract(everyone, mine) > 0
