"""Choosing, switching and detecting languages through the service, with a real database."""

from __future__ import annotations

from bot.conversation import Choose, Reply, Skip
from bot.i18n import load_catalogue
from bot.service import CONSENT_AGREE, SWITCH_OFFER, Conversations, Turn

CATALOGUE = load_catalogue()
CH = "test"

POLISH = [
    "Czekałem sześć tygodni na pierwszą wizytę i nikt nie oddzwonił.",
    "Pani w recepcji była bardzo miła i wszystko mi wyjaśniła.",
    "Przydałby się telefon, pod który można zadzwonić w weekend.",
]


async def begin(conv: Conversations, key: str, lang: str = "en") -> Turn:
    """Start the consultation (its text questions come early) and agree to the notice."""
    turn = await conv.start(key, CH, flow_id="consultation", lang=lang)
    assert turn.prompt and turn.prompt.step_id == "_consent"
    return await conv.handle(key, CH, Choose(CONSENT_AGREE))


async def to_first_text_question(conv: Conversations, key: str) -> Turn:
    turn = await begin(conv, key)
    turn = await conv.handle(key, CH, Choose("service_user"))
    turn = await conv.handle(key, CH, Choose("peterborough"))
    turn = await conv.handle(key, CH, Choose("agree"))
    assert turn.prompt and turn.prompt.step_id == "one_service_why"
    return turn


async def stored(conv: Conversations, step_id: str) -> tuple[str, str | None, float | None]:
    async with conv.store.db.execute(
        "SELECT value, detected_lang, lang_prob FROM answers WHERE step_id = ?", (step_id,)
    ) as cur:
        row = await cur.fetchone()
    assert row is not None
    return row[0], row[1], row[2]


async def test_picker_names_each_language_in_its_own_script(conversations: Conversations):
    turn = await conversations.start("k1", CH, lang="de")  # not enabled: ask
    prompt = turn.prompt
    assert prompt and prompt.step_id == "_language"
    labels = {c.id: c.label for c in prompt.choices}
    enabled = conversations.settings.languages
    assert list(labels) == [f"lang:{code}" for code in enabled]
    assert labels["lang:pa"] == "ਪੰਜਾਬੀ" and labels["lang:ar"] == "العربية"
    assert labels["lang:pl"] == "Polski" and labels["lang:ru"] == "Русский"

    turn = await conversations.handle("k1", CH, Choose("lang:bn"))
    assert turn.lang == "bn"
    assert turn.prompt and turn.prompt.step_id == "_consent"
    assert turn.prompt.text == CATALOGUE.text("consent.question", "bn")
    turn = await conversations.handle("k1", CH, Choose(CONSENT_AGREE))
    flow = conversations.flows[conversations.settings.default_flow]
    assert turn.messages == [flow.intro["bn"]]
    assert turn.prompt and turn.prompt.text == flow.step("fft").text["bn"]
    assert turn.prompt.choices[0].label == CATALOGUE.text("likert.fft.very_good", "bn")
    assert turn.prompt.choices[-1].label == CATALOGUE.text("likert.fft.dont_know", "bn")


async def test_enabled_channel_language_skips_the_picker(conversations: Conversations):
    turn = await conversations.start("k2", CH, lang="so")
    assert turn.prompt and turn.prompt.step_id == "_consent"
    assert turn.messages == [
        CATALOGUE.text("privacy.notice", "so", retention_days=conversations.settings.retention_days)
    ]


async def test_switching_mid_flow_keeps_answers(conversations: Conversations):
    conv = conversations
    await to_first_text_question(conv, "k3")
    await conv.handle("k3", CH, Reply("Because one service is easier to find."))
    session = await conv.store.current_session("k3", CH)
    assert session is not None
    before = await conv.store.answers(session.id)

    turn = await conv.handle("k3", CH, Choose("lang:ar"))  # a tap on a language, mid-flow
    assert turn.lang == "ar" and not turn.error
    assert turn.prompt and turn.prompt.step_id == "prison_service"
    assert turn.prompt.text.startswith("يجب")
    assert await conv.store.answers(session.id) == before

    turn = await conv.set_language("k3", CH, "pa")  # the /language command's way
    assert turn and turn.prompt and turn.prompt.step_id == "prison_service"
    assert turn.prompt.choices[0].label == CATALOGUE.text("likert.agree.strongly_agree", "pa")

    for event in [Choose("agree"), Skip(), Choose("disagree"), Skip(), Skip(), Choose("skip")]:
        turn = await conv.handle("k3", CH, event)
        assert not turn.error, turn.messages
    assert turn.finished and turn.lang == "pa"
    answers = await conv.store.answers(session.id)
    assert {k: answers[k] for k in before} == before
    assert answers["prison_service"] == "agree" and answers["young_adults"] == "disagree"
    assert answers["eq_intro"] == "skip"
    finished = await conv.store.get_session(session.id)
    assert finished and finished.state.lang == "pa"


async def test_unknown_language_tap_is_refused_kindly(conversations: Conversations):
    await to_first_text_question(conversations, "k4")
    turn = await conversations.handle("k4", CH, Choose("lang:xx"))
    assert turn.error and turn.lang == "en"
    assert turn.messages == [CATALOGUE.text("error.choose_option", "en")]
    assert turn.prompt and turn.prompt.step_id == "one_service_why"


async def test_free_text_answers_store_the_detected_language(conversations: Conversations):
    await to_first_text_question(conversations, "k5")
    await conversations.handle("k5", CH, Reply(POLISH[0]))
    await conversations.handle("k5", CH, Choose("agree"))
    await conversations.handle("k5", CH, Reply("ok"))
    value, lang, prob = await stored(conversations, "one_service_why")
    assert value == POLISH[0] and lang == "pl" and prob is not None and prob > 0.5
    assert await stored(conversations, "prison_service_why") == ("ok", None, None)
    assert await stored(conversations, "one_service") == ("agree", None, None)


async def test_two_answers_in_another_language_offer_a_switch_once(
    conversations: Conversations,
):
    conv = conversations
    await to_first_text_question(conv, "k6")
    turn = await conv.handle("k6", CH, Reply(POLISH[0]))
    assert turn.offer is None, "one answer is not enough"
    turn = await conv.handle("k6", CH, Choose("agree"))
    turn = await conv.handle("k6", CH, Reply(POLISH[1]))
    offer = turn.offer
    assert offer is not None and offer.step_id == SWITCH_OFFER
    assert offer.text == CATALOGUE.text("language.switch_offer", "pl", language="Polski")
    assert [c.id for c in offer.choices] == ["lang:pl", "lang:en"]
    assert turn.prompt and turn.prompt.step_id == "young_adults"
    assert turn.lang == "en", "nothing switches until the person says so"

    turn = await conv.handle("k6", CH, Choose("lang:pl"))
    assert turn.lang == "pl" and turn.prompt and turn.prompt.step_id == "young_adults"
    assert turn.prompt.text == conv.flows["consultation"].step("young_adults").text["pl"]


async def test_declined_offer_is_not_repeated(conversations: Conversations):
    conv = conversations
    await to_first_text_question(conv, "k7")
    await conv.handle("k7", CH, Reply(POLISH[0]))
    await conv.handle("k7", CH, Choose("agree"))
    turn = await conv.handle("k7", CH, Reply(POLISH[1]))
    assert turn.offer is not None
    turn = await conv.handle("k7", CH, Choose(turn.offer.choices[1].id))  # no thanks
    assert turn.lang == "en" and turn.prompt and turn.prompt.step_id == "young_adults"
    turn = await conv.handle("k7", CH, Choose("agree"))
    turn = await conv.handle("k7", CH, Reply(POLISH[2]))
    assert turn.offer is None and turn.lang == "en"


async def test_same_language_as_the_flow_never_offers(conversations: Conversations):
    conv = conversations
    turn = await conv.start("k8", CH, flow_id="consultation", lang="pl")
    turn = await conv.handle("k8", CH, Choose(CONSENT_AGREE))
    for event in [Choose("service_user"), Choose("peterborough"), Choose("agree")]:
        turn = await conv.handle("k8", CH, event)
    for text in POLISH[:2]:
        turn = await conv.handle("k8", CH, Reply(text))
        assert turn.offer is None
        turn = await conv.handle("k8", CH, Choose("agree"))


UKRAINIAN = [
    "Я чекав шість тижнів на перший прийом, і ніхто мені не передзвонив.",
    "Мій працівник дуже уважний, вона справді мене слухає.",
    "Будь ласка, зробіть вечірні групи, бо я працюю вдень.",
]


async def test_a_language_we_do_not_offer_is_stored_and_never_offered_as_its_neighbour(
    conversations: Conversations,
):
    """Ukrainian was stored as Russian at p = 1.0, and the bot offered to switch to Russian."""
    conv = conversations
    await to_first_text_question(conv, "k9")
    turn = await conv.handle("k9", CH, Reply(UKRAINIAN[0]))
    turn = await conv.handle("k9", CH, Choose("agree"))
    turn = await conv.handle("k9", CH, Reply(UKRAINIAN[1]))
    assert turn.offer is None and turn.lang == "en"
    value, lang, prob = await stored(conv, "one_service_why")
    assert value == UKRAINIAN[0] and lang == "uk" and prob is not None and prob > 0.5


async def test_an_unclear_detection_does_not_count_towards_a_switch(
    conversations: Conversations,
):
    """Two short answers that only lean Portuguese (p > 0.9999, Spanish close behind)."""
    conv = conversations
    await to_first_text_question(conv, "k10")
    leaning = ["Tudo bem, obrigado pela ajuda", "Muito bom, gostei"]
    for text in leaning:
        found = conv.detector.detect(text)
        assert found is not None and found.lang == "pt" and not found.clear
    await conv.handle("k10", CH, Reply(leaning[0]))
    await conv.handle("k10", CH, Choose("agree"))
    turn = await conv.handle("k10", CH, Reply(leaning[1]))
    assert turn.offer is None
    assert (await stored(conv, "one_service_why"))[1] == "pt"
