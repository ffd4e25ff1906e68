"""attack21 on Telegram: a disclosure sent by a path the flow does not expect (the language
picker, after /stop, after /join, forwarded, a video's or a document's caption, an edited
caption), and while the database cannot be written or read.  Each gets the helplines at
once, in the language written, with the overdose advice for an overdose."""

from __future__ import annotations

import sqlite3

from bot.i18n import load_catalogue
from tests.alerts import starts_alert
from tests.e2e.test_telegram_flow import sessions_of
from tests.e2e.test_telegram_risk import to_assessment_text_question

CATALOGUE = load_catalogue()
OVERDOSE_PL = (
    "połknąłem całe opakowanie tabletek godzinę temu"  # swallowed a whole pack an hour ago
)


def alerted(shown, lang: str, overdose: bool = False) -> bool:
    alerts = [s.text for s in shown if starts_alert(s.text, lang)]
    return bool(alerts) and (not overdose or CATALOGUE.text("risk.overdose", lang) in alerts[0])


async def test_a_disclosure_typed_at_the_language_picker_gets_helplines_in_its_language(bot, api):
    user = api.user(language_code="xx")  # a phone language the bot does not offer: it asks
    await user.send("/start")
    shown = await user.send("nie chcę już żyć, mam odłożone tabletki na sobotę")
    assert alerted(shown, "pl")


async def test_an_overdose_told_after_stop_gets_overdose_advice(bot, api):
    user = api.user(language_code="pl")
    await to_assessment_text_question(bot, user, "pl")
    await user.send("/stop")
    assert alerted(await user.send(OVERDOSE_PL), "pl", overdose=True)


async def test_a_disclosure_after_join_gets_helplines(bot, api):
    """/join was the one command whose words were not read for risk (on main c943562
    "/join i have taken all my tablets" got only "that code is not valid")."""
    user = api.user(language_code="en")
    await user.send("/start")
    shown = await user.send("/join i have taken all my tablets and i want to die")
    assert alerted(shown, "en", overdose=True)


async def test_a_forwarded_disclosure_gets_overdose_advice(bot, api):
    user = api.user(language_code="en")
    await to_assessment_text_question(bot, user, "en")
    message = user._message(text="I took 40 of my mum's tablets an hour ago and I feel sick")
    message["forward_origin"] = {"type": "hidden_user", "sender_user_name": "Jo", "date": 1}
    assert alerted(await user._push({"message": message}), "en", overdose=True)


async def test_a_disclosure_in_a_videos_caption_gets_helplines_in_russian(bot, api):
    user = api.user(language_code="ru")
    await user.send("/start")
    video = {"file_id": "v1", "file_unique_id": "v1", "width": 1, "height": 1, "duration": 1}
    message = user._message(video=video, caption="выпил всю пачку таблеток час назад")
    assert alerted(await user._push({"message": message}), "ru", overdose=True)


async def test_a_goodbye_letter_sent_as_a_document_gets_helplines(bot, api):
    user = api.user(language_code="en")
    await user.send("/start")
    doc = {"file_id": "d1", "file_unique_id": "d1", "file_name": "note.txt"}
    caption = "this is my goodbye letter, I won't be here tomorrow"
    assert alerted(
        await user._push({"message": user._message(document=doc, caption=caption)}), "en"
    )


async def test_a_disclosure_added_by_editing_a_photos_caption_gets_helplines(bot, api):
    user = api.user(language_code="en")
    await user.send("/start")
    photo = [{"file_id": "p1", "file_unique_id": "p1", "width": 9, "height": 9}]
    await user._push({"message": user._message(photo=photo, caption="me")})
    mine = max(m["message_id"] for m in api.messages.values())
    edited = user._message(photo=photo, caption="i want to kill myself", message_id=mine)
    edited["edit_date"] = 2
    assert alerted(await user._push({"edited_message": edited}), "en")


async def test_a_phone_over_two_lines_and_a_name_with_an_initial_are_not_stored(bot, api):
    user = api.user(language_code="en")
    await to_assessment_text_question(bot, user, "en")
    await user.send("keyworker was great. text me 07911\n123456 or ask for Mrs K. Brown")
    [session] = await sessions_of(bot, user)
    stored = session["answers"]["assessment_better"]
    assert "123456" not in stored and "Brown" not in stored and "keyworker was great" in stored


async def test_an_overdose_told_when_the_disk_is_full_still_gets_overdose_advice(
    bot, api, monkeypatch
):
    """On main c943562 the answer's write failed and the person got only "Sorry, that
    could not be saved": the helplines, worked out before the write, were lost with it."""
    user = api.user(language_code="pl")
    await to_assessment_text_question(bot, user, "pl")

    async def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(bot.store, "save", full)
    shown = await user.send(OVERDOSE_PL)
    assert alerted(shown, "pl", overdose=True)
    assert shown[-1].text == CATALOGUE.text("telegram.not_saved", "pl")


async def test_a_disclosure_when_the_database_cannot_be_read_still_gets_helplines(
    bot, api, monkeypatch
):
    """Not even the session (nor so the person's language) can be read: the helplines come
    in the language the message is written in."""
    user = api.user(language_code="pl")
    await to_assessment_text_question(bot, user, "pl")

    async def locked(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(bot.store, "current_session", locked)
    assert alerted(await user.send(OVERDOSE_PL), "pl", overdose=True)


async def test_a_disclosure_made_before_a_restart_stays_flagged_and_no_log_holds_it(
    bot, api, caplog
):
    """The bot restarts (a deploy, a crash) between a disclosure and the next answer: the
    answer is still flagged, so never quoted in a report; the person carries on where they
    were; and no log line at any level holds what they typed or their number."""
    import logging

    caplog.set_level(logging.DEBUG)
    user = api.user(language_code="en")
    await to_assessment_text_question(bot, user, "en")
    said = "took 30 of my sleeping tablets an hour ago, ring Zebedee on 07911 123456"
    assert alerted(await user.send(said), "en", overdose=True)
    await bot.restart()
    shown = await user.send("the keyworker Quentavious was kind")  # an answer after it
    assert not alerted(shown, "en")
    flags = await bot.store.read(
        "SELECT a.step_id, a.risk_flag, a.value FROM answers a WHERE a.kind = 'text'"
    )
    by_step = {row[0]: (row[1], row[2]) for row in flags}
    assert by_step["assessment_better"][0] == 1
    assert "07911" not in by_step["assessment_better"][1]
    logged = "\n".join(
        r.getMessage() + (caplog.handler.format(r) if r.exc_info else "") for r in caplog.records
    )
    for secret in ("sleeping tablets", "Zebedee", "07911", "123456", "Quentavious"):
        assert secret not in logged


async def test_when_the_risk_screen_itself_fails_the_person_still_gets_a_reply(
    bot, api, monkeypatch
):
    """Helplines for a failed update are worked out in the error handler; if that is what
    fails, the person must still hear that something went wrong, not silence."""
    user = api.user(language_code="en")
    await to_assessment_text_question(bot, user, "en")

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in the screen")

    monkeypatch.setattr(bot.conversations, "risk_alert", broken)
    monkeypatch.setattr(bot.conversations, "screen", broken)
    shown = await user.send("the staff were kind")
    assert shown and shown[-1].text == CATALOGUE.text("telegram.error", "en")


async def test_the_first_piece_of_a_disclosure_in_two_messages_is_never_quoted(bot, api):
    """ "really dont want" … "be alive anymore": the helplines come on the second
    piece, but the first is stored as the answer to the text question without the risk
    flag, and only flagged answers are kept out of a report's quotes."""
    user = api.user(language_code="en")
    await to_assessment_text_question(bot, user, "en")
    await user.send("really dont want")
    assert alerted(await user.send("be alive anymore"), "en")
    rows = await bot.store.read("SELECT value, risk_flag FROM answers WHERE kind = 'text'")
    assert [tuple(r) for r in rows] == [("really dont want", 1)]


async def test_helplines_telegram_fails_to_send_twice_are_sent_again(bot, api):
    """The answer is stored (and its update marked handled) before the reply goes out: on
    main a 502 on the helplines' send lost them for good, and the person got "something
    went wrong" in English and carried on."""
    user = api.user(language_code="pl")
    await to_assessment_text_question(bot, user, "pl")
    api.fail("sendMessage", 502, times=2)
    shown = await user.send(OVERDOSE_PL)
    assert alerted(shown, "pl", overdose=True)


async def test_helplines_telegram_keeps_failing_to_send_come_first_next_time(bot, api):
    user = api.user(language_code="pl")
    await to_assessment_text_question(bot, user, "pl")
    api.fail("sendMessage", 502, times=30)
    shown = await user.send(OVERDOSE_PL)
    assert not alerted(shown, "pl")  # Telegram is down: nothing arrives
    api.calm()
    shown = await user.send("dzień dobry")  # Telegram works again; something ordinary
    assert alerted(shown[:1], "pl", overdose=True)
    assert len([s for s in user.messages() if alerted([s], "pl")]) == 1
