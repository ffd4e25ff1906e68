"""Flow files: each mistake an editor can make gets a file:line: field error."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.flows import check_flow, load_flow, load_flows
from bot.sources import SourceErrors

BAD = Path(__file__).parent / "fixtures" / "bad_flows"


def problems(name: str, languages: tuple[str, ...] = ("en",)) -> list[str]:
    path = BAD / f"{name}.yaml"
    try:
        ff = load_flow(path)
    except SourceErrors as exc:
        return [str(e) for e in exc.errors]
    return [str(e) for e in check_flow(ff, languages)]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("typo_field", "typo_field.yaml:10: steps.0.optoins: unknown field"),
        ("unknown_kind", "unknown_kind.yaml:7: steps.0"),
        ("unknown_ref", "unknown_ref.yaml:12: steps.1.when.step: refers to an unknown step"),
        ("later_ref", "later_ref.yaml:9: steps.0.when.step: refers to a later step: 'q2'"),
        ("bad_value", "bad_value.yaml:12: steps.1.when: 'totally_agree' is not an answer"),
        ("duplicate_id", "duplicate_id.yaml:10: steps.1.id: duplicate step id 'q1'"),
        ("not_yaml", "not_yaml.yaml:4: not valid YAML"),
        ("two_tests", "two_tests.yaml:12: steps.1.when: Value error, give exactly one of"),
    ],
)
def test_bad_flow_names_file_line_and_field(name: str, expected: str) -> None:
    found = problems(name)
    assert any(expected in p for p in found), found


def test_unknown_kind_names_the_allowed_kinds() -> None:
    (problem,) = problems("unknown_kind")
    assert "'likert', 'choice', 'multi', 'text', 'info'" in problem, problem


def test_missing_translation_for_enabled_language() -> None:
    assert problems("missing_translation", ("en",)) == []
    found = problems("missing_translation", ("en", "pl"))
    where = f"{BAD / 'missing_translation.yaml'}:12"
    assert found == [f"{where}: steps.1.text: missing 'pl' translation"]


def test_load_flows_collects_every_file_problem(tmp_path: Path) -> None:
    for name in ("duplicate_id", "unknown_ref"):
        (tmp_path / f"{name}.yaml").write_text((BAD / f"{name}.yaml").read_text())
    with pytest.raises(SourceErrors) as info:
        load_flows(tmp_path, ["en"])
    files = {Path(e.file).name for e in info.value.errors}
    assert files == {"duplicate_id.yaml", "unknown_ref.yaml"}


def test_check_flows_command_reports_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flows = tmp_path / "flows"
    flows.mkdir()
    (flows / "later_ref.yaml").write_text((BAD / "later_ref.yaml").read_text())
    config = tmp_path / "config.yaml"
    config.write_text(f"flows_dir: {flows}\ndatabase: {tmp_path / 'f.db'}\n")
    assert main(["--config", str(config), "check-flows"]) == 1
    err = capsys.readouterr().err
    assert "later_ref.yaml:9: steps.0.when.step: refers to a later step" in err


def test_check_flows_passes_on_shipped_flows(capsys: pytest.CaptureFixture[str]) -> None:
    root = Path(__file__).parent.parent
    assert main(["--config", str(root / "config.yaml"), "check-flows"]) == 0
    out = capsys.readouterr().out
    assert "service_feedback v" in out and "consultation v" in out
