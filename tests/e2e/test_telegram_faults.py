"""Faults an operator meets: a full disk, a database held by another process.

Each time the person is told, in their language, that their answer was not saved
and to try later; nothing half-written is stored; the bot carries on and works
again once the fault is gone.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import sqlite3
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

import aiosqlite
import pytest

from bot.backup import backups, make_backup, restore
from bot.config import Settings
from bot.telegram.jobs import CATCH_UP_BACKUP, DAILY_BACKUP
from tests.conftest import ROOT
from tests.e2e.fakebotapi import FakeUser
from tests.e2e.test_telegram_flow import sessions_of
from tests.e2e.test_telegram_once import tap_first, to_first_text_question

NOT_SAVED_PL = "Przepraszamy, nie udało się tego zapisać. Spróbuj ponownie później."
LONG = "সন্ধ্যায় খোলা রাখুন। " * 90
NOT_SAVED_EN = "Sorry, we could not save that. Please try again later."


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"default_flow": "consultation"})


async def fill_the_disk(db: aiosqlite.Connection) -> int:
    """Cap the file at its size, and fill the room left in it (free pages too): the next
    write that needs a page fails with SQLITE_FULL, as on a full disk.  Returns the cap."""
    await db.execute("CREATE TABLE filler (x BLOB)")
    await db.commit()
    pages = (await (await db.execute("PRAGMA page_count")).fetchone())[0]
    await db.execute(f"PRAGMA max_page_count = {pages}")
    for size in (100_000, 10_000, 4_500, 1_000, 200, 50, 10):
        try:
            for _ in range(1_000):
                await db.execute("INSERT INTO filler VALUES (randomblob(?))", (size,))
                await db.commit()
        except sqlite3.OperationalError as exc:
            assert "full" in str(exc)
            await db.rollback()
    free = (await (await db.execute("PRAGMA freelist_count")).fetchone())[0]
    assert free == 0
    return int(pages)


async def test_a_full_disk_tells_the_person_stores_nothing_and_recovers(bot, api, caplog):
    user = api.user(language_code="pl")
    await to_first_text_question(user)
    [before] = await sessions_of(bot, user)
    pages = await fill_the_disk(bot.store.db)

    with caplog.at_level(logging.INFO):
        # ~6 kB (3 bytes a letter): more than a page, so it needs new ones.
        shown = await user.send(LONG)
    assert [m.text for m in shown] == [NOT_SAVED_PL]
    [after] = await sessions_of(bot, user)
    assert after == before  # neither the answer nor the next step
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]

    await bot.store.db.execute(f"PRAGMA max_page_count = {pages * 100}")  # room again
    shown = await user.send("Dłuższe godziny otwarcia.")
    assert NOT_SAVED_PL not in [m.text for m in shown] and shown[-1].buttons
    [after] = await sessions_of(bot, user)
    assert after["answers"]["young_adults_why"] == "Dłuższe godziny otwarcia."


async def test_another_process_holding_the_database_is_waited_for(bot, api, settings, caplog):
    """A purge or export in another process holds the write lock for a while (here
    longer than SQLite's default 5 s): people's answers wait for it, not fail."""
    people = [api.user() for _ in range(10)]
    await asyncio.gather(*(to_first_text_question(u) for u in people))
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        other = sqlite3.connect(settings.database, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        held.set()
        release.wait(7)
        other.execute("ROLLBACK")
        other.close()

    holder = threading.Thread(target=hold)
    holder.start()
    await asyncio.to_thread(held.wait)

    async def answer(user: FakeUser) -> list[str]:
        return [m.text for m in await user.send(f"Reason {user.id}")]

    with caplog.at_level(logging.INFO):
        replies = await asyncio.gather(*(answer(u) for u in people))
    await asyncio.to_thread(holder.join)
    for user, texts in zip(people, replies, strict=True):
        assert texts and "anything else" in texts[-1].lower(), texts
        [session] = await sessions_of(bot, user)
        assert session["answers"]["young_adults_why"] == f"Reason {user.id}"
    assert "locked" not in caplog.text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert all(NOT_SAVED_EN not in t for texts in replies for t in texts)


async def run_cli(settings: Settings, *argv: str) -> tuple[int, str]:
    """A ``feedback-bot`` command in its own process, on the bot's database."""
    env = {
        **os.environ,
        "FEEDBACK_BOT_DATABASE": str(settings.database),
        "FEEDBACK_BOT_FLOWS_DIR": str(ROOT / "flows"),
        "FEEDBACK_BOT_SECRET": "busy-test-secret-" + "x" * 32,
    }
    proc = await asyncio.create_subprocess_exec(
        *(sys.executable, "-m", "bot", "--config", str(ROOT / "config.yaml"), *argv),
        env=env,
        cwd=settings.database.parent,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await proc.communicate()
    assert proc.returncode is not None
    return proc.returncode, out.decode()


async def test_export_purge_and_backup_while_100_people_answer(bot, api, settings, caplog):
    """The operator's commands, each in its own process, while 100 people answer: no one
    is told anything failed, nothing logs "locked", and the backup made during the run
    restores to a database holding every answer acknowledged before it began, and no
    answer the live database does not hold; one made after holds the same answers."""
    people = [api.user() for _ in range(100)]
    folder = settings.database.parent / "backups"

    async def begin(user: FakeUser) -> list[str]:
        await user.send("/start")
        shown = []
        for _ in range(2):  # consent, a group: acknowledged before the backup starts
            shown += await tap_first(user)
        return [m.text for m in shown]

    async def answer(user: FakeUser) -> list[str]:
        return [m.text for m in await tap_first(user)]  # an area, while the backup runs

    async def operator() -> list[tuple[int, str]]:
        return await asyncio.gather(
            run_cli(settings, "export", "--out", str(settings.database.parent / "out")),
            run_cli(settings, "purge"),
            run_cli(settings, "backup", "--to", str(folder)),
        )

    newcomers: list[FakeUser] = []

    async def keep_arriving(done: asyncio.Task[object]) -> list[str]:
        """More people start for as long as the commands run, so the backup is made
        while answers are being written, however long its process takes to start."""
        texts = []
        while not done.done():
            newcomers.append(api.user())
            texts += await begin(newcomers[-1]) + await answer(newcomers[-1])
        return texts

    with caplog.at_level(logging.INFO):
        begun = await asyncio.gather(*(begin(u) for u in people))
        query = "SELECT session_id, step_id, value FROM answers ORDER BY 1, 2"
        async with bot.store.db.execute(query) as cur:
            acknowledged = {tuple(r) for r in await cur.fetchall()}
        commanding = asyncio.ensure_future(operator())
        replies, arrivals, commands = await asyncio.gather(
            asyncio.gather(*(answer(u) for u in people)), keep_arriving(commanding), commanding
        )
    for code, out in commands:
        assert code == 0 and "locked" not in out, out
    texts = [t for r in [*begun, *replies, arrivals] for t in r]
    assert not [t for t in texts if "Sorry" in t or "could not save" in t]
    assert "locked" not in caplog.text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    for user in [*people, *newcomers]:
        [session] = await sessions_of(bot, user)
        assert set(session["answers"]) == {"respondent_group", "area"}

    async with bot.store.db.execute(query) as cur:
        live = [tuple(r) for r in await cur.fetchall()]
    assert len(acknowledged) == 100 and len(live) == 200 + 2 * len(newcomers)

    # The one `feedback-bot backup` made (the bot's own catch-up one may be there too).
    during = Path(re.search(r"backup made: (\S+)", commands[2][1]).group(1))
    restored = settings.database.parent / "restored-during" / "feedback.db"
    await asyncio.to_thread(restore, during, restored)
    with sqlite3.connect(restored) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        held = set(conn.execute(query).fetchall())
    assert acknowledged <= held <= set(live)

    made = await asyncio.to_thread(make_backup, settings.database, folder, 3)
    restored = settings.database.parent / "restored" / "feedback.db"
    await asyncio.to_thread(restore, made, restored)
    with sqlite3.connect(restored) as conn:
        assert conn.execute(query).fetchall() == live
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


async def test_the_daily_backup_job_runs_from_the_job_queue(bot, api, settings):
    [job] = bot.app.job_queue.get_jobs_by_name(DAILY_BACKUP)
    await job.callback(SimpleNamespace(job=job))
    made = backups(settings.database.parent / "backups")[-1]  # (the catch-up one may be there)
    with sqlite3.connect(made) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # With a fresh backup, a restarted bot does not make another at once.
    assert bot.app.job_queue.get_jobs_by_name(CATCH_UP_BACKUP)  # there was none at start
    await bot.restart()
    assert not bot.app.job_queue.get_jobs_by_name(CATCH_UP_BACKUP)
