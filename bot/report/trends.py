"""Trends by month for every Likert question (and the FFT), and the FFT by site.

A trend table has one row per month: n, and % agree (top two) and % disagree
(bottom two) of it, as the question's own table counts them (the FFT's base
counts "Don't know"; other scales leave "prefer not to say" out).  The FFT
table has one row per site for the report's period: n, % positive, % negative.

Both are raw tables of the ``Report`` with their relations, suppressed by
``suppress.publish`` with everything else: a month inside the report's period
adds up to the question's own table, a site's FFT rows to the whole service.
"""

from __future__ import annotations

from collections import defaultdict

from bot.config import Settings
from bot.flows import LikertStep
from bot.report.fft import FftCount
from bot.report.model import NOT_STATED, Cell, PublicReport, Row, Table
from bot.report.period import Period, whole_months
from bot.report.queries import MonthCount
from bot.report.tables import Labels, Question, TableSet, pct

_COLUMNS = ("top_two", "bottom_two")
REST = "rest"
"""A cell in every trend and FFT-by-site row, not a column shown: the people who answered
neither (and, for the FFT, Don't know), n - top two - bottom two.  A reader can subtract
it from the three figures shown, so it is suppressed like any other count, with
``base = top two + rest + bottom two`` declared for each row."""


def _shares(scores: dict[int | None, int], fft: bool) -> tuple[int, int, int]:
    """(n, top two, bottom two) as the question's own table counts them."""
    base = sum(scores.get(s, 0) for s in range(1, 6)) + (scores.get(None, 0) if fft else 0)
    return base, scores.get(5, 0) + scores.get(4, 0), scores.get(2, 0) + scores.get(1, 0)


def _row(key: str, label: str, split: str, shares: tuple[int, int, int]) -> Row:
    base, top, bottom = shares
    return Row(
        key=key,
        label=label,
        split=split,
        base=Cell(count=base),
        cells={
            "top_two": Cell(count=top, pct=pct(top, base)),
            "bottom_two": Cell(count=bottom, pct=pct(bottom, base)),
            REST: Cell(count=base - top - bottom),
        },
    )


def _relate_rows(b: TableSet, table: Table) -> None:
    """Each row's n is its top two, its rest and its bottom two."""
    for row in table.rows:
        ref = (table.id, row.split, row.key)
        b.relate((*ref, "base"), [(*ref, "top_two"), (*ref, REST), (*ref, "bottom_two")])


def month_label(month: Period) -> str:
    """``Oct 2026``; a month the retention purge reached counts only its days left, and
    says so (``Oct 2026 (from 16 Oct)``, ``bot/report/purged.py``)."""
    if month.start.day != 1:
        return f"{month.start:%b %Y} (from {month.start.day} {month.start:%b})"
    return f"{month.start:%b %Y}"


def trend_tables(
    b: TableSet,
    counts: list[MonthCount],
    questions: dict[tuple[str, str], Question],
    months: list[Period],
    period: Period | None,
) -> None:
    """A trend table per Likert question answered in any of ``months`` (counts already
    keyed to their question variant, as the question tables are).  ``period``: the
    report's, whose question tables the months that make it up add up to (None: none)."""
    scores: dict[tuple[str, str], dict[str, dict[int | None, int]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(int))
    )
    for c in counts:
        scores[(c.flow_id, c.step_id)][c.month][c.score] += c.n
    inside = _months_making(period, months) if period is not None else []
    for key, question in questions.items():
        step = question.step
        if key not in scores or not isinstance(step, LikertStep):
            continue
        fft = step.scale == "fft"
        word, neg = {
            "agree": ("agree", "disagree"),
            "satisfaction": ("satisfied", "dissatisfied"),
            "fft": ("positive", "negative"),
        }[step.scale]
        table_id = f"trend:{key[0]}:{key[1]}"
        rows = [
            _row(m.label, month_label(m), "month", _shares(scores[key][m.label], fft))
            for m in months
        ]
        b.add(
            Table(
                id=table_id,
                kind="trend",
                title=question.text,
                flow_id=key[0],
                question_id=key[1],
                scale=step.scale,
                columns=list(_COLUMNS),
                labels={"top_two": f"% {word}", "bottom_two": f"% {neg}"},
                pct_columns=list(_COLUMNS),
                base_label="n",
                rows=rows,
            )
        )
        _relate_rows(b, b.tables[-1])
        if inside:
            # The months that make up the report's period add up to its question table.
            for col in ("base", *_COLUMNS):
                b.relate(
                    (f"likert:{key[0]}:{key[1]}", "overall", "all", col),
                    [(table_id, "month", m, col) for m in inside],
                )
            if not fft:
                b.relate(
                    (f"likert:{key[0]}:{key[1]}", "overall", "all", "neither"),
                    [(table_id, "month", m, REST) for m in inside],
                )


def _months_making(period: Period, months: list[Period]) -> list[str]:
    """Labels of the trend months that exactly make up ``period``, or none."""
    parts = whole_months(period)
    labels = {m.label for m in months}
    if parts is None or any(p.label not in labels for p in parts):
        return []
    return [p.label for p in parts]


def fft_site_table(
    b: TableSet,
    labels: Labels,
    counts: list[FftCount],
    fft_tables: list[str],
    settings: Settings,
) -> None:
    """The report period's FFT per site: n, % positive, % negative (all answers)."""
    if not counts:
        return
    by_site: dict[str, dict[int | None, int]] = defaultdict(lambda: defaultdict(int))
    for c in counts:
        by_site["all"][c.score] += c.n
        by_site[c.site or NOT_STATED][c.score] += c.n
    sites = labels.order("site", [k for k in by_site if k != "all"])
    rows = [_row("all", "All sites", "overall", _shares(by_site["all"], True))]
    rows += [_row(s, labels.label("site", s), "site", _shares(by_site[s], True)) for s in sites]
    b.add(
        Table(
            id="fft_sites",
            kind="fft",
            title="Friends and Family Test by service or hub",
            scale="fft",
            columns=list(_COLUMNS),
            labels={"top_two": "% positive", "bottom_two": "% negative"},
            pct_columns=list(_COLUMNS),
            base_label="n",
            rows=rows,
        )
    )
    _relate_rows(b, b.tables[-1])
    for col in ("base", *_COLUMNS, REST):
        b.relate(
            ("fft_sites", "overall", "all", col), [("fft_sites", "site", s, col) for s in sites]
        )
        if len(fft_tables) != 1 or col == REST:
            continue
        # One FFT question: its table's overall row is this table's "all sites", and each
        # of its area rows holds the sites in that area (and the answers with no site).
        b.relate((fft_tables[0], "overall", "all", col), [("fft_sites", "overall", "all", col)])
        for area in settings.areas:
            inside = [s.id for s in settings.sites if s.area == area.id and s.id in sites]
            b.relate(
                (fft_tables[0], "area", area.id, col),
                [("fft_sites", "site", s, col) for s in inside],
            )
    if len(fft_tables) == 1:
        # The question's own table shows neither and Don't know apart: together, the rest.
        b.relate(
            ("fft_sites", "overall", "all", REST),
            [(fft_tables[0], "overall", "all", c) for c in ("neither", "dont_know")],
        )


def hide_as_published(current: PublicReport, previous: PublicReport) -> PublicReport:
    """A trend month that is the previous period (shown as 'last period' beside every
    cell) hides whatever that period's own publication hid in the question's overall row.

    The two are published apart, so each is suppressed on its own: without this, a
    share the previous report held back to protect a small group could be read off
    the trend, then set against the groups' 'last period' figures.
    """
    parts = whole_months(previous.period)
    if parts is None or len(parts) != 1:
        return current
    label = parts[0].label
    data = None
    for table in current.tables_of("trend"):
        month_row = table.row(label, "month")
        before = previous.table(f"likert:{table.flow_id}:{table.question_id}")
        old = before.row("all") if before else None
        if month_row is None or old is None:
            continue
        data = data or current.model_dump()
        row = next(
            r
            for t in data["tables"]
            if t["id"] == table.id
            for r in t["rows"]
            if r["key"] == label and r["split"] == "month"
        )
        hidden_base = old.base is None or old.base.count is None
        for column in ("base", *_COLUMNS):
            was = old.base if column == "base" else old.cells.get(column)
            if hidden_base or was is None or was.count is None:
                cell = row["base"] if column == "base" else row["cells"][column]
                if cell["count"] is not None:
                    cell.update(count=None, pct=None, suppressed=True)
                    data["suppressed_cells"] += 1
        if hidden_base:
            for cell in row["cells"].values():
                cell["pct"] = None
    return current if data is None else PublicReport.model_validate(data)
