"""A disclosure sent in two pieces on Telegram ("ja już nie chcę" … "żyć"): each piece alone
says nothing the screen knows, together they do, so the second piece gets the helplines in the
person's language.  Two quick everyday answers stay quiet."""

from __future__ import annotations

from bot.i18n import load_catalogue
from tests.alerts import starts_alert
from tests.e2e.test_telegram_flow import sessions_of
from tests.e2e.test_telegram_risk import to_assessment_text_question

CATALOGUE = load_catalogue()


async def test_a_polish_disclosure_split_over_two_messages_gets_polish_helplines(bot, api):
    user = api.user(language_code="pl")
    await to_assessment_text_question(bot, user, "pl")
    first = await user.send("już nie chcę")  # "no longer want" (an answer, stored)
    assert not any(starts_alert(m.text, "pl") for m in first)
    shown = await user.send("żyć")  # "to live", typed at the next question
    assert starts_alert(shown[0].text, "pl")
    assert "116 123" in shown[0].text
    [session] = await sessions_of(bot, user)
    assert session["answers"]["assessment_better"] == "już nie chcę"


async def test_two_quick_everyday_answers_get_no_helplines(bot, api):
    user = api.user(language_code="en")
    await to_assessment_text_question(bot, user, "en")
    for piece in ("the bus was late", "staff were lovely though"):
        shown = await user.send(piece)
        assert not any(starts_alert(m.text, "en") for m in shown)
