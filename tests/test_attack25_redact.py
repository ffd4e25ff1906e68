"""Attack25 on this session's redaction (redact25: e0f89c5, 028ed1a and later slices).

Every sentence was written for this file by helper attack25 and run on main against 3a500f1
(this session's start).  Strict xfails name the owner (redact25); when a fix makes one pass,
the XPASS fails the run: take its mark off.  ``REGRESSION`` marks a detail hidden on 3a500f1
and stored now (or a word kept then and removed now).

What goes wrong, in general form:

1. REGRESSION, stored: one's own first name in an introduction is kept when ANY role or
   relation follows it, even as the subject of a new clause ("Hi, this is Sarah, my
   keyworker told me to fill this in", "Hey it's Jodie, my mum has been ill", "это Ольга,
   моя мама больна", "z tej strony Marek, mój terapeuta kazał…", "sunt eu, Ion, mama mea e
   bolnavă").  028ed1a's ``_SOMEONE_ELSE`` reads "my keyworker told me" as an apposition;
   only a role that ENDS the phrase ("this is Sarah, my keyworker.") presents someone else.
   "z tej strony", "sunt eu" ("it's me") and "she/her" never present someone else.
2. REGRESSION, removed: a word after an email that spells a top-level domain ("It", "so",
   "me", "in", "Co") is swallowed into [email] by e0f89c5's loose ending: "I'll email
   info@wdp.org.uk. It's quicker" → "[email]'s quicker".
3. REGRESSION, removed: an amount after an insurance word is read as an NI number ("seguro
   de 120 000 por ano", "ubezpieczenie za 120 000 zł", "asigurarea costă de la 120 000
   lei"): a two-letter word before six digits passes for a prefix when a cue is near.
4. Stored: a handle starting with a digit after a platform word, when it has no "_" or "."
   after its letters ("my instagram is 007jo", "snap 4everjo") or an "_" straight after its
   digits ("ig: 1_and_only_kev", "snap: 123_jo"); "add me @ 4ever_jo" with a space.
5. Stored: a phone split by "then" with a dot, a dash or an ellipsis before it, "plus",
   a typo "than", or "last 6 are".
"""

from __future__ import annotations

import pytest

from bot.redact import redact


def leak(why: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"owner redact25: stored in clear: {why}")


def removed(why: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"owner redact25: wrongly removed: {why}")


OWN_NAME_PREP = (
    "REGRESSION: one's own name kept when the role that starts a new clause has a place after "
    "it ('my keyworker at Turning Point told me'): 675462a takes 'at'/'z'/'из' as the end "
    "of an apposition"
)
OWN_NAME = (
    "REGRESSION: one's own name kept when a role or relation starts a new clause after it "
    "(_SOMEONE_ELSE reads 'my keyworker told me' as an apposition)"
)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        pytest.param(
            "Hi, this is Sarah, my keyworker told me to fill this in",
            "Sarah",
            id="en-this-is-keyworker-told-me",
        ),
        pytest.param(
            "Hey it's Jodie, my mum has been ill",
            "Jodie",
            id="en-its-mum-has-been-ill",
        ),
        pytest.param(
            "this is Kelly, the doctor never listens",
            "Kelly",
            id="en-this-is-the-doctor-never-listens",
        ),
        pytest.param(
            "hi its Sarah - my worker asked me to write this",
            "Sarah",
            id="en-its-dash-worker-asked-me",
        ),
        pytest.param(
            "this is Kelly, she/her",
            "Kelly",
            id="en-this-is-pronouns",
        ),
        pytest.param(
            "это Ольга, моя мама больна",
            "Ольга",
            id="ru-eto-mama-bolna",
        ),
        pytest.param(
            "z tej strony Marek, mój terapeuta kazał mi to napisać",
            "Marek",
            id="pl-z-tej-strony-terapeuta-kazal",
        ),
        pytest.param(
            "čia Tomas, mano mama serga",
            "Tomas",
            id="lt-cia-mama-serga",
        ),
        pytest.param(
            "šeit Jānis, mana mamma ir slima",
            "Jānis",
            id="lv-seit-mamma-slima",
        ),
        pytest.param(
            "sunt eu, Ion, mama mea e bolnavă",
            "Ion",
            id="ro-sunt-eu-mama-bolnava",
        ),
        pytest.param(
            "aqui é a Rita, a minha filha está doente",
            "Rita",
            id="pt-aqui-e-filha-doente",
        ),
        pytest.param(
            "Hi, this is Sarah, my keyworker at Turning Point told me to fill this in",
            "Sarah",
            id="en-keyworker-at-place-told-me",
        ),
        pytest.param(
            "это Ольга, мой куратор из центра сказал написать",
            "Ольга",
            id="ru-kurator-iz-centra-skazal",
        ),
        pytest.param(
            "tu Marek, mój terapeuta z ośrodka kazał mi to napisać",
            "Marek",
            id="pl-terapeuta-z-osrodka-kazal",
        ),
        pytest.param(
            "šeit Jānis, mans konsultants no centra teica rakstīt",
            "Jānis",
            id="lv-konsultants-no-centra-teica",
        ),
        pytest.param(
            "čia Tomas, mano konsultantas iš centro liepė parašyti",
            "Tomas",
            id="lt-konsultantas-is-centro-liepe",
        ),
        pytest.param(
            "aqui é a Rita, a minha técnica do centro disse para escrever",
            "Rita",
            id="pt-tecnica-do-centro-disse",
        ),
        # Guards: still hidden on main (a sentence break, "I'm", "here").
        pytest.param(
            "Hi this is Sarah. My keyworker told me to do this", "Sarah", id="en-guard-full-stop"
        ),
        pytest.param("I'm Sarah, my keyworker told me to fill this in", "Sarah", id="en-guard-im"),
        pytest.param("Kelly here, my worker Jo is lovely", "Kelly", id="en-guard-here"),
        pytest.param("ami Rahim, amar ma osustho", "Rahim", id="bn-guard-ami"),
    ],
)
def test_ones_own_name_in_an_introduction_is_not_stored(text: str, secret: str) -> None:
    assert secret not in redact(text)


def test_someone_elses_name_presented_by_role_stays() -> None:
    """The case 028ed1a mended, kept as a guard: the role ends the phrase."""
    assert "Sarah" in redact("this is Sarah, my keyworker")


TLD_WORD = (
    "REGRESSION: a word after an email that spells a domain ending (It, so, me, in, Co) is "
    "swallowed into [email] (e0f89c5's loose ending)"
)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        pytest.param(
            "I'll email the team at info@wdp.org.uk. It's quicker than calling",
            "It's quicker",
            id="en-dot-its",
        ),
        pytest.param(
            "email them on help@nhs.net, so it's in writing",
            "so it's",
            id="en-comma-so",
        ),
        pytest.param(
            "I wrote to jo@gmail.com, in the end nobody replied",
            "in the end",
            id="en-comma-in",
        ),
        pytest.param(
            "my email is kasia@wp.pl, me and my mum both use it",
            "me and my mum",
            id="en-comma-me",
        ),
        pytest.param(
            "email: kasia@wp.pl. Co do terapii, jest super",
            "Co do terapii",
            id="pl-dot-co",
        ),
        pytest.param(
            "email: jo.b at gmail in the evening is best",
            "in the evening",
            id="en-spelt-at-in",
        ),
        # Guard: a Portuguese word that is no ending stays.
        pytest.param(
            "my email is ana@sapo.pt, e o telefone não funciona",
            "e o telefone",
            id="pt-guard-e",
        ),
    ],
)
def test_words_after_an_email_stay(text: str, kept: str) -> None:
    out = redact(text)
    assert "[email]" in out
    assert kept in out


INSURANCE = (
    "REGRESSION: an amount after an insurance word is read as a loose NI number (a two-letter "
    "word before six digits taken for its prefix)"
)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        pytest.param(
            "o seguro de vida é de 120 000 por ano",
            "120 000",
            id="pt-seguro-de",
        ),
        pytest.param(
            "ubezpieczenie za 120 000 zł to za dużo",
            "120 000",
            id="pl-ubezpieczenie-za",
        ),
        pytest.param(
            "asigurarea costă de la 120 000 lei",
            "120 000",
            id="ro-asigurarea-de-la",
        ),
        pytest.param(
            "my NI contributions ca 120 000 over the years",
            "120 000",
            id="en-ni-contributions-ca",
        ),
    ],
)
def test_an_amount_after_an_insurance_word_stays(text: str, kept: str) -> None:
    assert kept in redact(text)


def test_a_loose_ni_number_after_ni_is_still_hidden() -> None:
    """Guard for the fix above."""
    assert "12.34" not in redact("my NI is ab.12.34.56.c")


DIGIT_HANDLE = "a handle starting with a digit after a platform word"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        pytest.param(
            "my instagram is 007jo",
            "007jo",
            id="en-instagram-007jo",
        ),
        pytest.param(
            "snap 4everjo",
            "4everjo",
            id="en-snap-4everjo",
        ),
        pytest.param(
            "my snapchat: 4EverJo",
            "4EverJo",
            id="en-snapchat-4EverJo",
        ),
        pytest.param(
            "ig: 1_and_only_kev",
            "only_kev",
            id="en-ig-1-and-only",
        ),
        pytest.param(
            "snap: 123_jo",
            "123_jo",
            id="en-snap-123-jo",
        ),
        pytest.param(
            "add me @ 4ever_jo",
            "4ever_jo",
            id="en-at-space-4ever",
        ),
        # Guards: hidden on main.
        pytest.param("insta: 4ever_jo", "4ever_jo", id="en-guard-insta-4ever-jo"),
        pytest.param("my tiktok is 99problems_jo", "99problems", id="en-guard-tiktok"),
    ],
)
def test_a_handle_starting_with_a_digit_is_not_stored(text: str, secret: str) -> None:
    assert secret not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "meet @10am tomorrow",
        "I take 60ml @ 9am",
        "I'm on 2x_daily pickups",
        "3ndi mushkila ma3 el doctor",
        pytest.param(
            "see you @4pm_ish",
        ),
    ],
)
def test_times_doses_and_arabizi_after_at_stay(text: str) -> None:
    assert redact(text) == text


SPLIT = "a phone split by 'then' after a dot, dash or ellipsis, 'plus', 'than', 'last 6 are'"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "my number is 07911. then 123456",
            id="en-dot-then",
        ),
        pytest.param(
            "my number is 07911 - then 123456",
            id="en-dash-then",
        ),
        pytest.param(
            "my number is 07911... then 123456",
            id="en-ellipsis",
        ),
        pytest.param(
            "my mobile 07911 than 123456",
            id="en-than-typo",
        ),
        pytest.param(
            "my number 07911 plus 123456",
            id="en-plus",
        ),
        pytest.param(
            "my number 07911 last 6 are 123456",
            id="en-last-6-are",
        ),
        # Guards: hidden on main.
        pytest.param("my number is 07911, and 123456", id="en-guard-comma-and"),
        pytest.param("мой номер 07911 а остальное 123456", id="ru-guard-ostalnoe"),
    ],
)
def test_a_phone_split_by_a_word_is_not_stored(text: str) -> None:
    assert "123456" not in redact(text)


PLACE_SURNAME = (
    "a full name whose surname is a place word other than Hall/Park (Wood, Field, Marsh, "
    "Bridge, Street), or typed in one case, with no cue; 7f2c4cd hides 'Tom Hall' only"
)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        pytest.param(
            "Sam Wood never called me back",
            "Sam Wood",
            id="en-wood",
        ),
        pytest.param(
            "Ben Field was my keyworker",
            "Ben Field",
            id="en-field",
        ),
        pytest.param(
            "Jack Marsh is the manager",
            "Jack Marsh",
            id="en-marsh",
        ),
        pytest.param(
            "Dan Bridge was rude",
            "Dan Bridge",
            id="en-bridge",
        ),
        pytest.param(
            "the nurse Lucy Street was kind",
            "Lucy Street",
            id="en-role-street",
        ),
        pytest.param(
            "tom hall helped me",
            "tom hall",
            id="en-lower-case",
        ),
        pytest.param(
            "TOM HALL helped me",
            "TOM HALL",
            id="en-upper-case",
        ),
        pytest.param(
            "walid khoury helped me a lot",
            "khoury",
            id="arabizi-no-cue",
        ),
        # Guards: hidden on main.
        pytest.param("Tom Hall helped me a lot", "Tom Hall", id="en-guard-hall"),
        pytest.param("Marek Kowalski pomógł mi bardzo", "Kowalski", id="pl-guard"),
        pytest.param("Jānis Bērziņš man palīdzēja", "Bērziņš", id="lv-guard"),
    ],
)
def test_a_full_name_with_no_cue_is_not_stored(text: str, secret: str) -> None:
    assert secret not in redact(text)


DRINK_POSSESSIVE = (
    "REGRESSION (31b05e1): a drink named after a person, with its possessive ('Jack Daniel's', "
    "'William Lawson's'), is taken for a full name with its possessive"
)
FAMOUS = "a famous name (a drink brand, a singer, a footballer, a writer) is taken for a person"
FAMOUS_COMMON = (
    f"{FAMOUS}; left by redact25: bot/redact/famous.py keeps out, on purpose, a famous name "
    "that is also common among the people the service meets (a neighbour of that name would "
    "be stored in clear)"
)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        pytest.param("Johnnie Walker was my drink", "Johnnie Walker", id="en-johnnie-walker"),
        pytest.param("a bottle of Jose Cuervo every weekend", "Jose Cuervo", id="en-jose-cuervo"),
        pytest.param(
            "Robbie Williams talked about rehab",
            "Robbie Williams",
            id="en-robbie-williams",
            marks=removed(FAMOUS_COMMON),
        ),
        pytest.param("I love Tyson Fury", "Tyson Fury", id="en-tyson-fury"),
        pytest.param(
            "Robert Lewandowski strzelił gola",
            "Lewandowski",
            id="pl-lewandowski",
            marks=removed(FAMOUS_COMMON),
        ),
        pytest.param("Ion Creangă e scriitorul meu preferat", "Creangă", id="ro-creanga"),
        pytest.param("Raimonds Pauls ir mans mīļākais", "Pauls", id="lv-pauls"),
        pytest.param(
            "I listen to Mohamed Salah interviews",
            "Salah",
            id="en-mohamed-salah",
            marks=removed(FAMOUS_COMMON),
        ),
    ],
)
def test_a_famous_name_stays(text: str, kept: str) -> None:
    assert kept in redact(text)


def test_a_famous_name_listed_stays() -> None:
    """Guard: 7f2c4cd keeps Jan Paweł II and Captain Morgan."""
    assert redact("Captain Morgan rum, Jan Paweł II to mój idol") == (
        "Captain Morgan rum, Jan Paweł II to mój idol"
    )


THIRD_PERSON_ROLE = (
    "REGRESSION (d67dbcf): 'his'/'her'/'the' + a relation describes the writer ('it's Dave, "
    "her husband', 'this is Anna, his mum'): only 'my'/'our' presents someone else"
)


SELF_DESCRIBED = (
    "REGRESSION (675462a): one's own name kept when the writer describes themselves after it "
    "('a mum of three', 'Jake's dad', 'mum of Jake', 'a carer for my brother'): only 'my "
    "keyworker' / 'our nurse' presents someone else"
)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        pytest.param(
            "Hi, this is Sarah, a mum of three, my son uses the service",
            "Sarah",
            id="en-a-mum-of-three",
        ),
        pytest.param(
            "this is Sarah, mum of Jake who uses the service",
            "Sarah",
            id="en-mum-of-jake",
        ),
        pytest.param(
            "Hi it's Dave, Jake's dad",
            "Dave",
            id="en-jakes-dad",
        ),
        pytest.param(
            "it's Kelly, a carer for my brother",
            "Kelly",
            id="en-a-carer-for-my-brother",
        ),
        pytest.param(
            "it's Dave, a volunteer at the hub",
            "Dave",
            id="en-a-volunteer-at-the-hub",
        ),
        pytest.param(
            "aqui é a Rita, mãe do João",
            "Rita",
            id="pt-mae-do-joao",
        ),
        pytest.param(
            "čia Tomas, Jono tėtis",
            "Tomas",
            id="lt-jono-tetis",
        ),
        # Guards: hidden on main.
        pytest.param(
            "it's Dave, her husband, she uses your service",
            "Dave",
            id="en-her-husband",
        ),
        pytest.param(
            "this is Anna, his mum, he's in rehab",
            "Anna",
            id="en-his-mum",
        ),
        pytest.param(
            "it's Dave, the dad of Jake",
            "Dave",
            id="en-the-dad-of",
        ),
        pytest.param("tu Marek, jej mąż", "Marek", id="pl-guard-jej-maz"),
        pytest.param("aqui é a Rita, a mãe dele", "Rita", id="pt-guard-mae-dele"),
        pytest.param("это Ольга, мама Вани", "Ольга", id="ru-guard-mama-vani"),
        pytest.param("z tej strony Marek, tata Kuby", "Marek", id="pl-guard-tata-kuby"),
        pytest.param("this is Kelly, a recovering alcoholic", "Kelly", id="en-guard-recovering"),
    ],
)
def test_ones_own_name_before_a_self_description_is_not_stored(text: str, secret: str) -> None:
    assert secret not in redact(text)


LOWER_NI = (
    "an NI number typed in lower case without its final letter after 'NI' or 'insurance' "
    "(hidden on e0f89c5; 675462a asks a cued prefix for capitals)"
)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        pytest.param(
            "my ni number is ab 12 34 56",
            "12 34 56",
            id="en-ni-lower",
        ),
        pytest.param(
            "NINO: ab 12 34 56",
            "12 34 56",
            id="en-nino-lower",
        ),
        pytest.param(
            "national insurance number jk 12 34 56",
            "12 34 56",
            id="en-insurance-lower",
        ),
        pytest.param(
            "my NI is jk123456",
            "123456",
            id="en-ni-glued",
        ),
        pytest.param(
            "numer ubezpieczenia ab 12 34 56",
            "12 34 56",
            id="pl-lower",
        ),
        # Guards: hidden on main.
        pytest.param(
            "my ni is ab 123 456",
            "123 456",
            id="en-ni-lower-threes",
        ),
        pytest.param("NINO: AB 12 34 56", "12 34 56", id="en-guard-capitals"),
        pytest.param("my NI is ab.12.34.56.c", "12.34", id="en-guard-suffix"),
    ],
)
def test_a_loose_ni_number_after_a_cue_is_not_stored(text: str, secret: str) -> None:
    assert secret not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "el group 3la whatsapp 6ayeb",
            id="arabizi-6ayeb",
        ),
        pytest.param(
            "saw it on tiktok 4real",
            id="en-4real",
        ),
        # Guards: kept on main.
        "I'm on facebook 2day",
        "I was on snapchat 4hours",
        "insta 5k followers",
    ],
)
def test_words_after_a_platform_stay(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        pytest.param(
            "kelly field helped me so much",
            "kelly field",
            id="en-kelly-field",
        ),
        pytest.param(
            "sarah lane is my worker",
            "sarah lane",
            id="en-sarah-lane",
        ),
        pytest.param(
            "dave park on reception is rude",
            "dave park",
            id="en-dave-park",
        ),
        # redact26: a word-name, a listed surname and what a person does; mark off.
        pytest.param("mark wood never called me back", "mark wood", id="en-mark-wood"),
        pytest.param(
            "my keyworker Sue Green is lovely",
            "Green",
            id="en-role-sue-green",
        ),
        # Guards: hidden on main.
        pytest.param("tom hall helped me", "tom hall", id="en-guard-tom-hall"),
        pytest.param("Kelly Field helped me so much", "Kelly Field", id="en-guard-capitals"),
    ],
)
def test_a_full_name_in_lower_case_is_not_stored(text: str, secret: str) -> None:
    assert secret not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "i will park outside the clinic",
        "i hope street drinkers get more help",
        "the dawn hill walk was lovely",
        "we were at the sports hall and the town hall",
        "the clinic on George Street is good",
        "I used to sleep under Albert Bridge",
        "I was found in Stanley Park",
    ],
)
def test_everyday_words_and_streets_named_after_people_stay(text: str) -> None:
    """Guards for 481c1a1 (place-word surnames) and any fix of the leaks above."""
    assert redact(text) == text


AFTER_PREPOSITION = (
    "a full name after 'on'/'near'/'at'/'down' read as a street (87f9b3f) though a possessive "
    "or 'she'/'to call me' shows a person"
)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        pytest.param(
            "I sat near Kelly Field in the group and she kept staring at me",
            "Kelly Field",
            id="en-near-she",
        ),
        pytest.param(
            "we used at Sam Wood's flat every weekend",
            "Sam Wood",
            id="en-at-possessive-flat",
        ),
        pytest.param(
            "I left a message on Sarah Lane's phone",
            "Sarah Lane",
            id="en-on-possessive-phone",
        ),
        pytest.param(
            "I had to wait on Tom Hall to call me back for weeks",
            "Tom Hall",
            id="en-wait-on-to-call-me",
        ),
        # Guards: streets stay, a person after 'by' is hidden.
        pytest.param("I got told off by Jack Marsh at reception", "Jack Marsh", id="en-guard-by"),
    ],
)
def test_a_person_after_a_preposition_is_not_stored(text: str, secret: str) -> None:
    assert secret not in redact(text)


def test_streets_after_a_preposition_stay() -> None:
    """Guard for 87f9b3f."""
    assert redact("the hub on Anne Lane is good, I live off Kelly Hill") == (
        "the hub on Anne Lane is good, I live off Kelly Hill"
    )


SPLIT_WORDS = "a phone split by this language's 'and the rest' / 'after that'"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "رقمي ٠٧٩١١ والباقي ١٢٣٤٥٦",
            id="ar-wal-baqi-glued",
        ),
        pytest.param(
            "mera number 07911 uske baad 123456",
            id="ur-roman-uske-baad",
        ),
        pytest.param(
            "amar number 07911 er pore 123456",
            id="bn-roman-er-pore",
        ),
        # Guards: hidden on main, in each script's own digits.
        pytest.param("رقمي ٠٧٩١١ ثم ١٢٣٤٥٦", id="ar-guard-thumma"),
        pytest.param("আমার নম্বর ০৭৯১১ তারপর ১২৩৪৫৬", id="bn-guard-tarpor"),
        pytest.param("ਮੇਰਾ ਨੰਬਰ ੦੭੯੧੧ ਫਿਰ ੧੨੩੪੫੬", id="pa-guard-phir"),
    ],
)
def test_a_phone_split_by_a_word_in_other_scripts_is_not_stored(text: str) -> None:
    out = redact(text)
    assert "[phone]" in out
    assert not any(ch.isdigit() for ch in out), out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        pytest.param(
            "I drank Jack Daniel's every night",
            "Jack Daniel's",
            id="en-jack-daniels",
        ),
        pytest.param(
            "a bottle of Jack Daniel's a day",
            "Jack Daniel's",
            id="en-bottle-of-jack-daniels",
        ),
        pytest.param(
            "William Lawson's whisky is cheap",
            "William Lawson's",
            id="en-william-lawsons",
        ),
        # Guards: kept on main.
        pytest.param("Frosty Jack's cider every day", "Frosty Jack's", id="en-guard-frosty-jacks"),
        pytest.param("Sailor Jerry's rum", "Sailor Jerry's", id="en-guard-sailor-jerrys"),
    ],
)
def test_a_drink_named_after_a_person_stays(text: str, kept: str) -> None:
    assert kept in redact(text)


SPOKEN_SPLIT = "a phone said in words in two parts with ', then' between (3a500f1 stored it too)"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "call me on zero seven nine one one, then one two three four five six",
            id="en-words-then",
        ),
        pytest.param(
            "zadzwoń zero siedem dziewięć jeden jeden, potem jeden dwa trzy cztery pięć sześć",
            id="pl-words-potem",
        ),
        pytest.param(
            "позвони ноль семь девять один один, потом один два три четыре пять шесть",
            id="ru-words-potom",
        ),
        pytest.param(
            "liga zero sete nove um um, depois um dois três quatro cinco seis",
            id="pt-words-depois",
        ),
        pytest.param(
            "sună zero șapte nouă unu unu, apoi unu doi trei patru cinci șase",
            id="ro-words-apoi",
        ),
        pytest.param(
            "call me on sefr sab3a tes3a wa7ed wa7ed, ba3den wa7ed tnen talata arba3a 5amsa setta",
            id="arabizi-words-ba3den",
        ),
        # Guard: hidden on main (one run of words).
        pytest.param(
            "call me on sefr sab3a tes3a wa7ed wa7ed wa7ed tnen talata arba3a 5amsa setta",
            id="arabizi-guard-one-run",
        ),
    ],
)
def test_a_phone_said_in_words_in_two_parts_is_not_stored(text: str) -> None:
    out = redact(text)
    assert "[phone]" in out
    assert "four" not in out and "cztery" not in out and "четыре" not in out, out
    assert "quatro" not in out and "patru" not in out and "arba3a" not in out, out


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # redact26: read as one after "postcode" (places.loose_postcodes); marks off.
        pytest.param("post code: l s 1 4 a b", "l s 1 4 a b", id="en-spaced"),
        pytest.param("my postcode is LS1, 4AB", "4AB", id="en-comma"),
        pytest.param("my postcode is LS one four AB", "one four AB", id="en-digit-words"),
        # Guards: hidden on main.
        pytest.param("postcode ls14ab", "ls14ab", id="en-guard-glued"),
        pytest.param("kod pocztowy LS1 4AB", "4AB", id="pl-guard"),
    ],
)
def test_a_postcode_typed_loosely_is_not_stored(text: str, secret: str) -> None:
    assert secret not in redact(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        pytest.param(
            "dob 12 03 89",
            "12 03 89",
            id="en-dob-spaced",
        ),
        pytest.param("my dob is 12/03/1989", "12/03/1989", id="en-guard-dob-slashes"),
    ],
)
def test_a_date_of_birth_typed_loosely_is_not_stored(text: str, secret: str) -> None:
    assert secret not in redact(text)
