"""Pseudonymous keys: people are known to the store only by an HMAC of their id.

The secret comes from ``FEEDBACK_BOT_SECRET`` or, failing that, a key file
created on first run beside the database with mode 0600.  Without the secret
a key cannot be linked back to a Telegram account; with it, the same person
always gets the same key, so they can resume a flow and delete their data.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

SECRET_ENV = "FEEDBACK_BOT_SECRET"
KEY_FILE_NAME = "feedback-bot.key"


def key_file_for(database: Path) -> Path:
    return database.parent / KEY_FILE_NAME


def load_secret(database: Path) -> bytes:
    """The hashing secret: from the environment, else the key file (created if absent)."""
    from_env = os.environ.get(SECRET_ENV)
    if from_env:
        return from_env.encode()
    path = key_file_for(database)
    if path.exists():
        return path.read_bytes().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_hex(32).encode()
    # Create with 0600 from the start: never a moment when others could read it.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(value + b"\n")
    return value


def respondent_key(secret: bytes, channel: str, user_id: int | str) -> str:
    """An opaque, stable key for one person on one channel."""
    digest = hmac.new(secret, f"{channel}:{user_id}".encode(), hashlib.sha256).hexdigest()
    return f"{channel[:2]}_{digest}"
