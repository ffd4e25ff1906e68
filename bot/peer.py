"""Peer workers taking feedback for other people: assisted sessions and paper forms.

A peer worker's chat can run a flow for someone else: the person beside them at
a drop-in (``peer_assisted``), or a paper form being typed in (``paper``).  Each
form is a fresh session under a random respondent key, tagged with the mode and
the peer's site, so nothing in the answers points to the peer worker.

The peer's chat finds the form in hand through one ``peer_desks`` row (peer key
→ random key).  That row is the only link, and it is short-lived: the random key
is dropped the moment the form ends, and the finished form's id (kept only so it
can be undone) when the next form starts or the peer finishes.  A restart of the
bot keeps the form in hand, like any other session.

Paper forms are stored answer by answer like every other session, so "an answer
is stored the moment it is given" stays true and a restart loses no typing.  The
read-back at the end is a check: confirming keeps the form, discarding (or undo,
later) deletes that one session and its answers.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager, nullcontext
from dataclasses import dataclass
from datetime import UTC, timedelta
from typing import Literal

from bot.conversation import Event, Prompt, Stop
from bot.service import Conversations, Turn

DeskMode = Literal["peer_assisted", "paper"]
MODES: tuple[DeskMode, ...] = ("peer_assisted", "paper")
TurnOf = Callable[[str], AbstractAsyncContextManager[None]]
STALE_AFTER = timedelta(hours=12)
"""A desk untouched this long is closed, so no link outlives a shift."""


@dataclass(frozen=True)
class Desk:
    peer_key: str
    mode: DeskMode
    site: str | None
    lang: str
    current_key: str | None
    """The random key of the form being filled in; None between forms."""
    last_session: str | None
    """The form just finished, while it can still be undone."""
    form: str | None = None
    """A random token for the form begun last, kept after it ends until the next
    begins: the desk's buttons carry it, so old ones cannot act on a later form."""


def new_form_key(channel: str) -> str:
    """A respondent key no one can derive: one per assisted person or paper form."""
    return f"{channel[:2]}_{secrets.token_hex(32)}"


class PeerDesks:
    def __init__(self, conversations: Conversations, channel: str):
        self.conversations = conversations
        self.store = conversations.store
        self.db = conversations.store.db
        self.channel = channel

    async def desk(self, peer_key: str) -> Desk | None:
        # Asked on every tap and message, so read on the loop's read connection: a trip
        # to the database thread queued behind other people's commits (bench/busy_e2e.py).
        rows = await self.store.read(
            "SELECT peer_key, mode, site, lang, current_key, last_session, form"
            " FROM peer_desks WHERE peer_key = ?",
            (peer_key,),
        )
        return next((Desk(*row) for row in rows), None)

    async def form_key(self, peer_key: str) -> str | None:
        """The key to send the peer's taps and messages to, if a form is in hand."""
        desk = await self.desk(peer_key)
        return desk.current_key if desk else None

    async def open(self, peer_key: str, mode: DeskMode, site: str | None, lang: str) -> Turn:
        """Start taking forms (ending any form in hand), and begin the first one."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        await self._stop_form(await self.desk(peer_key))
        if await self.store.current_session(peer_key, self.channel) is not None:
            # The peer's own feedback, left half-way, is put aside (answers kept): if
            # the desk closes under them (the role revoked), what they type next for
            # the person beside them must not land in their own form.
            await self.conversations.handle(peer_key, self.channel, Stop())
        await self.store.write(
            "INSERT OR REPLACE INTO peer_desks"
            " (peer_key, mode, site, lang, current_key, last_session, updated_at)"
            " VALUES (?, ?, ?, ?, NULL, NULL, ?)",
            (peer_key, mode, site, lang, self.store.now()),
        )
        return await self.next_form(peer_key)

    async def next_form(self, peer_key: str) -> Turn:
        """A fresh, anonymous form; a half-filled one is stopped, its answers kept.

        A paper form just finished can still be undone until this one is finished
        too (the peer may spot a typo while typing the next); an assisted one not.
        """
        desk = await self.desk(peer_key)
        if desk is None:
            raise LookupError("no desk open for this peer worker")
        await self._stop_form(desk)
        key = new_form_key(self.channel)
        form = secrets.token_hex(4)
        if desk.mode == "peer_assisted":
            # The last person has gone: from now on nothing finds their answers.
            await self._set(peer_key, current_key=key, last_session=None, form=form)
        else:
            await self._set(peer_key, current_key=key, form=form)
        if desk.mode == "paper":
            # The form is typed in the peer's language; the paper carried the notice.
            return await self.conversations.start(
                key, self.channel, lang=desk.lang, site=desk.site, mode="paper", consented=True
            )
        # The person beside the peer picks their language and reads the notice themselves.
        return await self.conversations.start(
            key, self.channel, site=desk.site, mode="peer_assisted"
        )

    async def handle(self, peer_key: str, event: Event) -> Turn | None:
        """Pass a tap or message to the form in hand; None when there is none.

        When the form ends its key is forgotten here, and the session kept
        only as ``last_session`` so the peer can still undo it.
        """
        desk = await self.desk(peer_key)
        if desk is None or desk.current_key is None:
            return None
        turn = await self.conversations.handle(desk.current_key, self.channel, event, pieces=False)
        if turn.finished:
            await self._finished(desk)
        else:
            await self._set(peer_key)  # in use: not stale
        return turn

    async def handle_pick(
        self,
        desk: Desk,
        pick: Callable[[Prompt], Event | None],
        belongs: Callable[[str], bool] | None = None,
    ) -> tuple[Prompt | None, Turn | None]:
        """A tap on the form in hand (``desk`` as ``desk()`` has just given it).

        As ``Conversations.handle_pick``; a form that ends is forgotten as in ``handle``.
        """
        assert desk.current_key is not None
        prompt, turn = await self.conversations.handle_pick(
            desk.current_key, self.channel, pick, belongs
        )
        if turn is not None and turn.finished:
            await self._finished(desk)
        elif turn is not None:
            await self._set(desk.peer_key)  # in use: not stale
        return prompt, turn

    async def read_back(self, peer_key: str, lang: str) -> list[tuple[str, str]]:
        """The last finished form's answers, to check against the paper."""
        desk = await self.desk(peer_key)
        if desk is None or desk.last_session is None:
            return []
        return await self.conversations.read_back(desk.last_session, lang)

    async def undo(self, peer_key: str) -> bool:
        """Delete the last finished form (session and answers); False if there is none."""
        desk = await self.desk(peer_key)
        if desk is None or desk.last_session is None:
            return False
        session = await self.store.get_session(desk.last_session)
        await self._set(peer_key, last_session=None)
        if session is None:
            return False
        await self.store.delete_session(session.id)
        return True

    async def close(self, peer_key: str) -> bool:
        """Stop taking forms: a form in hand is stopped (its answers kept), the desk removed."""
        desk = await self.desk(peer_key)
        if desk is None:
            return False
        await self._stop_form(desk)
        await self.store.write("DELETE FROM peer_desks WHERE peer_key = ?", (peer_key,))
        return True

    async def close_stale(
        self, idle: timedelta = STALE_AFTER, turn_of: TurnOf | None = None
    ) -> int:
        """Close desks left open (a peer who walked away): the link goes with them.

        ``turn_of(peer_key)`` holds the peer's turn (``PerPersonOrder.turn_of``),
        so a tap being handled finishes first and is never overwritten; the
        desk is then closed only if it is still idle.
        """
        cutoff = (self.store.clock() - idle).astimezone(UTC).isoformat(timespec="seconds")
        stale_sql = "SELECT peer_key FROM peer_desks WHERE updated_at < ?"
        async with self.db.execute(stale_sql, (cutoff,)) as cur:
            stale = [row[0] for row in await cur.fetchall()]
        closed = 0
        for peer_key in stale:
            async with turn_of(peer_key) if turn_of else nullcontext():
                still = await self.db.execute_fetchall(
                    f"{stale_sql} AND peer_key = ?", (cutoff, peer_key)
                )
                if still:
                    closed += int(await self.close(peer_key))
        return closed

    # -- internals

    async def _finished(self, desk: Desk) -> None:
        assert desk.current_key is not None
        found = await self.db.execute_fetchall(
            "SELECT id FROM sessions WHERE respondent_key = ? AND channel = ?"
            " ORDER BY started_at DESC, rowid DESC LIMIT 1",
            (desk.current_key, self.channel),
        )
        last = next(iter(found))[0] if found else None
        await self._set(desk.peer_key, current_key=None, last_session=last)

    async def _stop_form(self, desk: Desk | None) -> None:
        """End a half-filled form as the person would with /stop: answers given are kept."""
        if desk is None or desk.current_key is None:
            return
        session = await self.store.current_session(desk.current_key, self.channel)
        if session is not None:
            await self.conversations.handle(desk.current_key, self.channel, Stop())
        await self._set(desk.peer_key, current_key=None)

    async def _set(self, peer_key: str, **values: str | None) -> None:
        columns = "".join(f"{name} = ?, " for name in values)
        sql = f"UPDATE peer_desks SET {columns}updated_at = ? WHERE peer_key = ?"
        await self.store.write(sql, (*values.values(), self.store.now(), peer_key))
