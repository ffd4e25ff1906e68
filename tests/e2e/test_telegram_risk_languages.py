"""Risk signposting in the language a person writes in, not the one their phone is set to."""

from __future__ import annotations

import pytest

from bot.i18n import load_catalogue
from tests.alerts import starts_alert

CATALOGUE = load_catalogue()

DISCLOSURES = {
    "ar": "أريد أن أقتل نفسي، لا أريد العيش بعد الآن",
    "so": "waxaan rabaa inaan is dilo, ma rabo inaan noolaado",
    "ur": "میں خود کو مارنا چاہتا ہوں، میں اب جینا نہیں چاہتا",
    "ru": "я больше не хочу жить, хочу покончить с собой",
    "lt": "nebenoriu gyventi, noriu nusižudyti",
}


@pytest.mark.parametrize("written_in", sorted(DISCLOSURES))
async def test_a_disclosure_in_another_language_gets_helplines_in_that_language(
    bot, api, written_in
):
    """A phone set to English, and the person writes at the notice in their own language:
    the helplines come at once, in the language they wrote in, not the phone's."""
    user = api.user(language_code="en")
    await user.send("/start")
    shown = await user.send(DISCLOSURES[written_in])
    alert = shown[0].text
    assert starts_alert(alert, written_in)
    assert "116 123" in alert and CATALOGUE.text("risk.outro", written_in) in alert


async def test_an_english_disclosure_in_an_english_session_stays_english(bot, api):
    user = api.user(language_code="en")
    await user.send("/start")
    shown = await user.send("I don't want to live any more")
    assert starts_alert(shown[0].text, "en")
