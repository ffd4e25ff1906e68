"""A reader who keeps every publication as it was published, across retention purges
(attack18d): the ledger is read after each export, before any purge cuts it, and the
true counts of every piece of days come from a copy of the answers no purge touches."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from bot.i18n import load_catalogue
from bot.report.aggregate import ReportBuilder
from bot.report.model import SHARE_KINDS, CellRef
from bot.report.period import Period
from bot.report.themes import load_codebook
from bot.store import Store

scipy_optimize = __import__("scipy.optimize", fromlist=["linprog"])

Span = tuple[date, date]


def counts(report) -> dict[CellRef, int | None]:
    out: dict[CellRef, int | None] = {}
    for table in report.tables:
        for row in table.rows:
            if row.base is not None:
                out[(table.id, row.split, row.key, "base")] = row.base.count
            for col, cell in row.cells.items():
                out[(table.id, row.split, row.key, col)] = cell.count
    return out


class Reader:
    """Everything published, as published: (span, cells, kind), from the ledger rows
    each export added."""

    def __init__(self) -> None:
        self.seen = 0
        self.held: list[tuple[Span, dict[CellRef, int | None], str]] = []
        self.sites: list[tuple[Span, str | None, dict[CellRef, int | None]]] = []
        """Every publication with the site it is for (None: every site), as
        tests/test_report_intruder_sites.py ``_ledger`` gives them."""

    async def take(self, store: Store) -> None:
        for pid, start, end, kind, site in await store.staff_read(
            "SELECT id, period_start, period_end, kind, site FROM publications"
            " WHERE id > ? ORDER BY id",
            (self.seen,),
        ):
            rows = await store.staff_read(
                "SELECT table_id, split, row_key, col, value FROM published_cells"
                " WHERE publication_id = ?",
                (pid,),
            )
            cells = {(r[0], r[1], r[2], r[3]): r[4] for r in rows}
            span = (date.fromisoformat(start), date.fromisoformat(end))
            self.held.append((span, cells, kind))
            self.sites.append((span, site if kind == "site" else None, cells))
            self.seen = pid

    async def attack(
        self, settings, truth: Store, t: int, kinds: tuple[str, ...] = ("report", "trend")
    ) -> dict:
        """Every piece of days whose small count, or hidden published cell whose count,
        what the reader holds pins within less than ``t`` (linear programming, as
        tests/test_report_intruder_periods.py; the pieces counted on ``truth``)."""
        published = [(span, cells) for span, cells, kind in self.held if kind in kinds]
        spans = sorted({span for span, _ in published})
        cuts = sorted({s for s, _ in spans} | {e + timedelta(days=1) for _, e in spans})
        pieces = [
            (lo, hi - timedelta(days=1))
            for lo, hi in itertools.pairwise(cuts)
            if any(s <= lo and hi - timedelta(days=1) <= e for s, e in spans)
        ]
        builder = ReportBuilder(
            truth, settings, load_codebook(settings.flows_dir), load_catalogue()
        )
        zone = settings.reports.timezone
        true = []
        for lo, hi in pieces:
            raw = await builder.build(Period(start=lo, end=hi, label="piece", timezone=zone))
            true.append({ref: value or 0 for ref, value in counts(raw).items()})
        inside = {
            span: [i for i, (lo, hi) in enumerate(pieces) if span[0] <= lo and hi <= span[1]]
            for span in spans
        }
        exposed = {}
        for ref in sorted({ref for _, cells in published for ref in cells}):
            if _withheld(ref, settings):
                continue
            a_eq, b_eq = [], []
            for span, cells in published:
                if cells.get(ref) is not None:
                    a_eq.append([1.0 if i in inside[span] else 0.0 for i in range(len(pieces))])
                    b_eq.append(float(cells[ref]))
            targets = [
                (f"piece {lo}..{hi}", [i], true[i].get(ref, 0))
                for i, (lo, hi) in enumerate(pieces)
                if 0 < true[i].get(ref, 0) < t
            ]
            for span, cells in published:
                actual = sum(true[i].get(ref, 0) for i in inside[span])
                if ref in cells and cells[ref] is None and 0 < actual < t:
                    targets.append((f"hidden in {span[0]}..{span[1]}", inside[span], actual))
            for name, members, actual in targets:
                ends = []
                for sign in (1.0, -1.0):
                    c = [sign if i in members else 0.0 for i in range(len(pieces))]
                    result = scipy_optimize.linprog(
                        c, A_eq=a_eq or None, b_eq=b_eq or None, bounds=(0, None), method="highs"
                    )
                    ends.append(float("inf") if result.status == 3 else sign * result.fun)
                if ends[1] - ends[0] < t - 1e-6:
                    exposed[(ref, name)] = (ends[0], ends[1], actual)
        return exposed


def _withheld(ref: CellRef, settings) -> bool:
    """In ``disclosure.mode: base`` a share table's counts behind its percentages are
    withheld, not protected (tests/test_report_intruder.py ``_withheld``): its rows' n
    and the themes' people stay protected."""
    kind = ref[0].split(":", 1)[0]
    return (
        settings.disclosure.mode == "base"
        and kind in SHARE_KINDS
        and ref[3] not in ("base", "respondents")
    )
