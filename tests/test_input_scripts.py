"""Typed input in other scripts (issue 18 item 12), through the terminal and the engine.

Numbers typed in any digit system choose options, typed labels match even
though stored labels carry direction isolates, and a reply made only of
invisible characters is not an answer.  The same path serves Telegram: see
tests/e2e/test_telegram_input_scripts.py.
"""

from __future__ import annotations

import sqlite3

import pytest

from bot.config import Settings
from bot.console import chat
from bot.service import Conversations
from bot.textnorm import fold, is_blank, match_key, strip_blank, typed_option
from tests.test_console import Terminal

OPTIONS = [("a", "\u2068HMP Peterborough\u2069 (خدمة السجن)"), ("b", "Other"), ("c", "Third")]


@pytest.mark.parametrize("one", ["1", "١", "۱", "১", "੧", "૧", "１", " 1\u200b", "\u20661\u2069"])
def test_one_in_every_digit_system_picks_the_first_option(one: str) -> None:
    assert typed_option(one, OPTIONS) == "a"


def test_typed_label_matches_without_its_isolates_and_in_any_case() -> None:
    assert typed_option("HMP Peterborough (خدمة السجن)", OPTIONS) == "a"
    assert typed_option("  ＯＴＨＥＲ ", OPTIONS) == "b"
    assert typed_option("٤", OPTIONS) is None and typed_option("oth", OPTIONS) is None


@pytest.mark.parametrize(
    "blank",
    [
        "",
        " ",
        "\u200b",
        "\u200b\u200c\u200d",
        "\u2066\u2069 \ufeff",
        "\u3000",
        "\u3164",  # Hangul filler: Telegram's favourite "invisible" message
        "\u115f\u1160 \uffa0",  # the other Hangul fillers
        "\u2800\u2800",  # blank Braille pattern
        "\u0301\u0301",  # accents with no letter to sit on
        "\u034f\u200b",  # combining grapheme joiner
    ],
)
def test_invisible_only_is_blank(blank: str) -> None:
    assert is_blank(blank)


def test_strip_blank_keeps_the_inside_as_typed() -> None:
    assert strip_blank("\u200b  a\u200bb \u2069") == "a\u200bb"
    assert not is_blank("\u200ba")


def test_fold_maps_back_to_the_original_span() -> None:
    typed = "call \u2067٠٧٧٠٠\u200b ٩٠٠١٢٣\u2069 now"
    folded = fold(typed)
    assert folded.text == "call 07700 900123 now"
    start = folded.text.index("07700")
    start, end = folded.span(start, start + len("07700 900123"))
    assert typed[start:end] == "٠٧٧٠٠\u200b ٩٠٠١٢٣"
    assert match_key("Ｃａｌｌ\u00a0 ME") == "call me"


async def test_terminal_arabic_digits_labels_and_blank_replies(
    conversations: Conversations, settings: Settings
) -> None:
    typed = [
        "١",  # agree to the privacy notice (Arabic-Indic one)
        "s",  # the FFT question and its free text, skipped
        "s",
        "১",  # I use drug or alcohol services (Bengali one)
        "HMP Peterborough (خدمة السجن)",  # the label as typed: no isolates
        "１",  # referral (full-width one)
        "d",
        "٢",  # satisfied (the scale starts at very satisfied)
        "\u200b",  # a zero-width space alone: not an answer
        "\u2067 \u200d ",
        "أسرع من فضلكم",
        "q",
    ]
    term = Terminal(typed, settings.database)
    await chat(
        conversations, flow_id="service_feedback", lang="ar", read=term.read, write=term.write
    )
    empty = conversations.catalogue.text("error.empty_text", "ar")
    assert sum(empty in screen for screen in term.screens) == 2
    with sqlite3.connect(settings.database) as conn:
        answers = dict(conn.execute("SELECT step_id, value FROM answers").fetchall())
    assert answers == {
        "respondent_group": "service_user",
        "site": "hmp_peterborough",
        "stages_used": '["referral"]',
        "referral_satisfaction": "satisfied",
        "referral_better": "أسرع من فضلكم",
    }


async def test_terminal_redacts_details_typed_in_arabic_indic_and_other_digits(
    conversations: Conversations, settings: Settings
) -> None:
    """Issue 12 through `chat`: only the details go; the rest is stored as typed."""
    typed = [
        "١",
        "s",
        "s",
        "١",
        "١",
        "１",
        "d",
        "٢",
        "اتصل بي على ٠٧٩١١ ١٢٣٤٥٦ أو ۰۷۷۰۰ ۹۰۰۱۲۳، اسمي فاطمة الزهراء، أسكن في ٧ Park Avenue",
        "q",
    ]
    term = Terminal(typed, settings.database)
    await chat(
        conversations, flow_id="service_feedback", lang="ar", read=term.read, write=term.write
    )
    with sqlite3.connect(settings.database) as conn:
        stored = conn.execute(
            "SELECT value FROM answers WHERE step_id = 'referral_better'"
        ).fetchone()[0]
    assert stored == "اتصل بي على [phone] أو [phone]، اسمي [name]، أسكن في [address]"


@pytest.mark.parametrize("text", ["👍", "ਹਾਂ", "হ্যাঁ", "હા", "نعم", "ہاں", "١", "…", "é", "\u3164ok"])
def test_short_real_answers_are_not_blank(text: str) -> None:
    assert not is_blank(text)
