"""Hostile review of issue 18 item 4 (attack18c): DEBUG logs of the staff and desk paths.

tests/e2e/test_logs_name_no_one.py walks a respondent, /summary, /update and
/delete at DEBUG.  Here the paths it does not walk: a peer's desk (/assist, the
person beside them typing, /language mid-form, Delete these answers), /review with
its taps, and /export sending files.  No chat id, key or typed text may be logged.
"""

from __future__ import annotations

import logging

from bot.privacy import respondent_key
from tests.e2e.conftest import SECRET, RunningBot
from tests.e2e.test_telegram_peer import AGREE, fill_tiny, open_tiny

PEER, STAFF = 6_418_220_938_114, 6_418_220_938_225
STORY = "Haverleigh-Pym at the front desk sorted my script out."


async def test_debug_logs_of_desk_review_and_export_name_no_one(settings, api, caplog):
    caplog.set_level(logging.DEBUG)
    for name in ("telegram", "aiosqlite", "apscheduler", "aiohttp", "bot", "asyncio", "httpx"):
        caplog.set_level(logging.DEBUG, logger=name)
    bot = await RunningBot(settings, api, opener=open_tiny).start()
    try:
        assert bot.channel is not None
        peer = api.user(PEER, first_name="Rosalind")
        await peer.send(
            f"/join {(await bot.channel.roles.create_invite('peer', 'wisbech_hub')).code}"
        )
        await peer.send("/assist")
        await peer.tap(AGREE)
        await fill_tiny(peer, STORY)
        await peer.tap("Delete these answers")
        await peer.send("/assist")
        await peer.tap(AGREE)
        await fill_tiny(peer, STORY)
        await peer.tap("Finish")

        staff = api.user(STAFF, first_name="Ingram")
        invite = await bot.channel.roles.create_invite("admin", None)
        await staff.send(f"/join {invite.code}")
        await staff.send("/review")
        shown = await staff.send("/export")
        assert shown
    finally:
        await bot.stop()
    records = caplog.records
    logged = "\n".join(
        [caplog.text, *(r.getMessage() for r in records), *(r.exc_text or "" for r in records)]
    )
    assert "executing" in logged and "Calling Bot API endpoint" in logged
    keys = [respondent_key(SECRET, "telegram", who) for who in (PEER, STAFF)]
    forbidden = {
        "hashing secret": SECRET.decode(),
        "invite code": invite.code,
        **{f"id {who}": str(who) for who in (PEER, STAFF)},
        **{f"key {key[:8]}": key for key in keys},
        **{f"key digest {key[:8]}": key[3:] for key in keys},
        "story": STORY,
        "a name typed": "Haverleigh-Pym",
    }
    leaked = sorted(label for label, value in forbidden.items() if value in logged)
    assert leaked == []
