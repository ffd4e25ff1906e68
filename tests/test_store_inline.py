"""A person's answer is written on the loop's own thread when the writer is free
(``Store._inline``), and never makes that thread wait.

Each write was two trips between threads: queued to aiosqlite's thread, then the loop
woken with the result.  On a busy machine each waits for a core, and in the slowest 1 %
of people's updates that was about a quarter of the bot's own time.  A small write now
runs where the update is handled, unless the connection is in use or another process
holds the write lock: then it goes to aiosqlite's thread and waits there, as before.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading

import pytest

from bot.conversation import Choose, State, Write
from bot.service import CONSENT_AGREE, Conversations
from bot.store import Store


async def _threads_of_writes(store: Store) -> list[int]:
    """The thread each UPDATE or INSERT runs on, from now on."""
    seen: list[int] = []

    def trace(sql: str) -> None:
        if sql.split()[0].upper() in ("UPDATE", "INSERT"):
            seen.append(threading.get_ident())

    await store.db._execute(store.db._conn.set_trace_callback, trace)
    return seen


async def test_an_answer_is_written_on_the_loops_thread_when_the_writer_is_free(
    conversations: Conversations,
):
    await conversations.start("k", "telegram", lang="en")
    turn = await conversations.handle("k", "telegram", Choose(CONSENT_AGREE))
    assert turn.prompt is not None
    seen = await _threads_of_writes(conversations.store)
    await conversations.handle("k", "telegram", Choose(turn.prompt.choices[0].id))
    assert seen and set(seen) == {threading.get_ident()}, seen
    session = await conversations.store.current_session("k", "telegram")
    assert session is not None and session.state.cursor != turn.prompt.step_id


async def test_another_process_writing_never_holds_up_the_loop(conversations: Conversations):
    """A purge from the command line holds the write lock: the answer waits on
    aiosqlite's thread, while the loop goes on answering others; then it is stored."""
    store = conversations.store
    flow = conversations.flows["service_feedback"]
    state = State(flow_id=flow.id, flow_version=flow.version, lang="en")
    session = await store.create_session("k", "test", state)
    assert store._path is not None
    other = sqlite3.connect(store._path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    seen = await _threads_of_writes(store)
    saving = asyncio.ensure_future(
        store.save(session, [Write("respondent_group", "choice", "service_user")])
    )
    ticks = 0
    for _ in range(5):  # the loop keeps running while the write waits for the lock
        await asyncio.sleep(0.01)
        ticks += 1
    assert ticks == 5 and not saving.done()
    other.execute("COMMIT")
    other.close()
    assert await asyncio.wait_for(saving, 10)
    assert seen and threading.get_ident() not in seen, seen
    assert await store.answers(session.id) == {"respondent_group": "service_user"}


async def test_a_full_disk_on_the_loops_thread_stores_nothing_and_then_recovers(
    conversations: Conversations,
):
    """SQLITE_FULL in a write run on the loop's thread: the error reaches the caller (who
    tells the person "could not save"), nothing of it is stored, the connection is left
    without a transaction, and the next write once there is room works."""
    store = conversations.store
    flow = conversations.flows["service_feedback"]
    state = State(flow_id=flow.id, flow_version=flow.version, lang="en")
    session = await store.create_session("k", "test", state)
    (pages,) = (await store.read("PRAGMA page_count"))[0]
    await store.db.execute(f"PRAGMA max_page_count = {pages}")
    seen = await _threads_of_writes(store)
    long = "x" * 20_000  # needs new pages
    with pytest.raises(sqlite3.OperationalError, match="full"):
        await store.save(session, [Write("one_service_why", "text", long)])
    assert seen and set(seen) == {threading.get_ident()}, seen
    assert not store.db._conn.in_transaction
    assert await store.answers(session.id) == {}
    await store.db.execute(f"PRAGMA max_page_count = {pages * 100}")
    assert await store.save(session, [Write("one_service_why", "text", long)])
    assert await store.answers(session.id) == {"one_service_why": long}
