"""Concept rules (bot/risk_rules.py, bot/risk_lexicon.yaml): risk as word classes together.

The sentences here are new ones, written for these tests, not taken from any corpus: each
checks a class of disclosure in other words and another word order than the corpora use,
and that the guards keep everyday talk quiet.
"""

from __future__ import annotations

import pytest

from bot.risk_rules import ConceptScreen
from bot.safety import RiskScreen, normalise


@pytest.fixture(scope="module")
def screen() -> RiskScreen:
    return RiskScreen.from_config({}, model=False)  # the rules alone


def test_a_threat_with_a_condition_is_abuse_not_hidden(screen):
    """Known defect: a Romanian exception hid "he says he'll kill me if I go to the police"."""
    assert "abuse" in screen.categories("zice ca ma omoara daca merg la politie")
    assert "abuse" in screen.categories("spune ca ma omoara daca il parasesc")


@pytest.mark.parametrize(
    "text",
    [
        "I was given naloxone",
        "waxaa la i siiyay naloxone, ammaan baan dareemayaa",
        "got given a naloxone kit at the hub today",
    ],
)
def test_being_given_naloxone_is_not_an_overdose(screen, text):
    """Known defect: Somali "I was given naloxone" fired the overdose advice."""
    assert screen.hits(text) == []


def test_giving_naloxone_to_someone_still_is(screen):
    assert "overdose" in screen.categories("waxaan siiyay naloxone saaxiibkay, ma neefsanayo")


NEW_WORDINGS = [
    # suicide: wish + death, in any order and tense
    ("en", "suicide", "honestly dying sounds better than another week of this, i want it"),
    ("en", "suicide", "ready to end my life, sorted the rope already"),
    ("en", "suicide", "i really don't want to be alive any more"),
    ("pl", "suicide", "umrzec chce, tylko tyle"),
    ("pl", "suicide", "nie widze sensu zeby dalej zyc"),
    ("ru", "suicide", "умереть хочу, сил нет"),
    ("pt", "suicide", "ja nao quero viver assim"),
    ("ro", "suicide", "as vrea sa mor in somn"),
    ("lt", "suicide", "mirti noriu jau seniai"),
    ("lv", "suicide", "es gribu nomirt"),
    ("ur", "suicide", "marne ko dil karta hai roz"),
    ("bn", "suicide", "morte chai ami"),
    ("so", "suicide", "waxaan rabaa inaan dhinto"),
    ("ar", "suicide", "بدي موت وخلص"),
    # self-harm: the act on oneself, or on a body part, in any tense
    ("en", "self_harm", "i burnt my forearm with a lighter last night"),
    ("pl", "self_harm", "znowu pocielam sobie nadgarstki"),
    ("ru", "self_harm", "опять режу себе руки"),
    ("pt", "self_harm", "voltei a me cortar ontem"),
    # overdose: taking a lot of a drug, or someone not breathing / unresponsive after using
    ("en", "overdose", "necked a whole strip of zopiclone with a bottle of wine"),
    ("pl", "overdose", "polknalem cale opakowanie tabletek nasennych"),
    ("ru", "overdose", "проглотил целую пачку таблеток"),
    ("lt", "overdose", "draugas nekvepuoja, vartojo heroina"),
    ("gu", "overdose", "e goli khadha pachhi bebhan che"),
    # abuse: violence to me or a child, threats, a child left, coercion
    ("en", "abuse", "my stepdad kicked my little brother down the stairs"),
    ("en", "abuse", "he keeps saying he'll kill me if i leave"),
    ("pl", "abuse", "maz mnie bije jak wypije"),
    ("ru", "abuse", "отчим бьет меня ремнем"),
    ("pt", "abuse", "o meu marido ameacou matar-me"),
    ("ur", "abuse", "shohar mujhe roz maarta hai"),
    ("so", "abuse", "ninkaygu habeen walba wuu i garaacaa"),
]


@pytest.mark.parametrize(("lang", "category", "text"), NEW_WORDINGS)
def test_each_class_of_disclosure_fires_in_new_words(screen, lang, category, text):
    assert category in screen.categories(text), screen.hits(text)


QUIET = [
    "this queue is killing me",
    "my feet are killing me after the walk",
    "i'd kill for a cuppa",
    "my cravings have gone for good",
    "the overdose awareness training was brilliant",
    "my mate overdosed years ago, that's why i carry naloxone",
    "i cut my hair and i feel great",
    "hurt my back lifting boxes at work",
    "it really hit me how far i've come",
    "dying to get on the detox list",
    "esta fila esta a matar-me",
    "coada asta ma omoara",
    "эта очередь меня убивает",
    "ta kolejka mnie zabija",
    "safkan ayaa i dilaya",
    "took the kids to the park, they loved it",
    "I take 60 ml methadone each morning, prescribed",
    "od poniedzialku jestem czysty",
]


@pytest.mark.parametrize("text", QUIET)
def test_figures_of_speech_and_everyday_talk_stay_quiet(screen, text):
    assert screen.hits(text) == [], screen.hits(text)


def test_a_guard_in_another_language_does_not_hide_an_english_disclosure(screen):
    """pt's "kkk" (laughter) once normalised to the stem "k*", and hid "kill" in English."""
    assert "suicide" in screen.categories("now i want to kill myself")


def test_a_hit_names_the_rule_and_the_words_that_filled_it(screen):
    hits = [h for h in screen.hits("he grabs me by the throat") if h.phrase.startswith("rule")]
    assert [str(h) for h in hits] == ["en/abuse: rule THROAT GRAB ~4 [throat, grabs]"]


def test_a_count_is_not_a_measured_dose(screen):
    assert "overdose" in screen.categories("took 40 tablets of codeine")
    assert "overdose" not in screen.categories("took 40 ml methadone")


def test_the_rules_hold_each_sentence_apart(screen):
    """Words of two sentences do not make one disclosure."""
    assert screen.hits("I want a coffee. The film had a dead body in it") == []


def test_a_bad_lexicon_is_reported_not_half_loaded():
    data = {
        "_rules": {"suicide": ["WISH DIE", "WISH NOPE"]},
        "en": {"WISH": "want* k*", "DIE": "die"},
    }
    concepts = ConceptScreen(data, normalise)
    assert any("NOPE" in e for e in concepts.errors)
    assert any("'k*'" in e for e in concepts.errors)
    assert [h.category for h in concepts.hits("i want to die")] == ["suicide"]


def test_every_enabled_language_has_every_category_in_its_lexicon(settings):
    from bot.risk_rules import builtin

    have = builtin(normalise).languages()
    for lang in settings.languages:
        assert have.get(lang, set()) >= {"suicide", "self_harm", "overdose", "abuse"}, lang


def test_a_long_message_full_of_class_words_is_screened_quickly(screen):
    """Someone pasting the same words again and again (up to max_text_length) must not
    hold the event loop: every slot and guard is found by binary search, not a scan."""
    import time

    texts = [
        "he hits me lol " * 140,
        "want die haha " * 150,
        "a " * 1000,
        "took all pills daily " * 100,
        "ما بدي عيش ههه " * 130,
        "kid alone minutes " * 110,
    ]
    start = time.process_time()
    for text in texts:
        screen.hits(text[:2000])
    assert time.process_time() - start < 0.5


def test_the_word_cache_stays_bounded():
    """A bot that runs for months meets endless new words (typos, numbers): the cache of
    each word's classes forgets rather than grows without end."""
    from bot.risk_rules import _KNOWN_MAX

    concepts = ConceptScreen(
        {"_rules": {"suicide": ["WISH DIE"]}, "en": {"WISH": "want"}}, normalise
    )
    for start in range(0, _KNOWN_MAX + 5000, 5000):
        concepts.hits(" ".join(f"w{n}x" for n in range(start, start + 5000)))
    assert len(concepts._lexicon._known) <= _KNOWN_MAX
    assert concepts.hits("want") == []  # still answers after forgetting


def test_a_broken_builtin_lexicon_is_reported_by_check_flows(settings):
    """An operator editing bot/risk_lexicon.yaml by hand: a typo in a class name is named
    by check-flows, not found out by a person in crisis who is not signposted."""
    from bot import risk_rules
    from bot.safety import check_phrases

    broken = risk_rules.load_lexicon()
    broken["_rules"]["suicide"].append("WISH DEATHH")
    concepts = ConceptScreen(broken, normalise)
    problems = check_phrases(RiskScreen({}, concepts), settings.languages)
    assert any("DEATHH" in p for p in problems)


def test_ordinary_comments_in_many_languages_are_not_signposted(screen):
    """1,200 everyday comments (the theme and language-detection corpora, 20+ languages):
    none is a disclosure, so none may fire.  Bulgarian "страхотна" (great) once read as
    Russian "страх" (fear), and "её" (her) normalised to one letter."""
    from pathlib import Path

    data = Path(__file__).parent / "data"
    fired = []
    for path in sorted([*data.glob("themes/*.tsv"), *data.glob("detect/*.txt")]):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                text = line.split("\t")[0]
                if screen.hits(text):
                    fired.append(f"{path.name}: {text}")
    assert fired == []
