"""/publish: the week's network report, short, to /news subscribers in their language."""

from __future__ import annotations

import sqlite3

from bot.flows import load_flows
from bot.i18n import FSI, PDI
from bot.report.queries import ReportQueries
from bot.report.synth import write
from bot.roles import audit_log
from bot.schema import migrate, migrations
from bot.service import option_ids
from tests.e2e.test_telegram_broadcast import FIRST_READER, outcome_of, staff_member, tally
from tests.test_report_plain import published_consultation

HEADLINE = "About 7 in 10 people agreed (83 of 115)"


async def setting_up(bot, api, langs=("en", "en", "pl", "ar")):
    settings = bot.settings
    flows = load_flows(settings.flows_dir, settings.languages, option_ids(settings))
    crowd = published_consultation()
    await write(bot.store, flows, crowd)
    await ReportQueries(bot.store).add_update(
        "We now see new people within a week.", "2026-11-18", themes=["waiting_times"]
    )
    readers = [api.user(FIRST_READER + i) for i in range(len(langs))]
    for reader, lang in zip(readers, langs, strict=True):
        await bot.channel.subscriptions.set(reader.id, lang, updates=True)
    return readers, await staff_member(bot, api)


def received(reader) -> list[str]:
    return [m.text for m in reader.messages()]


async def test_staff_publish_the_week_and_each_reader_gets_it_in_their_language(bot, api):
    readers, staff = await setting_up(bot, api)
    shown = await staff.send("/publish 2026-W47")
    preview = shown[-1]
    assert preview.text.startswith("This goes to the 4 people who asked for news")
    assert HEADLINE in preview.text
    assert "We did: We now see new people within a week." in preview.text
    await staff.tap("Send it now")
    report = await outcome_of(api, staff)
    assert tally(report)["Sent"] == 4
    english, polish, arabic = received(readers[0]), received(readers[2]), received(readers[3])
    assert len(english) == 1 and english == received(readers[1])
    assert english[0].startswith("What you told us: 16 November 2026")
    assert "There should be a specialist drug and alcohol service in prison." in english[0]
    assert HEADLINE in english[0]
    # Raised before, not this week: the theme without a count.
    assert "You said: Waiting times\nWe did: We now see new people within a week." in english[0]
    assert english[0].endswith("Send /news to read every update.")
    assert "Około 7 na 10 osób się zgodziło (83 z 115)" in polish[0]
    assert f"{FSI}83{PDI}" in arabic[0] and "وافقوا" in arabic[0]
    [entry] = [e for e in await audit_log(bot.store) if e.action == "publish"]
    assert entry.params["period"] == "2026-W47" and entry.params["recipients"] == 4


async def test_a_week_is_published_once(bot, api):
    readers, staff = await setting_up(bot, api, ("en",))
    await staff.send("/publish 2026-W47")
    first = staff.messages()[-1]
    data = first.data_for("Send it now")
    await staff.tap("Send it now")
    await outcome_of(api, staff)
    # The old button again (a copy of the message), and /publish of the same week again.
    api.messages[first.message_id]["reply_markup"] = {
        "inline_keyboard": [[{"text": "Send it now", "callback_data": data}]]
    }
    shown = await staff.tap_data(data, first.message_id)
    assert shown[-1].text == "The report for 2026-W47 has already been sent. Nobody gets it twice."
    await staff.send("/publish 2026-W47")
    await staff.tap("Send it now")
    assert len(received(readers[0])) == 1


async def test_forged_publish_buttons_and_weeks_with_nothing_to_say(bot, api):
    readers, staff = await setting_up(bot, api, ("en",))
    shown = await staff.send("/publish 2026-W47")
    await staff.tap_data("U:pub2026-W99:", shown[-1].message_id)
    assert staff.callback_answer()["show_alert"]
    await staff.tap_data("U:pubDROP TABLE:", shown[-1].message_id)
    assert staff.callback_answer()["show_alert"]
    shown = await staff.send("/publish 2025-W10")
    assert shown[-1].text.startswith("There is nothing to send for 2025-W10")
    # Someone without a role who copies the button: refused, nothing sent.
    outsider = api.user(5_550_002)
    await outsider.send("/start")
    await outsider.tap_data("U:pub2026-W47:", shown[-1].message_id)
    assert outsider.callback_answer()["show_alert"]
    assert received(readers[0]) == []


async def test_a_restart_sends_the_stored_words(bot, api):
    readers, _ = await setting_up(bot, api, ("en", "pl"))
    broadcasts = bot.channel.broadcaster.broadcasts
    texts = {"en": "English words", "pl": "Polskie słowa"}
    assert await broadcasts.begin_report("2026-W47", texts, None, "en") == 2
    await bot.restart()  # recorded, not yet sent: the next start sends it
    await api.wait_until(lambda: all(received(r) for r in readers), 30)
    assert [received(r) for r in readers] == [["English words"], ["Polskie słowa"]]


def test_broadcasts_in_flight_survive_the_migration(tmp_path):
    """030 rebuilds broadcasts and deliveries: a broadcast half-sent keeps every row."""
    conn = sqlite3.connect(tmp_path / "f.db", isolation_level=None)
    conn.execute("PRAGMA foreign_keys=ON")
    migrate(conn, "2026-11-01T00:00:00+00:00", [m for m in migrations() if m.number < 30])
    conn.execute("COMMIT")
    conn.execute(
        "INSERT INTO updates (id, text, lang, dated, created_at) VALUES (1, 'x', 'en',"
        " '2026-11-01', '2026-11-01')"
    )
    for chat in (11, 12):
        conn.execute(
            "INSERT INTO subscribers (token, chat_id, lang, updates, remind)"
            f" VALUES ('t{chat}', {chat}, 'en', 1, 0)"
        )
    conn.execute(
        "INSERT INTO broadcasts (id, update_id, staff_chat, staff_lang, status, sent,"
        " started_at) VALUES (7, 1, 99, 'en', 'sending', 1, '2026-11-01')"
    )
    conn.execute("INSERT INTO deliveries VALUES (7, 11, 'done', 0), (7, 12, 'pending', 0)")
    migrate(conn, "2026-11-02T00:00:00+00:00")
    conn.execute("COMMIT")
    assert conn.execute("SELECT id, update_id, period, sent FROM broadcasts").fetchall() == [
        (7, 1, None, 1)
    ]
    assert conn.execute("SELECT * FROM deliveries ORDER BY chat_id").fetchall() == [
        (7, 11, "done", 0),
        (7, 12, "pending", 0),
    ]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.execute("DELETE FROM subscribers WHERE chat_id = 12")  # the cascade still holds
    assert conn.execute("SELECT count(*) FROM deliveries").fetchone() == (1,)


async def test_an_old_preview_tapped_after_a_newer_week_went_out_sends_nothing(bot, api):
    """A preview of 2026-W47 left in the chat, then 2026-W48's report sent: Send on the old
    preview must not send last-but-one week's report to everyone after the newer one."""
    readers, staff = await setting_up(bot, api, ("en",))
    await staff.send("/publish 2026-W47")
    old = staff.messages()[-1]
    broadcasts = bot.channel.broadcaster.broadcasts
    assert await broadcasts.begin_report("2026-W48", {"en": "Week 48 words"}, None, "en") == 1
    await api.wait_until(lambda: received(readers[0]) == ["Week 48 words"], 30)
    shown = await staff.tap("Send it now", old.message_id)
    assert shown[-1].text == (
        "A newer report (2026-W48) has already been sent, so the report for 2026-W47"
        " is not sent: it would reach people after the newer one."
    )
    assert received(readers[0]) == ["Week 48 words"]
    assert not [e for e in await audit_log(bot.store) if e.action == "publish"]


async def test_a_week_not_yet_over_is_refused_with_when_it_can_be_published(bot, api):
    """A week's report goes out once, so one sent before the week closes would stop the full
    week from ever going.  A week closes at the weekly summary after it (Monday 09:00,
    London): until then people can still finish answers begun in it."""
    from datetime import UTC, datetime

    readers, staff = await setting_up(bot, api, ("en",))
    await ReportQueries(bot.store).add_update("We now open until 8pm.", "2026-11-24")
    bot.store.clock = lambda: datetime(2026, 11, 25, 12, tzinfo=UTC)  # Wednesday of W48
    shown = await staff.send("/publish 2026-W48")
    assert shown[-1].text == (
        "2026-W48 is not over yet: people can still finish their answers for it. You can"
        " publish it from 30 November 2026 at 09:00 (Europe/London)."
    )
    assert not shown[-1].buttons
    # Monday 08:59 London (GMT in November): W47 has ended, but is not yet closed.
    bot.store.clock = lambda: datetime(2026, 11, 23, 8, 59, tzinfo=UTC)
    shown = await staff.send("/publish 2026-W47")
    assert "from 23 November 2026 at 09:00" in shown[-1].text
    bot.store.clock = lambda: datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    shown = await staff.send("/publish 2026-W47")
    assert shown[-1].text.startswith("This goes to the 1 people who asked for news")
    # A Send button for W48 (kept from before this check, or copied) sends nothing either.
    shown = await staff.tap_data("U:pub2026-W48:", shown[-1].message_id)
    assert shown[-1].text.startswith("2026-W48 is not over yet")
    async with bot.store.db.execute("SELECT count(*) FROM broadcasts") as cur:
        assert (await cur.fetchone())[0] == 0, "nothing recorded: the full week can still go"
    assert received(readers[0]) == []


async def test_send_sends_what_was_previewed_or_nothing_if_it_changed(bot, api):
    """The preview is what staff approve: answers finished late in the week (or an edit,
    a /delete, a new update) between the preview and the tap used to go out unseen, as
    rebuilt at the tap.  Now a changed report is shown again to approve, and nothing goes
    until it is; then exactly the words previewed go."""
    readers, staff = await setting_up(bot, api, ("en",))
    await staff.send("/publish 2026-W47")
    first = staff.messages()[-1]
    assert "We did: We now see new people within a week." in first.text
    assert "We now open until 8pm." not in first.text
    await ReportQueries(bot.store).add_update("We now open until 8pm.", "2026-11-19")
    shown = await staff.tap("Send it now", first.message_id)
    assert shown[-2].text == (
        "The report for 2026-W47 has changed since that preview (answers were added, changed"
        " or deleted, or an update was written), so nothing was sent. Here it is as it is now:"
    )
    second = shown[-1]
    assert "We now open until 8pm." in second.text and second.buttons
    async with bot.store.db.execute("SELECT count(*) FROM broadcasts") as cur:
        assert (await cur.fetchone())[0] == 0, "nothing recorded: the week can still go"
    assert not [e for e in await audit_log(bot.store) if e.action == "publish"]
    # A button from before digests (or hand-made, or a forged digest) never matches.
    for forged in ("U:pub2026-W47:", "U:pub2026-W47.0123456789:"):
        api.messages[first.message_id]["reply_markup"] = {
            "inline_keyboard": [[{"text": "Send it now", "callback_data": forged}]]
        }
        shown = await staff.tap_data(forged, first.message_id)
        assert shown[-2].text.startswith("The report for 2026-W47 has changed since")
    async with bot.store.db.execute("SELECT count(*) FROM broadcasts") as cur:
        assert (await cur.fetchone())[0] == 0
    await staff.tap("Send it now", second.message_id)
    await outcome_of(api, staff)
    [message] = received(readers[0])
    assert message == second.text.split("\n\n", 1)[1], "exactly the words previewed"


async def test_a_preview_tapped_after_a_restart_still_sends_and_odd_digests_are_refused(bot, api):
    """The digest lives in the button, not in memory: a bot restarted between the preview
    and the tap sends the previewed words.  A digest that is not one the bot makes is a
    forged button (an alert), never a send."""
    readers, staff = await setting_up(bot, api, ("en",))
    await staff.send("/publish 2026-W47")
    preview = staff.messages()[-1]
    for odd in ("U:pub2026-W47.ZZZZZZZZZZ:", "U:pub2026-W47.0123:", "U:pub2026-W47.:"):
        await staff.tap_data(odd, preview.message_id)
        assert staff.callback_answer()["show_alert"]
    await bot.restart()
    await staff.tap("Send it now", preview.message_id)
    await outcome_of(api, staff)
    assert received(readers[0]) == [preview.text.split("\n\n", 1)[1]]
