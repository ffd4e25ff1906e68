"""Publish a period's report so that no set of published periods gives a small count away.

Any two periods a reader holds are tied by the days they share: the fortnight
is its two weeks, a range from Tuesday is the week without its Monday, a month
is its weeks and the odd days at each end.  So a period is suppressed together
with every recorded publication it overlaps (``bot/report/ledger.py``):

- the days they cover are cut into *pieces* at every period's start and end;
  each piece gets a report of its own, never published, suppressed as if it were
  (its small counts are what subtraction would give);
- every period's cell is the sum of the same cell in its pieces: a relation, as
  a site is inside its area;
- a cell published earlier keeps what it showed (it is out: it cannot be hidden
  now, and what it hid stays hidden), so only this period's cells and the
  pieces' may be hidden to keep the rest safe;
- a count that changed since it was published (late answers, a /delete) is a
  piece too: the difference between what was shown and what is counted now.

Then the usual rules and the linear-program audit run over the whole system.
With no overlapping publication (a new week) this is plain ``publish``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from bot.report import memo
from bot.report.aggregate import ReportBuilder
from bot.report.ledger import (
    REPORT,
    SITE,
    TREND,
    Entry,
    Publication,
    overlapping,
    published_cells,
    record_all,
)
from bot.report.model import CellRef, PublicReport, Relation, Report
from bot.report.months import (
    Cells,
    Ties,
    add_copy,
    cut,
    is_own,
    matters,
    month_cells,
    tagged_ref,
    tie,
    tie_published,
    ties,
)
from bot.report.period import Period
from bot.report.purged import kept_months, purged_through, refuse
from bot.report.suppress import apply, primary, protect, publish, relations_over
from bot.store import Store


async def publish_period(
    store: Store,
    builder: ReportBuilder,
    period: Period,
    *,
    for_comparison: bool = False,
    trend: list[Period] | None = None,
    shown: Callable[[PublicReport], PublicReport] | None = None,
    record: bool = True,
) -> PublicReport:
    """This period's public report, suppressed against the ledger, and recorded in it.

    ``trend``: months for the trend tables (``ReportBuilder.build``).  Each month is
    recorded too, and suppressed with every week and month recorded that it is tied to
    (``bot/report/months.py``), as every later report is suppressed with it.
    ``shown``: what is done to the report after suppression and before anyone sees it
    (only ever hiding more): the ledger records what it returns.
    ``record``: False to suppress it as it would be and record nothing (the hourly job,
    ``bot/report/warm.py``, asking suppression's questions ahead: ``bot/report/memo.py``)."""
    await memo.load(store)
    through = await purged_through(store, period.timezone)
    refuse(period, through)
    months = kept_months(trend or [], through)
    trend = months or None
    for _ in range(_TRIES):
        found = await overlapping(store, period, kinds=(REPORT, SITE))
        earlier = [p for p in found if p.kind == REPORT]
        by_site = [p for p in found if p.kind == SITE]
        tied = await ties(store, builder, period, months)
        spans = _pieces(period, found) if found or tied is not None else []
        whole, zone = (period.start, period.end), period.timezone
        parts = {
            span: Period(start=span[0], end=span[1], label=f"{span[0]} to {span[1]}", timezone=zone)
            for span in spans
            if span != whole
        }
        # The pieces first, their counts kept: this period's, when they make it up, are
        # their sum (``ReportQueries.keep_parts``), not a second read of its answers.
        builder.q.keep_parts(
            piece for piece in parts.values() if period.start <= piece.start <= period.end
        )
        pieces: dict[tuple[date, date], Report] = {}
        for span, piece in parts.items():
            pieces[span] = await builder.build(
                piece, for_comparison=for_comparison, counts_only=True
            )
        # Counted again on every try, from this try's pieces: a try lost to another
        # export is cut and counted again, and answers that arrived meanwhile are in the
        # new pieces, so they must be in the period they make up too.
        raw = await builder.build(period, for_comparison=for_comparison, trend=trend)
        builder.q.keep_parts(())
        if not spans:
            public = publish(raw)
        else:
            sites = await site_weeks(store, builder, by_site, period.timezone)
            if whole in spans:
                pieces[whole] = raw
            public = publish_against(raw, period, earlier, pieces, tied, months, sites)
        if shown is not None:
            public = shown(public)
        if not record:
            await memo.save(store)
            return public
        cells = published_cells(public, raw)
        entries = [Entry(period, cells)]
        for month in months:
            entries.append(Entry(month, month_cells(public, cells, months)[month.label], TREND))
        # Recorded only if nothing tied to it was published meanwhile (another export,
        # the bot and the command line at once): else suppressed again against it.
        known = [*found, *(tied.publications if tied else [])]
        if await record_all(store, entries, known, kinds=(REPORT, TREND, SITE)):
            await memo.save(store)
            return public
    raise RuntimeError(
        f"other reports overlapping {period.label} kept being published while this one was"
        " made; try again"
    )


_TRIES = 5


async def site_weeks(
    store: Store,
    builder: ReportBuilder,
    publications: list[Publication],
    timezone: str,
    *,
    snapshot: bool = False,
) -> list[SiteWeek]:
    """The site reports published for each week, with every site's part of it now.
    ``snapshot``: ``store`` is one already (``scope.snapshot``), so counted on it as is."""
    from bot.report.scope import parts_in, parts_now  # scope builds on this module

    count = parts_in if snapshot else parts_now
    weeks: dict[tuple[date, date], list[Publication]] = {}
    for publication in publications:
        weeks.setdefault((publication.start, publication.end), []).append(publication)
    out = []
    for (start, end), found in sorted(weeks.items()):
        week = Period(start=start, end=end, label=f"{start} to {end}", timezone=timezone)
        parts = await count(store, week, {p.site for p in found}, builder.on)
        out.append(SiteWeek(start, end, found, parts))
    return out


def _pieces(period: Period, earlier: list[Publication]) -> list[tuple[date, date]]:
    """The runs of days that every period here either wholly covers or misses."""
    return cut([(period.start, period.end), *((p.start, p.end) for p in earlier)])


def publish_against(
    raw: Report,
    period: Period,
    earlier: list[Publication],
    pieces: dict[tuple[date, date], Report],
    tied: Ties | None = None,
    months: list[Period] | None = None,
    sites: list[SiteWeek] | None = None,
) -> PublicReport:
    """``raw`` suppressed jointly with the earlier publications it overlaps, and with
    those its question tables and trend ``months`` are tied to (``tied``), and with the
    site reports published for its days (``sites``)."""
    t = raw.threshold
    data, cells, hidden, withheld = primary(raw)
    relations = relations_over(raw.relations, cells, withheld)
    fixed: set[CellRef] = set()
    piece_cells = tie_pieces(
        "", period, earlier, pieces, cells, hidden, relations, fixed, withheld, t
    )
    for n, week in enumerate(sites or []):
        tie_sites(n, week, piece_cells, cells, hidden, relations, fixed, withheld, t)
    if tied is not None:
        tie(tied, raw, period, months or [], cells, hidden, relations, fixed)
    protect(
        relations,
        hidden,
        cells,
        t,
        hideable=lambda ref: ref not in fixed,
        matters=matters(cells, t),
        between=True,
    )
    mine = {ref for ref in hidden if "@" not in ref[0]}
    own = {ref: cell for ref, cell in cells.items() if "@" not in ref[0]}
    return apply(data, own, mine, raw, withheld)


PieceCells = dict[tuple[date, date], dict[CellRef, CellRef]]


def tie_pieces(
    tag: str,
    period: Period,
    earlier: list[Publication],
    pieces: dict[tuple[date, date], Report],
    cells: Cells,
    hidden: set[CellRef],
    relations: list[Relation],
    fixed: set[CellRef],
    withheld: Cells,
    t: int,
) -> PieceCells:
    """Add the pieces' cells, this period's ties to them, and every earlier publication's.

    ``tag``: the suffix of this period's table ids among ``cells`` ("" for a report
    for every site; ``@all`` for the all-sites copy beside a site's report,
    ``bot/report/scope.py``).  Returns each piece's cells by their untagged ids."""
    piece_cells: PieceCells = {}
    for n, (span, report) in enumerate(sorted(pieces.items())):
        piece = f"@piece{n}"
        mine = add_copy(report, piece, cells, hidden, relations)
        piece_cells[span] = {_untagged(ref, piece): ref for ref in mine}
    # This period is the sum of its pieces, cell by cell.
    inside = [refs for (s, e), refs in piece_cells.items() if period.start <= s and e <= period.end]
    for ref in list(cells):
        if not is_own(ref, tag):
            continue
        bare = _untagged(ref, tag)
        parts = [refs[bare] for refs in inside if bare in refs]
        if parts != [ref]:
            relations.append(Relation(total=ref, parts=parts))
    # An earlier publication of these very days is this period's cell itself, where its
    # count is unchanged: what it showed is shown again, what it hid stays hidden.
    same = _same_days(period, earlier, cells, tag, hidden, fixed)
    # Each earlier publication: what it showed, held fixed, is the sum of its pieces,
    # give or take what changed since.
    for publication in earlier:
        pub = f"{tag}@pub{publication.id}"
        mine_inside = [
            refs
            for (s, e), refs in piece_cells.items()
            if publication.start <= s and e <= publication.end
        ]
        for ref, shown in publication.cells.items():
            if ref in withheld or tagged_ref(ref, tag) in withheld:
                continue  # a share's count, withheld now: not a cell suppression protects
            if tagged_ref(ref, tag) in same:
                continue
            parts = [refs[ref] for refs in mine_inside if ref in refs]
            cell = tagged_ref(ref, pub)
            tie_published(cell, shown, parts, cells, hidden, relations, fixed, t, "")
    return piece_cells


def _same_days(
    period: Period,
    earlier: list[Publication],
    cells: Cells,
    tag: str,
    hidden: set[CellRef],
    fixed: set[CellRef],
) -> set[CellRef]:
    """This period's cells that an earlier publication of the same days holds as they are.

    The same month exported again, with nothing changed since: tied to it through its
    pieces, as a different period would be, each export was a fresh choice of what to
    hide beside the cells the last one hid, and every re-export hid more (123, 161, 169,
    174 cells).  Where the count is what was shown, the cell is out already: shown again,
    held fixed.  Where it was hidden, it stays hidden: the earlier copy was taken to hold
    today's count anyway (``months.tie_published``).  A count shown and since changed
    (late answers, a /delete) is left to the tie, which hides what changed."""
    shown_as: dict[CellRef, set[int | None]] = {}
    for publication in earlier:
        if (publication.start, publication.end) != (period.start, period.end):
            continue
        for ref, shown in publication.cells.items():
            own = tagged_ref(ref, tag)
            if own in cells:
                shown_as.setdefault(own, set()).add(shown)
    same: set[CellRef] = set()
    for own, values in shown_as.items():
        now = cells[own]["count"] or 0
        if now in values and own not in hidden:
            fixed.add(own)
        elif None in values or own in hidden:
            hidden.add(own)
            fixed.add(own)
        else:
            continue
        same.add(own)
    return same


@dataclass
class SiteWeek:
    """Site reports published for one week, with every site's part of it counted now."""

    start: date
    end: date
    publications: list[Publication]
    parts: dict[str | None, Report]
    """Every site's report of the week (None: responses that named no site), now."""


def tie_sites(
    n: int,
    week: SiteWeek,
    piece_cells: PieceCells,
    cells: Cells,
    hidden: set[CellRef],
    relations: list[Relation],
    fixed: set[CellRef],
    withheld: Cells,
    t: int,
) -> None:
    """Site reports of a week, published before this report for every site.

    The sites' parts add up to the week for every site, which is the sum of its pieces;
    each site report showed its part, give or take what changed since (a late answer,
    a /delete).  A reader who holds the site reports and an all-sites report made after
    a late answer otherwise adds the sites up and subtracts.  The parts are never
    published here: one matters only when its count is small (``matters``)."""
    whole = f"@{WHOLE}{n}"
    by_site: dict[str | None, dict[CellRef, CellRef]] = {}
    sums: dict[CellRef, list[CellRef]] = {}
    for name, report in sorted(week.parts.items(), key=lambda kv: (kv[0] is None, kv[0] or "")):
        tag = f"@{PART}{n}.{name if name is not None else '-'}"
        mine = add_copy(report, tag, cells, hidden, relations)
        by_site[name] = {_untagged(ref, tag): ref for ref in mine}
        for ref in mine:
            sums.setdefault(_untagged(ref, tag), []).append(ref)
    inside = [refs for (s, e), refs in piece_cells.items() if week.start <= s and e <= week.end]
    for bare, parts in sums.items():
        if bare in withheld:
            continue
        total = tagged_ref(bare, whole)
        count = sum(cells[p]["count"] or 0 for p in parts)
        cells[total] = {"count": count}
        # The week for every site, taken as known (the worst case, as a site's report
        # takes it): hidden, it would make the rules hide a piece, then this report.
        relations.append(Relation(total=total, parts=parts))
        pieces = [refs[bare] for refs in inside if bare in refs]
        relations.append(Relation(total=total, parts=pieces))
    for publication in week.publications:
        mine = by_site.get(publication.site, {})
        tag = f"@site{publication.id}"
        for ref, shown in publication.cells.items():
            if ref in withheld:
                continue
            parts = [mine[ref]] if ref in mine else []
            tie_published(
                tagged_ref(ref, tag), shown, parts, cells, hidden, relations, fixed, t, ""
            )


PART, WHOLE = "part", "whole"
"""Copies beside a report that are never published: each site's part of a week, the
week's sum over sites."""


def _untagged(ref: CellRef, tag: str) -> CellRef:
    return (ref[0].removesuffix(tag), *ref[1:])
