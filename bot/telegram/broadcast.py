"""Staff updates going out to everyone who asked for news, in the background.

"Send it now" records the broadcast (``bot.broadcasts``) and returns at once;
this runner then sends one message at a time through the bot's rate limiter,
recording each delivery as it happens.  On a restart it carries on: at start-up
``start`` settles any send a crash cut off, then resumes.  A stopping bot (SIGTERM,
``stop_bot``) stops between two messages, never in the middle of one, so an
ordinary restart leaves nothing in doubt.  When Telegram fails for several people
in a row (an outage, not them), the broadcast pauses and the hourly job resumes it.
When a broadcast is done, the staff member who sent it is told: sent, could not
be sent, blocked or removed, and any that may not have arrived.
"""

from __future__ import annotations

import asyncio
import logging
from functools import partial
from typing import Any

from telegram.ext import Application

from bot.broadcasts import Broadcasts, Finished
from bot.deliveries import ATTEMPTS, BACKOFF, Outcome, deliver
from bot.i18n import Catalogue
from bot.store import Store
from bot.telegram.pace import BACKGROUND
from bot.telegram.split import split_text

OUTAGE = 3
"""People in a row whose message kept failing before a broadcast pauses for an outage."""

log = logging.getLogger(__name__)
App = Application[Any, Any, Any, Any, Any, Any]


class Broadcaster:
    attempts = ATTEMPTS
    backoff = BACKOFF
    """Seconds before the first retry of a failed send (tests make it short)."""

    def __init__(self, store: Store, catalogue: Catalogue):
        self.broadcasts = Broadcasts(store)
        self.catalogue = catalogue
        self._task: asyncio.Task[None] | None = None

    async def start(self, app: App) -> None:
        """At start-up: carry on with what a stop or a crash interrupted."""
        self.kick(app)

    def kick(self, app: App) -> None:
        """Make sure unfinished broadcasts are being sent (one runner at a time)."""
        if app.running and (self._task is None or self._task.done()):
            self._task = app.create_task(self._drain(app), name="broadcasts")

    async def idle(self) -> None:
        """Wait until nothing is being sent (for tests and shutdown)."""
        if self._task is not None:
            await asyncio.gather(self._task, return_exceptions=True)

    async def _drain(self, app: App) -> None:
        try:
            # Only one runner at a time, so a send still marked as under way was cut
            # off (a crash, or a failed write after it): perhaps delivered, not resent.
            cut_off = await self.broadcasts.recover()
            if cut_off:
                log.warning(
                    "%d broadcast message(s) were cut off mid-send; not sent again", cut_off
                )
            for finished in await self.broadcasts.unreported():
                await self._report(app, finished)
            while app.running:
                work = await self.broadcasts.unfinished()
                if not work:
                    return
                progressed = False
                for broadcast_id, text in work:
                    progressed |= await self._run(app, broadcast_id, text)
                    if not app.running:
                        return
                if not progressed:
                    return
        except Exception as exc:  # the next start-up or hourly job resumes
            log.error("sending a broadcast stopped with %s", type(exc).__name__)

    async def _run(self, app: App, broadcast_id: int, text: str | None) -> bool:
        """Send to everyone still waiting; True if the broadcast finished.

        Someone whose message kept failing is counted as not sent, unless several
        in a row fail: then Telegram is down, not them, and the broadcast pauses with
        them still waiting, to carry on at the next hourly run (or start-up).
        """
        parts: dict[str, list[str]] = {}
        # A report's broadcast carries its own words per language; an update gets a header.
        texts = await self.broadcasts.texts(broadcast_id) if text is None else {}
        failing: list[int] = []
        done: tuple[int, Outcome] | None = None
        """The last delivery's outcome, recorded with the next one's attempt."""
        after: int | None = None
        """The last chat id sent to: the next batch starts above it (None: from the start)."""
        while app.running:
            batch = await self.broadcasts.waiting(broadcast_id, after=after)
            if not batch:
                if after is None:
                    break
                after = None  # once more from the start: anyone passed over meanwhile
                continue
            after = batch[-1].chat_id
            for person in batch:
                if not app.running:
                    await self._settle(broadcast_id, done)
                    return False
                if person.lang not in parts and texts:
                    parts[person.lang] = split_text(texts.get(person.lang) or texts["en"])
                elif person.lang not in parts:
                    header = self.catalogue.text("news.broadcast", person.lang)
                    parts[person.lang] = split_text(f"{header}\n\n{text}")
                chat_id = person.chat_id
                outcome = await self._send(
                    app, broadcast_id, chat_id, parts[person.lang], person.part, done
                )
                done = None  # recorded by ``_send``
                if outcome is Outcome.NOT_SENT:
                    failing.append(chat_id)
                    if not app.running or len(failing) >= OUTAGE:
                        await self._not_sent(broadcast_id, failing, retry_later=True)
                        if app.running:
                            log.warning(
                                "a broadcast paused: Telegram kept failing; it resumes later"
                            )
                        return False
                    continue
                await self._not_sent(broadcast_id, failing, retry_later=False)
                done = (chat_id, outcome)
            await self._settle(broadcast_id, done)
            done = None
            await asyncio.sleep(0)  # let the bot answer people between batches
        if not app.running:
            return False
        await self._not_sent(broadcast_id, failing, retry_later=False)
        finished = await self.broadcasts.finish(broadcast_id)
        if finished is None:
            return False
        await self._report(app, finished)
        return True

    async def _not_sent(self, broadcast_id: int, chat_ids: list[int], *, retry_later: bool) -> None:
        for chat_id in chat_ids:
            await self.broadcasts.settle(
                broadcast_id, chat_id, Outcome.NOT_SENT, retry_later=retry_later
            )
        chat_ids.clear()

    async def _settle(self, broadcast_id: int, done: tuple[int, Outcome] | None) -> None:
        if done is not None:
            await self.broadcasts.settle(broadcast_id, *done)

    async def _send(
        self,
        app: App,
        broadcast_id: int,
        chat_id: int,
        parts: list[str],
        first: int,
        done: tuple[int, Outcome] | None = None,
    ) -> Outcome:
        """Send the parts from ``first`` on; ``done``, the delivery before, is recorded
        with this one's first attempt (one trip to the database thread, not two)."""
        outcome = Outcome.SENT
        for index in range(first, len(parts)):
            await self.broadcasts.attempting(broadcast_id, chat_id, index, done)
            done = None
            outcome = await deliver(
                partial(app.bot.send_message, rate_limit_args=BACKGROUND),
                chat_id,
                parts[index],
                attempts=self.attempts,
                backoff=self.backoff,
                going=lambda: app.running,
            )
            if outcome is not Outcome.SENT:
                break
        await self._settle(broadcast_id, done)  # nothing was left to send
        return outcome

    async def _report(self, app: App, finished: Finished) -> None:
        """Tell the staff member who sent it how it went; then forget their chat."""
        if finished.staff_chat is not None:
            tally = finished.tally
            text = self.catalogue.text(
                "update.outcome",
                finished.staff_lang,
                sent=tally.sent,
                removed=tally.removed,
                failed=tally.failed,
                unknown=tally.unknown,
            )
            outcome = await deliver(
                app.bot.send_message,
                finished.staff_chat,
                text,
                attempts=self.attempts,
                backoff=self.backoff,
                going=lambda: app.running,
            )
            if outcome is Outcome.NOT_SENT and not app.running:
                return  # told after the restart
        await self.broadcasts.reported(finished.broadcast_id)
