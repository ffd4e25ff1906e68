"""``feedback-bot doctor``: is this deployment ready and healthy?  One line per check.

Each check returns a ``Finding``: ok or not, and what to do.  On a fresh clone
it names each thing still to set; in a container it is the health check
(``--offline``: no call to Telegram, which would count against the bot's limits
every 30 seconds).  Nothing here writes: the database is opened read-only.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot import schema
from bot.backup import backup_dir, last_backup_time
from bot.config import PLACEHOLDER_BOT_USERNAME, Settings
from bot.privacy import MIN_SECRET_BYTES, SECRET_ENV, key_file_for

TOKEN_ENV = "TELEGRAM_BOT_TOKEN"
WEBHOOK_SECRET_ENV = "TELEGRAM_WEBHOOK_SECRET"
LOW_DISK = 500 * 1024 * 1024
"""Below this, a busy week's answers and a backup may not fit."""
BACKUP_DUE = timedelta(hours=36)
"""The bot backs up daily; older than a day and a half, the daily job is not running."""
PLACEHOLDER_NUMBER = re.compile(r"^\s*01632\s*960\s*\d{3}\s*$")
"""Ofcom's range for drama: the number shipped in config.yaml for the local service."""


@dataclass(frozen=True)
class Finding:
    check: str
    ok: bool
    detail: str

    def line(self) -> str:
        return f"{'ok  ' if self.ok else 'FAIL'}  {self.check}: {self.detail}"


GetMe = Callable[[str, str | None], str]
"""(token, base_url) → the bot's username; raises on a refused token."""


def diagnose(
    settings: Settings, *, offline: bool, get_me: GetMe | None = None, base_url: str | None = None
) -> Iterator[Finding]:
    yield _config(settings)
    if not offline:
        yield _token(settings, get_me or _get_me, base_url or settings.telegram.base_url)
    else:
        yield _token_set()
    yield _webhook(settings)
    yield _key(settings)
    yield _database(settings)
    yield _disk(settings)
    yield _backup(settings)
    yield _languages(settings)
    yield _bot_username(settings)
    yield _local_service(settings)


def _config(settings: Settings) -> Finding:
    if settings.config_file is None:
        return Finding(
            "config", False, "no config file was read: pass --config PATH (see config.yaml)"
        )
    return Finding("config", True, f"{settings.config_file} is valid")


def _token_set() -> Finding:
    if not os.environ.get(TOKEN_ENV, "").strip():
        return Finding("token", False, f"{TOKEN_ENV} is not set: the token from @BotFather")
    return Finding("token", True, f"{TOKEN_ENV} is set (not checked with Telegram: --offline)")


def _token(settings: Settings, get_me: GetMe, base_url: str | None) -> Finding:
    found = _token_set()
    if not found.ok:
        return found
    try:
        username = get_me(os.environ[TOKEN_ENV].strip(), base_url)
    except Exception as exc:  # any failure is the finding; never its text (the token)
        return Finding("token", False, f"Telegram refused getMe ({type(exc).__name__})")
    wanted = settings.telegram.bot_username
    if username != wanted:
        return Finding(
            "token", False, f"the token is @{username}'s, but telegram.bot_username is {wanted}"
        )
    return Finding("token", True, f"getMe: @{username}")


def _get_me(token: str, base_url: str | None) -> str:
    import asyncio

    from telegram import Bot

    async def ask() -> str:
        async with Bot(token, base_url=base_url or "https://api.telegram.org/bot") as bot:
            return str(bot.username)

    return asyncio.run(ask())


def _webhook(settings: Settings) -> Finding:
    tg = settings.telegram
    if tg.mode != "webhook":
        return Finding("webhook", True, "polling (no webhook to check)")
    problems = []
    if not tg.webhook.url.startswith("https://"):
        problems.append("telegram.webhook.url must be the public https:// address")
    if not os.environ.get(WEBHOOK_SECRET_ENV, "").strip():
        problems.append(f"{WEBHOOK_SECRET_ENV} is not set")
    if problems:
        return Finding("webhook", False, "; ".join(problems))
    return Finding("webhook", True, f"{tg.webhook.url} (listening on {tg.webhook.listen})")


def _key(settings: Settings) -> Finding:
    from_env = os.environ.get(SECRET_ENV)
    if from_env is not None:
        if len(from_env.strip().encode()) < MIN_SECRET_BYTES:
            return Finding("key", False, f"{SECRET_ENV} is shorter than {MIN_SECRET_BYTES} bytes")
        return Finding("key", True, f"from {SECRET_ENV}")
    path = key_file_for(settings.database)
    if not path.exists():
        return Finding(
            "key",
            False,
            f"no key file at {path} yet: the first run makes it (or set {SECRET_ENV});"
            " then keep a copy apart from the backups",
        )
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        return Finding("key", False, f"{path} has mode {mode:04o}: chmod 600 {path}")
    return Finding("key", True, f"{path} (mode {mode:04o})")


def _database(settings: Settings) -> Finding:
    path = settings.database
    if not path.is_file():
        return Finding("database", False, f"none at {path} yet: feedback-bot migrate makes it")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            check = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
            applied = dict(conn.execute("SELECT version, checksum FROM schema_migrations"))
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return Finding("database", False, f"{path} cannot be read: {exc}")
    if check != ["ok"]:
        return Finding("database", False, f"{path} failed its check: {'; '.join(check[:3])}")
    shipped = {m.number: m for m in schema.migrations()}
    version, newest = max(applied, default=0), max(shipped)
    changed = [
        shipped[n].name
        for n, recorded in applied.items()
        if n in shipped
        and recorded is not None
        and recorded != shipped[n].checksum
        and recorded not in schema.SUPERSEDED.get(n, {})
    ]
    if changed:
        return Finding("database", False, f"migrations changed after applying: {changed}")
    if version > newest:
        return Finding("database", False, f"schema {version} is newer than this bot ({newest})")
    pending = "" if version == newest else f"; {newest - version} migration(s) run at next start"
    return Finding("database", True, f"{path}: check ok, schema {version}{pending}")


def _disk(settings: Settings) -> Finding:
    where = settings.database.parent
    while not where.exists() and where != where.parent:
        where = where.parent
    free = shutil.disk_usage(where).free
    text = f"{free / 1024**3:.1f} GiB free at {where}"
    if free < LOW_DISK:
        return Finding("disk", False, text + f" (under {LOW_DISK // 1024**2} MiB)")
    return Finding("disk", True, text)


def _backup(settings: Settings, now: datetime | None = None) -> Finding:
    folder = backup_dir(settings.database, settings.backup.dir)
    last = last_backup_time(folder)
    if last is None:
        return Finding("backup", False, f"none in {folder} yet: feedback-bot backup")
    age = (now or datetime.now(UTC)) - last
    text = f"last {last:%Y-%m-%d %H:%M} UTC ({age.total_seconds() / 3600:.0f} h ago) in {folder}"
    if age > BACKUP_DUE:
        return Finding("backup", False, text + ": the daily backup is not running")
    return Finding("backup", True, text)


def _languages(settings: Settings) -> Finding:
    from bot.cli import signposting_gaps

    gaps = signposting_gaps(settings)
    if gaps:
        return Finding("languages", False, "; ".join(gaps))
    n = len(settings.languages)
    return Finding("languages", True, f"risk phrases and helplines for all {n} languages")


def _bot_username(settings: Settings) -> Finding:
    name = settings.telegram.bot_username
    if name == PLACEHOLDER_BOT_USERNAME:
        return Finding(
            "bot_username", False, f"telegram.bot_username is still {name!r}: the @username"
        )
    return Finding("bot_username", True, f"@{name}")


def _local_service(settings: Settings) -> Finding:
    placeholders = [
        f"{h.name} {h.number}"
        for lines in settings.helplines.values()
        for h in lines
        if PLACEHOLDER_NUMBER.match(h.number) or h.name.lower().startswith("your local")
    ]
    if placeholders:
        return Finding(
            "local_service",
            False,
            f"helplines still hold the example {placeholders[0]!r}: your service's name,"
            " number and hours",
        )
    return Finding("local_service", True, "no example helpline left")
