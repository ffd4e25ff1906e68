"""Peer workers and staff on Telegram: /assist, /paper, /review, /update, /news, opt-ins.

Refusals for people without the role are covered for every command in
``bot.telegram.gate.PRIVILEGED`` by tests/e2e/test_telegram_roles.py.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.config import Settings
from bot.flows import load_flows
from bot.privacy import respondent_key
from bot.roles import Role, audit_log
from bot.service import Conversations, option_ids
from bot.store import Store
from tests.conftest import TEST_FLOWS
from tests.e2e.conftest import SECRET, RunningBot
from tests.e2e.fakebotapi import FakeBotAPI, FakeUser

AGREE = "Yes, I agree, let's start"
UNKNOWN = "Sorry, I don't know that command."


async def open_tiny(settings: Settings) -> Conversations:
    """The tiny test flow (one language): a text question in two taps."""
    tiny = settings.model_copy(update={"default_flow": "tiny", "languages": ["en"]})
    flows = load_flows(TEST_FLOWS, tiny.languages, option_ids(tiny))
    conversations = Conversations(tiny, await Store.open(tiny.database), flows)
    await conversations.register_flows()
    return conversations


@pytest.fixture
async def bot(settings: Settings, api: FakeBotAPI) -> AsyncIterator[RunningBot]:
    running = await RunningBot(settings, api, opener=open_tiny).start()
    yield running
    await running.stop()


async def member(bot: RunningBot, api: FakeBotAPI, role: Role, site: str | None) -> FakeUser:
    user = api.user()
    assert bot.channel is not None
    invite = await bot.channel.roles.create_invite(role, site)
    await user.send(f"/join {invite.code}")
    return user


async def sessions(bot: RunningBot) -> list[dict]:
    async with bot.store.db.execute(
        "SELECT id, respondent_key, mode, site, status FROM sessions ORDER BY rowid"
    ) as cur:
        return [dict(r) for r in await cur.fetchall()]


async def fill_tiny(user: FakeUser, story: str, *, compact: bool = False) -> list:
    await user.tap("1" if compact else "I use drug or alcohol services")
    await user.send(story)
    await user.tap("2" if compact else "Satisfied")
    return await user.send("Nothing else")


async def test_assist_runs_anonymous_sessions_for_the_person_beside_the_peer(bot, api):
    peer = await member(bot, api, "peer", "wisbech_hub")
    shown = await peer.send("/assist")
    assert "Their answers are anonymous" in shown[0].text
    assert shown[-1].labels == [AGREE, "No thanks"]  # the person reads the notice themselves
    await peer.tap(AGREE)
    shown = await fill_tiny(peer, "The nurse listened to me.")
    assert "Thanks, all done." in shown[-2].text
    assert shown[-1].text == "Thank you, their answers are saved. What next?"
    assert shown[-1].labels == ["Next person", "Delete these answers", "Finish"]
    # The end-of-flow opt-in is for people on their own phone, not for the peer's chat.
    assert not any("/unsubscribe" in s.text for s in shown)

    await peer.tap("Next person")
    await peer.tap(AGREE)
    await peer.tap("Family member or carer")
    rows = await sessions(bot)
    assert [(r["mode"], r["site"], r["status"]) for r in rows] == [
        ("peer_assisted", "wisbech_hub", "completed"),
        ("peer_assisted", "wisbech_hub", "active"),
    ]
    peer_key = respondent_key(SECRET, "telegram", peer.id)
    assert len({rows[0]["respondent_key"], rows[1]["respondent_key"], peer_key}) == 3
    assert (await bot.store.answers(rows[0]["id"]))["story"] == "The nurse listened to me."

    # /stop ends the person's form (answers kept), then Finish returns the peer to their chat.
    shown = await peer.send("/stop")
    assert shown[-1].labels == ["Next person", "Delete these answers", "Finish"]
    shown = await peer.tap("Finish")
    assert shown[-1].text == "Finished. You are back in your own chat."
    assert [r["status"] for r in await sessions(bot)] == ["completed", "stopped"]
    shown = await peer.send("hello")
    assert "/start" in shown[-1].text  # the peer's own chat again: no open session


async def test_assisted_person_can_have_their_answers_deleted_at_the_end(bot, api):
    peer = await member(bot, api, "peer", None)
    await peer.send("/assist")
    await peer.tap(AGREE)
    await fill_tiny(peer, "Changed my mind")
    shown = await peer.tap("Delete these answers")
    assert shown[-1].text == "Deleted. Those answers are gone."
    assert shown[-1].labels == ["Next person", "Finish"]
    assert await sessions(bot) == []


async def test_paper_entry_compact_keyboard_read_back_and_undo(bot, api):
    peer = await member(bot, api, "peer", "cambridge_hub")
    shown = await peer.send("/paper")
    assert "Paper form entry" in shown[0].text
    question = shown[-1]
    labels_and_data = [(label, data.rsplit(":", 1)[0]) for label, data in question.buttons[0]]
    assert labels_and_data == [(str(i), f"c:group:{i - 1}") for i in range(1, 6)]
    assert "1. I use drug or alcohol services" in question.text  # options listed once
    shown = await fill_tiny(peer, "Call me on 07700 900123", compact=True)
    check = shown[-1]
    assert check.text.splitlines()[0] == "Please check these answers against the paper form:"
    assert "✓ Call me on [phone]" in check.text and "✓ Satisfied" in check.text
    assert check.labels == ["Correct: next form", "Delete these answers", "Finish"]
    [form] = await sessions(bot)
    assert (form["mode"], form["site"], form["status"]) == ("paper", "cambridge_hub", "completed")

    # Next form, then undo the one before while typing it.
    shown = await peer.tap("Correct: next form")
    await peer.tap("2")
    shown = await peer.send("/paper undo")
    assert shown[-1].text == "Deleted. Those answers are gone."
    assert [r["status"] for r in await sessions(bot)] == ["active"]
    shown = await peer.send("/paper undo")
    assert shown[-1].text == "There is no finished form to delete."


async def comments(bot: RunningBot, api: FakeBotAPI, *texts: str) -> None:
    for text in texts:
        person = api.user()
        await person.send("/start")
        await person.tap(AGREE)
        await person.tap("Other")
        await person.send(text)


async def test_review_shows_each_comment_with_progress_and_saves_themes(bot, api):
    await comments(bot, api, "I waited six weeks for an appointment", "Lovely staff, thank you")
    staff = await member(bot, api, "staff", None)
    shown = await staff.send("/review")
    first = shown[-1]
    assert first.text.startswith("Comment 1 of 2 · 2 still to review")
    assert "«I waited six weeks for an appointment»" in first.text
    assert "✓ Waiting times" in first.labels  # the codebook's suggestion, ticked
    await staff.tap("Staff and caseloads")  # toggles in place
    assert "✓ Staff and caseloads" in (await staff.last_message()).labels
    shown = await staff.tap("Save")
    saved = next(m for m in staff.messages() if m.message_id == first.message_id)
    assert saved.text.endswith("Saved. Themes: Waiting times, Staff and caseloads")
    assert saved.buttons == []
    assert shown[-1].text.startswith("Comment 2 of 2 · 1 still to review")
    shown = await staff.tap("Skip for now")
    assert shown[-1].text.startswith("Comment 2 of 2")  # skipped ones come round again
    for label in [lb for lb in shown[-1].labels if lb.startswith("✓ ")]:
        await staff.tap(label)
    shown = await staff.tap("Save")
    assert shown[-1].text == "No comments are waiting for review. Thank you."
    reviews = [e.params for e in await audit_log(bot.store) if e.action == "review"]
    assert [r["themes"] for r in reviews] == [["waiting_times", "staff_caseloads"], []]


async def finish_and_opt_in(user: FakeUser, *labels: str) -> list:
    await user.send("/start")
    await user.tap(AGREE)
    await fill_tiny(user, "Fine")
    for label in labels:
        await user.tap(label)
    return await user.tap("Done")


async def test_opt_in_news_then_update_broadcast_and_unsubscribe(bot, api):
    reader = api.user(5_100_000_001)
    blocked = api.user(5_100_000_002)
    shown = await finish_and_opt_in(reader, "Send me news of what changed")
    assert "/unsubscribe" in shown[-1].text
    await finish_and_opt_in(blocked, "Send me news of what changed")
    quiet = api.user()
    await quiet.send("/start")
    await quiet.tap(AGREE)
    await fill_tiny(quiet, "Fine")
    shown = await quiet.tap("No thanks")
    assert shown[-1].text == "That's fine. We won't send you anything."

    staff = await member(bot, api, "staff", None)
    shown = await staff.send("/update")
    assert shown[-1].text.startswith("Write the update after the command")
    shown = await staff.send("/update We now open until 8pm on Thursdays")
    assert "Send it to the 2 people who asked for news?" in shown[-1].text
    order = sorted([reader, blocked], key=lambda u: u.id)
    api.blocked.add(order[0].id)  # blocked us, and Telegram has not told the bot yet
    shown = await staff.tap("Send it now")
    assert shown[-1].text.startswith("Sending it to 2 people")
    outcome = await outcome_of(api, staff)
    assert "Sent: 1\n" in outcome and "(taken off the list): 1" in outcome
    got = order[1].messages()[-1].text
    assert got.startswith("News: you said, we did") and "until 8pm on Thursdays" in got
    assert not any("8pm" in m.text for m in quiet.messages())

    shown = await quiet.send("/news")
    assert "We now open until 8pm on Thursdays" in shown[-1].text
    shown = await order[1].send("/unsubscribe")
    assert "deleted your chat number" in shown[-1].text
    shown = await order[1].send("/unsubscribe")
    assert shown[-1].text.startswith("You were not signed up")
    async with bot.store.db.execute("SELECT count(*) FROM subscribers") as cur:
        assert (await cur.fetchone())[0] == 0


async def outcome_of(api: FakeBotAPI, staff: FakeUser) -> str:
    """Wait for the broadcast's report to the staff member who sent it."""
    await api.wait_until(lambda: any("has gone out" in m.text for m in staff.messages()))
    return next(m.text for m in staff.messages() if "has gone out" in m.text)


async def test_reminder_job_nudges_an_opted_in_person_once(bot, api):
    from datetime import UTC, datetime, timedelta

    from bot.telegram.jobs import REMINDERS

    # A Wednesday noon: late on a Sunday a session would close at Monday's summary
    # before a reminder could lead anywhere, and none is rightly sent.
    wednesday = datetime(2026, 11, 25, 12, tzinfo=UTC)
    bot.store.clock = lambda: wednesday
    user = api.user()
    await finish_and_opt_in(user, "Remind me once if I leave feedback unfinished")
    await user.send("/start")
    await user.tap(AGREE)
    await user.tap("Other")  # then goes quiet
    yesterday = (wednesday - timedelta(hours=25)).isoformat(timespec="seconds")
    await bot.store.db.execute("UPDATE sessions SET updated_at = ?", (yesterday,))
    await bot.store.db.commit()
    job = next(j for j in bot.app.job_queue.jobs() if j.name == REMINDERS)
    before = len(user.messages())
    await job.run(bot.app)
    await job.run(bot.app)
    new = [m.text for m in user.messages()[before:]]
    assert len(new) == 1 and new[0].startswith("Hello again. You started giving feedback")
    shown = await user.send("/start")
    assert any("Welcome back" in s.text for s in shown)


async def test_delete_removes_the_opt_in_too(bot, api):
    user = api.user()
    await finish_and_opt_in(user, "Send me news of what changed")
    await user.send("/delete")
    await user.tap("Yes, delete my answers")
    async with bot.store.db.execute("SELECT count(*) FROM subscribers") as cur:
        assert (await cur.fetchone())[0] == 0


async def test_assisted_person_chooses_their_own_language(settings, api):
    running = await RunningBot(settings, api).start()  # the shipped flows, 13 languages
    try:
        peer = await member(running, api, "peer", "huntingdon_hub")
        shown = await peer.send("/assist")
        assert "Polski" in shown[-1].labels
        shown = await peer.tap("Polski")
        assert shown[-1].labels[0].startswith("Tak")  # the notice, in the person's language
        [row] = await sessions(running)
        assert (row["mode"], row["site"]) == ("peer_assisted", "huntingdon_hub")
    finally:
        await running.stop()
