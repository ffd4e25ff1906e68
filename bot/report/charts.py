"""Diverging stacked bar charts as inline SVG, drawn from the public model only.

Disagreement runs left of zero and agreement right, with "neither" split
across the line, so a row's lean reads at a glance.  Sized for the text width
of an A4 page (17 cm) with 9 pt labels; text stays text in the SVG so it
prints sharp and can be searched, and a ``<title>`` and ``<desc>`` give screen
readers the same numbers in words.

The SVG is written by hand: a chart is a few dozen rectangles and labels, and
drawing it with a plotting library cost about 150 ms a chart (most of a
weekly export) for the same picture.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from html import escape

from bot.report.model import PublicReport, Row, Table

# ColorBrewer RdBu, safe for the common colour-vision deficiencies, with a grey middle.
COLOURS = ["#b2182b", "#ef8a62", "#cccccc", "#67a9cf", "#2166ac"]
LEGEND = {
    "agree": ["Strongly agree", "Agree", "Neither", "Disagree", "Strongly disagree"],
    "satisfaction": [
        "Very satisfied",
        "Satisfied",
        "Neither",
        "Dissatisfied",
        "Very dissatisfied",
    ],
    "fft": ["Very good", "Good", "Neither", "Poor", "Very poor"],
}
FOOTNOTE = (
    "† Only % agree (top two), neither and % disagree (bottom two) are drawn: "
    "the finer split is hidden because some numbers are small."
)
TOO_SMALL = "numbers too small to show"

# Geometry in points (1/72 in): 6.7 in is the text width of A4 with 2 cm margins.
WIDTH = 482.4
ROW = 23.0
BAR = 0.7 * ROW
LEGEND_BAND = 24.0
AXIS_BAND = 26.0
PAD = 6.0
LABEL_PT = 9.0
SMALL_PT = 8.0
FONT = "Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"

# Advance widths of Helvetica (Arial and Liberation Sans share them), per 1000 em,
# for printable ASCII: enough to size the label column without a font library.
_ASCII_WIDTHS = (
    "278 278 355 556 556 889 667 222 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556"
    " 556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556"
    " 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 222 556 556 500"
    " 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 500 500 500"
    " 334 260 334 584"
)
_WIDTHS = {chr(32 + i): int(w) for i, w in enumerate(_ASCII_WIDTHS.split())}


def text_width(text: str, size: float) -> float:
    """Estimated width of ``text`` at ``size`` points; generous for letters outside ASCII."""
    total = 0
    for ch in text:
        width = _WIDTHS.get(ch)
        if width is None:
            width = 1000 if unicodedata.east_asian_width(ch) in "WF" else 600
        total += width
    return total * size / 1000


def _segments(table: Table, row: Row) -> list[float] | None:
    """Five shares, most negative first; three (negative, neither, positive) if only those show."""
    options = [
        c for c in table.columns if c not in ("top_two", "bottom_two", "prefer_not", "dont_know")
    ]
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


_COMBINED = {"top_two", "bottom_two", "neither", "prefer_not", "dont_know"}


def _fmt(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _text(x: float, y: float, text: str, size: float, anchor: str, fill: str = "#000") -> str:
    """``y`` is the middle of the line: the baseline sits about a third of the size below."""
    return (
        f'<text x="{_fmt(x)}" y="{_fmt(y + 0.35 * size)}" font-size="{_fmt(size)}" '
        f'text-anchor="{anchor}" fill="{fill}">{escape(text)}</text>'
    )


def _wrap(label: str, width: float) -> list[str]:
    """At most two lines that fit ``width``; a long name ends in … but keeps its (n=…) †."""
    if text_width(label, LABEL_PT) <= width:
        return [label]
    name, suffix = label, ""
    if found := _SUFFIX.search(label):
        name, suffix = label[: found.start()], found.group()
    words = name.split(" ")
    first = words[0]
    rest = words[1:]
    while rest and text_width(f"{first} {rest[0]}", LABEL_PT) <= width:
        first = f"{first} {rest.pop(0)}"
    if not rest:
        return [_cut(first, width), suffix.strip()] if suffix else [_cut(first, width)]
    second = _cut(" ".join(rest), width - text_width(suffix, LABEL_PT)) + suffix
    return [_cut(first, width), second]


_SUFFIX = re.compile(r" \(n=[\d,]+\)(?: †)?$")


def _cut(line: str, width: float) -> str:
    """``line``, ending in … where it must be shortened to fit ``width``."""
    while len(line) > 1 and text_width(line, LABEL_PT) > width:
        line = line[:-2] + "…"
    return line


def _row_label(row: Row, shares: list[float] | None) -> str:
    n = row.base.count if row.base and row.base.count is not None else None
    label = f"{row.label} (n={n})" if n is not None else row.label
    if shares is not None and shares[0] == shares[4] == 0.0 and _combined(row):
        label += " †"
    return label


def _describe(table: Table, rows: list[Row], labels: list[str]) -> str:
    """The chart in words, for screen readers: every row's shares, as drawn."""
    names = [n.lower() for n in LEGEND[table.scale or "agree"]]
    parts = [
        "Bars for each group of respondents: disagreement left of the centre line, agreement right."
    ]
    for row, label in zip(rows, labels, strict=True):
        shares = _segments(table, row)
        if shares is None:
            parts.append(f"{label}: {TOO_SMALL}.")
        elif shares[0] == shares[4] == 0.0 and _combined(row):
            parts.append(
                f"{label}: {names[0]} or {names[1]} {shares[3]:.0f}%, {names[2]} "
                f"{shares[2]:.0f}%, {names[3]} or {names[4]} {shares[1]:.0f}%."
            )
        else:
            said = ", ".join(f"{n} {s:.0f}%" for n, s in zip(names, reversed(shares), strict=True))
            parts.append(f"{label}: {said}.")
    return " ".join(parts)


def likert_chart(report: PublicReport, table: Table) -> str:
    """One question's rows as an SVG string (no XML prologue), for inlining in HTML."""
    if not isinstance(report, PublicReport):
        raise TypeError("charts are drawn only from a suppressed PublicReport")
    rows = [r for r in table.rows if r.base is not None and r.base.count]
    shares = [_segments(table, r) for r in rows]
    labels = [_row_label(r, s) for r, s in zip(rows, shares, strict=True)]
    label_w = min(max([text_width(t, LABEL_PT) for t in labels] + [40.0]), 0.4 * WIDTH)
    left = PAD + label_w + PAD
    right = WIDTH - PAD - text_width("100%", LABEL_PT) / 2
    scale = (right - left) / 200

    def x(value: float) -> float:
        return left + (value + 100) * scale

    top = LEGEND_BAND
    bottom = top + ROW * max(len(rows), 1)
    height = bottom + AXIS_BAND
    chart_id = "chart-" + re.sub(r"[^A-Za-z0-9_-]+", "-", table.id)
    out = [
        # No xmlns: inline in HTML the parser puts <svg> in its namespace, and the
        # report holds no address of any kind.
        f'<svg viewBox="0 0 {_fmt(WIDTH)} {_fmt(height)}" '
        f'width="100%" role="img" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'font-family="{FONT}">',
        f'<title id="{chart_id}-t">{escape(table.title)}</title>',
        f'<desc id="{chart_id}-d">{escape(_describe(table, rows, labels))}</desc>',
    ]
    out.append(_legend(table.scale or "agree"))
    above: list[str] = []  # drawn over the zero line
    for i, (row, row_shares, label) in enumerate(zip(rows, shares, labels, strict=True)):
        mid = top + ROW * (i + 0.5)
        lines = _wrap(label, label_w)
        for j, line in enumerate(lines):
            offset = (j - (len(lines) - 1) / 2) * LABEL_PT * 1.1
            out.append(_text(left - PAD, mid + offset, line, LABEL_PT, "end"))
        if i and row.split != rows[i - 1].split:
            y = _fmt(top + ROW * i)
            out.append(
                f'<line x1="{_fmt(left)}" y1="{y}" x2="{_fmt(right)}" y2="{y}" '
                'stroke="#999" stroke-width="0.6"/>'
            )
        if row_shares is None:
            w = text_width(TOO_SMALL, SMALL_PT) + 4
            above.append(
                f'<rect x="{_fmt(x(0) - w / 2)}" y="{_fmt(mid - SMALL_PT * 0.7)}" '
                f'width="{_fmt(w)}" height="{_fmt(SMALL_PT * 1.4)}" fill="#fff"/>'
            )
            above.append(_text(x(0), mid, TOO_SMALL, SMALL_PT, "middle", "#444"))
            continue
        start = -(row_shares[0] + row_shares[1] + row_shares[2] / 2)
        for share, colour in zip(row_shares, COLOURS, strict=True):
            if share:
                out.append(
                    f'<rect x="{_fmt(x(start))}" y="{_fmt(mid - BAR / 2)}" '
                    f'width="{_fmt(share * scale)}" height="{_fmt(BAR)}" fill="{colour}" '
                    'stroke="#fff" stroke-width="0.8"/>'
                )
                if share >= 8:
                    dark = colour in (COLOURS[0], COLOURS[4])
                    out.append(
                        _text(
                            x(start + share / 2),
                            mid,
                            f"{share:.0f}",
                            SMALL_PT,
                            "middle",
                            "#fff" if dark else "#000",
                        )
                    )
            start += share
    out.append(_axis(x, top, bottom))
    out.extend(above)
    out.append("</svg>")
    return "".join(out)


def _legend(scale: str) -> str:
    """The five answers, most positive first, centred above the bars."""
    names = LEGEND[scale]
    swatch, gap, spacing = 7.0, 3.0, 10.0
    widths = [swatch + gap + text_width(n, SMALL_PT) for n in names]
    at = (WIDTH - sum(widths) - spacing * (len(names) - 1)) / 2
    y = LEGEND_BAND / 2
    out = []
    for name, colour, w in zip(names, reversed(COLOURS), widths, strict=True):
        out.append(
            f'<rect x="{_fmt(at)}" y="{_fmt(y - swatch / 2)}" width="{_fmt(swatch)}" '
            f'height="{_fmt(swatch)}" fill="{colour}"/>'
        )
        out.append(_text(at + swatch + gap, y, name, SMALL_PT, "start"))
        at += w + spacing
    return "".join(out)


def _axis(x: Callable[[float], float], top: float, bottom: float) -> str:
    """The zero line, the bottom axis and its ticks: 100% either side of zero."""
    out = [
        f'<line x1="{_fmt(x(0))}" y1="{_fmt(top)}" x2="{_fmt(x(0))}" y2="{_fmt(bottom)}" '
        'stroke="#333" stroke-width="0.8"/>',
        f'<line x1="{_fmt(x(-100))}" y1="{_fmt(bottom)}" x2="{_fmt(x(100))}" y2="{_fmt(bottom)}" '
        'stroke="#000" stroke-width="0.8"/>',
    ]
    for value, label in ((-100, "100%"), (-50, "50%"), (0, "0"), (50, "50%"), (100, "100%")):
        at = _fmt(x(value))
        out.append(
            f'<line x1="{at}" y1="{_fmt(bottom)}" x2="{at}" y2="{_fmt(bottom + 3.5)}" '
            'stroke="#000" stroke-width="0.8"/>'
        )
        out.append(_text(x(value), bottom + 3.5 + LABEL_PT * 0.9, label, LABEL_PT, "middle"))
    return "".join(out)
