"""The operator's ``feedback-bot`` commands for running it for real: ``backup`` and
``restore`` (``bot.backup``), and ``doctor`` (``bot.doctor``).  Kept apart from
``bot.cli`` so the commands an operator needs on a server sit together."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bot.backup import BackupError, backup_dir, check_backup, make_backup, restore
from bot.config import Settings


def add_parsers(sub: Any) -> None:
    backup = sub.add_parser(
        "backup", help="copy the database now, checked, while the bot runs (not the key file)"
    )
    backup.add_argument(
        "--to", type=Path, help="folder (default: backup.dir, else backups/ by the database)"
    )
    put_back = sub.add_parser(
        "restore", help="put a backup in place of the database (the bot must be stopped)"
    )
    put_back.add_argument("file", type=Path, help="a backup made by feedback-bot backup")
    add_doctor(sub)


def _backup(settings: Settings, args: argparse.Namespace) -> int:
    folder = args.to or backup_dir(settings.database, settings.backup.dir)
    try:
        made = make_backup(settings.database, folder, settings.backup.keep)
    except BackupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"backup made: {made} (integrity_check ok; the newest {settings.backup.keep} kept)")
    return 0


def _restore(settings: Settings, args: argparse.Namespace) -> int:
    try:
        checked = check_backup(args.file)
        kept = restore(args.file, settings.database)
    except BackupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"restored {args.file} (schema {checked.schema_version}) to {settings.database}")
    if kept is not None:
        print(f"the database it replaced is kept as {kept}")
    print("Start the bot again; it applies any newer migrations as it starts.")
    return 0


COMMANDS = {"backup": _backup, "restore": _restore}


def add_doctor(sub: Any) -> None:
    doctor = sub.add_parser(
        "doctor", help="check the deployment: config, token, key, database, disk, backups"
    )
    doctor.add_argument(
        "--offline", action="store_true", help="do not ask Telegram (getMe); for health checks"
    )
    doctor.add_argument("--base-url", help="another Bot API server for getMe")


def _doctor(settings: Settings, args: argparse.Namespace) -> int:
    from bot.doctor import diagnose

    return _report(list(diagnose(settings, offline=args.offline, base_url=args.base_url)))


def doctor_unreadable_config(path: Path, errors: Exception, args: argparse.Namespace) -> int:
    """``doctor`` with a config that cannot be read (not a mapping, a wrong field):
    still one line per check, the config's first with what is wrong, then every
    problem in full on stderr."""
    from bot.doctor import unreadable_config

    first = str(errors).strip().splitlines()[0] if str(errors).strip() else "cannot be read"
    code = _report(list(unreadable_config(path, first)))
    print(f"Config error in {path}:\n{errors}", file=sys.stderr)
    return code


def _report(findings: list[Any]) -> int:
    for finding in findings:
        print(finding.line())
    failed = [f.check for f in findings if not f.ok]
    if failed:
        print(f"{len(failed)} to fix: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


COMMANDS["doctor"] = _doctor
