"""Issue 17 item 5: suppression's answers kept between exports (``bot/report/memo.py``).

After a week of a service most of the first 12-month export's time went on asking
suppression's questions again (which hidden cells the shown ones pin down, which a
linear program narrows).  The hourly job now asks them first, recording nothing, and
keeps the answers; the export finds them, and is what it would have been without them.
"""

from __future__ import annotations

import re
import secrets
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.privacy import SECRET_ENV
from bot.report import audit, memo, suppress, warm
from bot.report.export import build_public
from bot.report.period import month, parse_range, parse_week
from bot.report.synth import random_responses, write
from bot.report.themes import load_codebook
from bot.store import Store
from tests.conftest import Clock

ZONE = "Europe/London"


@pytest.fixture(autouse=True)
def secret(monkeypatch) -> None:
    """A deployment's secret: answers are kept only under digests keyed with it."""
    monkeypatch.setenv(SECRET_ENV, secrets.token_hex(32))
    memo.forget()


NOV = month(date(2026, 11, 1), ZONE)


async def _a_week_later(store: Store, settings, flows, clock: Clock) -> None:
    """November exported with its trend (one month, for speed), then a week of a
    service: new answers in November and someone's /delete."""
    clock.now = datetime(2026, 11, 20, 10, tzinfo=UTC)
    span = parse_range("2026-11-02", "2026-11-19", ZONE)
    await write(store, flows, random_responses(flows, settings, 30, span, seed=5))
    await build_public(store, settings, NOV, trend=[NOV])
    clock.now = datetime(2026, 11, 27, 10, tzinfo=UTC)
    week = parse_range("2026-11-20", "2026-11-26", ZONE)
    await write(store, flows, random_responses(flows, settings, 4, week, seed=6))
    ((key,),) = await store.staff_read(
        "SELECT respondent_key FROM sessions ORDER BY started_at LIMIT 1 OFFSET 9"
    )
    await store.delete_respondent(key)


def _solves(monkeypatch) -> list[str]:
    """Every question suppression works out afresh (not read from what was kept)."""
    asked: list[str] = []
    determined, narrow = suppress._determined, audit._narrow_component

    def counted_determined(lines):
        asked.append("pinned")
        return determined(lines)

    def counted_narrow(*args):
        asked.append("narrowed")
        return narrow(*args)

    monkeypatch.setattr(suppress, "_determined", counted_determined)
    monkeypatch.setattr(audit, "_narrow_component", counted_narrow)
    return asked


def _ledger(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT p.id, period_start, period_end, digest, kind, site, table_id, split,"
            " row_key, col, value FROM publications p JOIN published_cells c"
            " ON c.publication_id = p.id ORDER BY 1, 7, 8, 9, 10"
        ).fetchall()


async def test_the_first_export_after_the_hourly_job_finds_its_answers_and_is_the_same(
    store: Store, settings, flows, clock: Clock, tmp_path: Path, monkeypatch
) -> None:
    await _a_week_later(store, settings, flows, clock)
    # The same database, as it would be without the job and with nothing kept.
    without = tmp_path / "without.db"
    with sqlite3.connect(settings.database) as src, sqlite3.connect(without) as dst:
        src.backup(dst)
        dst.execute("DELETE FROM suppression_memo")
    published = await store.staff_read("SELECT count(*) FROM publications")

    memo.forget()
    monkeypatch.setattr(warm, "SETTLE_TREND", 1)
    await warm.settle_ahead(store, settings, [NOV], load_codebook(settings.flows_dir))
    # The job made November's report and recorded nothing: it only kept answers, which
    # hold no count and no name (a digest; positions among a question's cells).
    assert await store.staff_read("SELECT count(*) FROM publications") == published
    rows = await store.staff_read("SELECT digest, answer FROM suppression_memo")
    assert rows and all(len(key) == 16 and re.fullmatch(r"[0-9,]*", a) for key, a in rows)

    memo.forget()  # a new report process: it reads what the job kept
    asked = _solves(monkeypatch)
    kept_report = await build_public(store, settings, NOV, trend=[NOV])
    kept = len(asked)

    memo.forget()
    asked.clear()
    other = await Store.open(without, clock=clock)
    try:
        cold = await build_public(other, settings, NOV, trend=[NOV])
    finally:
        await other.close()
    assert len(asked) > 10 and kept <= len(asked) // 4, (kept, len(asked))
    when = {"generated_at"}
    assert kept_report.model_dump(exclude=when) == cold.model_dump(exclude=when)
    assert _ledger(settings.database) == _ledger(without)


def test_an_answer_is_only_read_for_the_very_same_question() -> None:
    memo.forget()
    cells = [("t", "overall", "all", c) for c in ("a", "b", "c")]
    calls: list[int] = []

    def solve() -> set:
        calls.append(1)
        return {cells[0], cells[2]}

    question = (3, tuple((ref, 2) for ref in cells))
    assert memo.answer("narrowed", question, cells, solve) == [cells[0], cells[2]]
    assert memo.answer("narrowed", question, cells, solve) == [cells[0], cells[2]]
    assert len(calls) == 1
    # One count, the threshold or the kind of question different: asked afresh.
    changed = (3, (*question[1][:2], (cells[2], 3)))
    memo.answer("narrowed", changed, cells, solve)
    memo.answer("narrowed", (5, question[1]), cells, solve)
    memo.answer("pinned", question, cells, solve)
    assert len(calls) == 4
    # The answer is positions: read for another copy's cells, it names those.
    renamed = [("t@all", *ref[1:]) for ref in cells]
    assert memo.answer("narrowed", question, renamed, solve) == [renamed[0], renamed[2]]
    memo.forget()


def test_a_kept_answer_damaged_on_disk_is_asked_afresh_not_a_crash() -> None:
    """A row that reads as numbers but cannot be this question's answer (positions out
    of order, or past its cells: a damaged page, a hand edit) once stopped the export
    with an IndexError; it is worked out again instead."""
    memo.forget()
    cells = [("t", "overall", "all", c) for c in ("a", "b", "c")]
    question = (3, tuple((ref, 2) for ref in cells))
    calls: list[int] = []

    def solve() -> set:
        calls.append(1)
        return {cells[1]}

    memo.answer("narrowed", question, cells, solve)
    (key,) = memo._known
    for damaged in ((9, 1), (2, 0), (1, 1), (3,)):
        memo._known[key] = damaged
        assert memo.answer("narrowed", question, cells, solve) == [cells[1]]
    assert len(calls) == 5
    memo.forget()


async def test_a_full_disk_or_a_spoilt_row_costs_the_saving_not_the_export(
    store: Store, settings, flows, clock: Clock, caplog
) -> None:
    """Keeping answers failing (full disk, locked) only means they are not kept; a row
    that does not read as an answer is ignored, and asked afresh."""
    span = parse_range("2026-11-02", "2026-11-08", ZONE)
    await write(store, flows, random_responses(flows, settings, 30, span, seed=7))
    await store.write(
        "INSERT INTO suppression_memo (digest, answer, made_at) VALUES (?, ?, ?)",
        (b"x" * 16, "not,an answer", "2026-11-27T10:00:00"),
    )
    await store.write(
        "CREATE TRIGGER full BEFORE INSERT ON suppression_memo"
        " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
    )
    memo.forget()
    published = await store.staff_read("SELECT count(*) FROM publications")
    report = await build_public(store, settings, parse_week("2026-W45", ZONE))
    assert report.tables
    assert await store.staff_read("SELECT count(*) FROM publications") > published
    assert "suppression answers not kept" in caplog.text
    memo.forget()


async def test_the_job_settles_nothing_where_nothing_was_published(
    store: Store, settings, flows, clock: Clock
) -> None:
    """A month with nothing published in its days or its trend's (a new service, or a
    quiet one): no report is made ahead, and no answer kept (its export has little to
    ask, and may never come)."""
    span = parse_range("2026-11-02", "2026-11-08", ZONE)
    await write(store, flows, random_responses(flows, settings, 6, span, seed=8))
    await warm.settle_ahead(store, settings, [NOV], load_codebook(settings.flows_dir))
    assert await store.staff_read("SELECT count(*) FROM suppression_memo") == [(0,)]


async def test_with_no_secret_answers_are_kept_in_the_process_only(
    store: Store, settings, flows, monkeypatch
) -> None:
    """A digest holds the hidden cells' true counts: unkeyed, whoever holds the database
    could try each count a deleted answer may have made.  With no secret of the
    deployment's beside the database (a command line on a copy), nothing is written."""
    monkeypatch.delenv(SECRET_ENV)
    memo.forget()
    span = parse_range("2026-11-02", "2026-11-08", ZONE)
    await write(store, flows, random_responses(flows, settings, 12, span, seed=9))
    await build_public(store, settings, parse_week("2026-W45", ZONE))
    assert await store.staff_read("SELECT count(*) FROM suppression_memo") == [(0,)]
    memo.forget()


async def test_a_delete_takes_the_kept_answers_with_it_and_none_come_back(
    store: Store, settings, flows, clock: Clock, monkeypatch
) -> None:
    """A kept answer's digest holds the hidden cells' true counts: after a /delete (or
    the purge) none may stay, even keyed, and an export that worked its answers out
    before the delete must not write them back after it (attack19)."""
    clock.now = datetime(2026, 11, 20, 10, tzinfo=UTC)
    span = parse_range("2026-11-02", "2026-11-19", ZONE)
    await write(store, flows, random_responses(flows, settings, 30, span, seed=5))
    await build_public(store, settings, NOV, trend=[NOV])
    assert await store.staff_read("SELECT count(*) FROM suppression_memo") != [(0,)]
    ((key,),) = await store.staff_read("SELECT respondent_key FROM sessions LIMIT 1")
    await store.delete_respondent(key)
    assert await store.staff_read("SELECT count(*) FROM suppression_memo") == [(0,)]

    # An export under way when someone deletes: it saves after the delete.
    saving = memo.save

    async def deleted_meanwhile(s: Store) -> None:
        ((other,),) = await s.staff_read("SELECT respondent_key FROM sessions LIMIT 1")
        await s.delete_respondent(other)
        await saving(s)

    monkeypatch.setattr(memo, "save", deleted_meanwhile)
    await build_public(store, settings, NOV, trend=[NOV])
    assert await store.staff_read("SELECT count(*) FROM suppression_memo") == [(0,)]
    monkeypatch.setattr(memo, "save", saving)
    await build_public(store, settings, NOV, trend=[NOV])  # read afresh, kept again
    assert await store.staff_read("SELECT count(*) FROM suppression_memo") != [(0,)]
