"""The messages catalogue: complete, placeholders intact, right script, right direction."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from bot import cli
from bot.config import load_settings
from bot.detect import script_counts
from bot.i18n import CATALOGUE_PATH, FSI, PDI, check_catalogue, load_catalogue
from tests.conftest import ROOT

SETTINGS = load_settings(ROOT / "config.yaml")
CATALOGUE = load_catalogue()
EXPECTED_SCRIPT = {
    "pa": "Gurmukhi",
    "gu": "Gujarati",
    "bn": "Bengali",
    "ar": "Arabic",
    "ur": "Arabic",
    "ru": "Cyrillic",
}
# Letters Urdu writes and Arabic does not (ٹ ڈ ڑ ں ے ہ ھ ی ک گ), and the reverse (ي ك ة).
URDU_ONLY = set("ٹڈڑںےہھیکگ")
# Left in Latin on purpose: placeholders, commands and proper names (Prenoxad and Nyxoid:
# the names on the naloxone kit's box).
KEPT_LATIN = re.compile(r"\{\w+\}|/\w+|\b(?:Telegram|HMP Peterborough|Prenoxad|Nyxoid)\b")
ARABIC_ONLY = set("يكة")


def translations(lang: str) -> list[str]:
    """Every string shown in ``lang``: messages, flow texts and site names."""
    found = [forms[lang] for forms in CATALOGUE.messages.values() if lang in forms]

    def walk(value: object) -> None:
        if isinstance(value, dict):
            if lang in value and isinstance(value[lang], str) and "en" in value:
                found.append(value[lang])
            for child in value.values():
                walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)

    for path in sorted((ROOT / "flows").glob("*.yaml")):
        walk(yaml.safe_load(path.read_text("utf-8")))
    walk([site.name for site in SETTINGS.sites])
    return found


def test_ten_or_more_languages_enabled_and_complete(monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(SETTINGS.languages) >= 10
    assert check_catalogue(SETTINGS.languages) == []
    monkeypatch.chdir(ROOT)
    assert cli.main(["check-flows"]) == 0


def test_check_flows_names_a_new_english_only_key(tmp_path: Path) -> None:
    """How later English-only keys are found: check-flows lists each with file and line."""
    copy = tmp_path / "messages.yaml"
    shutil.copy(ROOT / "bot" / "messages.yaml", copy)
    with copy.open("a", encoding="utf-8") as fh:
        fh.write("\n  # reports\n  report.title: {en: Weekly summary}\n")
    lines = copy.read_text("utf-8").splitlines()
    errors = check_catalogue(SETTINGS.languages, copy)
    missing = sorted(e.message for e in errors)
    assert missing == sorted(f"missing {lang!r} translation" for lang in SETTINGS.languages[1:])
    assert {e.line for e in errors} == {len(lines)}
    assert {e.field for e in errors} == {"messages.report.title"}


def test_every_language_described() -> None:
    for lang in SETTINGS.languages:
        info = CATALOGUE.languages[lang]
        assert info.native and info.name
    assert {lang for lang, info in CATALOGUE.languages.items() if info.rtl} == {"ar", "ur"}


def test_a_whole_language_reviewed_flag_is_refused_with_where_to_look(tmp_path: Path) -> None:
    """Review state lives per text in the catalogues; a leftover `reviewed: false` in
    messages.yaml said the opposite of a reviewed catalogue, so it cannot come back."""
    from bot.sources import SourceErrors

    text = CATALOGUE_PATH.read_text(encoding="utf-8")
    assert "reviewed" not in text.split("messages:")[0]
    copy = tmp_path / "messages.yaml"
    copy.write_text(
        text.replace("native: Polski, rtl: false}", "native: Polski, rtl: false, reviewed: true}"),
        encoding="utf-8",
    )
    line = next(
        i for i, row in enumerate(copy.read_text().splitlines(), 1) if "reviewed: true" in row
    )
    with pytest.raises(SourceErrors) as caught:
        load_catalogue.__wrapped__(copy)
    message = str(caught.value)
    assert f"messages.yaml:{line}" in message and "languages.pl" in message
    assert "locale/<lang>.po" in message and "translations status" in message


@pytest.mark.parametrize("lang", SETTINGS.languages)
def test_placeholders_survive_translation(lang: str) -> None:
    for key, forms in CATALOGUE.messages.items():
        english = set(re.findall(r"\{\w+\}", forms["en"]))
        assert set(re.findall(r"\{\w+\}", forms[lang])) == english, key


@pytest.mark.parametrize("lang", sorted(EXPECTED_SCRIPT))
def test_each_string_is_in_the_languages_own_script(lang: str) -> None:
    texts = translations(lang)
    assert len(texts) > 80
    for text in texts:
        counts = script_counts(KEPT_LATIN.sub("", text))
        assert set(counts) == {EXPECTED_SCRIPT[lang]}, text


def test_urdu_and_arabic_use_their_own_letters() -> None:
    urdu = "".join(translations("ur"))
    arabic = "".join(translations("ar"))
    assert URDU_ONLY & set(urdu) and not ARABIC_ONLY & set(urdu)
    assert ARABIC_ONLY & set(arabic) and not URDU_ONLY & set(arabic)


@pytest.mark.parametrize(
    "lang", [lang for lang in SETTINGS.languages if lang not in EXPECTED_SCRIPT]
)
def test_latin_script_languages_have_no_other_script(lang: str) -> None:
    for text in translations(lang):
        assert set(script_counts(KEPT_LATIN.sub("", text))) == {"Latin"}, text


@pytest.mark.parametrize(("lang", "expected"), [("ar", "{3} من {12}"), ("ur", "{12} میں سے {3}")])
def test_rtl_progress_keeps_numbers_whole_and_in_order(lang: str, expected: str) -> None:
    text = CATALOGUE.text("progress", lang, n=3, total=12)
    assert text == expected.replace("{", FSI).replace("}", PDI)


def test_ltr_languages_get_no_direction_marks() -> None:
    for lang in SETTINGS.languages:
        if CATALOGUE.is_rtl(lang):
            continue
        assert CATALOGUE.text("progress", lang, n=3, total=12).count(FSI) == 0
        assert FSI not in CATALOGUE.text("flow.no_session", lang)


@pytest.mark.parametrize("lang", ["ar", "ur"])
def test_rtl_commands_and_numbers_are_isolated_with_punctuation_outside(lang: str) -> None:
    stopped = CATALOGUE.text("flow.stopped", lang)
    assert f"{FSI}/start{PDI}" in stopped
    notice = CATALOGUE.text("privacy.notice", lang, retention_days=365)
    assert f"{FSI}365{PDI}" in notice
    assert f"{FSI}/delete{PDI}" in notice and f"{FSI}/privacy{PDI}" in notice
    assert f"{FSI}Telegram{PDI}" in notice
    too_long = CATALOGUE.text("error.too_long", lang, length=2500, limit=2000)
    assert f"{FSI}2500{PDI}" in too_long and f"{FSI}2000{PDI}" in too_long


def test_unfilled_placeholders_stay_as_they_are() -> None:
    assert CATALOGUE.text("progress", "en") == "{n} of {total}"
    assert CATALOGUE.text("progress", "ar") == "{n} من {total}"


def test_english_fallback_inside_rtl_is_one_isolated_island() -> None:
    assert CATALOGUE.pick({"en": "Cambridgeshire"}, "ar") == f"{FSI}Cambridgeshire{PDI}"
    assert CATALOGUE.pick({"en": "Cambridgeshire"}, "pl") == "Cambridgeshire"


def well_formed(text: str) -> bool:
    """Isolates balanced and unnested, and no digit outside one."""
    depth = 0
    outside = []
    for char in text:
        if char == FSI:
            depth += 1
            if depth > 1:
                return False
        elif char == PDI:
            depth -= 1
            if depth < 0:
                return False
        elif depth == 0:
            outside.append(char)
    return depth == 0 and not re.search(r"[0-9]", "".join(outside))


@pytest.mark.parametrize("lang", ["ar", "ur"])
def test_rtl_strings_are_well_formed_everywhere(lang: str) -> None:
    for key in CATALOGUE.messages:
        values = {"n": 3, "total": 12, "length": 2500, "limit": 2000, "retention_days": 365}
        values["first"] = "2025-12-01"
        values["language"] = CATALOGUE.languages[lang].native
        assert well_formed(CATALOGUE.text(key, lang, **values)), key
    for text in translations(lang):
        assert well_formed(CATALOGUE.pick({"en": "x", lang: text}, lang)), text
