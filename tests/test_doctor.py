"""``feedback-bot doctor``: one line per check, non-zero on any problem, and on a fresh
clone each thing left to set named."""

from __future__ import annotations

import asyncio
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest

from bot.backup import make_backup
from bot.cli import main
from bot.doctor import CHECKS
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
        assert len(out.splitlines()) == len(CHECKS)

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


def doctor(config: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, str]]:
    capsys.readouterr()
    code = main(["--config", str(config), "doctor", "--offline"])
    return code, lines(capsys.readouterr().out)


@pytest.mark.parametrize("kind", ["folder", "pipe", "dangling link", "empty file"])
def test_a_key_file_the_bot_could_not_use_fails_and_says_what_it_is(clean_env, capsys, kind):
    key = clean_env.parent / KEY_FILE_NAME
    key.parent.mkdir(parents=True)
    if kind == "folder":
        key.mkdir(mode=0o700)
    elif kind == "pipe":
        os.mkfifo(key, 0o600)
    elif kind == "dangling link":
        key.symlink_to(clean_env.parent / "secrets" / "feedback-bot.key")
    else:
        os.close(os.open(key, os.O_WRONLY | os.O_CREAT, 0o600))
    code, found = doctor(CONFIG, capsys)
    assert code == 1 and found["key"].startswith("FAIL")
    said = {
        "folder": "is a folder",
        "pipe": "is a pipe",
        "dangling link": "which does not exist",
        "empty file": "holds 0 bytes",
    }
    assert said[kind] in found["key"]
    assert "first run makes it" not in found["key"]


def test_an_empty_config_fails_and_one_that_is_not_a_mapping_still_gives_a_line_per_check(
    clean_env, tmp_path, capsys
):
    empty = tmp_path / "empty.yaml"
    empty.write_text("# nothing yet\n", encoding="utf-8")
    code, found = doctor(empty, capsys)
    assert code == 1 and found["config"].startswith("FAIL") and "is empty" in found["config"]

    listed = tmp_path / "list.yaml"
    listed.write_text("- telegram\n- database\n", encoding="utf-8")
    code, found = doctor(listed, capsys)
    assert code == 1
    assert found["config"].startswith("FAIL") and "expected a mapping" in found["config"]
    assert list(found) == list(CHECKS)
    assert found["token"].startswith("FAIL")
    assert all(found[c].startswith("skip") for c in CHECKS if c not in {"config", "token"})


def test_a_database_folder_the_bot_cannot_write_fails(clean_env, capsys, read_only):
    read_only(clean_env.parent)
    code, found = doctor(CONFIG, capsys)
    assert code == 1 and found["database"].startswith("FAIL")
    assert "cannot be written" in found["database"] and str(clean_env.parent) in found["database"]


def test_a_database_under_a_file_fails(tmp_path, monkeypatch, clean_env, capsys):
    (tmp_path / "notafolder").write_text("x")
    monkeypatch.setenv("FEEDBACK_BOT_DATABASE", str(tmp_path / "notafolder" / "feedback.db"))
    code, found = doctor(CONFIG, capsys)
    assert code == 1 and "is a file, not a folder" in found["database"]


def test_backups_on_the_databases_own_disk_warn_and_elsewhere_pass(
    clean_env, tmp_path, capsys, monkeypatch, read_only
):
    code, found = doctor(CONFIG, capsys)
    assert found["backup_place"].startswith("warn") and "same disk" in found["backup_place"]
    assert "backup_place" not in capsys.readouterr().err

    other = Path("/dev/shm")
    if not other.is_dir() or other.stat().st_dev == tmp_path.stat().st_dev:
        pytest.skip("no second file system to put backups on")
    elsewhere = Path(tempfile.mkdtemp(dir=other))
    try:
        monkeypatch.setenv("FEEDBACK_BOT_BACKUP__DIR", str(elsewhere / "backups"))
        code, found = doctor(CONFIG, capsys)
        assert found["backup_place"].startswith("ok") and "another disk" in found["backup_place"]
    finally:
        shutil.rmtree(elsewhere)

    locked = tmp_path / "locked"
    read_only(locked)
    monkeypatch.setenv("FEEDBACK_BOT_BACKUP__DIR", str(locked / "backups"))
    code, found = doctor(CONFIG, capsys)
    assert code == 1 and found["backup_place"].startswith("FAIL")
    assert "cannot make it in" in found["backup_place"] and str(locked) in found["backup_place"]


def test_doctor_run_where_the_flows_are_not_fails_and_names_the_folder(
    clean_env, tmp_path, monkeypatch, capsys
):
    """``flows_dir: ./flows`` is relative to the folder the bot starts in: an operator
    running doctor (or the bot) from another folder has no flows."""
    monkeypatch.setenv("FEEDBACK_BOT_FLOWS_DIR", "./flows")
    monkeypatch.chdir(tmp_path)
    code, found = doctor(CONFIG, capsys)
    assert code == 1 and found["flows"].startswith("FAIL")
    assert str(tmp_path / "flows") in found["flows"]
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("FEEDBACK_BOT_DATABASE", "data/feedback.db")
    code, found = doctor(CONFIG, capsys)
    assert found["flows"].startswith("ok") and "service_feedback" in found["flows"]
    assert str(ROOT / "data" / "feedback.db") in found["database"]  # whole, not relative


def test_doctor_says_where_the_translation_catalogues_are_missing(
    clean_env, tmp_path, monkeypatch, capsys
):
    """What ``pip install .`` gives: the package without ``locale/`` beside it, so every
    language but English fails the start.  The doctor names the cause, not a flow line."""
    monkeypatch.setenv("FEEDBACK_BOT_LOCALE_DIR", str(tmp_path / "nowhere"))
    code, found = doctor(CONFIG, capsys)
    assert code == 1 and found["flows"].startswith("FAIL")
    assert "FEEDBACK_BOT_LOCALE_DIR" in found["flows"] and "nowhere" in found["flows"]


def test_a_newest_backup_cut_short_fails_the_backup_check(clean_env, capsys):
    """A copy cut short (an rsync stopped half-way, a full disk by another way) under
    a good name would otherwise count as today's backup."""
    assert main(["--config", str(CONFIG), "migrate"]) == 0
    made = make_backup(clean_env, clean_env.parent / "backups", keep=3)
    code, found = doctor(CONFIG, capsys)
    assert found["backup"].startswith("ok")
    made.write_bytes(made.read_bytes()[: made.stat().st_size // 2])
    code, found = doctor(CONFIG, capsys)
    assert code == 1 and found["backup"].startswith("FAIL") and "cut short" in found["backup"]
    made.write_bytes(b"")
    code, found = doctor(CONFIG, capsys)
    assert "not a SQLite database" in found["backup"]


def test_a_database_from_before_the_latest_migrations_names_how_many_will_run(clean_env, capsys):
    """A backup from before this release's migrations, restored: doctor says how many
    migrations the next start runs.  Numbers have gaps, so it is not newest - current
    (that said 8 for a schema-22 database that had 2 to run)."""
    from bot import schema

    clean_env.parent.mkdir(parents=True)
    conn = sqlite3.connect(clean_env)
    conn.isolation_level = None
    older = [m for m in schema.migrations() if m.number <= 22]
    schema.migrate(conn, "2026-01-01T00:00:00+00:00", older)
    conn.execute("COMMIT")
    conn.close()
    to_run = len(schema.migrations()) - len(older)
    _code, found = doctor(CONFIG, capsys)
    assert found["database"].startswith("ok")
    assert f"schema 22; {to_run} migration(s) run at next start" in found["database"]
