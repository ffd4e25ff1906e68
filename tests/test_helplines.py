"""Helplines as people read them: in their language, in their reading direction."""

from __future__ import annotations

import unicodedata

import pytest

from bot.config import Settings
from bot.i18n import load_catalogue
from bot.safety import signpost

CATALOGUE = load_catalogue()


def first_strong(text: str) -> str:
    return next(
        (unicodedata.bidirectional(c) for c in text if unicodedata.bidirectional(c) in "LRAL"),
        "",
    )


@pytest.mark.parametrize("lang", ["ar", "ur"])
def test_each_helpline_in_a_right_to_left_reply_runs_right_to_left(
    settings: Settings, lang: str
) -> None:
    """A line that began with "Samaritans" was laid out left to right by Telegram,
    with the Arabic note's brackets and numbers out of order."""
    reply = signpost(CATALOGUE, settings.helplines_for(lang), lang)
    lines = [line for line in reply.splitlines() if line.startswith("•")]
    assert len(lines) == len(settings.helplines_for(lang))
    for line in lines:
        assert first_strong(line) in ("R", "AL"), line


def test_left_to_right_replies_are_unchanged(settings: Settings) -> None:
    reply = signpost(CATALOGUE, settings.helplines_for("pl"), "pl")
    assert "• Samaritans: 116 123 (" in reply
    assert "\u200f" not in reply and "\u2068" not in reply
