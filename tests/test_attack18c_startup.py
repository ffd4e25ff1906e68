"""Hostile review of issue 18 items 3, 16 and 17 (attack18c): start-ups that go wrong.

Every command must exit non-zero, at once (within a minute on a loaded machine: the bot's
imports alone take seconds there) and without a traceback, whatever stops it
at start-up, so that systemd or a container restarts it instead of watching a hung
process.  The cases tests/test_startup.py does not try: a database file that is not a
database, a key file others can read, the bot and an export starting together on a
database another process holds locked.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from bot.config import load_settings
from tests.test_startup import env, finish, start, write_config

RUN = ["run", "--base-url", "http://127.0.0.1:9/bot"]
TOKEN = {"TELEGRAM_BOT_TOKEN": "123:abc"}


@pytest.mark.parametrize("command", [["chat"], RUN, ["export"]])
def test_a_file_that_is_not_a_database_stops_every_command_at_once(tmp_path, command):
    config = write_config(tmp_path)
    db = load_settings(config).database
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"these are not the pages you are looking for" * 200)
    started = time.monotonic()
    code, err = finish(start(config, *command, environ=env(**TOKEN)), 60)
    assert code != 0 and "Traceback" not in err, err
    assert time.monotonic() - started < 60


@pytest.mark.parametrize("command", [RUN, ["roles"]])
def test_a_key_file_others_can_read_stops_start_up_at_once(tmp_path: Path, command):
    config = write_config(tmp_path)
    base = {k: v for k, v in env(**TOKEN).items() if k != "FEEDBACK_BOT_SECRET"}
    code, err = finish(start(config, "roles", environ=base), 30)  # makes the key
    assert code == 0, err
    key = load_settings(config).database.parent / "feedback-bot.key"
    assert key.exists()
    key.chmod(0o644)
    code, err = finish(start(config, *command, environ=base), 60)
    assert code != 0 and "chmod 600" in err and "Traceback" not in err, err


def test_the_bot_and_an_export_starting_on_a_locked_database_both_exit(tmp_path):
    """Another process (a backup, a migration by hand) holds the database's write lock
    while the bot and a scheduled export start: each waits its while, then exits
    non-zero and says so, instead of hanging for ever."""
    config = write_config(tmp_path)
    code, err = finish(start(config, "migrate"), 30)
    assert code == 0, err
    db = load_settings(config).database
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        procs = [start(config, *RUN, environ=env(**TOKEN)), start(config, "export")]
        results = [finish(p, 90) for p in procs]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    for code, err in results:
        assert code != 0 and "Traceback" not in err, err
        assert "stayed locked by another process" in err, err
