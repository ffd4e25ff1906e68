"""Hostile review of issue 18 (attack18c): a reader who holds every output ever published.

Probes of the newest identification (``bot/report/periods.py`` ``_same_days``: an earlier
publication of the same days is the period's own cell where unchanged) and of the
ledger's forgetting at the retention purge.  Each probe publishes with the real
exporter on a real SQLite file, then subtracts what was shown.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.config import Disclosure
from bot.report.export import build_public
from bot.report.model import CellRef
from bot.report.period import Period, parse_week
from bot.report.synth import Response, write
from bot.retention import purge_expired
from bot.store import Store
from tests.test_report_intruder_periods import _people

T = 5
TZ = "UTC"
W47 = parse_week("2026-W47", TZ)
W48 = parse_week("2026-W48", TZ)


@pytest.fixture(params=["cells", "base"])
def s(request, settings):
    return settings.model_copy(
        update={
            "suppression_threshold": T,
            "reports": settings.reports.model_copy(update={"timezone": TZ}),
            "disclosure": Disclosure(mode=request.param),
        }
    )


def _counts(report) -> dict[CellRef, int | None]:
    out: dict[CellRef, int | None] = {}
    for table in report.tables:
        for row in table.rows:
            if row.base is not None:
                out[(table.id, row.split, row.key, "base")] = row.base.count
            for col, cell in row.cells.items():
                if cell.count is not None or cell.suppressed:
                    out[(table.id, row.split, row.key, col)] = cell.count
    return out


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


async def _published_around_a_purge(s, flows, store: Store, clock, settled: bool = True):
    """Week 47 and the range Thursday 19 to Wednesday 25 are published: the Monday to
    Wednesday of week 47 (two family carers) is a piece neither shows.  Then the
    retention purge deletes every answer up to Sunday 22 (the range straddles the cut).
    Returns what a reader kept: week 47's counts and the range's."""
    days: dict[date, list[tuple[str, str, int]]] = {}
    for day in _days(W47.start, W48.end):
        days[day] = [("service_user", "agree", 3)]
    days[date(2026, 11, 17)].append(("family_carer", "disagree", 2))
    for day in (date(2026, 11, 20), date(2026, 11, 21)):
        days[day].append(("family_carer", "disagree", 4))
    for day in (date(2026, 11, 23), date(2026, 11, 24)):
        days[day].append(("family_carer", "disagree", 3))
    days[date(2026, 11, 27)].append(("family_carer", "disagree", 5))
    await write(store, flows, _people(days))
    clock.now = datetime(2026, 11, 30, 12, tzinfo=UTC)
    week = _counts(await build_public(store, s, W47))
    before = _counts(await build_public(store, s, RANGE))
    clock.now = datetime(2026, 11, 23, tzinfo=UTC) + timedelta(days=s.retention_days)

    async def failed(_day):
        raise RuntimeError("the report process failed")

    await purge_expired(store, s, ledger=None if settled else failed)
    return week, before


RANGE = Period(start=date(2026, 11, 19), end=date(2026, 11, 25), label="range", timezone=TZ)


async def test_a_range_the_purge_cut_into_is_not_exported_again(s, flows, store: Store, clock):
    """Exported again after the purge, the range would count only its days left, and
    (the range before less the range after) is its purged days: subtracted from week
    47, the two carers.  Its days up to the purge are gone, so it is refused, and the
    message says from which day a report can start."""
    from bot.report.purged import PurgedDays

    await _published_around_a_purge(s, flows, store, clock)
    with pytest.raises(PurgedDays, match="can start on 2026-11-23"):
        await build_public(store, s, RANGE)


@pytest.mark.parametrize("settled", [True, False], ids=["settled", "hidden whole"])
async def test_reports_of_the_days_left_give_no_purged_day_away(
    s, flows, store: Store, clock, settled: bool
):
    """After the purge the reader gets week 48 and Thursday 26 to Sunday 29: week 48 less
    that range is Monday 23 to Wednesday 25, the range's days left; the range less those
    is its purged days, and week 47 less that is its Monday to Wednesday.  What the
    purge leaves of the range is hidden in the ledger where its purged part had to be
    (or whole, when that could not be worked out), so these two reports may not both
    show what would pin it."""
    week, before = await _published_around_a_purge(s, flows, store, clock, settled)
    w48 = _counts(await build_public(store, s, W48))
    tail = Period(start=date(2026, 11, 26), end=date(2026, 11, 29), label="tail", timezone=TZ)
    late = _counts(await build_public(store, s, tail))
    found = {}
    for ref, total in week.items():
        parts = (before.get(ref), w48.get(ref), late.get(ref))
        if total is None or None in parts:
            continue
        kept = parts[1] - parts[2]  # type: ignore[operator]
        odd = total - (parts[0] - kept)  # type: ignore[operator]
        if 0 < odd < T:
            found[ref] = (total, parts, odd)
    assert not found, f"Monday to Wednesday of week 47, by subtraction: {found}"


# -- the same week exported again and again around /deletes and late answers


async def _relations(s, store: Store, period: Period) -> list[tuple[CellRef, list[CellRef]]]:
    """Every relation between the report's cells that holds exactly now (the reader knows
    how the tables add up; a relation with something no table shows is left out)."""
    from bot.i18n import load_catalogue
    from bot.report.aggregate import ReportBuilder
    from bot.report.themes import load_codebook

    raw = await ReportBuilder(store, s, load_codebook(s.flows_dir), load_catalogue()).build(period)
    true = {ref: v or 0 for ref, v in _counts(raw).items()}
    return [
        (r.total, list(r.parts))
        for r in raw.relations
        if true.get(r.total, 0) == sum(true.get(p, 0) for p in r.parts)
    ]


def _peel(cells: dict[CellRef, int | None], relations) -> dict[CellRef, int | None]:
    """Hidden cells a relation gives back when it is the only unknown in it."""
    out = dict(cells)
    moved = True
    while moved:
        moved = False
        for total, parts in relations:
            refs = [total, *parts]
            if any(r not in out for r in refs):
                continue
            unknown = [r for r in refs if out[r] is None]
            if len(unknown) != 1:
                continue
            (u,) = unknown
            rest = sum(out[p] or 0 for p in parts if p != u)
            out[u] = rest if u == total else (out[total] or 0) - rest
            moved = True
    return out


async def _delete_one(store: Store, answer: str) -> None:
    ((sid,),) = await store.staff_read(
        "SELECT s.id FROM sessions s JOIN answers a ON a.session_id = s.id"
        " WHERE a.value = ? LIMIT 1",
        (answer,),
    )
    await store.delete_session(sid)


@pytest.mark.parametrize(
    "steps",
    [
        ["delete", "again", "late", "again", "again"],
        ["late", "again", "delete", "again"],
        ["delete", "delete", "again", "late", "late", "again"],
        # Back to what the first copy showed: the third matches the first, not the second.
        ["delete", "again", "undo", "again", "delete", "again"],
        ["undo", "again", "delete", "again", "delete", "undo", "again"],
    ],
)
async def test_a_week_exported_around_deletes_and_late_answers_gives_no_change_away(
    s, flows, store: Store, steps
):
    """Week 47 exported; then, in turn, /deletes of people who strongly disagreed, late
    answers from family carers, and the week exported again after each: every pair of
    copies (each copy's hidden cells worked out where its tables' sums allow) must not
    differ by a small number (what the people deleted or added said), headline aside."""
    days = {
        day: [("service_user", "agree", 3), ("service_user", "disagree", 2)]
        for day in _days(W47.start, W47.end)
    }
    days[W47.start].append(("family_carer", "strongly_disagree", 3))
    await write(store, flows, _people(days))
    relations = await _relations(s, store, W47)
    copies = [_peel(_counts(await build_public(store, s, W47)), relations)]
    for step in steps:
        if step == "delete":
            await _delete_one(store, "strongly_disagree")
        elif step == "late":
            late = {W47.end: [("family_carer", "strongly_agree", 1)]}
            await write(store, flows, _people(late))
        elif step == "undo":  # a late answer like the one deleted
            late = {W47.start: [("family_carer", "strongly_disagree", 1)]}
            await write(store, flows, _people(late))
        relations = await _relations(s, store, W47)
        copies.append(_peel(_counts(await build_public(store, s, W47)), relations))
    found = {}
    for i, a in enumerate(copies):
        for j, b in enumerate(copies[i + 1 :], i + 1):
            for ref, x in a.items():
                y = b.get(ref)
                if ref[0] == "headline" or x is None or y is None:
                    continue
                if 0 < abs(x - y) < T:
                    found[(i, j, ref)] = (x, y)
    assert not found, f"what changed, by subtraction between copies: {found}"


@pytest.mark.parametrize(
    "steps",
    [
        ["delete", "t3", "again"],
        ["t10", "delete", "again", "t5", "again"],
        ["delete", "to_other_mode", "again"],
        ["to_other_mode", "late", "again", "to_other_mode", "again"],
    ],
)
async def test_a_week_exported_again_after_the_threshold_or_mode_changed_gives_no_change_away(
    s, flows, store: Store, steps
):
    """The operator changes ``suppression_threshold`` or ``disclosure.mode`` between two
    exports of week 47, around a /delete or a late answer: no pair of copies may differ by
    less than the smaller threshold either was made with (worked out as above)."""
    days = {
        day: [("service_user", "agree", 3), ("service_user", "disagree", 2)]
        for day in _days(W47.start, W47.end)
    }
    days[W47.start].append(("family_carer", "strongly_disagree", 3))
    days[W47.end].append(("family_carer", "agree", 4))
    await write(store, flows, _people(days))
    relations = await _relations(s, store, W47)
    copies = [
        (s.suppression_threshold, _peel(_counts(await build_public(store, s, W47)), relations))
    ]
    for step in steps:
        if step == "delete":
            await _delete_one(store, "strongly_disagree")
        elif step == "late":
            await write(store, flows, _people({W47.end: [("family_carer", "strongly_agree", 1)]}))
        elif step[0] == "t" and step[1:].isdigit():
            s = s.model_copy(update={"suppression_threshold": int(step[1:])})
            continue
        elif step == "to_other_mode":
            other = "cells" if s.disclosure.mode == "base" else "base"
            s = s.model_copy(update={"disclosure": Disclosure(mode=other)})
            continue
        relations = await _relations(s, store, W47)
        public = await build_public(store, s, W47)
        copies.append((s.suppression_threshold, _peel(_counts(public), relations)))
    found = {}
    for i, (ta, a) in enumerate(copies):
        for j, (tb, b) in enumerate(copies[i + 1 :], i + 1):
            for ref, x in a.items():
                y = b.get(ref)
                if ref[0] == "headline" or x is None or y is None:
                    continue
                if 0 < abs(x - y) < min(ta, tb):
                    found[(i, j, ref)] = (x, y)
    assert not found, f"what changed, by subtraction between copies: {found}"


# -- a same-days publication of another kind: a trend month equal to a month report


def _trend_month(public, label: str) -> dict[CellRef, int | None]:
    """What a trend table's row for ``label`` showed, as the question's overall cells."""
    out: dict[CellRef, int | None] = {}
    for table in public.tables_of("trend"):
        question = table.id.removeprefix("trend:")
        for row in table.rows:
            if row.key != label:
                continue
            ref = (f"likert:{question}", "overall", "all")
            out[(*ref, "base")] = row.base.count if row.base else None
            for column in ("top_two", "bottom_two"):
                if column in row.cells:
                    out[(*ref, column)] = row.cells[column].count
    return out


@pytest.mark.parametrize("s", ["cells"], indirect=True)  # base mode: trend rows are shares
@pytest.mark.parametrize("order", ["month_trend_month", "trend_month_trend"])
async def test_a_trend_month_and_the_month_report_around_deletes_give_no_change_away(
    s, flows, store: Store, order
):
    """November as a month report and as a trend table's row (the December report's),
    with a /delete of one of the six who strongly disagreed before each later copy: no two
    copies of November may differ by a small number in its answers' cells."""
    from bot.report.period import month, months_to, parse_range

    nov = month(date(2026, 11, 1), TZ)
    dec = month(date(2026, 12, 1), TZ)
    span = parse_range("2026-11-01", "2026-12-31", TZ)
    assert span
    days = {
        day: [("service_user", "agree", 2), ("service_user", "disagree", 1)]
        for day in _days(date(2026, 10, 1), date(2026, 12, 20))
    }
    days[date(2026, 11, 10)].append(("family_carer", "strongly_disagree", 6))
    await write(store, flows, _people(days))
    trend = months_to(dec, 3)
    copies = []
    for n, kind in enumerate(order.split("_")):
        if n:
            await _delete_one(store, "strongly_disagree")
        if kind == "month":
            relations = await _relations(s, store, nov)
            copies.append(_peel(_counts(await build_public(store, s, nov)), relations))
        else:
            public = await build_public(store, s, dec, trend=trend)
            copies.append(_trend_month(public, nov.label))
    assert copies[1], "November was meant to be a trend row"
    found, compared = {}, 0
    for i, a in enumerate(copies):
        for j, b in enumerate(copies[i + 1 :], i + 1):
            for ref, x in a.items():
                y = b.get(ref)
                if ref[0] == "headline" or x is None or y is None:
                    continue
                compared += 1
                if 0 < abs(x - y) < T:
                    found[(i, j, ref)] = (x, y)
    assert compared, "the copies were meant to show some of the same cells"
    assert not found, f"the deleted answers, by subtraction between copies: {found}"


# -- after a flow version change: the same step id, a new wording


async def test_a_week_exported_again_after_answers_to_a_new_wording_gives_none_away(
    s, store: Store, tmp_path
):
    """Week 47 is exported while every answer is to version 1's wording; then one late
    answer arrives under version 2 (the same question, reworded: its n is shown apart);
    the week is exported again, twice.  No copy may differ from another by that answer."""
    from tests.test_question_versions import V1, flows_in

    v1 = flows_in(tmp_path / "a", V1, s)["staff"]
    v2 = flows_in(
        tmp_path / "b",
        V1.replace("version: 1", "version: 2").replace(
            "Staff treated me with respect.", "Staff treated me with dignity and respect."
        ),
        s,
    )["staff"]
    at = datetime(2026, 11, 17, 9, tzinfo=UTC)
    people = [Response("staff", at, {"respect": a}) for a in ["agree"] * 9 + ["disagree"] * 6]
    await write(store, {"staff": v1}, people)
    relations = await _relations(s, store, W47)
    copies = [_peel(_counts(await build_public(store, s, W47)), relations)]
    await write(store, {"staff": v2}, [Response("staff", at, {"respect": "strongly_disagree"})])
    for _ in range(2):
        relations = await _relations(s, store, W47)
        copies.append(_peel(_counts(await build_public(store, s, W47)), relations))
    found, compared = {}, 0
    for i, a in enumerate(copies):
        for j, b in enumerate(copies[i + 1 :], i + 1):
            for ref, x in a.items():
                y = b.get(ref)
                if ref[0] == "headline" or x is None or y is None:
                    continue
                compared += 1
                if 0 < abs(x - y) < T:
                    found[(i, j, ref)] = (x, y)
    assert compared
    new = {ref: v for ref, v in copies[1].items() if ref not in copies[0] and v is not None}
    small = {ref: v for ref, v in new.items() if 0 < v < T}
    assert not found, f"the late answer, by subtraction between copies: {found}"
    assert not small, f"the late answer, shown in a row of its own: {small}"


async def test_a_late_answer_to_the_old_wording_is_not_given_away_by_its_tables_new_name(
    s, store: Store, tmp_path
):
    """Week 47 is exported while every answer is to version 1's wording: its table is
    ``likert:staff:respect``.  Then version 2 (reworded) is answered by six people in
    week 47, and one late answer to version 1 comes in (a session begun before the
    change).  Exported again, version 1's table (found by its wording, whatever its id)
    less the first copy's must not say what the late answer was.  The plain id used to go
    to the newest wording, so version 1's table moved to ``@v1``, untied to its first
    copy; the first wording now keeps the plain id, and the ledger ties the two."""
    from tests.test_question_versions import V1, flows_in

    v1 = flows_in(tmp_path / "a", V1, s)["staff"]
    v2 = flows_in(
        tmp_path / "b",
        V1.replace("version: 1", "version: 2").replace(
            "Staff treated me with respect.", "Staff treated me with dignity and respect."
        ),
        s,
    )["staff"]
    at = datetime(2026, 11, 17, 9, tzinfo=UTC)
    people = [Response("staff", at, {"respect": a}) for a in ["agree"] * 9 + ["disagree"] * 6]
    await write(store, {"staff": v1}, people)
    first = _counts(await build_public(store, s, W47))
    assert first[("likert:staff:respect", "overall", "all", "base")] == 15
    await write(store, {"staff": v2}, [Response("staff", at, {"respect": "agree"})] * 6)
    await write(store, {"staff": v1}, [Response("staff", at, {"respect": "strongly_disagree"})])
    report = await build_public(store, s, W47)
    again = _counts(report)
    (old,) = [t.id for t in report.tables if t.title.startswith("Staff treated me with respect")]
    found = {}
    for (table, split, key, col), x in first.items():
        if table != "likert:staff:respect":
            continue
        y = again.get((old, split, key, col))
        if x is not None and y is not None and 0 < abs(y - x) < T:
            found[(split, key, col)] = (x, y)
    assert not found, f"the late answer to version 1, by subtraction: {found}"


# -- site reports and the week for every site, again and again around changes


def _site_people(site: str, answers: dict[str, int], day: date) -> list[Response]:
    at = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=10)
    return [
        Response("consultation", at + timedelta(minutes=i), {"one_service": a}, site=site)
        for i, a in enumerate(a for a, n in answers.items() for _ in range(n))
    ]


@pytest.mark.parametrize(
    "steps",
    [
        "C all delC C all W lateW all W C",
        "all C W delW W all C lateC C all",
        "C W lateC all C delC all C W",
    ],
)
async def test_site_weeks_and_the_week_for_every_site_around_changes_give_none_away(
    s, flows, store: Store, steps
):
    """Week 47 at Cambridge and Wisbech (ten agree, six disagree, at each), published in
    turn as site reports (C, W) and for every site (all), with /deletes (del) and late
    answers (late) at a site between: no two copies of the same report may differ by a
    small number, and no copy for every site less any Cambridge copy less any Wisbech
    copy may be small and not nought (nobody named no site)."""
    sites = {"C": "cambridge_hub", "W": "wisbech_hub"}
    for site in sites.values():
        await write(store, flows, _site_people(site, {"agree": 10, "disagree": 6}, W47.start))
    copies: dict[str, list[dict]] = {"C": [], "W": [], "all": []}
    for step in steps.split():
        if step.startswith("del"):
            ((sid,),) = await store.staff_read(
                "SELECT s.id FROM sessions s JOIN answers a ON a.session_id = s.id"
                " WHERE a.value = 'disagree' AND s.site = ? LIMIT 1",
                (sites[step[-1]],),
            )
            await store.delete_session(sid)
        elif step.startswith("late"):
            late = _site_people(sites[step[-1]], {"strongly_disagree": 1}, W47.end)
            await write(store, flows, late)
        else:
            site = sites.get(step)
            copies[step].append(_counts(await build_public(store, s, W47, site=site)))
    found = {}
    for kind, made in copies.items():
        for i, a in enumerate(made):
            for j, b in enumerate(made[i + 1 :], i + 1):
                for ref, x in a.items():
                    y = b.get(ref)
                    if ref[0] == "headline" or x is None or y is None:
                        continue
                    if 0 < abs(x - y) < T:
                        found[(kind, i, j, ref)] = (x, y)
    for i, every in enumerate(copies["all"]):
        for j, c in enumerate(copies["C"]):
            for k, w in enumerate(copies["W"]):
                for ref, x in every.items():
                    parts = [c.get(ref, 0), w.get(ref, 0)]
                    if ref[0] == "headline" or x is None or None in parts:
                        continue
                    if 0 < abs(x - sum(parts)) < T:  # type: ignore[arg-type]
                        found[("all-C-W", i, j, k, ref)] = (x, parts)
    assert not found, f"what changed, by subtraction: {found}"


# -- the operator changes reports.timezone: the ledger's dates now mean other hours


async def test_a_week_exported_again_after_the_time_zone_changed_gives_no_hour_away(
    s, flows, store: Store
):
    """Summer: weeks in UTC, then ``reports.timezone: Europe/London`` (BST, an hour
    ahead).  Two family carers answered at 23:30 UTC on the Sunday before week 27 (in
    London's week 27, not UTC's); the same dates exported again now count them.  No
    copy of week 27, or of week 26, may differ from the other by them."""
    w26, w27 = parse_week("2026-W26", TZ), parse_week("2026-W27", TZ)
    days = {day: [("service_user", "agree", 3)] for day in _days(w26.start, w27.end)}
    days[w26.start].append(("family_carer", "disagree", 6))
    days[w27.start].append(("family_carer", "disagree", 6))
    await write(store, flows, _people(days))
    edge = datetime.combine(w26.end, datetime.min.time(), UTC) + timedelta(hours=23, minutes=30)
    people = [
        Response(
            "consultation",
            edge,
            {"one_service": "strongly_disagree"},
            respondent_group="family_carer",
        )
    ] * 2
    await write(store, flows, people)
    before = {w: _counts(await build_public(store, s, w)) for w in (w26, w27)}
    london = s.model_copy(
        update={"reports": s.reports.model_copy(update={"timezone": "Europe/London"})}
    )
    after = {}
    for w in (w26, w27):
        local = parse_week(w.label, "Europe/London")
        after[w.label] = _counts(await build_public(store, london, local))
    found = {}
    for w in (w26, w27):
        for ref, x in before[w].items():
            y = after[w.label].get(ref)
            if ref[0] == "headline" or x is None or y is None:
                continue
            if 0 < abs(x - y) < T:
                found[(w.label, ref)] = (x, y)
    assert not found, f"the hour between, by subtraction: {found}"


async def test_two_copies_of_a_week_made_at_once_after_a_delete_give_it_away_to_no_one(
    s, flows, store: Store
):
    """Week 47 is published; one person who strongly disagreed deletes their answers;
    the Monday job and a staff export then make week 47 at the same moment (the second
    reads the ledger before the first records).  The one recorded second is made again
    against the first: no two of the three copies differ by what was deleted."""
    from bot.report import periods

    days = {
        day: [("service_user", "agree", 3), ("service_user", "disagree", 2)]
        for day in _days(W47.start, W47.end)
    }
    days[W47.start].append(("family_carer", "strongly_disagree", 3))
    await write(store, flows, _people(days))
    relations = await _relations(s, store, W47)
    copies = [_peel(_counts(await build_public(store, s, W47)), relations)]
    await _delete_one(store, "strongly_disagree")
    relations = await _relations(s, store, W47)
    original = periods.overlapping
    reads = []

    async def read_then_another_goes_out(store_, period, **kinds):
        found = await original(store_, period, **kinds)
        if (period.start, period.end) == (W47.start, W47.end) and not reads:
            reads.append(len(found))
            copies.append(_peel(_counts(await build_public(store_, s, W47)), relations))
        return found

    periods.overlapping = read_then_another_goes_out
    try:
        copies.append(_peel(_counts(await build_public(store, s, W47)), relations))
    finally:
        periods.overlapping = original
    assert reads and len(copies) == 3
    found = {}
    for i, a in enumerate(copies):
        for j, b in enumerate(copies[i + 1 :], i + 1):
            for ref, x in a.items():
                y = b.get(ref)
                if ref[0] == "headline" or x is None or y is None:
                    continue
                if 0 < abs(x - y) < T:
                    found[(i, j, ref)] = (x, y)
    assert not found, f"what was deleted, by subtraction between copies: {found}"
