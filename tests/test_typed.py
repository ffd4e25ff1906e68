"""Typed answers: what someone typing instead of tapping means, in all 13 languages."""

from __future__ import annotations

import pytest

from bot.flows import LIKERT_SCALES, OFF_SCALE, PREFER_NOT
from bot.i18n import load_catalogue
from bot.service import CONSENT_AGREE, CONSENT_DECLINE
from bot.typed import SHORT_FORMS, loose, typed_option

CATALOGUE = load_catalogue()
LANGS = list(CATALOGUE.languages)


def consent(lang: str) -> list[tuple[str, str]]:
    return [
        (CONSENT_AGREE, CATALOGUE.text("consent.agree", lang)),
        (CONSENT_DECLINE, CATALOGUE.text("consent.decline", lang)),
    ]


def likert(scale: str, lang: str) -> list[tuple[str, str]]:
    off = OFF_SCALE[scale]
    key = "likert.prefer_not_to_say" if off == PREFER_NOT else f"likert.{scale}.{off}"
    return [
        *((i, CATALOGUE.text(f"likert.{scale}.{i}", lang)) for i in LIKERT_SCALES[scale]),
        (off, CATALOGUE.text(key, lang)),
    ]


def test_thirteen_languages():
    assert len(LANGS) == 13 and set(SHORT_FORMS) == set(LANGS)


@pytest.mark.parametrize(
    "typed", ["yes", "Yes", "YES!", "y", "ok", "Okay.", "yeah", "sure", "I agree", " yes "]
)
def test_yes_at_the_privacy_notice_is_agree(typed):
    assert typed_option(typed, consent("en"), "en") == CONSENT_AGREE


@pytest.mark.parametrize("lang", LANGS)
def test_the_first_two_parts_of_the_agree_button_typed_without_its_commas_agree(lang):
    """'Yes I agree' (the button reads 'Yes, I agree, let's start') was refused."""
    label = CATALOGUE.text("consent.agree", lang)
    parts = [p.strip() for p in label.replace("،", ",").split(",")]
    if len(parts) < 3:
        pytest.skip(f"{lang}: the agree button has no three parts")
    assert typed_option(" ".join(parts[:2]), consent(lang), lang) == CONSENT_AGREE


def test_a_word_that_begins_two_labels_is_still_refused():
    assert typed_option("very", likert("fft", "en"), "en") is None


@pytest.mark.parametrize("typed", ["no", "No.", "nope", "no thanks", "No thank you"])
def test_no_at_the_privacy_notice_is_no_thanks(typed):
    assert typed_option(typed, consent("en"), "en") == CONSENT_DECLINE


@pytest.mark.parametrize(
    "typed", ["dont know", "Dont Know", "DONT KNOW", "dunno", "idk", "not sure", "don't know."]
)
def test_dont_know_without_an_apostrophe_or_as_dunno_is_dont_know(typed):
    assert typed_option(typed, likert("fft", "en"), "en") == "dont_know"


@pytest.mark.parametrize("lang", LANGS)
def test_in_every_language_yes_no_and_dont_know_as_typed(lang):
    """Each language's own 'yes' (the first part of the agree button), 'no', and its
    'don't know' written loosely (no accents, no apostrophes, any case) are understood."""
    yes = loose(CATALOGUE.text("consent.agree", lang).replace("،", ",").split(",")[0])
    no = loose(CATALOGUE.text("consent.decline", lang).replace("،", ",").split(",")[0])
    assert typed_option(yes, consent(lang), lang) == CONSENT_AGREE, yes
    assert typed_option(yes.upper(), consent(lang), lang) == CONSENT_AGREE, yes
    assert typed_option(no, consent(lang), lang) == CONSENT_DECLINE, no
    dont_know = CATALOGUE.text("likert.fft.dont_know", lang)
    for typed in (loose(dont_know), dont_know.upper() + "!", *SHORT_FORMS[lang]["dont_know"]):
        assert typed_option(typed, likert("fft", lang), lang) == "dont_know", typed
    for typed in SHORT_FORMS[lang][CONSENT_AGREE]:
        assert typed_option(typed, consent(lang), lang) == CONSENT_AGREE, typed
    for typed in SHORT_FORMS[lang][CONSENT_DECLINE]:
        assert typed_option(typed, consent(lang), lang) == CONSENT_DECLINE, typed


@pytest.mark.parametrize(
    ("lang", "typed", "meant"),
    [
        ("pl", "tak", CONSENT_AGREE),
        ("pl", "nie wiem", "dont_know"),
        ("ro", "nu stiu", "dont_know"),  # without the comma below the s
        ("pt", "nao sei", "dont_know"),
        ("lt", "nezinau", "dont_know"),
        ("lv", "ja", CONSENT_AGREE),
        ("ru", "НЕ ЗНАЮ", "dont_know"),
        ("ar", "لا اعرف", "dont_know"),  # no hamza
        ("ar", "لا", CONSENT_DECLINE),
        ("ur", "pata nahi", "dont_know"),  # Roman Urdu, as typed on many phones
        ("ur", "جی ہاں", CONSENT_AGREE),
        ("pa", "ਪਤਾ ਨਹੀਂ", "dont_know"),
        ("gu", "હા", CONSENT_AGREE),
        ("bn", "জানি না", "dont_know"),
        ("so", "haa", CONSENT_AGREE),
        ("so", "ma garanayo", "dont_know"),
    ],
)
def test_examples_per_language(lang, typed, meant):
    options = consent(lang) if meant.startswith("consent") else likert("fft", lang)
    assert typed_option(typed, options, lang) == meant


@pytest.mark.parametrize(
    ("typed", "lang"),
    [
        ("no", "pl"),  # Polish "no" is "well, yes": English short forms are English only
        ("yes", "so"),
        ("maybe", "en"),
        ("yes no", "en"),
        ("I don't know if I agree", "en"),
        ("agree", "en"),  # at the FFT: no such option
        ("dunno", "en"),  # at consent: no such option
    ],
)
def test_unclear_or_other_text_is_not_guessed(typed, lang):
    for options in (consent(lang), likert("fft", lang)):
        picked = typed_option(typed, options, lang)
        assert picked is None or (typed, picked) in {
            ("agree", CONSENT_AGREE),
            ("dunno", "dont_know"),
        }


def test_text_fitting_two_options_chooses_neither():
    options = [("a", "Yes, in the morning"), ("b", "Yes, in the evening")]
    assert typed_option("yes", options, "en") is None
    assert typed_option("Yes, in the evening", options, "en") == "b"


def test_a_likert_step_still_takes_labels_and_numbers():
    options = likert("agree", "en")
    assert typed_option("strongly agree", options, "en") == "strongly_agree"
    assert typed_option("neither agree nor disagree!", options, "en") == "neither"
    assert typed_option("6", options, "en") == "prefer_not_to_say"
    assert typed_option("prefer not", options, "en") == "prefer_not_to_say"
    assert typed_option("dont know", options, "en") is None  # not an option here


@pytest.mark.parametrize("lang", LANGS)
def test_short_forms_never_name_two_options_nor_another_options_label(lang):
    """Each short form means one option of its language, and on a step showing that
    option it never loosely equals another option's label there."""
    seen: dict[str, str] = {}
    for oid, forms in SHORT_FORMS[lang].items():
        for form in forms:
            assert seen.setdefault(loose(form), oid) == oid, (lang, form)
    steps = [
        consent(lang),
        likert("fft", lang),
        likert("agree", lang),
        likert("satisfaction", lang),
    ]
    for options in steps:
        labels = {loose(label): oid for oid, label in options}
        for oid, _ in options:
            for form in SHORT_FORMS[lang].get(oid, ()):
                assert labels.get(loose(form), oid) == oid, (lang, form)


def test_long_text_at_a_choice_step_is_not_read_as_a_button():
    """A comment typed at a choice step is refused as before (it is no label), however it
    begins: 'yes' followed by a story is not 'Yes'."""
    assert typed_option("yes " + "and then they said " * 10, consent("en"), "en") is None
    assert typed_option("Yes, but I was told I could not bring my son", consent("en"), "en") is None


@pytest.mark.parametrize(
    ("lang", "scale", "typed", "meant"),
    [
        ("pl", "fft", "bardzo dobrze", "very_good"),  # the adverb, a letter more than the label
        ("en", "agree", "stongly agree", "strongly_agree"),
        ("en", "agree", "disagre", "disagree"),
        ("en", "fft", "very god", "very_good"),
        ("ro", "agree", "nu sunt de acod", "disagree"),
        ("ru", "fft", "очен хорошо", "very_good"),
        ("pt", "fft", "muito bon", "very_good"),
    ],
)
def test_a_slip_of_the_thumb_still_picks_the_option(lang, scale, typed, meant):
    """Before, a label with one letter wrong was refused with "Please choose one of the
    options", again and again, for a person who had clearly said which one."""
    options = likert(scale, lang)
    label = dict(options)[meant]
    if loose(typed) == loose(label):  # the example must really be a slip in this catalogue
        pytest.skip(f"{typed!r} is the {lang} label itself")
    assert typed_option(typed, options, lang) == meant


@pytest.mark.parametrize("lang", LANGS)
def test_one_slip_in_a_label_never_picks_another_option(lang):
    """Every label of every scale with one letter dropped or doubled means that option
    or nothing: a slip never turns "Disagree" into "Agree", in any language.  (A slip
    that spells another label exactly, as Bengali "অসন্তুষ্ট" less its first letter is
    "সন্তুষ্ট", is that label, not a slip.)"""
    steps = [consent(lang), *(likert(s, lang) for s in ("fft", "agree", "satisfaction"))]
    for options in steps:
        labels = {loose(label) for _, label in options}
        for oid, label in options:
            key = loose(label)
            variants = {key[:i] + key[i + 1 :] for i in range(len(key))}
            variants |= {key[:i] + key[i] + key[i:] for i in range(len(key))}
            for typed in variants - labels:
                assert typed_option(typed, options, lang) in (oid, None), (lang, label, typed)


def test_short_words_and_near_ties_are_not_guessed():
    options = [("a", "De acord"), ("b", "Dezacord")]
    assert typed_option("deacord", options, "ro") is None  # one slip from both
    assert typed_option("gud", likert("fft", "en"), "en") is None  # under four letters
