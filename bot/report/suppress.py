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
from functools import partial
from typing import Any, TypeVar

from bot.report.audit import components, equation, narrowed
from bot.report.memo import answer
from bot.report.model import SHARE_KINDS, CellRef, PublicReport, Relation, Report
from bot.report.tables import pct

_P = (1 << 61) - 1
"""A large prime: the linear algebra is exact modulo it, and ±1 systems this small
have the same rank over the rationals (a minor divisible by it would need ~2^61)."""


def publish(report: Report) -> PublicReport:
    """The report with every small count, and whatever would give one away, hidden."""
    data, cells, hidden, withheld = primary(report)
    relations = relations_over(report.relations, cells, withheld)
    protect(relations, hidden, cells, report.threshold)
    return apply(data, cells, hidden, report, withheld)


Cells = dict[CellRef, dict[str, Any]]


def primary(report: Report, tag: str = "") -> tuple[dict[str, Any], Cells, set[CellRef], Cells]:
    """A plain copy of the report; its cells by reference (table ids + ``tag``); the cells
    hidden by the primary rule; and the cells whose counts are withheld.

    Primary rule: a count from 1 to threshold−1, and every cell of a row whose base is
    that small.  In ``disclosure.mode: base`` the counts behind a share table's
    percentages are withheld (never published: the share is, if its base is big
    enough), so they take no part in cell suppression; the bases, and every other
    count (with how many people raised each theme), do.  So are a share table's implied
    cells (a cell in a row but not among the table's columns, such as a trend month's
    ``rest``, n minus top two minus bottom two): they are shares too, 100% less the
    shares shown, published as exactly as those are.
    """
    t = report.threshold
    by_base = report.disclosure.mode == "base"
    # Work on a plain copy (the raw report is left as it was): a dump is far
    # cheaper than a deep copy of the models, and is validated once at the end.
    data = report.model_dump(exclude={"relations"})
    cells: Cells = {}
    withheld: Cells = {}
    hidden: set[CellRef] = set()
    for table in data["tables"]:
        by_share = by_base and table["kind"] in SHARE_KINDS
        shown = set(table["columns"])
        for row in table["rows"]:
            shares = set(table["pct_columns"]) | (set(row["cells"]) - shown) if by_share else set()
            base = row["base"]
            small_base = base is not None and base["count"] is not None and 0 < base["count"] < t
            entries = [*row["cells"].items(), *([("base", base)] if base is not None else [])]
            for column, cell in entries:
                ref = (table["id"] + tag, row["split"], row["key"], column)
                if column in shares and not _people_of_a_share(table, column):
                    withheld[ref] = cell
                    continue
                cells[ref] = cell
                count = cell["count"]
                if (small_base and not shares) or (count is not None and 0 < count < t):
                    hidden.add(ref)
    return data, cells, hidden, withheld


def apply(
    data: dict[str, Any],
    cells: Cells,
    hidden: set[CellRef],
    report: Report,
    withheld: Cells | None = None,
) -> PublicReport:
    """The public report: hidden cells emptied, with the percentages they would give away;
    withheld counts dropped, their shares kept where the base allows; counts rounded."""
    t, rules = report.threshold, report.disclosure
    withheld = withheld or {}
    every = {**cells, **withheld}
    true = {ref: cell["count"] for ref, cell in every.items()}
    shown_themes = _themes_shown(data["tables"], hidden, t)
    if rules.rounding:
        # In base mode a row's shares follow min_base: its rounded n must agree.
        agree = partial(
            _agree_with_min_base, data, every, true, withheld, rules.rounding, rules.min_base
        )
        _round(data, every, rules.rounding, agree if rules.mode == "base" else None)
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
            thin = base is not None and (true.get(base) or 0) < rules.min_base
            for column, cell in row["cells"].items():
                ref = (table["id"], row["split"], row["key"], column)
                if ref in withheld:
                    cell["count"] = None
                    if base_hidden or thin:
                        cell["pct"] = None
                        cell["suppressed"] = True
                elif cell["count"] is None or base_hidden:
                    cell["pct"] = None
                elif thin and rules.mode == "base" and _people_of_a_share(table, column):
                    cell["pct"] = None  # base mode's rule for shares; the count stays
    data["praise"] = [
        q
        for q in quotes_shown(data["quotes"], shown_themes, _quote_key, per_theme=PRAISE_MOST)
        if q["theme"] == PRAISE_THEME
    ]
    data["quotes"] = quotes_shown(data["quotes"], shown_themes, _quote_key)
    return PublicReport(**data, suppressed_cells=len(hidden))


def _people_of_a_share(table: dict[str, Any], column: str) -> bool:
    """A share column whose count ``disclosure.mode: base`` still publishes: how many
    people raised a theme ("You said: waiting times (12 people)", "We are still working
    on").  It is a count of people like any other, so it keeps cell suppression, with
    whatever would give a hidden one away (a site's count from all sites' and the
    others'); its share follows base mode's ``min_base``."""
    return table["kind"] == "themes" and column == "respondents"


def _round(
    data: dict[str, Any], every: Cells, to: int, then: Callable[[], None] | None = None
) -> None:
    """Every count to the nearest ``to`` (half up), then percentages from those counts.

    ``then``: runs between the two (``_agree_with_min_base``)."""
    for cell in every.values():
        if cell["count"] is not None:
            cell["count"] = (cell["count"] + to // 2) // to * to
    if then is not None:
        then()
    for table in data["tables"]:
        pct_columns = set(table["pct_columns"])
        for row in table["rows"]:
            base = share_base(table, row)
            of = every.get(base, {}).get("count") if base is not None else None
            for column, cell in row["cells"].items():
                if column in pct_columns and cell["count"] is not None and of is not None:
                    cell["pct"] = pct(cell["count"], of)


def _agree_with_min_base(
    data: dict[str, Any],
    every: Cells,
    true: dict[CellRef, int | None],
    withheld: Cells,
    to: int,
    min_base: int,
) -> None:
    """A rounded n says the same as the shares beside it: under ``min_base`` where they
    are held back, at least ``min_base`` where they are shown.

    Rounded to the nearest 5, a row of 8 or 9 people read "n = 10" with its shares held
    back (they are, for a base under 10): a reader of the rules could not make sense of
    it, and learnt the base was 8 or 9.  Such a base is shown rounded down (5), a
    multiple of ``to`` like every other count; likewise a base the rounding took under
    ``min_base`` while its shares are shown (12 of a ``min_base`` 12 as 10) is rounded up.
    """
    for table in data["tables"]:
        for row in table["rows"]:
            base = share_base(table, row)
            if (
                base is None
                or base not in every
                or not any(
                    (table["id"], row["split"], row["key"], column) in withheld
                    or _people_of_a_share(table, column)
                    for column in row["cells"]
                )
            ):
                continue
            cell = every[base]
            if cell["count"] is None:
                continue
            thin = (true.get(base) or 0) < min_base
            if thin and cell["count"] >= min_base:
                cell["count"] = (min_base - 1) // to * to
            elif not thin and cell["count"] < min_base:
                cell["count"] = -(-min_base // to) * to


def protect(
    relations: list[Relation],
    hidden: set[CellRef],
    cells: dict[CellRef, dict[str, Any]],
    t: int,
    hideable: Callable[[CellRef], bool] | None = None,
    matters: Callable[[CellRef], bool] | None = None,
    between: bool = False,
) -> None:
    """Hide more cells until no hidden one can be worked out, nor narrowed below ``t``.

    Three checks, cheapest first, each repeated until nothing changes: each relation
    on its own, the relations solved together for exact values, and a linear
    program for every hidden cell's least and greatest value (``bot/report/audit.py``).
    ``hideable``: which shown cells may still be hidden (those of an earlier
    publication are already out, and cannot be).  ``matters``: which hidden cells, worked
    out or narrowed, need another hidden beside them (a piece of days never published,
    with a count of 0 or at least ``t``, does not).  ``between``: run the programs over
    the ties between copies too, where they touch an earlier publication (a period
    against the ledger: two periods whose difference is a few days).
    """
    can_hide = hideable or (lambda _ref: True)
    wanted = matters or (lambda _ref: True)
    out = _published(relations, hidden, can_hide) if hideable else set()

    def needs(ref: CellRef) -> bool:
        return ref not in out and wanted(ref)

    counts = {ref: cell["count"] or 0 for ref, cell in cells.items()}
    audited: dict[object, list[CellRef]] = {}
    # The programs run report by report: across copies of a report (every site's against
    # all sites, a period against its pieces: table ids tagged "@…") the systems grow to
    # thousands of cells, and there the rules and the exact solving above guard; the
    # combinations they miss are within one report (a five-point question's groups, top
    # and bottom two, the journey and the FFT by site against the questions).
    within, across = [], []
    # Cells of earlier publications (held fixed, or what changed since one): the programs
    # between copies run only where those are, the ledger's ties; elsewhere the copies
    # (every site against all sites) are as they always were, and guarded as before.
    held = {ref for ref in cells if not can_hide(ref) or _drift(ref)} if between else set()
    for rel in relations:
        members = (rel.total, *rel.parts)
        if len({_copy(m) for m in members}) == 1:
            within.append(rel)
        elif held:
            across.append(rel)
    near = _neighbours(relations)
    fixed = frozenset(ref for ref in near if not can_hide(ref))
    solved: dict[tuple[int, ...], set[CellRef]] = {}
    live = [(rel.total, rel.parts, frozenset((rel.total, *rel.parts))) for rel in relations]
    lines = Equations(relations)
    while True:
        before = len(hidden)
        live = _each_relation(live, hidden, cells, t, can_hide)
        for ref in sorted(_pinned(relations, hidden, solved, lines)):
            if needs(ref):
                _hide_beside(ref, near, hidden, cells, fixed)
        if len(hidden) != before:
            continue
        # The programs also run over the relations between copies alone (a period and
        # its pieces, a publication and its pieces give or take what changed since, all
        # sites and each site): those tie one cell across copies, so each system is one
        # cell's days or sites, small.  That is where two periods whose difference is a
        # few days narrow those days' count: November less its four whole weeks is its
        # 1st and 30th together, and the weeks straddling them bound each.
        for ref in narrowed(within, hidden, counts, t, audited, needs):
            _hide_beside(ref, near, hidden, cells, fixed)
        if across:
            for ref in narrowed(across, hidden, counts, t, audited, needs, held):
                _hide_beside(ref, near, hidden, cells, fixed)
        if len(hidden) == before:
            # Nothing pinned or narrowed, or nothing shown left beside what is: hiding
            # more here cannot help, and the loop must end.
            return


def _published(
    relations: list[Relation], hidden: set[CellRef], can_hide: Callable[[CellRef], bool]
) -> set[CellRef]:
    """Cells equal to a figure published before (``total = part`` chains to a cell held
    fixed and shown): out already, so, hidden, nothing hidden beside them helps.

    All sites this week, hidden beside a site's report, while the all-sites report of
    the week showed it: worked out, it says what that report said."""
    parent: dict[CellRef, CellRef] = {}

    def root(x: CellRef) -> CellRef:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for rel in relations:
        if len(rel.parts) == 1:
            a, b = root(rel.total), root(rel.parts[0])
            if a != b:
                parent[a] = b
    shown = {root(ref) for ref in parent if ref not in hidden and not can_hide(ref)}
    return {ref for ref in parent if root(ref) in shown}


def _copy(ref: CellRef) -> str:
    return ref[0].partition("@")[2]


def _drift(ref: CellRef) -> bool:
    """What changed in a published cell since (``months.tie_published``), or its sum now."""
    copy = _copy(ref)
    return "~" in copy or "+" in copy


QUOTES_PER_THEME = 3


Q = TypeVar("Q")


PRAISE_THEME = "praise"
PRAISE_MOST = 5
"""What people appreciated: up to five comments of the codebook's praise theme."""


def _quote_key(quote: dict[str, Any]) -> tuple[str, str]:
    return quote["theme"], quote["text"]


def quotes_shown(
    quotes: list[Q],
    shown: set[str],
    key: Callable[[Q], tuple[str, str]],
    per_theme: int = QUOTES_PER_THEME,
) -> list[Q]:
    """The first three (``per_theme``) quotes of each shown theme, leaving out any comment
    that is also a candidate under a theme not shown.

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
        if theme in shown and text not in from_hidden and kept.get(theme, 0) < per_theme:
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


def relations_over(
    declared: list[Relation], cells: dict[CellRef, Any], withheld: Cells | None = None
) -> list[Relation]:
    """The relations over cells the report has; a part with no row is a known zero.

    A relation with a withheld count in it is left out: that count is not a cell
    suppression protects (its share is published where the base allows)."""
    out = []
    for rel in declared:
        if rel.total not in cells:
            continue
        if withheld and any(p in withheld for p in rel.parts):
            continue
        parts = [p for p in rel.parts if p in cells]
        out.append(Relation(total=rel.total, parts=parts))
    return out


Live = list[tuple[CellRef, list[CellRef], frozenset[CellRef]]]
"""Relations as ``_each_relation`` walks them: total, parts, and every member."""


def _each_relation(
    relations: Live,
    hidden: set[CellRef],
    cells: dict[CellRef, Any],
    t: int,
    can_hide: Callable[[CellRef], bool],
) -> Live:
    """Make each relation safe on its own, over and over until nothing changes.

    Returns the relations not safe for good, in their order: hiding only ever adds, so
    a hidden total with a hidden part, or two hidden parts of at least ``t`` beside a
    shown total, stay safe, and the next call (``protect``'s next round) passes them by
    as this one would have, without looking at them again."""
    changed = True
    live = relations
    while changed:
        changed = False
        still: Live = []
        for rel in live:
            total, parts, members = rel
            if members.isdisjoint(hidden):
                still.append(rel)
                continue
            if total in hidden:
                # A hidden total is safe only while at least one part is hidden too.
                if parts and hidden.isdisjoint(parts):
                    changed |= _hide_smallest(parts, hidden, cells, can_hide)
                    still.append(rel)
                continue
            secret = [p for p in parts if p in hidden]
            total_hidden = sum(cells[p]["count"] or 0 for p in secret)
            if len(secret) >= 2 and total_hidden >= t:
                continue
            if _hide_smallest(parts, hidden, cells, can_hide):
                changed = True
            elif can_hide(total):
                hidden.add(total)
                changed = True
            still.append(rel)
        live = still
    return live


def _hide_smallest(
    parts: list[CellRef],
    hidden: set[CellRef],
    cells: dict[CellRef, dict[str, Any]],
    can_hide: Callable[[CellRef], bool],
) -> bool:
    """Hide the smallest shown part, preferring one that is not zero; False if none is left."""
    shown = [p for p in parts if p not in hidden and can_hide(p)]
    if not shown:
        return False
    shown.sort(key=lambda p: ((cells[p]["count"] or 0) == 0, cells[p]["count"] or 0, p))
    hidden.add(shown[0])
    return True


def _neighbours(relations: list[Relation]) -> dict[CellRef, frozenset[CellRef]]:
    """Every cell's neighbours: the members of every relation it is in (itself too).

    Worked out once per ``protect``: ``_hide_beside`` walks outwards from a cell ring
    by ring, and scanning every relation for each ring made a month report with its
    ledger pieces (thousands of relations, hundreds of cells to hide beside) spend
    seconds in set tests; walking each ring's relations one by one, after a week of
    changes, still took a third of the first export's suppression."""
    near: dict[CellRef, set[CellRef]] = {}
    for rel in relations:
        members = frozenset((rel.total, *rel.parts))
        for m in members:
            near.setdefault(m, set()).update(members)
    return {ref: frozenset(around) for ref, around in near.items()}


def _hide_beside(
    ref: CellRef,
    near: dict[CellRef, frozenset[CellRef]],
    hidden: set[CellRef],
    cells: dict[CellRef, dict[str, Any]],
    fixed: frozenset[CellRef],
) -> None:
    """A cell worked out or narrowed: hide the smallest shown cell nearest to it
    (``fixed``: those that may not be hidden, being out already).

    Nearest first: a cell sharing a relation with it; when every such cell is
    hidden already, one sharing a relation with those, and so on outwards, since
    the cells that give it away are then further off (the groups' top-two counts
    that leave a hidden group's bottom two nothing but zero).
    """
    seen = {ref}
    ring = {ref}
    nothing: frozenset[CellRef] = frozenset()
    while ring:
        fresh = set().union(*(near.get(member, nothing) for member in ring))
        fresh -= seen
        following = fresh & hidden
        candidates = fresh - following - fixed
        if candidates:
            pick = min(
                candidates,
                key=lambda p: ((cells[p]["count"] or 0) == 0, cells[p]["count"] or 0, p),
            )
            hidden.add(pick)
            return
        seen |= following
        ring = following


class Equations:
    """Relations as equations in their hidden cells (``audit.equation``), kept between
    ``protect``'s rounds: hiding only ever adds, so a relation with as many hidden
    members as last time has the same equation, and only those a round's hiding reached
    are worked out again."""

    def __init__(self, relations: list[Relation]):
        self._relations = [(rel, frozenset((rel.total, *rel.parts))) for rel in relations]
        self._kept: list[tuple[int, dict[CellRef, int] | None]] = [(0, None)] * len(relations)
        self._made: list[dict[CellRef, int]] = []
        """Every equation made, kept alive: ``_pinned`` knows one by its ``id``, which
        no other may take while this lives."""

    def __call__(self, hidden: set[CellRef]) -> list[dict[CellRef, int]]:
        """The equations of the relations with a hidden cell in them, in their order."""
        out = []
        for i, (rel, members) in enumerate(self._relations):
            if members.isdisjoint(hidden):
                continue
            n = len(members & hidden)
            count, line = self._kept[i]
            if count != n:
                line = equation(rel, hidden)
                self._kept[i] = (n, line)
                if line:
                    self._made.append(line)
            if line:
                out.append(line)
        return out


def _pinned(
    relations: list[Relation],
    hidden: set[CellRef],
    memo: dict[tuple[int, ...], set[CellRef]] | None = None,
    lines: Equations | None = None,
) -> set[CellRef]:
    """Hidden cells the shown ones determine, through all the relations at once.

    Each relation, with shown cells moved to the constant side, is a linear
    equation in the hidden cells.  A hidden cell is determined exactly when its
    unit vector lies in the span of those equations: in the reduced row echelon
    form, it is a pivot whose row has nothing else in it.

    The equations fall apart into components that share no hidden cell; each is
    solved on its own (the span of the whole is theirs side by side), and ``memo``
    keeps each component's answer by its equations: ``protect`` asks again after
    every round of hiding, and most components are as they were.  ``lines``: the
    relations' equations kept between those rounds.
    """
    if memo is None or lines is None:
        memo, lines = {}, Equations(relations)
    found: set[CellRef] = set()
    for variables, component in components(lines(hidden)):
        # Equations are never changed once made, and each lives as long as ``lines``:
        # the same ones are the same component, as they were last round.
        key = tuple(map(id, component))
        if key not in memo:
            # The question whole, for answers kept beyond this call: the equations as
            # they are, in the relations' order (the same every time).
            question = tuple(tuple(line.items()) for line in component)
            memo[key] = set(answer("pinned", question, variables, partial(_determined, component)))
        found |= memo[key]
    return found


def _determined(lines: list[dict[CellRef, int]]) -> set[CellRef]:
    """The cells a set of equations fixes: reduced row echelon form, modulo ``_P``."""
    index: dict[CellRef, int] = {}
    equations = [
        {index.setdefault(ref, len(index)): coef % _P for ref, coef in line.items()}
        for line in lines
    ]
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


def _themes_shown(tables: list[dict[str, Any]], hidden: set[CellRef], t: int) -> set[str]:
    """Themes mentioned by at least ``t`` respondents, in a shown cell: only their quotes
    may be shown (counted before counts are withheld or rounded)."""
    table = next((tb for tb in tables if tb["id"] == "themes"), None)
    if table is None:
        return set()
    return {
        row["key"]
        for row in table["rows"]
        if (cell := row["cells"].get("respondents"))
        and (table["id"], row["split"], row["key"], "respondents") not in hidden
        and (cell["count"] or 0) >= t
    }
