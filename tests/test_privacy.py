import stat
import subprocess
from pathlib import Path

import pytest

from bot.privacy import KEY_FILE_NAME, SECRET_ENV, key_file_for, load_secret, respondent_key

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


def test_the_secret_is_stable_across_restarts(tmp_path):
    db = tmp_path / "feedback.db"
    assert load_secret(db) == load_secret(db)


def test_the_secret_from_the_environment_wins_and_no_file_is_made(tmp_path, monkeypatch):
    monkeypatch.setenv(SECRET_ENV, "from-the-environment")
    db = tmp_path / "feedback.db"
    assert load_secret(db) == b"from-the-environment"
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
