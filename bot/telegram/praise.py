"""/praise (staff): the week's praise, posted to the frontline team chats.

``reports.praise_chat_ids`` are the teams' group chats.  /praise [2026-W47] shows the
staff member what would be posted (``bot.report.praise``, built in the report
process, scoped to their site as /summary is) with *Post it* and *Don't post*.
*Post it* posts exactly what was shown (``bot.telegram.confirm``): built again at the
tap, a post that changed since (a comment added, reviewed or deleted, the staff
member's site changed) is shown again to approve, never posted unseen.  It claims the
post in the audit log first, in one transaction, so a second tap, a forged button or
two staff at once post it once; then it goes to every team chat, one failing chat not
stopping the rest.  At most once, as broadcasts are: a bot stopped between the claim
and the post leaves that week's praise unposted (the audit entry says it was claimed)
rather than risk posting it twice; a post no chat took is given back (``unclaim``).
``reports.praise_weekly`` posts the last full week's (every site) after the Monday
summary (``bot.telegram.jobs``).
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import CallbackContext

from bot.report.period import Period
from bot.report.worker import ReportBusy, ReportFailed
from bot.store import Store
from bot.telegram.confirm import on_confirm_tap, preview_buttons
from bot.telegram.layout import Tap
from bot.telegram.staff import _period, not_now, scope_of

if TYPE_CHECKING:
    from bot.telegram.handlers import TelegramChannel

Context = CallbackContext[Any, Any, Any, Any]
log = logging.getLogger(__name__)
POST, DONT = "prs", "prsno"


async def on_praise(channel: TelegramChannel, update: Update, context: Context) -> None:
    period = await _period(channel, update, context)
    if period is None:
        return
    lang = await channel.lang_of(update)
    chat_id = _chat_id(update)
    chats = channel.settings.reports.praise_chat_ids
    if not chats:
        await context.bot.send_message(
            chat_id, channel.text("praise.no_chats", lang, setting="reports.praise_chat_ids")
        )
        return
    try:
        text = await channel.reports.praise(period, site=await scope_of(channel, update))
    except (ReportBusy, ReportFailed) as exc:
        await not_now(channel, update, context, exc)
        return
    if text is None:
        await context.bot.send_message(
            chat_id, channel.text("praise.nothing", lang, period=period.label)
        )
        return
    await _preview(channel, context, chat_id, lang, period, text)


async def _preview(
    channel: TelegramChannel, context: Context, chat_id: int, lang: str, period: Period, text: str
) -> None:
    """The post as it would go, with *Post it* carrying a digest of exactly this text."""
    chats = channel.settings.reports.praise_chat_ids
    keyboard = preview_buttons(
        channel.text("praise.post", lang),
        POST,
        period,
        text,
        channel.text("praise.dont", lang),
        DONT,
    )
    preview = f"{channel.text('praise.preview', lang, n=len(chats))}\n\n{text}"
    await context.bot.send_message(chat_id, preview, reply_markup=keyboard)


def is_praise_tag(tag: str) -> bool:
    return tag.startswith(POST)


async def on_praise_tap(
    channel: TelegramChannel, update: Update, context: Context, tap: Tap, lang: str
) -> None:
    """*Post it* (``prs2026-W47.<digest>``) or *Don't post*; the staff role was checked by
    the caller.  Posts the text the preview showed, or nothing if it changed since."""
    site = await scope_of(channel, update)
    got = await on_confirm_tap(
        channel,
        update,
        tap,
        lang,
        prefix=POST,
        no_tag=DONT,
        build=lambda p: channel.reports.praise(p, site=site),
    )
    if got is None:
        return
    tapped, text = got
    period = tapped.period
    chat_id = _chat_id(update)
    if text is None:
        await context.bot.send_message(
            chat_id, channel.text("praise.nothing", lang, period=period.label)
        )
        return
    if not tapped.same(text):
        # What staff approved is the preview: a comment added, reviewed or deleted since
        # (or a site moved) changed it, so nothing goes until the new one is approved.
        await context.bot.send_message(
            chat_id, channel.text("praise.changed", lang, period=period.label)
        )
        await _preview(channel, context, chat_id, lang, period, text)
        return
    chats = channel.settings.reports.praise_chat_ids
    store = channel.conversations.store
    if not await claim(store, channel.key_of(update), period, site, len(chats), text):
        await context.bot.send_message(
            chat_id, channel.text("praise.already", lang, period=period.label)
        )
        return
    sent = await post(context.bot, chats, text)
    if sent == 0 and chats:
        # No team got it (Telegram down, the bot removed from every chat): the claim is
        # given back, so the week's praise is not "already posted" to nobody.
        await unclaim(store, channel.key_of(update), period, site)
        await context.bot.send_message(
            chat_id, channel.text("praise.failed", lang, period=period.label)
        )
        return
    await context.bot.send_message(chat_id, channel.text("praise.sent", lang, n=sent))


async def claim(
    store: Store, actor: str, period: Period, site: str | None, chats: int, text: str
) -> bool:
    """Record the post in the audit log unless this week's praise (for this scope) was
    posted already: one transaction, so two taps at once post it once."""
    scope = site or "all"
    params = {"period": period.label, "scope": scope, "chats": chats, "comments": text.count("“")}
    moment = store.now()

    def run(conn) -> bool:
        if not conn.in_transaction:
            conn.execute("BEGIN IMMEDIATE")
        # Claimed and not given back (``unclaim``: posted to no chat at all).
        claims, returned = conn.execute(
            "SELECT count(*) FILTER (WHERE action = 'praise'),"
            " count(*) FILTER (WHERE action = 'praise_unposted')"
            " FROM audit_log WHERE action IN ('praise', 'praise_unposted')"
            " AND json_extract(params, '$.period') = ? AND json_extract(params, '$.scope') = ?",
            (period.label, scope),
        ).fetchone()
        if claims > returned:
            return False
        conn.execute(
            "INSERT INTO audit_log (actor_key, action, params, at) VALUES (?, ?, ?, ?)",
            (actor, "praise", json.dumps(params, sort_keys=True), moment),
        )
        return True

    return await store.atomic(run)


async def unclaim(store: Store, actor: str, period: Period, site: str | None) -> None:
    """Give a claim back when the post reached no team chat: audited, never erased."""
    params = {"period": period.label, "scope": site or "all"}
    await store.write(
        "INSERT INTO audit_log (actor_key, action, params, at) VALUES (?, ?, ?, ?)",
        (actor, "praise_unposted", json.dumps(params, sort_keys=True), store.now()),
    )


async def post(bot: Any, chats: list[int], text: str) -> int:
    """Send ``text`` to each team chat; returns how many took it."""
    sent = 0
    for number, chat_id in enumerate(chats, 1):
        try:
            await bot.send_message(chat_id, text)  # split by the bot if long
            sent += 1
        except TelegramError as exc:
            # The position in the config list, never the chat id.
            log.error("praise not posted to team chat #%d: %s", number, exc.message)
    return sent


def _chat_id(update: Update) -> int:
    assert update.effective_chat is not None
    return update.effective_chat.id
