"""config.yaml: defaults, environment overrides, and one clear error per mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.config import load_settings
from bot.sources import SourceErrors


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text)
    return path


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "absent.yaml")
    assert settings.database == Path("data/feedback.db")
    assert settings.suppression_threshold == 5 and settings.languages == ["en"]


def test_shipped_config_is_valid() -> None:
    settings = load_settings(Path(__file__).parent.parent / "config.yaml")
    assert {s.area for s in settings.sites} <= {a.id for a in settings.areas}
    assert "hmp_peterborough" in {s.id for s in settings.sites}
    assert any(h.number == "116 123" for h in settings.helplines_for("en"))


def test_typo_names_file_line_and_field(tmp_path: Path) -> None:
    path = write(tmp_path, "languages: [en]\nsupression_threshold: 10\n")
    with pytest.raises(SourceErrors) as info:
        load_settings(path)
    assert (
        str(info.value) == f"{path}:2: supression_threshold: unknown field (is it spelled right?)"
    )


def test_nested_typo_and_bad_type(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "areas:\n  - id: a\n    name: {en: A}\nsites:\n  - id: s\n    area: a\n    nmae: {en: S}\n"
        "retention_days: soon\n",
    )
    with pytest.raises(SourceErrors) as info:
        load_settings(path)
    text = str(info.value)
    assert f"{path}:7: sites.0.nmae: unknown field" in text
    assert f"{path}:8: retention_days: Input should be a valid integer" in text


def test_inconsistent_values_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "languages: [en, pl]\ndefault_language: de\n")
    with pytest.raises(SourceErrors, match="default_language 'de' is not in languages"):
        load_settings(path)
    path = write(tmp_path, "languages: [english]\n")
    with pytest.raises(SourceErrors, match=r"languages: .*not two-letter"):
        load_settings(path)


def test_environment_overrides_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "database: from_file.db\nsuppression_threshold: 5\n")
    monkeypatch.setenv("FEEDBACK_BOT_DATABASE", "/srv/from_env.db")
    monkeypatch.setenv("FEEDBACK_BOT_TELEGRAM__MODE", "webhook")
    settings = load_settings(path)
    assert settings.database == Path("/srv/from_env.db")
    assert settings.telegram.mode == "webhook"
    assert settings.suppression_threshold == 5


def test_cli_exits_non_zero_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "langauges: [en]\n")
    assert main(["--config", str(path), "check-flows"]) == 1
    err = capsys.readouterr().err
    assert f"Config error in {path}" in err and "langauges: unknown field" in err


def test_reports_section_defaults_and_bad_values(tmp_path: Path) -> None:
    reports = load_settings(Path(__file__).parent.parent / "config.yaml").reports
    assert (reports.weekly_day, reports.weekly_time, reports.timezone) == (
        "mon",
        "09:00",
        "Europe/London",
    )
    path = write(tmp_path, "reports:\n  staff_chat_ids: [-1001234]\n  weekly_time: '9am'\n")
    with pytest.raises(SourceErrors, match=r":3: reports.weekly_time: .*HH:MM"):
        load_settings(path)
    path = write(tmp_path, "reports:\n  timezone: Europe/Cambridge\n  weekly_day: monday\n")
    with pytest.raises(SourceErrors) as info:
        load_settings(path)
    assert "reports.timezone: Value error, unknown time zone 'Europe/Cambridge'" in str(info.value)
    assert ":3: reports.weekly_day: Input should be 'mon'" in str(info.value)


@pytest.mark.parametrize("site_id", ["st.ives", "wisbech hub", "café", "x" * 60])
def test_a_site_id_that_cannot_go_in_a_share_link_is_refused(tmp_path: Path, site_id) -> None:
    # t.me/<bot>?start=site_<id>: Telegram drops a start parameter outside [A-Za-z0-9_-]{1,64}.
    path = write(
        tmp_path,
        f"areas:\n  - id: a\n    name: {{en: A}}\nsites:\n  - id: '{site_id}'\n    area: a\n"
        "    name: {en: S}\n",
    )
    with pytest.raises(SourceErrors) as info:
        load_settings(path)
    assert f"{path}:5: sites.0.id:" in str(info.value)
    assert "share link" in str(info.value)


def test_the_longest_site_id_that_fits_a_share_link_is_accepted(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        f"areas:\n  - id: a\n    name: {{en: A}}\nsites:\n  - id: {'x' * 59}\n    area: a\n"
        "    name: {en: S}\n",
    )
    assert load_settings(path).sites[0].id == "x" * 59
