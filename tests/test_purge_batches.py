"""A large purge lets people's answers in between (issue 14 item 3, "Busy").

The first purge after a long time, or after a retention change, may delete tens of
thousands of sessions.  As one statement it held the bot's only writer (and the
database's write lock) until it was done, and every answer waited behind it.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.store import PURGE_BATCH
from tests.e2e.test_telegram_reports import fill_comments

LONG_AGO = "2024-06-01T10:00:00+00:00"  # the store's clock says 2026-01-01
OLD = 25 * PURGE_BATCH


async def test_people_are_answered_while_a_large_purge_runs(conversations, store, settings):
    await fill_comments(store, OLD, at=LONG_AGO)
    purge = asyncio.ensure_future(store.purge(timedelta(days=settings.retention_days)))
    answered_meanwhile, person = 0, 0
    while not purge.done():
        await conversations.start(f"te_person_{person}", "telegram")  # one write each
        person += 1
        answered_meanwhile += not purge.done()
    done = await purge
    assert (done.sessions, done.answers) == (OLD, OLD)
    # Before, the few answers that got in did so while it counted, before the one
    # DELETE; every other answer waited for all of it.
    assert answered_meanwhile >= 15, answered_meanwhile
    rows = await store.read("SELECT count(*) FROM sessions WHERE started_at < '2025'")
    assert rows[0][0] == 0
    rows = await store.read("SELECT count(*) FROM sessions")
    assert rows[0][0] == person  # every person's session kept
