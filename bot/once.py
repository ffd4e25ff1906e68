"""Each Telegram update handled once, even when Telegram delivers it again.

With polling, Telegram learns that the bot has an update only from the bot's
next ``getUpdates`` (its offset).  Updates handled just before a crash are sent
again after the restart; a text answer handled twice would then be stored as
the answer to the next question.  (A webhook that timed out is retried too.)

So the id of an update is written in the same transaction as the first thing
its handling stores (``Store.atomic`` asks ``pending()``): either both the
answer and the id are stored, or neither is.  An id seen again is skipped
before any handler runs.  Updates that store nothing are recorded when they
finish.  The ids are a rolling window (``KEEP``), purged by the hourly job.
"""

from __future__ import annotations

import asyncio
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import timedelta

KEEP = timedelta(hours=48)
"""Telegram keeps an unconfirmed update for 24 hours; twice that, to be safe."""
RECORD = "INSERT OR IGNORE INTO handled_updates (update_id, handled_hour) VALUES (?, ?)"


@dataclass
class Handling:
    """The update the current task is handling, and whether its id is stored yet."""

    update_id: int
    task: asyncio.Task[object] | None = field(default_factory=asyncio.current_task)
    recorded: bool = False


_handling: ContextVar[Handling | None] = ContextVar("handling", default=None)


def begin(update_id: int) -> Handling:
    """Mark the current task as handling ``update_id`` (until ``end``)."""
    handling = Handling(update_id)
    _handling.set(handling)
    return handling


def end() -> None:
    _handling.set(None)


def current() -> Handling | None:
    """The update this task is handling.  Tasks it started (a broadcast) inherit the
    context but are not the handling: their writes must not carry its id."""
    handling = _handling.get()
    if handling is None or handling.task is not asyncio.current_task():
        return None
    return handling


def pending() -> Handling | None:
    """The update whose id the next transaction of this task must store, if any."""
    handling = current()
    return handling if handling is not None and not handling.recorded else None
