"""The service_feedback flow on Telegram, by taps and texts, through a real PTB Application."""

from __future__ import annotations

import asyncio
import json

from bot.privacy import respondent_key
from tests.e2e.conftest import SECRET, RunningBot
from tests.e2e.fakebotapi import FakeBotAPI, FakeUser

AGREE = "Yes, I agree, let's start"
SERVICE_USER = "I use drug or alcohol services"


async def sessions_of(bot: RunningBot, user: FakeUser) -> list[dict]:
    """Every stored session of this person, with its answers."""
    key = respondent_key(SECRET, "telegram", user.id)
    async with bot.store.db.execute(
        "SELECT id, status, site, area, respondent_group FROM sessions WHERE respondent_key = ?",
        (key,),
    ) as cur:
        rows = [dict(r) for r in await cur.fetchall()]
    for row in rows:
        row["answers"] = await bot.store.answers(row["id"])
    return rows


FFT = "Overall, how was your experience of our service?"


async def past_fft(user: FakeUser, shown: list, skip: str = "Skip") -> list:
    """From the Friends and Family Test (first after consent), skip it and its free
    text: the tests that call this are about what comes after."""
    assert shown[-1].labels[-1] == skip and len(shown[-1].labels) == 7  # six answers + Skip
    await user.tap(skip)
    shown = await user.tap(skip)
    assert shown[-1].labels[0] != skip  # the respondent group's first option
    return shown


async def begin(user: FakeUser, start: str = "/start") -> None:
    await user.send(start)
    await past_fft(user, await user.tap(AGREE))


async def to_first_text_question(user: FakeUser) -> None:
    """Consent, then taps up to 'What would have made the assessment better?'."""
    await begin(user)
    for label in (SERVICE_USER, "Cambridge hub", "First assessment", "Done", "Satisfied"):
        await user.tap(label)


async def test_full_flow_by_taps_and_texts_stores_every_answer(bot, api):
    user = api.user(7_391_845_206, first_name="Rowena", language_code="en")
    shown = await user.send("/start")
    assert "anonymous" in shown[0].text
    assert shown[-1].labels == [AGREE, "No thanks"]

    shown = await user.tap(AGREE)
    fft = shown[-1]
    assert fft.text.startswith("1 of ") and FFT in fft.text
    assert fft.labels[:6] == [
        "Very good",
        "Good",
        "Neither good nor poor",
        "Poor",
        "Very poor",
        "Don't know",
    ]
    await user.tap("Good")
    shown = await user.send("Kind staff, but the waiting room is cramped.")
    question = shown[-1]
    assert question.text.startswith("3 of ")
    assert question.labels[0] == SERVICE_USER
    assert all(len(row) == 1 for row in question.buttons[:-1])  # one option per row
    assert len(question.buttons[-1]) == 2  # Back and Skip share the last row

    await user.tap(SERVICE_USER)
    # The answered question now reads as a record, without buttons.
    record = next(m for m in user.messages() if m.message_id == question.message_id)
    assert record.text.endswith(f"✓ {SERVICE_USER}")
    assert record.buttons == [] and record.edited

    shown = await user.tap("Cambridge hub")
    stages = shown[-1]
    assert "Which parts of the service" in stages.text
    assert {"Done", "Back", "Skip"} <= set(stages.labels)

    # Ticks toggle in place: no new message, the same message's keyboard changes.
    assert await user.tap("First assessment") == []
    assert await user.tap("Treatment and support") == []
    assert await user.tap("Getting referred, or finding the service") == []
    assert await user.tap("Getting referred, or finding the service") == []
    ticked = await user.last_message()
    assert ticked.message_id == stages.message_id
    assert "✓ First assessment" in ticked.labels
    assert "✓ Treatment and support" in ticked.labels
    assert "Getting referred, or finding the service" in ticked.labels  # untouched again

    shown = await user.tap("Done")
    assert "first assessment" in shown[-1].text
    await user.tap("Satisfied")
    shown = await user.send("More time to talk, please.")
    assert "treatment and support" in shown[-1].text
    await user.tap("Very satisfied")
    skipped = await user.last_message()
    shown = await user.tap("Skip")  # treatment_better
    assert "Do any of these apply" in shown[-1].text
    record = next(m for m in user.messages() if m.message_id == skipped.message_id)
    assert record.text.endswith("— Skipped") and record.buttons == []
    await user.tap("Housing problems")
    await user.tap("Done")
    shown = await user.send("Evening groups.")
    assert "Thank you. Your answers are saved." in shown[-2].text
    assert shown[-2].buttons == []
    assert shown[-1].labels[-1] == "No thanks"  # the opt-in to news and reminders

    [session] = await sessions_of(bot, user)
    assert session["status"] == "completed"
    assert session["site"] == "cambridge_hub" and session["area"] == "cambridgeshire"
    assert session["respondent_group"] == "service_user"
    assert session["answers"] == {
        "fft": "good",
        "fft_why": "Kind staff, but the waiting room is cramped.",
        "respondent_group": "service_user",
        "site": "cambridge_hub",
        "stages_used": ["assessment", "treatment"],
        "assessment_satisfaction": "satisfied",
        "assessment_better": "More time to talk, please.",
        "treatment_satisfaction": "very_satisfied",
        "additional_needs": ["housing"],
        "gaps": "Evening groups.",
    }
    # No question still carries buttons at the end: only the opt-in does.
    assert [m.message_id for m in user.messages() if m.buttons] == [shown[-1].message_id]
    # Nothing in the database names the person's Telegram account.
    dump = "\n".join([line async for line in bot.store.db.iterdump()])
    assert "Evening groups." in dump
    assert "7391845206" not in dump and "Rowena" not in dump


async def test_back_changes_an_answer_without_duplicating_it(bot, api):
    user = api.user()
    await begin(user)
    await user.tap(SERVICE_USER)
    shown = await user.tap("Back")
    assert "Which of these best describes you?" in shown[-1].text
    assert f"✓ {SERVICE_USER}" in shown[-1].labels  # the stored answer is shown
    await user.tap("Family member or carer")
    [session] = await sessions_of(bot, user)
    assert session["answers"] == {"respondent_group": "family_carer"}


async def test_deep_link_preselects_the_site(bot, api):
    user = api.user()
    await begin(user, "/start site_wisbech_hub")
    shown = await user.tap(SERVICE_USER)
    assert "Which parts of the service" in shown[-1].text  # no site question
    [session] = await sessions_of(bot, user)
    assert session["site"] == "wisbech_hub" and session["area"] == "cambridgeshire"
    assert session["answers"]["site"] == "wisbech_hub"


async def test_restart_mid_flow_resumes_from_the_database(bot, api):
    user = api.user()
    await begin(user)
    await user.tap(SERVICE_USER)
    await user.tap("Peterborough hub")

    await bot.restart()  # a new Application and a new database connection

    # The question shown before the restart still works...
    await user.tap("Treatment and support")
    shown = await user.tap("Done")
    assert "treatment and support" in shown[-1].text
    # ...and /start shows where they left off rather than starting again.
    shown = await user.send("/start")
    assert shown[0].text == "Welcome back. Here is where you left off."
    assert "treatment and support" in shown[-1].text
    await user.tap("Dissatisfied")

    [session] = await sessions_of(bot, user)
    assert session["answers"] == {
        "respondent_group": "service_user",
        "site": "peterborough_hub",
        "stages_used": ["treatment"],
        "treatment_satisfaction": "dissatisfied",
    }


async def test_consent_declined_stores_nothing(bot, api):
    user = api.user()
    await user.send("/start")
    shown = await user.tap("No thanks")
    assert "Nothing has been saved" in shown[-1].text
    assert await sessions_of(bot, user) == []


async def test_stop_keeps_answers_and_closes_the_session(bot, api):
    user = api.user()
    await begin(user)
    await user.tap("Other")
    shown = await user.send("/stop")
    assert "We have kept the answers you gave" in shown[-1].text
    assert not any(m.buttons for m in user.messages())
    [session] = await sessions_of(bot, user)
    assert session["status"] == "stopped"
    assert session["answers"] == {"respondent_group": "other"}


async def test_delete_asks_first_and_then_removes_everything(bot, api):
    user = api.user()
    await begin(user)
    await user.tap(SERVICE_USER)

    shown = await user.send("/delete")
    assert shown[-1].labels == ["Yes, delete my answers", "No, keep them"]
    shown = await user.tap("No, keep them")
    assert shown[-1].text == "Nothing was deleted."
    assert (await sessions_of(bot, user))[0]["answers"] == {"respondent_group": "service_user"}

    await user.send("/delete")
    shown = await user.tap("Yes, delete my answers")
    assert shown[-1].text == "Done. Everything you gave us has been deleted."
    assert await sessions_of(bot, user) == []
    shown = await user.send("/delete")
    shown = await user.tap("Yes, delete my answers")
    assert "nothing to delete" in shown[-1].text


async def test_language_mid_flow_keeps_answers(bot, api):
    user = api.user()
    await begin(user)
    await user.tap(SERVICE_USER)
    shown = await user.send("/language")
    assert shown[-1].text == "Choose your language"
    assert shown[-1].labels[:2] == ["English", "Polski"] and "العربية" in shown[-1].labels
    shown = await user.tap("English")
    assert "Which service or hub" in shown[-1].text
    await user.tap("Huntingdon hub")
    [session] = await sessions_of(bot, user)
    assert session["answers"] == {"respondent_group": "service_user", "site": "huntingdon_hub"}


async def test_help_privacy_and_command_menu(bot, api):
    user = api.user()
    shown = await user.send("/help")
    assert "/delete" in shown[-1].text
    shown = await user.send("/privacy")
    assert "deleted after 365 days" in shown[-1].text
    assert "/delete" in shown[-1].text
    menu = [c["command"] for c in api.commands[None]]
    assert menu == ["start", "help", "privacy", "language", "stop", "delete", "news", "unsubscribe"]


async def test_twenty_people_at_once_get_their_own_flows(bot, api):
    groups = ["I use drug or alcohol services", "Family member or carer", "Other"]
    sites = ["Cambridge hub", "Huntingdon hub", "Wisbech hub", "Peterborough hub"]
    stages = ["First assessment", "Treatment and support"]
    scores = ["Very satisfied", "Satisfied", "Dissatisfied"]

    async def person(i: int) -> tuple[FakeUser, dict]:
        user = api.user(5000 + i)
        await begin(user)
        await user.tap(groups[i % 3])
        await user.tap(sites[i % 4])
        await user.tap(stages[i % 2])
        await user.tap("Done")
        await user.tap(scores[i % 3])
        await user.send(f"Person {i} would like shorter waits.")
        return user, {
            "group": i % 3,
            "site": i % 4,
            "stage": ["assessment", "treatment"][i % 2],
            "score": ["very_satisfied", "satisfied", "dissatisfied"][i % 3],
        }

    people = await asyncio.gather(*(person(i) for i in range(20)))

    group_ids = ["service_user", "family_carer", "other"]
    site_ids = ["cambridge_hub", "huntingdon_hub", "wisbech_hub", "peterborough_hub"]
    for i, (user, want) in enumerate(people):
        [session] = await sessions_of(bot, user)
        stage = want["stage"]
        assert session["answers"] == {
            "respondent_group": group_ids[want["group"]],
            "site": site_ids[want["site"]],
            "stages_used": [stage],
            f"{stage}_satisfaction": want["score"],
            f"{stage}_better": f"Person {i} would like shorter waits.",
        }
    async with bot.store.db.execute("SELECT count(*) FROM sessions") as cur:
        assert (await cur.fetchone())[0] == 20


async def test_webhook_listener_refuses_a_wrong_secret(settings, api: FakeBotAPI):
    import socket

    from bot.config import Telegram, Webhook

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    hook = Webhook(listen="127.0.0.1", port=port, url=f"http://127.0.0.1:{port}/tg", path="tg")
    bot = RunningBot(settings, api, Telegram(mode="webhook", webhook=hook))
    bot.webhook_secret = "test-secret_123"
    await bot.start()
    try:
        assert api.webhook_url == hook.url and api.webhook_secret == "test-secret_123"
        user = api.user()
        await begin(user)
        await user.tap(SERVICE_USER)
        assert set(api.webhook_statuses) == {200}

        forged = {
            "update_id": 999_999,
            "message": {
                "message_id": 999_999,
                "date": 0,
                "chat": user.chat,
                "from": user.profile,
                "text": "Other",
            },
        }
        before = len(user.messages())
        assert await api.post_to_webhook(forged, "wrong-secret") == 403
        assert await api.post_to_webhook(forged, None) == 403
        await user.tap("Wisbech hub")  # handled after the refused posts, in order
        assert len(user.messages()) == before + 1
        [session] = await sessions_of(bot, user)
        assert session["answers"] == {"respondent_group": "service_user", "site": "wisbech_hub"}
    finally:
        await bot.stop()
    assert json.dumps(api.calls).count("setWebhook") == 1


async def test_an_alert_comes_first_in_its_own_message(bot, api):
    user = api.user()
    await to_first_text_question(user)
    shown = await user.send("Some nights I want to die, it was hard to get through the door.")
    intro = bot.conversations.catalogue.text("risk.intro", "en")
    assert shown[0].text.startswith(intro) and "116 123" in shown[0].text
    assert shown[0].buttons == []
    assert "Do any of these apply" in shown[-1].text
