"""Small-number suppression, applied to the model before any rendering.

Primary: a count from 1 to threshold−1 is hidden, and so is every percentage
of it (a percentage and its base give the count back).  A row whose base is
under the threshold is hidden whole.  Zero is shown: it describes no one.

Secondary, across tables: the report declares every relation ``total = part +
part + …`` that holds between its published cells, in one table or across
several (a site is inside its area, each breakdown adds up to the responses,
the open questions' answers add up to the comments, a question's groups and
areas add up to its overall row, the journey to its questions).  A missing row
is a zero the reader knows.  For every relation whose total is shown, the
hidden parts must be at least two and add up to at least the threshold, or
someone could subtract their way to a small number; a hidden total needs a
hidden part.  We hide the smallest other part (a part that is not zero first)
until that holds, and repeat over all relations until nothing changes (hiding
is monotone, so this ends).

Then the relations are taken together: a hidden cell that the shown cells
determine through any chain of relations (solving the linear system, not one
relation at a time) gets another cell hidden beside it, and the rules run
again.  ``tests/test_report_intruder.py`` checks the outcome as an intruder
would: for each hidden cell, the least and greatest value a linear program
allows given everything published.

Percentages: a share is hidden when its count or its base is hidden, since a
share and either one give the other back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from bot.report.model import CellRef, PublicReport, Relation, Report

_P = (1 << 61) - 1
"""A large prime: the linear algebra is exact modulo it, and ±1 systems this small
have the same rank over the rationals (a minor divisible by it would need ~2^61)."""


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

    relations = _relations(report.relations, cells)
    while True:
        _each_relation(relations, hidden, cells, t)
        pinned = _pinned(relations, hidden)
        before = len(hidden)
        for ref in sorted(pinned):
            _hide_beside(ref, relations, hidden, cells)
        if len(hidden) == before:
            # Nothing pinned, or nothing shown left beside what is: hiding more here
            # cannot help, and the loop must end.
            break

    for ref in hidden:
        cell = cells[ref]
        cell["count"] = None
        cell["pct"] = None
        cell["suppressed"] = True
    # A percentage is only as safe as its count, and its base: count ÷ percentage ≈ base.
    for table in data["tables"]:
        for row in table["rows"]:
            base = share_base(table, row)
            base_hidden = base is not None and base in hidden
            for cell in row["cells"].values():
                if cell["count"] is None or base_hidden:
                    cell["pct"] = None
    shown_themes = _themes_shown(data["tables"], t)
    data["quotes"] = quotes_shown(data["quotes"], shown_themes, lambda q: (q["theme"], q["text"]))
    return PublicReport(**data, suppressed_cells=len(hidden))


QUOTES_PER_THEME = 3


Q = TypeVar("Q")


def quotes_shown(quotes: list[Q], shown: set[str], key: Callable[[Q], tuple[str, str]]) -> list[Q]:
    """The first three quotes of each shown theme, leaving out any comment that is also a
    candidate under a theme not shown.

    A comment tagged with a shown theme and a hidden one ("judged at the chemist": staff,
    stigma, pharmacy) comes from the few people who raised the hidden theme: quoted
    under the shown theme, it says the hidden count is not zero and gives the words of
    someone in that small group.  The report holds every candidate (up to
    ``QUOTE_CANDIDATES`` a theme), so a small theme's comments are all seen here.
    """
    from_hidden = {key(q)[1] for q in quotes if key(q)[0] not in shown}
    kept: dict[str, int] = {}
    out = []
    for quote in quotes:
        theme, text = key(quote)
        if theme in shown and text not in from_hidden and kept.get(theme, 0) < QUOTES_PER_THEME:
            kept[theme] = kept.get(theme, 0) + 1
            out.append(quote)
    return out


def share_base(table: dict[str, Any], row: dict[str, Any]) -> CellRef | None:
    """The cell a row's percentages are a share of, as the method note says."""
    if row["base"] is not None:
        return (table["id"], row["split"], row["key"], "base")
    if table["kind"] == "breakdown":
        return ("headline", "overall", "all", "base")
    if table["kind"] == "languages" and row["key"] != "all":
        # Comments by language, offered or not, are shares of all comments.
        return ("comment_languages", "overall", "all", "comments")
    return None


def _relations(declared: list[Relation], cells: dict[CellRef, Any]) -> list[Relation]:
    """The relations over cells the report has; a part with no row is a known zero."""
    out = []
    for rel in declared:
        if rel.total not in cells:
            continue
        parts = [p for p in rel.parts if p in cells]
        out.append(Relation(total=rel.total, parts=parts))
    return out


def _each_relation(
    relations: list[Relation], hidden: set[CellRef], cells: dict[CellRef, Any], t: int
) -> None:
    """Make each relation safe on its own, over and over until nothing changes."""
    changed = True
    while changed:
        changed = False
        for rel in relations:
            if rel.total in hidden:
                # A hidden total is safe only while at least one part is hidden too.
                if rel.parts and not any(p in hidden for p in rel.parts):
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


def _hide_smallest(
    parts: list[CellRef], hidden: set[CellRef], cells: dict[CellRef, dict[str, Any]]
) -> bool:
    """Hide the smallest shown part, preferring one that is not zero; False if none is left."""
    shown = [p for p in parts if p not in hidden]
    if not shown:
        return False
    shown.sort(key=lambda p: ((cells[p]["count"] or 0) == 0, cells[p]["count"] or 0, p))
    hidden.add(shown[0])
    return True


def _hide_beside(
    ref: CellRef,
    relations: list[Relation],
    hidden: set[CellRef],
    cells: dict[CellRef, dict[str, Any]],
) -> None:
    """A pinned cell: hide the smallest shown cell it shares a relation with."""
    candidates = set()
    for rel in relations:
        members = [rel.total, *rel.parts]
        if ref in members:
            candidates.update(m for m in members if m not in hidden)
    if not candidates:
        return
    pick = min(candidates, key=lambda p: ((cells[p]["count"] or 0) == 0, cells[p]["count"] or 0, p))
    hidden.add(pick)


def _pinned(relations: list[Relation], hidden: set[CellRef]) -> set[CellRef]:
    """Hidden cells the shown ones determine, through all the relations at once.

    Each relation, with shown cells moved to the constant side, is a linear
    equation in the hidden cells.  A hidden cell is determined exactly when its
    unit vector lies in the span of those equations: in the reduced row echelon
    form, it is a pivot whose row has nothing else in it.
    """
    index: dict[CellRef, int] = {}
    equations: list[dict[int, int]] = []
    for rel in relations:
        row: dict[int, int] = {}
        for ref, sign in [(rel.total, 1), *((p, -1) for p in rel.parts)]:
            if ref in hidden:
                i = index.setdefault(ref, len(index))
                row[i] = (row.get(i, 0) + sign) % _P
        row = {k: v for k, v in row.items() if v}
        if row:
            equations.append(row)
    pivots: dict[int, dict[int, int]] = {}
    for eq in equations:
        row = dict(eq)
        # Clear every pivot column from it (pivot rows hold no other pivot column,
        # so clearing one never brings another back).
        for col in [k for k in row if k in pivots]:
            factor = row.get(col)
            if not factor:
                continue
            for k, v in pivots[col].items():
                row[k] = (row.get(k, 0) - factor * v) % _P
                if not row[k]:
                    del row[k]
        if not row:
            continue
        lead = min(row)
        inverse = pow(row[lead], _P - 2, _P)
        row = {k: v * inverse % _P for k, v in row.items()}
        # Keep the form reduced: clear the new pivot from the rows already held.
        for other in pivots.values():
            factor = other.get(lead)
            if factor:
                for k, v in row.items():
                    other[k] = (other.get(k, 0) - factor * v) % _P
                    if not other[k]:
                        del other[k]
        pivots[lead] = row
    names = {i: ref for ref, i in index.items()}
    return {names[lead] for lead, row in pivots.items() if len(row) == 1}


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
