"""A broadcast reads each delivery about once, not once a batch (bot/broadcasts.py ``waiting``).

Finished deliveries stay in the table, in chat id order, until the broadcast ends.  The
sender read the next 50 from the start each time, stepping over every one already
done: at 10,000 subscribers 0.25-2 ms a batch on the database thread that people's
answers wait for.  It now carries on above the last chat id of the batch before.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from bot.broadcasts import BATCH, Broadcasts
from bot.store import Store
from bot.telegram.broadcast import Broadcaster

FIRST = 7_000_000_000
PEOPLE = 40 * BATCH


async def _recorded(store: Store, people: int) -> int:
    def fill(conn: sqlite3.Connection) -> None:
        conn.executemany(
            "INSERT INTO subscribers (token, chat_id, lang, updates, remind)"
            " VALUES (?, ?, 'en', 1, 0)",
            [(f"t{i}", FIRST + i) for i in range(people)],
        )

    await store.atomic(fill)
    assert await Broadcasts(store).begin_report("2026-W47", {"en": "News"}, None, "en") == people
    (broadcast_id,) = (await store.read("SELECT id FROM broadcasts"))[0]
    return int(broadcast_id)


class _Steps:
    """SQLite virtual machine steps taken by the sender's ``waiting`` reads."""

    def __init__(self, store: Store, broadcasts: Broadcasts) -> None:
        self.store, self.count, self.reads = store, 0, 0
        waiting = broadcasts.waiting

        async def counted(*args: Any, **kwargs: Any) -> Any:
            def on(conn: sqlite3.Connection) -> None:
                conn.set_progress_handler(self._step, 100)

            await store.atomic(on)
            try:
                return await waiting(*args, **kwargs)
            finally:
                await store.atomic(lambda conn: conn.set_progress_handler(None, 0))
                self.reads += 1

        broadcasts.waiting = counted  # type: ignore[method-assign]

    def _step(self) -> int:
        self.count += 100
        return 0


def _app(sent: list[int], also: Any = None) -> Any:
    async def send_message(chat_id: int, text: str, **kwargs: Any) -> None:
        sent.append(chat_id)
        if also is not None:
            await also(chat_id)

    return SimpleNamespace(running=True, bot=SimpleNamespace(send_message=send_message))


async def _one_full_scan(store: Store, broadcast_id: int) -> int:
    """VM steps of one read over every delivery, all done (what the old read cost at the end)."""
    broadcasts = Broadcasts(store)
    steps = _Steps(store, broadcasts)
    assert await broadcasts.waiting(broadcast_id) == []
    return steps.count


async def test_a_broadcast_reads_each_delivery_about_once(tmp_path: Path):
    store = await Store.open(tmp_path / "db.sqlite")
    try:
        broadcast_id = await _recorded(store, PEOPLE)
        sender = Broadcaster(store, None)  # type: ignore[arg-type]
        steps = _Steps(store, sender.broadcasts)
        sent: list[int] = []
        assert await sender._run(_app(sent), broadcast_id, None)
        assert sorted(sent) == [FIRST + i for i in range(PEOPLE)]
        # Reading from the start each batch cost ~23 full scans here (40 batches); going on
        # from the last chat id costs one across the batches and one more at the end, and
        # each person's row read once (~5 in all).
        # The whole table is deleted when it finishes: fill it again, all done, to price a scan.
        again = await _recorded_done(store)
        full = await _one_full_scan(store, again)
        assert steps.count < 10 * full, (steps.count, full, steps.reads)
    finally:
        await store.close()


async def _recorded_done(store: Store) -> int:
    def fill(conn: sqlite3.Connection) -> int:
        cur = conn.execute(
            "INSERT INTO broadcasts (period, staff_chat, staff_lang, status, started_at)"
            " VALUES ('2026-W48', NULL, 'en', 'sending', '2026-11-30T00:00:00+00:00')"
        )
        conn.execute(
            "INSERT INTO deliveries (broadcast_id, chat_id, state)"
            " SELECT ?, chat_id, 'done' FROM subscribers",
            (cur.lastrowid,),
        )
        return int(cur.lastrowid or 0)

    return await store.atomic(fill)


async def test_someone_passed_over_while_news_was_off_still_gets_it(tmp_path: Path):
    """Off when their batch went, on again before the end: reached by the last look."""
    store = await Store.open(tmp_path / "db.sqlite")
    try:
        broadcast_id = await _recorded(store, 3 * BATCH)
        late = FIRST + 10
        await store.write("UPDATE subscribers SET updates = 0 WHERE chat_id = ?", (late,))

        async def back_on(chat_id: int) -> None:
            if chat_id == FIRST + 2 * BATCH:
                await store.write("UPDATE subscribers SET updates = 1 WHERE chat_id = ?", (late,))

        sent: list[int] = []
        sender = Broadcaster(store, None)  # type: ignore[arg-type]
        assert await sender._run(_app(sent, back_on), broadcast_id, None)
        assert sorted(sent) == [FIRST + i for i in range(3 * BATCH)]
        rows = await store.read("SELECT status, sent FROM broadcasts WHERE id = ?", (broadcast_id,))
        assert tuple(rows[0]) == ("done", 3 * BATCH)
    finally:
        await store.close()
