"""Helplines as people read them: in their language, in their reading direction."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest

from bot.config import Settings, load_settings
from bot.helplines import helpline_line
from bot.i18n import FSI, PDI, load_catalogue
from bot.safety import signpost
from bot.translations.catalog import LOCALE_ENV, read_catalog
from bot.translations.po import write_catalog
from bot.translations.review import english_texts, review, runtime_sources
from tests.conftest import ROOT

CATALOGUE = load_catalogue()


def first_strong(text: str) -> str:
    return next(
        (unicodedata.bidirectional(c) for c in text if unicodedata.bidirectional(c) in "LRAL"),
        "",
    )


@pytest.mark.parametrize("lang", ["ar", "ur"])
def test_each_helpline_in_a_right_to_left_reply_runs_right_to_left(
    settings: Settings, lang: str
) -> None:
    """A line that began with "Samaritans" was laid out left to right by Telegram,
    with the Arabic note's brackets and numbers out of order."""
    reply = signpost(CATALOGUE, settings.helplines_for(lang), lang)
    lines = [line for line in reply.splitlines() if line.startswith("•")]
    assert len(lines) == len(settings.helplines_for(lang))
    for line in lines:
        assert first_strong(line) in ("R", "AL"), line


def test_left_to_right_replies_are_unchanged(settings: Settings) -> None:
    reply = signpost(CATALOGUE, settings.helplines_for("pl"), "pl")
    assert "• Samaritans: 116 123 (" in reply
    assert "\u200f" not in reply and "\u2068" not in reply


# Helpline names go through the catalogues like every other text.


@pytest.fixture
def locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "locale"
    shutil.copytree(ROOT / "locale", copy)
    monkeypatch.setenv(LOCALE_ENV, str(copy))
    return copy


def _translate(po: Path, context: str, text: str, *, fuzzy: bool) -> None:
    catalog = read_catalog(po)
    [message] = [m for m in catalog if m.context == context]
    message.string = text
    if fuzzy:
        message.flags.add("fuzzy")
    else:
        message.flags.discard("fuzzy")
    write_catalog(catalog, po)


EMERGENCY = "config:helplines:en:Emergency services:name"


def test_every_catalogue_has_an_entry_for_every_helpline_name(settings: Settings) -> None:
    names = {h.name for lines in settings.helplines.values() for h in lines}
    for po in sorted((ROOT / "locale").glob("*.po")):
        contexts = {m.context for m in read_catalog(po)}
        for name in names:
            assert f"config:helplines:en:{name}:name" in contexts, (po.name, name)


def test_a_translated_helpline_name_is_used_and_an_untranslated_one_stays_english(
    locale: Path,
) -> None:
    _translate(locale / "ar.po", EMERGENCY, "خدمات الطوارئ", fuzzy=True)
    _translate(locale / "pl.po", EMERGENCY, "", fuzzy=False)  # a translator gave none
    settings = load_settings(ROOT / "config.yaml")
    arabic = signpost(CATALOGUE, settings.helplines_for("ar"), "ar")
    assert "خدمات الطوارئ" in arabic and "Emergency services" not in arabic
    assert f"{FSI}Samaritans{PDI}" in arabic  # a proper name no catalogue gives
    polish = signpost(CATALOGUE, settings.helplines_for("pl"), "pl")
    assert "• Emergency services: 999 (" in polish
    poster_lines = [helpline_line(CATALOGUE, h, "ar") for h in settings.helplines_for("ar")]
    assert any("خدمات الطوارئ" in line for line in poster_lines)


def test_an_untranslated_name_is_no_safety_gap_but_a_machine_translated_one_is(
    locale: Path,
) -> None:
    """English is what people search for; a translation nobody checked could mislead."""
    english = english_texts(runtime_sources(ROOT / "flows", ROOT / "config.yaml"))
    assert EMERGENCY in english
    _translate(locale / "ar.po", EMERGENCY, "", fuzzy=False)
    assert EMERGENCY not in review("ar", english, locale).unreviewed_safety
    _translate(locale / "ar.po", EMERGENCY, "خدمات الطوارئ", fuzzy=True)
    assert EMERGENCY in review("ar", english, locale).unreviewed_safety
    _translate(locale / "ar.po", EMERGENCY, "خدمات الطوارئ", fuzzy=False)
    after = review("ar", english, locale)
    assert EMERGENCY not in after.unreviewed_safety and EMERGENCY not in after.unreviewed
