"""attack26 on Telegram: a tired person who types "stop" instead of /stop.

Found typing into the bot: at a free-text question "STOP" (as one answers an unwanted text
message in the UK) is stored as their feedback, and the next question comes.  The person
asked to stop; the bot kept going and kept the word as an answer."""

from __future__ import annotations

import sqlite3

import pytest

from tests.e2e.test_attack21_paths import CATALOGUE
from tests.e2e.test_telegram_risk import to_assessment_text_question


def stored(bot, text: str) -> bool:
    db = sqlite3.connect(bot.settings.database)
    try:
        rows = db.execute("SELECT 1 FROM answers WHERE kind = 'text' AND value = ?", (text,))
        return rows.fetchone() is not None
    finally:
        db.close()


@pytest.mark.parametrize(
    ("lang", "typed"),
    [("en", "STOP"), ("en", "stop"), ("pl", "Stop"), ("ru", "стоп")],
)
async def test_stop_typed_without_a_slash_stops_the_form(bot, api, lang: str, typed: str):
    user = api.user(language_code=lang)
    await to_assessment_text_question(bot, user, lang)
    shown = await user.send(typed)
    assert not stored(bot, typed)
    assert shown[-1].text == CATALOGUE.text("flow.stopped", lang)


async def test_guard_stop_with_a_slash_stops_the_form(bot, api):
    user = api.user(language_code="pl")
    await to_assessment_text_question(bot, user, "pl")
    shown = await user.send("/STOP")
    assert shown[-1].text == CATALOGUE.text("flow.stopped", "pl")


@pytest.mark.parametrize(("lang", "typed"), [("en", "STOP"), ("en", "unsubscribe"), ("pl", "stop")])
async def test_stop_typed_by_a_subscriber_with_no_form_open_unsubscribes(
    bot, api, lang: str, typed: str
):
    """UK people answer unwanted messages with STOP; the news they opted into is such a
    message.  With no form to stop, STOP can only mean the news."""
    user = api.user(language_code=lang)
    assert bot.channel is not None
    await bot.channel.subscriptions.set(user.id, lang, updates=True)
    shown = await user.send(typed)
    assert await bot.channel.subscriptions.get(user.id) is None
    assert shown[-1].text == CATALOGUE.text("unsubscribe.done", lang)


async def test_guard_unsubscribe_command_unsubscribes(bot, api):
    user = api.user(language_code="en")
    assert bot.channel is not None
    await bot.channel.subscriptions.set(user.id, "en", updates=True)
    shown = await user.send("/unsubscribe")
    assert await bot.channel.subscriptions.get(user.id) is None
    assert shown[-1].text == CATALOGUE.text("unsubscribe.done", "en")
