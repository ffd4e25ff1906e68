import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.privacy import (
    KEY_FILE_NAME,
    SECRET_ENV,
    SecretError,
    key_file_for,
    load_secret,
    respondent_key,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def no_env_secret(monkeypatch):
    monkeypatch.delenv(SECRET_ENV, raising=False)


def test_key_file_is_created_beside_the_database_readable_only_by_its_owner(tmp_path):
    db = tmp_path / "data" / "feedback.db"
    secret = load_secret(db)
    path = key_file_for(db)
    assert path == tmp_path / "data" / KEY_FILE_NAME
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(secret) >= 32


def test_a_new_key_file_is_synced_with_its_folder_so_a_power_cut_keeps_it(tmp_path, monkeypatch):
    """The link that names the key lives in the folder: without syncing the folder, a crash
    can keep the database's pseudonyms and lose the key that made them."""
    synced: list[Path] = []
    real = os.fsync

    def spy(fd: int) -> None:
        synced.append(Path(os.readlink(f"/proc/self/fd/{fd}")))
        real(fd)

    monkeypatch.setattr(os, "fsync", spy)
    db = tmp_path / "data" / "feedback.db"
    load_secret(db)
    assert (tmp_path / "data") in synced


def test_the_secret_is_stable_across_restarts(tmp_path):
    db = tmp_path / "feedback.db"
    assert load_secret(db) == load_secret(db)


def test_the_secret_from_the_environment_wins_and_no_file_is_made(tmp_path, monkeypatch):
    monkeypatch.setenv(SECRET_ENV, "from-the-environment-" + "e" * 32)
    db = tmp_path / "feedback.db"
    assert load_secret(db) == b"from-the-environment-" + b"e" * 32
    assert not key_file_for(db).exists()


def test_keys_are_stable_opaque_and_differ_by_secret_and_channel():
    key = respondent_key(b"s1", "telegram", 123456789)
    assert key == respondent_key(b"s1", "telegram", "123456789")
    assert "123456789" not in key
    assert key.startswith("te_") and len(key) == 3 + 64
    assert key != respondent_key(b"s2", "telegram", 123456789)
    assert key != respondent_key(b"s1", "terminal", 123456789)
    assert key != respondent_key(b"s1", "telegram", 123456780)


def test_the_key_file_is_never_committed():
    """git ignores the key file wherever the database is put inside the repository."""
    for where in (f"data/{KEY_FILE_NAME}", KEY_FILE_NAME, f"elsewhere/{KEY_FILE_NAME}"):
        result = subprocess.run(
            ["git", "check-ignore", "--no-index", "-q", where], cwd=ROOT, check=False
        )
        assert result.returncode == 0, f"{where} is not ignored by .gitignore"


@pytest.mark.parametrize("content", [b"", b"\n", b"short-key\n", b"x" * 31])
def test_an_empty_or_short_key_file_is_refused_with_the_fix(tmp_path, content):
    """An empty key would be b"": anyone could recompute every key from Telegram ids."""
    db = tmp_path / "feedback.db"
    path = key_file_for(db)
    path.write_bytes(content)
    path.chmod(0o600)
    with pytest.raises(SecretError) as caught:
        load_secret(db)
    message = str(caught.value)
    assert str(path) in message and "32" in message and "token_hex(32)" in message


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660, 0o620, 0o602])
def test_a_key_file_others_can_read_or_write_is_refused_as_ssh_does(tmp_path, mode):
    db = tmp_path / "feedback.db"
    load_secret(db)
    path = key_file_for(db)
    path.chmod(mode)
    with pytest.raises(SecretError) as caught:
        load_secret(db)
    assert f"chmod 600 {path}" in str(caught.value)
    path.chmod(0o600)
    assert len(load_secret(db)) >= 32


@pytest.mark.parametrize("value", ["", "short", "x" * 31, " " * 40, "x" * 31 + " " * 9])
def test_a_short_secret_in_the_environment_is_refused(tmp_path, monkeypatch, value):
    monkeypatch.setenv(SECRET_ENV, value)
    with pytest.raises(SecretError) as caught:
        load_secret(tmp_path / "feedback.db")
    assert SECRET_ENV in str(caught.value) and "32" in str(caught.value)
    assert not key_file_for(tmp_path / "feedback.db").exists()


def test_the_cli_refuses_a_weak_key_with_the_fix_and_no_traceback(tmp_path, capsys):
    config = tmp_path / "config.yaml"
    config.write_text(f"database: {tmp_path / 'feedback.db'}\nsites: []\n")
    path = key_file_for(tmp_path / "feedback.db")
    path.write_bytes(b"\n")
    path.chmod(0o600)
    assert main(["--config", str(config), "roles"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and str(path) in err and "32" in err


def test_processes_making_the_key_at_once_all_get_the_same_whole_key(tmp_path):
    """The key file appears complete or not at all: a racing reader never sees it empty."""
    db = tmp_path / "feedback.db"
    code = "import sys; from pathlib import Path; from bot.privacy import load_secret;"
    code += " sys.stdout.write(load_secret(Path(sys.argv[1])).decode())"
    env = {k: v for k, v in os.environ.items() if k != SECRET_ENV}
    env["PYTHONPATH"] = str(ROOT)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(db)], stdout=subprocess.PIPE, env=env, cwd=ROOT
        )
        for _ in range(6)
    ]
    keys = {proc.communicate(timeout=30)[0] for proc in procs}
    assert all(proc.returncode == 0 for proc in procs)
    assert len(keys) == 1 and len(keys.pop()) == 64
    assert [p.name for p in tmp_path.iterdir()] == [KEY_FILE_NAME]
