"""Which Telegram commands need a role, and the check in front of them.

``PRIVILEGED`` is the one table: command name → roles allowed.  The channel
registers a handler ``on_<name>`` for each entry behind ``RoleGate.wrap``, and
the e2e tests walk the same table, so a command added here is refused to
ordinary people (and tested as such) without further wiring.  Everyone else
gets exactly the reply an unknown command gets: nothing says the command exists.
None of these are in the public command menu.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from telegram import Update
from telegram.ext import CallbackContext

from bot.roles import PEER_ROLES, STAFF_ROLES, Role, Roles

Context = CallbackContext[Any, Any, Any, Any]
Handler = Callable[[Update, Context], Awaitable[None]]

PRIVILEGED: Mapping[str, frozenset[Role]] = {
    "summary": STAFF_ROLES,
    "export": STAFF_ROLES,
    "assist": PEER_ROLES,
    "paper": PEER_ROLES,
    "review": STAFF_ROLES,
    "update": STAFF_ROLES,
    "publish": STAFF_ROLES,
    "praise": STAFF_ROLES,
}

log = logging.getLogger(__name__)


class RoleGate:
    def __init__(self, roles: Roles, key_of: Callable[[Update], str], refuse: Handler):
        self.roles = roles
        self.key_of = key_of
        self.refuse = refuse
        """What everyone without the role gets: the unknown-command reply."""

    def wrap(self, name: str, handler: Handler) -> Handler:
        """``handler`` for people whose live role is allowed ``name``, ``refuse`` for the rest."""
        allowed = PRIVILEGED[name]

        async def gated(update: Update, context: Context) -> None:
            if await self.roles.check(self.key_of(update), allowed) is None:
                await self.refuse(update, context)
                return
            log.info("privileged command /%s used", name)
            await handler(update, context)

        gated.__name__ = f"gated_{name}"
        return gated
