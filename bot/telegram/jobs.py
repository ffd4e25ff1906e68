"""What the bot does on its own, on PTB's JobQueue: the weekly summary, the daily purge,
and the hourly look for reminders that are due (which also trims the handled update ids).

Each job's callback takes only the PTB context (the channel rides in
``job.data``), so tests run the very callback the scheduler would, at once.
"""

from __future__ import annotations

import logging
from datetime import time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from telegram.error import TelegramError
from telegram.ext import Application, CallbackContext

from bot.reminders import send_reminders
from bot.report.export import weekly_summary_text
from bot.retention import purge_expired
from bot.telegram.ordering import PerPersonOrder

if TYPE_CHECKING:
    from bot.telegram.handlers import TelegramChannel

WEEKLY_SUMMARY, DAILY_PURGE, REMINDERS = "weekly_summary", "daily_purge", "reminders"
REMINDER_EVERY = timedelta(hours=1)
"""A reminder is due a day after someone went quiet; within the hour is soon enough."""
REMINDER_FIRST = timedelta(seconds=10)
"""The first look soon after start-up: a bot restarted more often than hourly must
still send reminders and close stale desks."""
PURGE_AT = time(3, 30)
"""Local time of the daily purge: a quiet hour."""
PTB_DAYS = {"sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6}
"""PTB numbers weekdays from Sunday = 0, like cron."""

log = logging.getLogger(__name__)
Context = CallbackContext[Any, Any, Any, Any]


def schedule(app: Application[Any, Any, Any, Any, Any, Any], channel: TelegramChannel) -> None:
    """Register both jobs, at the times in ``reports:`` of the config."""
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
    queue.run_repeating(
        reminders, REMINDER_EVERY, first=REMINDER_FIRST, data=channel, name=REMINDERS
    )


async def weekly_summary(context: Context) -> None:
    """Last full week's summary to every staff chat; one chat failing does not stop the rest."""
    channel = _channel(context)
    chats = channel.settings.reports.staff_chat_ids
    if not chats:
        return
    text = await weekly_summary_text(channel.conversations.store, channel.settings)
    for number, chat_id in enumerate(chats, 1):
        try:
            await context.bot.send_message(chat_id, text)  # split by the bot if long
        except TelegramError as exc:
            # The position in the config list, never the chat id.
            log.error("weekly summary not sent to staff chat #%d: %s", number, exc.message)


async def daily_purge(context: Context) -> None:
    purged = await purge_expired(_channel(context).conversations.store, _channel(context).settings)
    log.info("daily purge: %d sessions, %d answers removed", purged.sessions, purged.answers)


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
