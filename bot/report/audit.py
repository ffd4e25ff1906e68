"""The intruder's bound on each hidden cell, worked out before anything is published.

The relations between published cells (``total = part + part + …``) are linear
equations; with the shown cells moved to the constant side they constrain the
hidden ones, and every count is at least zero.  A hidden cell is safe when the
least and the greatest value those constraints allow are at least the threshold
apart.  Solving equations (``suppress._pinned``) finds cells determined exactly;
this finds the rest of the danger: within one five-point question, top two,
bottom two, the row's n and the groups' sums can each leave two or three cells
hidden and still, together and with nothing below zero, hold a hidden cell
between 1 and 3.

Two linear programs per hidden cell (HiGHS, through highspy) would be exact and slow, so
each component of the equations keeps the solutions it has seen (the true
counts first): a cell whose values across those already differ by the threshold
needs no program, and each program's answer, a vertex of the feasible set,
usually settles several other cells at once.  The reader is assumed to know
every unpublished rest of a relation (responses in an area that named no site),
the worst case, as ``Relation`` says.

Percentages add nothing here: one is shown only when its count and base are.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping
from functools import partial

import highspy
import numpy as np

from bot.report.memo import answer
from bot.report.model import CellRef, Relation

_EPS = 1e-6
_ROUNDS = 8


def narrowed(
    relations: Iterable[Relation],
    hidden: set[CellRef],
    counts: Mapping[CellRef, int],
    t: int,
    seen: dict[object, list[CellRef]] | None = None,
    matters: Callable[[CellRef], bool] | None = None,
    near: set[CellRef] | None = None,
) -> list[CellRef]:
    """Hidden cells whose feasible range, given everything shown, is under ``t`` wide.

    ``seen``: answers for components already audited, kept by the caller between
    rounds of hiding: a component no new hidden cell touched needs no new programs.
    ``matters``: the hidden cells worth an answer (others only constrain); a component
    with none of them needs no program.
    ``near``: if given, only components with an equation from a relation that has one
    of these cells in it, shown or hidden, are audited."""
    seen = {} if seen is None else seen
    wanted = matters or (lambda _ref: True)
    equations: list[dict[CellRef, int]] = []
    marked: set[int] = set()
    for rel in relations:
        line = equation(rel, hidden)
        if line:
            equations.append(line)
            if near is not None and (rel.total in near or any(p in near for p in rel.parts)):
                marked.add(id(line))
    out: list[CellRef] = []
    for variables, lines in components(equations):
        if near is not None and not any(id(line) in marked for line in lines):
            continue
        if not any(wanted(ref) for ref in variables):
            continue
        key = (
            t,
            tuple((ref, counts.get(ref, 0)) for ref in variables),
            tuple(tuple(line.items()) for line in lines),
        )
        if key not in seen:
            seen[key] = answer(
                "narrowed", key, variables, partial(_narrow_component, variables, lines, counts, t)
            )
        out += [ref for ref in seen[key] if wanted(ref)]
    return sorted(out)


def equation(rel: Relation, hidden: set[CellRef]) -> dict[CellRef, int] | None:
    """``rel`` as a linear equation in its hidden cells (the shown ones moved to the
    constant side): each hidden cell's coefficient, the total's first, then the parts'
    in order; None if no hidden cell is left in it."""
    total, parts = rel.total, rel.parts
    if total in hidden:
        line = {total: 1}
    elif hidden.isdisjoint(parts):
        return None
    else:
        line = {}
    for part in parts:
        if part in hidden:
            line[part] = line.get(part, 0) - 1
    if 0 in line.values():
        line = {ref: coef for ref, coef in line.items() if coef}
    return line or None


def components(
    equations: list[dict[CellRef, int]],
) -> list[tuple[list[CellRef], list[dict[CellRef, int]]]]:
    """The equations grouped by the hidden cells they share (union-find), with those cells.

    Cells in different components cannot tell anything about each other, so each component
    is solved alone: suppression's exact check and the audit's narrowing both rely on it.
    Each component's cells are sorted, its equations in their order, and the components
    in the order of their first cell."""
    index: dict[CellRef, int] = {}
    parent: list[int] = []

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for line in equations:
        first = -1
        for ref in line:
            i = index.get(ref)
            if i is None:
                i = index[ref] = len(parent)
                parent.append(i)
            other = root(i)
            if first < 0:
                first = other
            elif other != first:
                parent[other] = first
    groups: dict[int, tuple[list[CellRef], list[dict[CellRef, int]]]] = {}
    for ref, i in index.items():
        groups.setdefault(root(i), ([], []))[0].append(ref)
    for line in equations:
        groups[root(index[next(iter(line))])][1].append(line)
    for refs, _ in groups.values():
        refs.sort()
    return sorted(groups.values(), key=lambda group: group[0][0])


def _narrow_component(
    variables: list[CellRef],
    lines: list[dict[CellRef, int]],
    counts: Mapping[CellRef, int],
    t: int,
) -> list[CellRef]:
    if len(lines) == 1:
        return _narrow_one(lines[0], counts, t)
    n = len(variables)
    index = {ref: i for i, ref in enumerate(variables)}
    true = np.array([float(counts.get(ref, 0)) for ref in variables])
    data, rows, cols = [], [], []
    for r, line in enumerate(lines):
        for ref, coef in line.items():
            rows.append(r)
            cols.append(index[ref])
            data.append(float(coef))
    order = np.lexsort((rows, cols))
    col_of = np.asarray(cols, dtype=np.int64)[order]
    row_of = np.asarray(rows, dtype=np.int32)[order]
    value_of = np.asarray(data, dtype=np.float64)[order]
    b = np.zeros(len(lines))
    np.add.at(b, row_of, value_of * true[col_of])
    highs = _highs()
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = n, len(lines)
    lp.col_cost_ = np.zeros(n)
    lp.col_lower_ = np.zeros(n)
    # A ceiling no count reaches, so every program has an optimum (an unbounded one
    # gives no vertex to learn from); a cell that reaches it is as wide as can be.
    lp.col_upper_ = np.full(n, float(max(true.max(initial=0), 0) + 2 * t))
    lp.row_lower_ = lp.row_upper_ = b
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = np.searchsorted(col_of, np.arange(n + 1)).astype(np.int32)
    lp.a_matrix_.index_ = row_of
    lp.a_matrix_.value_ = value_of
    highs.passModel(lp)
    columns = np.arange(n, dtype=np.int32)
    lo, hi = true.copy(), true.copy()

    def solve(objective: np.ndarray) -> None:
        """One vertex of the feasible set, to widen what we have seen.

        The model stays loaded and only the objective changes, so each program
        starts from the last one's basis (a few pivots, not a fresh solve)."""
        highs.changeColsCost(n, columns, objective)
        highs.run()
        if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return  # cannot happen (the true counts are feasible); learn nothing
        x = np.asarray(highs.getSolution().col_value)
        np.minimum(lo, x, out=lo)
        np.maximum(hi, x, out=hi)

    def narrow() -> np.ndarray:
        return hi - lo < t - _EPS

    # First push the cells still narrow all at once, each towards the side it has been
    # seen least far on (random where even), then all the other way: a vertex of each
    # settles many of them, for a few programs instead of two per cell.  Seeded, so
    # the same counts always hide the same cells.
    rng = np.random.default_rng(n)
    left = int(narrow().sum())
    for _ in range(_ROUNDS):
        if left <= 2:
            break
        open_ = narrow()
        room = (hi - true) - (true - lo)
        signs = np.where(room > 0, 1.0, np.where(room < 0, -1.0, rng.choice((-1.0, 1.0), n)))
        for direction in (1.0, -1.0):
            solve(np.where(open_, direction * signs, 0.0))
        now = int(narrow().sum())
        if now > 0.8 * left:
            break
        left = now
    out = []
    for i in np.flatnonzero(narrow()):
        for sign in (-1.0, 1.0):  # the greatest value first: it is usually the far end
            if hi[i] - lo[i] >= t - _EPS:
                break
            objective = np.zeros(n)
            objective[i] = sign
            solve(objective)
        if hi[i] - lo[i] < t - _EPS:
            out.append(variables[i])
    return out


def _narrow_one(line: dict[CellRef, int], counts: Mapping[CellRef, int], t: int) -> list[CellRef]:
    """One equation, solved by hand: with every sign alike (hidden parts of a shown
    total, say) each cell lies between 0 and the known sum over its coefficient; with
    both signs (a hidden total and its hidden parts) nothing bounds them above."""
    if len({coef > 0 for coef in line.values()}) > 1:
        return []
    known = abs(sum(coef * counts.get(ref, 0) for ref, coef in line.items()))
    return sorted(ref for ref, coef in line.items() if known / abs(coef) < t - _EPS)


_SOLVER: list[highspy.Highs] = []


def _highs() -> highspy.Highs:
    """A quiet HiGHS instance.  The library prints a banner on standard output when the
    first one is made, before any option can turn it off; that once, the output is
    sent to /dev/null at the file-descriptor level."""
    if not _SOLVER:
        sys.stdout.flush()
        saved = os.dup(1)
        try:
            with open(os.devnull, "wb") as null:
                os.dup2(null.fileno(), 1)
                first = highspy.Highs()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        _SOLVER.append(first)
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    return highs
