"""Trend months against the publication ledger: a month is the sum of its weeks.

A trend table shows each month's n, top two and bottom two for every Likert
question, and the same figures for the weeks of those months were published in
the weekly reports.  Each was suppressed on its own, but a reader holding both
can subtract: September's bottom two, less the three weeks that showed theirs,
is the fourth week's, which its own report hid.  The other way round too: a trend
published first, then the weeks one by one, until the last week gives the first
away.

So every month a trend shows is recorded in the ledger (kind ``trend``), as the
question tables' overall cells it equals (n, top two, bottom two), and every
report is suppressed together with the publications that its period and its trend
months are tied to, in those cells: the days are cut into *pieces* at every
period's start and end, each piece's counts are counted in one query
(``ReportBuilder.trend_pieces``), and each publication's cell is the sum of its
pieces' (as ``bot/report/periods.py`` does for whole reports; a whole report per
piece would be a report for every week of the year).  A piece is never published:
one pinned down matters only if its count is small.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from bot.report.aggregate import ReportBuilder
from bot.report.ledger import REPORT, SITE, TREND, Publication, overlapping
from bot.report.model import CellRef, PublicReport, Relation, Report
from bot.report.period import Period
from bot.report.suppress import primary, relations_over
from bot.report.tables import TableSet
from bot.store import Store

COLUMNS = ("base", "top_two", "bottom_two")
"""The question table's overall cells a trend month equals (its ``rest`` follows)."""
PIECE = "@light"
"""Suffix of the pieces' table ids (never published)."""
UNPUBLISHED = ("part", "whole")
"""Copies beside a report for every site that no one is shown: each site's part of a
week that site reports were published for, and that week's sum over the sites
(``bot/report/periods.py``)."""

Cells = dict[CellRef, dict[str, Any]]


@dataclass
class Ties:
    """The publications tied to a report through its question tables' overall rows, and
    the counts of the pieces their days make."""

    publications: list[Publication]
    pieces: list[tuple[date, date]]
    tables: TableSet
    sites: dict[tuple[date, date], dict[str | None, TableSet]] = field(default_factory=dict)
    """For each week site reports were published for: every site's counts of it now."""


async def ties(
    store: Store, builder: ReportBuilder, period: Period, months: list[Period]
) -> Ties | None:
    """What ``period`` (with trend ``months``) is tied to; None when no trend is shown
    or recorded anywhere near it (then ``periods.py`` alone suffices)."""
    lo = min([period.start, *(m.start for m in months)])
    hi = max([period.end, *(m.end for m in months)])
    span = Period(start=lo, end=hi, label="span", timezone=period.timezone)
    publications = await overlapping(store, span, kinds=(REPORT, TREND, SITE))
    if not months and not any(p.kind == TREND for p in publications):
        return None
    spans = [(period.start, period.end), *((m.start, m.end) for m in months)]
    spans += [(p.start, p.end) for p in publications]
    pieces = cut(spans)
    tables = await builder.trend_pieces(
        [Period(start=s, end=e, label=_label(s, e), timezone=period.timezone) for s, e in pieces]
    )
    sites: dict[tuple[date, date], dict[str | None, TableSet]] = {}
    weeks = {(p.start, p.end): set() for p in publications if p.kind == SITE}
    for p in publications:
        if p.kind == SITE:
            weeks[(p.start, p.end)].add(p.site)
    if weeks:
        from bot.report.scope import light_parts_now  # scope builds on this module

        for (start, end), named in sorted(weeks.items()):
            week = Period(start=start, end=end, label=_label(start, end), timezone=period.timezone)
            sites[(start, end)] = await light_parts_now(store, week, named, builder)
    return Ties(publications, pieces, tables, sites)


def cut(spans: list[tuple[date, date]]) -> list[tuple[date, date]]:
    """The runs of days that every span either wholly covers or misses (and some covers)."""
    cuts = sorted({s for s, _ in spans} | {e + timedelta(days=1) for _, e in spans})
    out = []
    for lo, hi in itertools.pairwise(cuts):
        end = hi - timedelta(days=1)
        if any(s <= lo and end <= e for s, e in spans):
            out.append((lo, end))
    return out


def _label(start: date, end: date) -> str:
    return f"{start}..{end}"


def tie(
    found: Ties,
    raw: Report,
    period: Period,
    months: list[Period],
    cells: Cells,
    hidden: set[CellRef],
    relations: list[Relation],
    fixed: set[CellRef],
    own: str = "",
) -> None:
    """Add the pieces, and every tie to them, to a publication being suppressed: this
    period's question tables' overall cells, its trend months' cells, and those of every
    publication recorded (held fixed: they are out).

    ``own``: the suffix of this period's table ids among ``cells`` (``@all`` for the
    all-sites copy beside a site's report)."""
    mine = _add(raw, found.tables, PIECE, cells, hidden, relations)

    def parts(question: str, column: str, start: date, end: date) -> list[CellRef]:
        table = f"trend:{question}{PIECE}"
        refs = [
            (table, "month", _label(s, e), column)
            for s, e in found.pieces
            if start <= s and e <= end
        ]
        return [ref for ref in refs if ref in mine]

    by_label = {m.label: m for m in months}
    for ref in [r for r in cells if is_own(r, own)]:
        table, split, key, column = ref
        table = table.removesuffix(own) if own else table
        if table.startswith("likert:") and (split, key) == ("overall", "all"):
            if column in COLUMNS:
                _relate(relations, ref, parts(table[7:], column, period.start, period.end))
        elif table.startswith("trend:") and split == "month" and key in by_label:
            month = by_label[key]
            _relate(relations, ref, parts(table[6:], column, month.start, month.end))
    t = raw.threshold
    for n, ((start, end), parts_by_site) in enumerate(sorted(found.sites.items())):
        by_site = {}
        sums: dict[CellRef, list[CellRef]] = {}
        for name, tables in sorted(
            parts_by_site.items(), key=lambda kv: (kv[0] is None, kv[0] or "")
        ):
            tag = f"@{UNPUBLISHED[0]}L{n}.{name if name is not None else '-'}"
            part = _add(raw, tables, tag, cells, hidden, relations)
            by_site[name] = part
            for ref in part:
                sums.setdefault((ref[0].removesuffix(tag), *ref[1:]), []).append(ref)
        # The sites add up to the week for every site, the sum of its pieces.
        for bare, members in sums.items():
            table, split, key, column = bare
            total = tagged_ref(bare, f"@{UNPUBLISHED[1]}L{n}")
            cells[total] = {"count": sum(cells[m]["count"] or 0 for m in members)}
            relations.append(Relation(total=total, parts=members))
            _relate(relations, total, parts(table[6:], column, start, end))
        for publication in found.publications:
            if publication.kind != SITE or (publication.start, publication.end) != (start, end):
                continue
            tag = f"@site{publication.id}"
            part = by_site.get(publication.site, {})
            label = _label(start, end)
            for ref, shown in publication.cells.items():
                table, split, key, column = ref
                if not table.startswith("likert:") or (split, key, column) not in _OVERALL:
                    continue
                mine_ref = next(
                    (
                        m
                        for m in part
                        if m[0].startswith(f"trend:{table[7:]}@")
                        and m[2] == label
                        and m[3] == column
                    ),
                    None,
                )
                inside = [mine_ref] if mine_ref else []
                cell = tagged_ref(ref, tag)
                tie_published(cell, shown, inside, cells, hidden, relations, fixed, t, "light")
    for publication in found.publications:
        if publication.kind == SITE:
            continue
        tag = f"@pub{publication.id}"
        for ref, shown in publication.cells.items():
            table, split, key, column = ref
            if not table.startswith("likert:") or (split, key, column) not in _OVERALL:
                continue
            inside = parts(table[7:], column, publication.start, publication.end)
            if inside:
                cell = tagged_ref(ref, tag)
                tie_published(cell, shown, inside, cells, hidden, relations, fixed, t, "light")


_OVERALL = {("overall", "all", c) for c in COLUMNS}


def _add(
    raw: Report,
    tables: TableSet,
    tag: str,
    cells: Cells,
    hidden: set[CellRef],
    relations: list[Relation],
) -> Cells:
    """Trend-piece tables, unpublished, added to the system under ``tag``: their cells."""
    pieces = raw.model_copy(update={"tables": tables.tables, "relations": tables.relations})
    return add_copy(pieces, tag, cells, hidden, relations)


def add_copy(
    report: Report, tag: str, cells: Cells, hidden: set[CellRef], relations: list[Relation]
) -> Cells:
    """A report added to the system under ``tag`` (its table ids suffixed): its cells, its
    small ones hidden, its relations.  Every copy of a period (a piece of days, a site's
    part, a trend piece) goes in this way, so each is suppressed as if published."""
    _, mine, small, held = primary(report, tag)
    cells |= mine
    hidden |= small
    tagged = [
        Relation(total=tagged_ref(r.total, tag), parts=[tagged_ref(p, tag) for p in r.parts])
        for r in report.relations
    ]
    relations += relations_over(tagged, mine, held)
    return mine


def is_own(ref: CellRef, tag: str) -> bool:
    """A cell of the period's own report (its table id carries ``tag`` and nothing more)."""
    if tag:
        return ref[0].endswith(tag) and "@" not in ref[0].removesuffix(tag)
    return "@" not in ref[0]


def _relate(relations: list[Relation], total: CellRef, parts: list[CellRef]) -> None:
    if parts:
        relations.append(Relation(total=total, parts=parts))


def tie_published(
    ref: CellRef,
    shown: int | None,
    parts: list[CellRef],
    cells: Cells,
    hidden: set[CellRef],
    relations: list[Relation],
    fixed: set[CellRef],
    t: int,
    copy: str,
) -> None:
    """An earlier publication's cell ``ref`` (it showed ``shown``, or hid it): the sum of
    ``parts`` now, give or take what changed since (late answers, a /delete: the
    difference is a piece of its own).  Held fixed: it is out, and cannot be hidden now.

    The same cell may be tied to two sets of pieces (whole reports', and the trend
    pieces'): each adds its own relations to the one cell, its drift told apart by
    ``copy``."""
    now = sum(cells[p]["count"] or 0 for p in parts)
    fixed.add(ref)
    if shown is None:
        cells.setdefault(ref, {"count": now})
        hidden.add(ref)
        _relate(relations, ref, parts)
        return
    cells[ref] = {"count": shown}
    if now == shown:
        _relate(relations, ref, parts)
        return
    drift = (f"{ref[0]}~{copy}", *ref[1:])
    cells[drift] = {"count": abs(now - shown)}
    if abs(now - shown) < t:
        hidden.add(drift)
    if now > shown:
        # now = shown + drift: the pieces' sum, an unknown of its own, is both.
        total = (f"{ref[0]}+{copy}", *ref[1:])
        cells[total] = {"count": now}
        if now < t:
            hidden.add(total)
        relations.append(Relation(total=total, parts=parts))
        relations.append(Relation(total=total, parts=[ref, drift]))
    else:
        relations.append(Relation(total=ref, parts=[*parts, drift]))


def month_cells(
    public: PublicReport, published: dict[CellRef, int | None], months: list[Period]
) -> dict[str, dict[CellRef, int | None]]:
    """Per trend month, what its rows published, as the question tables' overall cells
    (``published``: ``ledger.published_cells`` of the report)."""
    out: dict[str, dict[CellRef, int | None]] = {m.label: {} for m in months}
    for table in public.tables_of("trend"):
        question = table.id.removeprefix("trend:")
        for row in table.rows:
            if row.split != "month" or row.key not in out:
                continue
            for column in COLUMNS:
                ref = (table.id, "month", row.key, column)
                if ref in published:
                    out[row.key][(f"likert:{question}", "overall", "all", column)] = published[ref]
    return out


def matters(cells: Cells, t: int):
    """Which worked-out cells need hiding beside: any but a piece, and a piece only with
    a small count (a piece is never published; one of 0, or of t or more, worked out
    says nothing a published figure does not)."""

    def check(ref: CellRef) -> bool:
        copy = ref[0].partition("@")[2]
        if not ref[0].endswith(PIECE) and not copy.startswith(UNPUBLISHED):
            return True
        return 0 < (cells[ref]["count"] or 0) < t

    return check


def tagged_ref(ref: CellRef, tag: str) -> CellRef:
    return (ref[0] + tag, *ref[1:])
