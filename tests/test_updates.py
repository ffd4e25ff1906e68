"""Opt-ins kept apart from answers, /news, staff updates, and reminders, on real SQLite."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from bot.conversation import Choose, Reply
from bot.i18n import load_catalogue
from bot.reminders import send_reminders
from bot.report.queries import ReportQueries
from bot.roles import audit_log
from bot.service import CONSENT_AGREE, Conversations
from bot.store import Store
from bot.updates import Subscriptions, news, publish
from tests.conftest import Clock

CATALOGUE = load_catalogue()
CHAT = 7_391_845_206


def key_of(chat_id: int) -> str:
    return f"te_key_for_{chat_id}"


async def test_opt_ins_toggle_independently_and_vanish_when_both_off(store: Store) -> None:
    subs = Subscriptions(store)
    await subs.set(CHAT, "pl", updates=True)
    await subs.set(CHAT, "pl", remind=True)
    got = await subs.get(CHAT)
    assert got is not None and (got.updates, got.remind, got.lang) == (True, True, "pl")
    await subs.set(CHAT, "pl", updates=False)
    assert [s.chat_id for s in await subs.wanting("updates")] == []
    assert [s.chat_id for s in await subs.wanting("remind")] == [CHAT]
    await subs.set(CHAT, "pl", remind=False)
    assert await subs.get(CHAT) is None
    async with store.db.execute("SELECT count(*) FROM subscribers") as cur:
        assert (await cur.fetchone())[0] == 0


async def test_subscription_holds_no_key_and_no_answer(
    tiny: Conversations, store: Store, dump_tables
) -> None:
    await tiny.start("te_person", "telegram")
    await tiny.handle("te_person", "telegram", Choose(CONSENT_AGREE))
    await tiny.handle("te_person", "telegram", Choose("service_user"))
    await Subscriptions(store).set(CHAT, "en", updates=True)
    rows = [line for line in (await dump_tables(store)).splitlines() if str(CHAT) in line]
    # A random token, the chat id, language and the two choices: no key, no answer, no time.
    assert len(rows) == 1
    assert re.fullmatch(rf"subscribers: \('[0-9a-f]{{32}}', {CHAT}, 'en', 1, 0\)", rows[0])


async def test_news_shows_the_latest_updates_each_in_its_language(
    store: Store,
) -> None:
    assert "No news yet" in await news(store, CATALOGUE, "en")
    for day in range(1, 8):
        await publish(store, f"English change {day}", "en", "te_staff", date(2026, 1, day))
    await publish(store, "Zmiana po polsku", "pl", "te_staff", date(2026, 1, 9))
    english = await news(store, CATALOGUE, "en")
    # The five newest notes, whatever their language: the Polish one and 7 down to 4.
    assert english.index("Zmiana po polsku\u2069 (written in Polish)") < english.index("change 7")
    assert english.index("English change 7") < english.index("English change 4")
    assert "English change 3" not in english
    assert "2026-01-07" in english
    polish = await news(store, CATALOGUE, "pl")
    # Every note, the Polish one as written and the others marked as English.
    assert "Zmiana po polsku" in polish
    assert "English change 7\u2069 (napisano w języku: angielski)" in polish
    assert "English change 7" in await news(store, CATALOGUE, "ro")
    # The same rows feed the network report, and each is audited.
    assert len(await ReportQueries(store).updates()) == 8
    assert [e.action for e in await audit_log(store)].count("update") == 8


async def quiet_session(tiny: Conversations, key: str) -> None:
    await tiny.start(key, "telegram")
    await tiny.handle(key, "telegram", Choose(CONSENT_AGREE))
    await tiny.handle(key, "telegram", Choose("service_user"))


async def test_one_reminder_after_a_day_only_for_those_who_asked(
    tiny: Conversations, store: Store, clock: Clock
) -> None:
    sent: list[tuple[int, str]] = []

    async def send(chat_id: int, text: str) -> None:
        sent.append((chat_id, text))

    subs = Subscriptions(store)
    await subs.set(CHAT, "en", remind=True)
    await subs.set(555, "en", updates=True)  # news only: never reminded
    await quiet_session(tiny, key_of(CHAT))
    await quiet_session(tiny, key_of(555))

    clock.now += timedelta(hours=23)
    assert await send_reminders(send, store, CATALOGUE, key_of, "telegram") == 0
    clock.now += timedelta(hours=2)
    assert await send_reminders(send, store, CATALOGUE, key_of, "telegram") == 1
    assert sent == [(CHAT, CATALOGUE.text("reminder.text", "en"))]
    clock.now += timedelta(days=1)
    assert await send_reminders(send, store, CATALOGUE, key_of, "telegram") == 0
    # "One reminder" is one per person: finishing the reminded session, then
    # leaving a new one, earns no second "this is the only reminder".
    await tiny.handle(key_of(CHAT), "telegram", Reply("Fine"))
    await tiny.handle(key_of(CHAT), "telegram", Choose("satisfied"))
    await tiny.handle(key_of(CHAT), "telegram", Reply("No"))
    await quiet_session(tiny, key_of(CHAT))
    clock.now += timedelta(hours=25)
    assert await send_reminders(send, store, CATALOGUE, key_of, "telegram") == 0
    # The opt-in is used up, and one for reminders only leaves no chat id behind.
    assert await subs.get(CHAT) is None


async def test_no_reminder_for_finished_or_long_forgotten_sessions(
    tiny: Conversations, store: Store, clock: Clock
) -> None:
    async def send(chat_id: int, text: str) -> None:
        raise AssertionError("nothing is due")

    await Subscriptions(store).set(CHAT, "en", remind=True)
    await quiet_session(tiny, key_of(CHAT))
    clock.now += timedelta(days=8)
    assert await send_reminders(send, store, CATALOGUE, key_of, "telegram") == 0


async def test_deliver_retries_what_is_safe_and_never_resends_what_may_have_arrived() -> None:
    from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

    from bot.deliveries import Outcome, deliver
    from bot.telegram.http import AnswerLost, AnswerTimedOut

    calls: list[int] = []

    def failing(*errors: Exception):
        async def send(chat_id: int, text: str) -> None:
            calls.append(chat_id)
            if len(calls) <= len(errors):
                raise errors[len(calls) - 1]

        return send

    calls.clear()
    busy = failing(RetryAfter(0), NetworkError("Bad Gateway"), NetworkError("Bad Gateway"))
    assert await deliver(busy, 1, "hi", backoff=0) is Outcome.SENT and len(calls) == 4
    calls.clear()
    always = failing(*[NetworkError("Bad Gateway")] * 9)
    assert await deliver(always, 1, "hi", attempts=3, backoff=0) is Outcome.NOT_SENT
    assert len(calls) == 3
    for lost in (AnswerTimedOut(), AnswerLost("dropped")):
        calls.clear()
        assert await deliver(failing(lost), 1, "hi", backoff=0) is Outcome.UNKNOWN
        assert len(calls) == 1  # never sent twice
    calls.clear()
    blocked = failing(Forbidden("Forbidden: bot was blocked by the user"))
    assert await deliver(blocked, 1, "hi") is Outcome.GONE
    calls.clear()
    refused = failing(BadRequest("Bad Request: message is too long"))
    assert await deliver(refused, 1, "hi") is Outcome.REFUSED and len(calls) == 1
    calls.clear()
    stopping = failing(NetworkError("Bad Gateway"))
    assert await deliver(stopping, 1, "hi", backoff=0, going=lambda: False) is Outcome.NOT_SENT


# Reminders and session expiry (the weekly summary closes unfinished sessions:
# Monday 09:00 Europe/London in the shipped config).


async def _quiet_at(tiny: Conversations, clock: Clock, key: str, when: datetime) -> None:
    clock.now = when
    await quiet_session(tiny, key)


async def test_no_reminder_for_a_session_the_summary_has_already_closed(
    tiny: Conversations, store: Store, clock: Clock
) -> None:
    """ "Send /start to carry on" after the summary would start them afresh instead."""
    sent: list[int] = []

    async def send(chat_id: int, text: str) -> None:
        sent.append(chat_id)

    await Subscriptions(store).set(CHAT, "en", remind=True)
    await _quiet_at(tiny, clock, key_of(CHAT), datetime(2026, 1, 2, 12, tzinfo=UTC))  # Friday
    clock.now = datetime(2026, 1, 5, 10, tzinfo=UTC)  # Monday, after the 09:00 summary
    assert await tiny.current_prompt(key_of(CHAT), "telegram") is None  # it has expired
    assert await send_reminders(send, store, CATALOGUE, key_of, "telegram") == 0
    assert sent == []
    assert (await Subscriptions(store).get(CHAT)).remind  # not used up by nothing


async def test_no_reminder_for_a_session_about_to_close(
    tiny: Conversations, store: Store, clock: Clock
) -> None:
    async def send(chat_id: int, text: str) -> None:
        raise AssertionError("half an hour before it closes is too late to remind")

    await Subscriptions(store).set(CHAT, "en", remind=True)
    await _quiet_at(tiny, clock, key_of(CHAT), datetime(2026, 1, 3, 8, tzinfo=UTC))  # Saturday
    clock.now = datetime(2026, 1, 5, 8, 30, tzinfo=UTC)  # Monday, 30 minutes before
    assert await send_reminders(send, store, CATALOGUE, key_of, "telegram") == 0


async def test_no_reminder_for_a_stopped_session_which_start_would_not_resume(
    tiny: Conversations, store: Store, clock: Clock
) -> None:
    async def send(chat_id: int, text: str) -> None:
        raise AssertionError("they stopped it; /start would begin again")

    from bot.conversation import Stop

    await Subscriptions(store).set(CHAT, "en", remind=True)
    await quiet_session(tiny, key_of(CHAT))
    await tiny.handle(key_of(CHAT), "telegram", Stop())
    clock.now += timedelta(hours=25)
    assert await send_reminders(send, store, CATALOGUE, key_of, "telegram") == 0


async def test_a_summary_falling_due_while_reminders_go_out_stops_the_rest(
    tiny: Conversations, store: Store, clock: Clock
) -> None:
    """The check is made again as each reminder is claimed, not once for the batch."""
    other = 4_401_223_117
    sent: list[int] = []

    async def slow_send(chat_id: int, text: str) -> None:
        sent.append(chat_id)
        clock.now += timedelta(hours=1)  # a slow send: the session's last hours pass

    for chat in (CHAT, other):
        await Subscriptions(store).set(chat, "en", remind=True)
        await _quiet_at(tiny, clock, key_of(chat), datetime(2026, 1, 3, 19, tzinfo=UTC))
    clock.now = datetime(2026, 1, 4, 20, 30, tzinfo=UTC)  # Sunday: 12.5 hours left
    assert await send_reminders(slow_send, store, CATALOGUE, key_of, "telegram") == 1
    assert len(sent) == 1
    async with store.db.execute("SELECT count(*) FROM reminders_sent") as cur:
        assert (await cur.fetchone())[0] == 1
