"""Held-out risk sets 4, 5, 6 (tests/data/risk_heldout4, 5, 6): kept whole and reported.

Each was written by a helper who saw neither the phrase lists nor the rules, frozen, and
measured on main before it landed (first runs in each file's header).  These tests keep each
set whole and reported apart by bench/risk_eval.py, so that a later change cannot quietly drop a
language, a category or a script, and they pin which sets gate: set 4 has been tuned on (wave
5) and is gated like the corpus; the later ones are not, so that their figures stay honest.
One parametrised test serves every set, and the eval runs once for all of them.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import NamedTuple

import pytest

from bench import risk_eval

ENABLED = ("en", "pl", "lt", "lv", "ro", "pt", "ru", "ur", "pa", "gu", "ar", "bn", "so")
CATEGORIES = {"suicide", "self_harm", "overdose", "abuse"}
ROMANISED_AND_NATIVE = {
    "ur": "Arabic",
    "pa": "Gurmukhi",
    "gu": "Gujarati",
    "bn": "Bengali",
    "ar": "Arabic",
}


class HeldOut(NamedTuple):
    folder: Path
    gated: bool
    both_scripts: bool
    """Set 4 predates the rule that romanised and native script come in equal measure."""


SETS = {
    "4": HeldOut(risk_eval.HELDOUT4, gated=True, both_scripts=False),
    "5": HeldOut(risk_eval.HELDOUT5, gated=False, both_scripts=True),
    "6": HeldOut(risk_eval.HELDOUT6, gated=False, both_scripts=True),
    "7": HeldOut(risk_eval.HELDOUT7, gated=False, both_scripts=True),
    "8": HeldOut(risk_eval.HELDOUT8, gated=False, both_scripts=True),
}


@pytest.fixture(scope="module")
def report() -> str:
    """What ``python bench/risk_eval.py`` prints, run once for every set."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert risk_eval.main([]) == 0
    return out.getvalue()


def _lines(batch: str) -> list[risk_eval.Line]:
    return risk_eval.load_corpus(SETS[batch].folder, batches=True)


def _section(report: str, heading: str) -> str:
    """The part of the report from ``heading`` to the next held-out batch's heading."""
    start = report.index(heading)
    after = re.search(r"\nheld-out \S+/ batch ", report[start + 1 :])
    return report[start : start + 1 + after.start()] if after else report[start:]


@pytest.mark.parametrize("batch", SETS)
def test_every_enabled_language_has_30_risk_and_30_near_miss_lines_in_every_category(batch):
    lines = _lines(batch)
    assert {line.batch for line in lines} == {batch}
    for lang in ENABLED:
        part = [line for line in lines if line.lang == lang]
        assert sum(bool(line.labels) for line in part) >= 30, lang
        assert sum(not line.labels for line in part) >= 30, lang
        assert set().union(*(line.labels for line in part)) == CATEGORIES, lang


@pytest.mark.parametrize("batch", [b for b, s in SETS.items() if s.both_scripts])
def test_languages_written_in_two_scripts_have_both_in_risk_and_near_miss_lines(batch):
    lines = _lines(batch)
    for lang, native in ROMANISED_AND_NATIVE.items():
        for positive in (True, False):
            part = [ln for ln in lines if ln.lang == lang and bool(ln.labels) == positive]
            latin = sum(ln.script.startswith("Latin") for ln in part)
            own = sum(native in ln.script for ln in part)
            assert latin >= 10 and own >= 10, (lang, positive, latin, own)


@pytest.mark.parametrize("batch", SETS)
def test_the_eval_reports_it_apart_per_language_script_and_category(batch, report):
    part = _section(report, f"held-out {SETS[batch].folder.name}/ batch {batch}")
    for lang in ENABLED:
        assert f"\n{lang} " in part, lang
    for category in CATEGORIES:
        assert f"\ncategory {category} " in part, category
    for script in ("Latin", "Cyrillic", "Arabic", "Bengali", "Gurmukhi", "Gujarati"):
        assert f"\nscript {script}" in part, script
    assert f"\nbatch {batch} all " in part


@pytest.mark.parametrize("batch", SETS)
def test_only_the_sets_tuned_on_are_gated(batch):
    gated = batch in risk_eval.GATED_BATCHES or (batch == "4" and risk_eval.GATED_HELDOUT4)
    assert gated == SETS[batch].gated
