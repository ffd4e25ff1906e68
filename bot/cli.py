"""``feedback-bot``: one sub-command per job, each a thin call into the library."""

from __future__ import annotations

import argparse
import asyncio
import difflib
import logging
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from bot import cli_admin, cli_ops, cli_poster, cli_translations, logsafe
from bot.config import (
    DEFAULT_CONFIG,
    Settings,
    flow_reference_errors,
    language_reference_errors,
    load_settings,
)
from bot.flows import Flow, check_snapshots, load_flows
from bot.i18n import check_catalogue, load_catalogue
from bot.privacy import SecretError
from bot.report.cli import add_parsers as add_report_parsers
from bot.schema import MigrationChanged
from bot.sources import SourceError, SourceErrors, load_yaml
from bot.store import DatabaseUnavailable, FlowChanged, storage_trouble
from bot.translations.pocheck import PoSyntaxError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="feedback-bot", description="Anonymous feedback for drug and alcohol services."
    )
    parser.add_argument(
        "--config",
        type=Path,
        help="settings file (default: config.yaml if there is one, else built-in defaults)",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    chat = sub.add_parser("chat", help="take a flow in this terminal (no Telegram needed)")
    chat.add_argument("--flow", help="flow id (default: config default_flow)")
    chat.add_argument("--lang", help="language code, e.g. en or pl")
    chat.add_argument(
        "--mode",
        choices=["own_device", "peer_assisted", "paper"],
        default="own_device",
        help="how the answers are being given (peer workers: peer_assisted or paper)",
    )

    run = sub.add_parser("run", help="run the Telegram bot (token from TELEGRAM_BOT_TOKEN)")
    run.add_argument(
        "--base-url",
        help="another Bot API server, e.g. http://127.0.0.1:8081/bot (the token is appended)",
    )
    run.add_argument(
        "--log-level",
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        default="INFO",
        help="how much to log (default INFO); no level logs who anyone is or the token",
    )

    sub.add_parser("check-flows", help="validate every flow and the messages catalogue")
    risk = sub.add_parser("risk-check", help="show which risk phrases a message fires, and why")
    risk.add_argument("text", help="the message, as typed")
    sub.add_parser("migrate", help="create or upgrade the database")
    cli_admin.add_parsers(sub)
    cli_poster.add_parsers(sub)
    cli_translations.add_parsers(sub)
    cli_ops.add_parsers(sub)
    COMMANDS.update(add_report_parsers(sub))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Before anything can log: no record names a person or carries a secret (bot/logsafe.py).
    logsafe.install()
    args = _parser().parse_args(argv)
    if args.config is not None and not args.config.is_file():
        # A mistyped name must not quietly mean "every default": no risk phrases, no
        # helplines, the default database and retention.
        if args.config.is_dir():
            print(f"error: --config {args.config} is a folder; name the file", file=sys.stderr)
        else:
            print(
                f"error: config file {args.config} not found{_nearby(args.config)}",
                file=sys.stderr,
            )
        return 2
    path = args.config or DEFAULT_CONFIG
    try:
        settings = load_settings(path)
    except PoSyntaxError as exc:
        return _unreadable_catalogue(exc)
    except SourceErrors as exc:
        if args.command == "doctor":
            return cli_ops.doctor_unreadable_config(path, exc, args)
        # An error from the environment names its variable, not a line of the file.
        where = f" in {path}" if all(e.line for e in exc.errors) else ""
        print(f"Config error{where}:", file=sys.stderr)
        print(exc, file=sys.stderr)
        return 1
    handler = COMMANDS[args.command]
    try:
        return handler(settings, args)
    except SourceErrors as exc:
        print(exc, file=sys.stderr)
        return 1
    except (FlowChanged, MigrationChanged, SecretError, DatabaseUnavailable) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except PoSyntaxError as exc:
        return _unreadable_catalogue(exc)
    except sqlite3.OperationalError as exc:
        if storage_trouble(exc) == "full":
            print(
                f"error: the disk holding {settings.database} is full: nothing more can be"
                " saved. Free some space (old backups and exports first), then start this again.",
                file=sys.stderr,
            )
            return 1
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
        # Another process held the write lock for the whole busy timeout: say which file
        # and what usually holds it, not a traceback (systemd restarts the bot either way).
        print(
            f"error: the database {settings.database} stayed locked by another process"
            " (a backup, a restore, a migration by hand, another copy of the bot or an"
            " export). Let it finish or stop it, then start this again.",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `feedback-bot audit | head`: the reader has all it wanted. Point stdout at
        # /dev/null so the flush at exit does not fail again, and exit as `cat` would.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


def _unreadable_catalogue(exc: PoSyntaxError) -> int:
    print("error: a translation catalogue is not valid PO:", file=sys.stderr)
    for problem in exc.problems:
        print(f"  {problem}", file=sys.stderr)
    print("Fix the line (or restore the file from git), then run again.", file=sys.stderr)
    return 1


def _nearby(path: Path) -> str:
    try:
        near = [p.name for p in path.parent.iterdir() if p.suffix in {".yaml", ".yml"}]
    except OSError:
        return ""
    close = difflib.get_close_matches(path.name, near, n=1)
    return f" (did you mean {path.parent / close[0]}?)" if close else ""


def signposting_gaps(settings: Settings) -> list[str]:
    """Enabled languages with no risk phrases (built-in or in config), or no helplines
    (English ones count for every language)."""
    from bot.safety import RiskScreen

    have = RiskScreen.from_config(settings.risk_phrases).languages()
    gaps = []
    for lang in settings.languages:
        if not have.get(lang):
            gaps.append(f"no risk_phrases for {lang!r}")
        if not settings.helplines_for(lang):
            gaps.append(f"no helplines for {lang!r}" + ("" if lang == "en" else " (nor for 'en')"))
    return gaps


def refuse_without_signposting(settings: Settings, command: str) -> int | None:
    """``run`` and ``purge`` need a real config: without risk phrases and helplines for
    every enabled language, someone who writes that they want to die is not signposted
    (and with no config at all, purge would use the default database and retention)."""
    gaps = signposting_gaps(settings)
    if not gaps:
        return None
    print(
        f"error: {command} needs risk phrases and helplines for every enabled language:",
        file=sys.stderr,
    )
    for gap in gaps:
        print(f"  {gap}", file=sys.stderr)
    if settings.config_file is None:
        print(
            f"No config file was read ({DEFAULT_CONFIG} is not here): pass --config PATH.",
            file=sys.stderr,
        )
    else:
        print(
            f"Add them to {settings.config_file}, or take the language out of languages.",
            file=sys.stderr,
        )
    return 2


def refuse_unreviewed(settings: Settings, command: str) -> int | None:
    """``require_reviewed``: refuse a language whose checked-by-a-person texts fall short,
    naming them; with ``none``, say loudly which safety texts nobody has checked."""
    from bot.translations.review import gate_problems, runtime_sources

    sources = runtime_sources(settings.flows_dir, settings.config_file)
    mode = settings.require_reviewed
    # A language messages.yaml does not describe is a config error, reported at its line.
    described = [lang for lang in settings.languages if lang in load_catalogue().languages]
    refused = gate_problems(described, "safety" if mode == "none" else mode, sources)
    if not refused:
        return None
    what = "safety-critical " if mode in ("safety", "none") else ""
    if mode == "none":
        print(
            f"WARNING: require_reviewed is none, so {len(refused)} language(s) are offered"
            f" with {what}texts no person has checked yet:",
            file=sys.stderr,
        )
    else:
        print(
            f"error: {command} refuses language(s) whose {what}texts are not reviewed"
            f" (require_reviewed: {mode}):",
            file=sys.stderr,
        )
    grouped: dict[tuple[str, ...], list[str]] = {}
    for lang, contexts in refused.items():
        grouped.setdefault(tuple(contexts), []).append(lang)
    for contexts, langs in grouped.items():
        more = f" and {len(contexts) - 6} more" if len(contexts) > 6 else ""
        print(f"  {', '.join(langs)}: {', '.join(contexts[:6])}{more}", file=sys.stderr)
    print(
        "Have a translator check them (see 'Translating' in README.md, and"
        " `feedback-bot translations status`), or take the language out of languages.",
        file=sys.stderr,
    )
    return None if mode == "none" else 2


def _chat(settings: Settings, args: argparse.Namespace) -> int:
    from bot.console import chat
    from bot.service import open_conversations

    if settings.config_file is None:
        print(
            f"No {DEFAULT_CONFIG} here: trying the flows with built-in defaults (no helplines,"
            f" so no one is signposted; answers go to {settings.database}). Use --config PATH"
            " for a real one.\n",
            file=sys.stderr,
        )
    elif gaps := signposting_gaps(settings):
        print(f"Note: {'; '.join(gaps)}.\n", file=sys.stderr)
    refused = refuse_unreviewed(settings, "chat")
    if refused is not None:
        return refused

    async def run() -> int:
        conversations = await open_conversations(settings)
        try:
            if args.flow and args.flow not in conversations.flows:
                known = ", ".join(sorted(conversations.flows))
                print(f"error: no flow {args.flow!r}; known flows: {known}", file=sys.stderr)
                return 2
            if args.lang and args.lang not in settings.languages:
                enabled = ", ".join(settings.languages)
                print(f"error: language {args.lang!r} is not enabled ({enabled})", file=sys.stderr)
                return 2
            await chat(conversations, flow_id=args.flow, lang=args.lang, mode=args.mode)
            print(f"\nThe database: {settings.database}")
            return 0
        finally:
            await conversations.store.close()

    return asyncio.run(run())


def _run(settings: Settings, args: argparse.Namespace) -> int:
    from telegram.error import TelegramError

    from bot.backup import BackupError, RunLock
    from bot.telegram import TOKEN_ENV, WEBHOOK_SECRET_ENV, run_loop, serve

    token = os.environ.get(TOKEN_ENV, "").strip()
    if not token:
        print(
            f"error: {TOKEN_ENV} is not set. Put the token from @BotFather in it, or try the"
            " flows without Telegram: feedback-bot chat",
            file=sys.stderr,
        )
        return 2
    webhook_secret = os.environ.get(WEBHOOK_SECRET_ENV, "").strip() or None
    if settings.telegram.mode == "webhook":
        if not webhook_secret:
            print(f"error: webhook mode needs {WEBHOOK_SECRET_ENV} set", file=sys.stderr)
            return 2
        if not settings.telegram.webhook.url:
            print("error: webhook mode needs telegram.webhook.url in config", file=sys.stderr)
            return 2
    refused = refuse_without_signposting(settings, "run")
    if refused is None:
        refused = refuse_unreviewed(settings, "run")
    if refused is not None:
        return refused
    logsafe.protect(token)
    if webhook_secret:
        logsafe.protect(webhook_secret)
    logging.basicConfig(
        level=args.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # httpx logs every request URL at INFO; the token is scrubbed anyway, but it is noise.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    base_url = args.base_url or settings.telegram.base_url
    try:
        # Held while it runs: restore refuses, and so does a second bot (bot/backup.py).
        with RunLock(settings.database).held("run"):
            run_loop(serve(settings, token, base_url=base_url, webhook_secret=webhook_secret))
    except BackupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except TelegramError as exc:
        # Not the message: for a rejected token it repeats the token.
        print(f"error: Telegram refused to start the bot ({type(exc).__name__})", file=sys.stderr)
        return 1
    return 0


def _check_flows(settings: Settings, args: argparse.Namespace) -> int:
    from bot.service import option_ids

    errors: list[SourceError] = []
    flows = {}
    try:
        flows = load_flows(settings.flows_dir, settings.languages, option_ids(settings))
    except SourceErrors as exc:
        errors.extend(exc.errors)
    else:
        errors.extend(flow_reference_errors(settings, flows))
    errors.extend(language_reference_errors(settings, load_catalogue().languages))
    errors.extend(check_catalogue(settings.languages))
    errors.extend(check_snapshots(settings.flows_dir, flows, stored_snapshots(settings.database)))
    errors.extend(_check_risk_phrases(settings, settings.config_file or DEFAULT_CONFIG))
    from bot.report.themes import check_codebook

    codebook_errors, coverage = check_codebook(settings.flows_dir, settings.languages)
    errors.extend(codebook_errors)
    reader_line = _check_reader_strings(settings, errors)
    for error in errors:
        print(error, file=sys.stderr)
    if errors:
        print(f"{len(errors)} problem(s) found.", file=sys.stderr)
        return 1
    names = ", ".join(f"{f.id} v{f.version} ({len(f.steps)} steps)" for f in flows.values())
    print(f"OK: {names}; languages: {', '.join(settings.languages)}")
    print(coverage)
    print(reader_line)
    return 0


def _check_reader_strings(settings: Settings, errors: list[SourceError]) -> str:
    """Count the network report's untranslated reader-visible strings per language, and
    refuse a theme whose label is not in the catalogue (readers would see it in English)."""
    from bot.i18n import CATALOGUE_PATH
    from bot.report.render_network import untranslated
    from bot.report.themes import load_codebook

    try:
        ids = [t.id for t in load_codebook(settings.flows_dir).themes]
    except SourceErrors:
        ids = []
    for theme in ids:
        if f"theme.{theme}" not in load_catalogue().messages:
            errors.append(
                SourceError(
                    str(CATALOGUE_PATH),
                    1,
                    f"messages.theme.{theme}",
                    "theme label missing: network readers would see it in English",
                )
            )
    counts = untranslated(load_catalogue(), ids, settings.languages)
    summary = ", ".join(f"{lang} {n}" for lang, n in counts.items())
    return f"network report, untranslated reader-visible strings: {summary}"


def _check_risk_phrases(settings: Settings, config: Path) -> list[SourceError]:
    """Every enabled language needs risk phrases, or its speakers are never signposted."""
    from bot.safety import (
        PHRASES_PATH,
        RiskScreen,
        check_phrases,
        load_builtin,
        staff_phrase_problems,
    )

    screen = RiskScreen.from_config(settings.risk_phrases)
    # A bad phrase staff added is named by its line in config.yaml; what is left (a
    # language with no phrases, a built-in list) by the two files together.
    staff = staff_phrase_problems(settings.risk_phrases, load_builtin())
    located = []
    if staff and config.is_file():
        doc = load_yaml(config)
        for at, problem in staff:
            loc = ("risk_phrases", *at)
            field = ".".join(map(str, loc))
            located.append(SourceError(str(config), doc.line_of(loc), field, problem))
    named = {error.message for error in located}
    where = f"{config} + bot/{PHRASES_PATH.name}"
    return located + [
        SourceError(where, 0, "risk_phrases", problem)
        for problem in check_phrases(screen, settings.languages)
        if problem not in named
    ]


def _risk_check(settings: Settings, args: argparse.Namespace) -> int:
    """Which risk phrases a message fires, so staff can see why something was signposted."""
    from bot.safety import RiskScreen, normalise

    screen = RiskScreen.from_config(settings.risk_phrases)
    hits = screen.hits(args.text)
    print(f"normalised: {normalise(args.text)}")
    for hit in hits:
        print(f"fires: {hit}")
    if not hits:
        print("no risk phrase fires")
    for veto in screen.vetoes_in(args.text):
        # A near miss kept quiet says why: risk long past, the news, a leaflet...
        print(f"vetoed: {veto}")
    return 0


def stored_snapshots(database: Path) -> list[Flow]:
    """The flow versions stored in the database, read without creating or migrating it
    (check-flows must not touch a live database)."""
    if str(database) == ":memory:" or not database.exists():
        return []
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT definition FROM flow_versions").fetchall()
    except sqlite3.OperationalError:  # no such table yet
        return []
    finally:
        conn.close()
    return [Flow.model_validate_json(r[0]) for r in rows]


def _migrate(settings: Settings, args: argparse.Namespace) -> int:
    from bot.store import Store

    async def run() -> int:
        async with await Store.open(settings.database) as store:
            version = await store.schema_version()
        print(f"{settings.database}: schema version {version}")
        return 0

    return asyncio.run(run())


COMMANDS = {
    "chat": _chat,
    "run": _run,
    "check-flows": _check_flows,
    "risk-check": _risk_check,
    "migrate": _migrate,
    **cli_admin.COMMANDS,
    **cli_poster.COMMANDS,
    **cli_translations.COMMANDS,
    **cli_ops.COMMANDS,
}
