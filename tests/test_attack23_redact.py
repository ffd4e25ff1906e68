"""Attack23 on this session's redaction (redact23): full names found by a given name,
surname first, lower case, signatures; cards and accounts in odd layouts; spoken dates and
phones.

Written by helper attack23 and run on main 1d70713 and 0564ff6 against 9341294 (this
session's start).  Strict xfails name the owner (redact23); when a fix makes one pass, the
XPASS fails the run: take its mark off.  (redact23 fixed all 32 by 21:00 UTC; the marks are off.)

- Leaks (a detail stored in clear): a lower-case signature or self-introduction in English
  and Romanian ("i'm dave smith", "cu drag, ion popescu"), a hyphenated or O' surname in
  lower case, "Smith, John", a Polish upper-case surname before 'Jan'; a card said in words;
  an IBAN with dashes; a Russian account in its printed groups; a birth date said in words
  with the year in digits keeps the year; "treble one" in a phone.
- Wrongly removed: a service's acronym before a first name ("DWP Kevin", "CGL Sarah",
  "w MOPS Kasia", "la DGASPC Maria") is taken for SURNAME Given: the service AND the first
  name are lost from the feedback; first names listed without commas ("thanks to Sarah Tom
  and Kasia").  (A first name alone after 'jestem' / 'sou o', "jestem marek i dziękuję",
  "sou o rui", was kept here; the lead decided on 30 Nov that one's own name given in an
  introduction is hidden in any case: tests/test_redact24.py holds those lines now.)
"""

from __future__ import annotations

import pytest

from bot.redact import redact


def leak(why: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"owner redact23: stored in clear: {why}")


def removed(why: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"owner redact23: wrongly removed: {why}")


LOWER = "a lower-case full name after 'I'm' / a sign-off is read in pl ru pt lt lv so ur bn only"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        pytest.param("i'm dave smith", "smith", id="en-im-lower"),
        pytest.param("i am dave smith and i drink", "smith", id="en-i-am-lower"),
        pytest.param("cu drag, ion popescu", "popescu", id="ro-signoff-lower"),
        pytest.param(
            "cheers, dave o'brien",
            "brien",
            id="en-signoff-obrien-lower",
        ),
        pytest.param(
            "thanks from anna kowalska-nowak",
            "kowalska",
            id="pl-hyphenated-lower",
        ),
        pytest.param(
            "Smith, John was my worker",
            "Smith",
            id="en-surname-comma-given",
        ),
        pytest.param(
            "KOWALSKI Jan pomógł",
            "KOWALSKI",
            id="pl-upper-surname-jan",
        ),
        pytest.param(
            "my card four one one one one one one one one one one one one one one one",
            "four one one one one one",
            id="en-card-in-words",
        ),
        pytest.param(
            "IBAN GB29-NWBK-6016-1331-9268-19",
            "6016-1331",
            id="en-iban-dashes",
        ),
        pytest.param(
            "номер счёта 40817 810 0 9999 1234567",
            "1234567",
            id="ru-account-printed-groups",
        ),
        pytest.param(
            "my date of birth is the third of May 1990",
            "1990",
            id="en-dob-words-year-digits",
        ),
        pytest.param(
            "my number is zero seven double nine one, treble one, four five six",
            "treble one",
            id="en-phone-treble",
        ),
        # Given names with surnames the lists and particles do not know.
        pytest.param(
            "Laima Bērziņa man palīdzēja",
            "Bērziņa",
            id="lv-laima-berzina",
        ),
        pytest.param(
            "rina begum amake sahajjo korechen",
            "begum",
            id="bn-rom-begum",
        ),
        pytest.param(
            "নিলুফার বেগম আমাকে সাহায্য করেছেন",
            "বেগম",
            id="bn-begum",
        ),
        pytest.param(
            "نیلوفر بیگم نے مدد کی",
            "بیگم",
            id="ur-begum",
        ),
        pytest.param(
            "નિલેશ શાહે મદદ કરી",
            "શાહે",
            id="gu-shah-ergative",
        ),
        pytest.param(
            "فاطمة حداد ساعدتني كتير",
            "حداد",
            id="ar-fatima-haddad",
        ),
        pytest.param(
            "Amal El Khatib helped me",
            "Khatib",
            id="ar-lat-el-khatib",
        ),
        # Guards this session's slices made hold: they leaked on 9341294.
        pytest.param("pozdrawiam, kasia nowak", "nowak", id="pl-signoff-lower"),
        pytest.param("с уважением, олег смирнов", "смирнов", id="ru-signoff-lower"),
        pytest.param("pagarbiai, jonas petraitis", "petraitis", id="lt-signoff-lower"),
        pytest.param("shukriya, farhan ali", "farhan ali", id="ur-rom-signoff-lower"),
        pytest.param("СМИРНОВ Олег помог", "СМИРНОВ", id="ru-upper-surname-first"),
        pytest.param("o João da Silva ajudou-me", "Silva", id="pt-particle"),
        pytest.param("ساعدني محمد عبد الله", "عبد الله", id="ar-abd"),
        pytest.param("રમેશ પટેલ એ મદદ કરી", "પટેલ", id="gu-script"),
        pytest.param("iban gb29nwbk60161331926819", "60161331", id="en-iban-lower-run"),
        pytest.param("mój numer konta 61 1090 1014 0000 0712 1981 2874", "0712 1981", id="pl-nrb"),
        pytest.param(
            "amar number shunno shaat sho ekanobboi, ek sho teish, char sho chappanno",
            "ekanobboi",
            id="bn-rom-phone-hundreds",
        ),
        pytest.param("data urodzenia trzeci maja dziewięćdziesiątego", "maja", id="pl-dob"),
    ],
)
def test_a_detail_is_not_stored_in_clear(text: str, secret: str) -> None:
    assert secret not in redact(text)


ACRONYM = "an upper-case service acronym before a first name is read as SURNAME Given"
LIST = "first names listed without commas are read as a full name"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("DWP Kevin was rude on the phone", id="en-dwp"),
        pytest.param("CGL Sarah helped me a lot", id="en-cgl"),
        pytest.param("CAB Tom sorted my benefits", id="en-cab"),
        pytest.param("w MOPS Kasia mi pomogła", id="pl-mops"),
        pytest.param("la DGASPC Maria m-a ajutat", id="ro-dgaspc"),
        pytest.param("thanks to Sarah Tom and Kasia", id="en-list"),
        pytest.param("Tom Sarah and Kasia run the group", id="en-list-2"),
        pytest.param(
            "ADFAM Sarah helped my mum",
            id="en-adfam",
        ),
        pytest.param(
            "NACRO Kevin helped me with housing",
            id="en-nacro",
        ),
        pytest.param(
            "OASIS Kasia runs the women's group",
            id="en-oasis",
        ),
        pytest.param(
            "the Marie Curie nurses looked after my mum",
            id="en-marie-curie-nurses",
        ),
        pytest.param("I volunteer at the Sue Ryder shop", id="en-sue-ryder"),
        pytest.param("I was in HMP Low Newton for two years", id="en-hmp-low-newton"),
        pytest.param("the Nelson Trust helped me after prison", id="en-nelson-trust"),
        # Guards that hold on main.
        pytest.param("GP Sarah was kind", id="en-gp"),
        pytest.param("NHS Sarah on the phone was kind", id="en-nhs"),
        pytest.param("в ЦСО Оля мне помогла", id="ru-cso"),
        pytest.param("thanks to Sarah, Tom and Kasia", id="en-list-commas"),
        pytest.param("I'm grace and I'm grateful", id="en-im-grace"),
        pytest.param("Ali bhai bahut ache hain", id="ur-rom-bhai"),
        pytest.param("জামাল ভাই খুব ভালো", id="bn-bhai"),
        pytest.param("كلمت أحمد الممرض وكان لطيف", id="ar-ahmad-the-nurse"),
        pytest.param("Frank 0300 123 6600 helped me", id="en-frank"),
        pytest.param("I've been clean 1618 days, £12.50 a week on the bus", id="en-counts"),
        pytest.param("we paid seven hundred pounds, one hundred and twenty three came", id="en-n"),
        pytest.param("saat sau rupaye diye, ek sau teis log the group mein", id="ur-rom-n"),
        pytest.param("on the third of March I was born again when I got clean", id="en-reborn"),
        pytest.param("the staff at Grace Court hostel are kind", id="en-grace-court"),
    ],
)
def test_everyday_feedback_is_stored_as_typed(text: str) -> None:
    assert redact(text) == text
