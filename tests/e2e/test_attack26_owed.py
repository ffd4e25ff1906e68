"""attack26 on Telegram: helplines owed after a Telegram outage (bot/telegram/alerts.py,
stored in ``owed_alerts`` since 942e491), and what the person does next.

The promise: helplines Telegram failed to deliver go before anything else the bot next
sends that person, in their language, once.  Someone in crisis whose send failed may next
tap a button (an old one, or the "Yes" of a /delete asked a moment before), or type a
command: each is the bot's next chance to reach them."""

from __future__ import annotations

import asyncio
import logging
import sqlite3

import pytest

from bot.privacy import respondent_key
from tests.alerts import starts_alert
from tests.e2e.conftest import SECRET
from tests.e2e.test_attack21_paths import CATALOGUE, OVERDOSE_PL, alerted
from tests.e2e.test_telegram_risk import to_assessment_text_question

OVERDOSE_AR = "بلعت علبة حبوب كاملة قبل ساعة"  # "I swallowed a whole box of pills an hour ago"


async def owe(api, user, text: str) -> None:
    """``text`` typed while Telegram refuses every send: its helplines are owed."""
    api.fail("sendMessage", 502, times=60)
    await user.send(text)
    api.calm()


def owed_rows(bot) -> list[str]:
    db = sqlite3.connect(bot.settings.database)
    try:
        return [r[0] for r in db.execute("SELECT respondent_key FROM owed_alerts")]
    finally:
        db.close()


def count_alerts(user, lang: str) -> int:
    return sum(starts_alert(m.text, lang) for m in user.messages())


async def test_guard_two_people_owed_at_once_each_get_their_own_language_once(bot, api):
    """Guard: two debts at once are paid to the right person, in their language, once."""
    pl, ar = api.user(language_code="pl"), api.user(language_code="ar")
    await to_assessment_text_question(bot, pl, "pl")
    await to_assessment_text_question(bot, ar, "ar")
    await owe(api, pl, OVERDOSE_PL)
    await owe(api, ar, OVERDOSE_AR)
    assert len(owed_rows(bot)) == 2
    before = count_alerts(pl, "pl"), count_alerts(ar, "ar")
    assert alerted((await ar.send("مرحبا"))[:1], "ar", overdose=True)  # "hello"
    assert alerted((await pl.send("dzień dobry"))[:1], "pl", overdose=True)
    await pl.send("dzięki")  # "thanks": paid already, nothing again
    await ar.send("شكرا")
    await bot.restart()
    await pl.send("ok")
    await ar.send("ok")
    assert (count_alerts(pl, "pl"), count_alerts(ar, "ar")) == (before[0] + 1, before[1] + 1)
    assert count_alerts(pl, "ar") == count_alerts(ar, "pl") == 0
    assert owed_rows(bot) == []


async def test_guard_owed_helplines_come_before_the_reply_to_stop(bot, api):
    user = api.user(language_code="pl")
    await to_assessment_text_question(bot, user, "pl")
    await owe(api, user, OVERDOSE_PL)
    assert alerted((await user.send("/stop"))[:1], "pl", overdose=True)


async def test_owed_helplines_reach_a_person_who_next_taps_an_old_button(bot, api):
    user = api.user(language_code="pl")
    consent = (await user.send("/start"))[-1]
    agree = CATALOGUE.text("consent.agree", "pl")
    old = consent.data_for(agree)
    assert old is not None
    await user.tap(agree)
    await user.tap(CATALOGUE.text("button.skip", "pl"))  # the FFT; its free text is next
    await owe(api, user, OVERDOSE_PL)
    assert owed_rows(bot)
    await user.tap_data(old, consent.message_id)  # the consent, tapped again
    assert user.callback_answer() is not None  # the pop-up: "that question is old"
    assert alerted(user.messages()[-2:], "pl", overdose=True)


@pytest.mark.parametrize("command", ["/news", "/unsubscribe"])
async def test_owed_helplines_come_before_the_reply_to_news_or_unsubscribe(bot, api, command):
    user = api.user(language_code="pl")
    await to_assessment_text_question(bot, user, "pl")
    await owe(api, user, OVERDOSE_PL)
    assert owed_rows(bot)
    assert alerted((await user.send(command))[:1], "pl", overdose=True)


async def test_owed_helplines_reach_a_person_who_then_confirms_a_delete(bot, api):
    user = api.user(language_code="pl")
    await to_assessment_text_question(bot, user, "pl")
    await user.send("/delete")  # asked, not yet answered
    confirm = (await user.last_message()).message_id
    await owe(api, user, OVERDOSE_PL)
    assert owed_rows(bot)
    yes = CATALOGUE.text("telegram.delete_yes", "pl")
    await user.tap(yes, confirm)
    assert owed_rows(bot) == []  # their data went
    assert alerted(user.messages()[-4:], "pl", overdose=True)


async def test_guard_owed_helplines_held_in_memory_on_a_full_disk_still_come_next(
    bot, api, monkeypatch
):
    """Guard: with the disk full when the debt is written, it is paid from memory."""
    user = api.user(language_code="pl")
    await to_assessment_text_question(bot, user, "pl")
    real_write = bot.store.write

    async def full(sql, *args, **kwargs):
        if "owed_alerts" in sql:
            raise sqlite3.OperationalError("database or disk is full")
        return await real_write(sql, *args, **kwargs)

    monkeypatch.setattr(bot.store, "write", full)
    await owe(api, user, OVERDOSE_PL)
    monkeypatch.setattr(bot.store, "write", real_write)
    assert owed_rows(bot) == []
    assert alerted((await user.send("dzień dobry"))[:1], "pl", overdose=True)
    before = count_alerts(user, "pl")
    await user.send("dzięki")
    assert count_alerts(user, "pl") == before


async def test_owed_overdose_advice_is_not_dropped_by_a_milder_disclosure_next(bot, api):
    """The person said they swallowed a pack of tablets; Telegram failed.  Next they write
    "I don't want to live any more": the helplines they get must still say what to do
    about the overdose."""
    user = api.user(language_code="pl")
    await to_assessment_text_question(bot, user, "pl")
    await owe(api, user, OVERDOSE_PL)
    assert owed_rows(bot)
    shown = await user.send("nie chcę już żyć")  # "I don't want to live any more"
    assert alerted(shown[:1], "pl")
    assert any(alerted([m], "pl", overdose=True) for m in shown)


@pytest.mark.parametrize("redelivered", [False, True])
async def test_guard_owed_helplines_after_a_restart_come_once(bot, api, redelivered: bool):
    """Guard: one debt, one message with the helplines, whether or not Telegram sends
    the update again after the restart (skip_seen signposts it; that pays the debt)."""
    api.forget_offsets = redelivered
    user = api.user(language_code="pl")
    await to_assessment_text_question(bot, user, "pl")
    await owe(api, user, OVERDOSE_PL)
    before = count_alerts(user, "pl")
    await bot.restart()
    if redelivered:
        await api.settled(max(api.pushed))
    await user.send("dzień dobry")
    await user.send("dzięki")
    assert count_alerts(user, "pl") == before + 1
    assert owed_rows(bot) == []


async def test_a_disclosure_when_the_database_cannot_be_read_after_a_restart_gets_helplines(
    bot, api, monkeypatch
):
    """The disk fails (an I/O error) and the bot is restarted by systemd: nothing can be
    read, not even what is owed.  The helplines must not depend on it."""
    user = api.user(language_code="pl")
    await to_assessment_text_question(bot, user, "pl")
    await bot.restart()

    async def broken(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(bot.store, "current_session", broken)
    monkeypatch.setattr(bot.store, "read", broken)
    assert alerted(await user.send(OVERDOSE_PL), "pl", overdose=True)


async def test_owed_overdose_helplines_reach_a_person_who_writes_nothing_more(bot, api):
    """Someone who has just swallowed a pack of tablets may write nothing more (asleep,
    unconscious).  Telegram was failing for a minute; once it is back the helplines
    should go unasked, not only before the next reply they may never ask for."""
    user = api.user(language_code="pl")
    await to_assessment_text_question(bot, user, "pl")
    await owe(api, user, OVERDOSE_PL)
    assert owed_rows(bot)
    # Telegram is back; the person writes nothing.  Within 30 s the helplines arrive.
    await api.wait_until(lambda: alerted(user.messages()[-1:], "pl", overdose=True), 30.0)


async def test_helplines_refused_with_too_many_requests_are_owed_and_reach_the_person(bot, api):
    """Telegram answers 429 (flood wait) to every send for a while, as it may when a bot
    catches up after an outage: past the rate limiter's retries, the helplines must be owed
    like after a 502, not dropped."""
    user = api.user(language_code="pl")
    await to_assessment_text_question(bot, user, "pl")
    api.fail("sendMessage", 429, retry_after=1, times=40)
    await user.send(OVERDOSE_PL)
    api.calm()
    assert not any(alerted([m], "pl") for m in user.messages())  # none got through
    await user.send("dzień dobry")
    assert any(alerted([m], "pl", overdose=True) for m in user.messages())


async def test_owed_helplines_chased_into_a_flood_wait_are_not_dropped(bot, api):
    """The outage ends in flood waits (429) as every bot catches up: the unasked try
    meets one, and the debt must stay owed for the next try or the next message."""
    user = api.user(language_code="pl")
    await to_assessment_text_question(bot, user, "pl")
    await owe(api, user, OVERDOSE_PL)
    api.fail("sendMessage", 429, retry_after=1, times=8)
    await asyncio.sleep(25)  # the unasked tries meet the flood waits
    api.calm()
    await user.send("dzień dobry")
    assert any(alerted([m], "pl", overdose=True) for m in user.messages())


async def test_guard_owing_chasing_and_paying_log_no_one(bot, api, caplog):
    """Guard: at DEBUG, through an outage, a flood wait, the unasked try and a restart, no
    log record holds the person's chat id, key or what they wrote."""
    caplog.set_level(logging.DEBUG)
    user = api.user(6_418_220_937_551, language_code="pl")
    await to_assessment_text_question(bot, user, "pl")
    await owe(api, user, OVERDOSE_PL)
    api.fail("sendMessage", 429, retry_after=1, times=4)
    await asyncio.sleep(12)  # an unasked try meets the flood wait
    api.calm()
    await api.wait_until(lambda: any(alerted([m], "pl") for m in user.messages()), 30.0)
    await bot.restart()
    await user.send("dzień dobry")
    key = respondent_key(SECRET, "telegram", user.id)
    for record in caplog.records:
        text = record.getMessage() + (str(record.exc_info) if record.exc_info else "")
        for secret in (str(user.id), key, key[:16], "połknąłem", "tabletek"):
            assert secret not in text, (record.name, text[:200])
