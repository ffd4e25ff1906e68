"""Five-point questions: a table per question (overall, by group, by area) and the journey.

Every row carries its relations (n = the five parts; top two and bottom two =
their parts; overall = the sum of each split), so suppression can see what
subtraction would give away, across questions and the journey table too.
"""

from __future__ import annotations

from collections import defaultdict

from bot.flows import LIKERT_SCALES, LikertStep
from bot.report.model import NOT_STATED, Cell, Row, Table
from bot.report.queries import AnswerCount
from bot.report.tables import Labels, Question, TableSet, pct

STAGES = ("referral", "assessment", "treatment", "step_down")


def likert_tables(
    b: TableSet,
    labels: Labels,
    likert: list[AnswerCount],
    questions: dict[tuple[str, str], Question],
) -> None:
    by_question: dict[tuple[str, str], list[AnswerCount]] = defaultdict(list)
    for c in likert:
        by_question[(c.flow_id, c.step_id)].append(c)
    for key, question in questions.items():
        step = question.step
        if not isinstance(step, LikertStep):
            continue
        options = LIKERT_SCALES[step.scale]
        fft = step.scale == "fft"
        off = "dont_know" if fft else "prefer_not"
        columns = [*options, "top_two", "bottom_two", off]
        word, neg = _WORDS[step.scale]
        headings = {o: labels.text(f"likert.{step.scale}.{o}", o) for o in options}
        headings["neither"] = "Neither"  # the full wording is in the chart legend
        headings |= {
            "top_two": f"% {word} (top two)",
            "bottom_two": f"% {neg} (bottom two)",
            off: "Don't know" if fft else "Prefer not to say",
        }
        table_id = f"likert:{key[0]}:{key[1]}"
        rows = []
        for split in ("overall", "respondent_group", "area"):
            groups: dict[str, dict[int | None, int]] = defaultdict(lambda: defaultdict(int))
            for c in by_question[key]:
                g = "all" if split == "overall" else getattr(c, split) or NOT_STATED
                groups[g][c.score] += c.n
            order = ["all"] if split == "overall" else labels.order(split, groups)
            for g in order:
                label = "All respondents" if g == "all" else labels.label(split, g)
                rows.append(_likert_row(g, label, split, groups[g], options, fft=fft))
        b.add(
            Table(
                id=table_id,
                kind="likert",
                title=question.text,
                flow_id=key[0],
                question_id=key[1],
                scale=step.scale,
                columns=columns,
                labels=headings,
                pct_columns=[*options, "top_two", "bottom_two", *([off] if fft else [])],
                rows=rows,
                texts=step.text if question.text == step.text.get("en") else {},
            )
        )
        _likert_relations(b, table_id, rows, options, off if fft else None)


def journey_table(
    b: TableSet,
    labels: Labels,
    likert: list[AnswerCount],
    questions: dict[tuple[str, str], Question],
) -> None:
    staged: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, q in questions.items():
        stage = getattr(q.step, "stage", None)
        if stage in STAGES and isinstance(q.step, LikertStep):
            staged[stage].append(key)
    if not staged:
        return
    table_id = "journey"
    rows: list[Row] = []
    for stage in STAGES:
        keys = staged.get(stage, [])
        if not keys:
            continue
        areas: dict[str, dict[int | None, int]] = defaultdict(lambda: defaultdict(int))
        for c in likert:
            if (c.flow_id, c.step_id) in keys:
                areas["all"][c.score] += c.n
                areas[c.area or NOT_STATED][c.score] += c.n
        for area in ["all", *labels.order("area", [a for a in areas if a != "all"])]:
            scores = areas[area]
            base = sum(scores.get(s, 0) for s in range(1, 6))
            top, mid, bottom = scores[5] + scores[4], scores[3], scores[2] + scores[1]
            label = "All areas" if area == "all" else labels.label("area", area)
            rows.append(
                Row(
                    key=area,
                    label=label,
                    split=stage,
                    base=Cell(count=base),
                    cells={
                        "top_two": Cell(count=top, pct=pct(top, base)),
                        "neither": Cell(count=mid, pct=pct(mid, base)),
                        "bottom_two": Cell(count=bottom, pct=pct(bottom, base)),
                    },
                )
            )
            cols = ("base", "top_two", "neither", "bottom_two")
            split_of = "overall" if area == "all" else "area"
            for col in cols:
                b.relate(
                    (table_id, stage, area, col),
                    [(f"likert:{k[0]}:{k[1]}", split_of, area, col) for k in keys],
                )
            b.relate(
                (table_id, stage, area, "base"),
                [(table_id, stage, area, c) for c in cols[1:]],
            )
        area_keys = [r.key for r in rows if r.split == stage and r.key != "all"]
        for col in ("base", "top_two", "neither", "bottom_two"):
            b.relate((table_id, stage, "all", col), [(table_id, stage, a, col) for a in area_keys])
    b.add(
        Table(
            id=table_id,
            kind="journey",
            title="Satisfaction through the journey, by area",
            columns=["top_two", "neither", "bottom_two"],
            labels={
                "top_two": "% satisfied",
                "neither": "% neither",
                "bottom_two": "% dissatisfied",
            },
            pct_columns=["top_two", "neither", "bottom_two"],
            rows=rows,
        )
    )


_WORDS = {
    "agree": ("agree", "disagree"),
    "satisfaction": ("satisfied", "dissatisfied"),
    "fft": ("positive", "negative"),
}
"""What the top two and the bottom two are called, per scale (NHS England's words for
the FFT: % positive and % negative)."""


def _likert_row(
    key: str,
    label: str,
    split: str,
    scores: dict[int | None, int],
    options: tuple[str, ...],
    *,
    fft: bool = False,
) -> Row:
    """One row of a Likert table.  The FFT's shares are of every answer, "Don't know"
    included (NHS England's rule); other scales leave "prefer not to say" out."""
    base = sum(scores.get(s, 0) for s in range(1, 6))
    if fft:
        base += scores.get(None, 0)
    cells = {}
    for i, option in enumerate(options):
        n = scores.get(5 - i, 0)
        cells[option] = Cell(count=n, pct=pct(n, base))
    top = scores.get(5, 0) + scores.get(4, 0)
    bottom = scores.get(2, 0) + scores.get(1, 0)
    cells["top_two"] = Cell(count=top, pct=pct(top, base))
    cells["bottom_two"] = Cell(count=bottom, pct=pct(bottom, base))
    if fft:
        cells["dont_know"] = Cell(count=scores.get(None, 0), pct=pct(scores.get(None, 0), base))
    else:
        cells["prefer_not"] = Cell(count=scores.get(None, 0))
    return Row(key=key, label=label, split=split, base=Cell(count=base), cells=cells)


def _likert_relations(
    b: TableSet,
    table_id: str,
    rows: list[Row],
    options: tuple[str, ...],
    in_base: str | None = None,
) -> None:
    """``in_base``: the off-scale column when the base counts it (the FFT's Don't know)."""
    o5, o4, o3, o2, o1 = options
    extra = [in_base] if in_base else []
    for row in rows:
        ref = lambda col, r=row: (table_id, r.split, r.key, col)  # noqa: E731
        b.relate(ref("base"), [ref(o) for o in [*options, *extra]])
        b.relate(ref("top_two"), [ref(o5), ref(o4)])
        b.relate(ref("bottom_two"), [ref(o2), ref(o1)])
        b.relate(ref("base"), [ref("top_two"), ref(o3), ref("bottom_two"), *map(ref, extra)])
    for split in ("respondent_group", "area"):
        keys = [r.key for r in rows if r.split == split]
        for col in [*options, "top_two", "bottom_two", in_base or "prefer_not", "base"]:
            b.relate((table_id, "overall", "all", col), [(table_id, split, k, col) for k in keys])
