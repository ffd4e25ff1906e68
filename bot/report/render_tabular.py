"""Analyst formats from the public model: tidy CSV, XLSX, JSON, and short text.

CSV is tidy: one row per statistic, so a spreadsheet pivot or pandas
``read_csv`` needs no reshaping.  A hidden cell keeps its row, with empty
numbers and ``suppressed`` true, so analysts see that something was hidden.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from pydantic import BaseModel

from bot.report.model import HIDDEN, Cell, Equality, PublicReport, Reach, Table, in_words
from bot.report.praise import praise_lines
from bot.report.reach import reach_lines
from bot.report.render_equality import HEADER as EQUALITY_HEADER
from bot.report.render_equality import INTRO, equality_records, equality_text


class ExportRow(BaseModel):
    """One statistic, as a CSV line."""

    period: str
    table: str
    table_title: str
    flow_id: str
    question_id: str
    split: str
    group: str
    group_label: str
    measure: str
    measure_label: str
    count: int | None
    percent: int | None
    base: int | None
    suppressed: bool
    display: str
    previous: int | None
    change: int | None


def _display(cell: Cell, is_pct: bool, threshold: int) -> str:
    if is_pct:
        return "*" if cell.pct is None else f"{cell.pct}%"
    if cell.count is None:
        # Hidden, or withheld behind a share (disclosure mode base): only hidden is marked.
        return HIDDEN if cell.suppressed else ""
    return str(cell.count)


def _guard(report: PublicReport) -> None:
    if not isinstance(report, PublicReport):
        raise TypeError("only a suppressed PublicReport may be exported")


def export_rows(report: PublicReport) -> list[ExportRow]:
    return [ExportRow(**row) for row in _export_dicts(report)]


def _export_dicts(report: PublicReport) -> Iterator[dict[str, Any]]:
    """The fields of each ``ExportRow``, built as plain dicts: the CSV needs no validation."""
    _guard(report)
    t = report.threshold
    for table in report.tables:
        for row in table.rows:
            base = row.base.count if row.base else None
            cells: list[tuple[str, str, Cell]] = []
            if row.base is not None:
                cells.append(("n", table.base_label, row.base))
            cells += [(c, table.labels.get(c, c), row.cells[c]) for c in table.columns]
            for measure, label, cell in cells:
                is_pct = measure in table.pct_columns
                yield {
                    "period": report.period.label,
                    "table": table.id,
                    "table_title": _csv_text(table.title),
                    "flow_id": table.flow_id or "",
                    "question_id": table.question_id or "",
                    "split": row.split,
                    "group": row.key,
                    "group_label": _csv_text(row.label),
                    "measure": measure,
                    "measure_label": _csv_text(label),
                    "count": cell.count,
                    "percent": cell.pct if is_pct else None,
                    "base": base if measure != "n" else None,
                    "suppressed": cell.suppressed or (is_pct and cell.pct is None),
                    "display": _display(cell, is_pct, t),
                    "previous": cell.prev,
                    "change": cell.change,
                }


def to_csv(report: PublicReport) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(ExportRow.model_fields), lineterminator="\n")
    writer.writeheader()
    writer.writerows(_export_dicts(report))
    return buf.getvalue()


def to_json(report: PublicReport) -> str:
    _guard(report)
    return report.model_dump_json(indent=2)


@cache
def json_schema() -> str:
    return json.dumps(PublicReport.model_json_schema(), indent=2)


_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=12)
_BAND = PatternFill("solid", fgColor="F3F5F8")


def _sheet_name(table: Table, used: set[str]) -> str:
    base = {
        "headline": "Headline",
        "journey": "Journey",
        "open": "Open questions",
        "themes": "Themes",
        "languages": "Comment languages",
        "risk": "Risk",
    }.get(table.kind) or table.title
    if table.id == "unoffered_languages":
        base = "Languages not offered"
    if table.kind == "breakdown":
        base = f"By {table.id.removeprefix('by_').replace('_', ' ')}"
    elif table.kind in ("likert", "multi"):
        base = f"{'Q' if table.kind == 'likert' else 'Multi'} {table.question_id}"
    elif table.kind == "trend":
        base = f"Trend {table.question_id}"
    elif table.kind == "fft":
        base = "FFT by site"
    name = re.sub(r"[\[\]:*?/\\]", " ", base)[:31]
    i = 2
    while name in used:
        suffix = f" {i}"
        name = name[: 31 - len(suffix)] + suffix
        i += 1
    used.add(name)
    return name


def write_xlsx(report: PublicReport, path: Path) -> None:
    """A sheet per table, wide: one line per group, a count and a % column per measure.

    Written in openpyxl's write-only mode, which streams rows out instead of
    holding every cell as an object: several times faster for the same file.
    """
    _guard(report)
    t = report.threshold
    book = Workbook(write_only=True)
    used: set[str] = set()
    for table in report.tables:
        sheet = book.create_sheet(_sheet_name(table, used))
        header = ["Split", "Group"]
        has_base = any(r.base is not None for r in table.rows)
        if has_base:
            header.append(table.base_label)
        for c in table.columns:
            header.append(f"{table.labels.get(c, c)} (n)")
            if c in table.pct_columns:
                header.append(f"{table.labels.get(c, c)} (%)")
        for i in range(1, len(header) + 1):
            sheet.column_dimensions[get_column_letter(i)].width = 14 if i > 2 else 28
        sheet.freeze_panes = "C4"
        sheet.append([_styled(sheet, _text(sheet, table.title), _TITLE)])
        sheet.append(
            [
                f"{report.period.describe()}. Hidden: '{HIDDEN}' counts (under {t}, or hidden"
                f" so that one under {t} cannot be worked out), '*' percentages."
            ]
        )
        sheet.append([_styled(sheet, h, _BOLD, _BAND) for h in header])
        for row in table.rows:
            line: list[object] = [row.split, row.label]
            if has_base:
                line.append(_value(row.base, False, t))
            for c in table.columns:
                cell = row.cells[c]
                line.append(_value(cell, False, t))
                if c in table.pct_columns:
                    line.append(_percent(sheet, _value(cell, True, t)))
            sheet.append([_text(sheet, v) for v in line])
    if report.equality is not None:
        _equality_sheet(book, report.equality)
    if report.reach is not None:
        _reach_sheet(book, report.reach)
    method = book.create_sheet("Method")
    method.column_dimensions["A"].width = 120
    from bot.report.render_html import method_note

    for sentence in method_note(report):
        method.append([sentence.replace("&lt;", "<")])
    book.save(path)


def _equality_sheet(book: Workbook, equality: Equality) -> None:
    """The equality tables on a sheet of their own, as in ``equality.csv``: one
    characteristic at a time, already suppressed, nothing joining them to another sheet."""
    sheet = book.create_sheet("Who answered")
    sheet.column_dimensions["C"].width = 40
    sheet.column_dimensions["F"].width = 40
    sheet.append([_styled(sheet, INTRO, _TITLE)])
    sheet.append([equality.note])
    sheet.append([_styled(sheet, h, _BOLD, _BAND) for h in EQUALITY_HEADER])
    for record in equality_records(equality):
        sheet.append([_text(sheet, v) for v in record])


def _reach_sheet(book: Workbook, reach: Reach) -> None:
    """The reach table: flags in words, then one line per site, area and group."""
    sheet = book.create_sheet("Reach")
    sheet.column_dimensions["A"].width = 40
    sheet.append([_styled(sheet, "Who we heard from", _TITLE)])
    for flag in reach.flags or ["No site is flagged."]:
        sheet.append([_text(sheet, flag)])
    if reach.mode == "caseload":
        heads = ["Site or area", "Level", "Responses", "Caseload", "Response rate", "Flag"]
        lines = [
            [r.label, r.level, r.responses, r.caseload, r.rate, "below" if r.flagged else ""]
            for r in reach.rows
        ]
    else:
        heads = ["Site", "Level", "Responses", "Share of responses", "Share of sites", "Flag"]
        lines = [
            [
                r.label,
                r.level,
                r.responses,
                r.share_of_responses,
                r.share_of_sites,
                "below" if r.flagged else "",
            ]
            for r in reach.rows
        ]
    sheet.append([_styled(sheet, h, _BOLD, _BAND) for h in heads])
    for line in lines:
        sheet.append([_text(sheet, v) for v in line])
    sheet.append([reach.note])


def _text(sheet: Any, value: object) -> object:
    """A label that begins like a formula ("=", "+", "-", "@") stays text: a flow or config
    written by someone else must not run in a commissioner's spreadsheet."""
    if not (isinstance(value, str) and value[:1] in _FORMULA_START):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_text(value: str) -> str:
    """The same guard for CSV, the usual way: a leading apostrophe, so a spreadsheet
    shows the text rather than running it."""
    return "'" + value if value[:1] in _FORMULA_START else value


def _styled(
    sheet: Any, value: object, font: Font, fill: PatternFill | None = None
) -> WriteOnlyCell:
    if isinstance(value, SheetCell):
        value.font = font
        if fill is not None:
            value.fill = fill
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = font
    if fill is not None:
        cell.fill = fill
    return cell


def _percent(sheet: Any, value: object) -> object:
    """A fraction shown as a whole percent ("84%", not "0.84"); the cell keeps the
    fraction, so spreadsheet sums and charts still work.  A hidden '*' stays text."""
    if not isinstance(value, float | int):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = "0%"
    return cell


def _value(cell: Cell | None, is_pct: bool, threshold: int) -> object:
    if cell is None:
        return None
    if is_pct:
        return "*" if cell.pct is None else cell.pct / 100
    if cell.count is None:
        return HIDDEN if cell.suppressed else None
    return cell.count


def summary_text(report: PublicReport, top: int = 3) -> str:
    """A short plain-text summary that fits one Telegram message (also the .md file)."""
    _guard(report)
    t = report.threshold
    head = report.table("headline")
    base = head.rows[0].base if head else None
    completed = head.rows[0].cells["completed"] if head else None
    n = "hidden" if base is None or base.count is None else str(base.count)
    lines = [f"*Feedback summary {report.period.label}*", report.period.describe(), ""]
    prev = f" (last period {base.prev})" if base and base.prev is not None else ""
    lines.append(f"Responses: {n}{prev}")
    if completed and completed.pct is not None:
        lines.append(f"Completed: {completed.pct}%")
    fft = report.table("fft_sites")
    everyone = fft.row("all") if fft else None
    if everyone and everyone.base and everyone.base.count:
        shares = [everyone.cells[c].pct for c in ("top_two", "bottom_two")]
        said = [
            f"{p}% {w}"
            for p, w in zip(shares, ("positive", "negative"), strict=True)
            if p is not None
        ]
        if said:
            lines.append(f"Friends and Family Test: {', '.join(said)} (n={everyone.base.count})")
    likert = []
    for table in report.tables_of("likert"):
        row = table.row("all")
        if row and row.cells["top_two"].pct is not None and row.base and row.base.count:
            likert.append((table.title, row.cells["top_two"], table.labels["top_two"], row.base))
    if likert:
        lines += ["", "*Questions*"]
        for title, cell, label, b in likert:
            delta = f", {cell.change:+d} pts" if cell.change is not None else ""
            lines.append(f"- {title.rstrip('.?')}: {cell.pct}%{label[1:]} (n={b.count}{delta})")
    themes = report.table("themes")
    if themes:
        ranked = sorted(
            (r for r in themes.rows if r.cells["respondents"].pct),
            key=lambda r: -(r.cells["respondents"].pct or 0),
        )[:top]
        if ranked:
            lines += ["", "*Top themes in comments*"]
            lines += [f"- {r.label}: {r.cells['respondents'].pct}% of commenters" for r in ranked]
    risk = report.table("risk")
    if risk:
        cell = risk.rows[0].cells["respondents"]
        lines += ["", f"Risk flags: {in_words(cell)} respondents (never quoted)"]
    translated = report.table("by_translation")
    unchecked = translated.row("unreviewed", "translation") if translated else None
    if unchecked is not None:
        people, answers = unchecked.cells["responses"], unchecked.cells["answers"]
        lines.append(
            f"In a translation not yet checked: {in_words(people)} responses,"
            f" {in_words(answers)} answers"
        )
    lines += reach_lines(report.reach)
    lines += praise_lines(report)
    lines += equality_text(report.equality)
    lines += ["", report.disclosure.describe(t)]
    return "\n".join(lines) + "\n"
