"""Attack25b on Telegram: a disclosure typed during a Telegram outage, then a restart (a
deploy, a crash, systemd after the outage).

The answer is stored and its update marked handled before the helplines go out
(bot/telegram/alerts.py).  If Telegram keeps failing, the helplines are owed.  They were held
in memory only (wave 25): a restart forgot them, and the update Telegram sent again after the
restart was skipped as handled (bot/once.py), so the person who said they swallowed a pack of
tablets never saw a helpline, though the database held their flagged answer.  They are stored
now, and go with the person's data."""

from __future__ import annotations

import pytest

from tests.e2e.test_attack21_paths import OVERDOSE_PL, alerted
from tests.e2e.test_telegram_risk import to_assessment_text_question


async def test_guard_owed_helplines_come_first_next_time_without_a_restart(bot, api):
    """Guard: without a restart the owed helplines arrive before the next reply."""
    user = api.user(language_code="pl")
    await to_assessment_text_question(bot, user, "pl")
    api.fail("sendMessage", 502, times=30)
    assert not alerted(await user.send(OVERDOSE_PL), "pl")
    api.calm()
    assert alerted((await user.send("dzień dobry"))[:1], "pl", overdose=True)


@pytest.mark.parametrize(
    "redelivered",
    [
        False,  # nothing sent again: the owed helplines are stored (owed_alerts)
        True,  # the update sent again is skipped as handled, and signposted (skip_seen)
    ],
)
async def test_helplines_owed_when_the_bot_restarts_still_reach_the_person(
    bot, api, redelivered: bool
):
    api.forget_offsets = redelivered  # True: Telegram sends every update again
    user = api.user(language_code="pl")
    await to_assessment_text_question(bot, user, "pl")
    api.fail("sendMessage", 502, times=30)
    assert not alerted(await user.send(OVERDOSE_PL), "pl")  # Telegram is down
    api.calm()

    await bot.restart()
    if redelivered:
        await api.settled(max(api.pushed))
    await user.send("dzień dobry")  # something ordinary, after the restart
    assert any(alerted([m], "pl", overdose=True) for m in user.messages())


async def test_owed_helplines_for_a_split_disclosure_reach_the_person_after_a_restart(bot, api):
    api.forget_offsets = True  # Telegram sends every update again after the restart
    user = api.user(language_code="pl")
    await to_assessment_text_question(bot, user, "pl")
    assert not alerted(await user.send("już nie chcę"), "pl")  # "no longer want"
    api.fail("sendMessage", 502, times=30)
    assert not alerted(await user.send("żyć"), "pl")  # "to live": Telegram is down
    api.calm()

    await bot.restart()
    await api.settled(max(api.pushed))
    await user.send("dzień dobry")  # something ordinary, after the restart
    assert any(alerted([m], "pl") for m in user.messages())
