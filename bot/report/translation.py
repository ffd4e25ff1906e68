"""How many responses and answers were given in a translation no person had checked.

Each session records the catalogue revision it was shown (migration 020), and
each revision how many of its entries were reviewed.  A service can then tell a
commissioner how much of the week's feedback rests on machine translation, and
weigh it (issue 13).  The rows are a breakdown of the responses, tied to the
headline by a relation, so suppression treats them like any other count.
"""

from __future__ import annotations

from bot.report.model import Cell, Row, Table
from bot.report.queries import TranslationCount
from bot.report.tables import TableSet, pct

STATES = {
    "reviewed": "In English, or in a translation checked by a translator",
    "unreviewed": "In a translation not yet checked by a translator",
    "unknown": "Not recorded (sessions from before translations were tracked)",
}
TABLE_ID = "by_translation"


def translation_table(b: TableSet, counts: list[TranslationCount], total: int) -> None:
    found = {c.state: c for c in counts}
    rows = [
        Row(
            key=state,
            label=label,
            split="translation",
            cells={
                "responses": Cell(count=c.responses, pct=pct(c.responses, total)),
                "answers": Cell(count=c.answers),
            },
        )
        for state, label in STATES.items()
        # "Not recorded" only while there are such sessions; the other two always.
        if (c := found.get(state, TranslationCount(state, 0, 0))).responses or state != "unknown"
    ]
    b.add(
        Table(
            id=TABLE_ID,
            kind="breakdown",
            title="Translation the answers were given in",
            columns=["responses", "answers"],
            labels={"responses": "Responses", "answers": "Answers"},
            pct_columns=["responses"],
            rows=rows,
        )
    )
    b.relate(
        ("headline", "overall", "all", "base"),
        [(TABLE_ID, "translation", r.key, "responses") for r in rows],
    )
