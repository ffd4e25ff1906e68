"""Old buttons, second taps, floods and the jobs' first run: what a real phone does.

A phone lags, a person taps twice, an old message stays on screen for days.
None of that may act on the wrong thing, act twice, or end in "something went
wrong".
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest

from bot.telegram.jobs import REMINDERS
from tests.e2e.conftest import RunningBot
from tests.e2e.fakebotapi import FakeBotAPI, FakeUser
from tests.e2e.fakebotapi.user import Shown
from tests.e2e.test_telegram_peer import comments, finish_and_opt_in, member, open_tiny

WENT_WRONG = "Sorry, something went wrong"
CLOSED_MENU = "Those buttons are already closed, so nothing was changed."
OPT_IN = "One more thing, only if you want it."


@pytest.fixture
async def bot(settings, api: FakeBotAPI) -> AsyncIterator[RunningBot]:
    running = await RunningBot(settings, api, opener=open_tiny).start()
    yield running
    await running.stop()


async def tap_twice(user: FakeUser, label: str) -> tuple[list[Shown], list[Shown]]:
    """Tap a button, then the same button on the same message again (a lagging phone)."""
    target = next(m for m in reversed(user.messages()) if m.data_for(label) is not None)
    data = target.data_for(label)
    assert data is not None
    first = await user.tap_data(data, target.message_id)
    second = await user.tap_data(data, target.message_id)
    return first, second


async def test_second_tap_on_a_closed_opt_in_is_answered_not_an_error(bot, api):
    user = api.user()
    await finish_and_opt_in(user, "Send me news of what changed")  # ends with a tap on Done
    offer = next(m for m in user.messages() if m.text.startswith(OPT_IN))
    assert offer.buttons == []
    shown = await user.tap_data("O:done:", offer.message_id)  # the same button, again
    assert not any(WENT_WRONG in s.text for s in shown)
    assert user.callback_answer()["text"] == CLOSED_MENU


async def test_second_tap_on_review_skip_and_send_it_now(bot, api):
    await comments(bot, api, "I waited six weeks", "Lovely staff")
    staff = await member(bot, api, "staff", None)
    await staff.send("/review")
    first, second = await tap_twice(staff, "Skip for now")
    assert first[-1].text.startswith("Comment 2 of 2")
    assert second == []  # no error, and not the next comment again
    assert staff.callback_answer()["text"] == CLOSED_MENU

    reader = api.user()
    await finish_and_opt_in(reader, "Send me news of what changed")
    await staff.send("/update We now open until 8pm on Thursdays")
    first, second = await tap_twice(staff, "Send it now")
    assert first[-1].text.startswith("Sending it to 1 people")
    assert not any(WENT_WRONG in s.text for s in second)
    await api.wait_until(lambda: any("has gone out" in m.text for m in staff.messages()))
    assert sum("8pm" in m.text for m in reader.messages()) == 1  # sent once, not twice


async def test_review_save_of_a_comment_deleted_meanwhile_does_not_say_saved(bot, api):
    await comments(bot, api, "I waited six weeks for an appointment")
    staff = await member(bot, api, "staff", None)
    shown = await staff.send("/review")
    await bot.store.write("DELETE FROM sessions WHERE mode = 'own_device'")  # /delete or purge
    shown = await staff.tap("Save")
    texts = [m.text for m in staff.messages()]
    assert not any("Saved. Themes" in t for t in texts)
    assert any("no longer stored" in t for t in texts)
    assert shown[-1].text == "No comments are waiting for review. Thank you."


async def test_a_sustained_flood_gets_one_slow_down_per_window(bot, api):
    """Bursts of ten with a pause of four seconds, for a minute and a half."""
    user = api.user()
    await user.send("/start")
    told_at = []
    for i in range(200):
        bot.clock.step = 4.0 if i % 11 == 10 else 0.1
        shown = await user.send("hello")
        if any("a lot of messages" in s.text for s in shown):
            told_at.append(bot.clock.now)
    window = bot.conversations.settings.flood_window_seconds
    assert len(told_at) >= 5
    assert all(b - a >= window for a, b in pairwise(told_at))


async def test_a_tap_dropped_by_flood_control_is_still_answered(bot, api):
    user = api.user()
    await user.send("/start")
    bot.clock.step = 0
    limit = bot.conversations.settings.flood_limit
    for _ in range(limit + 1):
        await user.send("/help")
    await user.tap("No thanks")  # dropped: over the limit and already told
    assert user.callback_answer() is not None


async def test_the_hourly_job_first_runs_soon_after_start_up(bot):
    job = next(j for j in bot.app.job_queue.jobs() if j.name == REMINDERS)
    assert job.next_t - datetime.now(UTC) < timedelta(minutes=1)
