"""Attack23 in `feedback-bot chat`: a tired person answers "What was good, or what could we
do better?" and tells what a worker asked and what they answered.

Found by typing into `feedback-bot chat` (a temp dir with /work/main's flows) on main
2afb11c: "they asked if i was suicidal. i am." was stored with risk_flag 0 and the flow
went on to the next question with no helplines (on 9341294 it signposted).  The cause is
prec23's ASKSABOUT veto (tests/test_attack23_risk.py, ANSWERS).  A disclosure typed at a
multiple-choice question, or at the consent question, gets the helplines and the same
question again: those guards pass.
"""

from __future__ import annotations

import pytest

from bot.config import Settings
from bot.i18n import load_catalogue
from bot.service import Conversations
from tests.alerts import shows_alert
from tests.test_console import helplines_shown, stored_texts, typed_in_english

CATALOGUE = load_catalogue()


async def test_the_answer_to_a_workers_question_gets_helplines_and_is_flagged(
    conversations: Conversations, settings: Settings
) -> None:
    text = "they asked if i was suicidal. i am."
    term = await typed_in_english(conversations, settings, [text])
    assert helplines_shown(term) == 1
    assert stored_texts(settings) == {text: 1}


async def test_the_answer_sent_as_a_second_message_gets_helplines(
    conversations: Conversations, settings: Settings
) -> None:
    """Tired people press Send mid-sentence; the second piece lands at the next question."""
    term = await typed_in_english(
        conversations, settings, ["nurse asked about self harm", "yes i do it"]
    )
    assert helplines_shown(term) == 1


async def test_a_disclosure_at_a_choice_question_gets_helplines_and_the_question_stays(
    conversations: Conversations, settings: Settings
) -> None:
    term = await typed_in_english(conversations, settings, ["fine", "i want to end it all tonight"])
    at = next(i for i, s in enumerate(term.screens) if shows_alert(s, "en"))
    assert "Which of these best describes you?" in term.screens[at] + term.screens[at + 1]
    assert stored_texts(settings) == {"fine": 0}


async def test_the_survey_said_beside_a_wish_to_die_gets_helplines(
    conversations: Conversations, settings: Settings
) -> None:
    """prec23's DOC fix, as a tired person types it."""
    text = "doin this survey cos i want to die tbh"
    term = await typed_in_english(conversations, settings, [text])
    assert helplines_shown(term) == 1
    assert stored_texts(settings) == {text: 1}


@pytest.mark.xfail(
    strict=True,
    reason="owner risk23: the model fitted before fb8c805 signposts the lift after a shelter",
)
async def test_a_lift_from_a_husband_after_a_night_shelter_gets_no_helplines(
    conversations: Conversations, settings: Settings
) -> None:
    text = "was in the night shelter last yr, my husband waits outside in the car now"
    term = await typed_in_english(conversations, settings, [text])
    assert helplines_shown(term) == 0
    assert stored_texts(settings) == {text: 0}
