"""A hostile look at a broadcast that goes on from the last person reached
(``Broadcasts.waiting(after=...)``) and marks each send on the loop's own thread.

The cursor lives in memory only: after a stop, a crash or a failed write, the next
run starts again from the start.  These probes check that nobody is skipped (someone
passed over while their news was off, behind the cursor when the bot stopped) and
nobody is sent it twice (a mark that failed, the restart that follows).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from bot.broadcasts import BATCH
from bot.store import Store
from bot.telegram.broadcast import Broadcaster
from tests.test_broadcast_cursor import FIRST, _recorded

PEOPLE = 3 * BATCH
LATE = FIRST + 10
"""News off when the first batch goes, on again before the bot stops."""
STOP_AT = FIRST + BATCH + 5
"""The bot is stopped (SIGTERM) just after this person's message."""


def _app(sent: list[int], on_send: Any = None) -> Any:
    app = SimpleNamespace(running=True)

    async def send_message(chat_id: int, text: str, **kwargs: Any) -> None:
        if on_send is not None:
            await on_send(app, chat_id)
        sent.append(chat_id)

    app.bot = SimpleNamespace(send_message=send_message)
    return app


async def _tally(store: Store, broadcast_id: int) -> tuple[Any, ...]:
    rows = await store.read(
        "SELECT status, sent, unknown, failed FROM broadcasts WHERE id = ?", (broadcast_id,)
    )
    return tuple(rows[0])


async def test_stopped_with_someone_passed_over_then_restarted_everyone_gets_it_once(
    tmp_path: Path,
):
    path = tmp_path / "db.sqlite"
    store = await Store.open(path)
    sent: list[int] = []
    try:
        broadcast_id = await _recorded(store, PEOPLE)
        await store.write("UPDATE subscribers SET updates = 0 WHERE chat_id = ?", (LATE,))

        async def on_send(app: Any, chat_id: int) -> None:
            if chat_id == FIRST + BATCH:
                await store.write("UPDATE subscribers SET updates = 1 WHERE chat_id = ?", (LATE,))
            if chat_id == STOP_AT:
                app.running = False  # after this message, before the next

        assert not await Broadcaster(store, None)._run(  # type: ignore[arg-type]
            _app(sent, on_send), broadcast_id, None
        )
        assert LATE not in sent and sent[-1] == STOP_AT
    finally:
        await store.close()

    store = await Store.open(path)  # the restart: a new process, no cursor
    try:
        sender = Broadcaster(store, None)  # type: ignore[arg-type]
        await sender._drain(_app(sent))
        counts = Counter(sent)
        assert sorted(counts) == [FIRST + i for i in range(PEOPLE)], "someone was skipped"
        assert max(counts.values()) == 1, [c for c, n in counts.items() if n > 1]
        assert await _tally(store, broadcast_id) == ("done", PEOPLE, 0, 0)
    finally:
        await store.close()


async def test_a_failed_mark_on_the_loop_stops_it_and_the_restart_sends_nobody_twice(
    tmp_path: Path,
):
    """The write that marks the next send (with the last one's outcome) fails, as on a
    full disk: the broadcast stops; after the restart, the person whose send was not
    confirmed counts as perhaps delivered (never sent again), everyone else gets it."""
    path = tmp_path / "db.sqlite"
    store = await Store.open(path)
    sent: list[int] = []
    failing = FIRST + BATCH + 7
    try:
        broadcast_id = await _recorded(store, PEOPLE)
        # A fault on this one write only (max_page_count cannot fail it: a mark changes
        # a row in place and needs no new page, so only a WAL that cannot grow would).
        await store.db.execute(
            "CREATE TEMP TRIGGER full BEFORE UPDATE OF state ON deliveries"
            f" WHEN NEW.chat_id = {failing} AND NEW.state = 'attempting'"
            " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
        )
        await Broadcaster(store, None)._drain(_app(sent))  # type: ignore[arg-type]
        assert failing not in sent and sent[-1] == failing - 1
        assert not store.db._conn.in_transaction
        assert (await _tally(store, broadcast_id))[0] == "sending"
    finally:
        await store.close()

    store = await Store.open(path)
    try:
        await Broadcaster(store, None)._drain(_app(sent))  # type: ignore[arg-type]
        counts = Counter(sent)
        assert max(counts.values()) == 1, [c for c, n in counts.items() if n > 1]
        assert sorted(counts) == [FIRST + i for i in range(PEOPLE)], "someone was skipped"
        # The one before the failed write was sent, but its outcome went with that write.
        assert await _tally(store, broadcast_id) == ("done", PEOPLE - 1, 1, 0)
    finally:
        await store.close()
