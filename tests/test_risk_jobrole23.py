"""A worker who meets overdoses at work (JOBROLE, wave 23), and an overdose told with
'yesterday' beside it, whoever is talking: 'I'm a nurse' is no reason to keep it quiet."""

from __future__ import annotations

import pytest

from bot.safety import RiskScreen


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


@pytest.mark.parametrize(
    "text",
    [
        "my husband had the naloxone kit in his bag and hes lying on the kitchen floor not moving",
        "mój mąż leży na podłodze i się nie rusza, mam nalokson",
        "мой муж лежит на полу и не двигается, у меня есть налоксон",
        "my mum swallowed all her sertraline after my dad left, she says she's fine",
        "told my sponsor im fine but ive got the tablets lined up on the bed",
    ],
)
def test_naloxone_at_hand_or_the_pills_swallowed_or_lined_up_get_the_overdose_advice(
    screen: RiskScreen, text: str
) -> None:
    assert "overdose" in screen.categories(text), screen.vetoes_in(text)


def test_a_naloxone_training_about_someone_not_moving_stays_quiet(screen: RiskScreen) -> None:
    text = "at the naloxone training they showed what to do if someone is not moving"
    assert screen.categories(text) == set(), screen.hits(text)
