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
