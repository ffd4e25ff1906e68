"""A hostile look at small writes on the loop's own thread (``Store._inline``).

A write may now run on the loop's thread while aiosqlite's thread owns the same
connection, unless ``_Handoffs`` says that thread has nothing queued or running.  If
that count is ever wrong, two threads drive one SQLite connection at once, or a
person's answer overtakes work queued before it.  These probes try the cases the
count has to get right (a long write under way, the task that queued it cancelled,
a read left open across awaits), and what a rolled-back write on the loop's thread
leaves in the counts kept by triggers and in the exactly-once record.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading

import pytest

from bot import once
from bot.conversation import State, Write
from bot.service import Conversations
from bot.store import Store


def _session_state(conversations: Conversations) -> State:
    flow = conversations.flows["service_feedback"]
    return State(flow_id=flow.id, flow_version=flow.version, lang="en")


async def _blocked_on_thread(store: Store) -> tuple[asyncio.Future[None], threading.Event]:
    """A write on aiosqlite's thread that holds it until the event is set (a purge batch,
    a report's ledger): returns its future and the event."""
    release, started = threading.Event(), threading.Event()

    def long(conn: sqlite3.Connection) -> None:
        started.set()
        assert release.wait(10)
        conn.execute("INSERT INTO handled_updates (update_id, handled_hour) VALUES (-1, 'x')")

    task = asyncio.ensure_future(store.atomic(long))
    for _ in range(200):
        await asyncio.sleep(0.005)
        if started.is_set():
            break
    assert started.is_set()
    return task, release


async def test_an_answer_never_runs_beside_a_write_under_way_on_the_database_thread(
    conversations: Conversations,
):
    """While aiosqlite's thread is inside a transaction, a person's answer must wait for
    it (on that thread, after it), not use the same connection from the loop."""
    store = conversations.store
    session = await store.create_session("k", "test", _session_state(conversations))
    task, release = await _blocked_on_thread(store)
    saving = asyncio.ensure_future(
        store.save(session, [Write("respondent_group", "choice", "service_user")])
    )
    await asyncio.sleep(0.05)
    assert not saving.done(), "the answer ran on the loop beside the write under way"
    release.set()
    await asyncio.wait_for(task, 10)
    assert await asyncio.wait_for(saving, 10)
    assert await store.answers(session.id) == {"respondent_group": "service_user"}


async def test_a_cancelled_handlers_write_still_keeps_the_loop_off_the_connection(
    conversations: Conversations,
):
    """The task that queued the long write is cancelled (a handler timed out, the bot is
    stopping): the work still runs on aiosqlite's thread, so the next answer must not
    take the connection from the loop meanwhile."""
    store = conversations.store
    session = await store.create_session("k", "test", _session_state(conversations))
    task, release = await _blocked_on_thread(store)
    task.cancel()
    await asyncio.sleep(0)
    saving = asyncio.ensure_future(
        store.save(session, [Write("respondent_group", "choice", "service_user")])
    )
    await asyncio.sleep(0.05)
    assert not saving.done(), "the answer ran on the loop beside a cancelled task's write"
    release.set()
    assert await asyncio.wait_for(saving, 10)
    assert await store.answers(session.id) == {"respondent_group": "service_user"}
    # The cancelled work committed on its thread (it was not undone by the answer).
    assert await store.read("SELECT 1 FROM handled_updates WHERE update_id = -1")


async def test_an_answer_written_while_a_read_is_left_open_across_awaits(
    conversations: Conversations,
):
    """A cursor on the writer's connection read in chunks (each chunk a trip to its
    thread, the statement still open between them): an answer stored on the loop in
    between commits, and the read goes on to its end."""
    store = conversations.store
    state = _session_state(conversations)
    for i in range(300):
        await store.create_session(f"p{i}", "test", state)
    session = await store.create_session("k", "test", state)
    seen = 0
    async with store.db.execute("SELECT id FROM sessions") as cur:
        async for _ in cur:
            seen += 1
            if seen == 10:
                assert await store.save(
                    session, [Write("respondent_group", "choice", "service_user")]
                )
    assert seen >= 301
    assert await store.answers(session.id) == {"respondent_group": "service_user"}
    assert not store.db._conn.in_transaction


async def _likert_recount(store: Store) -> list[tuple]:
    kept = await store.read(
        "SELECT day, flow_id, flow_version, step_id, score, n FROM likert_by_day ORDER BY 1,2,3,4,5"
    )
    recount = await store.read(
        "SELECT substr(s.started_at, 1, 10), s.flow_id, s.flow_version, a.step_id,"
        " coalesce(a.score, 0), count(*) FROM sessions s JOIN answers a ON a.session_id = s.id"
        " WHERE a.kind = 'likert' GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5"
    )
    return [tuple(r) for r in kept], [tuple(r) for r in recount]


async def test_a_full_disk_on_the_loop_leaves_the_kept_counts_and_the_update_record_exact(
    conversations: Conversations,
):
    """SQLITE_FULL in an answer written on the loop's thread, with a Likert answer whose
    trigger keeps ``likert_by_day`` (a count kept in the answer's transaction): the kept
    counts still equal a recount, the update is not recorded as handled (so a delivery
    again is handled, not skipped), and once there is room both are right."""
    store = conversations.store
    session = await store.create_session("k", "test", _session_state(conversations))
    assert await store.save(session, [Write("fft", "likert", "very_good", score=5)])
    (pages,) = (await store.read("PRAGMA page_count"))[0]
    await store.db.execute(f"PRAGMA max_page_count = {pages}")
    writes = [
        Write("fft", "likert", "poor", score=2),
        Write("one_service_why", "text", "x" * 20_000),
    ]
    handling = once.begin(9001)
    try:
        with pytest.raises(sqlite3.OperationalError, match="full"):
            await store.save(session, writes)
        assert not handling.recorded
    finally:
        once.end()
    assert not store.db._conn.in_transaction
    kept, recount = await _likert_recount(store)
    assert kept == recount and [r[-2:] for r in kept] == [(5, 1)]
    assert not await store.handled(9001)

    await store.db.execute(f"PRAGMA max_page_count = {pages * 100}")
    handling = once.begin(9001)
    try:
        assert await store.save(session, writes)
        assert handling.recorded
    finally:
        once.end()
    kept, recount = await _likert_recount(store)
    assert kept == recount and [r[-2:] for r in kept] == [(2, 1)]
    assert await store.handled(9001)
