"""Staff scope on Telegram: staff invited for one site see only that site; admins see all."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from bot.report.synth import Response, write
from bot.roles import audit_log
from tests.e2e.conftest import RunningBot
from tests.e2e.fakebotapi import FakeBotAPI, FakeUser

MOMENT = datetime(2026, 11, 17, 9, tzinfo=UTC)  # in 2026-W47


async def joined(bot: RunningBot, api: FakeBotAPI, role: str, site: str | None) -> FakeUser:
    user = api.user()
    assert bot.channel is not None
    invite = await bot.channel.roles.create_invite(role, site)  # type: ignore[arg-type]
    await user.send(f"/join {invite.code}")
    return user


async def two_sites(bot: RunningBot, flows) -> None:
    agree = {"one_service": "agree", "anything_else": "The key worker helped me"}
    people = [Response("consultation", MOMENT, agree, site="wisbech_hub")] * 6
    people += [Response("consultation", MOMENT, agree, site="cambridge_hub")] * 20
    await write(bot.store, flows, people)


async def test_site_staff_see_their_site_and_admins_see_all(bot, api, flows):
    await two_sites(bot, flows)
    wisbech_staff = await joined(bot, api, "staff", "wisbech_hub")
    admin = await joined(bot, api, "admin", None)

    text = "\n".join(s.text for s in await wisbech_staff.send("/summary 2026-W47"))
    assert "Only Wisbech hub" in text and "Responses: 6" in text
    text = "\n".join(s.text for s in await admin.send("/summary 2026-W47"))
    assert "Only" not in text and "Responses: 26" in text

    await wisbech_staff.send("/export 2026-W47")
    files = {d["file_name"]: d["content"] for d in api.documents}
    report = json.loads(files["report.json"])
    headline = next(t for t in report["tables"] if t["id"] == "headline")
    assert headline["rows"][0]["base"]["count"] == 6
    by_site = next(t for t in report["tables"] if t["id"] == "by_site")
    assert all(
        c["count"] in (0, None)
        for r in by_site["rows"]
        if r["key"] != "wisbech_hub"
        for c in r["cells"].values()
    )
    [export] = [e for e in await audit_log(bot.store) if e.action == "export"]
    assert export.params["site"] == "wisbech_hub"


async def test_scope_is_the_role_at_the_time_of_the_request(bot, api, flows):
    await two_sites(bot, flows)
    staff = await joined(bot, api, "staff", "wisbech_hub")
    text = "\n".join(s.text for s in await staff.send("/summary 2026-W47"))
    assert "Responses: 6" in text
    assert bot.channel is not None
    invite = await bot.channel.roles.create_invite("staff", "cambridge_hub")
    await staff.send(f"/join {invite.code}")  # moved to Cambridge: the old grant ends
    text = "\n".join(s.text for s in await staff.send("/summary 2026-W47"))
    assert "Only Cambridge hub" in text and "Responses: 20" in text


async def test_site_staff_review_only_their_sites_comments(bot, api, flows):
    await two_sites(bot, flows)
    staff = await joined(bot, api, "staff", "wisbech_hub")
    shown = await staff.send("/review")
    assert shown[-1].text.startswith("Comment 1 of 6 · 6 still to review")
    admin = await joined(bot, api, "admin", None)
    shown = await admin.send("/review")
    assert shown[-1].text.startswith("Comment 1 of 26 · 26 still to review")

    # A forged Save for a Cambridge comment stores nothing.
    async with bot.store.db.execute(
        "SELECT a.id FROM answers a JOIN sessions s ON s.id = a.session_id"
        " WHERE s.site = 'cambridge_hub' AND a.kind = 'text' LIMIT 1"
    ) as cur:
        cambridge_answer = (await cur.fetchone())[0]
    card = (await staff.send("/review"))[-1]
    await staff.tap_data(f"R:{cambridge_answer}-save:", card.message_id)
    async with bot.store.db.execute("SELECT count(*) FROM theme_reviews") as cur:
        assert (await cur.fetchone())[0] == 0
