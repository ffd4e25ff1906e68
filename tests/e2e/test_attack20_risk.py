"""attack20 on Telegram: disclosures sent the ways a flow does not expect (a photo's caption,
an edit, typed at a question that wants a tap), in the person's language, with the overdose
advice where it is an overdose, and nothing stored that the person did not answer."""

from __future__ import annotations

import pytest

from bot.i18n import load_catalogue
from tests.alerts import starts_alert
from tests.e2e.test_telegram_flow import sessions_of
from tests.e2e.test_telegram_risk import to_assessment_text_question

CATALOGUE = load_catalogue()


async def test_an_overdose_in_a_bengali_caption_gets_bengali_overdose_advice(bot, api):
    user = api.user(language_code="bn")
    await user.send("/start")
    # "I've taken all the sleeping pills, I can't wake up"
    shown = await user.send_photo(caption="সব ঘুমের ওষুধ খেয়ে ফেলেছি, ঘুম থেকে উঠতে পারছি না")
    alert = shown[0].text
    assert starts_alert(alert, "bn")
    assert CATALOGUE.text("risk.overdose", "bn") in alert and "0300 123 6600" in alert
    assert shown[-1].text == CATALOGUE.text("telegram.not_text", "bn")


async def test_an_overdose_added_by_editing_a_russian_answer_gets_advice_and_keeps_the_answer(
    bot, api
):
    user = api.user(language_code="ru")
    await to_assessment_text_question(bot, user, "ru")
    shown = await user.send("всё нормально")
    mine = max(m.message_id for m in user.messages()) - len(shown)
    # "... I swallowed a lot of pills, I can't wake up"
    shown = await user.edit(mine, "всё нормально. наглоталась таблеток, не могу проснуться")
    assert starts_alert(shown[0].text, "ru")
    assert CATALOGUE.text("risk.overdose", "ru") in shown[0].text
    [session] = await sessions_of(bot, user)
    assert session["answers"]["assessment_better"] == "всё нормально"


async def test_abuse_typed_at_a_rating_in_arabic_gets_arabic_helplines_and_the_buttons_still_work(
    bot, api
):
    user = api.user(language_code="ar")
    await user.send("/start")
    question = (await user.tap(CATALOGUE.text("consent.agree", "ar")))[-1]
    # "My husband hits me every day and I'm afraid for my children"
    shown = await user.send("جوزي بيضربني كل يوم وخايفة على ولادي")
    assert starts_alert(shown[0].text, "ar")
    assert "0808 2000 247" in shown[0].text
    [session] = await sessions_of(bot, user)
    assert session["answers"] == {}  # a rating is not typed text: nothing is kept
    await user.tap(question.labels[0], question.message_id)
    [session] = await sessions_of(bot, user)
    assert session["answers"] == {"fft": "very_good"}


SHORT = {
    "ru": "хочу умереть",  # I want to die: 11 letters, under the detector's 12
    "gu": "મારે મરવું છે",
    "bn": "মরতে চাই",
    "pa": "ਮਰਨਾ ਚਾਹੁੰਦਾ",
    "ar": "بدي موت",  # Arabic script, told from Urdu by Arabic's yeh
    "ur": "شوہر مارتا ہے",  # husband beats me; Urdu's heh goal and yeh barree
}


@pytest.mark.parametrize("written_in", sorted(SHORT))
async def test_a_short_disclosure_in_a_script_only_one_language_uses_gets_that_language(
    bot, api, written_in
):
    """A phone set to English, and two or three words in Cyrillic, an Indic script or
    Arabic script: too short for the detector, but only one offered language is written
    in that script (or, in Arabic script, with those letters)."""
    user = api.user(language_code="en")
    await user.send("/start")
    shown = await user.send(SHORT[written_in])
    assert starts_alert(shown[0].text, written_in)


async def test_a_disclosure_sent_in_a_burst_gets_helplines_though_the_burst_is_dropped(bot, api):
    """Someone in distress types in bursts; the flood gate drops what comes after the
    tenth message in five seconds.  A disclosure among the dropped ones is still read:
    the helplines come once, and nothing dropped is stored."""
    user = api.user()
    await user.send("/start")
    bot.clock.step = 0  # everything below lands within one window
    limit = bot.conversations.settings.flood_limit
    for _ in range(limit):
        await user.send("no")
    shown = await user.send("i cant do this any more, im going to kill myself tonight")
    shown += await user.send("i want to die")  # dropped, already told: no second alert
    alerts = [s for s in shown if starts_alert(s.text, "en")]
    assert len(alerts) == 1 and "116 123" in alerts[0].text
    assert shown.index(alerts[0]) == 0  # the helplines before the "slow down"


async def test_a_romanised_gujarati_disclosure_never_gets_somali_helplines(bot, api):
    """The detector has no profile of Gujarati, Urdu or Punjabi in Latin letters and may
    name another offered language clearly ("badhi goli o khai lidhi", I've taken all the
    tablets, reads as Somali).  Only the Gujarati words fired: the session's language
    (English here) is kept, never a third language nobody wrote in."""
    user = api.user(language_code="en")
    await user.send("/start")
    shown = await user.send("badhi goli o khai lidhi")
    assert starts_alert(shown[0].text, "en")


async def test_a_disclosure_with_a_stray_soft_sign_gets_helplines_not_an_error(bot, api):
    user = api.user(language_code="ru")
    await to_assessment_text_question(bot, user, "ru")
    shown = await user.send("хочу умереть ь")
    assert starts_alert(shown[0].text, "ru")
    [session] = await sessions_of(bot, user)
    assert session["answers"]["assessment_better"] == "хочу умереть ь"
