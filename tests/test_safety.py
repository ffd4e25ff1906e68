from pathlib import Path

import pytest

from bot.config import Helpline
from bot.conversation import Choose, Reply
from bot.flows import load_flows
from bot.i18n import Catalogue, Language, load_catalogue
from bot.safety import (
    CATEGORIES,
    PatternError,
    RiskScreen,
    check_phrases,
    compile_phrase,
    normalise,
    signpost,
)
from bot.service import CONSENT_AGREE, Conversations, option_ids

TEST_FLOWS = Path(__file__).parent / "data" / "flows"

# (language, text a person might type). Case, punctuation, missing accents and extra
# spaces are deliberate: people type fast on phones, often without diacritics.
AT_RISK = [
    ("en", "Honestly I want to die"),
    ("en", "i've thought about SUICIDE a lot"),
    ("en", "I overdosed twice last year"),
    ("en", "there's no point anymore"),
    ("en", "I don't want to live like this"),
    ("en", "my partner hits me when he drinks"),
    ("en", "I think the kids are not safe at home"),
    ("en", "I'm not suicidal, but some nights I think about it"),
    ("pl", "Chcę umrzeć."),
    ("pl", "chce   umrzec"),
    ("pl", "myślałem o samobójstwie"),
    ("pl", "nie chce zyc"),
    ("pl", "mąż mnie bije"),
    ("ro", "Vreau să mor"),
    ("ro", "vreau sa mor!!"),
    ("ro", "m-am gândit la sinucidere"),
    ("ro", "nu mai vreau sa traiesc"),
    ("pt", "Quero morrer"),
    ("pt", "já pensei em suicídio"),
    ("pt", "ele bate-me todos os dias"),
    ("pt", "nao quero viver"),
    ("ru", "Я хочу умереть"),
    ("ru", "мысли о самоубийстве"),
    ("ru", "муж бьет меня"),
    ("lt", "Noriu mirti"),
    ("lt", "galvoju apie savizudybe"),
    ("ar", "أريد أن أموت"),
    ("ar", "اريد ان اموت"),
    ("ar", "فكرت في الانتحار"),
    ("ur", "میں خودکشی کے بارے میں سوچتا ہوں"),
    ("de", "Ich will sterben"),
    ("uk", "Я хочу померти"),
]

NEAR_MISSES = [
    ("en", "I killed it at the gym today"),
    ("en", "my rent is overdue"),
    ("en", "I'm dying for a brew after group"),
    ("en", "the point is they listened"),
    ("en", "I hit my targets this month"),
    ("en", "my kids are safe with my mum now"),
    ("pl", "chcę umyć samochód"),
    ("pl", "nie chcę czekać tak długo"),
    ("ro", "vreau să mă mut mai aproape"),
    ("ro", "vreau să mănânc ceva"),
    ("pt", "quero morar perto do centro"),
    ("pt", "me bateu uma fome"),
    ("ru", "ребёнок в безопасности"),
    ("ru", "я хочу уметь готовить"),
    ("lt", "noriu miegoti"),
    ("ar", "أريد أن أعود إلى البيت"),
    ("de", "ich will schlafen"),
]


@pytest.fixture
def screen(settings):
    return RiskScreen.from_config(settings.risk_phrases, model=False)  # the rules alone


@pytest.mark.parametrize(("lang", "text"), AT_RISK)
def test_risk_phrases_fire(screen, lang, text):
    assert any(hit.lang == lang for hit in screen.hits(text)), screen.hits(text)


@pytest.mark.parametrize(("lang", "text"), NEAR_MISSES)
def test_near_misses_do_not_fire(screen, lang, text):
    assert screen.hits(text) == []


def test_at_least_five_languages_are_tested_both_ways():
    assert len({lang for lang, _ in AT_RISK}) >= 5
    assert len({lang for lang, _ in NEAR_MISSES}) >= 5


def test_every_enabled_language_has_every_category(settings):
    screen = RiskScreen.from_config(settings.risk_phrases)
    assert check_phrases(screen, settings.languages) == []
    enabled = ["en", "pl", "lt", "lv", "ro", "pt", "ru", "ur", "pa", "gu", "ar", "bn", "so"]
    assert all(screen.languages()[lang] >= set(CATEGORIES) for lang in enabled)


def test_a_language_without_phrases_is_reported():
    screen = RiskScreen({"en": {"suicide": ["kill myself"]}})
    problems = check_phrases(screen, ["en", "tr"])
    assert any(p.startswith("tr: enabled but has no risk phrases") for p in problems)
    assert any(p.startswith("en: no risk phrases for self_harm, overdose, abuse") for p in problems)


def test_bad_patterns_are_reported_not_ignored():
    screen = RiskScreen({"en": {"suicide": ["{nosuch} die", " .. "], "worry": ["sad"]}})
    assert len(screen.errors) == 3


def test_normalise_drops_case_accents_punctuation_and_spaces():
    assert normalise("  Chcę—UMRZEĆ!!  ") == "chce umrzec"
    assert normalise("I don't") == "i dont"
    assert normalise("إيذاء") == normalise("ايذاء")


def test_normalise_undoes_disguises_but_keeps_numbers():
    assert normalise("k1ll mys3lf") == normalise("kill myself")
    assert normalise("su​i‍cide") == "suicide"
    assert normalise("ｋｉｌｌ") == normalise("kill")
    assert normalise("I want to dieeee!!") == normalise("i want to die")
    assert normalise("took ٣٠ pills") == "tok 30 pils"
    assert normalise("30mg at 5pm") == "30mg at 5pm"
    assert normalise("OD'd") == normalise("overdosed")
    assert "od" in normalise("i od razu")  # Polish "od" (from) is not an overdose


def test_a_pattern_without_words_is_refused():
    with pytest.raises(PatternError):
        compile_phrase(" * ")
    with pytest.raises(PatternError):
        compile_phrase("{me} die", {})


def test_slots_stems_gaps_and_options():
    pattern, _ = compile_phrase("nie chce|chcę ..2 żyć")
    assert pattern.search(f" {normalise('nie chce już żyć')} ")
    assert pattern.search(f" {normalise('Nie chcę mi się już żyć')} ") is None  # 3 words: too far
    pattern, _ = compile_phrase("self_harm* again?")
    assert pattern.search(f" {normalise('self-harming')} ")


def test_signpost_lists_every_helpline_between_intro_and_outro():
    catalogue = load_catalogue()
    lines = [Helpline(name="Samaritans", number="116 123", note={"en": "free"})]
    text = signpost(catalogue, lines, "en")
    assert text.splitlines() == [
        catalogue.text("risk.intro", "en"),
        "• Samaritans: 116 123 (free)",
        catalogue.text("risk.outro", "en"),
    ]


# -- wired into the service


async def _at_story(conversations, key="k1"):
    """Start, agree, pick a group: the next prompt is the free-text question."""
    await conversations.start(key, "telegram")
    turn = await conversations.handle(key, "telegram", Choose(CONSENT_AGREE))
    turn = await conversations.handle(key, "telegram", Choose(turn.prompt.choices[0].id))
    assert turn.prompt.step_id == "story"
    return turn


async def _stored(store, column="value, risk_flag"):
    async with store.db.execute(f"SELECT step_id, {column} FROM answers") as cur:
        return {row[0]: tuple(row[1:]) for row in await cur.fetchall()}


async def test_risk_answer_gets_helplines_and_the_flow_continues(tiny, store):
    await _at_story(tiny)
    turn = await tiny.handle("k1", "telegram", Reply("Some days I want to die, call 07700 900123"))
    assert "Samaritans: 116 123" in turn.alert
    assert "999" in turn.alert
    assert turn.prompt.step_id == "overall"
    assert (await _stored(store))["story"] == ("Some days I want to die, call [phone]", 1)


async def test_ordinary_answer_has_no_alert_and_no_flag(tiny, store):
    await _at_story(tiny)
    turn = await tiny.handle("k1", "telegram", Reply("The staff were kind"))
    assert turn.alert is None
    assert (await _stored(store))["story"] == ("The staff were kind", 0)


async def test_a_typed_reply_to_a_choice_question_still_signposts_but_stores_nothing(tiny, store):
    await tiny.start("k1", "telegram")
    await tiny.handle("k1", "telegram", Choose(CONSENT_AGREE))
    turn = await tiny.handle("k1", "telegram", Reply("I want to kill myself"))
    assert turn.error and turn.alert and "116 123" in turn.alert
    assert turn.prompt.step_id == "group"
    assert await _stored(store) == {}


async def test_risk_before_consent_and_in_oversized_text_still_signposts(tiny, store, settings):
    turn = await tiny.start("k1", "telegram")
    assert turn.prompt.step_id == "_consent"
    turn = await tiny.handle("k1", "telegram", Reply("no point living"))
    assert turn.alert and turn.prompt.step_id == "_consent"
    await tiny.handle("k1", "telegram", Choose(CONSENT_AGREE))
    await tiny.handle("k1", "telegram", Choose("service_user"))
    long_text = "I overdosed again. " + "x" * settings.max_text_length
    turn = await tiny.handle("k1", "telegram", Reply(long_text))
    assert turn.error and turn.alert
    assert await _stored(store) == {"group": ("service_user", 0)}


async def test_no_session_still_signposts(tiny):
    turn = await tiny.handle("nobody", "telegram", Reply("Chcę umrzeć"))
    assert turn.error and turn.alert


async def test_alert_is_in_the_persons_language(settings, store):
    """With Polish enabled and translated, a Polish speaker gets Polish signposting."""
    base = load_catalogue()
    messages = {k: dict(v) for k, v in base.messages.items()}
    messages["risk.intro"]["pl"] = "Wygląda na to, że jest Ci teraz bardzo ciężko."
    messages["risk.outro"]["pl"] = "Jeśli grozi Ci niebezpieczeństwo, zadzwoń pod 999."
    languages = {**base.languages, "pl": Language(name="Polish", native="Polski")}
    catalogue = Catalogue(languages=languages, messages=messages)
    pl_line = Helpline(name="Samaritans", number="116 123", note={"pl": "bezpłatnie"})
    two = settings.model_copy(
        update={
            "languages": ["en", "pl"],
            "default_flow": "tiny",
            "helplines": {**settings.helplines, "pl": [pl_line]},
        }
    )
    flows = load_flows(TEST_FLOWS, ["en"], option_ids(two))
    conversations = Conversations(two, store, flows, catalogue)
    await conversations.register_flows()
    await conversations.start("k2", "telegram", lang="pl")
    await conversations.handle("k2", "telegram", Choose(CONSENT_AGREE))
    await conversations.handle("k2", "telegram", Choose("service_user"))
    turn = await conversations.handle("k2", "telegram", Reply("chce umrzec"))
    assert turn.alert.splitlines() == [
        "Wygląda na to, że jest Ci teraz bardzo ciężko.",
        "• Samaritans: 116 123 (bezpłatnie)",
        "Jeśli grozi Ci niebezpieczeństwo, zadzwoń pod 999.",
    ]


def test_check_flows_refuses_an_enabled_language_without_risk_phrases(tmp_path, capsys):
    from bot.cli import main

    root = Path(__file__).parent.parent
    config = tmp_path / "config.yaml"
    config.write_text(
        f"flows_dir: {root / 'flows'}\ndatabase: {tmp_path / 'f.db'}\nlanguages: [en, tr]\n"
    )
    assert main(["--config", str(config), "check-flows"]) == 1
    err = capsys.readouterr().err
    assert "tr: enabled but has no risk phrases" in err


def test_check_flows_names_the_config_line_of_a_bad_staff_phrase(tmp_path, capsys):
    """Staff typing a phrase into config.yaml are sent to their own line, not to line 1 of
    a file they never opened."""
    from bot.cli import main

    root = Path(__file__).parent.parent
    config = tmp_path / "config.yaml"
    config.write_text(
        f"flows_dir: {root / 'flows'}\ndatabase: {tmp_path / 'f.db'}\nlanguages: [en]\n"
        "risk_phrases:\n"
        "  en:\n"
        "    overdose: [took ..2 whole sharps bin]\n"
        "    abuse:\n"
        "      - he locks me in\n"
        "      - he .. ..x hurts\n"
        "  tr: [ölmek istiyorum, '{nomacro} istiyorum']\n"
    )
    assert main(["--config", str(config), "check-flows"]) == 1
    err = capsys.readouterr().err
    assert f"{config}:9: risk_phrases.en.abuse.1: en/abuse: risk phrase 'he .. ..x hurts'" in err
    assert f"{config}:10: risk_phrases.tr.1: tr/general:" in err and "nomacro" in err
    assert "risk_phrases.en.overdose" not in err


def test_staff_phrases_in_config_extend_the_built_in_lists():
    screen = RiskScreen.from_config(
        {"en": {"overdose": ["took ..2 whole sharps bin"]}, "tr": ["ölmek istiyorum"]}
    )
    assert [str(h) for h in screen.hits("I took the whole sharps bin")] == [
        "en/overdose: took ..2 whole sharps bin"
    ]
    assert screen.categories("Ölmek istiyorum") == {"general"}
    assert screen.hits("I want to die")  # the built-in phrases are still there


def test_overdose_alert_adds_overdose_advice_before_the_helplines():
    catalogue = load_catalogue()
    lines = [Helpline(name="FRANK", number="0300 123 6600")]
    text = signpost(catalogue, lines, "bn", {"overdose", "suicide"})
    assert text.splitlines() == [
        catalogue.text("risk.intro", "bn"),
        catalogue.text("risk.overdose", "bn"),
        "• FRANK: 0300 123 6600",
        catalogue.text("risk.outro", "bn"),
    ]
    assert "999" in catalogue.text("risk.overdose", "bn")
    assert "naloxone" in catalogue.text("risk.overdose", "en")
    advice = catalogue.text("risk.overdose", "en")
    assert advice not in signpost(catalogue, lines, "en", {"suicide"})


def test_frank_is_among_the_default_helplines(settings):
    assert any(h.number == "0300 123 6600" for h in settings.helplines_for("so"))


async def test_overdose_answer_gets_overdose_advice_and_is_stored(tiny, store):
    await _at_story(tiny)
    turn = await tiny.handle("k1", "telegram", Reply("swallowed a load of pills last night lol"))
    assert load_catalogue().text("risk.overdose", "en") in turn.alert
    assert "FRANK" not in turn.alert or "0300 123 6600" in turn.alert
    assert turn.prompt.step_id == "overall"
    assert (await _stored(store))["story"] == ("swallowed a load of pills last night lol", 1)


def test_a_figure_of_speech_does_not_hide_a_disclosure_elsewhere_in_the_message(screen):
    assert screen.hits("the suicide prevention leaflet was useful") == []
    text = "I did the suicide prevention course and now I want to kill myself"
    assert screen.categories(text) == {"suicide"}
    assert screen.hits("I'm cutting down again") == []
    assert screen.categories("cutting down on drink but cutting myself again") == {"self_harm"}


def test_every_hit_names_its_language_category_and_pattern(screen):
    hits = [h for h in screen.hits("ami ar bachte chai na") if h.lang == "bn"]
    # Native-script phrases fire too: Bengali script is folded to Latin (bot/translit.py).
    phrase = next(h for h in hits if h.phrase.startswith("bachte"))
    (rule,) = [h for h in hits if h.phrase.startswith("rule ")]
    assert (phrase.lang, phrase.category) == ("bn", "suicide")
    assert str(phrase).startswith("bn/suicide: ") and "bachte" in phrase.phrase
    # A concept rule names its classes and the words that filled them.
    assert str(rule) == "bn/suicide: rule NEG WISH LIVE [na, chai, bachte]"


def test_long_adversarial_text_is_screened_quickly(screen):
    import time

    start = time.perf_counter()
    for text in ("i want to " * 200, "لا اريد ان " * 180, "took 30 30 " * 180):
        screen.hits(text[:2000])
    assert time.perf_counter() - start < 1.0
