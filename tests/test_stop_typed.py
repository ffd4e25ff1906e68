"""A message that is only "stop" is /stop at any question, in every channel; "stop" inside
feedback is feedback."""

from __future__ import annotations

import pytest

from bot.conversation import Reply
from bot.service import Conversations
from bot.typed import is_stop


@pytest.mark.parametrize(
    "text", ["STOP", "stop.", "Stop!", "  stop ", "стоп", "Oprește", "jooji", "توقف", "থামুন"]
)
def test_a_message_that_is_only_stop_asks_to_stop(text: str) -> None:
    assert is_stop(text)


@pytest.mark.parametrize(
    "text",
    ["stop calling me at 8am", "stopped using", "the bus stop", "stop smoking group", "nie"],
)
def test_stop_inside_feedback_is_feedback(text: str) -> None:
    assert not is_stop(text)


async def test_stop_typed_at_a_question_in_chat_stops_and_stores_nothing(
    conversations: Conversations,
) -> None:
    await conversations.start("k", "console", lang="en", consented=True)
    turn = await conversations.handle("k", "console", Reply("STOP"))
    assert turn.finished
    assert await conversations.store.current_session("k", "console") is None
