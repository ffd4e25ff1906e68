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

from bot.telegram import layout
from bot.telegram.jobs import REMINDERS
from tests.e2e.conftest import RunningBot
from tests.e2e.fakebotapi import FakeBotAPI, FakeUser
from tests.e2e.fakebotapi.user import Shown
from tests.e2e.test_telegram_peer import (
    AGREE,
    comments,
    fill_tiny,
    finish_and_opt_in,
    member,
    open_tiny,
    sessions,
)

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
    # This week's comments have themes: the update is a draft until saved; twice is once.
    first, second = await tap_twice(staff, "Save")
    assert first[-1].labels[0] == "Send it now"
    assert not any(WENT_WRONG in s.text for s in second)
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


CLOSED_FORM = "This form is already closed, so nothing was changed."


async def test_an_old_delete_button_never_deletes_the_next_persons_answers(bot, api):
    peer = await member(bot, api, "peer", None)
    await peer.send("/assist")
    await peer.tap(AGREE)
    await fill_tiny(peer, "Person A's story")
    end_of_a = await peer.last_message()
    assert "Delete these answers" in end_of_a.labels
    await peer.send("/assist")  # the peer starts again; A's buttons stay on screen
    await peer.tap(AGREE)
    await fill_tiny(peer, "Person B's story")

    data = end_of_a.data_for("Delete these answers")
    assert data is not None
    await peer.tap_data(data, end_of_a.message_id)
    assert peer.callback_answer()["text"] == CLOSED_FORM
    stories = [(await bot.store.answers(r["id"]))["story"] for r in await sessions(bot)]
    assert stories == ["Person A's story", "Person B's story"]
    shown = await peer.tap("Delete these answers")  # B's own button still works
    assert shown[-1].text == "Deleted. Those answers are gone."


async def test_an_old_answer_button_never_answers_the_next_persons_form(bot, api):
    peer = await member(bot, api, "peer", None)
    await peer.send("/assist")
    await peer.tap(AGREE)
    question_to_a = await peer.last_message()
    data = question_to_a.data_for("Family member or carer")
    assert data is not None
    await peer.send("/assist")  # A leaves before answering; B sits down
    await peer.tap(AGREE)
    await peer.tap_data(data, question_to_a.message_id)
    assert peer.callback_answer()["text"] == CLOSED_FORM
    rows = await sessions(bot)
    assert [await bot.store.answers(r["id"]) for r in rows] == [{}, {}]


async def test_an_old_language_picker_never_switches_the_next_session(settings, api):
    running = await RunningBot(settings, api).start()  # the shipped flows, 13 languages
    try:
        user = api.user()
        await user.send("/start")
        await user.tap("Yes, I agree, let's start")
        picker = (await user.send("/language"))[-1]
        await user.send("/stop")
        await user.send("/start")
        await user.tap("Yes, I agree, let's start")
        data = picker.data_for("Polski")
        assert data is not None
        await user.tap_data(data, picker.message_id)
        assert user.callback_answer()["text"] == CLOSED_FORM
        async with running.store.db.execute(
            "SELECT lang FROM sessions ORDER BY rowid DESC LIMIT 1"
        ) as cur:
            assert (await cur.fetchone())[0] == "en"
    finally:
        await running.stop()


def test_every_button_with_a_form_fits_telegrams_64_bytes():
    longest_step, form = "s" * 48, layout.form_tag("a" * 32)
    for action in (layout.CHOOSE, layout.LANGUAGE, layout.SKIP, layout.DESK):
        index = 999 if action in layout.INDEXED else None
        data = layout.callback_data(action, longest_step, index, form)
        assert len(data.encode()) <= layout.MAX_CALLBACK_BYTES
        tap = layout.parse_tap(data)
        assert tap is not None and tap.form == form


async def test_nothing_keyed_by_a_person_grows_with_the_number_of_people(bot, api):
    """Thirty people finish, ten walk away mid-flow: PTB's chat_data and user_data
    (keyed by raw Telegram ids) stay empty, and the bot's own tables empty out."""
    for _ in range(30):
        person = api.user()
        await person.send("/start")
        await person.tap(AGREE)
        await fill_tiny(person, "Fine")
        await person.tap("No thanks")
    for _ in range(10):
        person = api.user()
        await person.send("/start")
        await person.tap(AGREE)
        await person.tap("Other")
    app, channel = bot.app, bot.channel
    assert len(app.chat_data) == 0 and len(app.user_data) == 0
    assert channel.live.people == 10  # only those with a question still open
    assert app.update_processor.people_in_hand == 0
    bot.clock.now += 60  # a quiet minute, then one more person
    await api.user().send("/help")
    assert channel.flood.people == 1


async def test_an_old_delete_confirmation_never_deletes_answers_given_since(bot, api):
    user = api.user()
    await user.send("/start")
    await user.tap(AGREE)
    await fill_tiny(user, "First time")
    await user.tap("No thanks")
    asked = (await user.send("/delete"))[-1]
    await user.send("/start")  # changes their mind, and gives feedback again
    await user.tap(AGREE)
    await fill_tiny(user, "Second time")
    data = asked.data_for("Yes, delete my answers")
    assert data is not None
    await user.tap_data(data, asked.message_id)
    assert user.callback_answer()["text"] == CLOSED_FORM
    async with bot.store.db.execute("SELECT count(*) FROM sessions") as cur:
        assert (await cur.fetchone())[0] == 2
    await user.send("/delete")  # asked again, it works
    await user.tap("Yes, delete my answers")
    async with bot.store.db.execute("SELECT count(*) FROM sessions") as cur:
        assert (await cur.fetchone())[0] == 0


async def test_groups_told_the_bot_is_private_only_are_not_remembered_for_ever(
    bot, api, monkeypatch
):
    from bot.telegram import handlers

    monkeypatch.setattr(handlers, "GROUPS_REMEMBERED", 3)
    for group in range(10):
        member = api.user(group=-100_000_000 - group)
        shown = await member.send("/start")
        assert "only work in a private chat" in shown[-1].text
    assert len(bot.channel._groups_told) == 3
