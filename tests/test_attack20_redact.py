"""attack20 on redaction: details typed in ways the finders do not yet read.

Each is a strict xfail owned by the lead (bot/redact/*): when one is mended, its XPASS
fails the run and its mark comes off.
"""

from __future__ import annotations

import pytest

from bot.redact import redact

LEAD = pytest.mark.xfail(strict=True, reason="owner lead: redaction gets it wrong")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        pytest.param(
            "my number is seven nine one one one two three four five six, text me",
            "seven nine one one",
            id="phone in spoken digits",
        ),
        pytest.param(
            "text me on oh seven nine one one, one two three, four five six",
            "seven nine one one",
            id="phone in spoken digits, grouped",
        ),
        pytest.param("It's me, Kelly Brown, from the Tuesday group", "Kelly Brown"),
        pytest.param("Thanks for everything - Kelly Brown", "Kelly Brown"),
        pytest.param(
            "mój numer: siedem dziewięć jeden jeden dwa trzy cztery pięć sześć", "dwa trzy"
        ),
        pytest.param("thank you so much\nAmir Haddad", "Amir Haddad"),
        # After the lead's spoken digits (809ad6c), 12:20: the Arabic and romanised Urdu digit
        # words are not read.
        pytest.param(
            "رقمي صفر سبعة تسعة واحد واحد واحد اثنين ثلاثة أربعة خمسة ستة",
            "تسعة واحد",
            id="ar spoken digits",
        ),
        pytest.param(
            "mera number zero saat nau ek ek ek do teen char paanch chhe",
            "nau ek",
            id="ur romanised spoken digits",
        ),
    ],
)
def test_an_identifying_detail_is_removed(text, kept):
    assert kept not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "one two three four five, then breathe, the group taught us that",
        "two nurses, one doctor, nine of us waiting, three hours",
        "Thanks to everyone - Kelly was amazing to me",
        "Thanks for everything - Kelly",
        "It's me again, the one who was late",
        # A role word with Arabic's joined "to the" (لل) is taken for a name, with the first
        # name after it: "thanks to the nurse Sara" (12:24).
        pytest.param("شكرا للممرضة سارة"),
        # A sign-off that is a service or a wish, not a name (12:22, after 809ad6c):
        pytest.param("Big thanks, Phoenix Futures"),  # a drug service provider
        pytest.param("thanks\nStay Safe"),
        # Counting is not a phone number (12:20, after 809ad6c):
        pytest.param(
            "they taught my son to count one two three four five six seven eight nine ten",
        ),
        pytest.param(
            "the 12 steps, step one two three four five six seven eight nine, I'm on step ten",
        ),
    ],
)
def test_counts_praise_of_staff_and_a_first_name_survive(text):
    assert redact(text) == text


def test_a_long_run_of_apostrophes_between_letters_is_redacted_in_linear_time():
    """A street's name (before "Street", "iela", "g.") was tried after every apostrophe of
    "o'o'o'…" and ran to the end each time: 4,000 characters took ~0.2 s."""
    import time

    start = time.process_time()
    redact("o'" * 2000)
    redact("3'a" * 1333)
    assert time.process_time() - start < 0.06
