"""Who may act on what, checked at the time of each action: desks, revoked roles, /language.

A peer's desk is only as good as their role: revoking it closes the desk, and
every desk action checks the role again, so a revoked peer can neither type
into the form in hand nor delete the last one.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.privacy import respondent_key
from bot.roles import Roles
from tests.e2e.conftest import SECRET, RunningBot
from tests.e2e.fakebotapi import FakeBotAPI
from tests.e2e.test_telegram_peer import AGREE, fill_tiny, member, open_tiny, sessions

CLOSED = "This form is already closed, so nothing was changed."


@pytest.fixture
async def bot(settings, api: FakeBotAPI) -> AsyncIterator[RunningBot]:
    running = await RunningBot(settings, api, opener=open_tiny).start()
    yield running
    await running.stop()


async def test_revoking_a_peer_closes_the_desk_and_their_old_delete_button(bot, api):
    peer = await member(bot, api, "peer", "wisbech_hub")
    await peer.send("/assist")
    await peer.tap(AGREE)
    await fill_tiny(peer, "The nurse listened to me.")
    assert (await peer.last_message()).labels == ["Next person", "Delete these answers", "Finish"]

    key = respondent_key(SECRET, "telegram", peer.id)
    await Roles(bot.store, SECRET).revoke(key[:12])
    await peer.tap("Delete these answers")
    assert peer.callback_answer()["text"] == CLOSED
    [form] = await sessions(bot)
    assert form["status"] == "completed"  # still there
    assert (await bot.store.answers(form["id"]))["story"] == "The nurse listened to me."


async def test_revoked_peer_cannot_type_into_the_form_in_hand(bot, api):
    peer = await member(bot, api, "peer", None)
    await peer.send("/assist")
    await peer.tap(AGREE)
    await peer.tap("I use drug or alcohol services")
    key = respondent_key(SECRET, "telegram", peer.id)
    await Roles(bot.store, SECRET).revoke(key[:12])

    shown = await peer.send("They kept me waiting for hours")
    assert "/start" in shown[-1].text  # the peer's own chat: nothing in hand
    [form] = await sessions(bot)
    assert "story" not in await bot.store.answers(form["id"])
    async with bot.store.db.execute("SELECT count(*) FROM peer_desks") as cur:
        assert (await cur.fetchone())[0] == 0


async def test_every_desk_action_checks_the_role_even_if_the_desk_row_survived(bot, api):
    """A role ended by any means (here straight in the database) stops the desk at the next tap."""
    peer = await member(bot, api, "peer", None)
    await peer.send("/assist")
    await peer.tap(AGREE)
    await fill_tiny(peer, "Changed my mind later")
    await bot.store.write("UPDATE roles SET revoked_at = '2026-01-01T00:00:00+00:00'")
    await peer.tap("Delete these answers")
    assert peer.callback_answer()["text"] == CLOSED
    assert [r["status"] for r in await sessions(bot)] == ["completed"]
    async with bot.store.db.execute("SELECT count(*) FROM peer_desks") as cur:
        assert (await cur.fetchone())[0] == 0


async def test_language_during_assist_switches_the_form_in_hand(settings, api):
    running = await RunningBot(settings, api).start()  # the shipped flows, 13 languages
    try:
        peer = await member(running, api, "peer", "huntingdon_hub")
        await peer.send("/assist")
        await peer.tap("English")
        await peer.tap("Yes, I agree, let's start")
        shown = await peer.send("/language")
        assert "Polski" in shown[-1].labels
        shown = await peer.tap("Polski")
        [form] = await sessions(running)
        async with running.store.db.execute(
            "SELECT lang FROM sessions WHERE id = ?", (form["id"],)
        ) as cur:
            assert (await cur.fetchone())[0] == "pl"
        question = shown[-1]
        assert question.buttons and "Which of these best describes you?" not in question.text
        # The form goes on in Polish, and the peer's own chat has no session at all.
        peer_key = respondent_key(SECRET, "telegram", peer.id)
        assert await running.conversations.language_of(peer_key, "telegram") is None
    finally:
        await running.stop()
