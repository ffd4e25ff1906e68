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

from datetime import date
from typing import Any

from bot.report.aggregate import ReportBuilder
from bot.report.ledger import (
    REPORT,
    TREND,
    Entry,
    Publication,
    overlapping,
    published_cells,
    record_all,
)
from bot.report.model import CellRef, PublicReport, Relation, Report
from bot.report.months import Ties, cut, matters, month_cells, tie, tie_published, ties
from bot.report.period import Period
from bot.report.suppress import apply, primary, protect, publish, relations_over
from bot.store import Store


async def publish_period(
    store: Store,
    builder: ReportBuilder,
    period: Period,
    *,
    for_comparison: bool = False,
    trend: list[Period] | None = None,
) -> PublicReport:
    """This period's public report, suppressed against the ledger, and recorded in it.

    ``trend``: months for the trend tables (``ReportBuilder.build``).  Each month is
    recorded too, and suppressed with every week and month recorded that it is tied to
    (``bot/report/months.py``), as every later report is suppressed with it."""
    months = trend or []
    for _ in range(_TRIES):
        earlier = await overlapping(store, period)
        tied = await ties(store, builder, period, months)
        spans = _pieces(period, earlier) if earlier or tied is not None else []
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
            if whole in spans:
                pieces[whole] = raw
            public = publish_against(raw, period, earlier, pieces, tied, months)
        cells = published_cells(public, raw)
        entries = [Entry(period, cells)]
        for month in months:
            entries.append(Entry(month, month_cells(public, cells, months)[month.label], TREND))
        # Recorded only if nothing tied to it was published meanwhile (another export,
        # the bot and the command line at once): else suppressed again against it.
        known = [*earlier, *(tied.publications if tied else [])]
        if await record_all(store, entries, known, kinds=(REPORT, TREND)):
            return public
    raise RuntimeError(
        f"other reports overlapping {period.label} kept being published while this one was"
        " made; try again"
    )


_TRIES = 5


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
) -> PublicReport:
    """``raw`` suppressed jointly with the earlier publications it overlaps, and with
    those its question tables and trend ``months`` are tied to (``tied``)."""
    t = raw.threshold
    data, cells, hidden, withheld = primary(raw)
    relations = relations_over(raw.relations, cells, withheld)
    fixed: set[CellRef] = set()
    piece_cells: dict[tuple[date, date], dict[CellRef, Any]] = {}
    for n, (span, report) in enumerate(sorted(pieces.items())):
        tag = f"@piece{n}"
        _, mine, small, held = primary(report, tag)
        cells |= mine
        hidden |= small
        tagged = [
            Relation(total=_tagged(r.total, tag), parts=[_tagged(part, tag) for part in r.parts])
            for r in report.relations
        ]
        relations += relations_over(tagged, mine, held)
        piece_cells[span] = {_untagged(ref, tag): ref for ref in mine}
    # This period is the sum of its pieces, cell by cell.
    inside = [refs for (s, e), refs in piece_cells.items() if period.start <= s and e <= period.end]
    for ref in list(cells):
        if "@" in ref[0]:
            continue
        parts = [refs[ref] for refs in inside if ref in refs]
        if parts != [ref]:
            relations.append(Relation(total=ref, parts=parts))
    # Each earlier publication: what it showed, held fixed, is the sum of its pieces,
    # give or take what changed since.
    for publication in earlier:
        tag = f"@pub{publication.id}"
        mine_inside = [
            refs
            for (s, e), refs in piece_cells.items()
            if publication.start <= s and e <= publication.end
        ]
        for ref, shown in publication.cells.items():
            if ref in withheld:
                continue  # a share's count, withheld now: not a cell suppression protects
            parts = [refs[ref] for refs in mine_inside if ref in refs]
            cell = _tagged(ref, tag)
            tie_published(cell, shown, parts, cells, hidden, relations, fixed, t, "")
    if tied is not None:
        tie(tied, raw, period, months or [], cells, hidden, relations, fixed)
    protect(
        relations,
        hidden,
        cells,
        t,
        hideable=lambda ref: ref not in fixed,
        matters=matters(cells, t),
    )
    mine = {ref for ref in hidden if "@" not in ref[0]}
    own = {ref: cell for ref, cell in cells.items() if "@" not in ref[0]}
    return apply(data, own, mine, raw, withheld)


def _tagged(ref: CellRef, tag: str) -> CellRef:
    return (ref[0] + tag, *ref[1:])


def _untagged(ref: CellRef, tag: str) -> CellRef:
    return (ref[0].removesuffix(tag), *ref[1:])
