"""The terminal channel, driven line by line as a person would type."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import Settings
from bot.console import chat
from bot.i18n import load_catalogue
from bot.service import Conversations
from tests.alerts import shows_alert


class Terminal:
    """Feeds typed lines and records the screen, checking the DB at each prompt."""

    def __init__(self, lines: list[str], db: Path):
        self.lines: Iterator[str] = iter(lines)
        self.db = db
        self.screens: list[str] = []
        self.stored_when_shown: list[int] = []

    async def read(self, prompt: str) -> str | None:
        return next(self.lines, None)

    def write(self, text: str) -> None:
        self.screens.append(text)
        with sqlite3.connect(self.db) as conn:
            self.stored_when_shown.append(
                conn.execute("SELECT count(*) FROM answers").fetchone()[0]
            )


TO_TEXT = ["1", "s"]
"""Consent, then skip the rating: the consultation flow's first free-text question."""


async def typed_in_english(
    conversations: Conversations, settings: Settings, typed: list[str], lead: list[str] = TO_TEXT
) -> Terminal:
    """``lead`` (by default, to the first free-text question), then ``typed``, then q."""
    term = Terminal([*lead, *typed, "q"], settings.database)
    await chat(conversations, lang="en", read=term.read, write=term.write)
    return term


def helplines_shown(term: Terminal) -> int:
    """How many screens began with the risk alert's opening words."""
    return sum(shows_alert(s, "en") for s in term.screens)


def stored_texts(settings: Settings) -> dict[str, int]:
    """Each stored free-text answer and its risk flag."""
    with sqlite3.connect(settings.database) as conn:
        rows = conn.execute("SELECT value, risk_flag FROM answers WHERE kind = 'text'")
        return dict(rows.fetchall())


def _config_in(tmp_path: Path) -> Path:
    """The shipped config.yaml, with the shipped flows and a database in ``tmp_path``."""
    root = Path(__file__).parent.parent
    config = tmp_path / "config.yaml"
    config.write_text(
        (root / "config.yaml")
        .read_text()
        .replace("./flows", str(root / "flows"))
        .replace("./data/feedback.db", str(tmp_path / "f.db"))
    )
    return config


async def test_full_consultation_in_the_terminal(
    conversations: Conversations, settings: Settings
) -> None:
    typed = [
        "1",  # agree to the privacy notice
        "1",  # service user
        "2",  # Peterborough
        "2",  # agree: one service
        "Less travel between towns",
        "s",  # skip prison statement
        "b",  # back to the prison statement
        "5",  # strongly disagree
        "They need it inside",
        "9",  # not an option: the question is asked again
        "6",  # prefer not to say
        "",  # empty: asked again
        "s",
        "More evening groups",
        "2",  # no to the optional questions about you: the section skipped in one tap
    ]
    term = Terminal(typed, settings.database)
    turn = await chat(
        conversations, flow_id="consultation", lang="en", read=term.read, write=term.write
    )
    assert turn.finished and "Your views are saved" in term.screens[-1]
    assert "1 of 18" in term.screens[1] and "Please choose one of the options." in "".join(
        term.screens
    )
    with sqlite3.connect(settings.database) as conn:
        answers = dict(conn.execute("SELECT step_id, value FROM answers").fetchall())
        session = conn.execute(
            "SELECT area, respondent_group, status, mode FROM sessions"
        ).fetchone()
    assert answers == {
        "respondent_group": "service_user",
        "area": "peterborough",
        "one_service": "agree",
        "one_service_why": "Less travel between towns",
        "prison_service": "strongly_disagree",
        "prison_service_why": "They need it inside",
        "young_adults": "prefer_not_to_say",
        "anything_else": "More evening groups",
        "eq_intro": "skip",
    }
    assert session == ("peterborough", "service_user", "completed", "own_device")
    # Each screen was drawn only after the answer before it was committed.
    assert term.stored_when_shown[2:6] == [1, 2, 3, 4]


async def test_end_of_input_stops_and_keeps_answers(
    conversations: Conversations, settings: Settings
) -> None:
    term = Terminal(["1", "s", "s", "3"], settings.database)  # notice, FFT and why skipped
    turn = await chat(conversations, lang="en", read=term.read, write=term.write, mode="paper")
    assert turn.finished and "kept the answers" in term.screens[-1]
    with sqlite3.connect(settings.database) as conn:
        assert conn.execute("SELECT status, mode FROM sessions").fetchone() == ("stopped", "paper")
        assert conn.execute("SELECT value FROM answers").fetchall() == [("provider_staff",)]


def test_chat_command_refuses_unknown_flow(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _config_in(tmp_path)
    assert main(["--config", str(config), "chat", "--flow", "nope"]) == 2
    assert "known flows: consultation, service_feedback" in capsys.readouterr().err


@pytest.mark.parametrize("typed", ["1, 3", "1,3", "1 3", "١، ٣", "3; 1"])
async def test_several_numbers_at_once_tick_each_on_a_choose_all_question(
    conversations: Conversations, settings: Settings, typed: str
) -> None:
    """A tired person types the options they mean in one line; before, "1, 3" was
    refused with "Please choose one of the options" on a choose-all question."""
    lines = ["1", "s", "s", "1", "2", "1", typed, "d"]  # notice, FFT+why skipped, group, site, …
    term = Terminal(lines, settings.database)
    await chat(conversations, lang="en", read=term.read, write=term.write)
    assert not any("choose one of the options" in s for s in term.screens)
    with sqlite3.connect(settings.database) as conn:
        (value,) = conn.execute(
            "SELECT value FROM answers WHERE step_id = 'stages_used'"
        ).fetchone()
    assert sorted(json.loads(value)) == ["referral", "treatment"]  # 1 stays ticked


async def test_a_list_with_a_number_that_is_no_option_changes_nothing(
    conversations: Conversations, settings: Settings
) -> None:
    term = Terminal(["1", "s", "s", "1", "2", "1, 9", "d"], settings.database)
    await chat(conversations, lang="en", read=term.read, write=term.write)
    with sqlite3.connect(settings.database) as conn:
        row = conn.execute("SELECT value FROM answers WHERE step_id = 'stages_used'").fetchone()
    assert row is None or json.loads(row[0]) in ([], None)


@pytest.mark.parametrize(
    ("lang", "lines", "meant"),
    [
        ("en", ["yes", "dunno"], "dont_know"),
        ("en", ["Yes!", "dont know"], "dont_know"),
        ("en", ["ok", "i dont know"], "dont_know"),
        ("pl", ["tak", "nie wiem"], "dont_know"),
        ("ro", ["Da", "nu stiu"], "dont_know"),
        ("ur", ["haan", "pata nahi"], "dont_know"),
        ("ar", ["نعم", "لا اعرف"], "dont_know"),
        ("so", ["haa", "ma garanayo"], "dont_know"),
    ],
)
async def test_typed_yes_at_the_notice_and_dont_know_at_the_fft(
    conversations: Conversations, settings: Settings, lang: str, lines: list[str], meant: str
) -> None:
    """A tired person on a phone types "yes" instead of tapping "Yes, I agree, let's start",
    and "dont know" or "dunno" at the Friends and Family Test: both were refused with
    "Please choose one of the options"."""
    refusal = conversations.catalogue.text("error.choose_option", lang)
    term = Terminal([*lines, "q"], settings.database)
    await chat(conversations, lang=lang, read=term.read, write=term.write)
    assert not any(refusal in s for s in term.screens)
    with sqlite3.connect(settings.database) as conn:
        assert conn.execute("SELECT step_id, value FROM answers").fetchall() == [("fft", meant)]


async def test_typed_no_at_the_notice_stores_nothing_and_maybe_is_asked_again(
    conversations: Conversations, settings: Settings
) -> None:
    term = Terminal(["maybe", "no"], settings.database)
    turn = await chat(conversations, lang="en", read=term.read, write=term.write)
    assert "Please choose one of the options." in term.screens[1]
    assert turn.finished and "Nothing has been saved" in term.screens[-1]
    with sqlite3.connect(settings.database) as conn:
        assert conn.execute("SELECT count(*) FROM sessions").fetchone() == (0,)


async def test_a_slash_command_typed_at_a_question_is_not_stored_as_the_answer(
    conversations: Conversations, settings: Settings
) -> None:
    """A person used to Telegram types "/help" at "What was good…?"; before, "/help"
    was saved as their feedback.  Now it is refused kindly and the question asked again;
    "/back" and "/skip" mean what they say."""
    lines = ["1", "s", "/help", "/Privacy@feedback_bot", "/skip", "/back", "Kind staff"]
    term = Terminal(lines, settings.database)
    await chat(conversations, lang="en", read=term.read, write=term.write)
    refusals = [s for s in term.screens if "don't know that command" in s]
    assert len(refusals) == 2
    assert all("What was good, or what could we do better?" in s for s in refusals)
    with sqlite3.connect(settings.database) as conn:
        answers = dict(conn.execute("SELECT step_id, value FROM answers").fetchall())
    assert answers.get("fft_why") == "Kind staff"
    assert not any(str(v).startswith("/") for v in answers.values())


async def test_a_command_with_words_after_it_is_still_read_for_risk(
    conversations: Conversations, settings: Settings
) -> None:
    """Only a bare command is held back: "/help i want to end it all tonight" is what
    someone said, and it gets the helplines at once."""
    term = Terminal(["1", "s", "/help i want to end it all tonight"], settings.database)
    await chat(conversations, lang="en", read=term.read, write=term.write)
    assert not any("don't know that command" in s for s in term.screens)
    assert any(s.startswith("!!! ") for s in term.screens)


async def test_the_stop_key_is_named_in_the_persons_language(
    conversations: Conversations, settings: Settings
) -> None:
    """Every key under a question was in Russian but "q = stop" stayed English."""
    term = Terminal(["1"], settings.database)
    await chat(conversations, lang="ru", read=term.read, write=term.write)
    question = next(s for s in term.screens if "s = " in s)
    assert "q = stop" not in question
    assert f"q = {conversations.catalogue.text('button.stop', 'ru')}" in question


async def test_a_full_disk_at_a_disclosure_shows_helplines_and_loses_nothing(
    conversations: Conversations, settings: Settings, store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A peer worker's laptop fills up while someone types a disclosure: they still see the
    helplines at once, are told it was not saved, and are asked the same question again; once
    space is freed, typing it again stores it, once."""
    disclosure = "i took all my tablets an hour ago and feel really sleepy"
    saves = store.save

    async def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    lines = iter([*TO_TEXT, "FULL", disclosure, "FREED", disclosure, "q"])
    term = Terminal([], settings.database)

    async def read(prompt: str) -> str | None:
        line = next(lines, None)
        if line == "FULL":
            monkeypatch.setattr(store, "save", full)
            line = next(lines, None)
        elif line == "FREED":
            monkeypatch.setattr(store, "save", saves)
            line = next(lines, None)
        return line

    await chat(conversations, lang="en", read=read, write=term.write)
    failed = next(i for i, s in enumerate(term.screens) if "could not save" in s)
    assert shows_alert(term.screens[failed - 1], "en")
    assert load_catalogue().text("risk.overdose", "en") in term.screens[failed - 1]
    question = term.screens[failed - 2].split("\n\n")[-1]
    assert question in term.screens[failed]
    assert helplines_shown(term) == 2  # once when it failed, once when it was stored
    assert stored_texts(settings) == {disclosure: 1}


def test_chat_on_a_full_disk_says_so_in_plain_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The operator sees what to do, not a traceback, when the disk is full at the start."""
    config = _config_in(tmp_path)

    async def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("bot.service.Conversations.start", full)
    assert main(["--config", str(config), "chat"]) == 1
    err = capsys.readouterr().err
    assert "disk holding" in err and "is full" in err and "Traceback" not in err
