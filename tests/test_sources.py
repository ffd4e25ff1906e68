"""Hand-edited YAML: what PyYAML lets through silently is refused with file and line."""

from __future__ import annotations

import resource
import shutil
from pathlib import Path

import pytest

from bot.config import load_settings
from bot.flows import load_flows
from bot.sources import MAX_VALUES, SourceErrors, load_yaml
from tests.conftest import ROOT


def errors_of(path: Path) -> list[str]:
    with pytest.raises(SourceErrors) as caught:
        load_yaml(path)
    return [str(e) for e in caught.value.errors]


def test_a_key_given_twice_is_refused_with_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("suppression_threshold: 10\nlanguages: [en]\nsuppression_threshold: 3\n")
    assert errors_of(path) == [
        f"{path}:3: suppression_threshold: given twice (first on line 1); keep one"
    ]


def test_duplicates_deep_inside_are_each_reported(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(
        "sites:\n  - id: a\n    name: {en: A, en: B}\n  - id: b\n    id: c\nareas: []\n"
    )
    assert errors_of(path) == [
        f"{path}:3: sites.0.name.en: given twice (first on line 3); keep one",
        f"{path}:5: sites.1.id: given twice (first on line 4); keep one",
    ]


def test_a_duplicate_in_the_shipped_config_stops_start_up(tmp_path: Path) -> None:
    text = (ROOT / "config.yaml").read_text()
    path = tmp_path / "config.yaml"
    path.write_text(text + "\nretention_days: 30\n")
    with pytest.raises(SourceErrors) as caught:
        load_settings(path)
    (error,) = caught.value.errors
    assert error.field == "retention_days" and error.line == len(text.splitlines()) + 2


def test_a_duplicate_step_field_in_a_flow_is_refused(tmp_path: Path, settings) -> None:
    flows = tmp_path / "flows"
    shutil.copytree(ROOT / "flows", flows)
    path = flows / "service_feedback.yaml"
    lines = path.read_text().splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("version:"))
    lines.insert(at + 1, lines[at])
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(SourceErrors) as caught:
        load_flows(flows, ["en"], {})
    assert any(e.field == "version" and e.line == at + 2 for e in caught.value.errors)


BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(8)
)


def test_nested_aliases_cannot_exhaust_memory(tmp_path: Path) -> None:
    """Nine levels of ten aliases would be 10^9 values; it stops at MAX_VALUES, in little memory."""
    path = tmp_path / "laughs.yaml"
    path.write_text(BILLION_LAUGHS)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    (error,) = errors_of(path)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert f"more than {MAX_VALUES:,} values" in error
    assert grown_mb < 200


def test_a_few_aliases_are_still_fine(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("base: &n {en: Hub}\nsites:\n  - {id: a, name: *n}\n  - {id: b, name: *n}\n")
    assert load_yaml(path).data["sites"][1]["name"] == {"en": "Hub"}


def test_an_alias_that_contains_itself_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("a: &a [1, *a]\n")
    assert errors_of(path) == [f"{path}:1: a.1: an alias contains itself"]


@pytest.mark.parametrize(
    ("text", "problem"),
    [("? [a, b]\n: 1\n", "a key must be plain text"), ("<<: {a: 1}\n", "not valid YAML")],
)
def test_odd_keys_are_errors_not_tracebacks(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(text)
    assert problem in errors_of(path)[0]
