"""Intruder across kinds of publication: all-sites reports against site reports.

The ledger records reports for every site (kind ``report``), trend months (``trend``)
and site reports (``site``).  A reader who holds an all-sites week exported before a
late answer, and the site reports of that week asked for after it, adds the sites up
and subtracts.  So a site report is suppressed against the reports for every site
published before, and a report for every site against the site reports
(``bot/report/scope.py``, ``bot/report/periods.py``).
"""

from __future__ import annotations

from datetime import UTC, datetime

from bot.report.export import build_public
from bot.report.model import PublicReport
from bot.report.period import parse_week
from bot.report.synth import Response, write

WEEK = parse_week("2026-W47")
MONDAY = datetime(2026, 11, 17, 10, tzinfo=UTC)
Ref = tuple[str, str, str, str]
SITES = ("cambridge_hub", "wisbech_hub")


def _cells(report: PublicReport) -> dict[Ref, int | None]:
    found: dict[Ref, int | None] = {}
    for table in report.tables:
        for row in table.rows:
            every = {**row.cells, **({"base": row.base} if row.base else {})}
            for column, cell in every.items():
                if cell.count is not None or cell.suppressed:
                    found[(table.id, row.split, row.key, column)] = cell.count
    return found


def _person(site: str, answer: str) -> Response:
    return Response("consultation", MONDAY, {"one_service": answer}, site=site)


def _differences(before: PublicReport, sites: list[PublicReport], t: int) -> dict:
    """Answers' cells every site shows: their sum less what all sites showed before, if
    small (headline counts move too, but say only that someone answered or deleted)."""
    shown = [_cells(p) for p in sites]
    out = {}
    for ref, total in _cells(before).items():
        if not ref[0].startswith("likert:") or total is None:
            continue
        if not all(ref in c and c[ref] is not None for c in shown):
            continue
        moved = sum(c[ref] for c in shown) - total  # type: ignore[misc]
        if 0 < abs(moved) < t:
            out[ref] = (total, [c[ref] for c in shown])
    return out


async def _world(store, flows) -> None:
    """Ten agree and ten disagree at each of two sites; nobody named no site."""
    people = [_person(site, a) for site in SITES for a in ["agree"] * 10 + ["disagree"] * 10]
    await write(store, flows, people)


async def test_site_reports_after_a_late_answer_do_not_give_it_away_against_all_sites(
    store, settings, flows
):
    await _world(store, flows)
    everyone = await build_public(store, settings, WEEK)
    await write(store, flows, [_person("cambridge_hub", "disagree")] * 2)
    sites = [await build_public(store, settings, WEEK, site=s) for s in SITES]
    assert not _differences(everyone, sites, settings.suppression_threshold)


async def test_site_reports_after_a_delete_do_not_give_away_what_was_deleted(
    store, settings, flows
):
    await _world(store, flows)
    await write(store, flows, [_person("wisbech_hub", "strongly_disagree")])
    everyone = await build_public(store, settings, WEEK)
    sid = (
        await store.staff_read(
            "SELECT s.id FROM sessions s JOIN answers a ON a.session_id = s.id"
            " WHERE a.value = 'strongly_disagree'"
        )
    )[0][0]
    await store.delete_session(sid)
    sites = [await build_public(store, settings, WEEK, site=s) for s in SITES]
    assert not _differences(everyone, sites, settings.suppression_threshold)


# -- the other way round, other site counts, other periods, base mode


THREE = ("cambridge_hub", "wisbech_hub", "hmp_peterborough")


def _base_mode(settings):
    """The shipped default: counts behind a question's shares are withheld, n is shown."""
    return settings.model_copy(
        update={"disclosure": settings.disclosure.model_copy(update={"mode": "base"})}
    )


async def test_a_report_for_every_site_after_site_reports_and_a_late_answer_does_not_give_it_away(
    store, settings, flows
):
    """Both sites' reports first, then two late answers at Wisbech, then the all-sites
    week: all sites less the sites' sum must not be what the two said."""
    await _world(store, flows)
    sites = [await build_public(store, settings, WEEK, site=s) for s in SITES]
    await write(store, flows, [_person("wisbech_hub", "strongly_disagree")] * 2)
    everyone = await build_public(store, settings, WEEK)
    found = _differences(everyone, sites, settings.suppression_threshold)
    assert not found, f"the late answers, by subtraction: {found}"


async def test_three_sites_a_delete_and_base_mode_give_nothing_away_either_way(
    store, settings, flows
):
    """Three sites (HMP with six people), base mode (the shipped default: n shown, the
    answers' counts withheld): an all-sites week, then one HMP person's /delete, then
    every site's report, then the all-sites week again.  Neither the sites' sum less the
    first all-sites n, nor the second all-sites n less the sites', may move by one."""
    s = _base_mode(settings)
    people = [_person(site, a) for site in THREE[:2] for a in ["agree"] * 8 + ["disagree"] * 4]
    people += [_person("hmp_peterborough", "agree")] * 3
    people += [_person("hmp_peterborough", "strongly_disagree")] * 3
    await write(store, flows, people)
    first = await build_public(store, s, WEEK)
    ((sid,),) = await store.staff_read(
        "SELECT s.id FROM sessions s JOIN answers a ON a.session_id = s.id"
        " WHERE a.value = 'strongly_disagree' LIMIT 1"
    )
    await store.delete_session(sid)
    sites = [await build_public(store, s, WEEK, site=x) for x in THREE]
    again = await build_public(store, s, WEEK)
    t = s.suppression_threshold
    assert not _differences(first, sites, t), "the deleted answer, sites less all"
    assert not _differences(again, sites, t), "sites against all sites, both made after"


async def test_site_reports_after_a_fortnight_for_every_site_do_not_give_a_late_answer_away(
    store, settings, flows
):
    """A fortnight for every site and its second week are published, then two late
    answers come in the first week at Cambridge, then the first week's site reports:
    their sum less (fortnight less second week) is what the two said."""
    from datetime import timedelta

    from bot.report.period import Period

    w48 = parse_week("2026-W48")
    fortnight = Period(start=WEEK.start, end=w48.end, label="fortnight", timezone=WEEK.timezone)
    await _world(store, flows)
    later = [
        Response("consultation", MONDAY + timedelta(days=7), {"one_service": a}, site=site)
        for site in SITES
        for a in ["agree"] * 6 + ["disagree"] * 6
    ]
    await write(store, flows, later)
    whole = _cells(await build_public(store, settings, fortnight))
    second = _cells(await build_public(store, settings, w48))
    await write(store, flows, [_person("cambridge_hub", "disagree")] * 2)
    sites = [_cells(await build_public(store, settings, WEEK, site=x)) for x in SITES]
    moved = {}
    for ref, total in whole.items():
        if not ref[0].startswith("likert:") or total is None or second.get(ref) is None:
            continue
        if all(c.get(ref) is not None for c in sites):
            diff = sum(c[ref] for c in sites) - (total - second[ref])  # type: ignore[misc]
            if 0 < abs(diff) < settings.suppression_threshold:
                moved[ref] = diff
    assert not moved, f"the late answers, by subtraction: {moved}"


# -- site reports against trend months (a month is the sum of its weeks)

FEBRUARY = [parse_week(f"2027-W0{n}") for n in (5, 6, 7, 8)]
"""February 2027 is exactly ISO weeks 5 to 8."""


async def _trend_with_february(store, settings) -> dict[Ref, int | None]:
    """The April report with a trend from December: February's row, as the question's
    overall cells (what a reader sets beside the weeks)."""
    from bot.report.period import parse_range, whole_months

    zone = settings.reports.timezone
    april = parse_range("2027-04-01", "2027-04-30", zone)
    months = whole_months(parse_range("2026-12-01", "2027-04-30", zone))
    public = await build_public(store, settings, april, trend=months)
    out: dict[Ref, int | None] = {}
    for table in public.tables_of("trend"):
        likert = f"likert:{table.id.removeprefix('trend:')}"
        row = table.row("2027-02", "month")
        if row is None:
            continue
        out[(likert, "overall", "all", "base")] = row.base.count if row.base else None
        for column in ("top_two", "bottom_two"):
            out[(likert, "overall", "all", column)] = row.cells[column].count
    return out


async def _february_world(store, flows, settings) -> None:
    """Each week of February: at each site, three agree and two disagree every weekday;
    ten people answer in April."""
    from datetime import timedelta

    people = []
    for week in FEBRUARY:
        for day in range(5):
            at = datetime(week.start.year, week.start.month, week.start.day, 10, tzinfo=UTC)
            at += timedelta(days=day)
            for site in SITES:
                for answer in ["agree"] * 3 + ["disagree"] * 2:
                    people.append(Response("consultation", at, {"one_service": answer}, site=site))
    april = datetime(2027, 4, 6, 10, tzinfo=UTC)
    people += [Response("consultation", april, {"one_service": "agree"})] * 10
    await write(store, flows, people)


def _late_in_week_7() -> list[Response]:
    at = datetime(2027, 2, 17, 10, tzinfo=UTC)
    return [Response("consultation", at, {"one_service": "disagree"}, site=SITES[0])] * 2


def _moved(month: dict, weeks: list[dict], sites: list[dict], t: int) -> dict:
    """February less the other weeks, against the sites' sum for week 7: what moved."""
    out = {}
    for ref, total in month.items():
        others = [w.get(ref) for w in weeks]
        parts = [c.get(ref) for c in sites]
        if total is None or None in others or None in parts:
            continue
        diff = sum(parts) - (total - sum(others))  # type: ignore[arg-type,operator]
        if 0 < abs(diff) < t:
            out[ref] = diff
    return out


async def test_site_reports_after_a_trend_and_a_late_answer_do_not_give_it_away(
    store, settings, flows
):
    """Weeks 5, 6 and 8 for every site, a trend showing February, two late answers at
    Cambridge in week 7, then week 7's site reports: their sum less (February less the
    other weeks) is what the two said."""
    await _february_world(store, flows, settings)
    weeks = [
        _cells(await build_public(store, settings, w)) for w in FEBRUARY if w is not FEBRUARY[2]
    ]
    month = await _trend_with_february(store, settings)
    await write(store, flows, _late_in_week_7())
    sites = [_cells(await build_public(store, settings, FEBRUARY[2], site=s)) for s in SITES]
    moved = _moved(month, weeks, sites, settings.suppression_threshold)
    assert not moved, f"the late answers, by subtraction: {moved}"


async def test_a_trend_after_site_reports_and_a_late_answer_does_not_give_it_away(
    store, settings, flows
):
    """The other way round: week 7's site reports, two late answers at Cambridge, then
    weeks 5, 6 and 8 for every site and a trend showing February."""
    await _february_world(store, flows, settings)
    sites = [_cells(await build_public(store, settings, FEBRUARY[2], site=s)) for s in SITES]
    await write(store, flows, _late_in_week_7())
    weeks = [
        _cells(await build_public(store, settings, w)) for w in FEBRUARY if w is not FEBRUARY[2]
    ]
    month = await _trend_with_february(store, settings)
    moved = _moved(month, weeks, sites, settings.suppression_threshold)
    assert not moved, f"the late answers, by subtraction: {moved}"


# -- more probes: a fortnight over site reports; the "last period" of a site report


def _previous(report: PublicReport) -> dict[Ref, int | None]:
    """The "last period" counts a report shows beside its own (cells mode: counts)."""
    found: dict[Ref, int | None] = {}
    for table in report.tables:
        for row in table.rows:
            every = {**row.cells, **({"base": row.base} if row.base else {})}
            for column, cell in every.items():
                if cell.pct is None or column == "base":
                    found[(table.id, row.split, row.key, column)] = cell.prev  # type: ignore[assignment]
    return found


async def test_a_fortnight_for_every_site_after_site_reports_and_a_delete_gives_nothing_away(
    store, settings, flows
):
    """Week 47's site reports, then week 46 for every site, then a /delete in week 47,
    then the fortnight of weeks 46 and 47 for every site: the fortnight less week 46
    less the sites' sum must not be what the deleted person said."""
    from datetime import timedelta

    from bot.report.period import Period

    w46 = parse_week("2026-W46")
    await _world(store, flows)
    earlier = [
        Response("consultation", MONDAY - timedelta(days=7), {"one_service": a}, site=site)
        for site in SITES
        for a in ["agree"] * 6 + ["disagree"] * 6
    ]
    await write(store, flows, earlier)
    sites = [_cells(await build_public(store, settings, WEEK, site=x)) for x in SITES]
    first = _cells(await build_public(store, settings, w46))
    _, end = WEEK.bounds()
    ((sid,),) = await store.staff_read(
        "SELECT s.id FROM sessions s JOIN answers a ON a.session_id = s.id"
        " WHERE a.value = 'disagree' AND s.site = 'wisbech_hub' AND s.started_at >= ?"
        " AND s.started_at < ? LIMIT 1",
        (WEEK.bounds()[0], end),
    )
    await store.delete_session(sid)
    fortnight = Period(start=w46.start, end=WEEK.end, label="fortnight", timezone=WEEK.timezone)
    whole = _cells(await build_public(store, settings, fortnight))
    moved = {}
    for ref, total in whole.items():
        parts = [c.get(ref) for c in sites]
        if not ref[0].startswith("likert:") or total is None or first.get(ref) is None:
            continue
        if None not in parts:
            diff = total - first[ref] - sum(parts)  # type: ignore[arg-type,operator]
            if 0 < abs(diff) < settings.suppression_threshold:
                moved[ref] = diff
    assert not moved, f"the deleted answer, by subtraction: {moved}"


async def test_the_last_period_of_site_reports_does_not_give_a_late_answer_away(
    store, settings, flows
):
    """Week 47 for every site, two late answers at Cambridge in week 47, then week 48's
    site reports: their "last period" figures are week 47 now, by site; summed, less
    what all sites showed for week 47, they are the late answers."""
    from datetime import timedelta

    await _world(store, flows)
    later = [
        Response("consultation", MONDAY + timedelta(days=7), {"one_service": a}, site=site)
        for site in SITES
        for a in ["agree"] * 6 + ["disagree"] * 6
    ]
    await write(store, flows, later)
    everyone = _cells(await build_public(store, settings, WEEK))
    await write(store, flows, [_person("cambridge_hub", "disagree")] * 2)
    w48 = parse_week("2026-W48")
    sites = [_previous(await build_public(store, settings, w48, site=x)) for x in SITES]
    moved = {}
    for ref, total in everyone.items():
        parts = [c.get(ref) for c in sites]
        if not ref[0].startswith("likert:") or total is None or None in parts:
            continue
        diff = sum(parts) - total  # type: ignore[arg-type]
        if 0 < abs(diff) < settings.suppression_threshold:
            moved[ref] = diff
    assert not moved, f"the late answers, by subtraction: {moved}"
