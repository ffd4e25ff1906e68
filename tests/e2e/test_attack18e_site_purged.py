"""Hostile review of issue 18 (attack18e): staff invited for one site, on Telegram,
after the retention purge: a week the purge reached, then the week the answer names,
then bad input.  Each gets a kind answer; the week named is made (without its change
column), never refused again naming the same day (attack18d's loop, now for the bot)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.report.period import week as week_of
from bot.report.synth import Response, write
from bot.telegram.jobs import DAILY_PURGE
from tests.e2e.test_telegram_scope import joined

GENERIC = "could not be made just now"


async def test_site_staff_after_the_purge_get_the_week_the_refusal_names(bot, api, flows, caplog):
    settings = bot.settings
    zone = settings.reports.timezone
    cutoff = datetime.now(UTC) - timedelta(days=settings.retention_days)
    agree = {"one_service": "agree"}
    people = [
        Response("consultation", cutoff + timedelta(hours=h), agree, site=site)
        for h in range(-72, 24 * 21, 5)
        for site in ("wisbech_hub", "cambridge_hub")
    ]
    await write(bot.store, flows, people)
    staff = await joined(bot, api, "staff", "wisbech_hub")
    job = next(j for j in bot.app.job_queue.jobs() if j.name == DAILY_PURGE)
    await job.run(bot.app)
    purged = week_of(cutoff.astimezone(ZoneInfo(zone)).date(), zone)
    with caplog.at_level(logging.ERROR):
        for command in ("/export", "/summary"):
            text = "\n".join(m.text for m in await staff.send(f"{command} {purged.label}"))
            assert GENERIC not in text and "deleted" in text, text
            first = text.split("starts on ")[1][:10]
            asked = week_of(datetime.fromisoformat(first).date(), zone)
            if asked.start.isoformat() < first:
                asked = week_of(asked.end + timedelta(days=1), zone)
            before = len(api.documents)
            text = "\n".join(m.text for m in await staff.send(f"{command} {asked.label}"))
            assert GENERIC not in text, text
            assert "deleted" not in text, f"{asked.label} refused again: {text}"
            if command == "/export":
                assert len(api.documents) > before, text
            else:
                assert "Only Wisbech hub" in text, text
        for bad in ("2026-W60", "١٢", "\u200b", "2026-W47; DROP TABLE", "-1"):
            for command in ("/export", "/summary"):
                text = "\n".join(m.text for m in await staff.send(f"{command} {bad}"))
                assert text and GENERIC not in text, (bad, text)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
