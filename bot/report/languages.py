"""The comment-language tables: what people wrote in, and which languages we do not offer.

"Comments by detected language" has a row per language the bot offers and one
for all the languages it does not; "Comments written in languages we do not
offer" breaks that row down, which is how a service learns which translation
to add next.  The two are tied by a relation, so suppression cannot be undone
by subtraction.

A language we do not offer is named only when at least ``threshold`` comments
were written in it; the rest share one row.  A row of its own, even with its
count hidden, would say that someone wrote in, say, Tigrinya this week, and the
rarer the language the fewer the people it could be.  For the same reason no
comment is quoted from a language with fewer comments than that
(:func:`rare_languages`): the quote would show the language, and its words.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from bot.report.model import NOT_STATED, Cell, Row, Table
from bot.report.queries import AnswerCount
from bot.report.tables import Labels, TableSet, pct

NOT_OFFERED = "_not_offered"
RARE = "_rare"


def rare_languages(answers: list[AnswerCount], threshold: int) -> set[str]:
    """Languages with at least one comment but fewer than ``threshold`` this period."""
    counts: dict[str, int] = defaultdict(int)
    for c in answers:
        if c.kind == "text" and c.detected_lang:
            counts[c.detected_lang] += c.n
    return {lang for lang, n in counts.items() if 0 < n < threshold}


def language_tables(
    b: TableSet, labels: Labels, answers: list[AnswerCount], offered: Iterable[str], threshold: int
) -> None:
    offered = list(offered)
    counts: dict[str, int] = defaultdict(int)
    for c in answers:
        if c.kind == "text":
            counts[c.detected_lang or NOT_STATED] += c.n
    total = sum(counts.values())
    others = {k: n for k, n in counts.items() if k not in offered and k != NOT_STATED}
    shown = {k: counts[k] for k in offered if counts.get(k)}
    shown[NOT_OFFERED] = sum(others.values())
    if counts.get(NOT_STATED):
        shown[NOT_STATED] = counts[NOT_STATED]

    def row(key: str, n: int, label: str | None = None) -> Row:
        return Row(
            key=key,
            label=label or labels.label("lang", key),
            split="lang",
            cells={"comments": Cell(count=n, pct=pct(n, total))},
        )

    order = sorted(shown, key=lambda k: (k in (NOT_OFFERED, NOT_STATED), -shown[k], k))
    rows = [
        row(k, shown[k], "Languages we do not offer" if k == NOT_OFFERED else None) for k in order
    ]
    rows.insert(0, Row(key="all", label="All comments", cells={"comments": Cell(count=total)}))
    b.add(
        Table(
            id="comment_languages",
            kind="languages",
            title="Comments by detected language",
            columns=["comments"],
            labels={"comments": "Comments"},
            pct_columns=["comments"],
            rows=rows,
        )
    )
    b.relate(
        ("comment_languages", "overall", "all", "comments"),
        [("comment_languages", "lang", r.key, "comments") for r in rows[1:]],
    )

    named = sorted((k for k, n in others.items() if n >= threshold), key=lambda k: (-others[k], k))
    rare = sum(n for k, n in others.items() if k not in named)
    parts = [row(k, others[k]) for k in named]
    if rare:
        parts.append(row(RARE, rare, f"Other languages (fewer than {threshold} comments each)"))
    b.add(
        Table(
            id="unoffered_languages",
            kind="languages",
            title="Comments written in languages we do not offer",
            columns=["comments"],
            labels={"comments": "Comments"},
            pct_columns=["comments"],
            rows=parts,
        )
    )
    b.relate(
        ("comment_languages", "lang", NOT_OFFERED, "comments"),
        [("unoffered_languages", "lang", r.key, "comments") for r in parts],
    )
