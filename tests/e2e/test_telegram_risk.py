"""Risk signposting on Telegram: helplines at once, in the person's language, answer kept."""

from __future__ import annotations

from bot.i18n import load_catalogue
from tests.alerts import shows_alert, starts_alert
from tests.e2e.conftest import RunningBot
from tests.e2e.fakebotapi import FakeUser
from tests.e2e.test_telegram_flow import past_fft, sessions_of

CATALOGUE = load_catalogue()


async def to_assessment_text_question(bot: RunningBot, user: FakeUser, lang: str) -> None:
    """Telegram's language picks ``lang``; consent, group, site, stage, rating by taps."""
    text = lambda key: CATALOGUE.text(key, lang)  # noqa: E731
    flow = bot.conversations.flows["service_feedback"]
    shown = await user.send("/start")
    assert shown[-1].labels[0] == text("consent.agree")
    await past_fft(user, await user.tap(text("consent.agree")), text("button.skip"))
    await user.tap(text("group.service_user"))
    site = bot.settings.sites[0]
    await user.tap(site.name.get(lang, site.name["en"]))
    assessment = next(o for o in flow.step("stages_used").options if o.id == "assessment")
    await user.tap(assessment.label[lang])
    shown = await user.tap(text("button.done"))
    shown = await user.tap(shown[-1].labels[1])
    assert flow.step("assessment_better").text[lang] in shown[-1].text


async def test_bengali_disclosure_gets_bengali_helplines_first_and_the_answer_is_kept(bot, api):
    user = api.user(language_code="bn")
    await to_assessment_text_question(bot, user, "bn")
    disclosure = "আর বাঁচতে চাই না, কর্মীরা ভালো ছিলেন"  # "I don't want to live any more, staff were kind"
    shown = await user.send(disclosure)
    alert = shown[0].text
    assert starts_alert(alert, "bn")
    assert "Samaritans: 116 123" in alert and CATALOGUE.text("risk.outro", "bn") in alert
    assert CATALOGUE.text("risk.overdose", "bn") not in alert
    assert len(shown) > 1  # the next question follows the alert
    [session] = await sessions_of(bot, user)
    assert session["answers"]["assessment_better"] == disclosure


async def test_overdose_in_plain_words_gets_overdose_advice_and_frank(bot, api):
    user = api.user(language_code="en")
    await to_assessment_text_question(bot, user, "en")
    shown = await user.send("swallowed a load of pills on sunday, the staff never called back")
    alert = shown[0].text.splitlines()
    assert alert[0] == CATALOGUE.text("risk.intro", "en")
    assert alert[1] == CATALOGUE.text("risk.overdose", "en")
    assert (
        "• FRANK (drugs advice): 0300 123 6600 (free, confidential advice about drugs, any time)"
        in alert
    )
    [session] = await sessions_of(bot, user)
    assert session["answers"]["assessment_better"].startswith("swallowed a load of pills")


async def test_a_figure_of_speech_gets_no_alert(bot, api):
    user = api.user(language_code="en")
    await to_assessment_text_question(bot, user, "en")
    shown = await user.send("this queue is killing me, I'd kill for a coffee")
    assert not any(shows_alert(s.text, "en") for s in shown)
