"""The will to live gone, in the forms a phrase takes (wave 26): a noun of desire negated
("нет желания жить", "ليس لدي رغبة في الحياة", "nebeturiu noro gyventi") or lost ("пропало
желание жить", "praradau norą gyventi"), or one verb of losing the wish ("odechciało mi się
żyć").  Every line is written for this test, none from a corpus; the same words about a group
or a trip stay quiet.
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
        "совсем пропало желание жить",
        "ما عاد عندي رغبة في الحياة",
        "ostatnio odechciewa mi się żyć",
        "praradau norą gyventi",
        "I've got no desire to live anymore",
    ],
)
def test_the_will_to_live_negated_or_lost_is_read(rules: RiskScreen, text: str) -> None:
    assert "suicide" in rules.categories(text), rules.hits(text)


@pytest.mark.parametrize(
    "text",
    [
        "ليس لدي رغبة في الذهاب إلى المجموعة",
        "odechciało mi się iść na grupę",
        "neturiu noro eiti į grupę",
        "нет желания идти на группу в четверг",
        "у меня есть желание жить дальше",
    ],
)
def test_a_desire_for_anything_else_is_not(rules: RiskScreen, text: str) -> None:
    assert rules.hits(text) == []
