"""A leaflet or a form that asks about safety, answered in the same sentence with a beating
every night (prec25, attack22's "the form asked if I'm safe, I'm not, he beats me every night"):
the lead's rule (22:58) says a veto is lifted by harm aimed at a person, so DOC is lifted by a
beating (BEATEN, VME, STRANGLE) or by "every night" (EVERYNIGHT).  Written for this file.
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
        "the leaflet asks if I'm safe, I'm not, he hits me every night",
        "ulotka pyta czy jestem bezpieczna, nie jestem, bije mnie co noc",
        "o folheto pergunta se estou segura, não estou, ele bate-me todas as noites",
        "pliantul întreabă dacă sunt în siguranță, nu sunt, mă bate în fiecare noapte",
    ],
)
def test_a_beating_every_night_told_beside_a_leaflet_gets_the_helplines(
    rules: RiskScreen, screen: RiskScreen, text: str
) -> None:
    assert "abuse" in rules.categories(text), rules.vetoes_in(text)
    assert "abuse" in screen.categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "the leaflet about domestic violence says it can happen every night",
        "we watched a film about a man who was beaten as a child",
        "ulotka o przemocy domowej mówi, że to może się dziać co noc",
    ],
)
def test_a_leaflet_or_a_film_about_violence_gets_no_helplines(
    screen: RiskScreen, text: str
) -> None:
    assert screen.hits(text) == [], screen.hits(text)


@pytest.mark.parametrize(
    "text",
    [
        "бывший уехал, но его братья приходят и бьют меня",
        "муж с братом бьют меня, когда выпьют",
        "były wyjechał, ale jego bracia przychodzą i mnie biją",
        "my ex moved away but his brothers come round and beat me",
    ],
)
def test_an_ex_gone_but_others_beating_me_gets_the_helplines(rules: RiskScreen, text: str) -> None:
    """'бьют' (they beat) is Russian VIOLENCE as 'бьёт' (he beats) is; the ex gone (OVER)
    vetoes only up to the 'but'."""
    assert "abuse" in rules.categories(text), rules.vetoes_in(text)
