"""``feedback-bot doctor``: one line per check, non-zero on any problem, and on a fresh
clone each thing left to set named."""

from __future__ import annotations

import asyncio
import os
import sqlite3
from pathlib import Path

import pytest

from bot.backup import make_backup
from bot.cli import main
from bot.privacy import KEY_FILE_NAME, load_secret
from tests.conftest import ROOT
from tests.e2e.fakebotapi import FakeBotAPI

CONFIG = ROOT / "config.yaml"


@pytest.fixture
def clean_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("TELEGRAM_BOT_TOKEN", "FEEDBACK_BOT_SECRET", "TELEGRAM_WEBHOOK_SECRET"):
        monkeypatch.delenv(name, raising=False)
    db = tmp_path / "data" / "feedback.db"
    monkeypatch.setenv("FEEDBACK_BOT_DATABASE", str(db))
    monkeypatch.setenv("FEEDBACK_BOT_FLOWS_DIR", str(ROOT / "flows"))
    return db


def lines(out: str) -> dict[str, str]:
    return {line.split()[1].rstrip(":"): line for line in out.splitlines()}


def test_a_fresh_clone_names_each_thing_left_to_set(clean_env, capsys):
    assert main(["--config", str(CONFIG), "doctor", "--offline"]) == 1
    found = lines(capsys.readouterr().out)
    failed = {name for name, line in found.items() if line.startswith("FAIL")}
    assert failed == {"token", "key", "database", "backup", "bot_username", "local_service"}
    assert "TELEGRAM_BOT_TOKEN" in found["token"]
    assert "01632 960 000" in found["local_service"]
    assert found["config"].startswith("ok") and found["languages"].startswith("ok")


def ready_config(tmp_path: Path, username: str) -> Path:
    text = CONFIG.read_text(encoding="utf-8")
    text = text.replace("bot_username: your_feedback_bot", f"bot_username: {username}")
    text = text.replace("Your local drug and alcohol service", "Fenland Recovery Service")
    text = text.replace('"01632 960 000"', '"01354 123 456"')
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


async def test_a_ready_deployment_passes_every_check_with_telegram_asked(
    clean_env, tmp_path, monkeypatch, capsys
):
    api = await FakeBotAPI(traced=False).start()
    try:
        config = ready_config(tmp_path, api.bot_user["username"])
        monkeypatch.setenv("TELEGRAM_BOT_TOKEN", api.token)
        argv = ["--config", str(config)]
        assert await asyncio.to_thread(main, [*argv, "migrate"]) == 0
        load_secret(clean_env)
        make_backup(clean_env, clean_env.parent / "backups", keep=2)
        capsys.readouterr()
        code = await asyncio.to_thread(main, [*argv, "doctor", "--base-url", api.base_url])
        out = capsys.readouterr().out
        assert code == 0, out
        assert "getMe: @" in lines(out)["token"]
        assert len(out.splitlines()) == 10

        monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:wrong")
        code = await asyncio.to_thread(main, [*argv, "doctor", "--base-url", api.base_url])
        out = capsys.readouterr().out
        assert code == 1 and lines(out)["token"].startswith("FAIL")
        assert "123:wrong" not in out
    finally:
        await api.close()


def test_a_key_file_others_can_read_and_a_damaged_database_fail(clean_env, capsys):
    assert main(["--config", str(CONFIG), "migrate"]) == 0
    key = clean_env.parent / KEY_FILE_NAME
    key.write_text("k" * 64)
    os.chmod(key, 0o644)
    with sqlite3.connect(clean_env) as conn:
        conn.execute("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1")
    capsys.readouterr()
    assert main(["--config", str(CONFIG), "doctor", "--offline"]) == 1
    found = lines(capsys.readouterr().out)
    assert found["key"].startswith("FAIL") and "chmod 600" in found["key"]
    assert found["database"].startswith("FAIL") and "001_initial.sql" in found["database"]
