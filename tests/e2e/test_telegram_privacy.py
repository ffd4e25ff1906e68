"""Issue 5 over Telegram: no identifier is stored or logged, and risk gets helplines at once.

The scan test walks the whole service_feedback flow as a Polish speaker
whose Telegram account has a distinctive id, username, first and last name and
``language_code`` "pl-PL", and who types their name, phone number and a risk
phrase into free-text answers.  Then it searches every table, the database
files on disk (including the -wal and -shm files) and every log record, at
DEBUG, of every logger (python-telegram-bot, httpx, httpcore, aiosqlite,
apscheduler, aiohttp, ours), for those values.

Decision on language: the interface language the person ends up using ("pl")
is stored as the session's chosen language, because reports count responses by
interface language and a restart must keep talking Polish.  That is two
letters from a list of thirteen, shared by every Polish speaker.  Telegram's
raw ``language_code`` ("pl-PL", which can carry a region and so narrows who
someone is) is used only as a hint for that one call and is never stored or
logged; the scan checks for it.

In a private chat Telegram's chat id is the user id, so the one number
covers both.
"""

from __future__ import annotations

import json
import logging

from bot.privacy import respondent_key
from tests.e2e.conftest import SECRET, RunningBot
from tests.e2e.fakebotapi import FakeUser
from tests.e2e.test_telegram_flow import past_fft

USER_ID = 7_604_318_229_517
USERNAME = "jadwiga_fakeuser_pl"
FIRST, LAST = "Jadwigaxa", "Wrzosowiecka"
PHONE, PHONE_DIGITS = "07700 900 873", "07700900873"
LANGUAGE_CODE = "pl-PL"
TEXTS = [
    f"Nazywam się {FIRST} {LAST}, mój telefon to {PHONE}. Czasem chcę umrzeć.",
    f"Więcej czasu na rozmowę, proszę. Mój numer {PHONE_DIGITS}.",
    "Wieczorne grupy byłyby bardzo dobre dla mnie.",
    "Dziękuję za pomoc i cierpliwość.",
]
IDENTIFIERS = [str(USER_ID), USERNAME, FIRST, LAST, PHONE, PHONE_DIGITS, LANGUAGE_CODE]
LOGGERS = ["telegram", "httpx", "httpcore", "aiosqlite", "apscheduler", "aiohttp", "bot"]
HELPLINES_PL = "Nie jesteś sam/a"


def found(haystack: str) -> list[str]:
    """Identifiers present as typed or as JSON escapes them."""
    return [s for s in IDENTIFIERS if s in haystack or json.dumps(s)[1:-1] in haystack]


async def walk_flow(user: FakeUser, texts: list[str]) -> list[str]:
    """Answer every question: the first option (and Done on tick lists), texts where typed.

    Buttons are found by their callback data, not labels, so the walk works in any
    language.  Returns the texts it typed, in order.
    """
    typed: list[str] = []
    await user.send("/start")
    for _ in range(60):
        last = await user.last_message()
        data = [d for row in last.buttons for _, d in row]
        choose = [d for d in data if d.startswith("c:")]
        done = [d for d in data if d.startswith("d:")]
        if not data or data[0].startswith("O:"):  # done: only the opt-in is left
            return typed
        if choose:
            await user.tap_data(choose[0], last.message_id)
            if done:
                await user.tap_data(done[0], last.message_id)
        else:
            text = texts[len(typed) % len(texts)]
            typed.append(text)
            await user.send(text)
    raise AssertionError("the flow did not finish in 60 steps")


async def test_full_telegram_flow_leaves_no_identifier_in_tables_files_or_logs(
    bot: RunningBot, api, caplog, dump_tables
):
    caplog.set_level(logging.DEBUG)
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    user = api.user(
        USER_ID, first_name=FIRST, last_name=LAST, username=USERNAME, language_code=LANGUAGE_CODE
    )
    typed = await walk_flow(user, TEXTS)
    assert typed[0] == TEXTS[0] and len(typed) >= 2
    shown = [m.text for m in user.messages()]
    assert shown[-2].startswith("Dziękujemy"), shown[-2]
    assert any(HELPLINES_PL in text for text in shown)
    await user.send("/help")
    await user.send("/nosuchcommand")

    key = respondent_key(SECRET, "telegram", USER_ID)
    async with bot.store.db.execute(
        "SELECT status, lang FROM sessions WHERE respondent_key = ?", (key,)
    ) as cur:
        assert [tuple(r) for r in await cur.fetchall()] == [("completed", "pl")]
    async with bot.store.db.execute(
        "SELECT value, risk_flag FROM answers WHERE kind = 'text' ORDER BY id"
    ) as cur:
        answers = [tuple(r) for r in await cur.fetchall()]
    assert answers[0] == ("Nazywam się [name], mój telefon to [phone]. Czasem chcę umrzeć.", 1)

    assert found(await dump_tables(bot.store)) == []
    database = bot.settings.database
    await bot.stop()
    files = list(database.parent.glob(database.name + "*"))
    assert any(f.name.endswith("-wal") for f in files) or len(files) == 1
    raw = b"".join(f.read_bytes() for f in files)
    assert found(raw.decode("utf-8", errors="replace")) == []

    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "sendMessage" in logged and "executing" in logged, (
        "the scan must see calls and statements"
    )
    assert found(logged) == [] and key not in logged


async def test_risky_answer_gets_helplines_before_the_next_question_and_flow_goes_on(bot, api):
    user = api.user(language_code="pl")
    await user.send("/start")
    await user.tap_data(
        (await user.last_message()).buttons[0][0][1], user.messages()[-1].message_id
    )
    for _ in range(2):  # the FFT question and its free text, skipped
        last = await user.last_message()
        skip = next(d for row in last.buttons for _, d in row if d.startswith("s:"))
        await user.tap_data(skip, last.message_id)
    last = await user.last_message()
    await user.tap_data(last.buttons[0][0][1], last.message_id)  # respondent group
    last = await user.last_message()
    await user.tap_data(last.buttons[0][0][1], last.message_id)  # site
    last = await user.last_message()
    choose = [d for row in last.buttons for _, d in row]
    await user.tap_data(choose[0], last.message_id)
    await user.tap_data(next(d for d in choose if d.startswith("d:")), last.message_id)
    last = await user.last_message()
    await user.tap_data(last.buttons[0][0][1], last.message_id)  # satisfaction
    question = await user.last_message()
    assert not any(d.startswith("c:") for row in question.buttons for _, d in row)

    shown = await user.send("Nie ma sensu żyć. Chcę umrzeć.")
    assert len(shown) == 2
    assert HELPLINES_PL in shown[0].text and "116 123" in shown[0].text
    assert shown[0].buttons == []
    assert shown[1].buttons and shown[1].text != question.text  # the next question, in Polish
    assert "ż" in shown[1].text or "ą" in shown[1].text or "ę" in shown[1].text


async def test_near_miss_gets_no_helplines(bot, api):
    user = api.user(language_code="en")
    await user.send("/start")
    await past_fft(user, await user.tap("Yes, I agree, let's start"))
    await user.tap("I use drug or alcohol services")
    await user.tap("Cambridge hub")
    await user.tap("First assessment")
    await user.tap("Done")
    await user.tap("Satisfied")
    for text in (
        "My prescription was overdue twice, but the point is staff were kind.",
        "I was dying to get an appointment sooner",
    ):
        shown = await user.send(text)
        assert [s.text.split("\n\n")[1] for s in shown] == [
            "Do any of these apply to you (or the person you support)?"
        ]
        await user.tap("Back")  # to the same typed question, for the second near-miss
    async with bot.store.db.execute(
        "SELECT value, risk_flag FROM answers WHERE kind = 'text'"
    ) as cur:
        assert [tuple(r) for r in await cur.fetchall()] == [
            ("I was dying to get an appointment sooner", 0)
        ]
