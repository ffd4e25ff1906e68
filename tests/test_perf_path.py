"""What each update costs: the work on the path of every tap and typed answer stays small.

Benchmark 1 (``bench/engine_store.py``) measures the time; these tests pin the
causes found by profiling it, so that they do not creep back unnoticed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bot.conversation import Choose, Reply, State, Write
from bot.service import CONSENT_AGREE, Conversations

ROOT = Path(__file__).resolve().parent.parent


async def _traced(conversations: Conversations) -> list[str]:
    """Every SQL statement the database runs from now on (BEGIN/COMMIT left out, and the
    busy_timeout pragmas either side of a small write's BEGIN IMMEDIATE on the loop's
    thread: ``Store._inline`` takes the write lock without waiting).

    SQLite's trace reports a statement's text again each time a trigger program of it
    runs (migration 032 keeps the trend's day counts with a trigger on answers: part of
    the answer's own INSERT, one UPSERT for a Likert answer, its cost in bench 1), so a
    repeat of the statement just reported is not another statement."""
    seen: list[str] = []

    def trace(sql: str) -> None:
        if sql.startswith("PRAGMA busy_timeout"):
            return
        if sql.split()[0].upper() not in ("BEGIN", "COMMIT") and seen[-1:] != [sql]:
            seen.append(sql)

    await conversations.store.atomic(lambda conn: conn.set_trace_callback(trace))
    return seen


async def test_an_answer_is_saved_with_two_statements(conversations: Conversations):
    """The session row and the answer: the catalogue revision the person is shown goes in
    the session's own UPDATE, and its catalogue_revisions row is written once, not per
    answer (it was four statements per answer: ~20 us more on every update)."""
    store = conversations.store
    flow = conversations.flows["service_feedback"]
    for lang in ("pl", "en"):
        state = State(flow_id=flow.id, flow_version=flow.version, lang=lang)
        session = await store.create_session(f"k-{lang}", "test", state)
        assert await store.save(session, [Write("respondent_group", "choice", "service_user")])
        seen = await _traced(conversations)
        assert await store.save(session, [Write("area", "choice", "cambridge")])
        assert len(seen) == 2, seen
        assert seen[0].startswith("UPDATE sessions") and "catalogue_revision" in seen[0]
        assert seen[1].startswith("INSERT INTO answers")
    rows = await store.db.execute_fetchall(
        "SELECT s.lang, r.lang FROM sessions s JOIN catalogue_revisions r"
        " ON r.revision = s.catalogue_revision ORDER BY s.lang"
    )
    assert [tuple(r) for r in rows] == [("en", "en"), ("pl", "pl")]


async def test_a_tap_runs_no_statement_beyond_its_answer(conversations: Conversations):
    """Through the service, as every adapter calls it: a tap on a question stores the
    session and the answer, nothing else."""
    turn = await conversations.start("k", "telegram", lang="en")
    turn = await conversations.handle("k", "telegram", Choose(CONSENT_AGREE))
    seen = await _traced(conversations)
    await conversations.handle("k", "telegram", Choose(turn.prompt.choices[0].id))
    assert [s.split()[0] for s in seen] == ["UPDATE", "INSERT"], seen
    seen.clear()
    await conversations.handle("k", "telegram", Reply("The staff were kind and listened."))
    assert [s.split()[0] for s in seen] == ["UPDATE", "INSERT"], seen


def test_importing_the_risk_screen_is_light():
    """Every process that screens or reports imports bot.safety: the bot, each CLI
    command, each report worker.  Its text folding tables were built for all 1.1 million
    code points at import (~0.6 s of CPU and ~80 MB); now per character met."""
    # Resident memory now (VmRSS), not the high-water mark: that is inherited from pytest.
    rss = "int(open('/proc/self/status').read().split('VmRSS:')[1].split()[0])"
    code = (
        f"import bot.config; before = {rss};"
        "import bot.safety as s;"
        f"print({rss} - before);"
        "print(s.normalise('Ｉ ｗａｎｔ ٠٧ to dïe\u200b!'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split("\n")
    grown_mb = int(out[0]) / 1024
    assert grown_mb < 30, f"importing bot.safety grew the process by {grown_mb:.0f} MB"
    assert out[1] == "i want 07 to die"


async def test_commits_never_checkpoint_and_the_wal_still_reaches_the_file(store, tmp_path):
    """A checkpoint inside a person's commit made them (and everyone queued behind them)
    wait for the copy and two fsyncs; it runs on its own connection now, and what the
    bot writes still reaches the database file itself as it goes."""
    import asyncio
    import shutil
    import sqlite3

    from bot.store import WAL_BACKSTOP_PAGES

    rows = await store.db.execute_fetchall("PRAGMA wal_autocheckpoint")
    assert rows[0][0] == WAL_BACKSTOP_PAGES  # only a backstop: tests/test_wal_bounded.py
    for i in range(40):  # over 1.2 s: a checkpoint is due after each second of writing
        await store.write("INSERT INTO languages VALUES (?, ?, ?)", (f"k{i}", "en", "2026"))
        await asyncio.sleep(0.03)
    await store._checkpoints.close()  # waits for one under way
    # The main file alone (no -wal beside it): the rows were checkpointed into it.
    alone = tmp_path / "alone.db"
    shutil.copy(store._path, alone)
    check = sqlite3.connect(alone)
    (count,) = check.execute("SELECT count(*) FROM languages").fetchone()
    check.close()
    assert count >= 25, count


async def test_a_purge_never_holds_the_writer_for_long(conversations, store):
    """The purge's count runs on the staff reader, and it deletes in small batches: a
    person's answer waits for one small batch at most, not for a count of a year's
    backlog or 200 sessions with their answers."""
    from datetime import timedelta

    from bot.store import PURGE_BATCH_FIRST
    from tests.e2e.test_telegram_reports import fill_comments

    await fill_comments(store, 300, at="2024-06-01T10:00:00+00:00")
    seen: list[str] = []
    await store.atomic(lambda conn: conn.set_trace_callback(seen.append))
    done = await store.purge(timedelta(days=365))
    assert (done.sessions, done.answers) == (300, 300)
    assert not [s for s in seen if "count(" in s], "the count ran on the writer"
    deletes = [s for s in seen if s.startswith("DELETE FROM sessions")]
    assert len(deletes) >= 3
    assert f"LIMIT {PURGE_BATCH_FIRST})" in deletes[0], deletes[0]


async def test_the_daily_backup_runs_niced_beside_the_bot(settings, monkeypatch):
    """The copy and its integrity check take a core for seconds on a large database: the
    thread doing it runs at a lower priority than the bot's loop, which keeps its own."""
    import os
    import threading
    from types import SimpleNamespace

    from bot.telegram import jobs

    seen: dict[str, int] = {}

    def fake_backup(database, folder, keep):
        seen["thread"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        return Path(folder) / "feedback-x.db"

    monkeypatch.setattr(jobs, "make_backup", fake_backup)
    channel = SimpleNamespace(settings=settings)
    await jobs.daily_backup(SimpleNamespace(job=SimpleNamespace(data=channel)))
    loop_priority = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    assert seen["thread"] >= loop_priority + 5, (seen, loop_priority)


async def test_a_failing_background_job_raises_in_the_bot():
    from bot.background import low_priority

    def broken() -> None:
        raise OSError("disk full")

    import pytest

    with pytest.raises(OSError, match="disk full"):
        await low_priority(broken)
    assert await low_priority(lambda: 42) == 42


def test_detection_keeps_each_words_rows_and_gives_the_same_answer(monkeypatch):
    """Language detection of a typed answer works out each word's n-gram rows once and
    keeps them (bounded): a text detected again, or other texts with its words, get
    exactly the same scores as from their n-grams read afresh."""
    from bot import detect

    profiles = detect.profiles_for(tuple(sorted(detect.available_profiles())))
    texts = [
        "The staff were kind but the waits were long.",
        "Personel był bardzo miły, ale czekałem zbyt długo.",
        "The NHS GP said OK, the staff were kind.",
        "Очень долго ждал приёма, но персонал хороший.",
    ]

    def fresh(text: str) -> list[int]:
        return [r for r in map(profiles._row.get, profiles.ngrams(text)) if r]

    for _ in range(2):
        for text in texts:
            assert profiles._rows(text) == fresh(text)
    monkeypatch.setattr(detect, "_KNOWN_MAX", 3)
    profiles._known.clear()
    for text in texts:
        profiles._rows(text)
        assert len(profiles._known) <= 3
    assert profiles._rows(texts[0]) == fresh(texts[0])


def test_detection_does_not_keep_long_words(monkeypatch):
    """Someone pasting long runs of letters (up to the 2,000 allowed) must not grow the
    detector's word memory by their size: only ordinary words are kept."""
    from bot import detect

    profiles = detect.profiles_for(tuple(sorted(detect.available_profiles())))
    profiles._known.clear()
    text = " ".join(["a" * 500, "b" * 700, "staff", "kind"])
    first = profiles._rows(text)
    assert set(profiles._known) == {" staff ", " kind"}
    assert profiles._rows(text) == first


def test_a_failing_checkpoint_is_logged_once_until_it_works_again(tmp_path, caplog):
    """A full disk makes every checkpoint fail; one warning, not one a second (each line
    would take more of the disk), and a line when they work again."""
    import logging
    import sqlite3

    from bot.checkpoints import Checkpointer

    database = tmp_path / "x.db"
    sqlite3.connect(database).execute("PRAGMA journal_mode=WAL").close()
    checkpoints = Checkpointer(database, 4096)

    class Failing:
        def execute(self, sql: str):
            raise sqlite3.OperationalError("database or disk is full")

        def close(self) -> None:
            pass

    checkpoints._conn = Failing()  # type: ignore[assignment]
    with caplog.at_level(logging.INFO, logger="bot.checkpoints"):
        for _ in range(5):
            checkpoints._checkpoint()
        checkpoints._conn = None
        checkpoints._checkpoint()
        checkpoints._checkpoint()
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 2, messages
    assert "disk is full" in messages[0] and "again" in messages[1]
    checkpoints._conn.close()


async def test_agreeing_is_saved_with_the_first_question_in_one_transaction(
    conversations: Conversations,
):
    """The tap on "Yes, I agree" stored the consent, then the first question's state: two
    trips to the database thread (each queued behind other people's commits) on the
    update that begins every session.  Both go in one transaction now."""
    began: list[str] = []

    def trace(sql: str) -> None:
        if sql.split()[0].upper() == "BEGIN":
            began.append(sql)

    await conversations.start("k", "telegram", lang="en")
    await conversations.store.atomic(lambda conn: conn.set_trace_callback(trace))
    turn = await conversations.handle("k", "telegram", Choose(CONSENT_AGREE))
    assert turn.prompt is not None and not turn.error
    assert len(began) == 1, began
    session = await conversations.store.current_session("k", "telegram")
    assert session is not None and session.state.consented
    assert session.state.cursor == turn.prompt.step_id


async def test_a_typed_answer_with_a_risk_phrase_is_read_for_its_language_once(
    conversations: Conversations, monkeypatch
):
    """Screening detected the language of a message with a risk phrase twice (once for
    the helplines' language, once for the answer's meta): ~0.2 ms per 100 letters."""
    calls: list[str] = []
    detect = conversations.detector.detect

    def counted(text: str):  # type: ignore[no-untyped-def]
        calls.append(text)
        return detect(text)

    monkeypatch.setattr(conversations.detector, "detect", counted)
    text = "Some days I just want to end it all, I cannot go on like this"
    _, meta, alert = await conversations.screen(text, "en")
    assert alert is not None and meta.risk_flag and meta.detected_lang == "en"
    assert len(calls) == 1, calls


async def test_a_second_agree_a_double_tap_changes_nothing(conversations: Conversations):
    """With the consent saved with the first question's state, a second "Yes, I agree"
    (a double tap, an old notice) meets a session already under way: nothing is stored,
    and the question waiting is still the first one."""
    await conversations.start("k", "telegram", lang="en")
    first = await conversations.handle("k", "telegram", Choose(CONSENT_AGREE))
    assert first.prompt is not None
    seen = await _traced(conversations)
    again = await conversations.handle("k", "telegram", Choose(CONSENT_AGREE))
    assert again.error and again.prompt is not None
    assert again.prompt.step_id == first.prompt.step_id
    assert not seen, seen
