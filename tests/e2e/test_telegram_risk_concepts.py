"""Disclosures in new words, caught by the concept rules (bot/risk_rules.py), on Telegram.

Each message below fired no phrase pattern before the rules: one per category, in
another language and script each.  Every one gets the helplines at once, in the
person's language; the overdose also gets the overdose advice (999, naloxone) and FRANK.
"""

from __future__ import annotations

import pytest

from bot.i18n import load_catalogue

CATALOGUE = load_catalogue()

DISCLOSURES = [
    ("pt", "suicide", "quero dormir para sempre e acabou"),
    ("ur", "self_harm", "jaan boojh kar apni kalai pe blade chalaya"),
    ("so", "overdose", "dhalo khamri ah ayaan ku daray kiniinada hurdada"),
    ("ro", "abuse", "iubitul meu zice ca ma omoara daca plec"),
]


@pytest.mark.parametrize(("lang", "category", "text"), DISCLOSURES)
async def test_a_disclosure_in_new_words_gets_helplines_in_the_persons_language(
    bot, api, lang, category, text
):
    user = api.user(language_code=lang)
    await user.send("/start")
    shown = await user.send(text)
    alert = shown[0].text
    assert alert.startswith(CATALOGUE.text("risk.intro", lang))
    assert "116 123" in alert and CATALOGUE.text("risk.outro", lang) in alert
    advice = CATALOGUE.text("risk.overdose", lang)
    if category == "overdose":
        assert advice in alert and "999" in advice
        assert "FRANK (drugs advice): 0300 123 6600" in alert
    else:
        assert advice not in alert
