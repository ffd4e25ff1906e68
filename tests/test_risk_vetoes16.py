"""Wave 16 (issue 12): risk long past and recovered, leaflets, and "dead tired" kept quiet in
more of the ways people write them; the same words with "again" still signpost.

Held-out batch 7 labelled these near misses, and the rules fired on them: "I used to cut as a
teenager but not for ten years", "the therapy helped, now I'm fine", "put the leaflets on
domestic violence in the toilets", "I'm dead from tiredness". The sentences below are written
for these tests, not taken from any corpus.
"""

from __future__ import annotations

import pytest

from bot.safety import RiskScreen


@pytest.fixture(scope="module")
def screen() -> RiskScreen:
    return RiskScreen.from_config({}, model=False)  # the rules alone


@pytest.mark.parametrize(
    "text",
    [
        "i self harmed at uni but havent in years, therapy helped a lot",
        "kiedyś się cięłam, od kilku lat spokój, terapia mi pomogła",
        "в юности резал себя, уже много лет нет, всё хорошо",
        "cortava-me quando era miúda, há muito tempo, agora estou bem",
        "ma taiam in liceu, de multi ani nimic, acum sunt bine",
        "pjaustydavausi paauglystėje, jau daug metų ne, dabar viskas gerai",
        "pusaudzes gados sevi griezu, jau daudzus gadus ne, tagad viss labi",
        "pehle khud ko nuksan pahunchata tha, saalon se nahi, ab theek hoon",
        "ਪਹਿਲਾਂ ਆਪਣੇ ਆਪ ਨੂੰ ਨੁਕਸਾਨ ਪਹੁੰਚਾਉਂਦਾ ਸੀ, ਕਈ ਸਾਲਾਂ ਤੋਂ ਨਹੀਂ",
        "પહેલાં પોતાને નુકસાન કરતો હતો પણ ઘણા વર્ષોથી નહીં",
        "আগে নিজেকে আঘাত করতাম, অনেক বছর ধরে আর না",
        "زمان كنت أؤذي نفسي، صارلي سنين ما عملت هيك، الحمد لله",
        "please leave more leaflets about domestic violence in reception",
        "7ottu nashrat 3an el 3onf el osari",
        "fadlan warqado ku saabsan rabshadaha qoyska dhiga",
        "ana mayyet men elta3ab",
    ],
)
def test_risk_long_past_and_leaflets_do_not_signpost(screen: RiskScreen, text: str) -> None:
    assert screen.hits(text) == [], screen.hits(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("i self harmed at uni and havent in years but started cutting again", "self_harm"),
        ("kiedyś się cięłam i znowu się tnę", "self_harm"),
        ("в юности резал себя и снова режу себя", "self_harm"),
    ],
)
def test_the_same_words_with_again_still_signpost(
    screen: RiskScreen, text: str, category: str
) -> None:
    assert category in {hit.category for hit in screen.hits(text)}, screen.hits(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # "For years" is not "years ago": a wish that has lasted is a disclosure.
        ("od lat chcę umrzeć", "suicide"),
        ("уже давно хочу умереть", "suicide"),
        ("há muito tempo que quero morrer", "suicide"),
        ("de multi ani vreau sa mor", "suicide"),
        ("jau daudzus gadus gribu nomirt", "suicide"),
    ],
)
def test_a_wish_that_has_lasted_years_still_signposts(
    screen: RiskScreen, text: str, category: str
) -> None:
    assert category in {hit.category for hit in screen.hits(text)}, screen.hits(text)
