"""Attack25 in `feedback-bot chat`: this session's reunion rule (prec25, e946711) and the
redaction of one's own name, as a tired person types them.

Found by typing into ``chat``: a reunion with someone who died gets the helplines whether it
is typed at the consent question, at a free-text question, or split over two messages (the
second piece lands at the next question); the answer is stored with its flag, and one's own
name in it is not stored.
"""

from __future__ import annotations

import contextlib
import sqlite3

import pytest

from bot.config import Settings
from bot.console import chat
from bot.i18n import load_catalogue
from bot.service import Conversations
from tests.alerts import openings, shows_alert
from tests.test_console import (
    TO_TEXT,
    Terminal,
    helplines_shown,
    stored_texts,
    typed_in_english,
)

CATALOGUE = load_catalogue()
REUNION = "tomorrow is a year since mum died. finally I'll be with her. thanks for everything"


async def test_a_reunion_typed_at_a_free_text_question_gets_helplines_and_is_flagged(
    conversations: Conversations, settings: Settings
) -> None:
    term = await typed_in_english(conversations, settings, [REUNION])
    assert helplines_shown(term) == 1
    assert stored_texts(settings) == {REUNION: 1}


async def test_a_reunion_typed_at_the_consent_question_gets_helplines_and_the_question_stays(
    conversations: Conversations, settings: Settings
) -> None:
    term = await typed_in_english(conversations, settings, [REUNION], [])
    assert helplines_shown(term) == 1
    at = next(i for i, s in enumerate(term.screens) if shows_alert(s, "en"))
    assert "Are you happy to go ahead?" in term.screens[at] + term.screens[at + 1]


async def test_a_reunion_split_over_two_messages_gets_helplines(
    conversations: Conversations, settings: Settings
) -> None:
    term = await typed_in_english(
        conversations, settings, ["tomorrow is a year since mum died", "finally I'll be with her"]
    )
    assert helplines_shown(term) == 1


async def test_a_reunion_told_in_two_full_sentences_in_two_messages_gets_helplines(
    conversations: Conversations, settings: Settings
) -> None:
    term = await typed_in_english(
        conversations, settings, ["Mum died a year ago today.", "Finally I'll be with her."]
    )
    assert helplines_shown(term) == 1


async def test_ones_own_name_in_a_disclosure_is_not_stored_but_the_disclosure_is_flagged(
    conversations: Conversations, settings: Settings
) -> None:
    text = "Hi, this is Sarah, my keyworker told me to write. Mum died, soon I'll be with her"
    term = await typed_in_english(conversations, settings, [text])
    assert helplines_shown(term) == 1
    with sqlite3.connect(settings.database) as conn:
        rows = conn.execute("SELECT value, risk_flag FROM answers WHERE kind = 'text'").fetchall()
    assert len(rows) == 1
    value, flag = rows[0]
    assert "Sarah" not in value
    assert flag == 1


async def test_a_disclosure_typed_when_the_disk_is_full_still_gets_helplines(
    conversations: Conversations, settings: Settings, store, monkeypatch
) -> None:
    """The operator's disk fills mid-conversation (a peer worker's laptop): the answer cannot
    be stored, but the person who has just said it still sees the helplines."""
    lines = iter([*TO_TEXT, "FULL", REUNION, "q"])
    term = Terminal([], settings.database)

    async def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    async def read(prompt: str) -> str | None:
        line = next(lines, None)
        if line == "FULL":
            monkeypatch.setattr(store, "save", full)
            line = next(lines, None)
        return line

    with contextlib.suppress(sqlite3.OperationalError):
        await chat(conversations, lang="en", read=read, write=term.write)
    assert helplines_shown(term) == 1


async def _split_then_full(
    conversations: Conversations, settings: Settings, store, monkeypatch, fill: bool
) -> Terminal:
    """The first piece stored at the free-text question, back to it, the disk fills (or not),
    then the second piece typed."""
    first, second = "tomorrow is a year since mum died", "finally I'll be with her"
    lines = iter([*TO_TEXT, first, "b", "FULL", second])
    term = Terminal([], settings.database)

    async def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    async def read(prompt: str) -> str | None:
        line = next(lines, None)
        if line == "FULL":
            if fill:
                monkeypatch.setattr(store, "save", full)
            line = next(lines, None)
        return line

    with contextlib.suppress(sqlite3.OperationalError):
        await chat(conversations, lang="en", read=read, write=term.write)
    return term


async def test_a_split_disclosure_gets_helplines_after_going_back(
    conversations: Conversations, settings: Settings, store, monkeypatch
) -> None:
    """Guard for the one below: with room on the disk the two pieces are read together."""
    term = await _split_then_full(conversations, settings, store, monkeypatch, fill=False)
    assert helplines_shown(term) == 1


async def test_a_split_disclosure_finished_when_the_disk_is_full_still_gets_helplines(
    conversations: Conversations, settings: Settings, store, monkeypatch
) -> None:
    term = await _split_then_full(conversations, settings, store, monkeypatch, fill=True)
    assert helplines_shown(term) == 1


TYPO = (
    "owner rules26: a slip of the thumb in a risk word is read since wave 26 (bot/risk_slips.py:"
    " 'wnat', 'wamt', pl 'umżeć', ru 'умиреть'), but not in a word of three letters ('dei' is"
    " Portuguese and Italian) nor two words run together ('iwant')"
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("i wnat to die", id="en-wnat"),
        pytest.param(
            "i want to dei", id="en-dei", marks=pytest.mark.xfail(strict=True, reason=TYPO)
        ),
        pytest.param(
            "iwant to die", id="en-iwant", marks=pytest.mark.xfail(strict=True, reason=TYPO)
        ),
        pytest.param("i wamt to die", id="en-wamt"),
        pytest.param("chcę umżeć", id="pl-umzec"),
        pytest.param("хочу умиреть", id="ru-umiret"),
        # Guards: signposted on main.
        pytest.param("i want ot die", id="en-guard-ot"),
        pytest.param("i wnat to kill myself", id="en-guard-wnat-kill-myself"),
    ],
)
async def test_a_wish_to_die_typed_with_a_slip_of_the_thumb_gets_helplines(
    conversations: Conversations, settings: Settings, text: str
) -> None:
    """Helplines in any language count (Polish and Russian get their own)."""
    term = await typed_in_english(conversations, settings, [text])
    intros = {o for lang in ("en", "pl", "ru") for o in openings(lang)}
    assert sum(any(intro in s for intro in intros) for s in term.screens) == 1
