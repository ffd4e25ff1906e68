"""Hostile review of the kept suppression answers (attack19; ``bot/report/memo.py``,
migration 038).

A kept answer is stored under a digest of its whole question, and the question of the
linear-programming check holds the true counts of the hidden cells.  Counts are small,
and everything else in the question (the cells, the equations, the threshold, the code's
fingerprint) is what anyone holding the database and the source computes again: so a
digest is a count in disguise, read back by trying the few values it can take.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from bot.report import audit, memo
from bot.report.export import build_public
from bot.report.period import parse_week
from bot.report.synth import write
from bot.store import Store
from tests.test_report_intruder_periods import _people

T = 5
TZ = "UTC"
W47 = parse_week("2026-W47", TZ)
MONDAY, FRIDAY = date(2026, 11, 16), date(2026, 11, 20)


@pytest.fixture
def s(settings):
    return settings.model_copy(
        update={
            "suppression_threshold": T,
            "reports": settings.reports.model_copy(update={"timezone": TZ}),
        }
    )


def _key(kind: str, question: object) -> bytes:
    return memo.hashlib.blake2b(repr((memo.CODE, kind, question)).encode(), digest_size=16).digest()


async def _asked_of(s, db: Path, clock) -> set[bytes]:
    """The digests of the questions week 47's first export asks of the answers in ``db``
    (a copy: its ledger emptied, nothing kept, as before anything was published)."""
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM published_cells")
        conn.execute("DELETE FROM publications")
        conn.execute("DELETE FROM suppression_memo")
    memo.forget()
    asked: set[bytes] = set()
    original = audit.answer

    def answer(kind, question, cells, solve):
        asked.add(_key(kind, question))
        return original(kind, question, cells, solve)

    audit.answer = answer
    other = await Store.open(db, clock=clock)
    try:
        await build_public(other, s.model_copy(update={"database": db}), W47)
    finally:
        audit.answer = original
        await other.close()
        memo.forget()
    return asked


def _copy(src: Path, dst: Path) -> Path:
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    return dst


@pytest.mark.xfail(
    strict=True,
    reason="attack19: suppression_memo keeps digests of hidden counts after /delete;"
    " a holder of the database confirms what the deleted person answered",
)
async def test_after_a_delete_the_kept_answers_do_not_tell_what_the_person_said(
    s, flows, store: Store, clock, tmp_path: Path
):
    """Week 47: ten service users agree; three family carers, two of whom disagree and
    one strongly disagrees (a hidden 1).  The week is exported, and then the one who
    strongly disagreed sends /delete.  Someone holding the database later (an operator,
    a backup) wants to know what that person said.  They add a family carer back on a
    copy for each thing the person may have said, and ask each copy's questions: a
    digest that the data left does not ask, but the hypothesis does, and the database
    still keeps, confirms the hypothesis.  Like ``report_counts`` (README: deleted with
    the answers, in the same transaction), nothing derived from the deleted answers may
    stay behind."""
    await write(
        store,
        flows,
        _people(
            {
                MONDAY: [("service_user", "agree", 10), ("family_carer", "disagree", 2)],
                FRIDAY: [("family_carer", "strongly_disagree", 1)],
            }
        ),
    )
    memo.forget()
    await build_public(store, s, W47)
    assert await store.staff_read("SELECT count(*) FROM suppression_memo") != [(0,)]
    ((sid,),) = await store.staff_read(
        "SELECT s.id FROM sessions s JOIN answers a ON a.session_id = s.id"
        " WHERE a.value = 'strongly_disagree'"
    )
    await store.delete_session(sid)
    memo.forget()
    kept = {key for (key,) in await store.staff_read("SELECT digest FROM suppression_memo")}

    left = await _asked_of(s, _copy(s.database, tmp_path / "left.db"), clock)
    confirmed = {}
    for said in ("strongly_disagree", "disagree", "agree"):
        db = _copy(s.database, tmp_path / f"{said}.db")
        other = await Store.open(db, clock=clock)
        try:
            await write(other, flows, _people({FRIDAY: [("family_carer", said, 1)]}))
        finally:
            await other.close()
        asked = await _asked_of(s, db, clock)
        confirmed[said] = len((asked - left) & kept)
    # Today: {'strongly_disagree': 3, 'disagree': 1, 'agree': 1}: the deleted person was a
    # family carer (their group's count), and strongly disagreed.
    assert not any(confirmed.values()), f"kept digests confirm what was deleted: {confirmed}"
