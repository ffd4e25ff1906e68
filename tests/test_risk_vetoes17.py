"""Wave 17 (issue 12): near-misses blind batch 8 found the rules firing on, kept quiet in the
ways people write them, and disclosures in the forms the lexicons lacked.

- A screening question answered "no" ("the nurse asked if I have suicidal thoughts, I said
  no"): the denial vetoes the question before it, never what follows it, nor a denial the
  person then says was a lie, nor anything about abuse ("even though I said no").
- A TV programme, series or play about domestic violence, like a film or a documentary.
- Gujarati, Arabic, Russian and Lithuanian words in the inflected and spoken forms people
  use. The sentences below are written for these tests, not taken from any corpus.
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
        "my gp asked whether i ever think about suicide and i said no, which is true",
        "lekarz zapytał czy myślę o samobójstwie, powiedziałam że nie, naprawdę jest ok",
        "psichologė klausė apie savižudiškas mintis, atsakiau ne",
        "врач спросил, были ли мысли о суициде, я ответил нет",
        "a médica perguntou se penso em suicídio, respondi que não",
        "doctora m-a întrebat dacă am gânduri de sinucidere, am spus nu",
        "ڈاکٹر نے خودکشی کے بارے میں پوچھا، میں نے کہا نہیں",
        "ડૉક્ટરે આત્મહત્યા વિશે પૂછ્યું, મેં ના પાડી",
        "ডাক্তার আত্মহত্যার কথা জিজ্ঞেস করল, আমি না বললাম",
        "الدكتور سألني عن الانتحار، قلتله لا",
    ],
)
def test_a_screening_question_answered_no_is_not_signposted(screen: RiskScreen, text: str) -> None:
    assert screen.hits(text) == [], screen.hits(text)


@pytest.mark.parametrize(
    "text",
    [
        "the nurse asked about suicide and i said no but i lied, i think about it every day",
        "she asked if i had thoughts of suicide, i said no, but tonight i want to die",
        "he raped me at the party even though i said no",
        "врач спросил про суицид, я сказала нет, но соврала",
        "I said no to the drink and then swallowed all my tablets",
    ],
)
def test_a_denial_never_hides_what_follows_or_a_lie(screen: RiskScreen, text: str) -> None:
    assert screen.hits(text), text


@pytest.mark.parametrize(
    "text",
    [
        "watched a tv programme about domestic violence last night, really well done",
        "vakar žiūrėjau laidą apie smurtą šeimoje",
        "вчера смотрел сериал про домашнее насилие",
        "ઘરેલુ હિંસા પર સિરિયલ જોઈ",
        "شفت مسلسل عن العنف الاسري امبارح",
        "ziņās stāstīja par pārdozēšanu",
        "filim ku saabsan is dilka ayaan daawaday xalay",
        "смотрели кино про самоубийство в клубе",
    ],
)
def test_a_programme_or_series_about_it_is_not_signposted(screen: RiskScreen, text: str) -> None:
    assert screen.hits(text) == [], screen.hits(text)


@pytest.mark.parametrize(
    "text",
    [
        "કાલે રાત્રે પુલ પરથી નદીમાં કૂદી પડીશ",
        "મારો ભાઈ કહે છે કે એ પોતાનો જીવ લઈ લેશે",
        "બધી ગોળીઓ ગળી ગઈ, આખું પત્તું",
        "هو بيحبسني بالبيت كل يوم",
        "جوزي هددني بالسكينة",
        "мама сказала что покончит с собой",
        "лягу на рельсы сегодня ночью",
        "noriu tiesiog numirt",
        "esu visiems nereikalingas",
        "gribu nomirt jau daudzus gadus",
    ],
)
def test_inflected_and_spoken_forms_are_signposted(screen: RiskScreen, text: str) -> None:
    assert screen.hits(text), text


def test_self_harm_not_done_for_years_in_somali_is_not_signposted(screen: RiskScreen) -> None:
    assert (
        screen.hits("waxaan is jari jiray, laakiin 5 sano ma samayn, hadda waan fiicanahay") == []
    )
