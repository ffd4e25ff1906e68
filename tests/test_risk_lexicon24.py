"""The lexicon's classes in every language (issue 12, wave 24): the rules alone.

A rule is written over classes and each language gives the words of each class, so a class
a language lacks can never fire there. Before wave 24 each language lacked 37-57 of the
457 classes: a day chosen (PICKDATE), who gets what (WHOGETS), a pet given "from now on"
or "if anything happens to me" (FROMNOW, IFANYTHING) had no words in Urdu, Punjabi,
Gujarati or Bengali; taking one's life (LIFETAKE), going to God (GOTOGOD), the only way
out after losing everything (ONEWAY, LOSTALL), sitting at an open window (WINDOW, OPEN,
SITAT) none in Lithuanian or Latvian. Each line here is such a situation in a language
whose lexicon lacked the class; the everyday lines beside them use the same words and
must stay quiet (a wedding date chosen, a cat left with the neighbour for a holiday).
"""

from __future__ import annotations

import pytest

from bot.risk_rules import builtin
from bot.safety import RiskScreen, load_builtin, merge, normalise


@pytest.fixture(scope="module")
def rules() -> RiskScreen:
    return RiskScreen(merge(load_builtin(), {}), builtin(normalise))


def _rule_categories(rules: RiskScreen, text: str) -> set[str]:
    """Categories the concept rules fire for (not the phrase lists, not the model)."""
    return {h.category for h in rules.hits(text) if "rule " in h.phrase}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # A day chosen, told to nobody (PICKDATE).
        ("میں نے دن چن لیا ہے، اب بس انتظار ہے", "suicide"),
        ("ਮੈਂ ਦਿਨ ਚੁਣ ਲਿਆ ਹੈ, ਕਿਸੇ ਨੂੰ ਨਹੀਂ ਦੱਸਿਆ", "suicide"),
        ("ami din thik kore felechi, kauke bolini", "suicide"),
        # Who gets what, written down (WHOGETS).
        ("mere baad kis ko kya milega, sab likh ke drawer mein rakh diya", "suicide"),
        ("আমার পরে কে কী পাবে সব লিখে রেখেছি", "suicide"),
        # A pet handed on "from now on" or "if anything happens to me" (FROMNOW, IFANYTHING).
        ("બિલાડી પડોશીને આપી દીધી, હવેથી એ જ સાચવશે", "suicide"),
        ("billi nu sambhal lena, je mainu kuch ho gaya", "suicide"),
        # Leaving the world soon (EUPH).
        ("આ દુનિયા છોડી દેવી છે, જલ્દી", "suicide"),
        # Taking one's life, wished (LIFETAKE); going to God tonight (GOTOGOD).
        ("noriu atimti sau gyvybę", "suicide"),
        ("gribu atņemt sev dzīvību", "suicide"),
        ("noriu pas Dievą, šiąnakt", "suicide"),
        # Sitting at an open window high up (WINDOW OPEN SITAT).
        ("sėdžiu ant atidaryto lango, aštuntas aukštas", "suicide"),
        ("sēžu uz atvērta loga, devītais stāvs", "suicide"),
        # Everything gambled away and "the only way out" (ONEWAY LOSTALL).
        ("visu nospēlēju, parādi, vienīgā izeja palikusi", "suicide"),
        # Nearly jumped (WENTOVER).
        ("vakar vos nenušokau", "suicide"),
    ],
)
def test_a_class_the_language_lacked_now_fires(rules: RiskScreen, text: str, category: str) -> None:
    assert category in _rule_categories(rules, text), (text, [h.phrase for h in rules.hits(text)])


@pytest.mark.parametrize(
    "text",
    [
        # A wedding date chosen is a plan, not a farewell (PLANEVENT guards PICKDATE).
        "humne shaadi ki tareekh tay kar li, December mein",
        "અમે લગ્નની તારીખ નક્કી કરી લીધી",
        "আমাদের বিয়ের তারিখ ঠিক করেছি",
        "ਵਿਆਹ ਦੀ ਤਾਰੀਖ ਚੁਣ ਲਈ",
        # A cat left with a neighbour for a holiday.
        "billi ko padosi ke paas chhod diya, hum chutti pe ja rahe hain",
        # Not coming next week because of a wedding.
        "agle hafte nahi aa sakta kyunke shaadi hai",
        # An open window and a book.
        "atvēru logu, sēžu un lasu grāmatu, karsti",
    ],
)
def test_everyday_words_of_the_new_classes_stay_quiet(rules: RiskScreen, text: str) -> None:
    assert not rules.hits(text), [h.phrase for h in rules.hits(text)]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Slice 2. Wages or a card taken by a husband (TAKEAWAY CARD AGENT).
        ("shohar meri saari tankhwah chheen leta hai", "abuse"),
        ("স্বামী আমার বেতন কেড়ে নেয়", "abuse"),
        # An ex outside wherever I go (WHEREVER), parked outside (STAKE).
        ("mera ex jahan bhi jaun bahar khada hota hai", "abuse"),
        # A passport taken and kept (HELD).
        ("vyras laikys pasą pas save, ateme", "abuse"),
        # A double dose (DOUBLED DRUG).
        ("iedzēru dubultu devu metadona", "overdose"),
        ("ਮੈਂ ਮੈਥਾਡੋਨ ਦੀ ਡਬਲ ਡੋਜ਼ ਲੈ ਲਈ", "overdose"),
        # Naloxone given, someone on the floor not moving (FLOOR).
        ("naloxone ditta par veera farsh te piya, hil nahi reha", "overdose"),
        # Months clean, used, now snoring (CLEAN SNORE).
        ("brālis ir tīrs pusgadu, vakar iedūra un tagad krāc", "overdose"),
    ],
)
def test_an_abuse_or_overdose_class_the_language_lacked_now_fires(
    rules: RiskScreen, text: str, category: str
) -> None:
    assert category in _rule_categories(rules, text), (text, [h.phrase for h in rules.hits(text)])


@pytest.mark.parametrize(
    "text",
    [
        "mana istaba ir tīra un silta",
        "dubultā kafija, lūdzu",
        "aaj mausam bahut kharab hai, barish ho rahi hai",
        "mera card ghar pe reh gaya, paise nahi hain",
        "ghar wali ne mera card le liya shopping ke liye, maine hi kaha tha",
    ],
)
def test_everyday_words_of_the_slice_2_classes_stay_quiet(rules: RiskScreen, text: str) -> None:
    assert not rules.hits(text), [h.phrase for h in rules.hits(text)]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Slice 3, Arabic: a day chosen, a cat "if anything happens to me", who gets what,
        # nearly jumped, taking one's life (PICKDATE, IFANYTHING, WHOGETS, WENTOVER, LIFETAKE).
        ("اخترت اليوم، وما حدا بيعرف", "suicide"),
        ("اذا صار فيي شي قطتي بتروح عند الجيران", "suicide"),
        ("كتبت مين بياخد شو وحطيت الورقة بالجارور", "suicide"),
        ("مبارح كنت رح انط", "suicide"),
        ("بدي ازهق روحي", "suicide"),
    ],
)
def test_an_arabic_class_that_was_missing_now_fires(
    rules: RiskScreen, text: str, category: str
) -> None:
    assert category in _rule_categories(rules, text), (text, [h.phrase for h in rules.hits(text)])


@pytest.mark.parametrize(
    "text",
    [
        "حددت التاريخ تبع العرس، بالصيف",
        "قطتي نايمة عالارض جنب الشباك",
    ],
)
def test_everyday_arabic_with_the_new_words_stays_quiet(rules: RiskScreen, text: str) -> None:
    assert not rules.hits(text), [h.phrase for h in rules.hits(text)]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Slice 4: the situation classes only ur pa gu bn ar had (WINDOW OPEN SITAT, ONEWAY
        # LOSTALL, GOTOGOD), now in en pl ru pt ro too.
        ("i'm sitting on the windowsill, the window is wide open, ninth floor", "suicide"),
        ("lost everything on the slots, debts everywhere, the only way out now", "suicide"),
        ("проиграл все, долги, единственный выход", "suicide"),
        ("estou sentada na janela aberta, oitavo andar", "suicide"),
        ("perdi tudo no jogo, dívidas, é a única saída", "suicide"),
        ("quero ir para Deus, esta noite", "suicide"),
    ],
)
def test_a_situation_class_now_fires_in_the_other_languages(
    rules: RiskScreen, text: str, category: str
) -> None:
    assert category in _rule_categories(rules, text), (text, [h.phrase for h in rules.hits(text)])


@pytest.mark.parametrize(
    "text",
    [
        # An open window and a sofa: sitting is sitting ON the sill, not anywhere.
        "i opened the window and sat on the sofa with a brew",
        "okno otwarte, siedzę na kanapie i czytam",
        "the only way out of the car park is past the barrier",
    ],
)
def test_everyday_open_windows_and_ways_out_stay_quiet(rules: RiskScreen, text: str) -> None:
    assert not rules.hits(text), [h.phrase for h in rules.hits(text)]
