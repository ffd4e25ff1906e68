"""A person waits for one Bot API round trip per answer, not one per call.

Over a real network each call to Telegram is a round trip of tens to hundreds of
milliseconds.  A tap was answered with three in a row (stop the button's spinner,
turn the question into a record, send the next question) and a typed answer with
two (take the old question's buttons away, send the next): the wait was their sum.
The calls do not depend on one another, so the bot now makes them together
(``bot.telegram.edits.together``).  The fake server makes each call take ``LATENCY``.
"""

from __future__ import annotations

import time

from bot.telegram import REVIEW_WARMED
from tests.e2e.test_telegram_flow import AGREE, past_fft

LATENCY = 0.5


async def test_a_tap_and_a_typed_answer_each_wait_for_one_round_trip(bot, api):
    user = api.user(language_code="en")
    await user.send("/start")
    shown = await user.tap(AGREE)
    shown = await past_fft(user, shown)
    await bot.app.bot_data[REVIEW_WARMED]  # start-up work in a thread, not to be timed here
    api.latency = LATENCY
    began = time.perf_counter()
    shown = await user.tap("I use drug or alcohol services")
    tapped = time.perf_counter() - began
    assert shown[-1].labels[0] == "Cambridge hub"
    # The tapped question reads as a record of the answer, and lost its buttons; only
    # the new question has buttons.
    record = [m for m in user.messages() if "I use drug or alcohol services" in m.text]
    assert record and not record[0].labels, [m.text for m in user.messages()]
    assert [m.message_id for m in user.messages() if m.labels] == [shown[-1].message_id]
    assert api.calls.count("answerCallbackQuery") >= 3
    # Three calls one after another took 3 x LATENCY; the margin is for a loaded machine.
    assert tapped < 2 * LATENCY, f"a tap took {tapped:.2f} s with {LATENCY} s a call"

    for label in ("Cambridge hub", "First assessment", "Done", "Satisfied"):
        shown = await user.tap(label)
    asked = shown[-1]
    assert asked.labels and asked.labels[-1] == "Skip", asked.text  # a free-text question
    began = time.perf_counter()
    shown = await user.send("The staff were kind.")
    typed = time.perf_counter() - began
    assert shown[-1].text != asked.text
    assert [m.message_id for m in user.messages() if m.labels] == [shown[-1].message_id]
    assert typed < 1.6 * LATENCY, f"a typed answer took {typed:.2f} s with {LATENCY} s a call"


async def test_a_refused_spinner_stop_does_not_undo_the_answer(bot, api):
    """Telegram refuses to answer a callback query older than ~15 s (a bot catching up
    after a restart).  The answer is stored and the next question sent all the same, and
    the person is not told "something went wrong": the spinner stops on its own.  (The
    refusal used to stop the handler before the next question went out.)"""
    user = api.user(language_code="en")
    await user.send("/start")
    shown = await past_fft(user, await user.tap(AGREE))
    too_old = "Bad Request: query is too old and response timeout expired or query ID is invalid"
    api.fail("answerCallbackQuery", 400, description=too_old)
    shown = await user.tap("I use drug or alcohol services")
    assert shown[-1].labels[0] == "Cambridge hub", [m.text for m in shown]
    assert not [m for m in shown if "went wrong" in m.text]
    shown = await user.tap("Cambridge hub")  # and on it goes
    assert shown[-1].labels, [m.text for m in shown]


async def test_a_tap_and_a_typed_answer_read_nothing_on_the_database_thread(bot, api):
    """The database thread is the one writer: every trip there waits behind other
    people's commits (the busy benchmark's "awaiting the database thread, queued").  A
    person's answer needs it only for its commit; what an update reads on the way (the
    session, a peer's desk, whether the update was handled already, at the end their
    news opt-ins and newest session for the offer's buttons) is read on the loop's own
    read connection.  The desk was one more trip on every update, the end two more."""
    from bench.e2e_driver import OURS

    user = api.user(language_code="en")
    await user.send("/start")
    await user.tap(AGREE)
    seen: list[str] = []
    store = bot.conversations.store
    await store.atomic(lambda conn: conn.set_trace_callback(seen.append))
    for action, arg in OURS[2:]:  # the benchmark's person, after the notice
        await (user.send(arg) if action == "send" else user.tap(arg))
    offer = user.messages()[-1]  # news and reminders, after the thanks
    assert offer.labels and offer.text.startswith("One more thing"), offer.text
    reads = [s for s in seen if s.lstrip().upper().startswith("SELECT")]
    assert not reads, reads
    assert sum(s.startswith("INSERT INTO answers") for s in seen) >= 10, seen


async def test_what_the_bot_sent_is_not_read_back_into_objects(bot, api):
    """Telegram answers a send or an edit with the whole message: the text and keyboard
    the bot just sent.  PTB made objects of all of it on every update's path (~0.37 ms of
    the loop's CPU for a question with five buttons, and the edit of the tapped one
    again); the bot needs the message's id.  The person sees the keyboard all the same."""
    from telegram import InlineKeyboardButton, InlineKeyboardMarkup

    user = api.user(language_code="en")
    await user.send("/start")
    buttons = [[InlineKeyboardButton(f"{i}", callback_data=f"x{i}")] for i in range(5)]
    sent = await bot.app.bot.send_message(
        user.id, "Which?", reply_markup=InlineKeyboardMarkup(buttons)
    )
    assert sent.message_id == user.messages()[-1].message_id
    assert user.messages()[-1].labels == ["0", "1", "2", "3", "4"]
    assert sent.chat_id == user.id
    assert sent.reply_markup is None and sent.text is None  # not parsed back
    edited = await bot.app.bot.edit_message_text("Which one?", user.id, sent.message_id)
    assert edited.message_id == sent.message_id and edited.text is None
    assert user.messages()[-1].text == "Which one?"
