"""What the bot does on its own, on PTB's JobQueue: the weekly summary, the daily purge
and backup, the hourly look for reminders that are due (which also trims the handled
update ids), and report counts kept warm every hour.

Each job's callback takes only the PTB context (the channel rides in
``job.data``), so tests run the very callback the scheduler would, at once.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from telegram.error import TelegramError
from telegram.ext import Application, CallbackContext

from bot.background import low_priority
from bot.backup import BackupError, backup_dir, last_backup_time, make_backup
from bot.reminders import send_reminders
from bot.report.export import summary_period
from bot.report.warm import warm_months
from bot.report.worker import ReportBusy, ReportFailed, ReportStopped
from bot.retention import purge_expired
from bot.telegram.ordering import PerPersonOrder
from bot.telegram.praise import claim, post, unclaim

if TYPE_CHECKING:
    from bot.telegram.handlers import TelegramChannel

WEEKLY_SUMMARY, DAILY_PURGE, REMINDERS = "weekly_summary", "daily_purge", "reminders"
KEEP_COUNTS = "keep_counts"
DAILY_BACKUP, CATCH_UP_BACKUP = "daily_backup", "catch_up_backup"
BACKUP_FIRST = timedelta(seconds=10)
"""At start, when the last backup is over a day old (or there is none), one this soon."""
REMINDER_EVERY = timedelta(hours=1)
"""A reminder is due a day after someone went quiet; within the hour is soon enough."""
REMINDER_FIRST = timedelta(seconds=10)
"""The first look soon after start-up: a bot restarted more often than hourly must
still send reminders and close stale desks."""
KEEP_COUNTS_EVERY = timedelta(hours=1)
"""How often the report counts of the last months are tagged and counted again where a
change reached them (``bot/report/warm.py``): an export then recounts at most an hour's."""
KEEP_COUNTS_FIRST = timedelta(minutes=2)
"""The first, soon after start-up: after an upgrade (new counting code, or the migration
that made the table) the first export is not the one that counts everything."""
PURGE_AT = time(3, 30)
"""Local time of the daily purge: a quiet hour."""
PTB_DAYS = {"sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6}
"""PTB numbers weekdays from Sunday = 0, like cron."""

CHASE_EVERY = timedelta(seconds=10)
CHASE_OWED = "chase_owed_helplines"
"""How often owed helplines are tried again while Telegram was failing: the person who said
they took an overdose may be asleep by the time it is back."""

log = logging.getLogger(__name__)
Context = CallbackContext[Any, Any, Any, Any]


def schedule(app: Application[Any, Any, Any, Any, Any, Any], channel: TelegramChannel) -> None:
    """Register the jobs, at the times in ``reports:`` and ``backup:`` of the config."""
    queue = app.job_queue
    if queue is None:
        raise RuntimeError("python-telegram-bot was installed without the job-queue extra")
    reports = channel.settings.reports
    zone = ZoneInfo(reports.timezone)
    hour, minute = (int(part) for part in reports.weekly_time.split(":"))
    queue.run_daily(
        weekly_summary,
        time(hour, minute, tzinfo=zone),
        days=(PTB_DAYS[reports.weekly_day],),
        data=channel,
        name=WEEKLY_SUMMARY,
    )
    queue.run_daily(daily_purge, PURGE_AT.replace(tzinfo=zone), data=channel, name=DAILY_PURGE)
    backup_hour, backup_minute = (int(part) for part in channel.settings.backup.daily_at.split(":"))
    queue.run_daily(
        daily_backup, time(backup_hour, backup_minute, tzinfo=zone), data=channel, name=DAILY_BACKUP
    )
    if _backup_overdue(channel):
        # A new deployment, or a bot that was down at backup time: one now, not tomorrow.
        queue.run_once(daily_backup, BACKUP_FIRST, data=channel, name=CATCH_UP_BACKUP)
    queue.run_repeating(
        reminders, REMINDER_EVERY, first=REMINDER_FIRST, data=channel, name=REMINDERS
    )
    queue.run_repeating(
        keep_counts, KEEP_COUNTS_EVERY, first=KEEP_COUNTS_FIRST, data=channel, name=KEEP_COUNTS
    )
    queue.run_repeating(chase_owed, CHASE_EVERY, first=CHASE_EVERY, data=channel, name=CHASE_OWED)


async def chase_owed(context: Context) -> None:
    """Helplines Telegram failed to deliver, tried again unasked (``bot.telegram.alerts``)."""
    if _channel(context).owed.chasing():
        await _channel(context).chase_owed(context.bot)


async def keep_counts(context: Context) -> None:
    """The report counts of the last months, kept warm in the report process (niced:
    the bot's own work comes first).  Skipped while a report is being made: it counts
    what it needs itself, and the next hour's run catches up."""
    channel = _channel(context)
    try:
        await channel.reports.keep_counts(warm_months(channel.settings))
    except ReportBusy:
        return
    except ReportFailed as exc:  # ReportStopped too: the bot is stopping
        log.warning("report counts not kept warm: %s", exc)


async def weekly_summary(context: Context) -> None:
    """Last full week's summary to every staff chat; one chat failing does not stop the rest.
    Then, with ``reports.praise_weekly``, its praise to the frontline team chats."""
    channel = _channel(context)
    await _send_summary(context, channel)
    if channel.settings.reports.praise_weekly and channel.settings.reports.praise_chat_ids:
        await weekly_praise(context, channel)


async def weekly_praise(context: Context, channel: TelegramChannel) -> None:
    """The last full week's praise (every site) to the team chats, once (audited as the
    system, as /praise would be: a week posted by hand is not posted again)."""
    period = summary_period(channel.settings)
    try:
        text = await channel.reports.praise(period, wait=True)
    except ReportFailed as exc:  # ReportStopped too: the job runs again next week
        log.error("weekly praise not made: %s", exc)
        return
    chats = channel.settings.reports.praise_chat_ids
    if text is None or not await claim(
        channel.conversations.store, "system", period, None, len(chats), text
    ):
        return
    if await post(context.bot, chats, text) == 0:
        # Posted nowhere: given back, so staff can still post it with /praise.
        await unclaim(channel.conversations.store, "system", period, None)
        log.error("weekly praise reached no team chat; /praise can post it")


async def _send_summary(context: Context, channel: TelegramChannel) -> None:
    chats = channel.settings.reports.staff_chat_ids
    if not chats:
        return
    try:
        # Built in the report process (bot/report/worker.py), after any export in hand.
        text = await channel.reports.summary(summary_period(channel.settings), wait=True)
    except ReportStopped:
        return  # the bot is stopping; the job runs again next week
    except ReportFailed as exc:
        log.error("weekly summary not made: %s", exc)
        return
    for number, chat_id in enumerate(chats, 1):
        try:
            await context.bot.send_message(chat_id, text)  # split by the bot if long
        except TelegramError as exc:
            # The position in the config list, never the chat id.
            log.error("weekly summary not sent to staff chat #%d: %s", number, exc.message)


async def daily_purge(context: Context) -> None:
    channel = _channel(context)
    # The purged part of what the cut straddles is published against the ledger in the
    # report process (a report's work, off this loop; bot/report/purged.py).
    purged = await purge_expired(
        channel.conversations.store, channel.settings, ledger=channel.reports.settle
    )
    log.info("daily purge: %d sessions, %d answers removed", purged.sessions, purged.answers)


def _backup_overdue(channel: TelegramChannel) -> bool:
    settings = channel.settings
    last = last_backup_time(backup_dir(settings.database, settings.backup.dir))
    return last is None or datetime.now(UTC) - last > timedelta(days=1)


async def daily_backup(context: Context) -> None:
    """A checked copy of the database (bot/backup.py), in a niced thread (bot/background.py):
    the bot keeps answering, first."""
    settings = _channel(context).settings
    folder = backup_dir(settings.database, settings.backup.dir)
    try:
        made = await low_priority(
            lambda: make_backup(settings.database, folder, settings.backup.keep), "backup"
        )
    except (BackupError, OSError, sqlite3.Error) as exc:
        log.error("daily backup failed: %s", exc)
        return
    log.info("daily backup made: %s", made.name)


async def reminders(context: Context) -> None:
    """One gentle reminder to each opted-in person who left feedback unfinished a day ago.

    Peer desks left open for a shift are closed here too.
    """
    channel = _channel(context)
    # The rolling window of handled update ids (bot/once.py).
    await channel.conversations.store.forget_handled()
    order = context.application.update_processor
    # In each peer's turn, as their updates are: a tap in hand is never overwritten.
    turn_of = order.turn_of if isinstance(order, PerPersonOrder) else None
    await channel.desks.close_stale(turn_of=turn_of)
    channel.broadcaster.kick(context.application)  # in case one stopped on an error
    sent = await send_reminders(
        context.bot.send_message,
        channel.conversations.store,
        channel.catalogue,
        channel.key,
        "telegram",
    )
    if sent:
        log.info("reminders sent: %d", sent)


def _channel(context: Context) -> TelegramChannel:
    assert context.job is not None
    channel: TelegramChannel = context.job.data
    return channel
