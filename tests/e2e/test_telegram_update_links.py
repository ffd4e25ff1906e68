"""/update offers this week's top themes to tick before the update is saved."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.flows import load_flows
from bot.report.queries import ReportQueries
from bot.report.synth import Response, write
from bot.service import option_ids
from tests.e2e.test_telegram_broadcast import staff_member

CLOSED_FORM = "This form is already closed, so nothing was changed."
WAITED = "I waited six weeks for my first appointment, far too long."
HOMELESS = "I was homeless when I came out and the hostel was full of drugs."
TEXT = "We now see new people within a week"


async def said_this_week(bot) -> None:
    settings = bot.settings
    flows = load_flows(settings.flows_dir, settings.languages, option_ids(settings))
    yesterday = datetime.now(UTC) - timedelta(days=1)
    people = [WAITED] * 7 + [HOMELESS] * 3
    await write(
        bot.store,
        flows,
        [Response("consultation", yesterday, {"anything_else": t}) for t in people],
    )


async def test_staff_tick_themes_and_a_status_before_the_update_is_saved(bot, api):
    await said_this_week(bot)
    staff = await staff_member(bot, api)
    shown = await staff.send(f"/update {TEXT}")
    draft = shown[-1]
    assert draft.text.endswith(TEXT)
    # Most raised first; nothing is stored until Save.
    assert draft.labels[:2] == ["Waiting times", "Housing"]
    assert "✓ done" in draft.labels and "Save" in draft.labels
    assert await ReportQueries(bot.store).notes() == []
    shown = await staff.tap("Waiting times")
    await staff.tap("in progress")
    ticked = staff.messages()[-1]
    assert "✓ Waiting times" in ticked.labels and "✓ in progress" in ticked.labels
    assert "done" in ticked.labels
    shown = await staff.tap("Save")
    assert shown[-1].labels[0] == "Send it now"
    [note] = await ReportQueries(bot.store).notes()
    assert (note.text, note.themes, note.status) == (TEXT, ("waiting_times",), "in_progress")
    # The draft's buttons are spent: a second Save (or a late tick) stores nothing more.
    data = draft.data_for("Save")
    api.messages[draft.message_id]["reply_markup"] = {
        "inline_keyboard": [[{"text": "Save", "callback_data": data}]]
    }
    await staff.tap_data(data, draft.message_id)
    assert staff.callback_answer()["text"] == CLOSED_FORM
    assert len(await ReportQueries(bot.store).notes()) == 1


async def test_forged_and_old_draft_buttons_change_nothing(bot, api):
    await said_this_week(bot)
    staff = await staff_member(bot, api)
    first = (await staff.send("/update An older draft"))[-1]
    second = (await staff.send(f"/update {TEXT}"))[-1]
    # The older draft was replaced by the newer /update: its buttons are closed.
    await staff.tap_data(first.data_for("Save"), first.message_id)
    assert staff.callback_answer()["text"] == CLOSED_FORM
    token = second.data_for("Save").rsplit(":", 1)[1]
    # A theme index past the buttons offered, a status that does not exist.
    for forged in (f"U:th9:{token}", f"U:st3:{token}", "U:th0:0000000a", f"U:zz:{token}"):
        await staff.tap_data(forged, second.message_id)
        answer = staff.callback_answer()
        assert answer["show_alert"], forged
    # Someone else's tap on the staff member's draft (a copied button): refused.
    outsider = api.user(5_550_001)
    await outsider.send("/start")
    await outsider.tap_data(second.data_for("Save"), second.message_id)
    assert outsider.callback_answer()["show_alert"]
    assert await ReportQueries(bot.store).notes() == []
    await staff.tap("Don't save")
    assert staff.messages()[-1].text == "Not saved. Nothing was stored."
    assert await ReportQueries(bot.store).notes() == []


async def test_with_no_themes_this_week_the_update_is_saved_at_once(bot, api):
    staff = await staff_member(bot, api)
    shown = await staff.send(f"/update {TEXT}")
    assert shown[-1].labels[0] == "Send it now"
    [note] = await ReportQueries(bot.store).notes()
    assert note.themes == () and note.status is None


async def test_a_full_disk_at_save_loses_neither_the_draft_nor_stores_half(bot, api):
    await said_this_week(bot)
    staff = await staff_member(bot, api)
    await staff.send(f"/update {TEXT}")
    await staff.tap("Waiting times")
    # The disk fills as the update's themes are written: the whole save rolls back.
    await bot.store.write(
        "CREATE TRIGGER full BEFORE INSERT ON update_themes"
        " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
    )
    await staff.tap("Save")
    assert await ReportQueries(bot.store).notes() == []
    await bot.store.write("DROP TRIGGER full")
    shown = await staff.tap("Save")  # the draft is still there: Save again
    assert shown[-1].labels[0] == "Send it now"
    [note] = await ReportQueries(bot.store).notes()
    assert note.themes == ("waiting_times",)
