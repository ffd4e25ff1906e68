"""The NHS Friends and Family Test: counts per site and mode, and the monthly return.

The FFT is any Likert question on the ``fft`` scale, found from the stored
snapshot of each flow version (never today's flow files), so a question asked
in an old version still counts in its month.  Its six answers are counted
apart: "Don't know" is an answer of its own, in the base of both percentages,
as NHS England counts it.

The monthly return (``feedback-bot fft --month 2026-11``) is for submission to
NHS England and is **not suppressed**: it gives exact counts per site, as the
submission needs.  It is not a publication; the file says so in its first line.
"""

from __future__ import annotations

import csv
import io
import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from bot.config import Settings
from bot.flows import DONT_KNOW, LIKERT_SCALES, LikertStep
from bot.report.model import NOT_STATED
from bot.report.period import Period
from bot.report.tables import pct
from bot.store import Store

ANSWERS = (*LIKERT_SCALES["fft"], DONT_KNOW)
"""The six answers in NHS England's order: very good … very poor, don't know."""
MODES = ("own_device", "peer_assisted", "paper")
SMALL = 5
"""A site with fewer answers than this gets a warning: its percentages swing on one person."""
WHOLE_SERVICE = "all_sites"


def answer_of(score: int | None) -> str:
    """The FFT answer a stored score stands for (the FFT has no 'prefer not to say')."""
    return DONT_KNOW if score is None else ANSWERS[5 - score]


@dataclass(frozen=True)
class FftCount:
    """FFT answers given by sessions with one site, mode and month, with one score."""

    site: str | None
    mode: str
    month: str
    score: int | None
    n: int


async def fft_steps(store: Store) -> list[tuple[str, int, str]]:
    """(flow, version, step) of every stored question on the FFT scale."""
    found = []
    for flow in await store.flow_snapshots():
        for step in flow.steps:
            if isinstance(step, LikertStep) and step.scale == "fft":
                found.append((flow.id, flow.version, step.id))
    return sorted(found)


async def fft_counts(
    store: Store, months: list[Period], steps: list[tuple[str, int, str]] | None = None
) -> list[FftCount]:
    """FFT answers by site, mode, month and score, for sessions begun in ``months``.

    One GROUP BY over the months' sessions and their FFT answers: the months are a
    small table of UTC bounds the sessions are joined to by start time, so each
    month is a range of the ``sessions_by_start`` index.
    """
    steps = await fft_steps(store) if steps is None else steps
    if not steps or not months:
        return []
    bounds = [(m.label, *m.bounds()) for m in months]
    month_rows = " UNION ALL ".join("SELECT ?, ?, ?" for _ in bounds)
    step_rows = " UNION ALL ".join("SELECT ?, ?, ?" for _ in steps)
    sql = (
        f"WITH m(label, lo, hi) AS ({month_rows}), f(flow_id, version, step_id) AS ({step_rows})"
        " SELECT s.site, s.mode, m.label, a.score, count(*)"
        " FROM m JOIN sessions s ON s.started_at >= m.lo AND s.started_at < m.hi"
        " CROSS JOIN answers a ON a.session_id = s.id"
        " WHERE a.kind = 'likert' AND EXISTS (SELECT 1 FROM f WHERE f.flow_id = s.flow_id"
        "  AND f.version = s.flow_version AND f.step_id = a.step_id)"
        " GROUP BY 1, 2, 3, 4"
    )
    args = [v for row in bounds for v in row] + [v for row in steps for v in row]
    return [FftCount(*row) for row in await store.staff_read(sql, args)]


class ReturnRow(BaseModel):
    """One line of the monthly return: a site, or the whole service."""

    site: str
    ods_code: str
    month: str
    very_good: int
    good: int
    neither_good_nor_poor: int
    poor: int
    very_poor: int
    dont_know: int
    total: int
    pct_positive: int | None
    """(very good + good) of all answers, Don't know included; whole percent, half up."""
    pct_negative: int | None
    """(poor + very poor) of all answers, Don't know included."""
    own_device: int
    peer_assisted: int
    paper: int


def return_rows(counts: list[FftCount], settings: Settings, month: Period) -> list[ReturnRow]:
    """Every configured site (zeros included), any other site seen in the answers, the
    answers that named no site, then the whole service."""
    by_site: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for c in counts:
        if c.month != month.label:
            continue
        for key in (c.site or NOT_STATED, WHOLE_SERVICE):
            by_site[key][answer_of(c.score)] += c.n
            by_site[key][c.mode] += c.n
    order = [s.id for s in settings.sites]
    order += sorted(k for k in by_site if k not in order and k not in (NOT_STATED, WHOLE_SERVICE))
    if NOT_STATED in by_site:
        order.append(NOT_STATED)
    order.append(WHOLE_SERVICE)
    rows = []
    for key in order:
        got = by_site[key]
        total = sum(got[a] for a in ANSWERS)
        site = settings.site(key) if key not in (NOT_STATED, WHOLE_SERVICE) else None
        rows.append(
            ReturnRow(
                site=key,
                ods_code=(site.ods_code or "") if site else "",
                month=month.label,
                very_good=got["very_good"],
                good=got["good"],
                neither_good_nor_poor=got["neither"],
                poor=got["poor"],
                very_poor=got["very_poor"],
                dont_know=got[DONT_KNOW],
                total=total,
                pct_positive=pct(got["very_good"] + got["good"], total),
                pct_negative=pct(got["poor"] + got["very_poor"], total),
                own_device=got["own_device"],
                peer_assisted=got["peer_assisted"],
                paper=got["paper"],
            )
        )
    return rows


def return_csv(rows: list[ReturnRow], month: Period) -> str:
    """The return as CSV, after one comment line that says what it is and is not."""
    buf = io.StringIO()
    buf.write(
        f"# NHS Friends and Family Test monthly return, {month.describe()}. NOT SUPPRESSED:"
        " exact counts for submission to NHS England; do not publish or share this file."
        " Percentages are whole percent of all answers, Don't know included."
        f" {NOT_STATED}: answers that named no site; {WHOLE_SERVICE}: the whole service.\n"
    )
    writer = csv.DictWriter(buf, fieldnames=list(ReturnRow.model_fields), lineterminator="\n")
    writer.writeheader()
    writer.writerows(r.model_dump() for r in rows)
    return buf.getvalue()


def small_sites(rows: list[ReturnRow]) -> list[ReturnRow]:
    """Sites (not the 'no site' line, not the whole service) with fewer than SMALL answers."""
    return [r for r in rows if r.site not in (NOT_STATED, WHOLE_SERVICE) and r.total < SMALL]


def write_atomically(path: Path, text: str) -> None:
    """Write beside ``path`` and rename: a full disk leaves no half-written return."""
    part = path.with_name(f".{path.name}.part")
    try:
        # Owner-only: these are exact, unsuppressed counts.
        descriptor = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(descriptor, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
