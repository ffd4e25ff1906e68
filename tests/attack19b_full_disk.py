"""Run by tests/test_attack19b_full_disk.py inside a private mount namespace, on a tiny
tmpfs that really fills (ENOSPC): SQLite then fails at COMMIT, when the WAL cannot grow,
which ``PRAGMA max_page_count`` never makes it do (that fails a statement that needs a
new page, and a change in place needs none).  Prints one JSON object of findings.

Usage: python tests/attack19b_full_disk.py FOLDER_ON_A_SMALL_TMPFS
"""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import sys
import threading
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import bot

# Only the broadcast runner of the Telegram package: its __init__ imports the whole bot
# (reports included), a second or more of a test's time for nothing used here.
_package = ModuleType("bot.telegram")
_package.__path__ = [str(Path(bot.__file__).parent / "telegram")]
sys.modules.setdefault("bot.telegram", _package)

from bot import once  # noqa: E402
from bot.conversation import State, Write  # noqa: E402
from bot.store import Store, storage_trouble  # noqa: E402
from bot.telegram.broadcast import Broadcaster  # noqa: E402

PEOPLE = 30
FIRST = 7_000_000_000


def fill(folder: Path) -> Path:
    """Fill the file system to its last byte; returns the filler to delete for room."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 4096, 512, 64, 1):
            try:
                while True:
                    os.write(fd, b"x" * size)
            except OSError:
                pass
    finally:
        os.close(fd)
    return filler


async def main(folder: Path) -> dict[str, Any]:
    found: dict[str, Any] = {}
    store = await Store.open(folder / "db.sqlite")
    try:
        await store.db.execute("INSERT INTO flow_versions VALUES ('f', 1, 'x', '{}', 'now')")
        await store.db.commit()
        state = State(flow_id="f", flow_version=1, lang="en")
        session = await store.create_session("k", "test", state)
        assert await store.save(session, [Write("a", "text", "first")])

        def subscribe(conn: sqlite3.Connection) -> None:
            conn.executemany(
                "INSERT INTO subscribers (token, chat_id, lang, updates, remind)"
                " VALUES (?, ?, 'en', 1, 0)",
                [(f"t{i}", FIRST + i) for i in range(PEOPLE)],
            )

        await store.atomic(subscribe)
        broadcasts = Broadcaster(store, None).broadcasts  # type: ignore[arg-type]
        assert await broadcasts.begin_report("2026-W47", {"en": "News"}, None, "en") == PEOPLE
        await store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

        # 1. A person's answer on the loop's thread, the disk full at its commit.
        loop_thread, commits = threading.get_ident(), []

        def trace(sql: str) -> None:
            if sql.split()[0].upper() == "COMMIT":
                commits.append(threading.get_ident() == loop_thread)

        await store.db._execute(store.db._conn.set_trace_callback, trace)
        filler = fill(folder)
        once.begin(4242)
        try:
            await store.save(session, [Write("b", "text", "y" * 30_000)])
            found["answer"] = "saved"
        except sqlite3.Error as exc:
            found["answer"] = getattr(exc, "sqlite_errorname", type(exc).__name__)
            found["answer_trouble"] = storage_trouble(exc)
        finally:
            once.end()
        found["answer_commit_on_loop"] = commits[-1:] == [True]
        found["in_transaction"] = store.db._conn.in_transaction
        found["answers"] = await store.answers(session.id)
        found["recorded"] = await store.handled(4242)
        os.remove(filler)

        # 2. A broadcast whose mark of the next send cannot be written: the disk fills
        #    just after one person's message.
        sent: list[int] = []
        app = SimpleNamespace(running=True)
        stop_at = FIRST + 15

        async def send_message(chat_id: int, text: str, **kwargs: Any) -> None:
            sent.append(chat_id)
            if chat_id == stop_at:
                nonlocal filler
                filler = fill(folder)

        app.bot = SimpleNamespace(send_message=send_message)
        await Broadcaster(store, None)._drain(app)  # type: ignore[arg-type]
        found["sent_before_room"] = len(sent)
        found["last_before_room"] = sent[-1] - FIRST if sent else None
        os.remove(filler)
        await Broadcaster(store, None)._drain(app)  # type: ignore[arg-type]  # room again
        found["sent_twice"] = sorted({c - FIRST for c in sent if sent.count(c) > 1})
        found["skipped"] = sorted(set(range(PEOPLE)) - {c - FIRST for c in sent})
        (row,) = await store.read("SELECT status, sent, unknown, failed FROM broadcasts")
        found["tally"] = list(row)

        # 3. Room again: the answer goes in, and the file is whole.
        found["after_room"] = await store.save(session, [Write("c", "text", "after")])
        found["answers_after"] = await store.answers(session.id)
        found["integrity"] = (await store.read("PRAGMA integrity_check"))[0][0]
    finally:
        await store.close()
    return found


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(Path(sys.argv[1])))))
