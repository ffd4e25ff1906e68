"""Risk signposting in `feedback-bot chat`: the alert comes first, in the person's language."""

from __future__ import annotations

import sqlite3

from bot.config import Settings
from bot.console import chat
from bot.i18n import load_catalogue
from bot.service import Conversations
from tests.alerts import shows_alert
from tests.test_console import Terminal

CATALOGUE = load_catalogue()


async def _answers(settings: Settings) -> dict[str, str]:
    with sqlite3.connect(settings.database) as conn:
        return dict(conn.execute("SELECT step_id, value FROM answers"))


async def test_bengali_overdose_in_chat_gets_advice_and_helplines_in_bengali(
    conversations: Conversations, settings: Settings
) -> None:
    overdose = "কাল রাতে ৩০টা ট্যাবলেট খেয়েছি"  # "last night I took 30 tablets", Bengali digits
    typed = ["1", "s", "s", "1", "1", "2", "d", "2", overdose, "q"]
    term = Terminal(typed, settings.database)
    await chat(
        conversations, flow_id="service_feedback", lang="bn", read=term.read, write=term.write
    )
    screen = next(s for s in term.screens if shows_alert(s, "bn"))
    assert CATALOGUE.text("risk.overdose", "bn") in screen
    assert "FRANK" in screen and "0300 123 6600" in screen
    assert CATALOGUE.text("risk.outro", "bn") in screen
    assert (await _answers(settings))["assessment_better"] == overdose


async def test_ordinary_answer_in_chat_shows_no_alert(
    conversations: Conversations, settings: Settings
) -> None:
    typed = [
        "1",
        "s",
        "s",
        "1",
        "1",
        "2",
        "d",
        "2",
        "dying to get a place on detox, staff were lovely",
        "q",
    ]
    term = Terminal(typed, settings.database)
    await chat(
        conversations, flow_id="service_feedback", lang="en", read=term.read, write=term.write
    )
    assert not any(shows_alert(s, "en") for s in term.screens)
    assert (await _answers(settings))["assessment_better"].startswith("dying to get a place")


async def test_self_harm_in_new_words_in_chat_gets_helplines(
    conversations: Conversations, settings: Settings
) -> None:
    """Typed like a tired person on a phone; no phrase pattern had these words, a concept
    rule (HARM + BODY) has."""
    typed = ["1", "1", "1", "2", "d", "2", "scratchd my forarms n wrists wiv a razor lastnite", "q"]
    term = Terminal(typed, settings.database)
    await chat(
        conversations, flow_id="service_feedback", lang="en", read=term.read, write=term.write
    )
    assert any(shows_alert(s, "en") for s in term.screens)


async def test_chat_signposts_a_new_kind_of_disclosure_and_not_a_thank_you_for_past_help(
    conversations: Conversations, settings: Settings
) -> None:
    """Issue 12, wave 5: a Somali overdose sign (blue after heroin) signposts in chat with the
    overdose advice; a thank-you for help with risk long past, in Urdu, does not."""
    for lang, text, alert in (
        ("so", "saaxiibkay heroin ka dib wuu buluugoobay oo kama kacayo", True),
        (
            "ur",
            "chaar saal pehle khudkushi ki koshish ki thi, aap ki team ne bachaya, shukriya",
            False,
        ),
    ):
        typed = ["1", "s", "s", "1", "1", "2", "d", "2", text, "q"]
        term = Terminal(typed, settings.database)
        await chat(
            conversations, flow_id="service_feedback", lang=lang, read=term.read, write=term.write
        )
        alerted = [s for s in term.screens if shows_alert(s, lang)]
        assert bool(alerted) is alert, (lang, term.screens[-3:])
        if alert:
            assert CATALOGUE.text("risk.overdose", lang) in alerted[0]
