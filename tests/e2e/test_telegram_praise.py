"""/praise: what people appreciated, posted to the frontline team chats, audited, once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.config import Reports
from bot.report.synth import Response, write
from bot.roles import audit_log
from bot.telegram.jobs import WEEKLY_SUMMARY
from tests.e2e.conftest import RunningBot
from tests.e2e.test_telegram_staff import STAFF_GROUP, staff_member

TEAM = -100_555_000_111
MOMENT = datetime(2026, 11, 17, 9, tzinfo=UTC)  # in 2026-W47
THANKS = [
    "Thank you, the service saved my life.",
    "Brilliant, thank you so much.",
    "I am so grateful, it really helped.",
    "Amazing, I feel better every week.",
    "You were so kind to me when I was low.",
    "Fantastic, I feel better.",
]


@pytest.fixture
async def team_bot(settings, api):
    reports = Reports(staff_chat_ids=[STAFF_GROUP], praise_chat_ids=[TEAM])
    running = await RunningBot(settings.model_copy(update={"reports": reports}), api).start()
    yield running
    await running.stop()


async def thanks(bot: RunningBot, flows, when: datetime = MOMENT) -> None:
    await write(
        bot.store, flows, [Response("consultation", when, {"anything_else": t}) for t in THANKS]
    )


def posted(api) -> list[str]:
    return [m["text"] for m in api.sent if m["chat"]["id"] == TEAM]


async def test_staff_see_it_in_the_summary_and_post_it_to_the_team_once(team_bot, api, flows):
    await thanks(team_bot, flows)
    staff = await staff_member(team_bot, api)
    shown = await staff.send("/summary 2026-W47")
    summary = "\n".join(s.text for s in shown)
    assert "*What people appreciated*" in summary
    assert sum(f"“{t}”" in summary for t in THANKS) == 5
    shown = await staff.send("/praise 2026-W47")
    preview = shown[-1]
    assert preview.text.startswith("This goes to the 1 frontline team chats set for praise:")
    data = preview.data_for("Post it to the team")
    await staff.tap("Post it to the team")
    await api.wait_until(lambda: posted(api), 30)
    [post] = posted(api)
    assert post.startswith("What people appreciated (2026-W47)")
    assert post.count("“") == 5
    assert staff.messages()[-1].text == "Posted to 1 team chats."
    [entry] = [e for e in await audit_log(team_bot.store) if e.action == "praise"]
    assert entry.params == {"period": "2026-W47", "scope": "all", "chats": 1, "comments": 5}
    # The old button again, and /praise of the same week again: nothing more is posted.
    api.messages[preview.message_id]["reply_markup"] = {
        "inline_keyboard": [[{"text": "Post it to the team", "callback_data": data}]]
    }
    shown = await staff.tap_data(data, preview.message_id)
    assert (
        shown[-1].text == "The praise for 2026-W47 has already been posted. Nobody gets it twice."
    )
    await staff.send("/praise 2026-W47")
    await staff.tap("Post it to the team")
    assert len(posted(api)) == 1


async def test_forged_buttons_outsiders_and_weeks_with_no_praise(team_bot, api, flows):
    await thanks(team_bot, flows)
    staff = await staff_member(team_bot, api)
    shown = await staff.send("/praise 2026-W47")
    for forged in ("U:prs2026-W99:", "U:prsDROP TABLE:", "U:prs:"):
        await staff.tap_data(forged, shown[-1].message_id)
        assert staff.callback_answer()["show_alert"]
    shown = await staff.send("/praise 2025-W10")
    assert shown[-1].text.startswith("There is no praise to pass on for 2025-W10")
    outsider = api.user(5_550_003)
    await outsider.send("/start")
    await outsider.tap_data("U:prs2026-W47:", shown[-1].message_id)
    assert outsider.callback_answer()["show_alert"]
    shown = await outsider.send("/praise")
    assert "praise" not in shown[-1].text.lower()  # the unknown-command reply
    await staff.tap("Don't post")
    assert posted(api) == []


async def test_no_team_chat_set_says_where_to_set_one(bot, api, flows):
    staff = await staff_member(bot, api)
    shown = await staff.send("/praise")
    assert "reports.praise_chat_ids" in shown[-1].text


async def test_the_setting_posts_it_after_the_weekly_summary(settings, api, flows):
    reports = Reports(staff_chat_ids=[STAFF_GROUP], praise_chat_ids=[TEAM], praise_weekly=True)
    running = await RunningBot(settings.model_copy(update={"reports": reports}), api).start()
    try:
        # Last full week, where the weekly job looks.
        await thanks(running, flows, datetime.now(UTC) - timedelta(days=7))
        job = next(j for j in running.app.job_queue.jobs() if j.name == WEEKLY_SUMMARY)
        await job.run(running.app)
        await job.run(running.app)  # run twice (a restart at 09:00): posted once
        [post] = posted(api)
        assert post.startswith("What people appreciated (")
        [entry] = [e for e in await audit_log(running.store) if e.action == "praise"]
        assert entry.actor_key == "system"
    finally:
        await running.stop()


async def test_post_posts_what_was_previewed_or_nothing_if_it_changed(team_bot, api, flows):
    """Praise that changed after the preview (a new thank-you, an edit, a /delete) is not
    posted unseen: the staff member is told, and /praise again shows the new words."""
    await thanks(team_bot, flows)
    staff = await staff_member(team_bot, api)
    shown = await staff.send("/praise 2026-W47")
    first = shown[-1]
    assert first.text.count("“") == 5
    later = "The nurse was so kind, thank you."
    await write(
        team_bot.store,
        flows,
        [Response("consultation", MOMENT, {"anything_else": later})] * 5,
    )
    shown = await staff.tap("Post it to the team", first.message_id)
    assert shown[-1].text == (
        "The praise for 2026-W47 has changed since this preview, so nothing was posted."
        " Send /praise 2026-W47 to see it as it is now."
    )
    assert posted(api) == []
    assert not [e for e in await audit_log(team_bot.store) if e.action == "praise"]
    shown = await staff.send("/praise 2026-W47")
    second = shown[-1]
    assert f"“{later}”" in second.text
    await staff.tap("Post it to the team", second.message_id)
    await api.wait_until(lambda: posted(api), 30)
    assert posted(api) == [second.text.split("\n\n", 1)[1]], "exactly the words previewed"
