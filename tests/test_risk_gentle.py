"""Helplines the model alone gives, and not surely, open gently: "Thank you for telling us. If
you, or someone with you, are not safe right now, ...", with the same helplines and advice.

The thresholds are set around the stored model here (``monkeypatch``): which messages fall in
the gentle band moves with every retrain, what the person is shown for them must not."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from bench.risk_eval import load_corpus
from bot.i18n import load_catalogue
from bot.safety import MODEL, RiskScreen
from bot.service import Conversations
from tests.alerts import starts_alert

CATALOGUE = load_catalogue()
DATA = Path(__file__).parent / "data"


@cache
def _model_only(screen: RiskScreen, lang: str) -> tuple[str, ...]:
    """Disclosures in ``lang`` (training set 30) that only the model reads."""
    lines = [line for line in load_corpus(DATA / "risk_train30") if line.lang == lang]
    return tuple(
        line.text
        for line in lines
        if line.labels and (hits := screen.hits(line.text)) and all(h.lang == MODEL for h in hits)
    )


def sure(monkeypatch: pytest.MonkeyPatch, screen: RiskScreen) -> None:
    """Every reading of the model is sure: the sure thresholds down to the gentle ones."""
    model = screen._model
    assert model is not None
    monkeypatch.setattr(model, "threshold", model.gentle_threshold)
    monkeypatch.setattr(model, "evidence_threshold", model.gentle_evidence_threshold)


def unsure(monkeypatch: pytest.MonkeyPatch, screen: RiskScreen) -> None:
    """Every reading of the model is unsure: under the sure thresholds, over the gentle ones."""
    model = screen._model
    assert model is not None
    monkeypatch.setattr(model, "threshold", 1.01)
    monkeypatch.setattr(model, "evidence_threshold", 1.01)


@pytest.mark.parametrize("lang", ["en", "pl", "ru", "ar", "bn", "so"])
def test_the_model_alone_unsure_gets_the_gentle_opening_and_the_same_helplines(
    conversations: Conversations, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    screen = conversations.risk
    texts = _model_only(screen, lang)
    if not texts:
        pytest.skip(f"no line of training set 30 in {lang} is read by the model alone")
    sure(monkeypatch, screen)
    before = {text: conversations.risk_alert(text, lang) for text in texts}
    unsure(monkeypatch, screen)
    for text in texts:
        alert = conversations.risk_alert(text, lang)
        assert alert is not None, text  # still signposted
        written_in = next(x for x in conversations.settings.languages if starts_alert(alert, x))
        assert alert.startswith(CATALOGUE.text("risk.gentle", written_in)), text
        was = before[text]
        assert was is not None and was.startswith(CATALOGUE.text("risk.intro", written_in))
        # The same helplines and advice: only the opening line differs.
        assert alert.split("\n")[1:] == was.split("\n")[1:]


def test_a_rule_s_reading_keeps_the_sure_opening_when_the_model_is_unsure(
    conversations: Conversations, monkeypatch: pytest.MonkeyPatch
) -> None:
    unsure(monkeypatch, conversations.risk)
    for lang, text in [
        ("en", "i want to kill myself tonight"),
        ("pl", "nie chcę już żyć"),
        ("ru", "я больше не хочу жить"),
    ]:
        alert = conversations.risk_alert(text, lang)
        assert alert is not None and alert.startswith(CATALOGUE.text("risk.intro", lang))


def test_enough_languages_have_lines_only_the_model_reads(conversations: Conversations) -> None:
    """Guard: the test above is not skipped everywhere."""
    found = [
        lang
        for lang in ("en", "pl", "ru", "ar", "bn", "so")
        if _model_only(conversations.risk, lang)
    ]
    assert len(found) >= 3, found
