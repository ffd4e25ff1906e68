"""Risk told by situation, with no word of the old lexicons (issue 12, wave 18).

Blind batch 9 showed the screen missing whole situations in every language: an overdose
described only by what one sees (not moving, foam at the mouth, a fit), a stepfather who
comes to a child's room at night, "if I tell anyone he takes the kids", an employer who
holds the passports and does not pay, the medicine box swallowed. These tests use the
rules alone (no model), in fresh wordings written for them, so that what fires is the
rule a staff member would see named.
"""

from __future__ import annotations

import gzip
import json

import pytest

from bot.risk_model import MODEL_PATH, RiskModel
from bot.risk_rules import builtin
from bot.safety import RiskScreen, load_builtin, merge, normalise


@pytest.fixture(scope="module")
def rules() -> RiskScreen:
    return RiskScreen(merge(load_builtin(), {}), builtin(normalise))


EMERGENCY = {
    "en": "my brother used about an hour ago and now he isnt moving, foam round his lips",
    "pl": "kumpel sie dal w klatce schodowej i teraz sie nie rusza, piana na ustach",
    "lt": "jis susileido prie garazu ir dabar nejuda, putos aplink burna",
    "lv": "vins sadura pie garazam un tagad nekustas, putas ap muti",
    "ro": "s-a injectat in parc si acum nu se misca deloc, face spume",
    "pt": "ele se injetou no parque e agora nao se mexe, tem espuma na boca",
    "ru": "он укололся у гаражей и теперь не шевелится, пена у рта",
    "ur": "اس نے پارک میں ٹیکا لگایا اور اب ہل نہیں رہا، منہ پر جھاگ ہے",
    "pa": "ਉਹਨੇ ਪਾਰਕ ਵਿੱਚ ਟੀਕਾ ਲਾਇਆ ਤੇ ਹੁਣ ਹਿੱਲ ਨਹੀਂ ਰਿਹਾ, ਮੂੰਹ ਤੇ ਝੱਗ",
    "gu": "એણે પાર્કમાં ઇન્જેક્શન લીધું અને હવે હલતો નથી, મોઢા પર ફીણ છે",
    "bn": "ও পার্কে ইনজেকশন নিয়েছে আর এখন নড়ছে না, মুখে ফেনা",
    "ar": "ضرب ابرة بالحديقة وهلق ما عم يتحرك، في رغوة على تمو",
    "so": "beerta ayuu isku duray hadda mana dhaqaaqayo, xumbo ayaa afkiisa ku taal",
}


@pytest.mark.parametrize("lang", sorted(EMERGENCY))
def test_an_overdose_told_only_by_what_one_sees_gets_the_overdose_advice(
    rules: RiskScreen, lang: str
) -> None:
    """Not moving and foam at the mouth after a hit: the overdose advice (999, naloxone),
    in every enabled language, with the rule that fired named for staff."""
    hits = rules.hits(EMERGENCY[lang])
    assert any(h.category == "overdose" for h in hits), lang
    assert any("FOAM" in h.phrase or "NOMOVE" in h.phrase for h in hits), hits


@pytest.mark.parametrize(
    "text",
    [
        "took ages to get served and the foam on my latte was cold",
        "he has epilepsy and had a seizure at group, the staff were brilliant",
        "the queue isnt moving and i need my methadone before work",
        "o cafe tinha espuma demais, tomei na mesma",
        "пена на пиве была отличная, спасибо за вечер",
    ],
)
def test_foam_and_fits_in_everyday_talk_stay_quiet(rules: RiskScreen, text: str) -> None:
    assert rules.hits(text) == []


@pytest.mark.parametrize(
    "text, category",
    [
        ("my stepdad keeps coming into my room at night when mum is asleep", "abuse"),
        ("отчим по ночам приходит ко мне в комнату, когда мама уходит", "abuse"),
        ("sotela baap raat ko mere kamre mein aata hai", "abuse"),
        ("he says if i tell anyone about the bruises hell take the kids", "abuse"),
        ("govorit esli komu skazhu, zaberet detey i uedet", "abuse"),
        ("the boss kept all our passports and doesnt pay us, we sleep in the van", "abuse"),
        ("ਮਾਲਕ ਨੇ ਪਾਸਪੋਰਟ ਰੱਖ ਲਏ ਤੇ ਤਨਖਾਹ ਨਹੀਂ ਦਿੰਦਾ", "abuse"),
        ("the dealer says hell do something to my mum if i dont pay", "abuse"),
        ("last night i swallowed what was left in the medicine cupboard", "overdose"),
        ("engoli o que havia na caixa dos remedios ontem a noite", "overdose"),
        ("when it gets bad i heat a spoon and hold it on my arm", "self_harm"),
        ("i forgive everyone, the will is signed, just a couple of days now", "suicide"),
        ("is it normal to want to just not exist anymore", "suicide"),
    ],
)
def test_situations_with_no_old_risk_word_signpost(
    rules: RiskScreen, text: str, category: str
) -> None:
    assert category in {h.category for h in rules.hits(text)}, text


def test_the_model_stays_silent_on_text_it_cannot_read() -> None:
    """A comment in a language the model never learned (Georgian here) shares few of its
    letter sequences: the model's score there is noise, so it leaves the text to the rules
    however low its threshold; a comment in a language it learned is still scored."""
    with gzip.open(MODEL_PATH, "rt", encoding="utf-8") as f:
        stored = json.load(f)
    assert stored["min_known"] >= 0.5
    eager = RiskModel({**stored, "threshold": 0.0, "evidence_threshold": 0.0})
    foreign = "ექიმთან ექვსი კვირა ვიცდიდი და არავინ დამირეკა"
    assert eager.known_share(normalise(foreign)) < eager.min_known
    assert eager.read(normalise(foreign)) is None
    assert eager.read(normalise("i waited six weeks and nobody rang me back")) is not None


def test_a_model_file_from_before_min_known_still_screens(tmp_path) -> None:
    """An operator who deploys this code with an older model file (no ``min_known``) gets
    the model on every text as before, not an error on every typed answer."""
    from bot.risk_model import load_model

    with gzip.open(MODEL_PATH, "rt", encoding="utf-8") as f:
        older = {k: v for k, v in json.load(f).items() if k != "min_known"}
    path = tmp_path / "risk_model.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(older, f)
    model = load_model(path)
    assert model is not None and model.min_known == 0.0
    screen = RiskScreen(merge(load_builtin(), {}), builtin(normalise), model)
    assert screen.hits("I want to kill myself tonight")
    assert screen.hits("the bus only comes twice a day") == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "🙂🙂🙂",
        "\u200b\u200d",
        "ॐ" * 3000,
        "foam " * 2000,
    ],
)
def test_odd_input_neither_fails_nor_signposts_by_itself(text: str) -> None:
    """Empty, invisible, emoji-only, one letter repeated or one word typed thousands of times:
    the screen answers (no error for a person pressing send) and finds no risk in it."""
    screen = RiskScreen.from_config({})
    assert screen.hits(text) == []


@pytest.mark.parametrize(
    "text, category",
    [
        ("muzh menya b'et kazhdyj den, deti vse vidyat", "abuse"),
        ("otchim opyat prihodit ko mne nochyu", "abuse"),
        ("kak perestat rezat sebya, uzhe ne mogu", "self_harm"),
        ("on ukololsya v pod'ezde i ne dvigaetsya", "overdose"),
    ],
)
def test_russian_typed_in_latin_letters_finds_the_words_listed_in_cyrillic(
    rules: RiskScreen, text: str, category: str
) -> None:
    """Transliterated Russian is folded with the Cyrillic lexicon to one spelling
    (``bot.cyrlat``): "b'et" finds "бьет", "rezat" finds "резать"."""
    assert category in {h.category for h in rules.hits(text)}, text


@pytest.mark.parametrize(
    "text",
    [
        "медсестра взяла кровь и была добра",
        "мой кейворкер просто топ, лучшая поддержка что у меня была",
        "vrach byla ochen dobraya, spasibo",
    ],
)
def test_was_is_not_hit_when_russian_is_folded(rules: RiskScreen, text: str) -> None:
    """ "была" (was) and "била" (hit) differ by one letter that a careless fold would merge."""
    assert rules.hits(text) == []


def test_the_fold_makes_the_usual_transliterations_one() -> None:
    from bot.cyrlat import fold, looks_russian

    assert fold("хочу") == fold("hochu") == fold("khochu") == fold("xochu")
    assert fold("сейчас") == fold("seychas") == fold("sejchas")
    assert fold("была") != fold("била")
    assert looks_russian(["muzh", "menya", "bet"])
    assert not looks_russian(["the", "bus", "was", "late", "again"])


@pytest.mark.parametrize(
    "text",
    [
        "ya hochu umeret, vypila vse tabletki",
        "ne hochu zhit, ya vypila vsyu aptechku",
        "i want to die, hes not moving now either, foam on his lips after the gear",
        "akhi akal 7boob ktir mbare7 w halla2 ma 3am yfee2",
    ],
)
def test_a_suicide_told_with_the_pills_taken_also_gets_the_overdose_advice(text: str) -> None:
    """A rule files it under another category (suicide; in Arabizi, "my brother" read as
    abuse); a sign of an overdose in the same message (the medicine box, everything taken,
    foam, "won't wake up") adds the overdose advice (999, naloxone)."""
    categories = RiskScreen.from_config({}).categories(text)
    assert "overdose" in categories and len(categories) >= 2, categories


def test_the_model_adds_the_overdose_advice_when_it_rates_overdose_likely_too() -> None:
    """The model files a message under its likeliest category; when it also rates overdose
    0.5 or more, the reply carries the overdose advice as well."""
    with gzip.open(MODEL_PATH, "rt", encoding="utf-8") as f:
        stored = json.load(f)
    classes = stored["classes"]
    intercepts = list(stored["intercepts"])
    intercepts[classes.index("suicide")] += 40.0
    intercepts[classes.index("overdose")] += 20.0
    model = RiskModel({**stored, "intercepts": intercepts, "threshold": 0.0})
    text = "honestly i dont think ill still be here by the spring, the counsellor was nice tho"
    verdict = model.read(normalise(text))
    assert verdict is not None and verdict.category == "suicide"
    assert verdict.also == ("overdose",)
    screen = RiskScreen(merge(load_builtin(), {}), builtin(normalise), model)
    assert {"suicide", "overdose"} <= screen.categories(text)


def test_an_empty_sentence_read_directly_finds_nothing() -> None:
    """``ConceptScreen.read`` is public: an empty sentence (a caller that did not drop one)
    reads as no words, not an error from the Russian fold looking at a first word."""
    screen = builtin(normalise)
    reading = screen.read(["", "кто"])
    assert reading.classes[0] == {}


@pytest.mark.parametrize(
    "text",
    [
        "ive put the dog in kennels and cancelled the milk, i wont be back",
        "the charcoal is in the boot of the car, just waiting for the weekend",
        "made sure the life insurance is paid up, the kids will be ok without me",
        "ive been driving too fast on purpose hoping something happens",
        "every night i count the pills in the drawer, theres enough now",
        "ive stopped my insulin, nobody needs to know",
        "перестала колоть инсулин, никому не нужно знать",
        "deixei de tomar a insulina, ninguem precisa de saber",
        "copiii se descurca fara mine, asigurarea e platita",
        "ਬੀਮਾ ਭਰ ਦਿੱਤਾ, ਬੱਚੇ ਮੇਰੇ ਬਿਨਾਂ ਠੀਕ ਰਹਿਣਗੇ",
        "w2eft el insulin, ma 7ada lazem ya3ref",
        "insulin-ka waan joojiyay, cidina uma baahna inay ogaato",
    ],
)
def test_a_plan_told_by_its_arrangements_signposts(rules: RiskScreen, text: str) -> None:
    assert "suicide" in {h.category for h in rules.hits(text)}, text


@pytest.mark.parametrize(
    "text",
    [
        "bought charcoal for the bbq on saturday, cant wait",
        "the kids will be ok without me for the weekend, their dad has them",
        "the team will be fine without me while im on holiday next week",
        "im off to spain, cancelled the milk and put the dog in kennels, wont be back till june",
        "i stopped taking my methadone because i'm detoxing with the team",
        "купил уголь для шашлыка на субботу",
        "dzieci dadza sobie rade beze mnie przez weekend",
    ],
)
def test_the_same_arrangements_for_a_holiday_or_a_barbecue_stay_quiet(
    rules: RiskScreen, text: str
) -> None:
    assert rules.hits(text) == []
