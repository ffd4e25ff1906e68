"""Held-out redaction sets (tests/data/redaction_heldout5, ...): reported apart, never gated.

Each was written by a helper who did not write the redactor, for every enabled language and
digit system, frozen, and measured on main before it landed (figures in bench/redaction_eval.py).
These tests keep each set whole and its report printed, so that its figures cannot quietly
disappear, and keep the gate off them.  One parametrised test serves every set.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import re
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "redaction_eval.py"
ENABLED = ("en", "pl", "lt", "lv", "ro", "pt", "ru", "ur", "pa", "gu", "ar", "bn", "so")
SETS = (
    "redaction_heldout5",
    "redaction_heldout6",
    "redaction_heldout7",
    "redaction_heldout8",
    "redaction_heldout9",
    "redaction_heldout10",
    "redaction_heldout12",
    "redaction_heldout13",
)


def _bench():
    spec = importlib.util.spec_from_file_location("redaction_eval_heldout", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    return _bench()


@pytest.fixture(scope="module")
def gated_run(bench) -> tuple[int, str]:
    """``redaction_eval.py --gate``, run once for every set: its exit code and what it printed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = bench.main(["redaction_eval.py", "--gate"])
    return code, out.getvalue()


def _section(out: str, heading: str) -> str:
    """The part of the report from ``heading`` to the next held-out set's heading."""
    start = out.index(heading)
    after = re.search(r"\nheld-out \w+/", out[start + 1 :])
    return out[start : start + 1 + after.start()] if after else out[start:]


@pytest.mark.parametrize("name", SETS)
def test_every_enabled_language_has_15_lines_with_things_to_hide_and_to_keep(name, bench):
    folder = bench.ROOT / "tests" / "data" / name
    assert folder in bench.REPORTED_APART
    examples = bench.load_corpus(folder)
    for lang in ENABLED:
        part = [ex for ex in examples if ex.lang == lang]
        assert len(part) >= 15, lang
        assert any(ex.source == ex.expected for ex in part), f"{lang}: nothing that must survive"
        assert any("[phone]" in ex.expected for ex in part), lang
        assert any("[name]" in ex.expected for ex in part), lang
    systems = set().union(*(bench.digit_systems(ex.source) for ex in examples))
    assert {"arabic-indic", "extended arabic-indic", "bengali", "gurmukhi", "gujarati"} <= systems
    if name not in ("redaction_heldout12", "redaction_heldout13"):  # no full-width digits typed
        assert "fullwidth" in systems


@pytest.mark.parametrize("name", SETS)
def test_the_eval_reports_it_apart_per_language_and_the_gate_ignores_it(name, gated_run):
    code, out = gated_run
    assert code == 0
    part = _section(out, f"held-out {name}/")
    assert "never gated" in part and "held-out all" in part
    for lang in ENABLED:
        assert f"\n{lang} " in part, lang
