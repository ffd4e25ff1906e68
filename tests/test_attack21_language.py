"""attack21: a short disclosure gets the helplines in the language it is written in.

Someone whose phone is set to English (or who has not reached the language question)
writes two or three words in their own language.  The detector is unsure of so short a
text; on main c943562 the helplines then came in the session's language, English, for
Latvian, Romanian, Portuguese, Somali and even Russian ("выпил все таблетки" is too long
for the script rule, too short for a clear detection).  The words that fired are each
one language's own: that language is the one to answer in."""

from __future__ import annotations

import pytest

from bot.i18n import load_catalogue
from tests.alerts import starts_alert

CATALOGUE = load_catalogue()

SHORT = [
    ("lv", "gribu nomirt", False),  # I want to die
    ("ro", "vreau să mor", False),
    ("ro", "am luat toate pastilele", True),  # I took all the pills
    ("pt", "quero morrer", False),
    ("pt", "tomei todos os comprimidos", True),
    ("ru", "выпил все таблетки", True),
    ("so", "waan is dili doonaa", False),  # I will kill myself
]


def _language_of(alert: str | None, languages: list[str]) -> str | None:
    if alert is None:
        return None
    return next((x for x in languages if starts_alert(alert, x)), None)


@pytest.mark.parametrize(("lang", "text", "overdose"), SHORT)
async def test_a_short_disclosure_gets_helplines_in_its_own_language(
    conversations, lang, text, overdose
):
    alert = conversations.risk_alert(text, "en")
    assert _language_of(alert, conversations.settings.languages) == lang
    assert (CATALOGUE.text("risk.overdose", lang) in alert) == overdose


async def test_a_romanised_disclosure_keeps_the_sessions_language(conversations):
    """Gujarati words in Latin letters: helplines in Gujarati script may not be read by
    someone who writes Gujarati in Latin letters; the session's language stays."""
    alert = conversations.risk_alert("badhi goli o khai lidhi", "en")
    assert _language_of(alert, conversations.settings.languages) == "en"
