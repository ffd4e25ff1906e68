"""The codebook in every enabled language: coverage in check-flows, tagging measured."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bench.theme_eval import TARGET, labelled, score
from bot.cli import main
from bot.config import load_settings
from bot.i18n import load_catalogue
from bot.report.aggregate import ReportBuilder
from bot.report.period import parse_week
from bot.report.suppress import publish
from bot.report.synth import Response, write
from bot.report.themes import Codebook, fold, load_codebook

ROOT = Path(__file__).resolve().parent.parent
ENABLED = list(load_settings(ROOT / "config.yaml").languages)
CODEBOOK = load_codebook(ROOT / "flows")


def shipped_config_with(tmp_path: Path, flows: Path) -> Path:
    """config.yaml as shipped (every language, helplines), but these flows and a temp database."""
    text = (ROOT / "config.yaml").read_text("utf-8")
    text = re.sub(r"(?m)^flows_dir: .*$", f"flows_dir: {flows}", text)
    text = re.sub(r"(?m)^database: .*$", f"database: {tmp_path / 'f.db'}", text)
    config = tmp_path / "config.yaml"
    config.write_text(text, "utf-8")
    return config


@pytest.mark.parametrize("lang", ENABLED)
def test_every_enabled_language_is_tagged_well_enough(lang: str) -> None:
    """bench/theme_eval.py's figures, as a test: precision and recall at least TARGET."""
    assert len(labelled(lang)) >= 15
    s = score(CODEBOOK, lang)
    assert s.precision >= TARGET and s.recall >= TARGET, "\n".join(s.misses)


def test_check_flows_reports_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config", str(ROOT / "config.yaml"), "check-flows"]) == 0
    out = capsys.readouterr().out
    total = len(CODEBOOK.themes)
    for lang in ENABLED:
        assert f"{lang} {total}/{total}" in out


def test_check_flows_fails_when_an_enabled_language_has_no_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flows = tmp_path / "flows"
    shutil.copytree(ROOT / "flows", flows)
    text = (flows / "themes.yaml").read_text("utf-8")
    (flows / "themes.yaml").write_text(re.sub(r"(?m)^ +lt: .*\n", "", text), "utf-8")
    config = shipped_config_with(tmp_path, flows)
    assert main(["--config", str(config), "check-flows"]) == 1
    err = capsys.readouterr().err
    assert "themes.yaml:" in err and "no keywords or patterns in 'lt'" in err
    assert "'lv'" not in err


def test_check_flows_fails_without_a_codebook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reports cannot be made without one, so check-flows must not say OK."""
    flows = tmp_path / "flows"
    shutil.copytree(ROOT / "flows", flows)
    (flows / "themes.yaml").unlink()
    config = shipped_config_with(tmp_path, flows)
    assert main(["--config", str(config), "check-flows"]) == 1
    assert "theme codebook not found" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Potrzebuje pomocy z depresja i lekami", "mental_health"),  # Polish, no diacritics
        ("Aciu labai, jus man padejote", "praise"),  # Lithuanian, no diacritics
        ("Gaidiju tris nedelas", "waiting_times"),  # Latvian, no diacritics
        ("Am nevoie de sprijin pentru sanatatea mintala", "mental_health"),  # Romanian
        ("Não tenho onde morar", "housing"),
        ("وبالصيدلية أعطوني الجرعة الخطأ", "prescribing_pharmacy"),  # wa-bi-al- + word
        ("الصَّيْدَلِيَّةُ بَعِيدَةٌ", "prescribing_pharmacy"),  # fully vowelled
        ("مجھے بہت انتظار کرنا پڑا", "waiting_times"),  # Urdu
        ("مجهے بهت انتظار کرنا پڑا", "waiting_times"),  # Urdu with Arabic heh
        ("ਮੈਨੂੰ ਡਿਪਰੈਸਨ ਹੈ", "mental_health"),  # Punjabi without the nukta
        ("ਸ਼ਾਮ ਨੂੰ ਸਭ ਬੰਦ ਹੁੰਦਾ ਹੈ", "out_of_hours"),
        ("আমার ওষুধের ডোজ ভুল", "prescribing_pharmacy"),
        ("Waxaan sugayay muddo dheer", "waiting_times"),
    ],
)
def test_the_usual_ways_of_typing_are_matched(text: str, theme: str) -> None:
    assert theme in CODEBOOK.tag(text)


def test_a_keyword_does_not_match_after_an_indic_vowel_sign() -> None:
    """Python's word class has no vowel signs or viramas: 'বন্ধ' (closed) is inside 'সম্বন্ধে'."""
    book = Codebook.model_validate(
        {
            "version": 1,
            "themes": [{"id": "closed", "label": {"en": "x"}, "keywords": {"bn": ["বন্ধ"]}}],
        }
    )
    assert book.tag("এই সম্বন্ধে কিছু জানি না") == []  # "I know nothing about this"
    assert book.tag("রবিবার সব বন্ধ") == ["closed"]


def test_folding_keeps_what_is_stored_untouched() -> None:
    text = "Sănătate mintală"
    assert fold(text) == "sanatate mintala" and text == "Sănătate mintală"


async def test_comments_in_lithuanian_are_themed_and_quoted(store, settings, flows) -> None:
    """Before: lt, lv, ur, pa, gu, ar, bn and so were never themed, yet counted as commenters."""
    moment = datetime(2026, 11, 17, 9, tzinfo=UTC)
    comments = [
        "Laukiau beveik du mėnesius, kol kas nors paskambino.",
        "Labai ilgai laukiau pirmo susitikimo.",
        "Eilėje laukėme kelias savaites.",
        "Recepto laukiu jau trečią savaitę.",
        "Per ilgai reikia laukti.",
    ]
    await write(
        store, flows, [Response("consultation", moment, {"anything_else": c}) for c in comments]
    )
    s = settings.model_copy(update={"suppression_threshold": 5})
    builder = ReportBuilder(store, s, load_codebook(s.flows_dir), load_catalogue())
    report = publish(await builder.build(parse_week("2026-W47")))
    waiting = report.table("themes").row("waiting_times").cells["respondents"]
    assert waiting.count == 5 and waiting.pct == 100
    assert any(q.theme == "waiting_times" for q in report.quotes)
