"""A person tapping and typing fast while their writes change thread (attack19b).

A person's answer is now written on the loop's own thread when the writer is free,
and on the database thread when it is not (another process holds the write lock).
Here the first write of a burst has to wait on the database thread while the rest
of the burst arrives: a typed answer, the same answer delivered again, a tap on the
same question racing it, the same tap again, an edit and a forged tap.  Then the lock
is let go, and after a restart Telegram delivers the whole burst again.  One answer is
stored, one step on, once.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading

import pytest

from bot.config import Settings
from tests.e2e.test_telegram_faults import NOT_SAVED_EN
from tests.e2e.test_telegram_flow import sessions_of
from tests.e2e.test_telegram_once import FIRST, NEXT, to_first_text_question


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"default_flow": "consultation"})


async def test_a_burst_while_the_writer_is_held_elsewhere_then_delivered_again(bot, api, settings):
    api.forget_offsets = True  # the whole burst comes again after the restart
    user = api.user()
    await to_first_text_question(user)
    question = await user.last_message()
    skip = next(d for row in question.buttons for _, d in row if d.startswith("s:"))
    [before] = await sessions_of(bot, user)

    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        other = sqlite3.connect(settings.database, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        held.set()
        release.wait(10)
        other.execute("ROLLBACK")
        other.close()

    holder = threading.Thread(target=hold)
    holder.start()
    await asyncio.to_thread(held.wait)
    shown_before = len(user.messages())
    typed = max(api.pushed) + 1

    async def again() -> None:
        """Telegram sends the typed answer again meanwhile (the fake server keeps one
        'finished' event per id: keep the first sender's, which ``send`` waits on)."""
        first = api._processed[typed]
        await api.redeliver(typed)
        api._processed[typed] = first

    burst = asyncio.gather(
        user.send(FIRST),  # waits for the lock on the database thread
        again(),
        user.tap_data(skip, question.message_id),  # racing it: the question is gone
        user.tap_data(skip, question.message_id),  # a double tap
        user.edit(1, "Something else"),
        user.tap_data("c:young_adults_why:99", question.message_id),  # forged
    )
    await asyncio.sleep(0.3)
    release.set()
    await asyncio.wait_for(burst, 20)
    await asyncio.to_thread(holder.join)

    texts = [m.text for m in user.messages()[shown_before:]]
    assert NOT_SAVED_EN not in texts, texts
    assert sum("anything else" in t.lower() for t in texts) == 1, texts
    [after] = await sessions_of(bot, user)
    assert after["answers"] == {**before["answers"], "young_adults_why": FIRST}
    assert NEXT not in after["answers"]
    shown_after = len(user.messages())

    last = max(api.pushed)
    await bot.restart()  # a new process: every update of the burst comes again
    await api.settled(last)
    [again] = await sessions_of(bot, user)
    assert again["answers"] == after["answers"]
    assert len(user.messages()) == shown_after > shown_before
