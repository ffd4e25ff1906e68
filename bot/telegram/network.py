"""Closing the loop on Telegram: /news, /update (staff), the end-of-flow opt-ins, /unsubscribe.

The opt-in is offered once a flow is completed: two buttons that toggle (and
are stored at once, apart from the answers) and "No thanks".  The service side
is ``bot.updates``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackContext

from bot.report.period import local_today
from bot.report.queries import ReportQueries
from bot.roles import STAFF_ROLES
from bot.telegram.edits import edit
from bot.telegram.layout import OPT_IN, TICK, UPDATE, Tap, callback_data
from bot.updates import Subscriber, broadcast, news, publish

if TYPE_CHECKING:
    from bot.telegram.handlers import TelegramChannel

Context = CallbackContext[Any, Any, Any, Any]
UPDATES, REMIND, NO, DONE = "updates", "remind", "no", "done"
SEND, KEEP = "send", "keep"


async def on_news(channel: TelegramChannel, update: Update, context: Context) -> None:
    lang = await channel.lang_of(update)
    text = await news(channel.conversations.store, channel.catalogue, lang)
    await context.bot.send_message(_chat_id(update), text)


async def on_unsubscribe(channel: TelegramChannel, update: Update, context: Context) -> None:
    removed = await channel.subscriptions.remove(_chat_id(update))
    lang = await channel.lang_of(update)
    done = "unsubscribe.done" if removed else "unsubscribe.none"
    await context.bot.send_message(_chat_id(update), channel.text(done, lang))


async def offer_opt_in(
    channel: TelegramChannel, update: Update, context: Context, lang: str
) -> None:
    now = await channel.subscriptions.get(_chat_id(update))
    await context.bot.send_message(
        _chat_id(update),
        channel.text("optin.question", lang),
        reply_markup=_opt_in_keyboard(channel, lang, now),
    )


async def on_opt_in_tap(
    channel: TelegramChannel, update: Update, context: Context, tap: Tap, lang: str
) -> None:
    query = update.callback_query
    assert query is not None
    chat_id = _chat_id(update)
    subs = channel.subscriptions
    if tap.tag not in (UPDATES, REMIND, NO, DONE):
        await query.answer(channel.text("telegram.bad_button", lang), show_alert=True)
        return
    await query.answer()
    now = await subs.get(chat_id)
    if tap.tag == UPDATES:
        now = await subs.set(chat_id, lang, updates=not (now and now.updates))
    elif tap.tag == REMIND:
        now = await subs.set(chat_id, lang, remind=not (now and now.remind))
    if tap.tag in (UPDATES, REMIND):
        await edit(query.message, markup=_opt_in_keyboard(channel, lang, now))
        return
    if tap.tag == NO:
        await subs.remove(chat_id)
        now = None
    await edit(query.message, markup=None)
    reply = "optin.saved" if now else "optin.none"
    await context.bot.send_message(chat_id, channel.text(reply, lang))


async def on_update(channel: TelegramChannel, update: Update, context: Context) -> None:
    """Store a staff update (behind the role gate), then ask whether to send it now."""
    lang = await channel.lang_of(update)
    message = update.effective_message
    assert message is not None and message.text is not None
    text = message.text.partition(" ")[2].strip()
    if not text:
        await context.bot.send_message(_chat_id(update), channel.text("update.usage", lang))
        return
    store = channel.conversations.store
    today = local_today(channel.settings.reports.timezone)
    update_id = await publish(store, text, lang, channel.key_of(update), today)
    n = len(await channel.subscriptions.wanting("updates"))
    buttons = InlineKeyboardMarkup(
        [
            [
                _button(
                    channel.text("update.send", lang), callback_data(UPDATE, f"{SEND}{update_id}")
                )
            ],
            [_button(channel.text("update.keep", lang), callback_data(UPDATE, KEEP))],
        ]
    )
    await context.bot.send_message(
        _chat_id(update), channel.text("update.saved", lang, n=n), reply_markup=buttons
    )


async def on_update_tap(
    channel: TelegramChannel, update: Update, context: Context, tap: Tap, lang: str
) -> None:
    query = update.callback_query
    assert query is not None
    # The buttons are only ever shown to staff, but a tap is checked again: roles end.
    allowed = await channel.roles.check(channel.key_of(update), STAFF_ROLES)
    if allowed is None or not (tap.tag == KEEP or tap.tag.removeprefix(SEND).isdigit()):
        await query.answer(channel.text("telegram.bad_button", lang), show_alert=True)
        return
    await query.answer()
    await edit(query.message, markup=None)
    chat_id = _chat_id(update)
    if tap.tag == KEEP:
        await context.bot.send_message(chat_id, channel.text("update.not_sent", lang))
        return
    update_id = int(tap.tag.removeprefix(SEND))
    rows = await ReportQueries(channel.conversations.store).updates()
    text = next((row[1] for row in rows if row[0] == update_id), None)
    if text is None:
        await context.bot.send_message(chat_id, channel.text("update.not_sent", lang))
        return
    result = await broadcast(
        context.bot.send_message, channel.subscriptions, channel.catalogue, text
    )
    await context.bot.send_message(
        chat_id, channel.text("update.sent", lang, sent=result.sent, removed=result.removed)
    )


def _opt_in_keyboard(
    channel: TelegramChannel, lang: str, now: Subscriber | None
) -> InlineKeyboardMarkup:
    def label(key: str, on: bool) -> str:
        text = channel.text(key, lang)
        return f"{TICK} {text}" if on else text

    chosen = bool(now and (now.updates or now.remind))
    last = ("button.done", DONE) if chosen else ("optin.no", NO)
    return InlineKeyboardMarkup(
        [
            [
                _button(
                    label("optin.updates", bool(now and now.updates)),
                    callback_data(OPT_IN, UPDATES),
                )
            ],
            [
                _button(
                    label("optin.remind", bool(now and now.remind)), callback_data(OPT_IN, REMIND)
                )
            ],
            [_button(channel.text(last[0], lang), callback_data(OPT_IN, last[1]))],
        ]
    )


def _button(label: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=data)


def _chat_id(update: Update) -> int:
    assert update.effective_chat is not None
    return update.effective_chat.id
