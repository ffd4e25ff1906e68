"""Exactly-once updates: an update Telegram delivers again is not handled again.

With polling, the bot confirms updates only with its next ``getUpdates``; a crash
in between, and Telegram sends them again after the restart.  A text answer
handled twice used to be stored as the answer to the next question.
"""

from __future__ import annotations

import socket
from datetime import timedelta

import pytest

from bot.config import Settings, Telegram, Webhook
from tests.e2e.conftest import RunningBot
from tests.e2e.fakebotapi import FakeBotAPI, FakeUser
from tests.e2e.fakebotapi.user import Shown
from tests.e2e.test_telegram_flow import sessions_of

FIRST = "More time to talk, please."
NEXT = "anything_else"
"""The consultation asks two text questions in a row: ``young_adults_why``, then this."""


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"default_flow": "consultation"})


async def tap_first(user: FakeUser, prefix: str = "") -> list[Shown]:
    """Tap the first button on the newest message whose data starts with ``prefix``
    (so the same steps work in any language)."""
    shown = await user.last_message()
    data = next(d for row in shown.buttons for _, d in row if d.startswith(prefix))
    return await user.tap_data(data, shown.message_id)


async def to_first_text_question(user: FakeUser) -> None:
    """Consent, a group and an area, two skips, then young_adults_why (a text question)."""
    await user.send("/start")
    for _ in range(3):
        await tap_first(user)  # consent, a group, an area
    await tap_first(user, "s:")  # skip one_service (and so its "why")
    await tap_first(user, "s:")  # and prison_service
    shown = await tap_first(user)  # young_adults
    assert any("young_adults_why" in d for row in shown[-1].buttons for _, d in row)


async def test_an_answer_delivered_again_after_a_restart_is_not_stored_twice(bot, api):
    api.forget_offsets = True  # the bot's confirmations never reach "Telegram"
    user = api.user()
    await to_first_text_question(user)
    shown = await user.send(FIRST)
    assert "anything else" in shown[-1].text.lower(), shown[-1].text
    before = len(user.messages())
    answer_id = max(api.pushed)

    await bot.restart()  # a new process: it asks for every update from the start
    await api.settled(answer_id)
    shown = await user.send("/help")  # handled after the repeats, in this person's order

    [session] = await sessions_of(bot, user)
    assert session["answers"]["young_adults_why"] == FIRST
    assert NEXT not in session["answers"]  # not the repeat, stored one step on
    # Nothing was shown again: every update before the restart was skipped.
    assert len(user.messages()) == before + len(shown)
    assert len(api.pushed) > 5


async def test_an_update_posted_twice_to_the_webhook_is_handled_once(settings, api: FakeBotAPI):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    hook = Webhook(listen="127.0.0.1", port=port, url=f"http://127.0.0.1:{port}/tg", path="tg")
    bot = RunningBot(settings, api, Telegram(mode="webhook", webhook=hook))
    bot.webhook_secret = "test-secret_123"
    await bot.start()
    try:
        user = api.user()
        await to_first_text_question(user)
        await user.send(FIRST)
        before = len(user.messages())
        answer_id = max(api.pushed)
        await api.redeliver(answer_id)
        await api.settled(answer_id)
        assert len(user.messages()) == before  # no second "next question"
        [session] = await sessions_of(bot, user)
        assert session["answers"]["young_adults_why"] == FIRST
        assert NEXT not in session["answers"]
        await user.send("Shorter waits.")  # the next answer still lands where it belongs
        [session] = await sessions_of(bot, user)
        assert session["answers"][NEXT] == "Shorter waits."
    finally:
        await bot.stop()


async def test_handled_ids_are_a_rolling_window(bot, api):
    user = api.user()
    await user.send("/help")
    store = bot.store
    async with store.db.execute("SELECT count(*) FROM handled_updates") as cur:
        assert (await cur.fetchone())[0] == 1
    assert await store.forget_handled(timedelta(hours=48)) == 0
    assert await store.forget_handled(timedelta(hours=-2)) == 1  # "now" is past its hour
    async with store.db.execute("SELECT count(*) FROM handled_updates") as cur:
        assert (await cur.fetchone())[0] == 0
