"""``kill -9`` of a running bot under load, then a restart, as an operator's server would.

Every answer the bot acknowledged (it sent the next question) must be stored once,
in its own step, and the database must pass ``integrity_check``.  The fake Bot
API forgets the bot's ``getUpdates`` confirmations, as after a crash before the
next poll, so the restarted bot is sent every update again.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import sys
from collections.abc import Awaitable
from pathlib import Path
from typing import Any

from bot.backup import make_backup
from bot.privacy import respondent_key
from tests.conftest import ROOT
from tests.e2e.fakebotapi import FakeBotAPI, FakeUser
from tests.e2e.test_telegram_flow import AGREE

SECRET = "kill-test-secret-" + "x" * 32
PEOPLE = 12


class BotProcess:
    """``python -m bot run`` against the fake API, its output read as it comes."""

    def __init__(self, api: FakeBotAPI, db: Path, cwd: Path):
        self.api, self.db, self.cwd = api, db, cwd
        self.proc: asyncio.subprocess.Process | None = None
        self.output: list[bytes] = []
        self._readers: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": self.api.token,
            "FEEDBACK_BOT_DATABASE": str(self.db),
            "FEEDBACK_BOT_FLOWS_DIR": str(ROOT / "flows"),
            "FEEDBACK_BOT_SECRET": SECRET,
            "FEEDBACK_BOT_DEFAULT_FLOW": "consultation",
        }
        self.proc = await asyncio.create_subprocess_exec(
            *(sys.executable, "-m", "bot", "--config", str(ROOT / "config.yaml"), "run"),
            *("--base-url", self.api.base_url),
            env=env,
            cwd=self.cwd,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        started = asyncio.Event()

        async def drain(stream: asyncio.StreamReader) -> None:
            async for line in stream:
                self.output.append(line)
                if b"Application started" in line:
                    started.set()

        assert self.proc.stdout is not None and self.proc.stderr is not None
        self._readers = [
            asyncio.create_task(drain(self.proc.stdout)),
            asyncio.create_task(drain(self.proc.stderr)),
        ]
        await asyncio.wait_for(started.wait(), 60)

    async def stop(self, sig: int) -> int:
        assert self.proc is not None
        self.proc.send_signal(sig)
        code = await asyncio.wait_for(self.proc.wait(), 30)
        await asyncio.gather(*self._readers)
        return code

    @property
    def logs(self) -> str:
        return b"".join(self.output).decode(errors="replace")


async def step(user: FakeUser, action: Awaitable[Any]) -> str:
    """Do something and wait for the next question (a new message with buttons)."""
    before = len(user.messages())

    def asked() -> bool:
        shown = user.messages()
        return len(shown) > before and bool(shown[-1].buttons)

    await action
    await user.api.wait_until(asked)
    return user.messages()[-1].text


async def to_young_adults_why(user: FakeUser) -> None:
    await step(user, user.send("/start"))
    await step(user, user.tap(AGREE))
    for _ in range(2):
        await step(user, user.tap((await user.last_message()).labels[0]))
    await step(user, user.tap("Skip"))
    await step(user, user.tap("Skip"))
    text = await step(user, user.tap((await user.last_message()).labels[0]))
    assert "Why do you say that?" in text


async def test_kill_9_under_load_then_restart_keeps_every_acknowledged_answer_once(
    tmp_path: Path,
):
    api = await FakeBotAPI(traced=False).start()
    api.forget_offsets = True
    db = tmp_path / "feedback.db"
    bot = BotProcess(api, db, tmp_path)
    await bot.start()
    people = [api.user(6_100_000_000 + i) for i in range(PEOPLE)]
    try:
        await asyncio.gather(*(to_young_adults_why(u) for u in people))
        answers = {u.id: f"Reason number {i}: more evening hours." for i, u in enumerate(people)}
        for user in people:  # all at once, and no waiting: the kill lands mid-load
            await user.send(answers[user.id])
        acknowledged_at = len(api.sent)
        await api.wait_until(lambda: len(api.sent) > acknowledged_at - 1 + PEOPLE // 2)
        assert await bot.stop(signal.SIGKILL) == -signal.SIGKILL
        acknowledged = {
            u.id for u in people if any("anything else" in m.text.lower() for m in u.messages())
        }
        assert acknowledged, "the kill came before any answer was acknowledged"

        await bot.start()  # sent every update again: skipped, or handled once if never done
        for user in people:
            before = len(user.messages())
            await user.send("/help")
            await user.wait_for_messages(before + 1)
        # While it runs: a backup can be made, and a restore is refused.
        made = make_backup(db, tmp_path / "backups", keep=2)
        refused = await asyncio.create_subprocess_exec(
            *(sys.executable, "-m", "bot", "--config", str(ROOT / "config.yaml")),
            *("restore", str(made)),
            env={**os.environ, "FEEDBACK_BOT_DATABASE": str(db)},
            stderr=asyncio.subprocess.PIPE,
        )
        _, err = await refused.communicate()
        assert refused.returncode == 1 and b"stop it first" in err, err
    finally:
        code = await bot.stop(signal.SIGTERM)
        await api.close()
    assert code == 0, bot.logs[-3000:]
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for user in people:
            key = respondent_key(SECRET.encode(), "telegram", user.id)
            rows = dict(
                conn.execute(
                    "SELECT step_id, value FROM answers JOIN sessions ON sessions.id = session_id"
                    " WHERE respondent_key = ?",
                    (key,),
                ).fetchall()
            )
            if user.id in acknowledged:
                assert rows.get("young_adults_why") == answers[user.id]
            # Never stored one question on, whichever side of the kill it was handled.
            assert "anything_else" not in rows, rows
    assert "database is locked" not in bot.logs
