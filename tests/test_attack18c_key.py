"""Hostile review of issue 18 item 3 (attack18c): a key anyone can guess.

The key must be at least 32 bytes and private to its owner.  A key of 32 bytes that
anyone can write down is as open as an empty one: every respondent key can be
recomputed from Telegram ids.  Two ways an operator gets one without noticing: a file
made to size (``truncate -s 32``, ``fallocate``: 32 zero bytes), and the README's own
command written where no shell runs it (systemd ``Environment=``, a compose ``.env``
file), which sets the secret to the command's text.
"""

from __future__ import annotations

import pytest

from bot.privacy import SECRET_ENV, SecretError, key_file_for, load_secret


@pytest.mark.parametrize("content", [b"\0" * 32, b"a" * 64 + b"\n"])
def test_a_key_file_of_one_byte_repeated_is_refused(tmp_path, content, monkeypatch):
    monkeypatch.delenv(SECRET_ENV, raising=False)
    path = key_file_for(tmp_path / "feedback.db")
    path.write_bytes(content)
    path.chmod(0o600)
    with pytest.raises(SecretError, match=r"not random.*delete it"):
        load_secret(tmp_path / "feedback.db")


def test_the_command_that_makes_a_secret_is_not_taken_as_the_secret(tmp_path, monkeypatch):
    monkeypatch.setenv(SECRET_ENV, "$(python -c 'import secrets; print(secrets.token_hex(32))')")
    with pytest.raises(SecretError, match="the command that makes a key"):
        load_secret(tmp_path / "feedback.db")


def test_a_real_key_of_32_random_bytes_is_still_taken(tmp_path, monkeypatch):
    import secrets

    monkeypatch.setenv(SECRET_ENV, secrets.token_urlsafe(32))
    assert len(load_secret(tmp_path / "feedback.db")) >= 32
