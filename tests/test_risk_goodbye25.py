"""Two false alarms of wave 24 mended by prec25, in words written for this file (none from a
corpus), with the disclosures of the same shape that must still get the helplines.

A goodbye to the group from someone moving away for a job: the move may be told sentences
before "thank you for everything, goodbye" (RELOCATE guards the farewell rules from anywhere in
the message); a goodbye with no move, or a wish to die beside the move, still signposts.

A double dose the doctor asked for ("took double my usual dose as the doctor said"): the
doubling lifts the doctor's word only when the doctor is not named right after it.
"""

from __future__ import annotations

import pytest

from bot.safety import RiskScreen


@pytest.mark.parametrize(
    "text",
    [
        "We're moving to Bristol for a new job in May. Thanks for everything, goodbye all.",
        "Przeprowadzam się do innego miasta za pracą. Dziękuję za wszystko, żegnajcie.",
        "Mudo-me para o Porto por causa do trabalho. Obrigada por tudo, adeus a todos.",
        "Kitą savaitę kraustausi į Vilnių dėl darbo. Ačiū už viską, sudie.",
        "took double my usual dose as the doctor said because the pain was worse",
        "I took a double dose of my inhaler as the GP said when it got bad",
    ],
)
def test_a_goodbye_before_a_move_and_the_doctors_double_dose_get_no_helplines(
    screen: RiskScreen, text: str
) -> None:
    assert screen.hits(text) == [], screen.hits(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Thanks for everything, goodbye all. You won't hear from me again.", "suicide"),
        ("Dziękuję za wszystko, żegnajcie. Już nigdy o mnie nie usłyszycie.", "suicide"),
        ("Obrigada por tudo, adeus a todos. Nunca mais vão ouvir falar de mim.", "suicide"),
        (
            "I'm moving to Leeds for a job but I want to die. Thanks for everything, goodbye.",
            "suicide",
        ),
        ("as the doctor said, but then I took double and now I can't stay awake", "overdose"),
        ("the doctor said one a day but I took a double dose of my methadone", "overdose"),
    ],
)
def test_a_goodbye_with_no_move_and_a_double_dose_against_the_doctor_get_the_helplines(
    screen: RiskScreen, text: str, category: str
) -> None:
    assert category in screen.categories(text), screen.vetoes_in(text)
