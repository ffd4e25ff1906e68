"""attack24 on Telegram: after a restart, a tired person taps the question shown before it
and then types what happened, in this session's shapes ("took my tablets as the doctor said,
all of them at once"; "no, he'll kill me if I leave"; "the kids were playing when he hit
me" in Polish), at a question with buttons.  Each gets the helplines at once, the question
stays with its buttons, and nothing given before is lost."""

from __future__ import annotations

import pytest

from tests.e2e.test_attack21_paths import alerted
from tests.e2e.test_telegram_flow import SERVICE_USER, begin, sessions_of


@pytest.mark.parametrize(
    ("lang", "text", "overdose"),
    [
        ("en", "took my tablets as the doctor said, all of them at once", True),
        ("en", "no, he'll kill me if I leave", False),
        ("pl", "dzieci się bawiły, bitwa na poduszki, kiedy on mnie uderzył", False),
    ],
)
async def test_old_buttons_after_a_restart_then_a_disclosure_at_a_choice_question(
    bot, api, lang, text, overdose
):
    user = api.user(language_code="en")
    await begin(user)
    await user.tap(SERVICE_USER)
    await user.tap("Peterborough hub")

    await bot.restart()  # a deploy between two taps

    await user.tap("Treatment and support")  # a button of the question shown before it
    shown = await user.send(text)  # typed where a tap was expected
    assert alerted(shown, lang, overdose=overdose)
    assert shown[-1].buttons, "the question is shown again with its buttons"
    shown = await user.tap("Done")
    assert "treatment and support" in shown[-1].text
    [session] = await sessions_of(bot, user)
    assert session["answers"] == {
        "respondent_group": "service_user",
        "site": "peterborough_hub",
        "stages_used": ["treatment"],
    }
