"""``feedback-bot run`` as a separate process against the fake server, stopped by SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from bot.privacy import respondent_key
from tests.conftest import ROOT
from tests.e2e.fakebotapi import FakeBotAPI


async def test_run_command_serves_until_sigterm(tmp_path: Path):
    api = await FakeBotAPI(traced=False).start()
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": api.token,
        "FEEDBACK_BOT_DATABASE": str(tmp_path / "feedback.db"),
        "FEEDBACK_BOT_FLOWS_DIR": str(ROOT / "flows"),
        "FEEDBACK_BOT_SECRET": "cli-test-secret-" + "x" * 32,
    }
    command = [sys.executable, "-m", "bot", "--config", str(ROOT / "config.yaml"), "run"]
    proc = await asyncio.create_subprocess_exec(
        *command,
        "--base-url",
        api.base_url,
        "--log-level",
        "DEBUG",
        env=env,
        cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    # Read its output as it comes: at DEBUG it fills a pipe nobody reads, and then blocks.
    output: list[bytes] = []
    started = asyncio.Event()

    async def drain(stream: asyncio.StreamReader) -> None:
        async for line in stream:
            output.append(line)
            if b"Application started" in line:
                started.set()

    assert proc.stdout is not None and proc.stderr is not None
    readers = [asyncio.create_task(drain(proc.stdout)), asyncio.create_task(drain(proc.stderr))]
    try:
        # A process starting on a busy machine can take a while.
        await asyncio.wait_for(started.wait(), 60)
        user = api.user(5_555_123_456_789)
        await user.send("/start")
        shown = await user.wait_for_messages(2)
        assert shown[-1].text == "Are you happy to go ahead?"
        assert api.commands[None][0]["command"] == "start"
    finally:
        proc.send_signal(signal.SIGTERM)
        await asyncio.wait_for(proc.wait(), 20)
        await asyncio.gather(*readers)
        await api.close()
    logs = b"".join(output).decode()
    assert proc.returncode == 0, logs[-3000:]
    assert "executing" in logs and "Calling Bot API endpoint" in logs  # DEBUG was on
    assert api.token not in logs
    assert str(user.id) not in logs
    secret = env["FEEDBACK_BOT_SECRET"].encode()
    key = respondent_key(secret, "telegram", user.id)
    assert key not in logs and key[3:] not in logs and env["FEEDBACK_BOT_SECRET"] not in logs
    assert (tmp_path / "feedback.db").exists()
