"""What people are promised outside a flow: their language, one reminder, commands as
typed, and blocking the bot ends the opt-in."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config import Settings
from bot.flows import load_flows
from bot.i18n import load_catalogue
from bot.privacy import respondent_key
from bot.report.queries import ReportQueries
from bot.roles import audit_log
from bot.service import Conversations, option_ids
from bot.store import Store
from bot.telegram.jobs import REMINDERS
from tests.e2e.conftest import SECRET, RunningBot
from tests.e2e.fakebotapi import FakeBotAPI, FakeUser
from tests.e2e.test_telegram_peer import AGREE, finish_and_opt_in, open_tiny

T = load_catalogue()
BILINGUAL_FLOW = """
id: tiny
version: 1
title: {en: Tiny, pl: Mała}
intro: {en: A few questions., pl: Kilka pytań.}
outro: {en: "Thanks, all done.", pl: "Dziękujemy, gotowe."}
steps:
  - id: story
    kind: text
    text: {en: "Tell us about your experience.", pl: "Opowiedz nam o swoich doświadczeniach."}
"""


@pytest.fixture
async def bilingual(settings: Settings, api: FakeBotAPI, tmp_path: Path) -> AsyncIterator:
    """English and Polish, and a one-question flow in both."""
    flows_dir = tmp_path / "flows"
    flows_dir.mkdir()
    (flows_dir / "tiny.yaml").write_text(BILINGUAL_FLOW, encoding="utf-8")
    two = settings.model_copy(
        update={"languages": ["en", "pl"], "default_flow": "tiny", "flows_dir": flows_dir}
    )

    async def opener(_: Settings) -> Conversations:
        flows = load_flows(flows_dir, two.languages, option_ids(two))
        conversations = Conversations(two, await Store.open(two.database), flows)
        await conversations.register_flows()
        return conversations

    running = await RunningBot(two, api, opener=opener).start()
    yield running
    await running.stop()


@pytest.fixture
async def tiny_bot(settings: Settings, api: FakeBotAPI) -> AsyncIterator[RunningBot]:
    running = await RunningBot(settings, api, opener=open_tiny).start()
    yield running
    await running.stop()


async def subscriber_row(bot: RunningBot, user: FakeUser) -> tuple | None:
    async with bot.store.db.execute(
        "SELECT lang, updates, remind FROM subscribers WHERE chat_id = ?", (user.id,)
    ) as cur:
        row = await cur.fetchone()
    return tuple(row) if row else None


# -- 19.4: the chosen language outlives the flow


async def test_chosen_language_is_kept_after_the_flow_for_opt_in_help_news_and_delete(
    bilingual, api
):
    """Today: a German phone, Polski chosen; once finished, everything is English."""
    user = api.user(language_code="de")
    shown = await user.send("/start")
    assert shown[-1].labels == ["English", "Polski"]
    await user.tap("Polski")
    await user.tap(T.text("consent.agree", "pl"))
    shown = await user.send("Pielęgniarka mnie wysłuchała i bardzo pomogła.")
    assert shown[-1].text == T.text("optin.question", "pl")
    shown = await user.tap(T.text("optin.updates", "pl"))
    labels = (await user.last_message()).labels
    assert labels[0] == f"✓ {T.text('optin.updates', 'pl')}"  # still Polish after a tap
    assert labels[-1] == T.text("button.done", "pl")
    shown = await user.tap(T.text("button.done", "pl"))
    assert shown[-1].text == T.text("optin.saved", "pl")
    assert await subscriber_row(bilingual, user) == ("pl", 1, 0)

    assert (await user.send("/help"))[-1].text == T.text("telegram.help", "pl")
    assert (await user.send("/news"))[-1].text == T.text("news.none", "pl")
    shown = await user.send("/delete")
    assert shown[-1].text == T.text("telegram.delete_confirm", "pl")
    shown = await user.tap(T.text("telegram.delete_yes", "pl"))
    assert shown[-1].text in (T.text("telegram.deleted", "pl"),)
    async with bilingual.store.db.execute("SELECT count(*) FROM languages") as cur:
        assert (await cur.fetchone())[0] == 0  # /delete forgets the choice too
    assert (await user.send("/help"))[-1].text == T.text("telegram.help", "en")


async def test_next_flow_starts_in_the_chosen_language_and_it_is_kept_by_key(bilingual, api):
    user = api.user(language_code="de")
    await user.send("/start")
    await user.tap("Polski")
    await user.tap(T.text("consent.agree", "pl"))
    await user.send("Dobrze.")
    shown = await user.send("/start")
    assert shown[-1].labels == [T.text("consent.agree", "pl"), T.text("consent.decline", "pl")]
    async with bilingual.store.db.execute("SELECT * FROM languages") as cur:
        [row] = [dict(r) for r in await cur.fetchall()]
    assert row["respondent_key"] == respondent_key(SECRET, "telegram", user.id)
    assert row["lang"] == "pl" and str(user.id) not in str(row)


async def test_a_language_picked_outside_a_flow_is_kept_and_follows_the_subscription(
    bilingual, api
):
    user = api.user(language_code="en")
    await user.send("/start")
    await user.tap(AGREE)
    await user.send("Fine.")
    await user.tap(T.text("optin.updates", "en"))
    await user.tap(T.text("button.done", "en"))
    assert await subscriber_row(bilingual, user) == ("en", 1, 0)
    await user.send("/language")
    await user.tap("Polski")
    assert (await user.send("/help"))[-1].text == T.text("telegram.help", "pl")
    assert await subscriber_row(bilingual, user) == ("pl", 1, 0)  # news will come in Polish


async def test_purge_forgets_a_choice_once_the_persons_sessions_are_gone(bilingual, api):
    from bot.retention import purge_expired

    user = api.user(language_code="de")
    await user.send("/start")
    await user.tap("Polski")
    store = bilingual.store
    long_ago = (datetime.now(UTC) - timedelta(days=400)).isoformat(timespec="seconds")
    await store.db.execute("UPDATE languages SET chosen_at = ?", (long_ago,))
    await store.db.commit()
    await purge_expired(store, bilingual.settings)
    async with store.db.execute("SELECT count(*) FROM languages") as cur:
        assert (await cur.fetchone())[0] == 1  # a session of theirs is still kept
    await store.db.execute("UPDATE sessions SET started_at = ?", (long_ago,))
    await store.db.commit()
    await purge_expired(store, bilingual.settings)
    async with store.db.execute("SELECT count(*) FROM languages") as cur:
        assert (await cur.fetchone())[0] == 0


# -- 19.5: a staff update is tagged with the language it is written in


async def test_update_from_a_polish_phone_written_in_english_is_shown_to_english_readers(
    bilingual, api
):
    """Today: tagged Polish (the phone), so English readers never see it."""
    staff = api.user(language_code="pl")
    invite = await bilingual.channel.roles.create_invite("staff", None)
    await staff.send(f"/join {invite.code}")
    text = "We now open until 8pm on Thursdays, and the evening group starts next week."
    shown = await staff.send(f"/update {text}")
    assert T.text("update.language", "pl", language="English") in shown[-1].text
    reader = api.user(language_code="en")
    assert text in (await reader.send("/news"))[-1].text
    assert [r[2] for r in await ReportQueries(bilingual.store).updates()] == ["en"]

    # Staff correct it: shown to Polish readers instead, and audited.
    await staff.tap(T.text("update.change_language", "pl"))
    shown = await staff.tap("Polski")
    assert [r[2] for r in await ReportQueries(bilingual.store).updates()] == ["pl"]
    message = await staff.last_message()
    assert T.text("update.language", "pl", language="Polski") in message.text
    assert message.labels[0] == T.text("update.send", "pl")
    actions = [e.action for e in await audit_log(bilingual.store)]
    assert "update_language" in actions


# -- 19.6: one reminder per person


async def test_one_reminder_per_person_not_per_session(tiny_bot, api):
    """Today: each session stopped part-way earns another "the only reminder"."""
    # A Wednesday noon: late on a Sunday a session would close at Monday's summary
    # before a reminder could lead anywhere, and none is rightly sent.
    wednesday = datetime(2026, 11, 25, 12, tzinfo=UTC)
    tiny_bot.store.clock = lambda: wednesday
    user = api.user()
    await finish_and_opt_in(user, "Remind me once if I leave feedback unfinished")
    job = next(j for j in tiny_bot.app.job_queue.jobs() if j.name == REMINDERS)

    async def go_quiet() -> None:
        await user.send("/start")
        await user.tap(AGREE)
        await user.tap("Other")
        yesterday = (wednesday - timedelta(hours=25)).isoformat(timespec="seconds")
        await tiny_bot.store.db.execute("UPDATE sessions SET updated_at = ?", (yesterday,))
        await tiny_bot.store.db.commit()

    def reminders() -> list[str]:
        return [m.text for m in user.messages() if m.text.startswith("Hello again")]

    await go_quiet()
    api.fail("sendMessage", 502, chat_ids={user.id})  # the same retrying delivery as broadcasts
    await job.run(tiny_bot.app)
    assert len(reminders()) == 1
    await user.send("/stop")
    await go_quiet()
    await job.run(tiny_bot.app)
    assert len(reminders()) == 1
    assert await subscriber_row(tiny_bot, user) is None  # reminder only: nothing kept


# -- 19.7: commands split on any whitespace


async def test_every_command_that_takes_text_reads_it_after_a_new_line(tiny_bot, api):
    """Today: ``/update`` then a new line loses the first word."""
    staff = api.user()
    invite = await tiny_bot.channel.roles.create_invite("staff", None)
    shown = await staff.send(f"/join\n{invite.code}")
    assert "staff" in shown[-1].text.lower()
    shown = await staff.send("/update\nWe now open until 8pm on Thursdays\n\nSee you there.")
    assert [r[1] for r in await ReportQueries(tiny_bot.store).updates()] == [
        "We now open until 8pm on Thursdays\n\nSee you there."
    ]
    shown = await staff.send("/update\tOpen on Sundays too")
    assert (await ReportQueries(tiny_bot.store).updates())[-1][1] == "Open on Sundays too"
    shown = await staff.send("/update \n ")
    assert shown[-1].text.startswith("Write the update after the command")
    shown = await staff.send("/summary\n2026-W47")
    assert "Feedback summary 2026-W47" in shown[0].text
    shown = await staff.send("/export\t2026-W47")
    assert shown[-1].text == "Here are the report files for 2026-W47."
    shown = await staff.send("/paper\nundo")
    assert shown[-1].text == "There is no finished form to delete."


# -- 19.8: blocking the bot removes the opt-in


async def test_blocking_the_bot_removes_the_opt_in_at_once_even_in_a_flood(tiny_bot, api):
    """Today: nothing handles my_chat_member, and the chat id is kept for ever."""
    user = api.user()
    await finish_and_opt_in(user, "Remind me once if I leave feedback unfinished")
    assert await subscriber_row(tiny_bot, user) == ("en", 0, 1)
    tiny_bot.clock.step = 0  # everything at once: flood control is on
    for _ in range(12):
        await user.send("hello")
    shown = await user.block()
    assert shown == []  # nothing is sent to someone who blocked the bot
    assert await subscriber_row(tiny_bot, user) is None
    await user.unblock()
    assert await subscriber_row(tiny_bot, user) is None  # unblocking does not opt back in


async def test_a_group_membership_change_touches_no_opt_in(tiny_bot, api):
    user = api.user()
    await finish_and_opt_in(user, "Send me news of what changed")
    in_group = api.user(user.id, group=-100_555)
    await in_group.block()  # the bot removed from a group by this person
    assert await subscriber_row(tiny_bot, user) == ("en", 1, 0)
