"""Diverging stacked bar charts as inline SVG, drawn from the public model only.

Disagreement runs left of zero and agreement right, with "neither" split
across the line, so a row's lean reads at a glance.  Sized for the text width
of an A4 page (17 cm) with 9 pt labels; text stays text in the SVG so it
prints sharp and can be searched.
"""

from __future__ import annotations

import io
import re

import matplotlib
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from bot.report.model import PublicReport, Row, Table

# ColorBrewer RdBu, safe for the common colour-vision deficiencies, with a grey middle.
COLOURS = ["#b2182b", "#ef8a62", "#cccccc", "#67a9cf", "#2166ac"]
WIDTH_IN = 6.7
LEGEND = {
    "agree": ["Strongly agree", "Agree", "Neither", "Disagree", "Strongly disagree"],
    "satisfaction": [
        "Very satisfied",
        "Satisfied",
        "Neither",
        "Dissatisfied",
        "Very dissatisfied",
    ],
}
ROW_IN = 0.32

matplotlib.rcParams.update(
    {
        "svg.fonttype": "none",
        "font.family": "sans-serif",
        "font.sans-serif": ["Arial", "Liberation Sans", "DejaVu Sans"],
        "font.size": 9,
        "svg.hashsalt": "feedback-bot",
    }
)


def _segments(table: Table, row: Row) -> list[float] | None:
    """Five shares, most negative first; three (negative, neither, positive) if only those show."""
    options = [c for c in table.columns if c not in ("top_two", "bottom_two", "prefer_not")]
    five = [row.cells[o].pct for o in reversed(options)]
    if all(v is not None for v in five):
        return [float(v) for v in five]  # type: ignore[arg-type]
    three = [row.cells[c].pct for c in ("bottom_two", "neither", "top_two")]
    if all(v is not None for v in three):
        bottom, mid, top = (float(v) for v in three)  # type: ignore[arg-type]
        return [0.0, bottom, mid, top, 0.0]
    return None


def _combined(row: Row) -> bool:
    """True when only the top-two / neither / bottom-two shares could be drawn."""
    return any(c.pct is None for k, c in row.cells.items() if k not in _COMBINED)


_COMBINED = {"top_two", "bottom_two", "neither", "prefer_not"}
FOOTNOTE = (
    "† Only % agree (top two), neither and % disagree (bottom two) are drawn: "
    "the finer split is hidden because some numbers are small."
)


def likert_chart(report: PublicReport, table: Table) -> str:
    """One question's rows as an SVG string (no XML prologue), for inlining in HTML."""
    if not isinstance(report, PublicReport):
        raise TypeError("charts are drawn only from a suppressed PublicReport")
    rows = [r for r in table.rows if r.base is not None and r.base.count]
    # A bare Figure, not pyplot: no global state, so charts can be drawn off the event loop.
    fig = Figure(figsize=(WIDTH_IN, 0.7 + ROW_IN * max(len(rows), 1)))
    ax = fig.subplots()
    labels = []
    for y, row in enumerate(rows):
        n = row.base.count if row.base and row.base.count is not None else None
        label = f"{row.label} (n={n})" if n is not None else row.label
        shares = _segments(table, row)
        if shares is not None and shares[0] == shares[4] == 0.0 and _combined(row):
            label += " †"
        labels.append(label)
        if y and row.split != rows[y - 1].split:
            ax.axhline(y - 0.5, color="#999", linewidth=0.6)
        if shares is None:
            ax.text(
                0,
                y,
                "numbers too small to show",
                ha="center",
                va="center",
                color="#444",
                fontsize=8,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
                zorder=3,
            )
            continue
        left = -(shares[0] + shares[1] + shares[2] / 2)
        for share, colour in zip(shares, COLOURS, strict=True):
            if share:
                ax.barh(y, share, left=left, color=colour, height=0.7, edgecolor="white")
                if share >= 8:
                    dark = colour in (COLOURS[0], COLOURS[4])
                    ax.text(
                        left + share / 2,
                        y,
                        f"{share:.0f}",
                        ha="center",
                        va="center",
                        fontsize=8,
                        color="white" if dark else "black",
                    )
            left += share
    ax.set_yticks(range(len(rows)), labels)
    ax.invert_yaxis()
    ax.axvline(0, color="#333", linewidth=0.8)
    ax.set_xlim(-100, 100)
    ax.set_xticks([-100, -50, 0, 50, 100], ["100%", "50%", "0", "50%", "100%"])
    ax.spines[["top", "right", "left"]].set_visible(False)
    ax.tick_params(axis="y", length=0)
    scale = table.scale or "agree"
    names = [LEGEND[scale][i] for i in range(5)]
    handles = [Rectangle((0, 0), 1, 1, color=c) for c in reversed(COLOURS)]
    fig.legend(
        handles,
        names,
        loc="upper center",
        ncol=5,
        frameon=False,
        fontsize=8,
        handlelength=1,
        columnspacing=1,
    )
    top = 1 - 0.3 / (0.7 + ROW_IN * max(len(rows), 1))
    fig.tight_layout(rect=(0, 0, 1, top))
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None})
    svg = buf.getvalue()
    svg = svg[svg.index("<svg") :]
    # Scale with the page instead of a fixed size in points.
    return re.sub(
        r'<svg([^>]*?) width="[^"]+" height="[^"]+"', r'<svg\1 width="100%"', svg, count=1
    )
