"""Attack24 in `feedback-bot chat`: a tired person types what happened, at any question.

Found by typing into `feedback-bot chat` (a temp dir with /work/main's flows and a copy of
config.yaml) on main 68f3adb: "took my tablets as the doctor said, all of them at once",
typed at the consent question, got "Please choose one of the options." and no helplines;
at the first free-text question it was stored with risk_flag 0 and the flow went on (on
6a50146 both signposted).  The cause was prec24's ASTOLD veto, then ``@model``
(tests/test_attack24_risk.py); prec24 mended it in bdb9cb5 and these now guard it.
"""

from __future__ import annotations

from bot.config import Settings
from bot.i18n import load_catalogue
from bot.service import Conversations
from tests.alerts import shows_alert
from tests.test_console import helplines_shown, stored_texts, typed_in_english

CATALOGUE = load_catalogue()


async def test_tablets_as_the_doctor_said_all_at_once_get_helplines_and_are_flagged(
    conversations: Conversations, settings: Settings
) -> None:
    text = "took my tablets as the doctor said, all of them at once"
    term = await typed_in_english(conversations, settings, [text])
    assert helplines_shown(term) == 1
    assert stored_texts(settings) == {text: 1}


async def test_tablets_saved_up_typed_at_the_consent_question_get_helplines(
    conversations: Conversations, settings: Settings
) -> None:
    term = await typed_in_english(
        conversations, settings, ["as prescribed, but I saved them up and took 30 at once"], []
    )
    assert helplines_shown(term) == 1
    at = next(i for i, s in enumerate(term.screens) if shows_alert(s, "en"))
    assert "Are you happy to go ahead?" in term.screens[at] + term.screens[at + 1]


async def test_tablets_as_told_then_all_at_once_in_two_messages_get_helplines(
    conversations: Conversations, settings: Settings
) -> None:
    """Tired people press Send mid-sentence; the second piece lands at the next question."""
    term = await typed_in_english(
        conversations, settings, ["took my tablets as the doctor said", "all of them at once"]
    )
    assert helplines_shown(term) == 1


async def test_no_he_will_kill_me_at_a_choice_question_gets_helplines_and_the_question_stays(
    conversations: Conversations, settings: Settings
) -> None:
    """prec24 made an opening "no," a sentence of its own: what follows is still heard."""
    term = await typed_in_english(conversations, settings, ["fine", "no, he'll kill me if I leave"])
    at = next(i for i, s in enumerate(term.screens) if shows_alert(s, "en"))
    assert "Which of these best describes you?" in term.screens[at] + term.screens[at + 1]
    assert stored_texts(settings) == {"fine": 0}


async def test_the_babys_dad_who_kicks_gets_helplines_and_is_flagged(
    conversations: Conversations, settings: Settings
) -> None:
    text = "the baby's dad kicks me lol"
    term = await typed_in_english(conversations, settings, [text])
    assert helplines_shown(term) == 1
    assert stored_texts(settings) == {text: 1}


async def test_he_beats_me_after_his_video_games_gets_helplines_and_is_flagged(
    conversations: Conversations, settings: Settings
) -> None:
    text = "he plays video games all night then beats me when he loses"
    term = await typed_in_english(conversations, settings, [text])
    assert helplines_shown(term) == 1
    assert stored_texts(settings) == {text: 1}


async def test_a_babys_kicks_told_with_a_laugh_get_no_helplines(
    conversations: Conversations, settings: Settings
) -> None:
    """prec24's BABY veto's purpose, as a tired parent types it."""
    text = "the baby kicks me all night lol, no sleep"
    term = await typed_in_english(conversations, settings, [text])
    assert helplines_shown(term) == 0
    assert stored_texts(settings) == {text: 0}
