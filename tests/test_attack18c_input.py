"""Hostile review of issue 18 item 12 (attack18c): more replies that show nothing.

The issue's case is a reply of one zero-width space.  Other characters that show
nothing in Telegram's bubble (and that keyboards, copy-paste and bots emit) must not
be stored as an answer either: soft hyphens, joiners, direction marks, variation
selectors, tag characters, invisible operators, Unicode's other spaces.
"""

from __future__ import annotations

import pytest

from bot.textnorm import is_blank


@pytest.mark.parametrize(
    "blank",
    [
        "\u00ad",  # soft hyphen
        "\u2060\u2060",  # word joiner
        "\u200f\u200e\u061c",  # right-to-left, left-to-right and Arabic letter marks
        "\ufe0f\ufe0f",  # emoji variation selector with no emoji
        "\U000e0020\U000e007f",  # tag space, cancel tag (emoji flag tags alone)
        "\u2062\u2063",  # invisible times, invisible separator
        "\u180e\u180b",  # Mongolian vowel separator, free variation selector
        "\u00a0\u2007\u202f\u1680",  # no-break, figure, narrow no-break, ogham spaces
        "\u2028\u2029",  # line and paragraph separators
        "\u17b4\u17b5",  # Khmer inherent vowels (shown as nothing)
        "\ufff9\ufffb",  # interlinear annotation marks
    ],
)
def test_more_invisible_only_replies_are_blank(blank: str) -> None:
    assert is_blank(blank)


@pytest.mark.parametrize("shown", ["-", ".", "\u0640\u0640a", "?"])
def test_a_reply_with_something_to_see_is_not_blank(shown: str) -> None:
    assert not is_blank(shown)
