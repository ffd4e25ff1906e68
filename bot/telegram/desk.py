"""/assist and /paper on Telegram: a peer worker's chat taking forms for other people.

The service side is ``bot.peer``.  Here a peer's taps and messages are sent to
the form in hand, paper forms get the compact numbered keyboard, and each
finished form ends with a choice: next person (or form), delete these answers,
or finish.  Paper forms end with a read-back of every stored answer first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackContext

from bot.conversation import Event
from bot.peer import Desk, DeskMode
from bot.roles import PEER_ROLES
from bot.telegram.edits import edit
from bot.telegram.layout import DESK, TICK, Tap, callback_data

if TYPE_CHECKING:
    from bot.telegram.handlers import TelegramChannel

Context = CallbackContext[Any, Any, Any, Any]
NEXT, DISCARD, FINISH = "next", "discard", "finish"
NOTHING_STORED = "…"
"""Text above the buttons when a form ended with nothing stored (the notice was declined)."""


async def on_open(
    channel: TelegramChannel, update: Update, context: Context, mode: DeskMode
) -> None:
    """Open the desk (behind the role gate); ``/paper undo`` deletes the last paper form."""
    key = channel.key_of(update)
    lang = await channel.lang_of(update)
    if mode == "paper" and context.args and context.args[0].lower() == "undo":
        done = await channel.desks.undo(key)
        await _say(channel, update, context, "desk.discarded" if done else "desk.nothing_to_undo")
        return
    grant = await channel.roles.role_of(key)
    site = grant.site if grant else None
    intro = "desk.paper_intro" if mode == "paper" else "desk.assist_intro"
    await context.bot.send_message(_chat_id(update), channel.text(intro, lang))
    turn = await channel.desks.open(key, mode, site, lang)
    await channel.show(update, context, turn, compact=mode == "paper")


async def live_desk(channel: TelegramChannel, key: str) -> Desk | None:
    """The peer's desk, if they still hold a peer role; checked on every desk action.

    A role ended while the desk was open (revoked in another process, say)
    closes the desk here, before the action touches the form.
    """
    form = await channel.desks.desk(key)
    if form is not None and await channel.roles.check(key, PEER_ROLES) is None:
        await channel.desks.close(key)
        return None
    return form


async def form_in_hand(channel: TelegramChannel, key: str) -> str:
    """The key whose session a person's taps and commands act on: the form a peer has
    in hand, else their own."""
    form = await live_desk(channel, key)
    return form.current_key if form is not None and form.current_key else key


async def answer(channel: TelegramChannel, update: Update, context: Context, event: Event) -> bool:
    """Send a typed message or /stop to the form in hand; False when there is none."""
    key = channel.key_of(update)
    form = await live_desk(channel, key)
    if form is None or form.current_key is None:
        return False
    turn = await channel.desks.handle(key, event)
    assert turn is not None
    await channel.show(update, context, turn, compact=form.mode == "paper")
    if turn.finished:
        await form_done(channel, update, context)
    return True


async def form_done(
    channel: TelegramChannel, update: Update, context: Context, *, discarded: bool = False
) -> None:
    """After a form: the paper read-back, then next / delete these answers / finish."""
    key = channel.key_of(update)
    lang = await channel.lang_of(update)
    form = await channel.desks.desk(key)
    if form is None:
        return
    choices = [(NEXT, _next_label(form.mode)), (DISCARD, "desk.discard"), (FINISH, "desk.finish")]
    if discarded:
        text = channel.text("desk.discarded", lang)
    elif form.last_session is None:
        # Declined at the notice: nothing was stored, nothing to check or delete.
        text = NOTHING_STORED
    elif form.mode == "paper":
        rows = await channel.desks.read_back(key, lang)
        text = "\n".join(
            [channel.text("desk.read_back", lang), *(f"• {q}\n  {TICK} {a}" for q, a in rows)]
        )
    else:
        text = channel.text("desk.assist_saved", lang)
    if form.last_session is None:
        choices = [c for c in choices if c[0] != DISCARD]
    buttons = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    channel.text(label, lang),
                    callback_data=callback_data(DESK, tag, form=form.form),
                )
            ]
            for tag, label in choices
        ]
    )
    await context.bot.send_message(_chat_id(update), text, reply_markup=buttons)


async def on_tap(
    channel: TelegramChannel, update: Update, context: Context, tap: Tap, lang: str
) -> None:
    query = update.callback_query
    assert query is not None
    key = channel.key_of(update)
    form = await live_desk(channel, key)
    # Only a peer with an open desk, between forms, can use these buttons, and only
    # those made for the form just ended: an old "Delete these answers" must not
    # delete the person after.
    stale = form is None or form.current_key is not None or tap.form != form.form
    if stale or tap.tag not in (NEXT, DISCARD, FINISH):
        await query.answer(channel.text("telegram.form_closed", lang), show_alert=True)
        return
    await query.answer()
    await _close(query.message)
    if tap.tag == DISCARD:
        await channel.desks.undo(key)
        await form_done(channel, update, context, discarded=True)
    elif tap.tag == FINISH:
        await channel.desks.close(key)
        await _say(channel, update, context, "desk.finished")
    else:
        turn = await channel.desks.next_form(key)
        await channel.show(update, context, turn, compact=form.mode == "paper")


def _next_label(mode: DeskMode) -> str:
    return "desk.next_form" if mode == "paper" else "desk.next_person"


async def _close(message: object) -> None:
    await edit(message, markup=None)


async def _say(channel: TelegramChannel, update: Update, context: Context, key: str) -> None:
    lang = await channel.lang_of(update)
    await context.bot.send_message(_chat_id(update), channel.text(key, lang))


def _chat_id(update: Update) -> int:
    assert update.effective_chat is not None
    return update.effective_chat.id
