"""Input the bot cannot use gets a short, kind reply and changes no stored answer."""

from __future__ import annotations

import pytest

from tests.e2e.test_telegram_flow import SERVICE_USER, begin, sessions_of, to_first_text_question

NOT_TEXT = "I can only read typed messages and button taps"


@pytest.fixture
async def at_site_question(bot, api):
    """A person who has answered one question and is looking at the site question."""
    user = api.user()
    await begin(user)
    await user.tap(SERVICE_USER)
    return user


async def assert_answers_unchanged(bot, user) -> None:
    [session] = await sessions_of(bot, user)
    assert session["answers"] == {"respondent_group": "service_user"}


@pytest.mark.parametrize(
    ("send", "reply"),
    [
        ("send_sticker", NOT_TEXT),
        ("send_photo", NOT_TEXT),
        ("send_document", NOT_TEXT),
        ("send_voice", "can't listen to voice"),
        ("send_location", "don't need your location or contact details"),
        ("send_contact", "don't need your location or contact details"),
    ],
)
async def test_media_gets_a_kind_reply(bot, at_site_question, send, reply):
    user = at_site_question
    shown = await getattr(user, send)()
    assert len(shown) == 1 and reply in shown[0].text
    await assert_answers_unchanged(bot, user)
    # The question is still there to answer.
    await user.tap("Wisbech hub")


async def test_edited_message_does_not_change_an_answer(bot, at_site_question):
    user = at_site_question
    shown = await user.edit(1, "Something else")
    assert len(shown) == 1 and "does not change the answer" in shown[0].text
    await assert_answers_unchanged(bot, user)


async def test_unknown_command(bot, at_site_question):
    shown = await at_site_question.send("/results")
    assert len(shown) == 1 and "don't know that command" in shown[0].text
    await assert_answers_unchanged(bot, at_site_question)


async def test_typing_instead_of_tapping(bot, at_site_question):
    shown = await at_site_question.send("the one in town")
    assert [s.text for s in shown] == ["Please choose one of the options."]
    await assert_answers_unchanged(bot, at_site_question)


async def test_tap_on_an_earlier_question_is_refused(bot, api, at_site_question):
    user = at_site_question
    first_question = next(m for m in user.messages() if "best describes" in m.text)
    shown = await user.tap_data("c:respondent_group:1", first_question.message_id)
    assert shown == []
    answer = user.callback_answer()
    assert answer["show_alert"] is True and "earlier question" in answer["text"]
    await assert_answers_unchanged(bot, user)


@pytest.mark.parametrize(
    "data",
    [
        "c:site:99",
        "c:site:-1",
        "c:site:x",
        "s:site:3",
        "d:site:",
        "zz",
        "c:site",
        "",
        "c:" + "a" * 70 + ":0",
    ],
)
async def test_forged_callback_data_is_refused(bot, api, at_site_question, data):
    user = at_site_question
    question = await user.last_message()
    shown = await user.tap_data(data, question.message_id)
    assert shown == []
    answer = user.callback_answer()
    assert answer["show_alert"] is True
    assert "didn't work" in answer["text"] or "earlier question" in answer["text"]
    await assert_answers_unchanged(bot, user)
    await user.tap("Wisbech hub")  # the real buttons still work


async def test_skip_is_refused_where_the_question_offers_none(bot, api):
    user = api.user()
    await user.send("/start")
    consent = await user.last_message()
    await user.tap_data("s:_consent:", consent.message_id)
    assert "didn't work" in user.callback_answer()["text"]
    assert await sessions_of(bot, user) != []  # still waiting for consent, nothing answered
    assert (await sessions_of(bot, user))[0]["answers"] == {}


async def test_over_long_text_asks_to_shorten_and_saves_nothing(bot, api, settings):
    user = api.user()
    await to_first_text_question(user)
    too_long = "x" * (settings.max_text_length + 1)
    shown = await user.send(too_long)
    assert len(shown) == 1
    assert f"more than the {settings.max_text_length} we can take" in shown[0].text
    [session] = await sessions_of(bot, user)
    assert "assessment_better" not in session["answers"]
    await user.send("Shorter: more time.")
    [session] = await sessions_of(bot, user)
    assert session["answers"]["assessment_better"] == "Shorter: more time."


async def test_text_before_start_points_to_start(bot, api):
    user = api.user()
    shown = await user.send("hello")
    assert [s.text for s in shown] == ["Send /start to give feedback."]


async def test_group_chat_is_refused_once(bot, api):
    member = api.user(group=-100200300)
    other = api.user(group=-100200300)
    shown = await member.send("/start")
    assert len(shown) == 1 and "only work in a private chat" in shown[0].text
    assert await member.send("hello") == []
    assert await other.send("/start") == []
    assert await sessions_of(bot, member) == []


async def test_a_flood_gets_one_slow_down_and_is_not_stored(bot, at_site_question):
    user = at_site_question
    bot.clock.now += 10
    bot.clock.step = 0  # the whole burst lands within one window
    replies = []
    for _ in range(50):
        replies += await user.send("the one in town")
    texts = [r.text for r in replies]
    limit = bot.conversations.settings.flood_limit
    assert texts == ["Please choose one of the options."] * limit + [texts[-1]]
    assert "a lot of messages" in texts[-1]
    await assert_answers_unchanged(bot, user)

    bot.clock.now += 10  # the window passes
    shown = await user.tap("Wisbech hub")
    assert "Which parts of the service" in shown[-1].text


async def test_retry_after_from_telegram_is_waited_out(bot, api):
    api.fail_next("sendMessage", code=429, retry_after=1)
    user = api.user()
    shown = await user.send("/help")
    assert "/delete" in shown[-1].text
    assert api.calls.count("sendMessage") == 2


async def test_a_failing_handler_is_logged_without_personal_data(bot, at_site_question, caplog):
    user = at_site_question
    conversations = bot.conversations
    real_handle = conversations.handle

    async def broken(key, channel, event):
        raise RuntimeError(f"store unavailable while saving {event!r} for {key}")

    conversations.handle = broken
    with caplog.at_level("DEBUG"):
        shown = await user.send("My name is Alex Smith")
    assert [s.text for s in shown] == [
        "Sorry, something went wrong on our side. Your answers so far are saved. Please try again."
    ]
    logged = "\n".join(r.getMessage() for r in caplog.records if r.levelname != "DEBUG")
    assert "RuntimeError" in logged and "on_text" in logged
    assert "Alex" not in logged and str(user.id) not in logged and "te_" not in logged
    assert "Sam" not in logged  # the Telegram first name

    conversations.handle = real_handle  # the app is still running and answers again
    shown = await user.tap("Wisbech hub")
    assert "Which parts of the service" in shown[-1].text


@pytest.mark.parametrize("typed", ["Don’t know", "don‘t know", "DONʼT KNOW", "Don`t know"])
async def test_dont_know_typed_with_a_phones_apostrophe_is_understood(bot, api, typed):
    """Phones type a curly apostrophe (iOS smart punctuation): 'Don’t know' typed at
    the Friends and Family Test must be the 'Don't know' option, not 'Please choose'."""
    user = api.user()
    await user.send("/start")
    shown = await user.tap("Yes, I agree, let's start")
    assert "Overall, how was your experience" in shown[-1].text
    shown = await user.send(typed)
    assert "Please choose one of the options." not in [s.text for s in shown]
    assert "What was good, or what could we do better?" in shown[-1].text
    [session] = await sessions_of(bot, user)
    assert session["answers"] == {"fft": "dont_know"}


@pytest.mark.parametrize(
    ("lang", "yes", "dont_know"),
    [
        ("en", "yes", "dont know"),
        ("en", "Yes!", "dunno"),
        ("pl", "Tak", "nie wiem"),
        ("ar", "نعم", "لا اعرف"),
        ("ur", "haan", "pata nahi"),
        ("bn", "হ্যাঁ", "জানি না"),
    ],
)
async def test_yes_typed_at_the_notice_and_dunno_at_the_fft_are_understood(
    bot, api, lang, yes, dont_know
):
    """Typed instead of tapped, on a phone: "yes" at the privacy notice agrees, and "dont
    know" (no apostrophe) or "dunno" at the FFT is "Don't know", in the person's language.
    Before, both got "Please choose one of the options"."""
    from bot.i18n import load_catalogue

    catalogue = load_catalogue()
    refusal = catalogue.text("error.choose_option", lang)
    user = api.user(language_code=lang)
    await user.send("/start")
    shown = await user.send(yes)
    assert refusal not in [s.text for s in shown]
    assert any(catalogue.text("likert.fft.dont_know", lang) in b for b in shown[-1].labels)
    shown = await user.send(dont_know)
    assert refusal not in [s.text for s in shown]
    [session] = await sessions_of(bot, user)
    assert session["answers"] == {"fft": "dont_know"}


async def test_no_typed_at_the_notice_declines_and_unclear_words_are_not_guessed(bot, api):
    user = api.user(language_code="pl")
    await user.send("/start")
    shown = await user.send("no")  # Polish "no" is "well, yes": not read as English "no"
    assert shown[0].text == load_catalogue_text("error.choose_option", "pl")
    shown = await user.send("nie")
    declined = load_catalogue_text("consent.declined", "pl")
    assert declined in [s.text for s in shown]
    assert await sessions_of(bot, user) == []


def load_catalogue_text(key: str, lang: str) -> str:
    from bot.i18n import load_catalogue

    return load_catalogue().text(key, lang)
