"""Intruder across periods: a small count must not come back from two or more periods' reports.

Staff can export any week and any range (``--from/--to``); the weekly job publishes
weeks, and every report publishes the period before it as "last period".  A reader
who holds several of them can subtract: week 1 = the fortnight − week 2; one day =
the week − the range that starts the day after; a month − its weeks = the odd days.
Each report is suppressed against what was published before it (the publication
ledger, ``bot/report/ledger.py``), so none of this works.

The intruder here holds every publication (read from the ledger, after checking
that the ledger holds exactly what the reports showed), cuts the days into the
pieces the periods make, and for every cell finds, by linear programming, the least
and greatest count each piece and each hidden published cell can have.  A piece
whose true count is small (1 to threshold−1) or a hidden published cell, pinned
within less than the threshold, fails.  (A hidden cell with a large count that is the
sum of shown ones, a fortnight's total hidden beside a small cell while both weeks
show theirs, gives nothing away: it is what both weeks say.)
"""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.i18n import load_catalogue
from bot.report.aggregate import ReportBuilder
from bot.report.export import build_public
from bot.report.model import Cell, CellRef
from bot.report.period import Period, parse_range, parse_week, whole_months
from bot.report.synth import Response, write
from bot.report.themes import load_codebook
from bot.store import Store

scipy_optimize = pytest.importorskip("scipy.optimize")

T = 5
TZ = "UTC"


def _counts(report) -> dict[CellRef, int | None]:
    out = {}
    for table in report.tables:
        for row in table.rows:
            if row.base is not None:
                out[(table.id, row.split, row.key, "base")] = row.base.count
            for col, cell in row.cells.items():
                out[(table.id, row.split, row.key, col)] = cell.count
    return out


def _people(days: dict[date, list[tuple[str, str, int]]]) -> list[Response]:
    """Per day: (respondent group, answer to one_service, how many)."""
    people = []
    for day, groups in days.items():
        at = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=9)
        for group, answer, n in groups:
            for _ in range(n):
                at += timedelta(minutes=1)
                people.append(
                    Response("consultation", at, {"one_service": answer}, respondent_group=group)
                )
    return people


async def _publish_all(settings, store: Store, periods: list[Period]) -> None:
    """Export each period in turn, as staff would, and check the ledger holds what each
    showed (so the intruder below may read everything published from it)."""
    for period in periods:
        public = await build_public(store, settings, period)
        published = await _ledger(store)
        mine = next(
            cells for (s, e), cells in reversed(published) if (s, e) == (period.start, period.end)
        )
        for ref, value in _counts(public).items():
            assert mine.get(ref, "absent") == value, (period.label, ref, value, mine.get(ref))


async def _ledger(
    store: Store, kinds: tuple[str, ...] = ("report", "trend")
) -> list[tuple[tuple[date, date], dict[CellRef, int | None]]]:
    out = []
    marks = ", ".join("?" * len(kinds))
    for pid, start, end in await store.staff_read(
        "SELECT id, period_start, period_end FROM publications"
        f" WHERE kind IN ({marks}) ORDER BY id",
        kinds,
    ):
        rows = await store.staff_read(
            "SELECT table_id, split, row_key, col, value FROM published_cells"
            " WHERE publication_id = ?",
            (pid,),
        )
        cells = {(r[0], r[1], r[2], r[3]): r[4] for r in rows}
        out.append(((date.fromisoformat(start), date.fromisoformat(end)), cells))
    return out


async def _attack(
    settings, store: Store, also: list | None = None, kinds: tuple[str, ...] = ("report", "trend")
) -> dict:
    """Every piece count or hidden published count that the publications pin down.

    ``also``: figures published outside the ledger's own record, read off the reports
    (a trend table's months), as (span, cells)."""
    published = await _ledger(store, kinds) + (also or [])
    spans = sorted({span for span, _ in published})
    cuts = sorted({s for s, _ in spans} | {e + timedelta(days=1) for _, e in spans})
    pieces = [
        (lo, hi - timedelta(days=1))
        for lo, hi in itertools.pairwise(cuts)
        if any(s <= lo and hi - timedelta(days=1) <= e for s, e in spans)
    ]
    builder = ReportBuilder(store, settings, load_codebook(settings.flows_dir), load_catalogue())
    true = []
    for lo, hi in pieces:
        raw = await builder.build(Period(start=lo, end=hi, label="piece", timezone=TZ))
        true.append({ref: value or 0 for ref, value in _counts(raw).items()})
    refs = {ref for _, cells in published for ref in cells}
    exposed = {}
    for ref in sorted(refs):
        inside = {
            span: [i for i, (lo, hi) in enumerate(pieces) if span[0] <= lo and hi <= span[1]]
            for span in spans
        }
        a_eq, b_eq = [], []
        for span, cells in published:
            if cells.get(ref) is not None:
                a_eq.append([1.0 if i in inside[span] else 0.0 for i in range(len(pieces))])
                b_eq.append(float(cells[ref]))
        targets = [
            (f"piece {lo}..{hi}", [i], true[i].get(ref, 0))
            for i, (lo, hi) in enumerate(pieces)
            if 0 < true[i].get(ref, 0) < T
        ]
        for span, cells in published:
            actual = sum(true[i].get(ref, 0) for i in inside[span])
            if ref in cells and cells[ref] is None and 0 < actual < T:
                targets.append((f"hidden in {span[0]}..{span[1]}", inside[span], actual))
        for name, members, actual in targets:
            ends = []
            for sign in (1.0, -1.0):
                c = [sign if i in members else 0.0 for i in range(len(pieces))]
                result = scipy_optimize.linprog(
                    c, A_eq=a_eq or None, b_eq=b_eq or None, bounds=(0, None), method="highs"
                )
                ends.append(float("inf") if result.status == 3 else sign * result.fun)
            if ends[1] - ends[0] < T - 1e-6:
                exposed[(ref, name)] = (ends[0], ends[1], actual)
    return exposed


@pytest.fixture
def s(settings):
    return settings.model_copy(
        update={
            "suppression_threshold": T,
            "reports": settings.reports.model_copy(update={"timezone": TZ}),
        }
    )


W47 = parse_week("2026-W47", TZ)
W48 = parse_week("2026-W48", TZ)


def _week_days(week: Period) -> list[date]:
    return [week.start + timedelta(days=i) for i in range(7)]


async def _two_weeks(flows, store: Store) -> None:
    """Three family members in week 1: hidden there, plenty of everyone else."""
    days = {}
    for i, day in enumerate(_week_days(W47)):
        days[day] = [("service_user", "agree", 2)]
        if i == 2:
            days[day].append(("family_carer", "disagree", 3))
    for day in _week_days(W48):
        days[day] = [("service_user", "agree", 2), ("family_carer", "agree", 2)]
    await write(store, flows, _people(days))


async def test_a_hidden_weekly_count_cannot_be_recovered_from_a_range_and_the_other_week(
    s, flows, store: Store
):
    await _two_weeks(flows, store)
    fortnight = Period(start=W47.start, end=W48.end, label="fortnight", timezone=TZ)
    await _publish_all(s, store, [W47, W48, fortnight])
    assert not await _attack(s, store)


async def test_the_weeks_after_the_fortnight_do_not_give_it_away_either(s, flows, store: Store):
    await _two_weeks(flows, store)
    fortnight = Period(start=W47.start, end=W48.end, label="fortnight", timezone=TZ)
    await _publish_all(s, store, [fortnight, W48, W47])
    assert not await _attack(s, store)


async def test_two_ranges_a_day_apart_do_not_give_away_one_days_small_counts(
    s, flows, store: Store
):
    days = {W47.start: [("family_carer", "disagree", 2)]}
    for day in _week_days(W47)[1:]:
        days[day] = [("family_carer", "agree", 4), ("service_user", "agree", 4)]
    await write(store, flows, _people(days))
    later = parse_range(str(W47.start + timedelta(days=1)), str(W47.end), TZ)
    await _publish_all(s, store, [W47, later])
    assert not await _attack(s, store)


async def test_ranges_a_week_apart_do_not_give_away_the_week_between(s, flows, store: Store):
    w49 = parse_week("2026-W49", TZ)
    days = {}
    for week, family in ((W47, 0), (W48, 3), (w49, 0)):
        for i, day in enumerate(_week_days(week)):
            days[day] = [("service_user", "agree", 2), ("provider_staff", "neither", 1)]
            if family and i == 0:
                days[day].append(("family_carer", "strongly_disagree", family))
    await write(store, flows, _people(days))
    first = Period(start=W47.start, end=W48.end, label="a", timezone=TZ)
    second = Period(start=W48.start, end=w49.end, label="b", timezone=TZ)
    third = Period(start=W47.start, end=w49.end, label="c", timezone=TZ)
    await _publish_all(s, store, [first, second, third, w49])
    assert not await _attack(s, store)


async def test_a_month_and_its_weeks_do_not_give_away_a_week_or_the_odd_days(
    s, flows, store: Store
):
    month = parse_range("2026-11-01", "2026-11-30", TZ)  # a Sunday to a Monday
    weeks = [parse_week(f"2026-W{n}", TZ) for n in (45, 46, 47, 48)]
    days = {}
    day = date(2026, 10, 26)
    while day <= date(2026, 12, 6):
        days[day] = [("service_user", "agree", 1)]
        if day in (date(2026, 11, 1), date(2026, 11, 30)):
            days[day].append(("family_carer", "disagree", 1))  # the odd days: two people
        if day == date(2026, 11, 18):
            days[day].append(("other", "neither", 2))
        day += timedelta(days=1)
    await write(store, flows, _people(days))
    await _publish_all(s, store, [*weeks, month, parse_week("2026-W44", TZ)])
    assert not await _attack(s, store)


async def test_a_week_exported_again_after_late_answers_does_not_give_them_away(
    s, flows, store: Store
):
    days = {day: [("service_user", "agree", 2)] for day in _week_days(W47)}
    await write(store, flows, _people(days))
    first = await build_public(store, s, W47)
    late = {W47.end: [("family_carer", "strongly_disagree", 2)]}
    await write(store, flows, _people(late))
    again = await build_public(store, s, W47)
    before, after = _counts(first), _counts(again)
    small = {
        ref: after[ref] - before[ref]
        for ref in after
        if after[ref] is not None
        and before.get(ref) is not None
        and 0 < after[ref] - before[ref] < T
    }
    assert not small, f"the late answers, by subtraction: {small}"


async def test_the_ledger_goes_with_the_answers_it_counted(s, flows, store: Store, clock):
    from bot.retention import purge_expired

    days = {day: [("service_user", "agree", 6)] for day in _week_days(W47)}
    await write(store, flows, _people(days))
    await build_public(store, s, W47)
    assert await store.staff_read("SELECT count(*) FROM publications") != [(0,)]
    clock.now = datetime.combine(W47.end, datetime.min.time(), UTC) + timedelta(
        days=s.retention_days + 2
    )
    await purge_expired(store, s)
    assert await store.staff_read("SELECT count(*) FROM publications") == [(0,)]
    assert await store.staff_read("SELECT count(*) FROM published_cells") == [(0,)]


async def test_an_export_made_meanwhile_is_taken_into_account(s, flows, store: Store):
    """Two exports at once (the bot's /export and the command line): the one recorded
    second is suppressed again against the first, not published blind to it."""
    from bot.report import periods

    await _two_weeks(flows, store)
    fortnight = Period(start=W47.start, end=W48.end, label="fortnight", timezone=TZ)
    original = periods.overlapping
    reads = []

    async def read_then_another_goes_out(store_, period, **kinds):
        found = await original(store_, period, **kinds)
        if period == fortnight:
            reads.append(sorted(p.start for p in found))
            if len(reads) == 1:
                # The fortnight has read the ledger (empty); week 48 goes out now.
                await build_public(store_, s, W48)
        return found

    periods.overlapping = read_then_another_goes_out
    try:
        await build_public(store, s, fortnight)
    finally:
        periods.overlapping = original
    assert reads == [[], [W47.start, W48.start]], "suppressed again, against both weeks"
    assert not await _attack(s, store)


# -- trend months (issue 18 item 1: a month is the sum of its weeks)

FEB = [parse_week(f"2027-W0{n}", TZ) for n in (5, 6, 7, 8)]
"""February 2027 is exactly ISO weeks 5 to 8."""
TREND_MONTHS = whole_months(parse_range("2026-12-01", "2027-04-30", TZ))
APRIL = parse_range("2027-04-01", "2027-04-30", TZ)
"""The trend's report: its 'last period' is March, so February is tied to nothing in it."""


async def _february(flows, store: Store) -> None:
    """Three people disagree in the first week of February (hidden there); every other
    week of the month, seven do, and everyone else agrees."""
    days = {}
    for week in FEB:
        for i, day in enumerate(_week_days(week)):
            days[day] = [("service_user", "agree", 2), ("service_user", "disagree", 1)]
            if week is FEB[0]:
                days[day] = [("service_user", "agree", 2)]
                if i == 2:
                    days[day].append(("service_user", "disagree", 3))
    for day in (APRIL.start + timedelta(days=i) for i in range(10)):
        days[day] = [("service_user", "agree", 2)]
    await write(store, flows, _people(days))


def _trend_spans(public) -> list[tuple[tuple[date, date], dict[CellRef, int | None]]]:
    """What each trend month showed, as the question table's overall cells it equals:
    a reader sets these beside the weekly reports."""
    by_label = {m.label: m for m in TREND_MONTHS}
    out = []
    for table in public.tables_of("trend"):
        question = table.id.removeprefix("trend:")
        for row in table.rows:
            month = by_label[row.key]
            figures = [row.base.count, row.cells["top_two"].count, row.cells["bottom_two"].count]
            rest = row.cells.get("rest")
            if rest is None and None not in figures:
                # n less top and bottom two, as a reader works it out.
                rest = Cell(count=figures[0] - figures[1] - figures[2])
            cells = {
                (f"likert:{question}", "overall", "all", "base"): row.base.count,
                (f"likert:{question}", "overall", "all", "top_two"): row.cells["top_two"].count,
                (f"likert:{question}", "overall", "all", "bottom_two"): (
                    row.cells["bottom_two"].count
                ),
                # On the agree scale the rest (n less top and bottom two) is 'neither'.
                (f"likert:{question}", "overall", "all", "neither"): (
                    rest.count if rest is not None else None
                ),
            }
            out.append(((month.start, month.end), cells))
    return out


async def _publish_trend(s, store: Store) -> list:
    public = await build_public(store, s, APRIL, trend=TREND_MONTHS)
    assert public.tables_of("trend"), "the export was meant to show trend tables"
    return _trend_spans(public)


async def test_a_trend_month_less_its_published_weeks_gives_no_hidden_week_away(
    s, flows, store: Store
):
    """The weeks of February are published one by one (the first hides its three who
    disagreed), then a trend with February's row: before, February's 24 disagreeing
    less the other weeks' 7 + 7 + 7 gave the first week's 3 back."""
    await _february(flows, store)
    await _publish_all(s, store, FEB)
    shown = await _publish_trend(s, store)
    assert not await _attack(s, store, shown)


async def test_weeks_published_after_a_trend_do_not_give_a_week_away(s, flows, store: Store):
    """The other way round: the trend first (February's row shown), then each week of
    February; the last week must not let February less three weeks pin the fourth."""
    await _february(flows, store)
    shown = await _publish_trend(s, store)
    await _publish_all(s, store, FEB[1:] + FEB[:1])
    assert not await _attack(s, store, shown)


async def test_a_trend_month_whose_edge_weeks_straddle_it_gives_no_odd_day_away(
    s, flows, store: Store
):
    await _straddled(s, flows, store, trend_first=False)


async def test_weeks_straddling_a_trend_month_published_after_it_give_no_odd_day_away(
    s, flows, store: Store
):
    """As above, the trend first and then weeks 44 to 49."""
    await _straddled(s, flows, store, trend_first=True)


async def _straddled(s, flows, store: Store, *, trend_first: bool) -> None:
    """November 2026 runs Sunday 1st to Monday 30th: weeks 44 and 49 straddle its edges.
    Two people disagree on Monday 30 November only.  Weeks 44 to 49 are published, then (or,
    ``trend_first``, before them) a
    trend with October to January: November less weeks 45 to 48 is the odd days, week 44
    less October's share of it is the 1st; neither may pin a day's small count.  The reader
    holds the weeks' reports and the trend rows as published."""
    days = {}
    day = date(2026, 10, 26)
    while day <= date(2026, 12, 6):
        days[day] = [("service_user", "agree", 1)]
        if day == date(2026, 11, 30):
            days[day].append(("service_user", "disagree", 2))
        day += timedelta(days=1)
    january = parse_range("2027-01-01", "2027-01-31", TZ)
    for i in range(10):
        days[january.start + timedelta(days=i)] = [("service_user", "agree", 2)]
    await write(store, flows, _people(days))
    weeks = [parse_week(f"2026-W{n}", TZ) for n in range(44, 50)]
    if not trend_first:
        await _publish_all(s, store, weeks)
    months = whole_months(parse_range("2026-10-01", "2027-01-31", TZ))
    public = await build_public(store, s, january, trend=months)
    if trend_first:
        await _publish_all(s, store, weeks)
    assert public.tables_of("trend"), "the export was meant to show trend tables"
    by_label = {m.label: m for m in months}
    shown = []
    for table in public.tables_of("trend"):
        question = table.id.removeprefix("trend:")
        for row in table.rows:
            month = by_label[row.key]
            likert = f"likert:{question}"
            cells = {(likert, "overall", "all", "base"): row.base.count}
            for column in ("top_two", "bottom_two"):
                cells[(likert, "overall", "all", column)] = row.cells[column].count
            shown.append(((month.start, month.end), cells))
    assert not await _attack(s, store, shown, kinds=("report",))


async def test_a_delete_between_the_weeks_and_the_trend_is_not_given_away(s, flows, store: Store):
    """February's four weeks are published (each: 14 agree, 7 disagree), then one person
    who disagreed in the second week deletes their answers, then a trend shows February:
    its row less the four weeks must not be what that person said."""
    days = {}
    for week in FEB:
        for day in _week_days(week):
            days[day] = [("service_user", "agree", 2), ("service_user", "disagree", 1)]
    for day in (APRIL.start + timedelta(days=i) for i in range(10)):
        days[day] = [("service_user", "agree", 2)]
    await write(store, flows, _people(days))
    await _publish_all(s, store, FEB)
    weeks = [c for span, c in await _ledger(store) if span in {(w.start, w.end) for w in FEB}]
    lo, hi = FEB[1].bounds()
    ((sid,),) = await store.staff_read(
        "SELECT s.id FROM sessions s JOIN answers a ON a.session_id = s.id"
        " WHERE a.value = 'disagree' AND s.started_at >= ? AND s.started_at < ? LIMIT 1",
        (lo, hi),
    )
    await store.delete_session(sid)
    month = {span: cells for span, cells in await _publish_trend(s, store)}[
        (FEB[0].start, FEB[-1].end)
    ]
    moved = {}
    for ref, shown in month.items():
        parts = [week.get(ref) for week in weeks]
        known = shown is not None and None not in parts
        if known and 0 < abs(sum(parts) - shown) < T:  # type: ignore[arg-type,operator]
            moved[ref] = (shown, parts)
    assert not moved, f"the deleted answer, by subtraction: {moved}"


async def test_the_ledger_records_a_trend_month_as_the_export_shows_it(s, flows, store: Store):
    """January with a trend from October: December is January's "last period", and its
    overall row is hidden there (two family members disagree), so the trend hides
    December's row too.  The ledger must record it hidden, as shown: it recorded
    December's n as shown, and later reports were suppressed as if readers had it."""
    days = {
        date(2026, 12, 1) + timedelta(days=i): [("service_user", "agree", 1)] for i in range(20)
    }
    days[date(2026, 12, 3)].append(("family_carer", "disagree", 2))
    for i in range(10):
        days[date(2027, 1, 1) + timedelta(days=i)] = [("service_user", "agree", 2)]
    await write(store, flows, _people(days))
    months = whole_months(parse_range("2026-10-01", "2027-01-31", TZ))
    public = await build_public(store, s, parse_range("2027-01-01", "2027-01-31", TZ), trend=months)
    recorded = dict(await _ledger(store, ("trend",)))
    by_label = {m.label: m for m in months}
    differ = []
    for table in public.tables_of("trend"):
        likert = f"likert:{table.id.removeprefix('trend:')}"
        for row in table.rows:
            month = by_label[row.key]
            cells = recorded[(month.start, month.end)]
            for column in ("base", "top_two", "bottom_two"):
                cell = row.base if column == "base" else row.cells[column]
                kept = cells.get((likert, "overall", "all", column), "absent")
                if kept != cell.count:
                    differ.append((row.key, column, cell.count, kept))
    assert public.tables_of("trend"), "the export was meant to show trend tables"
    assert not differ, f"shown / recorded: {differ}"


@pytest.mark.parametrize("trend_first", [False, True])
async def test_weeks_straddling_september_give_no_edge_day_away(
    s, flows, store: Store, trend_first
):
    """Another month edge: September 2026 runs Tuesday 1st to Wednesday 30th, so week 36
    starts on Monday 31 August and week 40 ends on Sunday 4 October.  Two people disagree
    on 31 August only.  Weeks 36 to 40 and a trend from August to November (the report
    for November) are published, in either order: week 36 less September's part of it,
    or August less its weeks, must not bound the 31st's count within the threshold."""
    days = {}
    day = date(2026, 8, 24)
    while day <= date(2026, 10, 11):
        days[day] = [("service_user", "agree", 1)]
        if day == date(2026, 8, 31):
            days[day].append(("service_user", "disagree", 2))
        day += timedelta(days=1)
    november = parse_range("2026-11-01", "2026-11-30", TZ)
    for i in range(10):
        days[november.start + timedelta(days=i)] = [("service_user", "agree", 2)]
    await write(store, flows, _people(days))
    weeks = [parse_week(f"2026-W{n}", TZ) for n in range(35, 42)]
    months = whole_months(parse_range("2026-08-01", "2026-11-30", TZ))
    if not trend_first:
        await _publish_all(s, store, weeks)
    public = await build_public(store, s, november, trend=months)
    if trend_first:
        await _publish_all(s, store, weeks)
    assert public.tables_of("trend"), "the export was meant to show trend tables"
    assert not await _attack(s, store, _trend_rows(public, months), kinds=("report",))


def _trend_rows(public, months: list[Period]) -> list:
    """Each trend month's row as published, as the question's overall cells."""
    by_label = {m.label: m for m in months}
    shown = []
    for table in public.tables_of("trend"):
        likert = f"likert:{table.id.removeprefix('trend:')}"
        for row in table.rows:
            month = by_label[row.key]
            cells = {(likert, "overall", "all", "base"): row.base.count}
            for column in ("top_two", "bottom_two"):
                cells[(likert, "overall", "all", column)] = row.cells[column].count
            shown.append(((month.start, month.end), cells))
    return shown
