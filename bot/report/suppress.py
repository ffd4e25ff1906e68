"""Small-number suppression, applied to the model before any rendering.

Primary: a count from 1 to threshold−1 is hidden, and so is every percentage
of it (a percentage and its base give the count back).  A row whose base is
under the threshold is hidden whole.  Zero is shown: it describes no one.

Secondary: for every relation ``total = part + part + …`` whose total is
shown, the hidden parts must be at least two and add up to at least the
threshold, or someone could subtract their way to a small number.  We hide
the smallest other part until that holds, and repeat over all relations until
nothing changes (hiding is monotone, so this ends).

Limit: each relation is made safe on its own; combinations of several
relations (the linear-programming attack) are not searched.
"""

from __future__ import annotations

from typing import Any

from bot.report.model import CellRef, PublicReport, Report


def publish(report: Report) -> PublicReport:
    t = report.threshold
    # Work on a plain copy (the raw report is left as it was): a dump is far
    # cheaper than a deep copy of the models, and is validated once at the end.
    data = report.model_dump(exclude={"relations"})
    cells: dict[CellRef, dict[str, Any]] = {}
    rows: dict[CellRef, dict[str, Any]] = {}
    for table in data["tables"]:
        for row in table["rows"]:
            if row["base"] is not None:
                cells[(table["id"], row["split"], row["key"], "base")] = row["base"]
            for column, cell in row["cells"].items():
                ref = (table["id"], row["split"], row["key"], column)
                cells[ref] = cell
                rows[ref] = row

    hidden: set[CellRef] = set()
    for ref, cell in cells.items():
        if cell["count"] is not None and 0 < cell["count"] < t:
            hidden.add(ref)
    for ref, row in rows.items():
        base = row["base"]
        if base is not None and base["count"] is not None and 0 < base["count"] < t:
            hidden.add(ref)

    relations = [
        r for r in report.relations if r.total in cells and all(p in cells for p in r.parts)
    ]
    changed = True
    while changed:
        changed = False
        for rel in relations:
            if rel.total in hidden:
                # A hidden total is safe only while at least one part is hidden too.
                if not any(p in hidden for p in rel.parts):
                    changed |= _hide_smallest(rel.parts, hidden, cells)
                continue
            secret = [p for p in rel.parts if p in hidden]
            if not secret:
                continue
            total_hidden = sum(cells[p]["count"] or 0 for p in secret)
            if len(secret) >= 2 and total_hidden >= t:
                continue
            if not _hide_smallest(rel.parts, hidden, cells):
                hidden.add(rel.total)
                changed = True
            else:
                changed = True

    for ref in hidden:
        cell = cells[ref]
        cell["count"] = None
        cell["pct"] = None
        cell["suppressed"] = True
    # A percentage is only as safe as its count, and its base: count ÷ percentage ≈ base.
    for table in data["tables"]:
        for row in table["rows"]:
            base_hidden = row["base"] is not None and row["base"]["suppressed"]
            for cell in row["cells"].values():
                if cell["count"] is None or base_hidden:
                    cell["pct"] = None
    shown_themes = _themes_shown(data["tables"], t)
    data["quotes"] = [q for q in data["quotes"] if q["theme"] in shown_themes]
    return PublicReport(**data, suppressed_cells=len(hidden))


def _hide_smallest(
    parts: list[CellRef], hidden: set[CellRef], cells: dict[CellRef, dict[str, Any]]
) -> bool:
    """Hide the smallest shown part, preferring one that is not zero; False if none is left."""
    shown = [p for p in parts if p not in hidden]
    if not shown:
        return False
    shown.sort(key=lambda p: ((cells[p]["count"] or 0) == 0, cells[p]["count"] or 0))
    hidden.add(shown[0])
    return True


def _themes_shown(tables: list[dict[str, Any]], t: int) -> set[str]:
    """Themes mentioned by at least ``t`` respondents: only their quotes may be shown."""
    table = next((tb for tb in tables if tb["id"] == "themes"), None)
    if table is None:
        return set()
    return {
        row["key"]
        for row in table["rows"]
        if (cell := row["cells"].get("respondents"))
        and cell["count"] is not None
        and cell["count"] >= t
    }
