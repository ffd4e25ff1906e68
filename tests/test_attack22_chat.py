"""Attack22 in `feedback-bot chat`: a tired person types a disclosure that this session's
vetoes now keep quiet; the helplines must still come at once, and the question stay.

Found by typing into `feedback-bot chat` on main 2a96702: at "Is there any support you
needed but could not get?", "i cut my arms w the bread knife agen" was stored, unflagged,
and the flow said "Thank you. Your answers are saved." (on bc837ae it signposted).  Mended
by prec22 (847a4c1's wave); these now guard it.
"""

from __future__ import annotations

from bot.config import Settings
from bot.console import chat
from bot.i18n import load_catalogue
from bot.service import Conversations
from tests.test_console import Terminal

CATALOGUE = load_catalogue()
ANSWERS = ["1", "1", "1", "2", "d", "2"]
"""Taps that reach the first free-text question of service_feedback in English."""


async def _alerted(conversations: Conversations, settings: Settings, text: str) -> bool:
    term = Terminal([*ANSWERS, text, "q"], settings.database)
    await chat(
        conversations, flow_id="service_feedback", lang="en", read=term.read, write=term.write
    )
    return any(CATALOGUE.text("risk.intro", "en") in s for s in term.screens)


async def test_self_harm_with_the_bread_knife_typed_tired_gets_helplines(
    conversations: Conversations, settings: Settings
) -> None:
    assert await _alerted(conversations, settings, "i cut my arms w the bread knife agen")


async def test_an_overdose_after_years_clean_typed_tired_gets_helplines(
    conversations: Conversations, settings: Settings
) -> None:
    text = "3 years clean and i just took a whole box of my tablets"
    assert await _alerted(conversations, settings, text)


async def test_self_harm_back_after_years_clean_typed_tired_gets_helplines(
    conversations: Conversations, settings: Settings
) -> None:
    """The guard beside them: a word that says it is back ('again', 'last nite') lifts the
    veto, as prec22 meant."""
    text = "used to self harm, yrs clean, but cut my arms again last nite"
    assert await _alerted(conversations, settings, text)
