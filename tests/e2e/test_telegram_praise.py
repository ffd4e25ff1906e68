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


async def test_a_post_changed_since_its_preview_is_shown_again_not_posted_unseen(
    team_bot, api, flows
):
    """Staff approve the preview.  A comment arriving between the preview and the tap used
    to be posted to the team chats without anyone having seen it; now the new post is
    shown to approve, and the old button (or one from before a restart) posts nothing."""
    await thanks(team_bot, flows)
    staff = await staff_member(team_bot, api)
    first = (await staff.send("/praise 2026-W47"))[-1]
    late = (
        "Thank you to everyone on the Thursday evening group, you made me feel welcome"
        " and listened to every word I said, it really helped me."
    )
    # Five people say it (a theme of its own among them is not too few to show).
    late_ones = [Response("consultation", MOMENT, {"anything_else": late}) for _ in range(5)]
    await write(team_bot.store, flows, late_ones)
    shown = await staff.tap("Post it to the team", first.message_id)
    assert posted(api) == []
    assert any(s.text.startswith("The praise for 2026-W47 has changed") for s in shown)
    again = staff.messages()[-1]
    assert late in again.text and late not in first.text
    await staff.tap("Post it to the team", again.message_id)
    await api.wait_until(lambda: posted(api), 30)
    [post] = posted(api)
    assert late in post and post in again.text
    # A forged digest on a good week posts nothing either.
    await staff.tap_data("U:prs2026-W47::0123abcd", again.message_id)
    assert len(posted(api)) == 1


async def test_a_post_no_team_chat_took_is_not_already_posted(team_bot, api, flows):
    """The bot removed from the team chat (or Telegram down): every send failed, staff
    read "Posted to 0 team chats", and every later try said it had already been posted,
    though nobody got it.  Now they are told it failed, and can post it once it works."""
    await thanks(team_bot, flows)
    api.blocked.add(TEAM)
    staff = await staff_member(team_bot, api)
    await staff.send("/praise 2026-W47")
    shown = await staff.tap("Post it to the team")
    assert posted(api) == []
    assert shown[-1].text.startswith("The praise for 2026-W47 could not be posted")
    api.blocked.discard(TEAM)
    await staff.send("/praise 2026-W47")
    shown = await staff.tap("Post it to the team")
    assert shown[-1].text == "Posted to 1 team chats."
    assert len(posted(api)) == 1
    actions = [e.action for e in await audit_log(team_bot.store)]
    assert actions.count("praise") == 2 and actions.count("praise_unposted") == 1
    # Posted now: a third try posts nothing.
    await staff.send("/praise 2026-W47")
    await staff.tap("Post it to the team")
    assert len(posted(api)) == 1


async def test_a_post_it_button_from_before_previews_had_digests_posts_nothing(
    team_bot, api, flows
):
    """Buttons sent before this version carry no digest ("U:prs2026-W47:"): tapped after
    the update and restart, the post is shown again to approve, never posted unseen."""
    await thanks(team_bot, flows)
    staff = await staff_member(team_bot, api)
    preview = (await staff.send("/praise 2026-W47"))[-1]
    shown = await staff.tap_data("U:prs2026-W47:", preview.message_id)
    assert posted(api) == []
    assert any(s.text.startswith("The praise for 2026-W47 has changed") for s in shown)
    assert staff.messages()[-1].text.startswith("This goes to the 1 frontline team chats")
