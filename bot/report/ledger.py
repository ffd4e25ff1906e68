"""The publication ledger: what every report showed and hid, by period and cell.

A reader may hold every report ever published: this week's, last week's, a
fortnight staff exported with ``--from/--to``, a month, and the same week
exported again after late answers or a /delete.  Each was suppressed, but their
differences were not: a fortnight minus its second week is the first week, two
ranges a day apart differ by that day, and a week re-exported after two more
people answered shows what those two said.

So every all-sites publication is recorded here (period, and per cell the count
shown or ``NULL`` where hidden), and the next one is suppressed together with
every recorded period it overlaps (``bot/report/periods.py``).  So is each month
of a trend table (kind ``trend``: a month is the sum of its weeks,
``bot/report/months.py``), and each report for one site (kind ``site``,
``bot/report/scope.py``).  Counts of groups only: no key, no text, no time of
day, no actor (the audit log says who exported).  Rows go when the answers they
were counted from are purged, and one the purge cuts into keeps only its days left, all
hidden (``bot/report/purged.py``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date

from bot.report.model import CellRef, PublicReport, Report
from bot.report.period import Period
from bot.store import Store

REPORT, TREND, SITE = "report", "trend", "site"
"""Kinds of publication (migration 031): a report for every site; one month of a trend
table, kept as the question tables' overall cells; a report for one site."""


@dataclass
class Publication:
    id: int
    start: date
    end: date
    cells: dict[CellRef, int | None] = field(default_factory=dict)
    """Every cell published: the count shown, or None where it was hidden."""
    kind: str = REPORT
    site: str | None = None

    def overlaps(self, start: date, end: date) -> bool:
        return self.start <= end and start <= self.end


def published_cells(report: PublicReport, raw: Report) -> dict[CellRef, int | None]:
    """What a reader of ``report`` may know, cell by cell: the true count of every cell
    not hidden, or None.

    The true count, not the one shown: a count rounded to 5, or withheld behind a share
    (``disclosure.mode: base``: share × n gives it back), is taken as known exactly.
    The ledger errs towards the reader, and a later report is suppressed accordingly."""
    true: dict[CellRef, int] = {}
    for table in raw.tables:
        for row in table.rows:
            if row.base is not None:
                true[(table.id, row.split, row.key, "base")] = row.base.count or 0
            for column, cell in row.cells.items():
                true[(table.id, row.split, row.key, column)] = cell.count or 0
    out: dict[CellRef, int | None] = {}
    for table in report.tables:
        for row in table.rows:
            entries = [*row.cells.items(), *([("base", row.base)] if row.base else [])]
            for column, cell in entries:
                ref = (table.id, row.split, row.key, column)
                out[ref] = None if cell.suppressed else true.get(ref, 0)
    return out


async def overlapping(
    store: Store, period: Period, kinds: tuple[str, ...] = (REPORT,)
) -> list[Publication]:
    """Publications of ``kinds`` that share a day with ``period``, or with those, and so
    on: every recorded period that subtraction could tie to this one."""
    lo, hi = period.start.isoformat(), period.end.isoformat()
    found: dict[int, tuple[str, str, str, str | None]] = {}
    marks = ", ".join("?" * len(kinds))
    while True:
        rows = await store.staff_read(
            "SELECT id, period_start, period_end, kind, site FROM publications"
            f" WHERE period_start <= ? AND period_end >= ? AND kind IN ({marks})",
            (hi, lo, *kinds),
        )
        new = {row[0]: tuple(row[1:]) for row in rows if row[0] not in found}
        if not new:
            break
        found |= new  # type: ignore[arg-type]
        lo = min(lo, *(v[0] for v in new.values()))
        hi = max(hi, *(v[1] for v in new.values()))
    ids = sorted(found)
    cells: dict[int, dict[CellRef, int | None]] = {pid: {} for pid in ids}
    # Every publication's cells in one read (a few at a time), in the key's order as
    # each publication's alone was read.
    for at in range(0, len(ids), _READ_AT_ONCE):
        some = ids[at : at + _READ_AT_ONCE]
        rows = await store.staff_read(
            "SELECT publication_id, table_id, split, row_key, col, value FROM published_cells"
            f" WHERE publication_id IN ({', '.join('?' * len(some))})"
            " ORDER BY publication_id, table_id, split, row_key, col",
            some,
        )
        for pid, table_id, split, key, col, value in rows:
            cells[pid][(recorded_table_id(table_id), split, key, col)] = value
    out = []
    for pid in ids:
        start, end, kind, site = found[pid]
        publication = Publication(
            pid, date.fromisoformat(start), date.fromisoformat(end), kind=kind, site=site
        )
        publication.cells = cells[pid]
        out.append(publication)
    return out


_READ_AT_ONCE = 500
"""Publications whose cells one read fetches (SQLite allows some thousands of ``?``)."""


def recorded_table_id(recorded: str) -> str:
    """A table id as reports name it now.  A question's later wordings were keyed
    ``step@vN`` before ``@`` came to mean only a copy in the suppression system
    (``bot/report/aggregate.py``, ``_questions``): ``step.vN`` now."""
    head, at, tail = recorded.partition("@v")
    return f"{head}.v{tail}" if at and tail.isdigit() else recorded


class PurgedDuringReport(ValueError):
    """The retention purge deleted some of a report's days while it was being made."""

    def __init__(self, period: str):
        super().__init__(
            f"the retention purge deleted answers of {period} while its report was being"
            " made; nothing was published: export it again for the days left"
        )


@dataclass
class Entry:
    """One publication to record: its period, its cells, its kind (and site)."""

    period: Period
    cells: dict[CellRef, int | None]
    kind: str = REPORT
    site: str | None = None


async def record(
    store: Store,
    period: Period,
    cells: dict[CellRef, int | None],
    earlier: list[Publication],
) -> bool:
    """Add a publication, unless the same period with the same cells is there already
    (the Monday summary sent, then the same week exported: one publication).

    ``earlier``: the publications this one was suppressed against.  If another that
    overlaps was recorded since they were read, nothing is recorded and the answer is
    False: the report must be suppressed again, against that one too."""
    return await record_all(store, [Entry(period, cells)], earlier)


async def record_all(
    store: Store,
    entries: list[Entry],
    earlier: list[Publication],
    kinds: tuple[str, ...] = (REPORT,),
) -> bool:
    """``record`` for several publications made together (a report and its trend
    months), all or none.  ``kinds``: the kinds of publication they were suppressed
    against; one of those kinds recorded meanwhile, overlapping any entry, means False."""
    known = {p.id for p in earlier}
    today = store.clock().date().isoformat()

    def run(conn) -> bool:
        # Take the write lock first, so no other process records between check and insert
        # (the bot and a command-line export share the file).
        if not conn.in_transaction:
            conn.execute("BEGIN IMMEDIATE")
        purged = conn.execute("SELECT day FROM purged_through").fetchone()
        for entry in entries:
            start, end = entry.period.start.isoformat(), entry.period.end.isoformat()
            if purged and start <= purged[0]:
                # The purge came while this was made (``bot/report/purged.py``).
                raise PurgedDuringReport(entry.period.describe())
            if not _overlapping_ids(conn, start, end, kinds) <= known:
                return False
        for entry in entries:
            _insert(conn, entry, today)
        return True

    return await store.atomic(run)


def digest(cells: dict[CellRef, int | None]) -> str:
    """What tells two publications of the same days apart: their cells."""
    return hashlib.sha256(
        json.dumps(sorted((list(k), v) for k, v in cells.items())).encode()
    ).hexdigest()


def _insert(conn, entry: Entry, today: str) -> None:
    start, end = entry.period.start.isoformat(), entry.period.end.isoformat()
    same = conn.execute(
        "SELECT 1 FROM publications WHERE period_start = ? AND period_end = ? AND digest = ?"
        " AND kind = ? AND site IS ?",
        (start, end, digest(entry.cells), entry.kind, entry.site),
    ).fetchone()
    if same:
        return
    pid = conn.execute(
        "INSERT INTO publications (period_start, period_end, published_on, digest, kind, site)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (start, end, today, digest(entry.cells), entry.kind, entry.site),
    ).lastrowid
    conn.executemany(
        "INSERT INTO published_cells (publication_id, table_id, split, row_key, col, value)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(pid, *ref, value) for ref, value in entry.cells.items()],
    )


def _overlapping_ids(conn, start: str, end: str, kinds: tuple[str, ...]) -> set[int]:
    """``overlapping``'s closure, on the writer's connection inside its transaction."""
    lo, hi = start, end
    found: dict[int, tuple[str, str]] = {}
    marks = ", ".join("?" * len(kinds))
    while True:
        rows = conn.execute(
            "SELECT id, period_start, period_end FROM publications"
            f" WHERE period_start <= ? AND period_end >= ? AND kind IN ({marks})",
            (hi, lo, *kinds),
        ).fetchall()
        new = {r[0]: (r[1], r[2]) for r in rows if r[0] not in found}
        if not new:
            return set(found)
        found |= new
        lo = min(lo, *(s for s, _ in new.values()))
        hi = max(hi, *(e for _, e in new.values()))
