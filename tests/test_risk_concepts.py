"""Concept patterns (bot/risk_concepts.yaml), the dose rule, and the held-out report.

Sentences here are new ones, not the held-out set's: they check each concept as a class
(any wording of it, in several languages), and that its guard keeps everyday talk quiet.
"""

import pytest

from bot.safety import RiskScreen, load_builtin


@pytest.fixture
def screen(settings):
    return RiskScreen.from_config(settings.risk_phrases, model=False)  # the rules alone


DOSES = [
    "I take 60ml methadone",
    "on 80 mg methadone and 10 mg diazepam, all prescribed",
    "taking 60 ml methadone daily is fine",
    "باخذ ٦٠ مل ميثادون",
    "اخذت ٦٠ مل ميثادون",
    "I used to take 30 tablets a day of codeine, now off them",
]


@pytest.mark.parametrize("text", DOSES)
def test_a_measured_or_daily_dose_is_not_an_overdose(screen, text):
    assert "overdose" not in screen.categories(text), screen.hits(text)


@pytest.mark.parametrize(
    "text", ["took 30 tablets an hour ago", "took 30 x 10mg diazepam", "اخذت ٣٠ حبة"]
)
def test_a_count_of_pills_still_is(screen, text):
    assert "overdose" in screen.categories(text), screen.hits(text)


CONCEPTS = [
    ("suicide", "honestly i pray i never wake up again"),
    ("suicide", "chcialabym zasnac i sie nie obudzic"),
    ("suicide", "лучше бы я вообще не проснулся"),
    ("suicide", "kaash main subah na uthoon"),
    ("suicide", "they'd all be better off without me"),
    ("suicide", "wszyscy beda szczesliwsi i lepiej im bedzie beze mnie"),
    ("suicide", "الكل رح يكونوا احسن بدوني"),
    ("self_harm", "eu me cortava todo dia no ano passado"),
    ("self_harm", "apne aap ko blade se kaat liya"),
    ("overdose", "mój chłopak nie oddycha po heroinie"),
    ("overdose", "she's not breathing after the gear"),
    ("abuse", "the kids are home alone since friday"),
    ("abuse", "dzieci siedza same w domu od rana"),
    ("abuse", "o tio mexia com a minha filha"),
]


@pytest.mark.parametrize(("category", "text"), CONCEPTS)
def test_each_concept_fires_in_other_words(screen, category, text):
    assert category in screen.categories(text), screen.hits(text)


QUIET = [
    "my cravings have gone for good",
    "I hope I wake up on time tomorrow",
    "i cant breathe after taking the stairs",
    "nie oddycham dobrze po biegu",
    "ياريت ما اصحى بكير بكرة",
    "the film about domestic violence was good",
    "встреча о домашнем насилии была интересной",
    "cut down to 3 cans a day, proud of myself",
    "the pharmacist gave me too many tablets by mistake so i took them back",
]


@pytest.mark.parametrize("text", QUIET)
def test_guards_keep_everyday_talk_quiet(screen, text):
    assert screen.hits(text) == []


def test_talk_about_a_topic_does_not_hide_a_disclosure(screen):
    assert screen.hits("думаю о суициде каждый вечер")
    assert "abuse" in screen.categories("the domestic violence group was good but he hits me")


def test_concepts_are_merged_into_the_built_in_lists_and_shared_anchors_are_not_a_language():
    lists = load_builtin()
    assert "_shared" not in lists
    assert any("nekvep" in phrase for phrase in lists["lt"]["overdose"])
    assert "drugs_any" in lists["en"]["macros"]


def test_risk_eval_reports_the_held_out_batches_apart(capsys):
    from bench import risk_eval

    lines = risk_eval.load_corpus(risk_eval.HELDOUT, batches=True)
    assert {line.batch for line in lines} >= {"1", "2"}
    assert all(line.held_out for line in lines)
    for lang in ("en", "pl", "lt", "lv", "ro", "pt", "ru", "ur", "pa", "gu", "ar", "bn", "so"):
        part = [line for line in lines if line.lang == lang]
        assert sum(bool(line.labels) for line in part) >= 40
        assert sum(not line.labels for line in part) >= 40
    risk_eval.main([])
    out = capsys.readouterr().out
    assert "batch 1 all" in out and "batch 2 all" in out
