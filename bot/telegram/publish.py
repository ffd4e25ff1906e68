"""/publish (staff): the week's network report, in short, to everyone who asked for news.

The message is made per language from the suppressed report (``bot.report.bulletin``)
and shown to the staff member first.  *Send it now* sends exactly what was shown
(``bot.telegram.confirm``: built again at the tap, refused kindly if it changed),
recording the broadcast with its texts and recipients (``Broadcasts.begin_report``,
audited) before anything goes; then the background broadcaster sends it through the
rate limiter, at most once per person, surviving restarts, as an update's broadcast
does.  A week's report goes out once: a second tap, or /publish of the same week
again, sends nothing; so a week is refused until it has closed (``period.closes_at``),
with when it can go.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.ext import CallbackContext

from bot.broadcasts import NewerReportSent
from bot.l10n import long_date
from bot.report.period import Period, closes_at
from bot.report.worker import ReportBusy, ReportFailed
from bot.roles import audit
from bot.telegram.confirm import on_confirm_tap, preview_buttons
from bot.telegram.layout import Tap
from bot.telegram.staff import _period, not_now

if TYPE_CHECKING:
    from bot.telegram.handlers import TelegramChannel

Context = CallbackContext[Any, Any, Any, Any]
PUBLISH, DONT = "pub", "pubno"


async def on_publish(channel: TelegramChannel, update: Update, context: Context) -> None:
    period = await _period(channel, update, context)
    if period is None:
        return
    lang = await channel.lang_of(update)
    chat_id = _chat_id(update)
    if await _not_over(channel, context, chat_id, lang, period):
        return
    try:
        texts = await _texts(channel, period)
    except (ReportBusy, ReportFailed) as exc:
        await not_now(channel, update, context, exc)
        return
    if not texts:
        await context.bot.send_message(
            chat_id, channel.text("publish.nothing", lang, period=period.label)
        )
        return
    await _preview(channel, context, chat_id, lang, period, texts)


async def _preview(
    channel: TelegramChannel,
    context: Context,
    chat_id: int,
    lang: str,
    period: Period,
    texts: dict[str, str],
) -> None:
    """The message in the staff member's language, with *Send it now* carrying a digest
    of every language's text."""
    n = len(await channel.subscriptions.wanting("updates"))
    preview = f"{channel.text('publish.preview', lang, n=n)}\n\n{texts.get(lang) or texts['en']}"
    keyboard = preview_buttons(
        channel.text("update.send", lang),
        PUBLISH,
        period,
        texts,
        channel.text("update.keep", lang),
        DONT,
    )
    await context.bot.send_message(chat_id, preview, reply_markup=keyboard)


def is_publish_tag(tag: str) -> bool:
    return tag.startswith(PUBLISH)


async def on_publish_tap(
    channel: TelegramChannel, update: Update, context: Context, tap: Tap, lang: str
) -> None:
    """*Send it now* (``pub2026-W47.<digest>``) or *Don't send*; the role was checked by
    the caller.  Sends the texts the preview showed, or nothing if they changed since."""
    got = await on_confirm_tap(
        channel, update, tap, lang, prefix=PUBLISH, no_tag=DONT, build=lambda p: _texts(channel, p)
    )
    if got is None:
        return
    tapped, texts = got
    period = tapped.period
    chat_id = _chat_id(update)
    if await _not_over(channel, context, chat_id, lang, period):
        return
    if not texts:
        await context.bot.send_message(
            chat_id, channel.text("publish.nothing", lang, period=period.label)
        )
        return
    if not tapped.same(texts):
        # What staff approved is the preview: answers or an update since changed it, so
        # nothing goes until the new one is approved.
        await context.bot.send_message(
            chat_id, channel.text("publish.changed", lang, period=period.label)
        )
        await _preview(channel, context, chat_id, lang, period, texts)
        return
    # Recorded first: from here a restart carries on, and a second tap sends nothing.
    try:
        count = await channel.broadcaster.broadcasts.begin_report(
            period.label, texts, chat_id, lang
        )
    except NewerReportSent as newer:
        await context.bot.send_message(
            chat_id,
            channel.text("publish.newer_sent", lang, newer=newer.newer, period=period.label),
        )
        return
    if count is None:
        await context.bot.send_message(
            chat_id, channel.text("publish.already_sent", lang, period=period.label)
        )
        return
    await audit(
        channel.conversations.store,
        channel.key_of(update),
        "publish",
        {"period": period.label, "recipients": count, "languages": sorted(texts)},
    )
    await context.bot.send_message(chat_id, channel.text("update.sending", lang, n=count))
    channel.broadcaster.kick(context.application)


async def _not_over(
    channel: TelegramChannel, context: Context, chat_id: int, lang: str, period: Period
) -> bool:
    """Refuse a week that has not closed yet, saying when it can be published.

    A week is sent at most once: sent early, its last days and the answers people
    finish after it ended would never reach anyone."""
    reports = channel.settings.reports
    ready = closes_at(period, reports.weekly_day, reports.weekly_time)
    if channel.conversations.store.clock() >= ready:
        return False
    local = ready.astimezone(ZoneInfo(reports.timezone))
    text = channel.text(
        "publish.not_over",
        lang,
        period=period.label,
        date=long_date(local.date(), lang),
        time=f"{local:%H:%M}",
        timezone=reports.timezone,
    )
    await context.bot.send_message(chat_id, text)
    return True


async def _texts(channel: TelegramChannel, period: Period) -> dict[str, str]:
    """The message per enabled language, from the all-sites report: the network report is
    public, the same for every reader, whichever staff member publishes it."""
    # Built in the report process (bot/report/worker.py): nobody answering waits for it.
    return await channel.reports.bulletins(period)


def _chat_id(update: Update) -> int:
    assert update.effective_chat is not None
    return update.effective_chat.id
