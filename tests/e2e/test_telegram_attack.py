"""A hostile tester's findings on Telegram: old buttons, other scripts, forged taps.

Each test here reproduced a defect on main before its fix.
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import RunningBot
from tests.e2e.test_telegram_peer import AGREE, fill_tiny, open_tiny

CLOSED_FORM = "This form is already closed, so nothing was changed."
CLOSED_MENU = "Those buttons are already closed, so nothing was changed."


@pytest.fixture
async def tiny(settings, api):
    running = await RunningBot(settings, api, opener=open_tiny).start()
    yield running
    await running.stop()


async def subscribers(bot: RunningBot) -> int:
    async with bot.store.db.execute("SELECT count(*) FROM subscribers") as cur:
        return (await cur.fetchone())[0]


async def test_an_old_opt_in_button_tapped_after_delete_stores_nothing(tiny, api):
    """/delete says everything is gone: the opt-in offer still on screen must not
    store the chat id again."""
    user = api.user()
    await user.send("/start")
    await user.tap(AGREE)
    await fill_tiny(user, "Fine")
    offer = await user.last_message()
    await user.send("/delete")
    await user.tap("Yes, delete my answers")
    for label in ("Send me news of what changed", "Remind me once if I leave feedback unfinished"):
        data = offer.data_for(label)
        assert data is not None
        await user.tap_data(data, offer.message_id)
        # The first tap closes the old offer; a tap on it after that finds it closed.
        assert user.callback_answer()["text"] in (CLOSED_FORM, CLOSED_MENU)
        assert await subscribers(tiny) == 0


async def test_the_newest_opt_in_offer_still_works_and_an_older_one_is_closed(tiny, api):
    user = api.user()
    for story in ("First", "Second"):
        await user.send("/start")
        await user.tap(AGREE)
        await fill_tiny(user, story)
    first, second = [m for m in user.messages() if m.data_for("Done") or m.data_for("No thanks")][
        -2:
    ]
    data = first.data_for("Send me news of what changed")
    assert data is not None
    await user.tap_data(data, first.message_id)
    assert user.callback_answer()["text"] == CLOSED_FORM
    assert await subscribers(tiny) == 0
    await user.tap("Send me news of what changed", second.message_id)
    assert await subscribers(tiny) == 1


RISK_INTRO = "It sounds like things may be very hard right now."


async def test_a_disclosure_in_a_photo_caption_gets_helplines(bot, api):
    user = api.user()
    await user.send("/start")
    shown = await user.send_photo(caption="I want to kill myself tonight")
    assert shown[0].text.startswith(RISK_INTRO) and "116 123" in shown[0].text
    assert "can only read typed messages" in shown[-1].text  # and still told it was not saved


async def test_a_disclosure_added_by_editing_a_message_gets_helplines(bot, api):
    user = api.user()
    await user.send("/start")
    await user.send("hello")
    sent_by_them = max(m.message_id for m in user.messages()) - 1
    shown = await user.edit(sent_by_them, "hello. I am going to end my life tonight")
    assert shown[0].text.startswith(RISK_INTRO)
    assert "Editing a message does not change the answer" in shown[-1].text


async def test_a_disclosure_after_an_unknown_command_gets_helplines(bot, api):
    user = api.user()
    shown = await user.send("/goodbye I want to die")
    assert shown[0].text.startswith(RISK_INTRO)


async def test_a_plain_photo_or_edit_gets_no_helplines(bot, api):
    user = api.user()
    await user.send("/start")
    shown = await user.send_photo(caption="my dog")
    shown += await user.send_photo()
    assert not any(RISK_INTRO in s.text for s in shown)


async def test_a_tap_in_a_group_is_answered_and_changes_nothing(bot, api):
    member = api.user(group=-100_000_123)
    await member.send("/start")
    told = await member.last_message()
    shown = await member.tap_data("c:group:0", told.message_id)
    assert member.callback_answer() is not None  # the button stops spinning
    assert shown == []  # and the group is not told again
    async with bot.store.db.execute("SELECT count(*) FROM sessions") as cur:
        assert (await cur.fetchone())[0] == 0
