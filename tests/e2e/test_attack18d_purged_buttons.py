"""Hostile review of issue 18 after the purge fix (attack18d): staff on Telegram asking
for a week the retention purge has reached.

Since ae93ccf no report may include a purged day (``bot/report/purged.py``
``PurgedDays``).  On the command line that is a clear error naming the first day a
report can start on.  In the bot, /export and /summary run in the report process,
whose errors reach staff as ``staff.report_failed``: "could not be made just now ...
Please try again later", which is untrue (it will fail every time) and logged as an
error for the operator.  Staff should be told, kindly, that the week's answers were
deleted under the retention policy and from which week they can ask.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.flows import load_flows
from bot.report.period import week as week_of
from bot.report.synth import write
from bot.service import option_ids
from bot.telegram.jobs import DAILY_PURGE
from tests.e2e.test_telegram_staff import staff_member
from tests.test_report_plain import published_consultation

GENERIC = "could not be made just now"


async def _purged_week(bot) -> str:
    """Run the bot's daily purge; return an ISO week a month before its cut."""
    job = next(j for j in bot.app.job_queue.jobs() if j.name == DAILY_PURGE)
    await job.run(bot.app)
    ((day,),) = await bot.store.staff_read("SELECT day FROM purged_through")
    assert day, "the daily purge marks the last purged day"
    year, number, _ = (datetime.now(UTC) - timedelta(days=400)).isocalendar()
    return f"{year}-W{number:02d}"


@pytest.mark.parametrize("command", ["/export", "/summary", "/publish"])
async def test_a_week_the_purge_reached_gets_a_kind_answer_not_try_again_later(
    bot, api, command, caplog
):
    user = await staff_member(bot, api)
    week = await _purged_week(bot)
    with caplog.at_level(logging.ERROR):
        shown = await user.send(f"{command} {week}")
    text = "\n".join(s.text for s in shown)
    assert api.documents == []
    assert GENERIC not in text, text
    assert any(word in text.lower() for word in ("deleted", "retention", "kept")), text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text


async def test_an_old_send_it_now_for_a_week_the_purge_then_reached_gets_a_kind_answer(
    bot, api, caplog
):
    """/publish of the week the retention cutoff falls in, with 115 answers given after
    the cutoff (so none of them is deleted, but the week now includes a purged day);
    the daily purge runs; then staff tap the preview's *Send it now*."""
    settings = bot.settings
    zone = ZoneInfo(settings.reports.timezone)
    cutoff = datetime.now(UTC) - timedelta(days=settings.retention_days)
    crowd = published_consultation()
    at = [cutoff + timedelta(minutes=5, seconds=10 * i) for i in range(len(crowd))]
    target = week_of(cutoff.astimezone(zone).date(), settings.reports.timezone)
    if week_of(at[-1].astimezone(zone).date(), settings.reports.timezone) != target:
        pytest.skip("the cutoff is too near the end of its week today")
    crowd = [dataclasses.replace(p, started_at=t) for p, t in zip(crowd, at, strict=True)]
    flows = load_flows(settings.flows_dir, settings.languages, option_ids(settings))
    await write(bot.store, flows, crowd)
    await bot.channel.subscriptions.set(api.user(700_100_200).id, "en", updates=True)
    user = await staff_member(bot, api)
    shown = await user.send(f"/publish {target.label}")
    assert shown[-1].text.startswith("This goes to"), shown[-1].text
    job = next(j for j in bot.app.job_queue.jobs() if j.name == DAILY_PURGE)
    await job.run(bot.app)
    before = len(user.messages())
    with caplog.at_level(logging.ERROR):
        await user.tap("Send it now")
    answer = user.callback_answer() or {}
    later = [m.text for m in user.messages()[before:]]
    text = "\n".join([answer.get("text", ""), *later])
    assert GENERIC not in text, text
    assert any(word in text.lower() for word in ("deleted", "retention", "kept")), text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
