"""Broadcasts that finish: through 502s, lost answers and restarts, each person once.

The fake Bot API fails chosen calls (``fail``, ``flaky``, ``drop``) and can hold a
message unanswered (``hold_after``) so the bot can be stopped mid-broadcast.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import date

import pytest

from bot.telegram.broadcast import Broadcaster
from bot.updates import publish
from tests.e2e.conftest import RunningBot
from tests.e2e.fakebotapi import FakeBotAPI, FakeUser

STAFF_ID = 860_412_337_905
FIRST_READER = 6_100_000_000
NEWS = "News: you said, we did"
UPDATE = "We now open until 8pm on Thursdays"


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Back-off in milliseconds, not seconds: the retries themselves are what is tested."""
    monkeypatch.setattr(Broadcaster, "backoff", 0.001)


@pytest.fixture
async def readers(bot: RunningBot, api: FakeBotAPI, request: pytest.FixtureRequest) -> list:
    count = getattr(request, "param", 4)
    return await subscribe(bot, api, count)


async def subscribe(bot: RunningBot, api: FakeBotAPI, count: int) -> list[FakeUser]:
    users = [api.user(FIRST_READER + i) for i in range(count)]
    assert bot.channel is not None
    for user in users:
        await bot.channel.subscriptions.set(user.id, "en", updates=True)
    return users


async def staff_member(bot: RunningBot, api: FakeBotAPI) -> FakeUser:
    user = api.user(STAFF_ID, first_name="Priya")
    assert bot.channel is not None
    invite = await bot.channel.roles.create_invite("staff", None)
    await user.send(f"/join {invite.code}")
    return user


def news_of(user: FakeUser) -> list[str]:
    return [m.text for m in user.messages() if m.text.startswith(NEWS)]


async def outcome_of(api: FakeBotAPI, staff: FakeUser) -> str:
    """The report staff get once a broadcast is done."""
    await api.wait_until(lambda: any("has gone out" in m.text for m in staff.messages()), 30)
    reports = [m.text for m in staff.messages() if "has gone out" in m.text]
    assert len(reports) == 1, reports
    return reports[0]


def tally(report: str) -> dict[str, int]:
    """The numbers in the report, by the first word of each line."""
    lines = report.splitlines()[1:]
    return {line.split()[0].rstrip(":"): int(line.rsplit(" ", 1)[1]) for line in lines}


async def send_update(api: FakeBotAPI, staff: FakeUser, text: str = UPDATE) -> None:
    shown = await staff.send(f"/update {text}")
    assert shown[-1].labels[0] == "Send it now"
    shown = await staff.tap("Send it now")
    assert shown[-1].text.startswith("Sending it to")


async def test_one_502_does_not_stop_the_broadcast(bot, api, readers):
    """Today: the 502 ends the loop, and the others never get the update."""
    staff = await staff_member(bot, api)
    api.fail("sendMessage", 502, chat_ids={readers[1].id})
    await send_update(api, staff)
    report = await outcome_of(api, staff)
    assert [len(news_of(r)) for r in readers] == [1, 1, 1, 1]
    assert UPDATE in news_of(readers[1])[0]
    assert tally(report) == {"Sent": 4, "Could": 0, "Had": 0, "May": 0}


@pytest.mark.parametrize("readers", [200], indirect=True)
async def test_200_readers_random_502s_and_a_restart_each_get_it_exactly_once(bot, api, readers):
    staff = await staff_member(bot, api)
    ids = {r.id for r in readers}
    api.flaky("sendMessage", 0.15, chat_ids=ids, seed=19)
    held = api.hold_after(80, chat_ids=ids)
    await send_update(api, staff)
    await asyncio.wait_for(held.wait(), 30)

    # A restart (SIGTERM) while a message is on its way: the bot stops taking
    # updates, the message in flight finishes, and it stops before the next one.
    app = bot.app
    await app.updater.stop()
    stopping = asyncio.create_task(app.stop())
    await asyncio.sleep(0)  # stop() marks the application stopped before its first await
    assert not app.running
    api.release()
    await stopping
    before = sum(len(news_of(r)) for r in readers)
    assert 0 < before < 200
    assert not any("has gone out" in m.text for m in staff.messages())
    await bot.stop()
    await bot.start()

    report = await outcome_of(api, staff)
    assert [len(news_of(r)) for r in readers] == [1] * 200
    assert tally(report) == {"Sent": 200, "Could": 0, "Had": 0, "May": 0}
    # Nobody's chat id is left in the broadcast's records once it is done.
    async with bot.store.db.execute("SELECT count(*) FROM deliveries") as cur:
        assert (await cur.fetchone())[0] == 0
    async with bot.store.db.execute("SELECT staff_chat, status FROM broadcasts") as cur:
        assert [tuple(r) for r in await cur.fetchall()] == [(None, "done")]


async def test_a_crash_mid_send_is_never_sent_again_and_staff_are_told(bot, api, readers):
    staff = await staff_member(bot, api)
    ids = {r.id for r in readers}
    held = api.hold_after(2, chat_ids=ids)
    await send_update(api, staff)
    await asyncio.wait_for(held.wait(), 10)
    # The process dies between sending the third message and recording it.
    assert bot.channel is not None
    runner = bot.channel.broadcaster._task
    assert runner is not None
    runner.cancel()
    api.release()  # Telegram delivers it all the same
    await api.wait_until(lambda: len(news_of(readers[2])) == 1)
    await bot.stop()
    await bot.start()

    report = await outcome_of(api, staff)
    assert [len(news_of(r)) for r in readers] == [1, 1, 1, 1]
    assert tally(report) == {"Sent": 3, "Could": 0, "Had": 0, "May": 1}


async def test_a_lost_answer_is_not_sent_again(bot, api, readers):
    staff = await staff_member(bot, api)
    api.drop("sendMessage", chat_ids={readers[0].id}, done=True)
    await send_update(api, staff)
    report = await outcome_of(api, staff)
    assert [len(news_of(r)) for r in readers] == [1, 1, 1, 1]
    assert tally(report) == {"Sent": 3, "Could": 0, "Had": 0, "May": 1}


async def test_blocked_refused_and_failing_are_counted_apart(bot, api, readers):
    staff = await staff_member(bot, api)
    api.blocked.add(readers[0].id)  # blocked the bot; Telegram has not told us
    api.fail("sendMessage", 502, chat_ids={readers[1].id}, times=99)
    api.fail("sendMessage", 400, chat_ids={readers[2].id}, description="Bad Request: odd")
    await send_update(api, staff)
    report = await outcome_of(api, staff)
    assert tally(report) == {"Sent": 1, "Could": 2, "Had": 1, "May": 0}
    assert [len(news_of(r)) for r in readers] == [0, 0, 0, 1]
    assert bot.channel is not None
    assert await bot.channel.subscriptions.get(readers[0].id) is None


async def test_an_outage_pauses_the_broadcast_and_the_hourly_run_finishes_it(bot, api, readers):
    """Telegram down for everyone: nobody is written off as 'could not be sent'."""
    from bot.telegram.jobs import REMINDERS

    staff = await staff_member(bot, api)
    api.fail("sendMessage", 502, chat_ids={r.id for r in readers}, times=10_000)
    await send_update(api, staff)
    await bot.channel.broadcaster.idle()
    assert not any("has gone out" in m.text for m in staff.messages())
    async with bot.store.db.execute("SELECT state, count(*) FROM deliveries GROUP BY 1") as cur:
        assert [tuple(r) for r in await cur.fetchall()] == [("pending", 4)]

    api.calm()  # Telegram is back; the hourly job carries on
    job = next(j for j in bot.app.job_queue.jobs() if j.name == REMINDERS)
    await job.run(bot.app)
    report = await outcome_of(api, staff)
    assert tally(report) == {"Sent": 4, "Could": 0, "Had": 0, "May": 0}
    assert [len(news_of(r)) for r in readers] == [1, 1, 1, 1]


async def test_a_send_left_under_way_without_a_restart_is_settled_by_the_next_run(
    bot, api, readers
):
    """A write that failed after a send (a full disk) leaves it 'attempting' with the bot
    still up; the hourly run counts it as perhaps delivered instead of waiting for ever."""
    from bot.telegram.jobs import REMINDERS

    staff = await staff_member(bot, api)
    api.fail("sendMessage", 502, chat_ids={r.id for r in readers}, times=10_000)
    await send_update(api, staff)
    await bot.channel.broadcaster.idle()  # paused for the outage
    await bot.store.write(
        "UPDATE deliveries SET state = 'attempting' WHERE chat_id = ?", (readers[0].id,)
    )
    api.calm()
    job = next(j for j in bot.app.job_queue.jobs() if j.name == REMINDERS)
    await job.run(bot.app)
    report = await outcome_of(api, staff)
    assert tally(report) == {"Sent": 3, "Could": 0, "Had": 0, "May": 1}
    assert [len(news_of(r)) for r in readers] == [0, 1, 1, 1]


async def test_a_second_tap_on_send_sends_nothing_twice(bot, api, readers):
    staff = await staff_member(bot, api)
    shown = await staff.send(f"/update {UPDATE}")
    message = shown[-1]
    data = message.data_for("Send it now")
    assert data is not None
    await staff.tap("Send it now")
    await outcome_of(api, staff)
    # The same button again, from a phone that still shows it (a double tap that raced
    # the first, or a copy of the message): the broadcast is recorded, so nothing goes.
    api.messages[message.message_id]["reply_markup"] = {
        "inline_keyboard": [[{"text": "Send it now", "callback_data": data}]]
    }
    shown = await staff.tap_data(data, message.message_id)
    assert shown[-1].text == "This update has already been sent. Nobody gets it twice."
    await staff.tap_data(data, message.message_id)  # and once its buttons are gone
    assert [len(news_of(r)) for r in readers] == [1, 1, 1, 1]
    assert await outcome_of(api, staff)  # still one report


async def test_an_update_near_the_limit_arrives_whole_with_its_header(bot, api, readers):
    """Today: the header pushes it over 4,096 characters and it fails for everyone."""
    staff = await staff_member(bot, api)
    long_update = ("We listened. " * 320).strip()  # 4,159 characters: a line of paragraphs
    long_update = long_update[:4090]
    update_id = await publish(bot.store, long_update, "en", "te_staff", date(2026, 1, 5))
    shown = await staff.send("/update A short one first")
    await staff.tap_data(f"U:send{update_id}:", shown[-1].message_id)
    report = await outcome_of(api, staff)
    assert tally(report)["Sent"] == 4
    for reader in readers:
        parts = reader.messages()
        assert len(parts) == 2 and parts[0].text.startswith(NEWS)
        assert all(len(p.text) <= 4096 for p in parts)
        got = " ".join(p.text for p in parts).removeprefix(NEWS).strip()
        assert got.split() == long_update.split()


@pytest.fixture
async def bot(settings, api) -> AsyncIterator[RunningBot]:
    running = await RunningBot(settings, api).start()
    yield running
    await running.stop()


@pytest.mark.parametrize("readers", [12], indirect=True)
async def test_each_message_of_a_broadcast_is_one_trip_to_the_database_thread(bot, api, readers):
    """Each message was marked as being attempted, then recorded as delivered: two
    transactions on the one writer thread per message, 60 a second at Telegram's pace,
    and people's answers queued behind them.  A delivery's outcome now goes in with the
    next one's attempt; what a crash would leave is the same (the tests above)."""
    staff = await staff_member(bot, api)
    seen: list[str] = []
    await bot.store.atomic(lambda conn: conn.set_trace_callback(seen.append))
    await send_update(api, staff)
    report = await outcome_of(api, staff)
    assert [len(news_of(r)) for r in readers] == [1] * 12
    assert tally(report) == {"Sent": 12, "Could": 0, "Had": 0, "May": 0}
    transactions = " ".join(seen).split("BEGIN")
    deliveries = [
        t
        for t in transactions
        if "UPDATE deliveries SET state = 'done' WHERE b" in t or "SET state = 'attempting'" in t
    ]
    assert sum(t.count("SET state = 'attempting'") for t in deliveries) == 12
    # One per message, and the last one's outcome alone (24 before).
    assert len(deliveries) == 13, len(deliveries)


async def test_the_last_reader_having_blocked_the_bot_is_still_counted_and_forgotten(
    bot, api, readers
):
    """The last delivery's outcome has no next attempt to go in with: it is recorded at
    the end of its batch (a blocked reader's opt-in is then removed, as for any other)."""
    staff = await staff_member(bot, api)
    api.blocked.add(readers[-1].id)
    await send_update(api, staff)
    report = await outcome_of(api, staff)
    assert tally(report) == {"Sent": 3, "Could": 0, "Had": 1, "May": 0}
    assert bot.channel is not None
    assert await bot.channel.subscriptions.get(readers[-1].id) is None
    assert await bot.channel.subscriptions.get(readers[-2].id) is not None
    async with bot.store.db.execute("SELECT count(*) FROM deliveries") as cur:
        assert (await cur.fetchone())[0] == 0
