"""Staff commands on Telegram: /summary (text) and /export (files).

Both are behind the role gate (``bot.telegram.gate.PRIVILEGED``); by the time
these run, the person holds a staff role.  Reports come from
``bot.report.export``, so suppression and the audit log are the same as for
the command line, but they are built in a process of their own
(``bot.report.worker``), one at a time, so that nobody answering is kept waiting.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from telegram import Update
from telegram.ext import CallbackContext

from bot.report.export import summary_period
from bot.report.period import Period, parse_week
from bot.report.worker import TIMEOUT, ReportBusy, ReportFailed, ReportPurged, ReportStopped

if TYPE_CHECKING:
    from bot.telegram.handlers import TelegramChannel

Context = CallbackContext[Any, Any, Any, Any]
log = logging.getLogger(__name__)
EXAMPLE_WEEK = "2026-W47"


async def scope_of(channel: TelegramChannel, update: Update) -> str | None:
    """The one site a staff member invited for it may see; None (every site) for admins.

    Read at the time of each request, so a changed or ended role counts at once.
    """
    grant = await channel.roles.role_of(channel.key_of(update))
    return grant.site if grant is not None and grant.role == "staff" else None


async def on_summary(channel: TelegramChannel, update: Update, context: Context) -> None:
    period = await _period(channel, update, context)
    if period is None:
        return
    site = await scope_of(channel, update)
    try:
        text = await channel.reports.summary(period, site=site)
    except (ReportBusy, ReportFailed) as exc:
        await not_now(channel, update, context, exc)
        return
    if site is not None:
        text = f"{await _site_line(channel, update, site)}\n\n{text}"
    await context.bot.send_message(_chat_id(update), text)  # split by the bot if long


async def on_export(channel: TelegramChannel, update: Update, context: Context) -> None:
    period = await _period(channel, update, context)
    if period is None:
        return
    chat_id = _chat_id(update)
    site = await scope_of(channel, update)
    sweep_stale_exports()
    with tempfile.TemporaryDirectory(prefix=EXPORT_PREFIX) as folder:
        try:
            files = await channel.reports.export(
                period,
                Path(folder),
                actor=channel.key_of(update),
                site=site,
                store=channel.conversations.store,
            )
        except (ReportBusy, ReportFailed) as exc:
            await not_now(channel, update, context, exc)
            return
        lang = await channel.lang_of(update)
        ready = channel.text("staff.export_ready", lang, period=period.label)
        if site is not None:
            ready = f"{ready}\n{await _site_line(channel, update, site)}"
        await context.bot.send_message(chat_id, ready)
        for path in files:
            await context.bot.send_document(chat_id, path.read_bytes(), filename=path.name)


EXPORT_PREFIX = "feedback-export-"
STALE_AFTER = TIMEOUT + 5 * 60
"""An export folder older than the longest an export may run (the worker ends it then)
belongs to no export in progress."""


def sweep_stale_exports(now: float | None = None) -> int:
    """Remove export folders a killed bot left in the temporary folder.

    The files hold people's comments.  A bot stopped by kill -9 or the OOM killer while
    a staff member's /export was written never reaches its cleanup; under systemd
    (``PrivateTmp``) the folder goes with the service, but in a container or a plain
    process it stays.  Returns how many were removed."""
    now = time.time() if now is None else now
    removed = 0
    for path in Path(tempfile.gettempdir()).glob(EXPORT_PREFIX + "*"):
        try:
            stale = (
                path.is_dir() and not path.is_symlink() and now - path.stat().st_mtime > STALE_AFTER
            )
        except OSError:
            continue
        if stale:
            shutil.rmtree(path, ignore_errors=True)
            removed += 1
    if removed:
        log.warning("removed %d export folder(s) a stopped bot left behind", removed)
    return removed


async def not_now(
    channel: TelegramChannel, update: Update, context: Context, exc: Exception
) -> None:
    """Another report is being made (wait a minute), or this one failed (try later).

    A failure is logged by kind and place only; staff are told nothing was sent.
    """
    lang = await channel.lang_of(update)
    await context.bot.send_message(_chat_id(update), refusal(channel, exc, lang))


def refusal(channel: TelegramChannel, exc: Exception, lang: str) -> str:
    """What staff are told when a report was not made, logged by kind and place only:
    busy (wait a minute), a period the purge reached (from which day to ask), or a
    failure (try later)."""
    if isinstance(exc, ReportPurged):
        log.info("a staff report asked for purged days: %s", exc)
        first = exc.first.isoformat()
        return channel.text(
            "staff.report_purged", lang, first=first, retention_days=channel.settings.retention_days
        )
    if isinstance(exc, ReportStopped):
        log.warning("a staff report was abandoned: %s", exc)
    elif isinstance(exc, ReportFailed):
        log.error("a staff report failed: %s", exc)
    key = "staff.report_busy" if isinstance(exc, ReportBusy) else "staff.report_failed"
    return channel.text(key, lang)


async def _period(channel: TelegramChannel, update: Update, context: Context) -> Period | None:
    """The week asked for (``2026-W47``), else last full week; None after a kind refusal."""
    if not context.args:
        return summary_period(channel.settings)
    try:
        return parse_week(" ".join(context.args), channel.settings.reports.timezone)
    except ValueError:
        lang = await channel.lang_of(update)
        await context.bot.send_message(
            _chat_id(update), channel.text("staff.bad_week", lang, example=EXAMPLE_WEEK)
        )
        return None


async def _site_line(channel: TelegramChannel, update: Update, site: str) -> str:
    lang = await channel.lang_of(update)
    found = channel.settings.site(site)
    name = channel.catalogue.pick(found.name, lang) if found else site
    return channel.text("staff.site_only", lang, site=name)


def _chat_id(update: Update) -> int:
    assert update.effective_chat is not None
    return update.effective_chat.id
