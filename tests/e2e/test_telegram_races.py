"""Work done outside a person's turn (the purge, the job closing stale desks) racing a turn
in hand, with real concurrency: the turn is held at its save while the other runs."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.retention import purge_expired
from bot.telegram.jobs import REMINDERS
from tests.e2e.conftest import RunningBot
from tests.e2e.fakebotapi import FakeBotAPI
from tests.e2e.test_telegram_peer import AGREE, member, open_tiny, sessions

WENT_WRONG = "Sorry, something went wrong"


@pytest.fixture
async def bot(settings, api: FakeBotAPI) -> AsyncIterator[RunningBot]:
    running = await RunningBot(settings, api, opener=open_tiny).start()
    yield running
    await running.stop()


class HeldSave:
    """Holds the first save after ``arm()`` until ``release()``: a turn caught between
    reading its session and writing it."""

    def __init__(self, store: Any):
        self.real = store.save
        self.reached = asyncio.Event()
        self.go = asyncio.Event()
        self.armed = False
        store.save = self

    def arm(self) -> None:
        self.armed = True

    async def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self.armed:
            self.armed = False
            self.reached.set()
            await self.go.wait()
        return await self.real(*args, **kwargs)


def long_ago(days: float = 0, hours: float = 0) -> str:
    moment = datetime.now(UTC) - timedelta(days=days, hours=hours)
    return moment.isoformat(timespec="seconds")


async def test_purge_deleting_a_session_mid_turn_is_not_an_error(bot, api, settings):
    user = api.user()
    await user.send("/start")
    await user.tap(AGREE)
    held = HeldSave(bot.store)
    held.arm()
    tap = asyncio.create_task(user.tap("I use drug or alcohol services"))
    await asyncio.wait_for(
        held.reached.wait(), 10
    )  # the turn has read its session and is about to save
    # Aged only now: a session that old is no longer anyone's current one (it expired
    # with its week's summary), so aged before the tap, the tap would never get here.
    await bot.store.write("UPDATE sessions SET started_at = ?", (long_ago(days=400),))
    purged = await purge_expired(bot.store, settings)
    assert purged.sessions == 1
    held.go.set()
    shown = await tap
    assert not any(WENT_WRONG in s.text for s in shown)
    assert any("/start" in s.text for s in shown)  # told there is no open session
    async with bot.store.db.execute("SELECT count(*) FROM answers") as cur:
        assert (await cur.fetchone())[0] == 0


async def test_closing_a_stale_desk_waits_for_the_tap_in_hand(bot, api):
    peer = await member(bot, api, "peer", None)
    await peer.send("/assist")
    await peer.tap(AGREE)
    await bot.store.write("UPDATE peer_desks SET updated_at = ?", (long_ago(hours=13),))
    held = HeldSave(bot.store)
    held.arm()
    tap = asyncio.create_task(peer.tap("I use drug or alcohol services"))
    await asyncio.wait_for(held.reached.wait(), 10)
    job = next(j for j in bot.app.job_queue.jobs() if j.name == REMINDERS)
    closing = asyncio.create_task(job.run(bot.app))
    await asyncio.sleep(0)  # let the job start while the tap is in hand
    held.go.set()
    await tap
    await closing

    # The tap was kept, and the peer who was just tapping still has their desk.
    [form] = await sessions(bot)
    assert form["status"] == "active"
    assert (await bot.store.answers(form["id"]))["group"] == "service_user"
    async with bot.store.db.execute("SELECT current_key FROM peer_desks") as cur:
        assert [row[0] for row in await cur.fetchall()] != []
    shown = await peer.send("The nurse listened to me.")
    assert "How satisfied" in shown[-1].text
