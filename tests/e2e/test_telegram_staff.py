"""Staff on Telegram: /summary and /export, and the jobs the bot runs on its own."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.config import Reports
from bot.privacy import respondent_key
from bot.report.synth import Response, write
from bot.roles import audit_log
from bot.telegram.jobs import (
    CATCH_UP_BACKUP,
    CHASE_EVERY,
    CHASE_OWED,
    DAILY_BACKUP,
    DAILY_PURGE,
    KEEP_COUNTS,
    REMINDERS,
    WEEKLY_SUMMARY,
)
from tests.e2e.conftest import SECRET, RunningBot
from tests.e2e.fakebotapi import FakeUser

STAFF_ID = 860_412_337_905
STAFF_GROUP = -100_777_123_456
MOMENT = datetime(2026, 11, 17, 9, tzinfo=UTC)  # in 2026-W47
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
async def staff_bot(settings, api):
    with_chats = settings.model_copy(update={"reports": Reports(staff_chat_ids=[STAFF_GROUP])})
    running = await RunningBot(with_chats, api).start()
    yield running
    await running.stop()


async def six_comments(bot: RunningBot, flows) -> None:
    people = [Response("consultation", MOMENT, {"anything_else": "I waited weeks"})] * 6
    await write(bot.store, flows, people)


async def staff_member(bot: RunningBot, api) -> FakeUser:
    user = api.user(STAFF_ID, first_name="Priya")
    invite = await bot.channel.roles.create_invite("staff", None)
    await user.send(f"/join {invite.code}")
    return user


async def test_summary_for_a_named_week_and_a_kind_refusal_of_a_bad_one(bot, api, flows):
    await six_comments(bot, flows)
    user = await staff_member(bot, api)
    shown = await user.send("/summary 2026-W47")
    text = "\n".join(s.text for s in shown)
    assert "Feedback summary 2026-W47" in text
    assert "Responses: 6" in text

    shown = await user.send("/summary last tuesday")
    assert [s.text for s in shown] == [
        "Sorry, I could not read that week. Please write it like 2026-W47,"
        " or send the command on its own for last week."
    ]


async def test_summary_without_a_week_is_last_full_week(bot, api):
    user = await staff_member(bot, api)
    shown = await user.send("/summary")
    year, number, _ = (datetime.now(UTC).date() - timedelta(days=7)).isocalendar()
    assert f"Feedback summary {year}-W{number:02d}" in shown[0].text


async def test_export_sends_the_files_and_is_audited_by_pseudonymous_key(bot, api, flows):
    await six_comments(bot, flows)
    user = await staff_member(bot, api)
    shown = await user.send("/export 2026-W47")
    assert shown[-1].text == "Here are the report files for 2026-W47."

    files = {d["file_name"]: d["content"] for d in api.documents}
    assert {d["chat_id"] for d in api.documents} == {STAFF_ID}
    assert {"commissioners.html", "report.csv", "report.xlsx", "report.json", "summary.md"} <= set(
        files
    )
    assert files["report.xlsx"][:2] == b"PK"  # a real zip, uploaded as bytes
    assert "Feedback summary 2026-W47" in files["summary.md"].decode()
    rows = list(csv.DictReader(io.StringIO(files["report.csv"].decode())))
    assert rows, "the CSV has rows"
    assert json.loads(files["report.json"])["period"]["label"] == "2026-W47"

    exports = [e for e in await audit_log(bot.store) if e.action == "export"]
    assert len(exports) == 1
    entry = exports[0]
    assert entry.actor_key == respondent_key(SECRET, "telegram", STAFF_ID)
    assert entry.params["period"] == "2026-W47"
    assert str(STAFF_ID) not in entry.model_dump_json()
    assert "Priya" not in entry.model_dump_json()


async def test_jobs_are_registered_for_monday_nine_london_and_daily(staff_bot):
    jobs = {job.name: job for job in staff_bot.app.job_queue.jobs()}
    # No backup yet: one soon after start, then daily.
    assert set(jobs) == {
        WEEKLY_SUMMARY,
        DAILY_PURGE,
        DAILY_BACKUP,
        CATCH_UP_BACKUP,
        REMINDERS,
        KEEP_COUNTS,
        CHASE_OWED,
    }
    # Helplines Telegram failed to deliver are tried again unasked, every few seconds.
    assert jobs[CHASE_OWED].trigger.interval == CHASE_EVERY
    # Report counts kept warm: the first soon after start (an upgrade's first export is
    # not the one that counts everything), then hourly.
    assert jobs[KEEP_COUNTS].next_t - datetime.now(UTC) <= timedelta(minutes=5)
    weekly = jobs[WEEKLY_SUMMARY].next_t.astimezone(LONDON)
    assert (weekly.weekday(), weekly.hour, weekly.minute) == (0, 9, 0)
    assert weekly - datetime.now(UTC) <= timedelta(days=7)
    purge = jobs[DAILY_PURGE].next_t.astimezone(LONDON)
    assert purge - datetime.now(UTC) <= timedelta(days=1)
    backup = jobs[DAILY_BACKUP].next_t.astimezone(LONDON)
    assert (backup.hour, backup.minute) == (2, 30)


async def test_the_hourly_job_keeps_the_last_months_report_counts(staff_bot, api):
    """Run from the job queue, in the report process: this month's and the two before
    are counted and kept, week by week, for the exports to read."""
    [job] = staff_bot.app.job_queue.get_jobs_by_name(KEEP_COUNTS)
    await job.run(staff_bot.app)
    store = staff_bot.channel.conversations.store
    kept = await store.staff_read(
        "SELECT min(lo), count(*) FROM report_counts WHERE query = 'answers' AND rows IS NOT NULL"
    )
    first = datetime.now(UTC).date().replace(day=1)
    for _ in range(2):
        first = (first - timedelta(days=1)).replace(day=1)
    assert kept[0][1] >= 12  # at least four weeks a month
    assert kept[0][0] <= f"{first.isoformat()}T00:00:00+00:00"


async def test_weekly_job_sends_the_summary_to_the_staff_group(staff_bot, api):
    job = next(j for j in staff_bot.app.job_queue.jobs() if j.name == WEEKLY_SUMMARY)
    await job.run(staff_bot.app)
    sent = [m["text"] for m in api.sent if m["chat"]["id"] == STAFF_GROUP]
    year, number, _ = (datetime.now(UTC).date() - timedelta(days=7)).isocalendar()
    assert len(sent) == 1 and f"Feedback summary {year}-W{number:02d}" in sent[0]


async def test_weekly_job_with_one_failing_chat_still_sends_to_the_others(settings, api):
    chats = [STAFF_GROUP, STAFF_GROUP - 1]
    running = await RunningBot(
        settings.model_copy(update={"reports": Reports(staff_chat_ids=chats)}), api
    ).start()
    try:
        api.fail_next("sendMessage", code=400, retry_after=None)
        job = next(j for j in running.app.job_queue.jobs() if j.name == WEEKLY_SUMMARY)
        await job.run(running.app)
        assert [m["chat"]["id"] for m in api.sent] == [STAFF_GROUP - 1]
    finally:
        await running.stop()


async def test_daily_job_purges_old_sessions(staff_bot, api):
    user = api.user()
    await user.send("/start")
    await user.tap("Yes, I agree, let's start")
    long_ago = (datetime.now(UTC) - timedelta(days=400)).isoformat(timespec="seconds")
    await staff_bot.store.db.execute("UPDATE sessions SET started_at = ?", (long_ago,))
    await staff_bot.store.db.commit()
    job = next(j for j in staff_bot.app.job_queue.jobs() if j.name == DAILY_PURGE)
    await job.run(staff_bot.app)
    async with staff_bot.store.db.execute("SELECT count(*) FROM sessions") as cur:
        assert (await cur.fetchone())[0] == 0
    purges = [e for e in await audit_log(staff_bot.store) if e.action == "purge"]
    assert purges and purges[-1].params["sessions"] == 1


async def test_export_files_a_killed_bot_left_behind_are_removed(
    bot, api, flows, tmp_path, monkeypatch
):
    """kill -9 while /export was writing leaves its folder, comments and all, in the
    temporary folder (a container keeps it across restarts).  The next /export removes
    every such folder older than any export can run, and nothing else."""
    import os
    import tempfile
    import time

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    left = scratch / "feedback-export-k1ll3d" / "2026-W47"
    left.mkdir(parents=True)
    (left / "report.csv").write_text("theme,quote\nstaff,I told Dr Jones everything\n")
    hours_ago = time.time() - 3 * 3600
    os.utime(left.parent, (hours_ago, hours_ago))
    other = scratch / "someone-elses"
    other.mkdir()
    os.utime(other, (hours_ago, hours_ago))
    await six_comments(bot, flows)
    user = await staff_member(bot, api)
    shown = await user.send("/export 2026-W47")
    assert shown[-1].text == "Here are the report files for 2026-W47."
    assert not left.parent.exists()
    assert other.exists()


async def test_an_export_the_full_disk_could_not_audit_is_not_sent(bot, api, flows, monkeypatch):
    """The audit entry is written once the files are back from the report process and
    before they go: a full disk at that moment sends no file, unaudited, and says the
    request was not saved (the files, with people's comments, are removed)."""
    import sqlite3

    from bot.report import worker as worker_module

    async def full(*_args, **_kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(worker_module, "record_export", full)
    await six_comments(bot, flows)
    user = await staff_member(bot, api)
    shown = await user.send("/export 2026-W47")
    assert api.documents == []
    assert "Here are the report files" not in " ".join(s.text for s in shown)
    assert [e for e in await audit_log(bot.store) if e.action == "export"] == []
