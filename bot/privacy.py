"""Pseudonymous keys: people are known to the store only by an HMAC of their id.

The secret comes from ``FEEDBACK_BOT_SECRET`` or, failing that, a key file
created on first run beside the database with mode 0600.  Without the secret
a key cannot be linked back to a Telegram account; with it, the same person
always gets the same key, so they can resume a flow and delete their data.

A weak secret is worse than none: with an empty or short key anyone can
recompute every key from Telegram ids, and with a key file others can read,
anyone on the machine can.  So, as ssh does with private keys, a secret shorter
than ``MIN_SECRET_BYTES`` or a key file open to group or others is refused at
start-up with the fix, never used.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import stat
from pathlib import Path

from bot import logsafe
from bot.durable import fsync_path

SECRET_ENV = "FEEDBACK_BOT_SECRET"
KEY_FILE_NAME = "feedback-bot.key"
MIN_SECRET_BYTES = 32
_MAKE_ONE = "python -c 'import secrets; print(secrets.token_hex(32))'"


MIN_DISTINCT_BYTES = 8
"""A key of 32 random bytes has about 30 different bytes, one in hex 16; a file made to
size (``truncate -s 32``: zero bytes) or one letter typed over and over has one or two."""


def guessable(value: bytes) -> str | None:
    """Why anyone could write ``value`` down, or None.  Length alone lets through a key
    of 32 zero bytes, and the command that makes a key, set where no shell expands it
    (systemd's ``Environment=``, a compose ``.env`` file): printed in the README, it is
    public, and every respondent key could be recomputed from Telegram ids."""
    distinct = len(set(value.strip()))
    if distinct < MIN_DISTINCT_BYTES:
        kinds = "one byte over and over" if distinct == 1 else f"only {distinct} different bytes"
        return f"holds {kinds}: it is not random, so anyone could guess it"
    if b"$(" in value or b"`" in value or b"secrets." in value:
        return "holds the command that makes a key, not the key it prints"
    return None


class SecretError(Exception):
    """The hashing secret is missing, too short or readable by others; the message says the fix."""


def key_file_for(database: Path) -> Path:
    return database.parent / KEY_FILE_NAME


def load_secret(database: Path) -> bytes:
    """The hashing secret: from the environment, else the key file (created if absent).

    Raises SecretError for a secret under 32 bytes or a key file that group or
    others may read or write.
    """
    from_env = os.environ.get(SECRET_ENV)
    if from_env is not None:
        # Used exactly as set (stripping would change every key of a running service);
        # spaces around it do not count towards its length.
        value = from_env.encode()
        length = len(from_env.strip().encode())
        if length < MIN_SECRET_BYTES:
            raise SecretError(
                f"{SECRET_ENV} is {length} bytes long; it must be at least"
                f" {MIN_SECRET_BYTES} random bytes. Make one with: {_MAKE_ONE}"
            )
        if weak := guessable(value):
            raise SecretError(
                f"{SECRET_ENV} {weak}. Run this where a shell runs it, and set the"
                f" variable to what it prints: {_MAKE_ONE}"
            )
        logsafe.protect(value)
        return value
    path = key_file_for(database)
    if not path.exists() and not path.is_symlink():
        try:
            _create_key_file(path)
        except OSError as exc:
            raise SecretError(f"cannot create the key file {path}: {exc.strerror or exc}") from None
    value = read_key_file(path)
    logsafe.protect(value)
    return value


def read_key_file(path: Path) -> bytes:
    """The key in an existing key file, or SecretError saying what is wrong with the
    file and how to mend it.  ``feedback-bot doctor`` asks the same questions the bot
    asks at start, so the two never disagree."""
    if path.is_symlink() and not path.exists():
        # A secret mount that is not there (yet): making a new key behind the link would
        # silently cut everyone off from their answers.
        raise SecretError(
            f"the key file {path} is a link to {os.readlink(path)}, which does not exist."
            f" Restore the key there, or remove the link to make a new key."
        )
    try:
        info = path.stat()
    except OSError as exc:
        raise SecretError(f"cannot read the key file {path}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        # A folder fails to read; a pipe would block the start for ever.
        raise SecretError(
            f"the key file {path} is {_kind(info.st_mode)}, not a file; it must hold the"
            f" key itself (a link to a file is fine)"
        )
    mode = stat.S_IMODE(info.st_mode)
    if os.name == "posix" and mode & 0o077:
        raise SecretError(
            f"the key file {path} can be read or changed by other users (mode {mode:04o});"
            f" anyone who reads it can link keys back to Telegram accounts."
            f" Fix it with: chmod 600 {path}"
        )
    try:
        value = path.read_bytes().strip()
    except OSError as exc:
        raise SecretError(f"cannot read the key file {path}: {exc.strerror or exc}") from None
    if len(value) < MIN_SECRET_BYTES:
        raise SecretError(
            f"the key file {path} holds {len(value)} bytes; it must hold at least"
            f" {MIN_SECRET_BYTES} random bytes. If no one has answered yet, delete it and a new"
            f" one is made on the next start; otherwise put back the copy of the key kept"
            f" apart from the backups"
            f" (a new key cannot find anyone's earlier answers). To write one by hand:"
            f" {_MAKE_ONE} > {path} && chmod 600 {path}"
        )
    if weak := guessable(value):
        raise SecretError(
            f"the key file {path} {weak}. If no one has answered yet, delete it and a new"
            f" one is made on the next start; otherwise put back the copy of the key kept"
            f" apart from the backups. To write one by hand: {_MAKE_ONE} > {path}"
            f" && chmod 600 {path}"
        )
    return value


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file"


def _create_key_file(path: Path) -> None:
    """Write a new key so that no reader ever sees a partial or group-readable file.

    The key is written to a private temporary file, then linked into place: if
    another process starting at the same moment won the race, its key is kept.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_hex(32).encode()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    # Create with 0600 from the start: never a moment when others could read it.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(value + b"\n")
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    # The name is in the folder: sync it, or a power cut could lose the key while the
    # database (synced) keeps pseudonyms made with it, and nobody could be found again.
    fsync_path(path.parent)


def respondent_key(secret: bytes, channel: str, user_id: int | str) -> str:
    """An opaque, stable key for one person on one channel."""
    digest = hmac.new(secret, f"{channel}:{user_id}".encode(), hashlib.sha256).hexdigest()
    return f"{channel[:2]}_{digest}"
