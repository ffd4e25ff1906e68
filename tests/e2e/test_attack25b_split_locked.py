"""Attack25b on Telegram: a disclosure sent in two pieces ("już nie chcę" … "żyć") whose
second piece is stored, but whose first piece's flag cannot be written (the write lock held
by a backup or an export in another process for longer than the bot waits, or the disk
filling between the two writes).  The person must still see the helplines."""

from __future__ import annotations

import sqlite3

from bot.i18n import load_catalogue
from tests.alerts import starts_alert
from tests.e2e.test_telegram_risk import to_assessment_text_question

CATALOGUE = load_catalogue()


def _helplines(shown, lang: str) -> bool:
    return any(starts_alert(m.text, lang) for m in shown)


async def test_a_split_polish_disclosure_gets_helplines_when_the_flag_cannot_be_written(
    bot, api, monkeypatch
):
    user = api.user(language_code="pl")
    await to_assessment_text_question(bot, user, "pl")
    first = await user.send("już nie chcę")  # "no longer want" (an answer, stored)
    assert not _helplines(first, "pl")

    async def locked(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(bot.store, "flag_risk", locked)
    shown = await user.send("żyć")  # "to live"
    assert _helplines(shown, "pl"), [m.text for m in shown]


async def test_a_split_polish_disclosure_whose_first_piece_was_not_saved_gets_helplines(
    bot, api, monkeypatch
):
    user = api.user(language_code="pl")
    await to_assessment_text_question(bot, user, "pl")
    save = bot.store.save

    async def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(bot.store, "save", full)
    first = await user.send("już nie chcę")  # 'could not save'
    assert not _helplines(first, "pl") and first
    monkeypatch.setattr(bot.store, "save", save)  # room again
    shown = await user.send("żyć")  # sent before the error was read
    assert _helplines(shown, "pl"), [m.text for m in shown]
