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
from pathlib import Path

from bot import schema
from bot.backup import backup_dir, backups, last_backup_time
from bot.config import PLACEHOLDER_BOT_USERNAME, Settings
from bot.privacy import MIN_SECRET_BYTES, SECRET_ENV, SecretError, key_file_for, read_key_file

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
    """One check's outcome.  A warning (``warn``) is ok for the exit code: a risk the
    operator should know of and may have covered some other way."""

    check: str
    ok: bool
    detail: str
    warn: bool = False
    skipped: bool = False
    """Not checked, because another check failed first (counted there, not here)."""

    def line(self) -> str:
        mark = (
            "skip" if self.skipped else "FAIL" if not self.ok else "warn" if self.warn else "ok  "
        )
        return f"{mark}  {self.check}: {self.detail}"


GetMe = Callable[[str, str | None], str]
"""(token, base_url) → the bot's username; raises on a refused token."""


def diagnose(
    settings: Settings, *, offline: bool, get_me: GetMe | None = None, base_url: str | None = None
) -> Iterator[Finding]:
    settings = settings.model_copy(update={"database": settings.database.absolute()})
    yield _config(settings)
    yield _flows(settings)
    if not offline:
        yield _token(settings, get_me or _get_me, base_url or settings.telegram.base_url)
    else:
        yield _token_set()
    yield _webhook(settings)
    yield _key(settings)
    yield _database(settings)
    yield _disk(settings)
    yield _backup(settings)
    yield _backup_place(settings)
    yield _languages(settings)
    yield _risk_model()
    yield _bot_username(settings)
    yield _local_service(settings)


CHECKS = (
    "config",
    "flows",
    "token",
    "webhook",
    "key",
    "database",
    "disk",
    "backup",
    "backup_place",
    "languages",
    "risk_model",
    "bot_username",
    "local_service",
)
"""Every check, in the order printed."""


def _config(settings: Settings) -> Finding:
    source = settings.config_file
    if source is None:
        return Finding(
            "config", False, "no config file was read: pass --config PATH (see config.yaml)"
        )
    if not settings.config_data:
        # Every default: no service, no helpline of its own, the database in the
        # working folder.  Valid, but never what an operator meant.
        return Finding(
            "config",
            False,
            f"{source} is empty: copy the config.yaml that comes with feedback-bot and edit it",
        )
    return Finding("config", True, f"{source} is valid")


def _flows(settings: Settings) -> Finding:
    """The flows load as at start-up.  ``flows_dir`` is relative to the folder the bot
    starts in (the unit's WorkingDirectory): run from elsewhere, there are none."""
    from bot.config import flow_reference_errors
    from bot.flows import load_flows
    from bot.service import option_ids
    from bot.sources import SourceErrors

    where = settings.flows_dir.absolute()
    try:
        flows = load_flows(settings.flows_dir, settings.languages, option_ids(settings))
    except SourceErrors as exc:
        from bot.translations.catalog import LOCALE_ENV, locale_dir

        if not list(locale_dir().glob("*.po")):
            # `pip install .` leaves the catalogues behind in the checkout.
            return Finding(
                "flows",
                False,
                f"no translation catalogues (*.po) in {locale_dir().absolute()}: set"
                f" {LOCALE_ENV} to the locale folder of the checkout",
            )
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "cannot be read"
        return Finding("flows", False, f"in {where}: {first}")
    problems = flow_reference_errors(settings, flows)
    if problems:
        return Finding("flows", False, str(problems[0]))
    return Finding("flows", True, f"{len(flows)} in {where}, {settings.default_flow} first")


def unreadable_config(path: Path, problem: str) -> Iterator[Finding]:
    """The findings when the config cannot be read at all: that, and each other check
    named as not done (they all depend on it), except the token's.  ``problem`` is
    the first error, which names the file and line."""
    yield Finding("config", False, problem if str(path) in problem else f"{path}: {problem}")
    for check in CHECKS[1:]:
        if check == "token":
            yield _token_set()
        else:
            yield Finding(check, True, "not checked until the config is mended", skipped=True)


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
    if not path.exists() and not path.is_symlink():
        return Finding(
            "key",
            False,
            f"no key file at {path} yet: the first run makes it (or set {SECRET_ENV});"
            " then keep a copy apart from the backups",
        )
    try:
        # The same questions the bot asks at start: a folder, a pipe, a dangling
        # link, an empty or short file, a mode others can read.
        read_key_file(path)
    except SecretError as exc:
        return Finding("key", False, str(exc))
    mode = stat.S_IMODE(path.stat().st_mode)
    return Finding("key", True, f"{path} (mode {mode:04o})")


def _unwritable(folder: Path) -> str | None:
    """Why the bot could not make or write files in ``folder`` (None if it can).  A
    folder not there yet is fine if the nearest one that is can be written."""
    where = folder
    while not where.exists() and where != where.parent:
        where = where.parent
    if not where.is_dir():
        return f"{where} is a file, not a folder"
    if not os.access(where, os.W_OK | os.X_OK):
        if where != folder:
            # Before a systemd service's first start its StateDirectory is not there yet.
            return (
                f"{folder} is not there, and this user cannot make it in {where}"
                f" ({_owner(where)}): make it, owned by the user the bot runs as"
            )
        return f"{where} cannot be written by this user ({_owner(where)})"
    return None


def _owner(path: Path) -> str:
    info = path.stat()
    return f"mode {stat.S_IMODE(info.st_mode):04o}, owner uid {info.st_uid}"


def _database(settings: Settings) -> Finding:
    path = settings.database
    folder_problem = _unwritable(path.parent)
    if folder_problem is not None:
        # SQLite writes its -wal, -shm and the run lock beside the database.
        return Finding(
            "database",
            False,
            f"the database {path} needs a folder the bot can write: {folder_problem}",
        )
    if path.exists() and not path.is_file():
        return Finding("database", False, f"{path} is not a file")
    if not path.is_file():
        return Finding("database", False, f"none at {path} yet: feedback-bot migrate makes it")
    if not os.access(path, os.R_OK | os.W_OK):
        return Finding("database", False, f"{path} cannot be written ({_owner(path)})")
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
    # Numbers have gaps (each helper reserves its own): count the files, not the numbers.
    waiting = sorted(n for n in shipped if n not in applied)
    pending = f"; {len(waiting)} migration(s) run at next start" if waiting else ""
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
    newest = backups(folder)[-1]
    whole = _whole(newest)
    if whole is not None:
        return Finding("backup", False, f"the newest, {newest}, {whole}: make another")
    return Finding("backup", True, text)


def _whole(path: Path) -> str | None:
    """Why a backup file is not a whole database (None if it looks whole): the SQLite
    header, and a size that is its page count times its page size.  Cheap enough for a
    health check every few minutes; ``feedback-bot restore`` checks it in full."""
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
        size = path.stat().st_size
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return "is not a SQLite database"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if pages and size < pages * page_size:
        return f"is cut short ({size:,} of {pages * page_size:,} bytes)"
    return None


def _backup_place(settings: Settings) -> Finding:
    """Backups the bot cannot write are no backups; backups on the database's own disk
    die with it (a warning: they may be copied off the machine some other way)."""
    folder = backup_dir(settings.database, settings.backup.dir)
    problem = _unwritable(folder)
    if problem is not None:
        return Finding("backup_place", False, f"backups cannot be made in {folder}: {problem}")
    if _device(folder) == _device(settings.database.parent):
        return Finding(
            "backup_place",
            True,
            f"{folder} is on the same disk as the database: a dead disk loses both;"
            " set backup.dir to another disk, or copy the backups off the machine",
            warn=True,
        )
    return Finding("backup_place", True, f"{folder} is on another disk than the database")


def _device(folder: Path) -> int:
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder.stat().st_dev


def _languages(settings: Settings) -> Finding:
    from bot.cli import signposting_gaps

    gaps = signposting_gaps(settings)
    if gaps:
        return Finding("languages", False, "; ".join(gaps))
    n = len(settings.languages)
    return Finding("languages", True, f"risk phrases and helplines for all {n} languages")


def _risk_model() -> Finding:
    """The trained reader of risk (``bot/risk_model.json.gz``) is there and loads.  Without
    it the bot still screens by the phrase rules, so nothing stops, but it finds fewer
    disclosures in words no rule foresaw: the operator must know, not find out later."""
    from bot import risk_model

    path = risk_model.MODEL_PATH
    if risk_model.load_model(path) is not None:
        return Finding("risk_model", True, f"{path.name} loaded")
    problem = "is missing" if not path.exists() else "cannot be read"
    return Finding(
        "risk_model",
        False,
        f"{path} {problem}: risk is screened by the phrase rules alone, which miss"
        " disclosures in new words; reinstall feedback-bot to restore it",
    )


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
