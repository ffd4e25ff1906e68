"""Older vetoes that kept a disclosure quiet, mended by their general cause (wave 23).

- DOC held 'survey' and 'questionnaire': in a bot that IS a survey, what is typed into it
  is no talk about a leaflet.  (A veto for what a form asks about was tried and dropped: it
  kept the answer quiet, "they asked if I was suicidal. I am.", tests/test_attack23_risk.py;
  so talk about the survey's questions is signposted, the cheaper mistake.)
- FIGURE held 'bored' (bored to death): it silenced 'bored of living, I want to die' too.
  A LIVE word lifts it.  ('bored' as a TIRED word was tried and dropped: "bored of it all
  in the waiting room", attack23.)
- JOKE held laughter after a beating ('he beats me haha'): nervous laughter is no joke
  when a VIOLENCE word is told; the joke is 'she'll kill me if I forget the milk lol'.
- 'Safe in the refuge, but he found it and is outside': REFUGE and FOUNDOUT, a danger now
  after a safety that was real.
"""

from __future__ import annotations

import pytest

from bot.safety import RiskScreen


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("i'm filling in this survey because i want to die", "suicide"),
        ("this survey is pointless, I'll be dead before anything changes", "suicide"),
        ("yeh survey bekaar hai, main marna chahta hoon", "suicide"),
        ("я заполняю эту анкету, потому что хочу умереть", "suicide"),
        ("estou a preencher este questionário porque quero morrer", "suicide"),
        ("I'm so bored of living, I want to die", "suicide"),
        ("bored of living, what's the point", "suicide"),
        ("I forgot to mention he beats me haha", "abuse"),
        ("zapomniałam powiedzieć, mąż mnie bije codziennie haha", "abuse"),
        ("main bhool gayi batana, shohar roz marta hai hahaha", "abuse"),
        ("муж бьёт меня каждый день хаха", "abuse"),
        ("o marido bate-me todos os dias kkk", "abuse"),
        ("I'm safe in the refuge but he's outside", "abuse"),
        ("teraz jestem bezpieczna w schronisku, ale on znalazł adres i stoi pod drzwiami", "abuse"),
        ("теперь я в безопасности в убежище, но он нашёл адрес и стоит под дверью", "abuse"),
        ("agora estou segura na casa abrigo, mas ele descobriu a morada e está lá fora", "abuse"),
        ("ab mehfooz hoon shelter mein, lekin usne pata dhoond liya aur bahar khada hai", "abuse"),
        # A question asked, and a lie or a now after it.
        ("the survey asked if I'd ever overdosed, I did last night", "overdose"),
    ],
)
def test_a_disclosure_the_old_vetoes_kept_quiet_is_signposted(
    screen: RiskScreen, text: str, category: str
) -> None:
    assert category in screen.categories(text), screen.vetoes_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "bored to death in the waiting room",
        "bored of the groups, same thing every week",
        "my wife will kill me if I forget the bread lol",
        "my mum will batter me if I'm late haha",
        "the refuge is lovely, the staff are outside having a smoke",
    ],
)
def test_what_the_vetoes_are_for_stays_quiet(screen: RiskScreen, text: str) -> None:
    assert screen.categories(text) == set(), screen.hits(text)
