"""Start-up as operators meet it: several processes at once, and failures that must exit.

These run ``python -m bot`` as real processes, because what they guard against
(a race between processes, a process that never exits) only exists there.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.config import load_settings
from bot.flows import load_flows
from bot.service import option_ids
from bot.store import FlowChanged, Store
from tests.conftest import ROOT

SECRET = "start-up-test-secret-" + "s" * 64


def write_config(tmp_path: Path) -> Path:
    flows = tmp_path / "flows"
    if not flows.exists():
        shutil.copytree(ROOT / "flows", flows)
    config = tmp_path / "config.yaml"
    config.write_text(
        f"database: {tmp_path / 'data' / 'feedback.db'}\n"
        f"flows_dir: {flows}\n"
        "languages: [en]\n"
        "helplines:\n  en:\n    - {name: Samaritans, number: '116 123'}\n"
        "risk_phrases:\n  en: [want to die]\n"
    )
    return config


def env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("FEEDBACK_BOT_")}
    return {**base, "PYTHONPATH": str(ROOT), "FEEDBACK_BOT_SECRET": SECRET, **extra}


def start(config: Path, *args: str, environ: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "--config", str(config), *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environ or env(),
        cwd=config.parent,
        text=True,
    )


def finish(proc: subprocess.Popen, seconds: float = 20) -> tuple[int, str]:
    """The exit code and stderr; a process still running after ``seconds`` fails the test."""
    try:
        _, err = proc.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail(f"{proc.args[4:]} did not exit within {seconds} s (it hangs)")
    return proc.returncode, err


def test_five_chats_started_at_once_on_a_new_database_all_start(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    procs = [start(config, "chat") for _ in range(5)]
    results = [finish(proc, 60) for proc in procs]
    assert [code for code, _ in results] == [0] * 5, [err for _, err in results]
    db = tmp_path / "data" / "feedback.db"
    with sqlite3.connect(db) as conn:
        versions = conn.execute("SELECT flow_id, version FROM flow_versions").fetchall()
        applied = conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]
    flows = load_flows(tmp_path / "flows", ["en"], option_ids(load_settings(config)))
    assert sorted(versions) == sorted((f.id, f.version) for f in flows.values())
    assert applied == len(list((ROOT / "bot" / "migrations").glob("*.sql")))


async def test_two_stores_registering_one_flow_at_once_both_succeed(settings, tmp_path) -> None:
    """The check-then-insert race, without processes: both look before either inserts."""
    flows = load_flows(settings.flows_dir, settings.languages, option_ids(settings))
    flow = flows[settings.default_flow]
    db = tmp_path / "race.db"
    first, second = await Store.open(db), await Store.open(db)
    try:
        await asyncio.gather(first.register_flow(flow), second.register_flow(flow))
        changed = flow.model_copy(update={"title": {**flow.title, "en": "Edited title"}})
        with pytest.raises(FlowChanged):
            await second.register_flow(changed)
    finally:
        await first.close()
        await second.close()


async def test_two_processes_running_the_profile_repair_at_once_both_start(
    settings, tmp_path
) -> None:
    """Both look for the repair's record before either writes it; the second must not crash.

    Five chats started at once on a new database once died with ``UNIQUE constraint failed:
    data_repairs.name``: the same check-then-insert race as registering flows.
    """
    from bot.repairs import repair_profiles

    db = tmp_path / "race.db"
    first, second = await Store.open(db), await Store.open(db)
    try:
        results = await asyncio.gather(
            repair_profiles(first, settings), repair_profiles(second, settings)
        )
        assert sorted(results, key=lambda r: r is None) == [0, None]
        async with first.db.execute("SELECT count(*) FROM data_repairs") as cur:
            assert (await cur.fetchone())[0] == 1
    finally:
        await first.close()
        await second.close()


def changed_flow(tmp_path: Path) -> Path:
    """A config whose database holds service_feedback v1, and a flow file edited since."""
    config = write_config(tmp_path)
    code, err = finish(start(config, "migrate"))
    assert code == 0, err
    code, err = finish(start(config, "chat"))
    assert code == 0, err
    path = tmp_path / "flows" / "service_feedback.yaml"
    path.write_text(path.read_text().replace("Thank you", "Thanks very much", 1))
    return config


@pytest.mark.parametrize("command", [["chat"], ["run", "--base-url", "http://127.0.0.1:9/bot"]])
def test_a_command_that_fails_at_start_up_exits_non_zero_at_once(tmp_path, command) -> None:
    config = changed_flow(tmp_path)
    started = time.monotonic()
    code, err = finish(start(config, *command, environ=env(TELEGRAM_BOT_TOKEN="123:abc")), 15)
    assert code == 1 and "raise 'version'" in err and "Traceback" not in err
    assert time.monotonic() - started < 15


@pytest.mark.parametrize(
    "command",
    [["migrate"], ["purge", "--dry-run"], ["roles"], ["audit"], ["update", "list"], ["export"]],
)
def test_store_commands_exit_when_the_database_refuses_to_open(tmp_path, command) -> None:
    config = write_config(tmp_path)
    code, err = finish(start(config, "migrate"))
    assert code == 0, err
    db = load_settings(config).database
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1")
    code, err = finish(start(config, *command), 15)
    assert code == 1 and "001_initial.sql" in err and "Traceback" not in err
