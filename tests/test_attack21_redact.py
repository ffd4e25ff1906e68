"""attack21 on redaction: details typed to get past a filter that reads one line, one kind
of character or one kind of word at a time.  Each was stored in clear on main (c943562)
and is mended in bot/redact; the near misses beside them must still be stored as typed."""

from __future__ import annotations

import pytest

from bot.redact import redact


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        pytest.param("07911\n123456", "123456", id="a phone over two lines"),
        pytest.param("my mobile is 07911\n123 456", "07911", id="cued, over two lines"),
        pytest.param("07911 123\n456", "07911 123", id="the last group on the next line"),
        pytest.param("my number\r\n0791\r\n1123456", "1123456", id="three lines, CRLF"),
        pytest.param("my number is 07911 l23456", "l23456", id="a letter l for the 1"),
        pytest.param("my number is O7911 123456", "O7911", id="a letter O for the 0"),
        pytest.param("мой номер О7911 123456", "7911", id="a Cyrillic О for the 0"),
        pytest.param("номер 07911 І23456", "23456", id="a Ukrainian І for the 1"),
        pytest.param("text 07911 one two three four five six", "07911", id="figures, then words"),
        pytest.param("number: 07911 one two 3456", "3456", id="figures and words mixed"),
        pytest.param("ring oh seven nine one one 123456", "123456", id="words, then figures"),
        pytest.param(
            "lambarkaygu waa eber todobo sagaal kow kow kow laba saddex afar shan lix",
            "todobo",
            id="so spoken digits, seven spelt todobo",
        ),
        pytest.param("my name is Mrs K. Brown", "Brown", id="an initial with its full stop"),
        pytest.param("Dr A. Patel was kind to me", "Patel", id="an initial that is also 'a'"),
        pytest.param("Mr J.Smith was my keyworker", "Smith", id="an initial, no space"),
        pytest.param("my postcode is PE1  2RR", "2RR", id="a postcode with two spaces"),
        pytest.param("PE1\t2RR", "2RR", id="a postcode with a tab"),
        # A UK number plate: the DVLA gives its registered keeper.
        pytest.param("my car reg is AB12 CDE", "CDE", id="a plate after 'reg'"),
        pytest.param("parked my car (KX19 ABC) outside the hub", "KX19", id="a plate in capitals"),
        pytest.param("reg ab12cde", "ab12cde", id="a plate in lower case after 'reg'"),
        # A driving licence number: the surname and the date of birth inside it.
        pytest.param("driving licence BROWN801125K99AB", "BROWN", id="a licence number"),
        pytest.param("licence no: MORGA 657054 SM9IJ", "657054", id="a licence, spaced"),
        # A home's name with its flat: the whole, not the flat alone.
        pytest.param("I live in Orchard House, flat 3", "Orchard", id="house name, then flat"),
        # A date of birth written without separators, as on forms.
        pytest.param("DOB 031188", "031188", id="DOB ddmmyy"),
        pytest.param("dob: 03111988", "03111988", id="DOB ddmmyyyy"),
        # The rest of a detail on the next line.
        pytest.param("my name is Kelly\nBrown", "Brown", id="surname alone on the next line"),
        pytest.param("NHS number 485\n777\n3456", "3456", id="NHS number over three lines"),
        pytest.param("kelly.brown\n@gmail.com", "kelly.brown", id="email broken before the @"),
        pytest.param("kelly.brown@\ngmail.com", "kelly.brown", id="email broken after the @"),
        pytest.param("kelly.brown @gmail.com", "kelly.brown", id="email, a space before the @"),
        # A name signed after kisses, or after a sentence of thanks.
        pytest.param("cheers, Kelly Brown x", "Brown", id="signed, then a kiss"),
        pytest.param("thanks, Kelly Brown xx", "Brown", id="signed, then kisses"),
        pytest.param("Thanks for everything. Kelly Brown", "Brown", id="after a sentence"),
        pytest.param("Спасибо за всё. Ольга Смирнова", "Смирнова", id="ru after a sentence"),
        pytest.param(
            "Mahadsanid wax walba. Hodan Cali Warsame", "Warsame", id="so after a sentence"
        ),
        # Digits dressed up: emoji keycaps, and a strike-through from a "fancy text" site.
        pytest.param(
            "call me on 0\ufe0f\u20e37\ufe0f\u20e39\ufe0f\u20e31\ufe0f\u20e31\ufe0f\u20e3"
            " 1\ufe0f\u20e32\ufe0f\u20e33\ufe0f\u20e34\ufe0f\u20e35\ufe0f\u20e36\ufe0f\u20e3",
            "5",
            id="emoji keycap digits",
        ),
        pytest.param(
            "my number is " + "".join(c + "\u0336" for c in "07911123456"), "5", id="struck-through"
        ),
        # A platform or a cue with a Cyrillic letter that looks Latin in it.
        pytest.param("inst\u0430gram: kellyb99", "kellyb99", id="instagram with a Cyrillic а"),
        pytest.param("sn\u0430pchat kellyb99", "kellyb99", id="snapchat with a Cyrillic а"),
        pytest.param("my n\u0430me is Kelly Brown", "Brown", id="'name' with a Cyrillic а"),
        # A Facebook profile is a person's own name, typed in lower case.
        pytest.param("add me on fb kelly brown", "brown", id="fb name asked to be found by"),
        pytest.param("my fb is kelly brown from peterborough", "brown", id="my fb is a name"),
        # An English street written in Cyrillic, as Russian speakers here write it.
        pytest.param(
            "я живу на Линкольн роуд 14", "Линкольн роуд 14", id="ru street, number after"
        ),
        pytest.param("живу на 14 Линкольн роуд", "14 Линкольн", id="ru number, then street"),
        pytest.param("мой адрес Стейшн стрит 5, Питерборо", "Стейшн", id="ru street word стрит"),
    ],
)
def test_a_detail_typed_around_the_filter_is_redacted(text, secret):
    assert secret not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        # A list of doses, one a line: figures on two lines are joined only into a phone.
        "methadone 60\n50\n40 ml",
        "call FRANK on 0300 123 6600 one more time",  # a helpline, then a count
        "we were 12\n2 nurses, one doctor, nine of us waiting",
        "weeks off\n1\n2\n3\n4\n5\n6\n7\n8",  # a list, one small number a line
        "the 12 steps, step one two three four five six seven eight nine, I'm on step ten",
        "room B2  2nd floor",  # an ordinal after two spaces is no postcode
        "I'm A. ok thanks",
        "I \u2764\ufe0f the staff, 10/10",  # an emoji's own variation selector stays
        "I saw it on facebook last week",
        "meet @ 5pm at the hub",
        "UK20 was great, COVID19 ABC testing done",  # plate-like, no plate
        "password hint ab12cde",  # lower case without a plate word
        "I was on methadone, \u043e\u043a?",  # a Cyrillic word beside English stays
        "thank you x",
        "Thanks, Team xx",
        "thanks so much. Great Service",
        "Thanks to all. Phoenix Futures",
        "я хожу в группу на Линкольн роуд",  # a street with no number: many people
        "по Линкольн роуд 3 раза в неделю",  # a count after a street
        "Sol 1 was better than Sol 2, l0l",
    ],
)
def test_what_only_looks_like_those_tricks_is_kept(text):
    assert redact(text) == text


def test_a_new_sentence_on_the_line_after_a_name_is_kept():
    """Only a surname alone on the next line joins the name; a sentence there is feedback."""
    assert redact("my name is Kelly\nThe staff were lovely") == (
        "my name is [name]\nThe staff were lovely"
    )
    assert redact("my name is Kelly\nGreat service\nthanks") == (
        "my name is [name]\nGreat service\nthanks"
    )


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("سب کچھ کے لیے شکریہ۔ فاطمہ رشید", "رشید"),
        ("সবকিছুর জন্য ধন্যবাদ। রোকসানা বেগম", "রোকসানা"),
        ("ਹਰ ਚੀਜ਼ ਲਈ ਧੰਨਵਾਦ। ਹਰਪ੍ਰੀਤ ਕੌਰ", "ਹਰਪ੍ਰੀਤ"),
    ],
)
def test_a_full_name_after_thanks_in_a_caseless_script_is_redacted(text, secret):
    assert secret not in redact(text)
