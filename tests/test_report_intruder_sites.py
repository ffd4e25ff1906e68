"""Intruder across site reports and reports for every site, over periods other than a week.

A hostile reader holding every publication (issue 18 item 1): reports for every site
of any period, trend months, and site reports (two staff comparing notes, or one
moved from site to site).  The days are cut into pieces at every period's ends, the
responses into parts (each site, and those that named none), and for every cell the
count of each (piece, part), each piece's all-sites count and each hidden published
cell is bounded by linear programming over every published equality.  A small true
count (1 to threshold-1) pinned within less than the threshold fails.

The probes here are the combinations the other intruder tests do not cover: site
reports of a fortnight or a month against weeks for every site, site weeks against a
fortnight for every site, and two sites' reports with a /delete between them.
"""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.i18n import load_catalogue
from bot.report.aggregate import ReportBuilder
from bot.report.export import build_public
from bot.report.model import CellRef
from bot.report.months import cut
from bot.report.period import Period, parse_range, parse_week
from bot.report.scope import only, snapshot
from bot.report.suppress import primary
from bot.report.synth import Response, write
from bot.report.themes import load_codebook
from bot.store import Store

scipy_optimize = pytest.importorskip("scipy.optimize")

T = 5
TZ = "UTC"
SITES = ("cambridge_hub", "wisbech_hub")
W47 = parse_week("2026-W47", TZ)
W48 = parse_week("2026-W48", TZ)
FORTNIGHT = Period(start=W47.start, end=W48.end, label="fortnight", timezone=TZ)


@pytest.fixture
def s(settings):
    return settings.model_copy(
        update={
            "suppression_threshold": T,
            "reports": settings.reports.model_copy(update={"timezone": TZ}),
        }
    )


@pytest.fixture(params=["cells", "base", "base_rounded"])
def d(request, s):
    """``s`` in each disclosure mode: cells; base (the shipped default); base with every
    count rounded to 5.  The ledger holds the true count of every cell shown, rounded
    or withheld behind a share, so the intruder below is at least as strong as a reader."""
    if request.param == "cells":
        return s
    rounding = 5 if request.param == "base_rounded" else "none"
    disclosure = s.disclosure.model_copy(update={"mode": "base", "rounding": rounding})
    return s.model_copy(update={"disclosure": disclosure})


def _counts(report) -> dict[CellRef, int]:
    out = {}
    for table in report.tables:
        for row in table.rows:
            if row.base is not None:
                out[(table.id, row.split, row.key, "base")] = row.base.count or 0
            for col, cell in row.cells.items():
                out[(table.id, row.split, row.key, col)] = cell.count or 0
    return out


def _people(days: dict[date, list[tuple[str | None, str, str, int]]]) -> list[Response]:
    """Per day: (site, respondent group, answer to one_service, how many)."""
    people = []
    for day, groups in days.items():
        at = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=9)
        for site, group, answer, n in groups:
            for _ in range(n):
                at += timedelta(minutes=1)
                people.append(
                    Response(
                        "consultation",
                        at,
                        {"one_service": answer},
                        site=site,
                        respondent_group=group,
                    )
                )
    return people


async def _ledger(store: Store) -> list[tuple[tuple[date, date], str | None, dict]]:
    """Every publication: its span, the site it is for (None: every site), its cells."""
    out = []
    for pid, start, end, kind, site in await store.staff_read(
        "SELECT id, period_start, period_end, kind, site FROM publications ORDER BY id"
    ):
        rows = await store.staff_read(
            "SELECT table_id, split, row_key, col, value FROM published_cells"
            " WHERE publication_id = ?",
            (pid,),
        )
        cells = {(r[0], r[1], r[2], r[3]): r[4] for r in rows}
        span = (date.fromisoformat(start), date.fromisoformat(end))
        out.append((span, site if kind == "site" else None, cells))
    return out


async def _attack(s, store: Store) -> dict:
    """Every small count the publications pin within less than the threshold."""
    published = await _ledger(store)
    pieces = cut(sorted({span for span, _, _ in published}))
    lo = datetime.combine(pieces[0][0], datetime.min.time(), UTC).isoformat()
    hi = datetime.combine(pieces[-1][1] + timedelta(days=1), datetime.min.time(), UTC)
    codebook, catalogue = load_codebook(s.flows_dir), load_catalogue()
    true: dict[tuple[int, str | None], dict[CellRef, int]] = {}
    withheld: set[CellRef] = set()
    async with snapshot(store, lo, hi.isoformat()) as view:
        found = await view.db.execute_fetchall("SELECT DISTINCT site FROM sessions")
        parts = sorted({row[0] for row in found} | {None}, key=lambda p: p or "")
        for part in parts:
            async with only(view, part) as one:
                builder = ReportBuilder(one, s, codebook, catalogue)
                for i, (a, b) in enumerate(pieces):
                    raw = await builder.build(
                        Period(start=a, end=b, label="piece", timezone=TZ), counts_only=True
                    )
                    true[(i, part)] = _counts(raw)
                    # In base mode a share's count is withheld: the mode protects counts
                    # of people only (README, disclosure modes), so only those are checked.
                    withheld |= set(primary(raw)[3])
    variables = list(itertools.product(range(len(pieces)), parts))
    exposed = {}
    for ref in sorted({ref for _, _, cells in published for ref in cells} - withheld):

        def members(span, site):
            return {
                k
                for k, (i, part) in enumerate(variables)
                if span[0] <= pieces[i][0]
                and pieces[i][1] <= span[1]
                and (site is None or part == site)
            }

        a_eq, b_eq = [], []
        for span, site, cells in published:
            if cells.get(ref) is not None:
                inside = members(span, site)
                a_eq.append([1.0 if k in inside else 0.0 for k in range(len(variables))])
                b_eq.append(float(cells[ref]))

        def actual(group, ref=ref):
            return sum(true[variables[k]].get(ref, 0) for k in group)

        targets = [(f"{pieces[i]} {part}", {k}) for k, (i, part) in enumerate(variables)]
        targets += [(f"{piece} all sites", members(piece, None)) for piece in pieces]
        targets += [
            (f"hidden {span} {site}", members(span, site))
            for span, site, cells in published
            if ref in cells and cells[ref] is None
        ]
        for name, group in targets:
            value = actual(group)
            if not 0 < value < T:
                continue
            ends = []
            for sign in (1.0, -1.0):
                c = [sign if k in group else 0.0 for k in range(len(variables))]
                result = scipy_optimize.linprog(
                    c, A_eq=a_eq or None, b_eq=b_eq or None, bounds=(0, None), method="highs"
                )
                assert result.status in (0, 3), (ref, name, result.message)
                ends.append(float("inf") if result.status == 3 else sign * result.fun)
            if ends[1] - ends[0] < T - 1e-6:
                exposed[(ref, name)] = (ends[0], ends[1], value)
    return exposed


def _days(start: date, end: date):
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


async def _fortnight_world(flows, store: Store) -> None:
    """Every day of weeks 47 and 48, at each site, two agree and one disagrees; on the
    Wednesday of week 47 three family members at Wisbech disagree (hidden in week 47)."""
    days = {}
    for day in _days(W47.start, W48.end):
        days[day] = [(site, "service_user", a, n) for site in SITES for a, n in (("agree", 2),)]
        days[day] += [(site, "service_user", "disagree", 1) for site in SITES]
        if day == W47.start + timedelta(days=2):
            days[day].append(("wisbech_hub", "family_carer", "disagree", 3))
    await write(store, flows, _people(days))


async def test_site_fortnights_after_weeks_for_every_site_give_no_hidden_week_away(
    d, flows, store: Store
):
    """Weeks 47 and 48 for every site, then each site's fortnight: the sites' fortnights
    add up to every site's, less week 48 is week 47's hidden three."""
    await _fortnight_world(flows, store)
    for week in (W47, W48):
        await build_public(store, d, week)
    for site in SITES:
        await build_public(store, d, FORTNIGHT, site=site)
    assert not await _attack(d, store)


async def test_weeks_for_every_site_after_site_fortnights_give_no_hidden_week_away(
    d, flows, store: Store
):
    await _fortnight_world(flows, store)
    for site in SITES:
        await build_public(store, d, FORTNIGHT, site=site)
    for week in (W48, W47):
        await build_public(store, d, week)
    assert not await _attack(d, store)


async def test_site_weeks_against_a_fortnight_for_every_site_give_nothing_away(
    d, flows, store: Store
):
    """Each site's weeks 47 and 48, then the fortnight for every site."""
    await _fortnight_world(flows, store)
    for week in (W47, W48):
        for site in SITES:
            await build_public(store, d, week, site=site)
    await build_public(store, d, FORTNIGHT)
    assert not await _attack(d, store)


async def test_a_site_month_against_weeks_straddling_it_gives_no_odd_day_away(
    d, flows, store: Store
):
    """November 2026 runs Sunday 1st to Monday 30th.  Two people at Wisbech disagree on
    Monday 30 November only.  Weeks 44 to 49 for every site, then each site's November:
    the sites' Novembers less weeks 45 to 48 are the odd days."""
    days = {}
    for day in _days(date(2026, 10, 26), date(2026, 12, 6)):
        days[day] = [(site, "service_user", "agree", 1) for site in SITES]
        if day == date(2026, 11, 30):
            days[day].append(("wisbech_hub", "service_user", "disagree", 2))
    await write(store, flows, _people(days))
    for n in range(44, 50):
        await build_public(store, d, parse_week(f"2026-W{n}", TZ))
    november = parse_range("2026-11-01", "2026-11-30", TZ)
    for site in SITES:
        await build_public(store, d, november, site=site)
    assert not await _attack(d, store)


def _week_47_at_both_sites() -> list[Response]:
    """Each day of week 47, at each site, one agrees and one disagrees; one Wisbech
    person strongly disagrees on the Monday."""
    days = {
        day: [(site, "service_user", a, 1) for site in SITES for a in ("agree", "disagree")]
        for day in _days(W47.start, W47.end)
    }
    days[W47.start].append(("wisbech_hub", "service_user", "strongly_disagree", 1))
    return _people(days)


async def _change_at_wisbech(store: Store, flows, change: str) -> None:
    """A /delete of the Wisbech person who strongly disagreed, or two late answers there."""
    if change == "delete":
        ((sid,),) = await store.staff_read(
            "SELECT s.id FROM sessions s JOIN answers a ON a.session_id = s.id"
            " WHERE a.value = 'strongly_disagree'"
        )
        await store.delete_session(sid)
    else:
        late = {W47.end: [("wisbech_hub", "service_user", "strongly_disagree", 2)]}
        await write(store, flows, _people(late))


def _moved(everyone: dict, cambridge: dict, wisbech: dict) -> dict:
    """All sites less Cambridge less Wisbech (nobody named no site), where small."""
    moved = {}
    for ref, total in everyone.items():
        parts = [cambridge.get(ref, 0), wisbech.get(ref, 0)]
        if total is None or None in parts:
            continue
        if 0 < abs(total - sum(parts)) < T:  # type: ignore[arg-type]
            moved[ref] = (total, parts)
    return moved


@pytest.mark.parametrize("change", ["delete", "late"])
async def test_a_change_before_both_sites_reports_is_given_away_to_no_one(
    s, flows, store: Store, change: str
):
    """Week 47 for every site; a change at Wisbech; then both sites' weeks (holds)."""
    await write(store, flows, _week_47_at_both_sites())
    everyone = _shown(await build_public(store, s, W47))
    await _change_at_wisbech(store, flows, change)
    cambridge = _shown(await build_public(store, s, W47, site="cambridge_hub"))
    wisbech = _shown(await build_public(store, s, W47, site="wisbech_hub"))
    moved = _moved(everyone, cambridge, wisbech)
    assert not moved, f"what changed, by subtraction: {moved}"


@pytest.mark.parametrize("mode", ["cells", "base"])
@pytest.mark.parametrize("change", ["delete", "late"])
async def test_a_change_between_two_sites_reports_is_given_away_to_no_one(
    s, flows, store: Store, change: str, mode: str
):
    """Week 47 for every site; Cambridge's week; a change at Wisbech (one person who
    strongly disagreed deletes their answers, or two more answer late); Wisbech's week.
    All sites less Cambridge less Wisbech must not be what changed."""
    s = s.model_copy(update={"disclosure": s.disclosure.model_copy(update={"mode": mode})})
    await write(store, flows, _week_47_at_both_sites())
    everyone = _shown(await build_public(store, s, W47))
    cambridge = _shown(await build_public(store, s, W47, site="cambridge_hub"))
    await _change_at_wisbech(store, flows, change)
    wisbech = _shown(await build_public(store, s, W47, site="wisbech_hub"))
    moved = _moved(everyone, cambridge, wisbech)
    assert not moved, f"what changed, by subtraction: {moved}"


def _shown(report) -> dict[CellRef, int | None]:
    out: dict[CellRef, int | None] = {}
    for table in report.tables:
        if table.id.startswith("trend") or table.id == "by_site":
            continue
        for row in table.rows:
            every = {**row.cells, **({"base": row.base} if row.base else {})}
            for column, cell in every.items():
                if cell.count is not None or cell.suppressed:
                    out[(table.id, row.split, row.key, column)] = cell.count
    return out


async def test_a_late_answer_at_a_site_between_the_weeks_and_the_trend_is_not_given_away(
    store, settings, flows
):
    """February's four weeks for every site, two late answers at Cambridge in week 7,
    then a trend showing February: its row less the four weeks must not be what the
    two said."""
    from tests.test_report_intruder_kinds import (
        FEBRUARY,
        _cells,
        _february_world,
        _late_in_week_7,
        _trend_with_february,
    )

    await _february_world(store, flows, settings)
    weeks = [_cells(await build_public(store, settings, w)) for w in FEBRUARY]
    await write(store, flows, _late_in_week_7())
    month = await _trend_with_february(store, settings)
    assert month, "the trend was meant to show February"
    moved = {}
    for ref, shown in month.items():
        parts = [w.get(ref) for w in weeks]
        if shown is None or None in parts:
            continue
        if 0 < abs(shown - sum(parts)) < settings.suppression_threshold:  # type: ignore[arg-type]
            moved[ref] = (shown, parts)
    assert not moved, f"the late answers, by subtraction: {moved}"


async def _in_order(s, flows, store: Store, order: str, change: str) -> dict:
    """Publish week 47 in ``order``: A (every site), C (Cambridge), W (Wisbech), x (the
    change at Wisbech); then all sites less Cambridge less Wisbech, where small."""
    await write(store, flows, _week_47_at_both_sites())
    shown: dict[str, dict] = {}
    for step in order:
        if step == "x":
            await _change_at_wisbech(store, flows, change)
        else:
            site = {"A": None, "C": "cambridge_hub", "W": "wisbech_hub"}[step]
            shown[step] = _shown(await build_public(store, s, W47, site=site))
    return _moved(shown["A"], shown["C"], shown["W"])


@pytest.mark.parametrize("order", ["CxAW", "CxWA", "CWxA", "xCAW"])
@pytest.mark.parametrize("change", ["delete", "late"])
async def test_other_orders_of_site_reports_around_a_change_give_it_away_to_no_one(
    s, flows, store: Store, change: str, order: str
):
    moved = await _in_order(s, flows, store, order, change)
    assert not moved, f"what changed, by subtraction: {moved}"
