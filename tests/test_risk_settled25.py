"""Debts paid and things sold, then "now I can go in peace", "one thing left", "it won't be of
use to me any more": a farewell told by its arrangements (prec25, from dev set 15's misses in
pt ur pl), in words written for this file.  A new car bought, or a holiday after the debts,
is no farewell.
"""

from __future__ import annotations

import pytest

from bot.safety import RiskScreen


@pytest.fixture(scope="module")
def rules() -> RiskScreen:
    return RiskScreen.from_config({}, model=False)


@pytest.mark.parametrize(
    "text",
    [
        "paguei tudo o que devia ao meu irmão e vendi a guitarra. agora posso ir em paz",
        "بھائی کے پیسے واپس کر دیے، گاڑی بیچ دی، اب بس ایک کام رہ گیا ہے",
        "sprzedałam samochód i oddałam pieniądze mamie, mi już się nie przyda",
        "paid off all my debts, sold everything, just one thing left to do",
    ],
)
def test_debts_paid_and_one_thing_left_gets_the_helplines(
    rules: RiskScreen, screen: RiskScreen, text: str
) -> None:
    assert "suicide" in rules.categories(text), rules.vetoes_in(text)
    assert "suicide" in screen.categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "sprzedałem auto, bo kupiłem nowe, stare mi się już nie przyda",
        "paguei tudo o que devia ao banco e comprei um carro novo",
    ],
)
def test_a_new_car_after_the_debts_is_no_farewell_to_the_rules(
    rules: RiskScreen, text: str
) -> None:
    assert rules.hits(text) == [], rules.hits(text)
