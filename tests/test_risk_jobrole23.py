"""A worker who meets overdoses at work (JOBROLE, wave 23), and an overdose told with
'yesterday' beside it, whoever is talking: 'I'm a nurse' is no reason to keep it quiet."""

from __future__ import annotations

import pytest

from bot.safety import RiskScreen


@pytest.fixture(scope="module")
def screen() -> RiskScreen:
    return RiskScreen.from_config({})


@pytest.mark.parametrize(
    "text",
    [
        "as a nurse on the detox unit i see overdoses every week, the new protocol is better",
        "jestem ratownikiem medycznym, przy przedawkowaniach pracuję na co dzień",
        "я фельдшер на скорой, хочу знать куда направлять людей после передоза",
        "lucrez ca paramedic si vad overdose aproape in fiecare tura",
        "hospital mein porter hun, A&E mein har raat kisi ka overdose aata hai",
    ],
)
def test_overdoses_met_at_work_get_no_helplines(screen: RiskScreen, text: str) -> None:
    assert screen.categories(text) == set(), screen.hits(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm a nurse and I overdosed yesterday",
        "I'm a nurse and I took an overdose last night",
        "jestem pielęgniarką i wczoraj przedawkowałam",
        "я медсестра, вчера передозировала",
        "as a paramedic I overdosed last night",
    ],
)
def test_a_worker_who_overdosed_gets_the_overdose_advice(screen: RiskScreen, text: str) -> None:
    assert "overdose" in screen.categories(text), screen.vetoes_in(text)
