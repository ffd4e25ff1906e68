"""A disclosure typed in two pieces is read whole, in chat; only when the pieces look like one
sentence broken by a tap on Send (``bot.fragments``)."""

from __future__ import annotations

import sqlite3

from bot.config import Settings
from bot.console import chat
from bot.fragments import WINDOW, Fragments, Piece
from bot.i18n import load_catalogue
from bot.service import Conversations
from tests.alerts import shows_alert
from tests.test_console import Terminal

CATALOGUE = load_catalogue()
TO_TEXT = ["1", "s", "s", "1", "1", "2", "d", "2"]
"""Taps in `feedback-bot chat` to the first free-text question of service_feedback."""


def _flags(settings: Settings) -> dict[str, tuple[str, int]]:
    with sqlite3.connect(settings.database) as conn:
        rows = conn.execute("SELECT step_id, value, risk_flag FROM answers WHERE kind = 'text'")
        return {step: (value, flag) for step, value, flag in rows}


async def _alerts(
    conversations: Conversations, settings: Settings, lang: str, pieces: list[str]
) -> int:
    term = Terminal([*TO_TEXT, *pieces, "q"], settings.database)
    await chat(
        conversations, flow_id="service_feedback", lang=lang, read=term.read, write=term.write
    )
    return sum(shows_alert(s, lang) for s in term.screens)


async def test_a_threat_split_in_two_in_chat_is_signposted_and_nothing_untyped_is_kept(
    conversations: Conversations, settings: Settings
) -> None:
    """The first piece answers the text question; the second, typed at the rating that
    follows, is not an answer, but it is what completes the threat."""
    assert await _alerts(conversations, settings, "en", ["he said hell", "kill me if i come"]) == 1
    assert [value for value, _ in _flags(settings).values()] == ["he said hell"]


async def test_a_stored_answer_that_finishes_a_disclosure_is_flagged(
    conversations: Conversations,
) -> None:
    """Flagged answers are kept out of quotes in every export, like any other disclosure."""
    _, meta, alert = await conversations.screen("kill me if i come", "en", before="he said hell")
    assert alert is not None and meta.risk_flag
    _, meta, alert = await conversations.screen("kill me if i come", "en")
    assert alert is None and not meta.risk_flag


async def test_two_everyday_answers_in_chat_are_not_joined_into_an_alarm(
    conversations: Conversations, settings: Settings
) -> None:
    pieces = ["the pills the doctor gave me help me sleep", "i was hit by a car in 2019"]
    assert await _alerts(conversations, settings, "en", pieces) == 0
    # A full stop ends a long first piece: two answers, not one thought sent in two.
    pieces = ["i dont want the group to change, it is the best part of my week.", "be there"]
    assert await _alerts(conversations, settings, "en", pieces) == 0


async def test_two_short_full_sentences_in_two_messages_are_read_as_one_thought(
    conversations: Conversations, settings: Settings
) -> None:
    """A reunion with someone who died, told as two sentences sent one after the other."""
    pieces = ["Mum died a year ago today.", "Finally I'll be with her."]
    assert await _alerts(conversations, settings, "en", pieces) == 1
    pieces = ["Mama zmarła rok temu.", "Wreszcie będę z nią."]
    assert await _alerts(conversations, settings, "pl", pieces) == 1
    # After other feedback in the same message: its last sentence is what the next one ends.
    pieces = ["honestly the group helped. mum died a year ago today.", "Finally ill be with her."]
    assert await _alerts(conversations, settings, "en", pieces) == 1


async def test_a_disclosure_in_three_pieces_is_read_whole_and_its_stored_piece_flagged(
    conversations: Conversations, settings: Settings
) -> None:
    """No two of the pieces say it; the three do. The first, stored as the answer, is kept
    out of quotes like the disclosure it began."""
    assert await _alerts(conversations, settings, "en", ["i took", "all my", "pills"]) == 1
    assert _flags(settings)["assessment_better"] == ("i took", 1)


async def test_three_short_everyday_pieces_are_not_joined_into_an_alarm(
    conversations: Conversations, settings: Settings
) -> None:
    pieces = ["the group", "was good today", "thanks to kelly"]
    assert await _alerts(conversations, settings, "en", pieces) == 0
    assert _flags(settings)["assessment_better"] == ("the group", 0)


def test_a_piece_is_joined_once_only_within_the_window_and_only_if_short() -> None:
    now = [0.0]
    pieces = Fragments(clock=lambda: now[0])
    pieces.keep("a", Piece("i dont want to"))
    assert pieces.before("a", "be here anymore").text == "i dont want to"
    assert pieces.before("a", "be here anymore") is None  # taken: joined once
    pieces.keep("a", Piece("i dont want to"))
    now[0] += WINDOW + 1
    assert pieces.before("a", "be here anymore") is None  # a minute and a half later
    long = "the group on tuesday was the best thing that happened to me in weeks"
    pieces.keep("a", Piece(long))
    assert pieces.before("a", "and the staff were great with my mum too honestly") is None
    pieces.keep("b", Piece("i dont want to"))
    assert pieces.before("a", "be here") is None  # another person's piece is not theirs
    pieces.keep("a", Piece("Mum died a year ago today."))
    assert pieces.before("a", "Finally I'll be with her.") is not None  # two short sentences
    pieces.keep("a", Piece("Mum died a year ago today, I went to the grave with my sister."))
    assert pieces.before("a", "Finally.") is None  # a full first sentence that is not short
