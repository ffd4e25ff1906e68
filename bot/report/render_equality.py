"""The equality tables (``bot/report/equality.py``) in each format, apart from the rest.

They arrive suppressed: every count in them may be shown.  Nothing here puts an
equality answer beside a site, a group, another characteristic or a comment.
"""

from __future__ import annotations

import csv
import io
from html import escape

from bot.flows import PREFER_NOT
from bot.report.model import Equality, EqualityTable

INTRO = "Who answered: the optional questions about themselves"


def _lines(table: EqualityTable) -> list[tuple[str, str, int, int]]:
    rows = [(r.key, r.label, r.count, r.pct) for r in table.rows]
    if table.combined is not None:
        c = table.combined
        rows.append((c.key, c.label, c.count, c.pct))
    return rows


def _few(equality: Equality) -> str:
    return f"fewer than {equality.threshold}"


def equality_html(equality: Equality | None) -> str:
    if equality is None:
        return ""
    t = equality.threshold
    parts = [f"<h2>{escape(INTRO)}</h2><p class='lede'>{escape(equality.note)}</p>"]
    for table in equality.tables:
        title = escape(table.title)
        if table.level == "broad":
            title += f" (broad groups only: some detailed categories have fewer than {t})"
        elif table.level == "detailed":
            title += " (2021 Census categories)"
        parts.append(f"<h3>{title}</h3>")
        pnts = _few(equality) if table.prefer_not is None else str(table.prefer_not)
        if table.shared is None:
            parts.append(
                f"<p>{escape(_few(equality).capitalize())} people shared an answer; none is"
                f" shown. Prefer not to say: {pnts}.</p>"
            )
            continue
        rows = "".join(
            f"<tr><td>{escape(label)}</td><td>{n}</td><td>{share}%</td></tr>"
            for _key, label, n, share in _lines(table)
        )
        parts.append(
            f"<table><thead><tr><th>Answer</th><th>People</th><th>% of those who shared"
            f"</th></tr></thead><tbody>{rows}</tbody></table>"
            f"<p class='note'>Shared an answer: {table.shared}. Prefer not to say: {pnts}."
            "</p>"
        )
    return "".join(parts)


HEADER = ["quarter", "table", "table_title", "level", "answer", "label", "count", "percent"]


def equality_records(equality: Equality) -> list[list[str | int]]:
    """One line per count shown (hidden ones as ``<10``), the same in CSV and XLSX."""
    records: list[list[str | int]] = []
    for table in equality.tables:
        lines: list[tuple[str, str, int | None, int | None]] = [
            ("_shared", "Shared an answer", table.shared, None),
            *_lines(table),
            (PREFER_NOT, "Prefer not to say", table.prefer_not, None),
        ]
        for key, label, n, share in lines:
            records.append(
                [
                    equality.quarter,
                    table.id,
                    table.title,
                    table.level or "",
                    key,
                    label,
                    f"<{equality.threshold}" if n is None else n,
                    "" if share is None else share,
                ]
            )
    return records


def equality_csv(equality: Equality) -> str:
    """``equality.csv``: one line per count shown, in a file of its own (no column joins
    it to the report's other tables or to comments; the quarter names its period)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(equality_records(equality))
    return buf.getvalue()


def equality_text(equality: Equality | None) -> list[str]:
    """Lines for the staff summary (summary.md): the headline share of each table."""
    if equality is None:
        return []
    lines = ["", f"*Who answered ({equality.quarter}, optional questions)*"]
    for table in equality.tables:
        if table.shared is None:
            lines.append(f"- {table.title}: {_few(equality)} shared")
            continue
        said = ", ".join(f"{label} {share}%" for _k, label, _n, share in _lines(table))
        lines.append(f"- {table.title} (n={table.shared}): {said}")
    return lines
