"""The comment pass: which comments are quoted, and when tagging is due again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.conversation import Write
from bot.report.export import build_public
from bot.report.period import parse_week
from bot.report.queries import ReportQueries
from bot.report.synth import Response, write
from bot.report.themes import load_codebook
from bot.store import AnswerMeta, Store

WEEK = parse_week("2026-W47")
MOMENT = datetime(2026, 11, 17, 9, tzinfo=UTC)


def comment(text: str, risky: bool = False) -> Response:
    meta = {"anything_else": AnswerMeta("en", 0.9, True)} if risky else {}
    return Response("consultation", MOMENT, {"anything_else": text}, meta=meta)


def waiting(length: int, word: str) -> str:
    """A comment tagged 'waiting times', padded to ``length`` characters."""
    text = f"I waited weeks {word} "
    return (text + "x" * length)[:length]


async def test_quotes_are_reviewed_first_then_nearest_120_characters_and_never_risky(
    store, settings, flows
):
    texts = {
        "long": waiting(300, "long"),
        "near": waiting(118, "near"),
        "nearer": waiting(121, "nearer"),
        "short": waiting(40, "short"),
        "reviewed": waiting(20, "reviewed"),
    }
    responses = [comment(t) for t in texts.values()]
    responses += [comment(texts["near"])]  # the same words twice are one quote
    responses += [comment(waiting(120, "risky"), risky=True)]  # exactly 120, but never quoted
    await write(store, flows, responses)
    q = ReportQueries(store)
    codebook = load_codebook(settings.flows_dir)
    summary = await q.comment_summary(WEEK, codebook)
    assert summary.untagged  # nothing tagged yet
    await q.tag_comments(WEEK, codebook)
    ids = {text: answer_id for answer_id, text, _, _ in await q.comments(WEEK)}
    assert await q.set_review(ids[texts["reviewed"]], ["waiting_times"])

    summary = await q.comment_summary(WEEK, codebook)
    assert not summary.untagged
    quoted = [(r.text, r.reviewed) for r in summary.quotes if r.theme == "waiting_times"]
    assert quoted == [(texts["reviewed"], True), (texts["nearer"], False), (texts["near"], False)]
    counts = {t.theme: t for t in summary.themes}["waiting_times"]
    assert (counts.respondents, counts.comments, counts.reviewed) == (7, 7, 1)
    assert await q.comment_summary(WEEK, codebook, quotes=False) == type(summary)(
        themes=summary.themes, quotes=[], untagged=False
    )


async def test_an_edited_comment_is_tagged_again_by_the_next_report(store, settings, flows, clock):
    await write(store, flows, [comment("I waited weeks") for _ in range(6)])
    report = await build_public(store, settings, WEEK)
    themes = report.table("themes")
    assert themes.row("waiting_times").cells["respondents"].count == 6
    assert themes.row("communication").cells["respondents"].count == 0

    # One person goes back and changes their answer: Store.save replaces it.
    q = ReportQueries(store)
    answer_id = (await q.comments(WEEK))[0][0]
    async with store.db.execute("SELECT session_id FROM answers WHERE id = ?", (answer_id,)) as cur:
        session_id = (await cur.fetchone())[0]
    session = await store.get_session(session_id)
    later = Store(store.db, clock=lambda: MOMENT + timedelta(hours=1))
    await later.save(session, [Write("anything_else", "text", "Nobody called me back", None)])

    report = await build_public(store, settings, WEEK)
    themes = report.table("themes")
    # 6 shown before, 5 now would show what the one person changed: the week was published
    # already, so the change is hidden (the ledger: tests/test_report_intruder_periods.py).
    assert themes.row("waiting_times").cells["respondents"].count is None
    assert themes.row("communication").cells["respondents"].count is None  # 1: hidden
    summary = await q.comment_summary(WEEK, load_codebook(settings.flows_dir))
    assert not summary.untagged
    counts = {t.theme: t.respondents for t in summary.themes}
    assert (counts["waiting_times"], counts["communication"]) == (5, 1)


async def test_an_edit_of_a_reviewed_comment_sends_it_back_for_review(store, settings, flows):
    from bot.review import ThemeReview

    await write(store, flows, [comment("I waited weeks") for _ in range(5)])
    q = ReportQueries(store)
    codebook = load_codebook(settings.flows_dir)
    await q.tag_comments(WEEK, codebook)
    answer_id = (await q.comments(WEEK))[0][0]
    review = ThemeReview(store, codebook, WEEK)
    assert await review.confirm(answer_id, ["housing"], "te_staff")
    assert (await review.next()).waiting == 4
    summary = await q.comment_summary(WEEK, codebook)
    assert {t.theme: t.reviewed for t in summary.themes}["housing"] == 1

    # The person goes back and rewrites the comment: the staff reading was of other words.
    async with store.db.execute("SELECT session_id FROM answers WHERE id = ?", (answer_id,)) as cur:
        session_id = (await cur.fetchone())[0]
    later = Store(store.db, clock=lambda: MOMENT + timedelta(hours=1))
    session = await store.get_session(session_id)
    await later.save(session, [Write("anything_else", "text", "Nobody called me back", None)])

    assert (await review.next()).waiting == 5
    assert (await q.comments(WEEK))[0][3] is None  # no review counts for the new words
    report = await build_public(store, settings, WEEK)
    themes = report.table("themes")
    assert themes.row("housing").cells["respondents"].count == 0
    assert sum((r.cells["reviewed"].count or 0) for r in themes.rows) == 0


async def test_tagging_a_big_week_holds_the_write_lock_for_a_few_hundred_comments_at_most(
    store, settings, flows
):
    """A report tags the week's new comments in the report process, beside the bot.  In
    one transaction, 16,000 comments held the write lock 170-370 ms, and every person
    answering meanwhile waited for it (bench/busy_e2e.py --jobs export)."""
    from bot.report import queries

    texts = ["I waited weeks for a first appointment", "Nobody called me back", "Kind staff"]
    await write(store, flows, [comment(texts[i % 3]) for i in range(2 * queries.TAG_CHUNK + 50)])
    transactions: list[set[str]] = []

    def traced(sql: str) -> None:
        # Each statement as run, its values bound: a trigger it fires (migration 033)
        # traces the same text again.
        if sql.startswith("BEGIN"):
            transactions.append(set())
        elif sql.startswith("INSERT OR REPLACE INTO answer_tagging"):
            transactions[-1].add(sql)

    await store.db._execute(store.db._conn.set_trace_callback, traced)
    codebook = load_codebook(settings.flows_dir)
    q = ReportQueries(store)
    assert await q.tag_comments(WEEK, codebook) == 2 * queries.TAG_CHUNK + 50
    await store.db._execute(store.db._conn.set_trace_callback, None)

    # (Other transactions, keeping the period's counts (bot/report/counts.py), tag nothing.)
    tagged = sorted(len(t) for t in transactions if t)
    assert tagged == [50, queries.TAG_CHUNK, queries.TAG_CHUNK]
    # Every comment has the themes the codebook gives it, as when written in one go.
    rows = await store.db.execute_fetchall(
        "SELECT a.value, group_concat(t.theme) FROM answers a"
        " LEFT JOIN answer_themes t ON t.answer_id = a.id WHERE a.kind = 'text' GROUP BY a.id"
    )
    assert len(rows) == 2 * queries.TAG_CHUNK + 50
    for text, tagged in rows:
        assert sorted((tagged or "").split(",") if tagged else []) == sorted(codebook.tag(text))
    assert not (await q.comment_summary(WEEK, codebook)).untagged
    assert await q.tag_comments(WEEK, codebook) == 0


async def test_tagging_cut_short_by_a_full_disk_leaves_no_comment_half_tagged(
    store, settings, flows, monkeypatch
):
    """Tagging now commits a chunk at a time: the disk filling up (or the report process
    being killed) after the first chunk leaves those comments tagged whole and the rest
    untagged, never a comment marked tagged without its themes; the next report tags
    the rest."""
    import sqlite3

    import pytest

    from bot.report import queries

    texts = ["I waited weeks for a first appointment", "Nobody called me back", "Kind staff"]
    total = queries.TAG_CHUNK + 30
    await write(store, flows, [comment(texts[i % 3]) for i in range(total)])
    codebook = load_codebook(settings.flows_dir)
    q = ReportQueries(store)
    atomic, calls = store.atomic, []

    async def full_after_one(work):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) > 1:
            raise sqlite3.OperationalError("database or disk is full")
        return await atomic(work)

    monkeypatch.setattr(store, "atomic", full_after_one)
    with pytest.raises(sqlite3.OperationalError):
        await q.tag_comments(WEEK, codebook)
    monkeypatch.setattr(store, "atomic", atomic)

    tagged = await store.db.execute_fetchall(
        "SELECT a.value, (SELECT group_concat(theme) FROM answer_themes t"
        " WHERE t.answer_id = a.id) FROM answers a JOIN answer_tagging g ON g.answer_id = a.id"
    )
    assert len(tagged) == queries.TAG_CHUNK
    for text, themes in tagged:  # each tagged comment has every theme it should
        assert sorted(themes.split(",") if themes else []) == sorted(codebook.tag(text))
    assert (await q.comment_summary(WEEK, codebook)).untagged
    assert await q.tag_comments(WEEK, codebook) == 30  # the next report tags the rest
    assert not (await q.comment_summary(WEEK, codebook)).untagged


async def test_tagging_in_the_bots_process_leaves_its_loop_free_for_people(store, settings, flows):
    """/update offers this week's top themes, and tags the untagged comments first, on the
    bot's own loop: 1,500 comments held every person's answer for 0.3-1 s at a stretch."""
    from datetime import date

    from bench.e2e_driver import LoopWatch
    from bot.updates import top_themes

    texts = ["I waited weeks for a first appointment", "Nobody called me back", "Kind staff"]
    await write(store, flows, [comment(f"{texts[i % 3]} ({i})") for i in range(1500)])
    codebook = load_codebook(settings.flows_dir)
    codebook.tag("warm the patterns")  # compiled at start-up in the bot (REVIEW_WARMED)
    with LoopWatch() as loop:
        offered = await top_themes(store, codebook, "Europe/London", date(2026, 11, 20))
    assert "waiting_times" in offered
    assert not (await ReportQueries(store).comment_summary(WEEK, codebook)).untagged
    assert loop.worst_cpu < 0.1, f"the loop worked {loop.worst_cpu:.2f} s at a stretch"
