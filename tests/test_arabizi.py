"""Arabizi read with the Arabic lexicon by consonant skeleton (bot/arabizi.py)."""

from __future__ import annotations

import pytest

from bot.arabizi import cores, looks_arabizi, skeleton
from bot.safety import RiskScreen, normalise


@pytest.mark.parametrize(
    ("arabizi", "arabic"),
    [
        ("bydrobni", "يضربني"),  # he beats me: vowels differ, consonants agree
        ("7boob", "حبوب"),  # pills
        ("ento7er", "انتحر"),  # kill myself
        ("el jisr", "الجسر"),  # the bridge, article apart or joined
    ],
)
def test_arabizi_and_arabic_script_share_a_skeleton(arabizi: str, arabic: str) -> None:
    latin = skeleton(normalise(arabizi).split()[-1])
    script = skeleton(normalise(arabic))
    assert script in cores(latin), (latin, script)


def test_only_what_looks_like_arabizi_is_read_as_arabic() -> None:
    assert looks_arabizi("3am fakker ento7er")
    assert looks_arabizi("ana bas bade nam")
    assert not looks_arabizi("the bus was late and the staff were kind")
    assert not looks_arabizi("took 30 pills")  # a count, not a letter


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("abuse", "zawji 3am yidrebni kol lele"),  # my husband beats me every night
        ("overdose", "bala3et sharit 7boob kamel"),  # I swallowed a whole strip of pills
        ("suicide", "3am fakker ento7er el lele"),  # thinking of killing myself tonight
    ],
)
def test_arabizi_spellings_the_lexicon_never_listed(
    screen: RiskScreen, category: str, text: str
) -> None:
    assert category in screen.categories(text), text


@pytest.mark.parametrize(
    "text",
    [
        "el staff kteer lotaf w el 2ahwe taybe",
        "bmout 3a sandwich falafel hala2",
        pytest.param(
            "el jisr 7ad el 3iyade msakkar",  # the bridge by the clinic is closed
            marks=pytest.mark.xfail(
                strict=True,
                reason="the meaning model (wave 22) reads Arabizi 'msakkar' (closed) as a wish"
                " beside the bridge: HEIGHT+WISH; a cross-language Arabizi fix is left",
            ),
        ),
        "ana ta3ban ktir mn el shoghol bas mni7",
    ],
)
def test_arabizi_near_misses_stay_quiet(screen: RiskScreen, text: str) -> None:
    assert screen.hits(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "\u0acd" * 500,  # Gujarati virama alone, nothing to fold
        "\u0abc\u0a82" * 300,  # nukta and nasal marks with no letter
        "ક્" * 400,
        "মরবো " * 300,
        "ঁ়্" * 600,
        "7a3a2a5a9a " * 180,  # digits inside every word: Arabizi at its densest
        "٣٣٣ 7777 3333 " * 150,
        "el ana bas 3am ento7er kol 7boob " * 60,
    ],
)
def test_hostile_scripts_screen_fast_and_never_fail(screen: RiskScreen, text: str) -> None:
    """What the bot accepts (2,000 characters) in the shapes the folds and skeletons read."""
    import time

    start = time.process_time()
    screen.hits(text[:2000])
    assert time.process_time() - start < 0.5


def test_the_skeleton_cache_stays_bounded(screen: RiskScreen) -> None:
    """A bot that runs for months meets endless new Arabizi words; what it remembers of
    them is capped like the word cache."""
    from bot import risk_rules

    lexicon = risk_rules.builtin(normalise)._lexicon
    for i in range(risk_rules._KNOWN_MAX // 300 + 2):
        screen.hits(" ".join(f"3am ya{i}x{j}b" for j in range(300)))
    assert len(lexicon._cores) <= risk_rules._KNOWN_MAX


def test_a_word_opening_with_a_vowel_keeps_it() -> None:
    """ "ahli" (my family) is not "حالي" (myself); "ento7er" is still "انتحر"."""
    assert skeleton("ahli") != skeleton(normalise("حالي"))
    assert skeleton(normalise("ento7er")) == skeleton(normalise("انتحر"))
