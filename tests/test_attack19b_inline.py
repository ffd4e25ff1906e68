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
    counts still equal a recount, a report's kept counts stay (nothing changed), the update
    is not recorded as handled (so a delivery again is handled, not skipped), and once
    there is room all three are right."""
    store = conversations.store
    session = await store.create_session("k", "test", _session_state(conversations))
    assert await store.save(session, [Write("fft", "likert", "very_good", score=5)])
    # A report's counts kept for every session begun in these years (bot/report/counts.py).
    await store.write(
        "INSERT INTO report_counts VALUES ('q', '2000-01-01', '2100-01-01', 'c', 't', '[]')"
    )
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
    # Nothing changed, so the kept report counts still hold (their removal was undone too).
    assert await store.read("SELECT 1 FROM report_counts")

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
    assert not await store.read("SELECT 1 FROM report_counts")  # now they would be stale


async def test_a_full_disk_on_a_languages_first_answer_still_records_its_catalogue_later(
    conversations: Conversations,
):
    """The store remembers which catalogue revisions it has recorded (``_revisions``), so
    it inserts each once.  The first answer in Polish fails on a full disk, on the loop's
    thread: the revision must not be remembered as recorded, or every Polish session
    after would point at a revision that is not in the table."""
    store = conversations.store
    flow = conversations.flows["service_feedback"]
    session = await store.create_session(
        "k", "test", State(flow_id=flow.id, flow_version=flow.version, lang="pl")
    )
    (pages,) = (await store.read("PRAGMA page_count"))[0]
    await store.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(sqlite3.OperationalError, match="full"):
        await store.save(session, [Write("one_service_why", "text", "x" * 20_000)])
    await store.db.execute(f"PRAGMA max_page_count = {pages * 100}")
    assert await store.save(session, [Write("one_service_why", "text", "krótko")])
    rows = await store.read(
        "SELECT s.catalogue_revision, r.lang FROM sessions s"
        " LEFT JOIN catalogue_revisions r ON r.revision = s.catalogue_revision WHERE s.id = ?",
        (session.id,),
    )
    assert [tuple(r) for r in rows] == [(rows[0][0], "pl")] and rows[0][0].startswith("pl:")


async def test_a_wal_left_past_the_limit_at_start_keeps_answers_off_the_loop(
    tmp_path, monkeypatch: pytest.MonkeyPatch
):
    """The bot restarts after a crash (kill -9 during a purge, say) with a long WAL: no
    checkpoint has run yet, so how far behind it is is not known.  ``_idle_writer``
    promises that past ``INLINE_BEHIND`` uncopied pages an answer goes to aiosqlite's
    thread, because a commit past the backstop checkpoints in itself and would hold up
    everyone on the loop.  Here the limit is lowered, so the WAL can stay small."""
    import bot.store as store_module

    monkeypatch.setattr(store_module, "INLINE_BEHIND", 50)
    path = tmp_path / "db.sqlite"
    store = await Store.open(path)
    await store.close()
    crashed = sqlite3.connect(path, isolation_level=None)  # the process that died
    try:
        crashed.execute("PRAGMA wal_autocheckpoint = 0")
        crashed.execute("CREATE TABLE filler (x BLOB)")
        crashed.execute("INSERT INTO filler VALUES (randomblob(200 * 4096))")
        store = await Store.open(path)
        try:
            await store.db.execute("INSERT INTO flow_versions VALUES ('f', 1, 'x', '{}', 'now')")
            await store.db.commit()
            seen = await _threads_of_writes(store)
            state = State(flow_id="f", flow_version=1, lang="en")
            await store.create_session("k", "test", state)
            assert seen and threading.get_ident() not in seen, "written on the loop's thread"
        finally:
            await store.close()
    finally:
        crashed.close()


async def _threads_of_writes(store: Store) -> list[int]:
    """The thread each INSERT runs on, from now on."""
    seen: list[int] = []

    def trace(sql: str) -> None:
        if sql.split()[0].upper() == "INSERT":
            seen.append(threading.get_ident())

    await store.db._execute(store.db._conn.set_trace_callback, trace)
    return seen
