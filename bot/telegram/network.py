"""Closing the loop on Telegram: /news, /update (staff), the end-of-flow opt-ins, /unsubscribe.

The opt-in is offered once a flow is completed: two buttons that toggle (and
are stored at once, apart from the answers) and "No thanks".  The service side
is ``bot.updates``.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackContext

from bot.report.period import local_today
from bot.report.queries import UPDATE_STATUSES, ReportQueries
from bot.report.themes import Codebook, load_codebook
from bot.roles import STAFF_ROLES
from bot.sources import SourceErrors
from bot.telegram.edits import edit
from bot.telegram.layout import OPT_IN, TICK, UPDATE, Tap, callback_data
from bot.telegram.praise import is_praise_tag, on_praise_tap
from bot.telegram.publish import is_publish_tag, on_publish_tap
from bot.updates import (
    Draft,
    Drafts,
    Subscriber,
    longest_update,
    news,
    publish,
    relabel,
    top_themes,
)

if TYPE_CHECKING:
    from bot.telegram.handlers import TelegramChannel

Context = CallbackContext[Any, Any, Any, Any]
log = logging.getLogger(__name__)
UPDATES, REMIND, NO, DONE = "updates", "remind", "no", "done"
SEND, KEEP, LANG, SET = "send", "keep", "lang", "set"
THEME_TICK, STATUS, SAVE, DISCARD = "th", "st", "sv", "dx"
_DRAFT_TAG = re.compile(r"(th|st)(\d{1,2})|(sv|dx)")
"""Buttons of an update not yet saved: tick theme N, status N, save, don't save."""
_UPDATE_TAG = re.compile(r"(send|keep|lang|set)(\d*)(?:-([a-z]{2,3}))?")
"""Staff update buttons: send, keep or relabel update N (``set12-pl``)."""


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
    form = await channel.deletion_tag(channel.key_of(update))
    await context.bot.send_message(
        _chat_id(update),
        channel.text("optin.question", lang),
        reply_markup=_opt_in_keyboard(channel, lang, now, form),
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
    form = await channel.deletion_tag(channel.key_of(update))
    if tap.form != form:
        # An offer left on screen from before /delete (or before newer feedback): after
        # "everything you gave us has been deleted", an old tap must not store the chat again.
        await query.answer(channel.text("telegram.form_closed", lang), show_alert=True)
        await edit(query.message, markup=None)
        return
    await query.answer()
    now = await subs.get(chat_id)
    if tap.tag == UPDATES:
        now = await subs.set(chat_id, lang, updates=not (now and now.updates))
    elif tap.tag == REMIND:
        now = await subs.set(chat_id, lang, remind=not (now and now.remind))
    if tap.tag in (UPDATES, REMIND):
        await edit(query.message, markup=_opt_in_keyboard(channel, lang, now, form))
        return
    if tap.tag == NO:
        await subs.remove(chat_id)
        now = None
    await edit(query.message, markup=None)
    reply = "optin.saved" if now else "optin.none"
    await context.bot.send_message(chat_id, channel.text(reply, lang))


async def on_update(channel: TelegramChannel, update: Update, context: Context) -> None:
    """Store a staff update (behind the role gate), then ask whether to send it now.

    The update is tagged with the language it is written in (detected; staff can
    correct it), not the language of the staff member's phone: it is shown to
    readers of that language.  One too long to go out as one message is refused
    before anything is stored.
    """
    lang = await channel.lang_of(update)
    message = update.effective_message
    assert message is not None and message.text is not None
    chat_id = _chat_id(update)
    text = command_text(message.text)
    if not text:
        await context.bot.send_message(chat_id, channel.text("update.usage", lang))
        return
    limit = longest_update(channel.catalogue, channel.settings.languages)
    if len(text) > limit:
        refusal = channel.text("update.too_long", lang, limit=limit, length=len(text))
        await context.bot.send_message(chat_id, refusal)
        return
    found = channel.conversations.detector.detect(text)
    written_in = found.lang if found and found.lang in channel.settings.languages else lang
    store = channel.conversations.store
    today = local_today(channel.settings.reports.timezone)
    offered = []
    try:
        codebook = load_codebook(channel.settings.flows_dir)
    except SourceErrors:
        log.warning("no theme codebook: /update is saved without offering themes")
    else:
        offered = await top_themes(store, codebook, channel.settings.reports.timezone, today)
    if offered:
        # Linked before it is saved: the themes to tick wait in a draft, not in updates.
        draft = await Drafts(store).start(channel.key_of(update), text, written_in, offered)
        await context.bot.send_message(
            chat_id,
            f"{channel.text('update.pick_themes', lang)}\n\n{text}",
            reply_markup=_draft_keyboard(channel, lang, draft),
        )
        return
    update_id = await publish(store, text, written_in, channel.key_of(update), today)
    await _offer_send(channel, context, chat_id, lang, written_in, update_id)


async def _offer_send(
    channel: TelegramChannel,
    context: Context,
    chat_id: int,
    lang: str,
    written_in: str,
    update_id: int,
) -> None:
    await context.bot.send_message(
        chat_id,
        await _saved_text(channel, lang, written_in),
        reply_markup=_update_keyboard(channel, lang, update_id),
    )


async def on_draft_tap(
    channel: TelegramChannel, update: Update, context: Context, tap: Tap, lang: str
) -> None:
    """A tap on a draft's buttons: tick a theme, set the status, save or drop it.

    The draft is found by the token the buttons carry and must be the tapping staff
    member's own; one saved, dropped or replaced by a newer /update is closed."""
    query = update.callback_query
    assert query is not None
    store = channel.conversations.store
    drafts = Drafts(store)
    draft = await drafts.get(tap.form or "")
    if draft is None:
        await query.answer(channel.text("telegram.form_closed", lang), show_alert=True)
        await edit(query.message, markup=None)
        return
    key = channel.key_of(update)
    parsed = _DRAFT_TAG.fullmatch(tap.tag)
    assert parsed is not None
    action = parsed.group(1) or parsed.group(3)
    index = int(parsed.group(2)) if parsed.group(2) else 0
    if draft.staff_key != key or (
        action in (THEME_TICK, STATUS) and index >= _choices(draft, action)
    ):
        await query.answer(channel.text("telegram.bad_button", lang), show_alert=True)
        return
    await query.answer()
    chat_id = _chat_id(update)
    if action == DISCARD:
        if await drafts.take(draft.token, key) is not None:
            await edit(query.message, markup=None)
            await context.bot.send_message(chat_id, channel.text("update.discarded", lang))
        return
    if action == SAVE:
        today = local_today(channel.settings.reports.timezone)
        saved = await drafts.save(draft.token, key, today)
        if saved is None:
            return  # a second tap on Save: the first one saved it
        taken, update_id = saved
        await edit(query.message, markup=None)
        await _offer_send(channel, context, chat_id, lang, taken.lang, update_id)
        return
    themes, status = list(draft.themes), draft.status
    if action == THEME_TICK:
        theme = draft.offered[index]
        themes = [t for t in themes if t != theme] if theme in themes else [*themes, theme]
    else:
        status = UPDATE_STATUSES[index]
    changed = await drafts.change(draft, themes=themes, status=status)
    if changed is not None:
        await edit(query.message, markup=_draft_keyboard(channel, lang, changed))


def _choices(draft: Draft, tag: str) -> int:
    return len(draft.offered) if tag == THEME_TICK else len(UPDATE_STATUSES)


def _draft_keyboard(channel: TelegramChannel, lang: str, draft: Draft) -> InlineKeyboardMarkup:
    """A theme to tick per row, the three statuses (one ticked) in a row, Save and Don't save."""
    codebook = load_codebook(channel.settings.flows_dir)

    def ticked(label: str, on: bool) -> str:
        return f"{TICK} {label}" if on else label

    def data(tag: str, index: int | None = None) -> str:
        return callback_data(UPDATE, f"{tag}{'' if index is None else index}", form=draft.token)

    rows = [
        [
            _button(
                ticked(_theme_name(channel, codebook, t, lang), t in draft.themes),
                data(THEME_TICK, i),
            )
        ]
        for i, t in enumerate(draft.offered)
    ]
    rows.append(
        [
            _button(
                ticked(channel.text(f"network.status.{s}", lang), s == draft.status),
                data(STATUS, i),
            )
            for i, s in enumerate(UPDATE_STATUSES)
        ]
    )
    rows.append(
        [
            _button(channel.text("review.save", lang), data(SAVE)),
            _button(channel.text("update.discard", lang), data(DISCARD)),
        ]
    )
    return InlineKeyboardMarkup(rows)


def _theme_name(channel: TelegramChannel, codebook: Codebook, theme: str, lang: str) -> str:
    if f"theme.{theme}" in channel.catalogue.messages:
        return channel.text(f"theme.{theme}", lang)
    return codebook.label(theme, lang)


async def on_update_tap(
    channel: TelegramChannel, update: Update, context: Context, tap: Tap, lang: str
) -> None:
    query = update.callback_query
    assert query is not None
    # The buttons are only ever shown to staff, but a tap is checked again: roles end.
    allowed = await channel.roles.check(channel.key_of(update), STAFF_ROLES)
    if allowed is not None and tap.form is not None and _DRAFT_TAG.fullmatch(tap.tag):
        await on_draft_tap(channel, update, context, tap, lang)
        return
    if allowed is not None and is_publish_tag(tap.tag):
        await on_publish_tap(channel, update, context, tap, lang)
        return
    if allowed is not None and is_praise_tag(tap.tag):
        await on_praise_tap(channel, update, context, tap, lang)
        return
    parsed = _UPDATE_TAG.fullmatch(tap.tag)
    if allowed is None or parsed is None:
        await query.answer(channel.text("telegram.bad_button", lang), show_alert=True)
        return
    action, number, code = parsed.groups()
    update_id = int(number) if number else None
    store = channel.conversations.store
    row = None
    if update_id is not None:
        row = next((r for r in await ReportQueries(store).updates() if r[0] == update_id), None)
    await query.answer()
    chat_id = _chat_id(update)
    if action == LANG and row is not None:
        await edit(query.message, markup=_language_keyboard(channel, update_id or 0))
        return
    if action == SET and row is not None and code in channel.settings.languages:
        await relabel(store, row[0], code, channel.key_of(update))
        text = await _saved_text(channel, lang, code)
        markup = _update_keyboard(channel, lang, row[0])
        await edit(query.message, text=text, markup=markup)
        return
    if action != SEND or row is None:
        await edit(query.message, markup=None)
        await context.bot.send_message(chat_id, channel.text("update.not_sent", lang))
        return
    # Recorded first: from here a restart carries on, and a second tap sends nothing.
    count = await channel.broadcaster.broadcasts.begin(row[0], chat_id, lang)
    await edit(query.message, markup=None)
    if count is None:
        await context.bot.send_message(chat_id, channel.text("update.already_sent", lang))
        return
    await context.bot.send_message(chat_id, channel.text("update.sending", lang, n=count))
    channel.broadcaster.kick(context.application)


async def _saved_text(channel: TelegramChannel, lang: str, written_in: str) -> str:
    n = len(await channel.subscriptions.wanting("updates"))
    language = channel.catalogue.languages[written_in].native
    return "\n\n".join(
        [
            channel.text("update.saved", lang, n=n),
            channel.text("update.language", lang, language=language),
        ]
    )


def _update_keyboard(channel: TelegramChannel, lang: str, update_id: int) -> InlineKeyboardMarkup:
    rows = [
        (channel.text("update.send", lang), f"{SEND}{update_id}"),
        (channel.text("update.keep", lang), f"{KEEP}{update_id}"),
        (channel.text("update.change_language", lang), f"{LANG}{update_id}"),
    ]
    return InlineKeyboardMarkup(
        [[_button(label, callback_data(UPDATE, tag))] for label, tag in rows]
    )


def _language_keyboard(channel: TelegramChannel, update_id: int) -> InlineKeyboardMarkup:
    """Each enabled language in its own script, two to a row."""
    buttons = [
        _button(
            channel.catalogue.languages[code].native,
            callback_data(UPDATE, f"{SET}{update_id}-{code}"),
        )
        for code in channel.settings.languages
    ]
    return InlineKeyboardMarkup([buttons[i : i + 2] for i in range(0, len(buttons), 2)])


def command_text(typed: str) -> str:
    """What follows a command, after any whitespace: a space, a new line or a tab."""
    parts = typed.split(None, 1)
    return parts[1].strip() if len(parts) > 1 else ""


def _opt_in_keyboard(
    channel: TelegramChannel, lang: str, now: Subscriber | None, form: str | None
) -> InlineKeyboardMarkup:
    """``form``: the person's newest feedback when offered; a tap counts only while it is."""

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
                    callback_data(OPT_IN, UPDATES, form=form),
                )
            ],
            [
                _button(
                    label("optin.remind", bool(now and now.remind)),
                    callback_data(OPT_IN, REMIND, form=form),
                )
            ],
            [_button(channel.text(last[0], lang), callback_data(OPT_IN, last[1], form=form))],
        ]
    )


def _button(label: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=data)


def _chat_id(update: Update) -> int:
    assert update.effective_chat is not None
    return update.effective_chat.id
