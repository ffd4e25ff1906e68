"""A report for one site, for staff invited for that site, that cannot be subtracted
from the report for every site, nor combined with other sites' reports.

Staff invited with ``--site`` see their site only (``/summary``, ``/export``,
``/review``); admins, the command line and the weekly send to staff chats see
every site.  A reader may hold several of these: the all-sites report
(commissioners get it; the network report is public), their own site's, and
another site's (two staff comparing notes, or one moved from site to site).
Each is suppressed, but their differences are reports nobody suppressed: all
sites 7 agree, this site 6, so one person elsewhere agreed; all sites minus
Wisbech minus Cambridge is Huntingdon.

So every site's report (and one for responses that named no site, which no one
is shown but anyone holding all the others could work out) is published
together, joined by ``all = site + site + … + no site`` for every cell, as if
all of them were public.  The all-sites counts are treated as known, the worst
case (their real report hides more).  Suppression runs once over the whole
system, in the same way whichever site asked, so what any set of site reports
shows together is one consistently suppressed publication.  Only the asking
site's tables are kept.

Each site report is recorded in the publication ledger (kind ``site``, the site's
cells under its id), and the next report of that period, for any site, is
suppressed with what those showed held fixed: a site's week asked for again after
a late answer cannot be set against the first to show what that one person said.
Against reports for every site of any period (the ledger's others, trends
included) nothing more is needed: the joint publication already takes every
all-sites count of its period as known.

Every report comes from one snapshot of the database, copied in one read
transaction into memory, so an answer arriving between the builds cannot make
them disagree.  The copy is the period and the one before, and is gone when
the report is made.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date

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
from bot.report.model import CellRef, PublicReport, Quote, Relation, Report, Row, Table
from bot.report.months import Ties, cut, matters, tie, tie_published, ties
from bot.report.period import Period
from bot.report.periods import SiteWeek, site_weeks, tie_pieces, tie_sites
from bot.report.purged import purged_through, refuse
from bot.report.suppress import (
    PRAISE_MOST,
    PRAISE_THEME,
    QUOTES_PER_THEME,
    apply,
    primary,
    protect,
    publish,
    quotes_shown,
    relations_over,
)
from bot.report.tables import TableSet
from bot.store import Store

ALL = "@all"
"""Suffix of the all-sites tables' ids in the joint publication (never published)."""
_COPIED = (
    "flow_versions",
    "sessions",
    "answers",
    "answer_tagging",
    "answer_themes",
    "theme_reviews",
    "updates",
    "catalogue_revisions",
)
"""What a report reads.  A table reports come to read must be added here;
tests/test_report_scope.py checks that one site holding every response gets the
all-sites report."""


@asynccontextmanager
async def snapshot(store: Store, lo: str, hi: str) -> AsyncIterator[Store]:
    """An in-memory store holding the sessions started in [lo, hi) and what hangs off them."""
    files = await store.db.execute_fetchall("PRAGMA database_list")
    database = next((row[2] for row in files if row[1] == "main"), "")
    if not database:
        raise ValueError("a site's report needs the database in a file, not in memory")
    view = await Store.open(":memory:")
    try:
        db = view.db
        await db.execute("ATTACH DATABASE ? AS src", (database,))
        await db.execute("BEGIN")
        for table in _COPIED:
            columns = ", ".join(await _columns(view, table))
            where = _WHERE.get(table, "")
            args = (lo, hi) if table == "sessions" else ()
            await db.execute(
                f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM src.{table} {where}",
                args,
            )
        await db.execute("COMMIT")
        await db.execute("DETACH DATABASE src")
        yield view
    finally:
        await view.close()


_WHERE = {
    "sessions": "WHERE started_at >= ? AND started_at < ?",
    "answers": "WHERE session_id IN (SELECT id FROM main.sessions)",
    "answer_tagging": "WHERE answer_id IN (SELECT id FROM main.answers)",
    "answer_themes": "WHERE answer_id IN (SELECT id FROM main.answers)",
    "theme_reviews": "WHERE answer_id IN (SELECT id FROM main.answers)",
}


async def _columns(store: Store, table: str) -> list[str]:
    """The columns both copies have, by name: never rely on their order."""
    rows = await store.db.execute_fetchall(f"PRAGMA main.table_info({table})")
    return [row[1] for row in rows]


NO_SITE = "-"
"""The part of the responses that named no site."""


def publish_joint(
    parts: dict[str | None, Report],
    all_sites: Report,
    site: str | None,
    earlier: list[Publication] | None = None,
    reports: AllSites | None = None,
) -> PublicReport:
    """Publish every part (site, or no site) at once against all sites; return ``site``'s.

    ``earlier``: site reports of the same period published before (any site's), from the
    ledger: what each showed is held fixed, equal to that site's part now, give or take
    what changed since (a late answer, a /delete), so a site's report asked for again
    cannot be set against the last one to give away what changed.
    ``reports``: reports for every site published before whose days overlap, with the
    all-sites pieces their days make: the sites add up to all sites now, which is what
    those showed give or take what changed since."""
    tables, relations = [], []
    names = sorted(parts, key=lambda name: (name is None, name or ""))
    present: dict[tuple[str, str, str, str], list[tuple[str, str, str, str]]] = {}
    for name in names:
        tag = _tag(name)
        for table in parts[name].tables:
            tables.append(table.model_copy(update={"id": table.id + tag}))
            for row in table.rows:
                for column in _counted(row):
                    ref = (table.id, row.split, row.key, column)
                    present.setdefault(ref, []).append((table.id + tag, *ref[1:]))
        relations += [
            Relation(total=_moved(r.total, tag), parts=[_moved(p, tag) for p in r.parts])
            for r in parts[name].relations
        ]
    for table in all_sites.tables:
        tables.append(table.model_copy(update={"id": table.id + ALL}))
        for row in table.rows:
            for column in _counted(row):
                ref = (table.id, row.split, row.key, column)
                if ref in present:
                    # A part with no such row is a zero the reader knows.
                    relations.append(Relation(total=(table.id + ALL, *ref[1:]), parts=present[ref]))
    mine = parts[site]
    public = _publish_with(
        mine.model_copy(update={"tables": tables, "relations": relations}), earlier or [], reports
    )
    tag = _tag(site)
    kept = [
        table.model_copy(update={"id": table.id.removesuffix(tag)})
        for table in public.tables
        if table.id.endswith(tag)
    ]
    hidden = sum(
        cell.suppressed
        for table in kept
        for row in table.rows
        for cell in (*row.cells.values(), *([row.base] if row.base else []))
    )
    return public.model_copy(
        update={
            "tables": kept,
            "suppressed_cells": hidden,
            "quotes": _quotes_shown(mine, kept, public.threshold),
            "praise": [
                q
                for q in _quotes_shown(mine, kept, public.threshold, PRAISE_MOST)
                if q.theme == PRAISE_THEME
            ],
        }
    )


@dataclass
class AllSites:
    """Reports for every site published before, overlapping a site report's period."""

    period: Period
    publications: list[Publication]
    pieces: dict[tuple[date, date], Report]
    """Every site's counts for each run of days the periods make (``periods.py``)."""
    tied: Ties | None = None
    """Trend months, and what they are tied to (``months.py``)."""
    sites: list[SiteWeek] = field(default_factory=list)
    """Site reports of other weeks tied to those reports, with every site's part now."""


def _publish_with(
    joint: Report, earlier: list[Publication], reports: AllSites | None = None
) -> PublicReport:
    """``suppress.publish`` of the joint report, with earlier site reports, and reports
    for every site, held fixed."""
    if not earlier and not (reports and (reports.publications or reports.tied)):
        return publish(joint)
    t = joint.threshold
    data, cells, hidden, withheld = primary(joint)
    own = dict(cells)
    relations = relations_over(joint.relations, cells, withheld)
    fixed: set[CellRef] = set()
    if reports and reports.tied:
        tie(reports.tied, joint, reports.period, [], cells, hidden, relations, fixed, ALL)
    if reports and reports.publications:
        piece_cells = tie_pieces(
            ALL,
            reports.period,
            reports.publications,
            reports.pieces,
            cells,
            hidden,
            relations,
            fixed,
            withheld,
            t,
        )
        for n, week in enumerate(reports.sites):
            tie_sites(n, week, piece_cells, cells, hidden, relations, fixed, withheld, t)
    for publication in earlier:
        tag = f"@pub{publication.id}"
        for ref, shown in publication.cells.items():
            now = _moved(ref, _tag(publication.site))
            if now in withheld:
                continue  # a share's count, withheld now: not a cell suppression protects
            parts = [now] if now in cells else []
            count = cells[now]["count"] or 0 if parts else 0
            if (shown is None and now in hidden) or (shown == count and now not in hidden):
                # The same cell, hidden or shown as before: tied, it would add an unknown
                # equal to one already there (and cost the exact solving dearly).
                if shown is not None:
                    fixed.add(now)
                continue
            cell = (f"{ref[0]}{_tag(publication.site)}{tag}", *ref[1:])
            tie_published(cell, shown, parts, cells, hidden, relations, fixed, t, "")
    protect(
        relations,
        hidden,
        cells,
        t,
        hideable=lambda ref: ref not in fixed,
        matters=matters(cells, t),
    )
    return apply(data, own, hidden & set(own), joint, withheld)


def _tag(name: str | None) -> str:
    return f"@{name if name is not None else NO_SITE}"


def _moved(ref: tuple[str, str, str, str], tag: str) -> tuple[str, str, str, str]:
    return (ref[0] + tag, *ref[1:])


def _counted(row: Row) -> list[str]:
    """The row's columns that hold a count (and ``base``, if it has one)."""
    columns = [column for column, cell in row.cells.items() if cell.count is not None]
    if row.base is not None and row.base.count is not None:
        columns.append("base")
    return columns


def _quotes_shown(
    raw: Report, tables: list[Table], threshold: int, per_theme: int = QUOTES_PER_THEME
) -> list[Quote]:
    """Quotes only for themes the site's published themes table shows at the threshold."""
    themes = next((t for t in tables if t.id == "themes"), None)
    shown = {
        row.key
        for row in (themes.rows if themes else [])
        if (cell := row.cells.get("respondents")) and (cell.count or 0) >= threshold
    }
    return quotes_shown(raw.quotes, shown, lambda q: (q.theme, q.text), per_theme)


async def site_reports(
    store: Store, period: Period, site: str | None, builder: Callable[[Store], ReportBuilder]
) -> tuple[PublicReport, PublicReport | None]:
    """The site's report for ``period`` and the one before, each published by
    ``publish_joint`` with every other site's, from the same snapshot.  No report before
    (None) when the purge reached any of its days: the change column is left out."""
    before = period.previous()
    through = await purged_through(store, period.timezone)
    refuse(period, through)
    compare = through is None or before.start > through
    # Both are shown (the previous as "last period"), so both go through the ledger: each
    # suppressed with the site reports of its period published before, and the reports
    # for every site whose days overlap, then recorded, unless another was recorded
    # meanwhile (then again, against that one too).
    for _ in range(_TRIES):
        # Reports for every site overlapping each week, and site reports of other weeks
        # tied to it through them (site week 42, October for every site, then this site's
        # week 44): each showed its site's part of its week.
        reports_now, others_now = _split(await overlapping(store, period, (REPORT, SITE)), period)
        reports_then, others_then = (
            _split(await overlapping(store, before, (REPORT, SITE)), before)
            if compare
            else ([], [])
        )
        # Trend months, and whatever they are tied to: the snapshot covers their days.
        first = before.start if compare else period.start
        trended = await overlapping(
            store,
            Period(start=first, end=period.end, label="both", timezone=period.timezone),
            kinds=(REPORT, TREND, SITE),
        )
        if not any(p.kind == TREND for p in trended):
            trended = []
        days = [period, *reports_now, *reports_then, *others_now, *others_then, *trended]
        days += [before] if compare else []
        lo = Period(
            start=min(p.start for p in days),
            end=max(p.end for p in days),
            label="span",
            timezone=period.timezone,
        ).bounds()
        async with snapshot(store, lo[0], lo[1]) as view:
            everyone = await builder(view).build(period)
            found = await view.db.execute_fetchall("SELECT DISTINCT site FROM sessions")
            now: dict[str | None, Report] = {}
            then: dict[str | None, Report] = {}
            for part in {row[0] for row in found} | {site}:
                async with only(view, part) as one:
                    now[part] = await builder(one).build(period)
                    if compare:
                        then[part] = await builder(one).build(before, for_comparison=True)
            all_now = await _all_sites(
                builder(view), period, everyone, reports_now, others_now, False
            )
            # Trend months are the question tables' overall cells: tied through the
            # trend pieces (``months.py``), counted in the same snapshot.
            all_now.tied = await ties(store, builder(view), period, [])
            if compare:
                everyone_before = await builder(view).build(before, for_comparison=True)
                all_then = await _all_sites(
                    builder(view), before, everyone_before, reports_then, others_then, True
                )
                all_then.tied = await ties(store, builder(view), before, [])
        earlier_now = await _site_publications(store, period)
        current = publish_joint(now, everyone, site, earlier_now, all_now)
        entries = [Entry(period, published_cells(current, now[site]), SITE, site)]
        known = [*earlier_now, *reports_now, *others_now]
        known += all_now.tied.publications if all_now.tied else []
        previous = None
        if compare:
            earlier_then = await _site_publications(store, before)
            previous = publish_joint(then, everyone_before, site, earlier_then, all_then)
            entries.append(Entry(before, published_cells(previous, then[site]), SITE, site))
            known += [*earlier_then, *reports_then, *others_then]
            known += all_then.tied.publications if all_then.tied else []
        if await record_all(store, entries, known, kinds=(SITE, REPORT, TREND)):
            return current, previous
    raise RuntimeError(f"site reports for {period.label} kept being published meanwhile; try again")


def _split(found: list[Publication], period: Period) -> tuple[list[Publication], list[Publication]]:
    """Reports for every site; site reports of other days (those of ``period`` itself are
    ``_site_publications``'s)."""
    reports = [p for p in found if p.kind == REPORT]
    others = [p for p in found if p.kind == SITE and (p.start, p.end) != (period.start, period.end)]
    return reports, others


async def _all_sites(
    builder: ReportBuilder,
    period: Period,
    everyone: Report,
    publications: list[Publication],
    site_publications: list[Publication],
    for_comparison: bool,
) -> AllSites:
    """The all-sites pieces ``period`` and the reports for every site overlapping it make,
    and every site's part of the weeks that site reports of other days were published for."""
    pieces: dict[tuple[date, date], Report] = {}
    if publications:
        spans = [(p.start, p.end) for p in (*publications, *site_publications)]
        for start, end in cut([(period.start, period.end), *spans]):
            if (start, end) == (period.start, period.end):
                pieces[(start, end)] = everyone
                continue
            piece = Period(
                start=start, end=end, label=f"{start} to {end}", timezone=period.timezone
            )
            pieces[(start, end)] = await builder.build(
                piece, for_comparison=for_comparison, counts_only=True
            )

    sites = await site_weeks(
        builder.store, builder, site_publications, period.timezone, snapshot=True
    )
    return AllSites(period, publications, pieces, sites=sites)


async def light_parts_now(
    store: Store, period: Period, sites: set[str | None], builder: ReportBuilder
) -> dict[str | None, TableSet]:
    """Every site's trend-piece counts for ``period`` now (``months.ties``), from one
    snapshot: the question tables' overall cells a trend month is tied through."""
    lo, hi = period.bounds()
    out: dict[str | None, TableSet] = {}
    async with snapshot(store, lo, hi) as view:
        found = await view.db.execute_fetchall("SELECT DISTINCT site FROM sessions")
        for part in {row[0] for row in found} | sites | {None}:
            async with only(view, part) as one:
                like = ReportBuilder(one, builder.settings, builder.codebook, builder.catalogue)
                out[part] = await like.trend_pieces([period])
    return out


async def parts_now(
    store: Store,
    period: Period,
    sites: set[str | None],
    builder: Callable[[Store], ReportBuilder],
) -> dict[str | None, Report]:
    """Every site's counts for ``period`` now (and those of ``sites``, if none), from
    one snapshot, as a report for every site sets them beside site reports published
    before (``periods.tie_sites``)."""
    lo, hi = period.bounds()
    async with snapshot(store, lo, hi) as view:
        return await parts_in(view, period, sites, builder)


async def parts_in(
    view: Store,
    period: Period,
    sites: set[str | None],
    builder: Callable[[Store], ReportBuilder],
) -> dict[str | None, Report]:
    """``parts_now`` on a snapshot already made (``snapshot``)."""
    out: dict[str | None, Report] = {}
    found = await view.db.execute_fetchall("SELECT DISTINCT site FROM sessions")
    for part in {row[0] for row in found} | sites | {None}:
        async with only(view, part) as one:
            out[part] = await builder(one).build(period, counts_only=True)
    return out


_TRIES = 5


async def _site_publications(store: Store, period: Period) -> list[Publication]:
    """Site reports published for ``period`` before.  Staff ask for whole weeks, which
    never partly overlap; any other period that does is refused rather than published
    untied (its difference from the other would be a report of the days between)."""
    found = await overlapping(store, period, kinds=(SITE,))
    for publication in found:
        if (publication.start, publication.end) != (period.start, period.end):
            raise ValueError(
                f"a site report for {period.label} would partly overlap one published for"
                f" {publication.start} to {publication.end}; ask for the same days or others"
            )
    return found


@asynccontextmanager
async def only(view: Store, site: str | None) -> AsyncIterator[Store]:
    """A copy of a snapshot holding one site's sessions (None: those that named none)."""
    one = await Store.open(":memory:")
    try:
        await view.db.backup(one.db)
        await one.write("DELETE FROM sessions WHERE site IS NOT ?", (site,))
        yield one
    finally:
        await one.close()
