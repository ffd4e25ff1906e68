"""Vetoes and the wave-5 rules (issue 12): near misses kept quiet, new kinds of disclosure found.

The sentences are written for these tests (not taken from any corpus), in other words than
the development sets use, so that they check the word classes, not memorised lines.
"""

from __future__ import annotations

import pytest

from bench import risk_eval
from bot.risk_rules import ConceptScreen
from bot.safety import RiskScreen, normalise


@pytest.fixture(scope="module")
def screen() -> RiskScreen:
    return RiskScreen.from_config({}, model=False)  # the rules alone


@pytest.mark.parametrize(
    "text",
    [
        # Risk long past, and helped: a thank-you, not a disclosure.
        "ten years ago I tried to kill myself, your nurses were brilliant, thank you",
        "trzy lata temu próbowałam się zabić, teraz jest dobrze dzięki wam",
        "acum trei ani am vrut să mă sinucid, echipa m-a ajutat enorm",
        "teen saal pehle khudkushi ki koshish ki thi, ab theek hun",
        "لما كنت مراهقة كنت اجرح حالي، هلق الحمدلله منيحة",
        # The news, and what to do "if someone".
        "read in the newspaper that a young man overdosed in the park",
        "в новостях писали что мужчина умер от передозировки",
        "if someone overdoses in the toilets what are staff meant to do?",
        "jeśli ktoś przedawkuje to gdzie jest nalokson?",
        # Families who lost someone; a leaflet; a training; a session.
        "a group for families who lost someone to drugs would help",
        "the poster about self harm in the corridor is falling off the wall",
        "the naloxone training was good, now I know what an overdose looks like",
        "the session on domestic abuse was hard going",
        # Figures of speech.
        "my back is killing me after those chairs",
        "nearly died of boredom in that queue",
    ],
)
def test_near_misses_of_every_kind_do_not_signpost(screen, text):
    assert screen.hits(text) == [], screen.hits(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # A veto is lifted by "again", "still", "tonight"...
        ("years ago I was suicidal and tonight I feel it again", "suicide"),
        # ...and reaches no further than its clause, or its sentence.
        ("I went to the self harm workshop but I still cut my arms", "self_harm"),
        ("Two years ago the team helped me. Now I want to kill myself.", "suicide"),
        ("The leaflet on overdose is old. My mate swallowed 40 pills an hour ago.", "overdose"),
        ("the news upset me, my partner strangled me last night", "abuse"),
    ],
)
def test_a_veto_does_not_hide_a_disclosure_beside_it(screen, text, category):
    assert category in screen.categories(text), screen.hits(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I've written goodbye letters to my kids", "suicide"),
        ("napisałam list pożegnalny, jutro mnie już nie będzie", "suicide"),
        ("hamesha ke liye so jaun aur kabhi na uthun", "suicide"),
        ("мой друг говорит что повесится", "suicide"),
        ("I've been stockpiling my tablets for weeks", "suicide"),
        ("going to drive the car into a tree tonight", "suicide"),
        ("burning my wrists with a lighter to feel something", "self_harm"),
        ("my girlfriend went blue after the gear", "overdose"),
        ("he's snoring funny after the methadone and won't answer", "overdose"),
        ("am luat o cutie întreagă de pastile dintr-o dată", "overdose"),
        ("mixed g and vodka and my mate had to give me cpr", "overdose"),
        ("my husband checks my phone every night and won't let me see my family", "abuse"),
        ("he says he'll kill me if I ring the police", "abuse"),
        ("my stepdad touched me when I was little", "abuse"),
        ("her boyfriend hits the baby with a belt", "abuse"),
        ("the dealer threatened to hurt my son", "abuse"),
    ],
)
def test_new_kinds_of_disclosure_signpost(screen, text, category):
    assert category in screen.categories(text), screen.hits(text)


def test_a_veto_names_classes_a_lexicon_defines():
    data = {
        "_rules": {"suicide": ["WISH DIE"]},
        "_vetoes": {"NOPE": "suicide !ALSO_NOPE"},
        "en": {"WISH": "want", "DIE": "die"},
    }
    errors = ConceptScreen(data, normalise).errors
    assert any("NOPE" in e for e in errors) and any("ALSO_NOPE" in e for e in errors)


def test_a_vetoed_phrase_is_vetoed_in_its_own_sentence_only(screen):
    """The phrase layer (bot/risk_phrases.yaml) is vetoed by the clause it starts in."""
    vetoed = "five years ago I was suicidal, your team helped me"
    assert screen.hits(vetoed) == []
    assert "suicide" in screen.categories(f"{vetoed}. I feel suicidal again tonight")
    assert "suicide" in screen.categories(f"I am suicidal. {vetoed}")


def test_batch_4_and_the_development_sets_pass_the_gate(capsys):
    assert risk_eval.main(["--gate"]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "batch dev5 all" in out and "batch dev6 all" in out


def test_a_veto_reaches_ten_words_not_a_whole_long_sentence(screen):
    """Attack: one leaflet word must not silence a long unpunctuated disclosure."""
    text = (
        "the leaflet about overdose in reception is rubbish and nobody reads it anyway "
        "my mate swallowed 40 pills an hour ago and went blue"
    )
    assert "overdose" in screen.categories(text)


def test_a_message_full_of_veto_words_stays_cheap(screen):
    """Attack: hundreds of veto and clause words cost milliseconds, not seconds."""
    import time

    text = "years ago the leaflet on the news if someone but and now " * 80 + "I want to die"
    start = time.process_time()
    assert "suicide" in screen.categories(text)
    assert time.process_time() - start < 0.5


def test_risk_check_says_which_veto_kept_a_near_miss_quiet(capsys):
    """Explainable: staff see the veto class and its words, not only 'nothing fired'."""
    from bot.cli import main

    assert main(["risk-check", "five years ago I was suicidal, the team helped, thanks"]) == 0
    out = capsys.readouterr().out
    assert "no risk phrase fires" in out
    assert "vetoed: PAST [years ago] vetoes general, overdose, self_harm, suicide" in out


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("my parents want to force me to marry a cousin back home", "abuse"),
        ("my wife keeps my passport locked away", "abuse"),
        ("older boys make my son carry packages across town", "abuse"),
        ("the dealer said my kids would pay for it", "abuse"),
        ("took a load of cocaine and now i'm vomiting and my heart is going", "overdose"),
        ("he says if i leave him he'll kill me", "abuse"),
        ("my mother in law and her son beat me at home", "abuse"),
        ("agar main chhod ke gayi to woh maar dega", "abuse"),
    ],
)
def test_forced_marriage_passports_county_lines_and_body_signs_signpost(screen, text, category):
    assert category in screen.categories(text), screen.hits(text)


@pytest.mark.parametrize(
    "text",
    [
        "my brother overdosed in 2016, he's been clean for years and volunteers here",
        "is there information about self harm in Polish?",
        "took my tablets this morning as usual, all good",
    ],
)
def test_a_year_long_past_a_question_for_information_and_a_usual_dose_do_not(screen, text):
    assert screen.hits(text) == [], screen.hits(text)
