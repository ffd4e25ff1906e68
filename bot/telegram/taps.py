"""Taps on inline buttons: answers to the question on screen, and the bot's own menus.

Most taps answer the question waiting (``Conversations.handle_pick``: the tap
is checked against that question and handled with one read of the session).
A tap on an older question, or with data the bot did not make, gets a pop-up
and changes nothing.  Every tap is answered, so the person's client stops its
spinner.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from telegram import CallbackQuery, Message, Update
from telegram.error import RetryAfter, TelegramError
from telegram.ext import CallbackContext

from bot.conversation import Back, Choose, Done, Event, Prompt, Skip
from bot.roles import forget_join_attempts_of
from bot.service import LANG_CHOICE, LANGUAGE_STEP, SWITCH_OFFER
from bot.telegram import desk, network, review
from bot.telegram.edits import together
from bot.telegram.layout import (
    ANSWERS,
    BACK,
    CHOOSE,
    DELETE_NO,
    DELETE_YES,
    DESK,
    DONE,
    LANGUAGE,
    OPT_IN,
    REVIEW,
    SKIP,
    THEME,
    TICK,
    UPDATE,
    Tap,
    form_tag,
    keyboard,
    parse_tap,
    record_text,
    step_tag,
)

if TYPE_CHECKING:
    from bot.telegram.handlers import TelegramChannel

Context = CallbackContext[Any, Any, Any, Any]
log = logging.getLogger(__name__)

_MENUS = {
    DESK: desk.on_tap,
    OPT_IN: network.on_opt_in_tap,
    UPDATE: network.on_update_tap,
    THEME: review.on_tap,
    REVIEW: review.on_tap,
}
"""Buttons of the bot's own menus: their handlers take the person's language."""


async def on_tap(channel: TelegramChannel, update: Update, context: Context) -> None:
    query = update.callback_query
    assert query is not None
    tap = parse_tap(query.data)
    # The language is looked up only when needed: most taps are answers, and each
    # lookup is a trip to the database.
    if tap is None:
        await alert(channel, update, "telegram.bad_button")
        return
    if tap.action not in ANSWERS and _closed(query.message):
        # A second tap on a menu already closed (a double tap, a lagging phone):
        # acting again would send an update twice or reopen a saved review.
        await alert(channel, update, "telegram.closed")
        return
    if tap.action in (DELETE_YES, DELETE_NO):
        await _confirm_delete(channel, update, context, tap, await channel.lang_of(update))
        return
    if tap.action == LANGUAGE:
        await _pick_language(channel, update, context, tap, await channel.lang_of(update))
        return
    menu = _MENUS.get(tap.action)
    if menu is not None:
        await menu(channel, update, context, tap, await channel.lang_of(update))
        return
    await _answer(channel, update, context, tap)


async def stop_spinner(query: CallbackQuery) -> None:
    """Answer the tap's callback query, so the person's client stops its spinner.

    Made together with the replies, so a failure here comes after the answer was stored
    and the next question sent: Telegram refuses a query older than ~15 s (a bot
    catching up after a restart), and the spinner then stops on its own.  Telling the
    person "something went wrong" then would be wrong, so it is logged, not raised.
    """
    try:
        await query.answer()
    except RetryAfter:
        raise
    except TelegramError as exc:
        log.info("a tap's spinner was not stopped: %s", type(exc).__name__)


async def _answer(channel: TelegramChannel, update: Update, context: Context, tap: Tap) -> None:
    """A tap on a question of the flow: the person's own, or the form a peer has in hand."""
    query = update.callback_query
    assert query is not None

    def pick(prompt: Prompt) -> Event | None:
        return _event(tap, prompt) if tap.tag == step_tag(prompt.step_id) else None

    def belongs(session_id: str) -> bool:
        return form_tag(session_id) == tap.form

    # Buttons made before forms were tagged carry none: they are checked by question only.
    check = belongs if tap.form is not None else None
    key = channel.key_of(update)
    form = await desk.live_desk(channel, key)
    if form is not None and form.current_key is None:
        form = None  # a peer between forms: the tap is on their own chat's question
    if form is not None:
        prompt, turn = await channel.desks.handle_pick(form, pick, check)
    else:
        prompt, turn = await channel.conversations.handle_pick(key, channel.name, pick, check)
    if prompt is None or tap.tag != step_tag(prompt.step_id):
        closed = prompt is None and tap.form is not None
        await alert(channel, update, "telegram.form_closed" if closed else "telegram.old_question")
        await channel.edit(query.message, markup=None)
        return
    if turn is None:
        await alert(channel, update, "telegram.bad_button")
        return
    if form is None and prompt.step_id in (LANGUAGE_STEP, SWITCH_OFFER) and not turn.error:
        await channel.subscriptions.relabel(_chat_id(update), turn.lang)
    compact = form is not None and form.mode == "paper"
    toggled = turn.prompt is not None and turn.prompt.step_id == prompt.step_id
    if tap.action == CHOOSE and prompt.kind == "multi" and toggled and not turn.messages:
        assert turn.prompt is not None
        markup = keyboard(turn.prompt, compact=compact, form=form_tag(turn.session))
        await together(stop_spinner(query), channel.edit(query.message, markup=markup))
        return
    # The spinner stopped, the question turned into a record of the answer, and the next
    # question sent, at once (``together``).  ``answered`` goes before ``show``: it takes
    # the tapped question off the open keyboards first, so ``show`` does not close it too.
    record = record_text(prompt, tap, channel.text("telegram.skipped", turn.lang))
    recorded = () if turn.error else (channel.answered(context, query.message, record),)
    await together(
        stop_spinner(query), *recorded, channel.show(update, context, turn, compact=compact)
    )
    if turn.finished and form is not None:
        await desk.form_done(channel, update, context)
    elif turn.finished and not prompt.step_id.startswith("_"):
        await network.offer_opt_in(channel, update, context, turn.lang)


async def alert(channel: TelegramChannel, update: Update, message_key: str) -> None:
    """Answer a tap with a pop-up, in the person's language."""
    query = update.callback_query
    assert query is not None
    await query.answer(channel.text(message_key, await channel.lang_of(update)), show_alert=True)


async def _pick_language(
    channel: TelegramChannel, update: Update, context: Context, tap: Tap, lang: str
) -> None:
    query = update.callback_query
    assert query is not None and tap.index is not None
    prompt = channel.conversations.language_prompt(lang)
    if tap.index >= len(prompt.choices):
        await query.answer(channel.text("telegram.bad_button", lang), show_alert=True)
        return
    code = prompt.choices[tap.index].id.removeprefix(LANG_CHOICE)
    form = await desk.live_desk(channel, channel.key_of(update))
    in_hand = form.current_key if form is not None else None
    key = in_hand or channel.key_of(update)
    if tap.form is not None:
        session = await channel.conversations.store.current_session(key, channel.name)
        if session is None or form_tag(session.id) != tap.form:
            # A picker shown for a form that has ended must not switch the next one.
            await query.answer(channel.text("telegram.form_closed", lang), show_alert=True)
            await channel.edit(query.message, markup=None)
            return
    await query.answer()
    turn = await channel.conversations.set_language(key, channel.name, code)
    await channel.subscriptions.relabel(_chat_id(update), code)
    await channel.answered(context, query.message, record_text(prompt, tap, ""))
    if turn is None:
        await channel.reply(update, context, "flow.no_session")
        return
    if turn.prompt is None:
        turn.prompt = await channel.conversations.current_prompt(key, channel.name)
    paper = in_hand is not None and form is not None and form.mode == "paper"
    await channel.show(update, context, turn, compact=paper)


async def _confirm_delete(
    channel: TelegramChannel, update: Update, context: Context, tap: Tap, lang: str
) -> None:
    query = update.callback_query
    assert query is not None and update.effective_chat is not None
    chat_id = update.effective_chat.id
    key = channel.key_of(update)
    if tap.form is not None and tap.form != await channel.deletion_tag(key):
        await query.answer(channel.text("telegram.form_closed", lang), show_alert=True)
        await channel.edit(query.message, markup=None)
        return
    await query.answer()
    question = channel.text("telegram.delete_confirm", lang)
    if tap.action == DELETE_NO:
        chosen = channel.text("telegram.delete_no", lang)
        await channel.answered(context, query.message, f"{question}\n\n{TICK} {chosen}")
        await channel.reply(update, context, "telegram.delete_kept", lang=lang)
        return
    removed = await channel.conversations.forget(key)
    await channel.desks.close(key)
    await channel.subscriptions.remove(chat_id)
    await forget_join_attempts_of(channel.conversations.store, key, channel.roles.window)
    chosen = channel.text("telegram.delete_yes", lang)
    await channel.answered(context, query.message, f"{question}\n\n{TICK} {chosen}")
    await channel.close_open_prompt(context, chat_id)
    done = "telegram.deleted" if removed else "telegram.nothing_to_delete"
    await channel.reply(update, context, done, lang=lang)


def _chat_id(update: Update) -> int:
    assert update.effective_chat is not None
    return update.effective_chat.id


def _closed(message: object) -> bool:
    """Whether the tapped message, as Telegram has it now, no longer shows buttons."""
    return isinstance(message, Message) and message.reply_markup is None


def _event(tap: Tap, prompt: Prompt) -> Event | None:
    """The engine event a tap stands for, if the current question offers it."""
    if tap.action == CHOOSE and tap.index is not None and tap.index < len(prompt.choices):
        return Choose(prompt.choices[tap.index].id)
    if tap.action == SKIP and prompt.can_skip:
        return Skip()
    if tap.action == BACK and prompt.can_back:
        return Back()
    if tap.action == DONE and prompt.kind == "multi":
        return Done()
    return None
