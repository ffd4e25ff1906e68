"""Editing a message the bot sent, the one way every keyboard does it.

Telegram refuses an edit that changes nothing ("message is not modified"), one
of a message it no longer has, and one of a message too old to edit.  All three
mean the message already reads as it should or cannot be tidied any more: a
second tap on a keyboard just closed, a double tap that raced the first, a
message deleted by the person.  They are not errors to show anyone, so every
edit goes through here.  Any other refusal is a real fault and is raised.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import InlineKeyboardMarkup, Message
from telegram.error import BadRequest

HARMLESS = ("message is not modified", "message to edit not found", "message can't be edited")


def harmless(error: BadRequest) -> bool:
    """Whether Telegram refused an edit only because there was nothing to do."""
    text = error.message.lower()
    return any(reason in text for reason in HARMLESS)


async def edit(
    message: object,
    *,
    text: str | None = None,
    markup: InlineKeyboardMarkup | None,
) -> bool:
    """Set a message's text (if given) and keyboard; False if there was nothing to change.

    ``message`` is what a callback query carries: not a ``Message`` when
    Telegram no longer shows it to bots (too old), and then there is nothing to tidy.
    """
    if not isinstance(message, Message):
        return False
    try:
        if text is None:
            await message.edit_reply_markup(reply_markup=markup)
        else:
            await message.edit_text(text, reply_markup=markup)
    except BadRequest as exc:
        if harmless(exc):
            return False
        raise
    return True


async def close_keyboard(bot: Any, chat_id: int, message_id: int) -> bool:
    """Remove the buttons from a message known only by its id."""
    try:
        await bot.edit_message_reply_markup(chat_id, message_id, reply_markup=None)
    except BadRequest as exc:
        if harmless(exc):
            return False
        raise
    return True


async def together(*calls: Awaitable[Any]) -> None:
    """Make Bot API calls that do not depend on one another at the same time.

    A tap was answered in three round trips one after another (stop the button's
    spinner, turn the question into a record, send the next question), a typed answer
    in two: the person waited for each in turn, and the bot's own time per update was
    mostly these waits (bench/busy_e2e.py's table).  Together they take one.

    The calls start in the order given (a coroutine runs up to its first await before
    the next starts), every one is finished before this returns, and the first failure
    is raised then, so none is left running or unreported.
    """
    results = await asyncio.gather(*calls, return_exceptions=True)
    for result in results:
        if isinstance(result, BaseException):
            raise result
