"""Held-out risk set 4 (tests/data/risk_heldout4): reported by bench/risk_eval.py, never gated.

It was written by someone who never saw the phrase lists, and measured before it was
landed (first runs in each file's header).  These tests keep it whole and reported, so
that a later change cannot quietly drop a language or stop printing its figures.
"""

from __future__ import annotations

from bench import risk_eval

ENABLED = ("en", "pl", "lt", "lv", "ro", "pt", "ru", "ur", "pa", "gu", "ar", "bn", "so")


def test_every_enabled_language_has_30_risk_and_30_near_miss_lines_in_every_category():
    lines = risk_eval.load_corpus(risk_eval.HELDOUT4, batches=True)
    assert {line.batch for line in lines} == {"4"}
    for lang in ENABLED:
        part = [line for line in lines if line.lang == lang]
        assert sum(bool(line.labels) for line in part) >= 30, lang
        assert sum(not line.labels for line in part) >= 30, lang
        found = set().union(*(line.labels for line in part))
        assert found == {"suicide", "self_harm", "overdose", "abuse"}, lang


def test_the_eval_reports_it_apart_per_language_script_and_category(capsys):
    assert risk_eval.main([]) == 0
    out = capsys.readouterr().out
    part = out[out.index("held-out risk_heldout4/ batch 4") :]
    for lang in ENABLED:
        assert f"\n{lang} " in part
    assert "script Gurmukhi" in part and "category abuse" in part and "batch 4 all" in part
