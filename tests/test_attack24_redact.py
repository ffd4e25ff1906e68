"""Attack24 on this session's redaction (redact24): full names after "my full name is",
phones with digit words between figures, number words, letter O for zero, one's own name
in an introduction, a card's CVV, "flat 3" alone kept.

Written by helper attack24 and run on main 07ac81e against 6a50146 (this session's start).
Strict xfails name the owner (redact24); when a fix makes one pass, the XPASS fails the
run: take its mark off.  ``REGRESSION`` marks a detail hidden on 6a50146 and stored now.

- Leaks (a detail stored in clear):
  1. A flat number WITH its building or street is kept whole now, though 9527f14 says "with
     its street, block, building or postcode it is still one [address]": "we moved to flat 3
     in Ashdown House on Mill Lane", "квартира 12 в доме 5 на Ленина", "mieszkanie 3 w bloku
     przy Polnej 5", "apartamentul 3, blocul B2, strada Florilor", "butas 3, namas 12,
     Gedimino gatvė", "dzīvoklis 3, māja 12, Brīvības iela" (REGRESSION: the flat was
     [address] on 6a50146; the house and street were stored then too).
  2. A digit word between figures in Urdu, Gurmukhi or Gujarati script ('07 نو 11 22 33 44',
     '07 ਨੌ …', '07 નવ …', and in their own digits) is stored whole; Bengali 'নয়' and the
     romanised 'nau'/'nav' are read.  A two-digit word ('07 nine eleven 22 33 44') or a letter
     O before a digit word ('O7 nine 11 22 33 44') too.
  3. A card's security code said in words ("the 3 digits on the back are 123") or spaced
     ("cvv: 1 2 3") after a card.
  4. One's own first name in an introduction that is not "I'm X" (the lead's decision: hidden
     in every language): "this is Kelly", "Kelly here", "hi it's dave", "tu Marek",
     "это Ольга", "sunt eu, Ion", "te Jānis".  ("z tej strony Marek", "čia Tomas", "aqui é o
     Rui", "main Ali bol raha hoon" are hidden: guards.)
- Wrongly removed: in Urdu and Gujarati "I ... am" frames a verb phrase ("hu asha rakhu chu",
  I hope; "main aman chahta hoon", I want peace): a given name that is also a word (Asha
  hope, Aman peace, Shanti peace, Sagar sea) and the verb after it become [name].
"""

from __future__ import annotations

import pytest

from bot.redact import redact


def leak(why: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"owner redact24: stored in clear: {why}")


def removed(why: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"owner redact24: wrongly removed: {why}")


FLAT = (
    "REGRESSION: a flat number with its building or street is kept whole (9527f14 keeps 'flat 3' "
    "alone; it should stay one [address] with its building or street)"
)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        pytest.param(
            "we moved to flat 3 in Ashdown House on Mill Lane",
            "flat 3 in Ashdown",
            id="en-flat-in-house-on-lane",
        ),
        pytest.param(
            "квартира 12 в доме 5 на Ленина",
            "квартира 12 в доме 5",
            id="ru-flat-in-house-5",
        ),
        pytest.param(
            "кв. 12, дом 5 по улице Ленина",
            "кв. 12, дом 5",
            id="ru-kv-dom-ulitsa",
        ),
        pytest.param(
            "mieszkanie 3 w bloku przy Polnej 5",
            "Polnej 5",
            id="pl-flat-in-block-street-5",
        ),
        pytest.param(
            "apartamentul 3, blocul B2, strada Florilor",
            "apartamentul 3, blocul B2",
            id="ro-flat-block-street",
        ),
        pytest.param(
            "butas 3, namas 12, Gedimino gatvė",
            "butas 3, namas 12",
            id="lt-flat-house-street",
        ),
        pytest.param(
            "dzīvoklis 3, māja 12, Brīvības iela",
            "dzīvoklis 3, māja 12",
            id="lv-flat-house-street",
        ),
        # Guards: hidden on main.
        pytest.param("flat 3, 12 Mill Lane", "Mill Lane", id="en-flat-number-street"),
        pytest.param("we live in flat 12 Grenfell Tower", "Grenfell", id="en-flat-tower"),
        pytest.param("mieszkam w mieszkaniu 3, blok 5", "blok 5", id="pl-flat-block"),
        pytest.param("flat 3, Ashdown House, LS6 2AB", "LS6", id="en-flat-house-postcode"),
    ],
)
def test_a_flat_with_its_building_or_street_is_not_stored(text: str, secret: str) -> None:
    assert secret not in redact(text)


WORD = "a digit word in Urdu, Gurmukhi or Gujarati script between figures is not read"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        pytest.param("07 نو 11 22 33 44", "11 22 33 44", id="ur-nau"),
        pytest.param("۰۷ نو ۱۱ ۲۲ ۳۳ ۴۴", "۱۱ ۲۲ ۳۳ ۴۴", id="ur-nau-urdu-digits"),
        pytest.param("07 ਨੌ 11 22 33 44", "11 22 33 44", id="pa-nau"),
        pytest.param("੦੭ ਨੌ ੧੧ ੨੨ ੩੩ ੪੪", "੧੧ ੨੨ ੩੩ ੪੪", id="pa-own-digits"),
        pytest.param("07 નવ 11 22 33 44", "11 22 33 44", id="gu-nav"),
        pytest.param("૦૭ નવ ૧૧ ૨૨ ૩૩ ૪૪", "૧૧ ૨૨ ૩૩ ૪૪", id="gu-own-digits"),
        pytest.param("میرا نمبر 07 نو 11 22 33 44 ہے", "07 نو", id="ur-number-07-nau"),
        pytest.param("ਮੇਰਾ ਨੰਬਰ 07 ਨੌ 11 22 33 44 ਹੈ", "07 ਨੌ", id="pa-number-07-nau"),
        pytest.param(
            "07 nine eleven 22 33 44",
            "22 33 44",
            id="en-nine-eleven",
        ),
        pytest.param(
            "O7 nine 11 22 33 44",
            "11 22 33 44",
            id="en-letter-o-then-nine",
        ),
        # Guards: hidden on main.
        pytest.param("07 নয় 11 22 33 44", "11 22 33 44", id="bn-noy"),
        pytest.param("মোবাইল ০৭ নয় ১১ ২২ ৩৩ ৪৪", "১১ ২২", id="bn-noy-bengali-digits"),
        pytest.param("07 nau 11 22 33 44", "11 22 33 44", id="ur-rom-nau"),
        pytest.param("07 nav 11 22 33 44", "11 22 33 44", id="gu-rom-nav"),
        pytest.param("07 tis3a 11 22 33 44", "11 22 33 44", id="ar-rom-tis3a"),
        pytest.param("07 تسعة 11 22 33 44", "11 22 33 44", id="ar-tis3a"),
        pytest.param("07 sagaal 11 22 33 44", "11 22 33 44", id="so-sagaal"),
        pytest.param("07 dziewięć 11 22 33 44", "11 22 33 44", id="pl-dziewiec"),
        pytest.param("07 девять 11 22 33 44", "11 22 33 44", id="ru-devyat"),
        pytest.param("07 nouă 11 22 33 44", "11 22 33 44", id="ro-noua"),
        pytest.param("07 devyni 11 22 33 44", "11 22 33 44", id="lt-devyni"),
        pytest.param("07 deviņi 11 22 33 44", "11 22 33 44", id="lv-devini"),
        pytest.param("07 nove 11 22 33 44", "11 22 33 44", id="pt-nove"),
        pytest.param(
            "maro number shunya saat nav ek ek be be tran tran chaar chaar",
            "ek ek",
            id="gu-rom-words",
        ),
        pytest.param("+44 7OO9 123456", "123456", id="en-letter-o-in-country-code"),
    ],
)
def test_a_phone_with_a_digit_word_is_not_stored(text: str, secret: str) -> None:
    assert secret not in redact(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        pytest.param(
            "card 4111111111111111, the 3 digits on the back are 123",
            "123",
            id="en-digits-on-the-back",
        ),
        pytest.param(
            "card 4111 1111 1111 1111 cvv: 1 2 3",
            "1 2 3",
            id="en-cvv-spaced",
        ),
        # Guards: hidden on main.
        pytest.param("visa 4111 1111 1111 1111 cvc 321", "321", id="en-cvc"),
        pytest.param("card 4111 1111 1111 1111 exp 04/27 cvv2 456", "456", id="en-cvv2"),
        pytest.param(
            "card 4111 1111 1111 1111 expiry 04/27 security code 123", "123", id="en-security"
        ),
    ],
)
def test_a_cards_security_code_is_not_stored(text: str, secret: str) -> None:
    assert secret not in redact(text)


INTRO = "one's own first name in an introduction other than 'I'm X' (the lead's decision)"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        pytest.param("this is Kelly, thanks for everything", "Kelly", id="en-this-is"),
        pytest.param("Kelly here, just wanted to say thanks", "Kelly", id="en-x-here"),
        pytest.param("hi it's dave, the group was good", "dave", id="en-its"),
        pytest.param("hi, Dave speaking, the group was good", "Dave", id="en-speaking"),
        pytest.param("tu Marek, dziękuję za wszystko", "Marek", id="pl-tu"),
        pytest.param("это Ольга, спасибо", "Ольга", id="ru-eto"),
        pytest.param("sunt eu, Ion", "Ion", id="ro-sunt-eu"),
        pytest.param("te Jānis, paldies", "Jānis", id="lv-te"),
        # Guards: hidden on main.
        pytest.param("z tej strony Marek", "Marek", id="pl-z-tej-strony"),
        pytest.param("čia Tomas, ačiū", "Tomas", id="lt-cia"),
        pytest.param("aqui é o Rui, obrigado", "Rui", id="pt-aqui-e-o"),
        pytest.param("main Ali bol raha hoon", "Ali", id="ur-rom-bol-raha"),
        pytest.param("ami Rahim bolchi", "Rahim", id="bn-rom-bolchi"),
        pytest.param("hu Ramesh bolu chu", "Ramesh", id="gu-rom-bolu"),
        pytest.param("ana Mohammad, shukran", "Mohammad", id="ar-rom-ana"),
        pytest.param("anigu waa Cali", "Cali", id="so-anigu-waa"),
        pytest.param("mera poora naam ali raza hai", "raza", id="ur-rom-poora-naam"),
        pytest.param("magacayga oo buuxa waa cali xasan", "xasan", id="so-oo-buuxa"),
    ],
)
def test_ones_own_name_in_an_introduction_is_not_stored(text: str, secret: str) -> None:
    assert secret not in redact(text)


FRAME = (
    "'I ... am' in Urdu/Gujarati frames a verb phrase: a given name that is also a word (Asha "
    "hope, Aman/Shanti peace, Sagar sea) and the verb after it become [name]"
)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        pytest.param(
            "હું આશા રાખું છું કે ગ્રુપ ચાલુ રહેશે",
            "આશા રાખું",
            id="gu-i-hope-the-group-goes-on",
        ),
        pytest.param(
            "hu asha rakhu chu ke group chalu rahe",
            "asha rakhu",
            id="gu-rom-i-hope-the-group-goes-on",
        ),
        pytest.param("હું શાંતિ ઇચ્છું છું", "શાંતિ ઇચ્છું", id="gu-i-want-peace"),
        pytest.param(
            "main aman chahta hoon bas",
            "aman chahta",
            id="ur-rom-i-just-want-peace",
        ),
        pytest.param(
            "main sagar kinare jata hoon",
            "sagar kinare jata",
            id="ur-rom-i-go-to-the-seaside",
        ),
        # Guards: kept on main.
        pytest.param("আমি আশা করি গ্রুপটা চলবে", "আশা করি", id="bn-i-hope"),
        pytest.param("ਮੈਂ ਆਸ ਰੱਖਦੀ ਹਾਂ", "ਆਸ ਰੱਖਦੀ", id="pa-i-hope"),
        pytest.param("main umeed karti hoon ke group chalta rahe", "umeed", id="ur-rom-i-hope"),
        pytest.param("hu prem karu chu aa group ne", "prem", id="gu-rom-i-love"),
        pytest.param("my worker Priya was great", "Priya", id="en-someone-elses-name"),
        pytest.param("I called Samaritans on 116 123 and they helped", "116 123", id="en-helpline"),
        pytest.param("HMP Wandsworth was rough, then HMP Pentonville", "Wandsworth", id="en-hmp"),
        pytest.param("methadone 60 ml then seventy then 80 ml now", "seventy", id="en-doses"),
        pytest.param("took 2 then nine then 11 pills over the day", "nine then 11", id="en-count"),
        pytest.param("she rang at 9 and eleven, then 12 times", "eleven, then 12", id="en-times"),
        pytest.param("I have been clean since 2OO9", "2OO9", id="en-year-with-letter-o"),
        pytest.param("room 101 and room 1O2", "1O2", id="en-room-with-letter-o"),
        pytest.param("I'm Kelly's mum, she's doing better", "Kelly", id="en-someone-elses-mum"),
    ],
)
def test_everyday_words_after_i_are_kept(text: str, kept: str) -> None:
    assert kept in redact(text)


FAMOUS = (
    "REGRESSION (7505c53): a famous name's case-ending match takes any given name that starts "
    "with its first letters ('Mac' Miller: Matt, Mary, Maria; 'Joe' Wicks: Josh, John, Jodie; "
    "'Roy' Keane: Ross; 'Ant' McPartlin: Andy; Małysz: Małyszek), so a real person is stored"
)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        pytest.param(
            "Matt Miller owes me money and threatens me",
            "Miller",
            id="en-matt-miller",
        ),
        pytest.param("Mary Miller sold me pills", "Miller", id="en-mary-miller"),
        pytest.param(
            "Maria Miller from the flats helped me",
            "Miller",
            id="en-maria-miller",
        ),
        pytest.param(
            "Josh Wicks from the estate threatened me",
            "Wicks",
            id="en-josh-wicks",
        ),
        pytest.param(
            "John Wicks from the estate threatened me",
            "Wicks",
            id="en-john-wicks",
        ),
        pytest.param(
            "Ross Keane from the estate threatened me",
            "Keane",
            id="en-ross-keane",
        ),
        pytest.param(
            "Andy McPartlin from the estate threatened me",
            "McPartlin",
            id="en-andy-mcpartlin",
        ),
        pytest.param(
            "Adam Małyszek z bloku mnie bije",
            "Małyszek",
            id="pl-adam-malyszek",
        ),
        # Guards: hidden on main.
        pytest.param("Mariusz Miller z bloku mnie bije", "Miller", id="pl-mariusz-miller"),
        pytest.param("Anna Lewandowska z bloku mnie bije", "Lewandowska", id="pl-lewandowska"),
        pytest.param("Ali Khan next door threatens my mum", "Khan", id="en-ali-khan"),
    ],
)
def test_a_neighbour_whose_name_looks_like_a_famous_one_is_not_stored(
    text: str, secret: str
) -> None:
    assert secret not in redact(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("I listened to Amy Winehouse and it helped", "Amy Winehouse"),
        # (redact24: "Krzysztof Krawczyk" is left off the list: both names are common in Poland.)
        ("oglądałem skoki Adama Małysza", "Małysza"),
        ("Russell Brand's book helped me", "Russell Brand"),
    ],
)
def test_a_famous_name_that_helped_is_kept(text: str, kept: str) -> None:
    assert kept in redact(text)


SPLIT = "a phone said in two parts after a phone word, joined by other words than 'then'/'and'"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        pytest.param(
            "my number is 07911 followed by 123456",
            "123456",
            id="en-followed-by",
        ),
        pytest.param("my number 07911 after that 123 456", "123 456", id="en-after-that"),
        pytest.param(
            "my number 07911 then 123 then 456",
            "07911",
            id="en-three-parts",
        ),
        # Guards: hidden on main (b5effa0).
        pytest.param("my number 07911 and then 123456", "123456", id="en-and-then"),
        pytest.param("numer 07911 i 123456", "123456", id="pl-i"),
        pytest.param("номер 8916 и 1234567", "8916", id="ru-i"),
        pytest.param("my number is 07911 then 123456, call after 5", "07911", id="en-then"),
    ],
)
def test_a_phone_said_in_parts_is_not_stored(text: str, secret: str) -> None:
    assert secret not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "my number of cans went from 8 then 10 a day",
        "the number of pills 20 then 30 a week",
        "my number on the waiting list was 45 then 30 then 12",
        "mera number 3 phir 4 aaya list mein",
        "call the number 0300 123 6600 then 111",
        "my methadone number went from 60 then 80 ml",
    ],
)
def test_counts_after_the_word_number_are_kept(text: str) -> None:
    assert redact(text) == text


HOUSE = (
    "missed on 6a50146 too: a house number with its street said with the house word first "
    "('дом 5 по улице', 'namas 12, … gatvė', 'māja 12, … iela'), or a flat 'of' a building"
)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        pytest.param("дом 5 по улице Ленина", "дом 5", id="ru-dom-ulitsa"),
        pytest.param("namas 12, Gedimino gatvė", "namas 12", id="lt-namas-gatve"),
        pytest.param("māja 12, Brīvības iela", "māja 12", id="lv-maja-iela"),
        pytest.param(
            "I'm in flat 7 of Nelson Court now",
            "flat 7 of Nelson",
            id="en-flat-of-court",
        ),
        # Guards: hidden on main.
        pytest.param("I live at no. 12, Mill Lane", "Mill Lane", id="en-no-12"),
        pytest.param("живу на улице Ленина, дом 5", "дом 5", id="ru-ulitsa-dom"),
        pytest.param("Gedimino gatvė 12", "Gedimino", id="lt-gatve-12"),
    ],
)
def test_a_house_with_its_street_is_not_stored(text: str, secret: str) -> None:
    assert secret not in redact(text)


WORDNAME = (
    "missed on 6a50146 too: a full name whose given name is also a word (Mark, Max, Robin, "
    "Amber), capitalised, before a surname, is stored"
)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        pytest.param(
            "Mark Miller keeps coming round to sell me gear",
            "Miller",
            id="en-mark-miller",
        ),
        pytest.param(
            "Max Miller from the estate threatened me",
            "Miller",
            id="en-max-miller",
        ),
        pytest.param(
            "Robin Keane from the estate threatened me",
            "Keane",
            id="en-robin-keane",
        ),
        pytest.param(
            "Amber Macdonald lives next door and shouts at my kids",
            "Macdonald",
            id="en-amber-macdonald",
        ),
    ],
)
def test_a_full_name_whose_given_name_is_a_word_is_not_stored(text: str, secret: str) -> None:
    assert secret not in redact(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        pytest.param(
            "this is Narcotics Anonymous, it helps",
            "Narcotics Anonymous",
            id="en-this-is-a-service",
        ),
        pytest.param(
            "this is Mill Lane, the old site, it was better",
            "Mill Lane",
            id="en-this-is-a-site",
        ),
        # Guards: kept on main.
        pytest.param("this is Tuesday, the group day", "Tuesday", id="en-this-is-a-day"),
        pytest.param("Priya here was so kind to me", "Priya", id="en-someone-else-here"),
        pytest.param("this is Priya's group and she's great", "Priya", id="en-someones-group"),
        pytest.param("we are 10 eleven 12 people in the group", "10 eleven 12", id="en-count"),
        pytest.param("my kids are 7 nine 11 and 13", "7 nine 11", id="en-ages"),
        pytest.param(
            "clean 11 months, nine days, 22 hours and 33 minutes", "22 hours", id="en-durations"
        ),
    ],
)
def test_what_follows_this_is_or_here_is_kept_when_it_is_no_one(text: str, kept: str) -> None:
    assert kept in redact(text)


# REGRESSION of 1f5fce6 (a surname that is a place word made "this is Kelly Hill" a place),
# and full names with such a surname anywhere: mended by redact24 at 23:15; these guard it.


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        pytest.param(
            "this is Kelly Hill, thanks for everything",
            "Hill",
            id="en-this-is-kelly-hill",
        ),
        pytest.param(
            "this is Kelly Green, thanks for everything",
            "Green",
            id="en-this-is-kelly-green",
        ),
        pytest.param(
            "it's Tom Hall here, the group was good",
            "Hall",
            id="en-its-tom-hall",
        ),
        pytest.param("this is Sarah Church, thanks", "Church", id="en-sarah-church"),
        pytest.param(
            "this is Kevin Frank, my keyworker was rude",
            "Frank",
            id="en-kevin-frank",
        ),
        pytest.param(
            "John Lane from the estate threatened me",
            "Lane",
            id="en-john-lane",
        ),
        pytest.param("Sarah Green sold me pills", "Green", id="en-sarah-green"),
        pytest.param("Kelly Hill, 14 Mill Lane", "Kelly Hill", id="en-name-address"),
        pytest.param("thanks, Kelly Hill", "Hill", id="en-signoff-hill"),
        # Guards: hidden on main.
        pytest.param("I'm Kelly Green and I want to complain", "Green", id="en-im-kelly-green"),
        pytest.param("my name is Tom Hall", "Hall", id="en-my-name-is-tom-hall"),
    ],
)
def test_a_name_whose_surname_is_a_place_word_is_not_stored(text: str, secret: str) -> None:
    assert secret not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "sab mujhe nashai kehte hain, is liye main group nahi jaata",
        "سب مجھے نشئی کہتے ہیں",
        "ਲੋਕ ਮੈਨੂੰ ਨਸ਼ੇੜੀ ਕਹਿੰਦੇ ਹਨ",
        "lok mainu nasheri kehnde ne",
        "લોકો મને દારૂડિયો કહે છે",
        "loko mane daarudiyo kahe che",
        "সবাই আমাকে নেশাখোর বলে",
        "sobai amake matal bole",
        "they call me a junkie at the chemist",
    ],
)
def test_what_people_call_me_is_kept_when_it_is_no_name(text: str) -> None:
    """07012b4 reads a name inside 'they call me …'; a slur it reports is the feedback."""
    assert redact(text) == text
