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


@pytest.fixture(scope="module")
def screen() -> RiskScreen:
    return RiskScreen.from_config({})


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
        "el jisr 7ad el 3iyade msakkar",
        "ana ta3ban ktir mn el shoghol bas mni7",
    ],
)
def test_arabizi_near_misses_stay_quiet(screen: RiskScreen, text: str) -> None:
    assert screen.hits(text) == [], text
