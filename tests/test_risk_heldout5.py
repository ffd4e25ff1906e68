"""Held-out risk set 5 (tests/data/risk_heldout5): reported by bench/risk_eval.py, never gated.

It was written after the concept rules by a helper who saw neither the phrase lists nor the
earlier sets, frozen, and measured on main before it landed (first runs in each file's
header).  These tests keep it whole and reported apart, so that a later change cannot quietly
drop a language, a category or a script, or start gating on a set it was tuned on.
"""

from __future__ import annotations

from bench import risk_eval

ENABLED = ("en", "pl", "lt", "lv", "ro", "pt", "ru", "ur", "pa", "gu", "ar", "bn", "so")
ROMANISED_AND_NATIVE = {"ur": "Arabic", "pa": "Gurmukhi", "gu": "Gujarati", "bn": "Bengali"}


def test_every_enabled_language_has_30_risk_and_30_near_miss_lines_in_every_category():
    lines = risk_eval.load_corpus(risk_eval.HELDOUT5, batches=True)
    assert {line.batch for line in lines} == {"5"}
    for lang in ENABLED:
        part = [line for line in lines if line.lang == lang]
        assert sum(bool(line.labels) for line in part) >= 30, lang
        assert sum(not line.labels for line in part) >= 30, lang
        found = set().union(*(line.labels for line in part))
        assert found == {"suicide", "self_harm", "overdose", "abuse"}, lang


def test_languages_written_in_two_scripts_have_both_in_risk_and_near_miss_lines():
    lines = risk_eval.load_corpus(risk_eval.HELDOUT5, batches=True)
    for lang, native in {**ROMANISED_AND_NATIVE, "ar": "Arabic"}.items():
        for positive in (True, False):
            part = [ln for ln in lines if ln.lang == lang and bool(ln.labels) == positive]
            latin = sum(ln.script.startswith("Latin") for ln in part)
            own = sum(native in ln.script for ln in part)
            assert latin >= 10 and own >= 10, (lang, positive, latin, own)


def test_the_eval_reports_it_apart_and_does_not_gate_on_it(capsys):
    assert risk_eval.main([]) == 0
    out = capsys.readouterr().out
    part = out[out.index("held-out risk_heldout5/ batch 5") :]
    for lang in ENABLED:
        assert f"\n{lang} " in part
    assert "script Bengali" in part and "category overdose" in part and "batch 5 all" in part
    assert "5" not in risk_eval.GATED_BATCHES
