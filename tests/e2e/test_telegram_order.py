"""Updates are handled concurrently, but one person's rapid taps and texts keep their order."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from tests.e2e.fakebotapi import FakeBotAPI, FakeUser
from tests.e2e.test_telegram_flow import begin, sessions_of

STAGES = "Which parts of the service"


async def burst(api: FakeBotAPI, user: FakeUser, updates: list[dict[str, Any]]) -> None:
    """Queue every update before the bot has handled any, then wait for all of them."""
    ids = [await api.push(update) for update in updates]
    await asyncio.gather(*(api.settled(update_id) for update_id in ids))


def tap(user: FakeUser, label: str) -> dict[str, Any]:
    """A tap on the newest message showing ``label``, as Telegram would send it."""
    shown = next(m for m in reversed(user.messages()) if m.data_for(label) is not None)
    query = {
        "id": uuid.uuid4().hex,
        "from": user.profile,
        "message": user.api.messages[shown.message_id],
        "chat_instance": str(user.chat["id"]),
        "data": shown.data_for(label),
    }
    return {"callback_query": query}


def text(user: FakeUser, words: str) -> dict[str, Any]:
    return {"message": user._message(text=words)}


async def test_rapid_ticks_and_done_are_handled_in_the_order_sent(bot, api):
    user = api.user()
    await begin(user)
    await user.tap("I use drug or alcohol services")
    await user.tap("Cambridge hub")

    # Four ticks (one taken back) and Done, all on their way before the first is handled:
    # handled out of order, Done would store too few stages or a tick would be lost.
    await burst(
        api,
        user,
        [
            tap(user, "Getting referred, or finding the service"),
            tap(user, "First assessment"),
            tap(user, "Treatment and support"),
            tap(user, "First assessment"),
            tap(user, "Done"),
        ],
    )

    [session] = await sessions_of(bot, user)
    assert session["answers"]["stages_used"] == ["referral", "treatment"]
    record = next(m for m in user.messages() if STAGES in m.text)
    assert record.buttons == []
    ticked = "✓ Getting referred, or finding the service\n✓ Treatment and support"
    assert record.text.endswith(ticked)
    assert "getting referred" in (await user.last_message()).text


async def test_a_tap_then_a_typed_answer_sent_at_once_answer_two_questions(bot, api):
    user = api.user()
    await begin(user)
    await user.tap("I use drug or alcohol services")
    await user.tap("Cambridge hub")
    await user.tap("Treatment and support")
    await user.tap("Done")

    await burst(api, user, [tap(user, "Satisfied"), text(user, "Shorter waits, please.")])

    [session] = await sessions_of(bot, user)
    assert session["answers"]["treatment_satisfaction"] == "satisfied"
    assert session["answers"]["treatment_better"] == "Shorter waits, please."
    assert not any("choose one of the options" in m.text for m in user.messages())


async def test_taps_from_several_people_at_once_each_land_in_their_own_answers(bot, api):
    """And once handled, nothing is left held per person."""
    people = [api.user() for _ in range(5)]
    await asyncio.gather(*(begin(person) for person in people))
    groups = ["I use drug or alcohol services", "Family member or carer", "Other"]
    await burst(api, people[0], [tap(p, groups[i % 3]) for i, p in enumerate(people)])

    for i, person in enumerate(people):
        [session] = await sessions_of(bot, person)
        expected = ["service_user", "family_carer", "other"][i % 3]
        assert session["answers"]["respondent_group"] == expected
    assert bot.app.update_processor.people_in_hand == 0
