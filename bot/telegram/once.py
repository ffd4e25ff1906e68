"""Telegram's side of exactly-once updates (the why is in ``bot/once.py``).

``OncePerPersonOrder`` marks the task handling an update with its id, so the
update's first transaction stores the id, and records the id afterwards if the
handling stored nothing.  ``skip_seen`` runs before every other handler and
stops an update whose id is already stored: it was handled before a restart,
or Telegram sent it twice.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import ApplicationHandlerStop, CallbackContext, TypeHandler

from bot import once
from bot.store import Store
from bot.telegram.ordering import KeyOf, PerPersonOrder

GROUP = -3
"""Before every other handler group (the chat-member handler is -2, the guard -1)."""

log = logging.getLogger(__name__)


class OncePerPersonOrder(PerPersonOrder):
    """``PerPersonOrder`` that also marks each update's handling for ``bot.once``."""

    def __init__(self, key_of: KeyOf, store: Store, max_concurrent_updates: int = 256):
        super().__init__(key_of, max_concurrent_updates)
        self.store = store

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        if not isinstance(update, Update):
            await super().do_process_update(update, coroutine)
            return
        await super().do_process_update(update, self._once(update.update_id, coroutine))

    async def _once(self, update_id: int, coroutine: Awaitable[Any]) -> None:
        handling = once.begin(update_id)
        try:
            await coroutine
            if not handling.recorded:
                # It stored nothing (help, a refused group, a skipped repeat): record it now.
                await self.store.atomic(lambda conn: None, small=True)
        except sqlite3.Error as exc:
            # The disk is full or the file is locked: the person was told by the handler.
            log.warning("could not record a handled update: %s", type(exc).__name__)
        finally:
            once.end()


Signpost = Callable[[Update, CallbackContext[Any, Any, Any, Any]], Awaitable[None]]


def skip_seen(store: Store, signpost: Signpost | None = None) -> TypeHandler[Update, Any]:
    """The handler that stops an update already handled.

    ``signpost``: helplines for the skipped update's text, if it holds a risk phrase.  It
    was stored before its reply went out; a crash or a Telegram outage then a restart may
    have lost the helplines (owed ones are stored, but a crash between the commit and the
    send leaves none owed), so they go again: twice costs far less than never."""

    async def check(update: Update, context: CallbackContext[Any, Any, Any, Any]) -> None:
        handling = once.current()
        if handling is None or handling.recorded:
            return
        if await store.handled(update.update_id):
            handling.recorded = True
            log.info("an update Telegram delivered again was skipped")
            if signpost is not None:
                await signpost(update, context)
            raise ApplicationHandlerStop

    return TypeHandler(Update, check)
