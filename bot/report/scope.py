"""A report for one site, for staff invited for that site, that cannot be subtracted
from the report for every site.

Staff invited with ``--site`` see their site only (``/summary``, ``/export``,
``/review``); admins, the command line and the weekly send to staff chats see
every site.  Two readers, or one reader with both, hold the site's report and
the all-sites report (commissioners get it; the network report is public).
Each is suppressed, but the difference of the two is a third report, "every
other site", that nobody suppressed: all sites 7 agree, this site 6, so one
person elsewhere agreed.

So the site's report is published together with the all-sites counts and the
rest (all sites minus this one), joined by ``all = site + rest`` for every
cell.  Suppression then treats the rest like any published table: a rest
count from 1 to threshold−1 hides the site's cell that would give it away,
and the secondary rules run over all three.  The all-sites counts are treated
as known to the reader, the worst case (their real report hides more).  Only
the site's tables are kept.

Both reports are built from one snapshot of the database, copied in one read
transaction into memory, so an answer arriving between the two builds cannot
make them disagree.  The copy is the period and the one before, and is gone
when the report is made.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from bot.report.aggregate import ReportBuilder
from bot.report.model import Cell, PublicReport, Relation, Report, Row
from bot.report.period import Period
from bot.report.suppress import publish
from bot.store import Store

ALL, REST = "@all", "@rest"
"""Suffixes of the helper tables' ids (never in a published report)."""
_COPIED = ("flow_versions", "sessions", "answers", "answer_tagging", "answer_themes")
_COPIED_LATER = ("theme_reviews", "updates")


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
        for table in (*_COPIED, *_COPIED_LATER):
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


async def keep_site(store: Store, site: str) -> None:
    """Drop every other site's sessions from a snapshot (answers go by cascade)."""
    await store.write("DELETE FROM sessions WHERE site IS NOT ?", (site,))


def publish_site(site_report: Report, all_sites: Report) -> PublicReport:
    """Suppress the site's report so that neither it nor 'all minus it' shows a small number."""
    tables = list(site_report.tables)
    relations = list(site_report.relations)
    full = {t.id: t for t in all_sites.tables}
    for table in site_report.tables:
        other = full.get(table.id)
        if other is None:
            continue
        rest_rows = []
        mine = {(r.split, r.key): r for r in table.rows}
        for row in other.rows:
            own = mine.get((row.split, row.key))
            rest_rows.append(_rest_row(row, own))
            if own is None:
                continue  # the site has none here: the rest is the whole, known already
            for column in (*own.cells, *(["base"] if own.base else [])):
                if column != "base" and column not in row.cells:
                    continue
                ref = (row.split, row.key, column)
                relations.append(
                    Relation(
                        total=(table.id + ALL, *ref),
                        parts=[(table.id, *ref), (table.id + REST, *ref)],
                    )
                )
        tables.append(other.model_copy(update={"id": table.id + ALL}))
        tables.append(other.model_copy(update={"id": table.id + REST, "rows": rest_rows}))
    combined = site_report.model_copy(update={"tables": tables, "relations": relations})
    public = publish(combined)
    kept = [t for t in public.tables if not t.id.endswith((ALL, REST))]
    hidden = sum(
        cell.suppressed
        for t in kept
        for row in t.rows
        for cell in (*row.cells.values(), *([row.base] if row.base else []))
    )
    return public.model_copy(update={"tables": kept, "suppressed_cells": hidden})


def _rest_row(row: Row, own: Row | None) -> Row:
    """All sites' row minus the site's: what a reader of both reports could work out."""

    def minus(cell: Cell, mine: Cell | None) -> Cell:
        if cell.count is None:
            return Cell()
        taken = mine.count if mine is not None and mine.count is not None else 0
        return Cell(count=max(cell.count - taken, 0))

    cells = {
        column: minus(cell, own.cells.get(column) if own else None)
        for column, cell in row.cells.items()
    }
    base = minus(row.base, own.base if own else None) if row.base is not None else None
    return row.model_copy(update={"cells": cells, "base": base})


async def site_reports(
    store: Store, period: Period, site: str, builder: Callable[[Store], ReportBuilder]
) -> tuple[PublicReport, PublicReport]:
    """The site's report for ``period`` and the one before, each published by
    ``publish_site`` against all sites' counts from the same snapshot."""
    before = period.previous()
    async with snapshot(store, before.bounds()[0], period.bounds()[1]) as view:
        everyone = await builder(view).build(period)
        everyone_before = await builder(view).build(before, for_comparison=True)
        await keep_site(view, site)
        mine = await builder(view).build(period)
        mine_before = await builder(view).build(before, for_comparison=True)
    return publish_site(mine, everyone), publish_site(mine_before, everyone_before)
