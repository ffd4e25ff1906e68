"""What an operator sees when the files around the bot are wrong.

A database path that points at a folder or at something that is not a database, a
key file that is a dangling link, a folder or a pipe, a number too large for
SQLite: each must end the command with a message that names the file and the
problem, at once, never a traceback (which reads as a bug and hides the fix) and
never a hang.  Run as real processes, as an operator runs them.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from bot.config import load_settings
from tests.test_startup import env, finish, start, write_config

RUN = ["run", "--base-url", "http://127.0.0.1:9/bot"]


def _no_secret_env(**extra: str) -> dict[str, str]:
    base = env(TELEGRAM_BOT_TOKEN="123:abc", **extra)
    base.pop("FEEDBACK_BOT_SECRET")
    return base


def _point_database_at(config: Path, database: Path) -> None:
    text = config.read_text().splitlines()
    text[0] = f"database: {database}"
    config.write_text("\n".join(text) + "\n")


@pytest.mark.parametrize("command", [["migrate"], ["chat"], ["export"], RUN])
@pytest.mark.parametrize("shape", ["parent is a file", "a folder", "not a database"])
def test_an_unusable_database_path_is_named_not_a_traceback(tmp_path, command, shape) -> None:
    config = write_config(tmp_path)
    if shape == "parent is a file":
        (tmp_path / "plain").write_text("x")
        database = tmp_path / "plain" / "feedback.db"
    elif shape == "a folder":
        database = tmp_path / "dbdir"
        database.mkdir()
    else:
        database = tmp_path / "notes.txt"
        database.write_text("these are my notes, not a database\n" * 200)
    _point_database_at(config, database)
    code, err = finish(start(config, *command, environ=env(TELEGRAM_BOT_TOKEN="123:abc")), 60)
    assert "Traceback" not in err, err
    assert code == 1 and str(database) in err, err


def _key_file(tmp_path: Path, shape: str) -> Path:
    key = tmp_path / "data" / "feedback-bot.key"
    key.parent.mkdir(parents=True, exist_ok=True)
    if shape == "dangling link":
        key.symlink_to(tmp_path / "secrets" / "gone.key")
    elif shape == "a folder":
        key.mkdir(mode=0o700)
    elif shape == "a pipe":
        os.mkfifo(key, 0o600)
    return key


@pytest.mark.parametrize("command", [RUN, ["roles"]])
@pytest.mark.parametrize("shape", ["dangling link", "a folder", "a pipe"])
def test_a_key_file_that_is_no_file_is_named_not_a_traceback_or_hang(
    tmp_path, command, shape
) -> None:
    config = write_config(tmp_path)
    key = _key_file(tmp_path, shape)
    code, err = finish(start(config, *command, environ=_no_secret_env()), 60)
    assert "Traceback" not in err, err
    assert code == 1 and str(key) in err, err
    # Nothing was written in its place: the operator's link or folder is as they left it.
    assert key.is_symlink() if shape == "dangling link" else not key.is_file()


def test_a_key_file_behind_a_link_to_a_private_file_is_used(tmp_path) -> None:
    """Secret mounts (containers, systemd credentials) are links: following one is right."""
    config = write_config(tmp_path)
    real = tmp_path / "secrets" / "feedback.key"
    real.parent.mkdir()
    real.write_text("linked-key-" + "k0123456789" * 4 + "\n")
    real.chmod(0o600)
    key = _key_file(tmp_path, "none")
    key.symlink_to(real)
    code, err = finish(start(config, "roles", environ=_no_secret_env()), 60)
    assert code == 0, err


@pytest.mark.parametrize(
    "command",
    [
        ["invite", "--role", "admin", "--days", "99999999999"],
        ["update", "delete", "99999999999999999999999"],
        ["themes", "review", "99999999999999999999999"],
        ["themes", "clear", "99999999999999999999999"],
    ],
)
def test_a_number_too_large_is_refused_kindly(tmp_path, command) -> None:
    config = write_config(tmp_path)
    code, err = finish(start(config, *command), 60)
    assert "Traceback" not in err, err
    assert code == 2 and "error:" in err, err


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("FEEDBACK_BOT_RETENTION_DAYS", "99999999999999999999"),
        ("FEEDBACK_BOT_RETENTION_DAYS", "3000000"),
        ("FEEDBACK_BOT_RETENTION_DAYS", "3"),
        ("FEEDBACK_BOT_AUDIT_RETENTION_DAYS", "3000000"),
        ("FEEDBACK_BOT_JOIN_WINDOW_MINUTES", "99999999999999"),
        ("FEEDBACK_BOT_FLOOD_WINDOW_SECONDS", "inf"),
    ],
)
def test_an_odd_retention_or_window_is_refused_naming_the_variable(
    tmp_path, variable, value
) -> None:
    """A purge run with such a value either crashed mid-way (dates overflow) or, with a
    few days, deleted answers before the weekly summary counted them."""
    config = write_config(tmp_path)
    code, err = finish(start(config, "purge", environ=env(**{variable: value})), 60)
    assert "Traceback" not in err, err
    assert code == 1 and f"{variable} (environment)" in err, err


def test_output_piped_into_head_ends_quietly(tmp_path) -> None:
    """`feedback-bot audit | head` on a long log: the pipe closes early, which is no error."""
    config = write_config(tmp_path)
    code, err = finish(start(config, "migrate"))
    assert code == 0, err
    with sqlite3.connect(load_settings(config).database) as conn:
        conn.executemany(
            "INSERT INTO audit_log (actor_key, action, params, at) VALUES ('cli', 'export', ?, ?)",
            [("{}", "2026-11-29T13:00:00+00:00")] * 5000,
        )
    proc = start(config, "audit")
    assert proc.stdout is not None
    assert proc.stdout.readline().startswith("{")
    proc.stdout.close()
    code, err = finish(proc)
    assert "Traceback" not in err and "BrokenPipe" not in err, err
    assert code == 141


def test_a_folder_given_as_config_is_called_a_folder(tmp_path) -> None:
    """ "not found" sent the operator looking for a file that is there: it is a folder."""
    write_config(tmp_path)
    code, err = finish(start(tmp_path, "migrate"))
    assert code == 2 and "is a folder" in err and "not found" not in err, err


@pytest.mark.parametrize("which", ["config", "flow"])
def test_a_file_saved_in_another_encoding_is_named_with_its_line(tmp_path, which) -> None:
    """An editor on Windows saves "café" as Windows-1252: a message, not a traceback."""
    config = write_config(tmp_path)
    path = config if which == "config" else tmp_path / "flows" / "service_feedback.yaml"
    lines = path.read_bytes().splitlines(keepends=True)
    lines.insert(2, "# the café's hub\n".encode("cp1252"))
    path.write_bytes(b"".join(lines))
    code, err = finish(start(config, "check-flows"))
    assert "Traceback" not in err, err
    assert code == 1 and f"{path}:3" in err and "UTF-8" in err, err
