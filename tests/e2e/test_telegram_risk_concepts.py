"""Disclosures in new words, caught by the concept rules (bot/risk_rules.py), on Telegram.

Each message below fired no phrase pattern before the rules: one per category, in
another language and script each.  Every one gets the helplines at once, in the
person's language; the overdose also gets the overdose advice (999, naloxone) and FRANK.
"""

from __future__ import annotations

import pytest

from bot.i18n import load_catalogue
from tests.alerts import starts_alert

CATALOGUE = load_catalogue()

DISCLOSURES = [
    ("pt", "suicide", "quero dormir para sempre e acabou"),
    ("ur", "self_harm", "jaan boojh kar apni kalai pe blade chalaya"),
    ("so", "overdose", "dhalo khamri ah ayaan ku daray kiniinada hurdada"),
    ("ro", "abuse", "iubitul meu zice ca ma omoara daca plec"),
    # Issue 12, wave 5: kinds no rule knew (a farewell note, blue after heroin, a
    # step-parent, a belt on a child), in native scripts too.
    ("gu", "suicide", "મેં વિદાયનો પત્ર લખ્યો, કાલે હું નહીં હોઉં"),
    ("pa", "overdose", "ਉਹਨੇ ਚਿੱਟਾ ਲਾਇਆ ਤੇ ਨੀਲਾ ਪੈ ਗਿਆ, ਉੱਠਦਾ ਨਹੀਂ"),
    ("bn", "abuse", "আমার সৎবাবা ছোটবেলায় আমাকে ছুঁত"),
    ("ar", "abuse", "جوز اختي بيضرب الولد بالقشاط"),
    # Issue 12, wave 6 (risk14): a last message with thanks in Arabizi, naloxone needed after
    # the old amount on release, a minor married off, children made to carry packages.
    ("ar", "suicide", "hay akher risale minni, shukran 3ala kel shi"),
    ("lv", "overdose", "pēc cietuma paņēmu tikpat cik agrāk, vajadzēja naloksonu divreiz"),
    ("ur", "abuse", "ghar wale meri 14 saal ki behan ki zabardasti shaadi karwa rahe hain"),
    ("pl", "abuse", "starsi chłopacy zmuszają mojego brata do wożenia paczek"),
    # Issue 12, wave 18: an overdose told only by what one sees (no risk word), and a
    # stepfather who comes to a child's room at night.
    ("ru", "overdose", "он укололся в подъезде и не шевелится, пена у рта"),
    ("so", "abuse", "aabaha aan i dhalin habeenkii ayuu qolkayga soo galaa marka hooyo maqantahay"),
]

NEAR_MISSES = [
    ("lt", "prieš dešimt metų bandžiau nusižudyti, jūsų komanda padėjo, ačiū"),
    ("pl", "w wiadomościach mówili, że chłopak przedawkował na dworcu"),
    ("bn", "আত্মহত্যা প্রতিরোধ নিয়ে লিফলেটটা খুব ভালো"),
    ("en", "this is my last message about the car park, please fix the barrier"),
    ("pt", "há muitos anos pensei em suicídio, esta equipa ajudou-me e hoje estou bem"),
]


@pytest.mark.parametrize(("lang", "text"), NEAR_MISSES)
async def test_a_near_miss_gets_no_alert(bot, api, lang, text):
    """Risk long past and helped, the news, a leaflet: answered as feedback, no helplines."""
    user = api.user(language_code=lang)
    await user.send("/start")
    shown = await user.send(text)
    assert not any(starts_alert(m.text, lang) for m in shown)


@pytest.mark.parametrize(("lang", "category", "text"), DISCLOSURES)
async def test_a_disclosure_in_new_words_gets_helplines_in_the_persons_language(
    bot, api, lang, category, text
):
    user = api.user(language_code=lang)
    await user.send("/start")
    shown = await user.send(text)
    alert = shown[0].text
    assert starts_alert(alert, lang)
    assert "116 123" in alert and CATALOGUE.text("risk.outro", lang) in alert
    advice = CATALOGUE.text("risk.overdose", lang)
    if category == "overdose":
        assert advice in alert and "999" in advice
        assert "FRANK" in alert and "0300 123 6600" in alert
    else:
        assert advice not in alert
