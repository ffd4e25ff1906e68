"""A hostile tester's findings on Telegram: old buttons, other scripts, forged taps.

Each test here reproduced a defect on main before its fix.
"""

from __future__ import annotations

import pytest

from tests.alerts import shows_alert, starts_alert
from tests.e2e.conftest import RunningBot
from tests.e2e.test_telegram_peer import AGREE, fill_tiny, member, open_tiny, sessions

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


async def test_a_disclosure_in_a_photo_caption_gets_helplines(bot, api):
    user = api.user()
    await user.send("/start")
    shown = await user.send_photo(caption="I want to kill myself tonight")
    assert starts_alert(shown[0].text, "en") and "116 123" in shown[0].text
    assert "can only read typed messages" in shown[-1].text  # and still told it was not saved


async def test_a_disclosure_added_by_editing_a_message_gets_helplines(bot, api):
    user = api.user()
    await user.send("/start")
    await user.send("hello")
    sent_by_them = max(m.message_id for m in user.messages()) - 1
    shown = await user.edit(sent_by_them, "hello. I am going to end my life tonight")
    assert starts_alert(shown[0].text, "en")
    assert "Editing a message does not change the answer" in shown[-1].text


async def test_a_disclosure_after_an_unknown_command_gets_helplines(bot, api):
    user = api.user()
    shown = await user.send("/goodbye I want to die")
    assert starts_alert(shown[0].text, "en")


async def test_a_plain_photo_or_edit_gets_no_helplines(bot, api):
    user = api.user()
    await user.send("/start")
    shown = await user.send_photo(caption="my dog")
    shown += await user.send_photo()
    assert not any(shows_alert(s.text, "en") for s in shown)


async def test_a_tap_in_a_group_is_answered_and_changes_nothing(bot, api):
    member = api.user(group=-100_000_123)
    await member.send("/start")
    told = await member.last_message()
    shown = await member.tap_data("c:group:0", told.message_id)
    assert member.callback_answer() is not None  # the button stops spinning
    assert shown == []  # and the group is not told again
    async with bot.store.db.execute("SELECT count(*) FROM sessions") as cur:
        assert (await cur.fetchone())[0] == 0


async def test_what_a_revoked_peer_types_next_never_lands_in_their_own_feedback(tiny, api):
    """A peer half-way through their own feedback opens /assist; their role is revoked
    mid-form; the next thing they type (the person beside them's words) was saved as
    the peer's own answer."""
    peer = await member(tiny, api, "peer", None)
    await peer.send("/start")
    await peer.tap(AGREE)
    await peer.tap("Other")  # their own feedback waits at the story question
    await peer.send("/assist")
    await peer.tap(AGREE)
    await peer.tap("I use drug or alcohol services")
    await tiny.channel.roles.revoke(tiny.channel.key(peer.id))
    await peer.send("The person beside me says the nurse was rude")
    stored = [await tiny.store.answers(r["id"]) for r in await sessions(tiny)]
    assert not any("nurse" in str(answers) for answers in stored)
    own = next(r for r in await sessions(tiny) if r["mode"] == "own_device")
    assert await tiny.store.answers(own["id"]) == {"group": "other"}  # kept, put aside


@pytest.mark.parametrize(
    "typed", ["/help I want to kill myself", "/stop\nI want to end my life", "/start i want to die"]
)
async def test_text_after_a_command_is_read_for_risk(bot, api, typed):
    user = api.user()
    await user.send("/start")
    shown = await user.send(typed)
    assert starts_alert(shown[0].text, "en")
    assert len(shown) > 1  # and the command still does what it does


async def test_a_plain_command_with_a_payload_gets_no_helplines(bot, api):
    user = api.user()
    shown = await user.send("/start site_cambridge_hub")
    shown += await user.send("/help me please")
    assert not any(shows_alert(s.text, "en") for s in shown)


async def test_review_save_never_pins_themes_on_a_comment_changed_since_it_was_shown(tiny, api):
    """Staff read "six weeks" and tick Waiting times; meanwhile the person goes Back and
    writes something else.  Save stored Waiting times against the new text, unseen, and
    the new text never came up for review."""
    person = api.user()
    await person.send("/start")
    await person.tap(AGREE)
    await person.tap("Other")
    await person.send("I waited six weeks for an appointment")
    staff = await member(tiny, api, "staff", None)
    shown = await staff.send("/review")
    assert "six weeks" in shown[-1].text
    await person.tap("Back")
    await person.send("The nurse on reception shouted at me")
    shown = await staff.tap("Save")
    async with tiny.store.db.execute("SELECT count(*) FROM theme_reviews") as cur:
        assert (await cur.fetchone())[0] == 0
    assert not any("Saved. Themes" in m.text for m in staff.messages())
    assert any("changed that comment" in m.text for m in staff.messages())
    assert "«The nurse on reception shouted at me»" in shown[-1].text  # the new text, to review
    shown = await staff.tap("Save")
    async with tiny.store.db.execute("SELECT count(*) FROM theme_reviews") as cur:
        assert (await cur.fetchone())[0] == 1


@pytest.mark.parametrize("where", ["notice", "choice"])
async def test_a_disclosure_where_a_tap_is_wanted_gets_helplines_and_no_telling_off(
    tiny, api, where
):
    """Helplines followed by "Please choose one of the options" read as not listening."""
    user = api.user()
    await user.send("/start")
    if where == "choice":
        await user.tap(AGREE)
    question = await user.last_message()
    shown = await user.send("I don't want to be here any more, I want to kill myself")
    assert [starts_alert(s.text, "en") for s in shown] == [True]
    assert (await user.last_message()).message_id == shown[0].message_id
    assert next(m for m in user.messages() if m.message_id == question.message_id).buttons


async def test_no_session_still_points_to_start_after_helplines(tiny, api):
    user = api.user()
    shown = await user.send("I want to kill myself")
    assert starts_alert(shown[0].text, "en")
    assert "/start" in shown[-1].text
