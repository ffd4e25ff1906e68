"""Attack25b on a disclosure sent in two pieces (``bot.fragments``, lead) when the database
fails part-way, in `feedback-bot chat`.

The second piece is stored, then the first piece's flag cannot be written (the write lock
held by a backup or a report, a full disk): the person must still see the helplines, and
must not be told their answer was not saved when it was.  And a first piece whose second
half got the helplines on a failed save stays quotable in every report.
"""

from __future__ import annotations

import contextlib
import sqlite3

import pytest

from bot.config import Settings
from bot.console import NOT_SAVED, chat
from bot.service import Conversations
from tests.test_console import TO_TEXT, Terminal, helplines_shown, stored_texts

FIRST, SECOND = "tomorrow is a year since mum died", "finally I'll be with her"


async def _split(
    conversations: Conversations,
    settings: Settings,
    monkeypatch,
    store,
    broken: str,
    back: bool = False,
) -> Terminal:
    """The first piece stored at the free-text question, then ``broken`` ('flag': the
    flag's write fails; 'save': the second piece's save fails), the second piece (at the
    next question, a choice, or with ``back`` at the same one again), q."""
    lines = iter([*TO_TEXT, FIRST, *(["b"] if back else []), "BREAK", SECOND, "q"])
    term = Terminal([], settings.database)

    async def locked(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    async def read(prompt: str) -> str | None:
        line = next(lines, None)
        if line == "BREAK":
            monkeypatch.setattr(store, "flag_risk" if broken == "flag" else "save", locked)
            line = next(lines, None)
        return line

    with contextlib.suppress(sqlite3.OperationalError):
        await chat(conversations, lang="en", read=read, write=term.write)
    return term


async def test_guard_the_two_pieces_alone_are_quiet_and_together_get_helplines(
    conversations: Conversations, settings: Settings
) -> None:
    """Guard for the tests below: the pair needs the join (neither piece alone fires)."""
    assert conversations.risk_alert(FIRST, "en") is None
    assert conversations.risk_alert(SECOND, "en") is None
    assert conversations.risk_alert(SECOND, "en", before=FIRST) is not None


@pytest.mark.parametrize("back", [False, True])
async def test_a_split_disclosure_gets_helplines_when_the_first_pieces_flag_cannot_be_written(
    conversations: Conversations, settings: Settings, store, monkeypatch, back: bool
) -> None:
    term = await _split(conversations, settings, monkeypatch, store, broken="flag", back=back)
    assert helplines_shown(term) == 1


async def test_a_second_piece_that_was_stored_is_not_called_unsaved(
    conversations: Conversations, settings: Settings, store, monkeypatch
) -> None:
    term = await _split(conversations, settings, monkeypatch, store, broken="flag", back=True)
    stored = stored_texts(settings)
    assert stored.get(SECOND) == 1, stored
    not_saved = conversations.catalogue.text(NOT_SAVED, "en")
    assert not any(not_saved in s for s in term.screens[-3:])


async def test_guard_a_split_disclosure_finished_on_a_full_disk_gets_helplines(
    conversations: Conversations, settings: Settings, store, monkeypatch
) -> None:
    """Guard (the lead's 340a0d2) for the test below."""
    term = await _split(conversations, settings, monkeypatch, store, broken="save", back=True)
    assert helplines_shown(term) == 1


async def test_the_stored_first_piece_of_a_disclosure_signposted_on_a_failed_save_is_not_quoted(
    conversations: Conversations, settings: Settings, store, monkeypatch
) -> None:
    """'tomorrow is a year since mum died' is half of a disclosure the person was given the
    helplines for; they then leave ('q'). Reports quote only answers whose risk flag is 0."""
    await _split(conversations, settings, monkeypatch, store, broken="save", back=True)
    assert stored_texts(settings) == {FIRST: 1}


async def _first_piece_unsaved(
    conversations: Conversations, settings: Settings, store, monkeypatch
) -> Terminal:
    """The first piece typed when the disk is full ('could not save'), room again, then the
    second piece a moment later (typed before the error was read)."""
    lines = iter([*TO_TEXT, "FULL", FIRST, "ROOM", SECOND, "q"])
    term = Terminal([], settings.database)
    save = store.save

    async def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    async def read(prompt: str) -> str | None:
        line = next(lines, None)
        if line in ("FULL", "ROOM"):
            monkeypatch.setattr(store, "save", full if line == "FULL" else save)
            line = next(lines, None)
        return line

    with contextlib.suppress(sqlite3.OperationalError):
        await chat(conversations, lang="en", read=read, write=term.write)
    return term


async def test_a_split_disclosure_whose_first_piece_was_not_saved_gets_helplines(
    conversations: Conversations, settings: Settings, store, monkeypatch
) -> None:
    term = await _first_piece_unsaved(conversations, settings, store, monkeypatch)
    not_saved = conversations.catalogue.text(NOT_SAVED, "en")
    assert any(not_saved in s for s in term.screens)  # the first piece: 'could not save'
    assert helplines_shown(term) == 1
