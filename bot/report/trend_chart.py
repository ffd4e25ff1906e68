"""Small line charts of a trend table as inline SVG, drawn from the public model only.

One point per month at its percentage, with the month and its n written under
it; a hidden percentage leaves a gap in the line (the n says why), so a chart
can never show a number the tables hide.  Sized for half the text width of an
A4 page; ``<title>`` and ``<desc>`` give screen readers every point in words.
"""

from __future__ import annotations

import re
from html import escape

from bot.report.charts import FONT, SMALL_PT, _fmt, _text, text_width
from bot.report.model import Cell, PublicReport, Row, Table

WIDTH = 482.4
PLOT_H = 110.0
TOP = 22.0
LEFT = 34.0
RIGHT = 12.0
BELOW = 30.0
SERIES = {
    "top_two": ("#2166ac", "circle"),
    "bottom_two": ("#b2182b", "square"),
}


def _n(cell: Cell | None) -> str:
    if cell is None or cell.count is None:
        return "n hidden"
    return f"n={cell.count:,}"


def _points(rows: list[Row], column: str) -> list[int | None]:
    return [r.cells[column].pct if column in r.cells else None for r in rows]


def trend_chart(report: PublicReport, table: Table, columns: tuple[str, ...] = ("top_two",)) -> str:
    """The table's months as an SVG line chart (no XML prologue), one line per column."""
    if not isinstance(report, PublicReport):
        raise TypeError("charts are drawn only from a suppressed PublicReport")
    rows = table.rows
    count = max(len(rows), 1)
    step = (WIDTH - LEFT - RIGHT) / count
    bottom = TOP + PLOT_H
    height = bottom + BELOW

    def x(i: int) -> float:
        return LEFT + step * (i + 0.5)

    def y(value: float) -> float:
        return bottom - PLOT_H * value / 100

    chart_id = "trend-" + re.sub(r"[^A-Za-z0-9_-]+", "-", table.id)
    out = [
        f'<svg viewBox="0 0 {_fmt(WIDTH)} {_fmt(height)}" width="100%" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" font-family="{FONT}">',
        f'<title id="{chart_id}-t">{escape(_title(table, columns))}</title>',
        f'<desc id="{chart_id}-d">{escape(describe(table, columns))}</desc>',
    ]
    for value in (0, 50, 100):
        out.append(
            f'<line x1="{_fmt(LEFT)}" y1="{_fmt(y(value))}" x2="{_fmt(WIDTH - RIGHT)}" '
            f'y2="{_fmt(y(value))}" stroke="{"#000" if value == 0 else "#ddd"}" '
            'stroke-width="0.6"/>'
        )
        out.append(_text(LEFT - 4, y(value), f"{value}%", SMALL_PT, "end", "#444"))
    legend_x = LEFT
    for column in columns:
        colour, _ = SERIES[column]
        label = table.labels.get(column, column)
        out.append(
            f'<rect x="{_fmt(legend_x)}" y="{_fmt(TOP / 2 - 3.5)}" width="7" height="7" '
            f'fill="{colour}"/>'
        )
        out.append(_text(legend_x + 10, TOP / 2, label, SMALL_PT, "start"))
        legend_x += 24 + text_width(label, SMALL_PT)
    for column in columns:
        colour, shape = SERIES[column]
        points = _points(rows, column)
        runs: list[list[tuple[float, float]]] = [[]]
        for i, value in enumerate(points):
            if value is None:
                runs.append([])
                continue
            runs[-1].append((x(i), y(value)))
        for run in runs:
            if len(run) > 1:
                path = " ".join(f"{_fmt(px)},{_fmt(py)}" for px, py in run)
                out.append(
                    f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="1.6"/>'
                )
        for i, value in enumerate(points):
            if value is None:
                continue
            px, py = x(i), y(value)
            if shape == "circle":
                out.append(f'<circle cx="{_fmt(px)}" cy="{_fmt(py)}" r="2.6" fill="{colour}"/>')
            else:
                out.append(
                    f'<rect x="{_fmt(px - 2.4)}" y="{_fmt(py - 2.4)}" width="4.8" '
                    f'height="4.8" fill="{colour}"/>'
                )
            if len(columns) == 1 or column == "top_two":
                out.append(_text(px, py - 7, f"{value}%", SMALL_PT - 1, "middle", colour))
    for i, row in enumerate(rows):
        month = row.label.split(" ")
        out.append(_text(x(i), bottom + 8, month[0], SMALL_PT - 1, "middle"))
        out.append(_text(x(i), bottom + 17, _n(row.base), SMALL_PT - 1.5, "middle", "#444"))
        if len(month) > 1 and (i == 0 or rows[i - 1].label.split(" ")[-1] != month[-1]):
            out.append(_text(x(i), bottom + 26, month[-1], SMALL_PT - 1.5, "middle", "#444"))
    out.append("</svg>")
    return "".join(out)


def _title(table: Table, columns: tuple[str, ...]) -> str:
    what = " and ".join(table.labels.get(c, c) for c in columns)
    return f"{table.title}: {what} by month"


def describe(table: Table, columns: tuple[str, ...] = ("top_two",)) -> str:
    """Every month's shares and n in words, as drawn; hidden ones said to be hidden."""
    parts = [f"{_title(table, columns)}, {table.rows[0].label} to {table.rows[-1].label}."]
    for row in table.rows:
        said = []
        for column in columns:
            cell = row.cells.get(column)
            label = table.labels.get(column, column)
            said.append(
                f"{label} hidden" if cell is None or cell.pct is None else f"{label} {cell.pct}%"
            )
        parts.append(f"{row.label}: {', '.join(said)} ({_n(row.base)}).")
    return " ".join(parts)
