"""The one splitter: parts Telegram accepts, broken where a reader would break them."""

from __future__ import annotations

import re
import unicodedata

import pytest

from bot.telegram.split import (
    CAPTION_LIMIT,
    TEXT_LIMIT,
    fit_tail,
    split_first,
    split_text,
    telegram_length,
)


def test_short_text_is_one_message() -> None:
    assert split_text("Responses: 6\nCompleted: 80%\n") == ["Responses: 6\nCompleted: 80%"]
    assert split_text("   \n ") == []


def test_long_text_splits_on_lines_and_loses_nothing() -> None:
    lines = [f"- theme {i}: {i}% of commenters" for i in range(400)]
    parts = split_text("\n".join(lines), limit=500)
    assert len(parts) > 1 and all(len(p) <= 500 for p in parts)
    assert "\n".join(parts).splitlines() == lines


def test_paragraphs_before_lines_before_words() -> None:
    para = ("word " * 300).strip()  # 1,499 characters, no line breaks
    text = f"{para}\n{para}\n\n{para}"
    parts = split_text(text, limit=3200)
    assert parts == [f"{para}\n{para}", para]  # at the blank line, not the line end
    parts = split_text(para, limit=100)
    assert all(p.split() and not p.startswith(" ") for p in parts)
    assert " ".join(parts) == para  # only between words


def test_a_word_longer_than_the_limit_is_cut_and_nothing_is_lost() -> None:
    parts = split_text("a" * 1200 + "\nend", limit=500)
    assert [len(p) for p in parts] == [500, 500, 204]
    assert "".join(parts[:2]) + parts[2] == "a" * 1200 + "\nend"


@pytest.mark.parametrize(
    "unit",
    [
        "👍🏽",  # skin tone
        "🇬🇧",  # a flag: two regional indicators
        "👩‍👩‍👧",  # ZWJ family
        "é",  # e + combining acute
        "क्ष",  # Devanagari conjunct (virama)
        "ਕ੍ਰ",  # Gurmukhi
        "❤️",  # variation selector
    ],
)
def test_never_inside_a_character_that_draws_as_one(unit: str) -> None:
    unit = unicodedata.normalize("NFD", unit) if unit == "é" else unit
    for lead in range(0, 7):
        text = "x" * lead + unit * 3000
        parts = split_text(text, limit=TEXT_LIMIT)
        assert all(telegram_length(p) <= TEXT_LIMIT for p in parts)
        assert "".join(parts) == text
        assert all(p.lstrip("x").startswith(unit) for p in parts[1:]), (lead, unit)


def test_counts_utf16_units_as_telegram_does() -> None:
    assert telegram_length("😀") == 2 and telegram_length("ż") == 1
    parts = split_text("😀" * 4096)
    assert [telegram_length(p) for p in parts] == [4096, 4096]


def test_html_tags_and_entities_are_never_cut_and_stay_balanced() -> None:
    body = "<b>Bold &amp; brave</b> " + "<i>" + "word " * 1500 + "</i> <a href='x'>end</a>"
    parts = split_text(body, limit=TEXT_LIMIT, parse_mode="HTML")
    assert len(parts) == 2
    for part in parts:
        opened = re.findall(r"<(b|i|a)\b", part)
        closed = re.findall(r"</(b|i|a)>", part)
        assert sorted(opened) == sorted(closed), part[:40]
        assert not re.search(r"&[a-z]*$", part) and not re.search(r"<[^>]*$", part)
    assert parts[0].endswith("</i>") and parts[1].startswith("<i>")


def test_html_length_counts_what_telegram_shows() -> None:
    # 5,000 characters of markup around 4,000 of text: one message.
    text = "<b></b>" * 700 + "y" * 4000
    assert split_text(text, parse_mode="HTML") == [text]


def test_caption_head_and_the_rest_as_written() -> None:
    caption = "intro line\n\n" + "z " * 600
    head, rest = split_first(caption, CAPTION_LIMIT)
    assert telegram_length(head) <= CAPTION_LIMIT and head.startswith("intro line\n\nz z")
    assert rest.startswith("z") and f"{head} {rest}".split() == caption.split()


def test_an_early_break_would_leave_a_stub_so_a_later_one_is_taken() -> None:
    text = "Title\n\n" + "word " * 1000
    first, second = split_text(text)
    assert first.startswith("Title\n\nword") and len(first) > 4000
    assert f"{first} {second}".split() == text.split()


def test_fit_tail_is_the_last_part() -> None:
    text = "first\n\n" + "word " * 900
    tail = fit_tail(text)
    assert telegram_length(tail) <= TEXT_LIMIT and text.strip().endswith(tail)
    assert fit_tail("short") == "short"
