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


# -- references from config to flows, sites, areas, languages (issue 18 item 10)

SITES = "areas:\n  - id: fens\n    name: {en: Fens}\nsites:\n"


def problems(path: Path) -> list[str]:
    with pytest.raises(SourceErrors) as info:
        load_settings(path)
    return [str(e) for e in info.value.errors]


def test_every_bad_reference_is_reported_at_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "languages: [en, pl]\n"  # 1
        + SITES  # 2-5
        + "  - {id: wisbech, area: fen, name: {en: W}}\n"  # 6
        "  - {id: wisbech, area: fens, name: {pl: W}}\n"  # 7
        "respondent_groups: [carer, carer]\n"  # 8
        "helplines:\n  pl: [{name: X, number: '1'}]\n"  # 9-10
        "risk_phrases:\n  english: [die]\n",  # 11-12
    )
    assert problems(path) == [
        f"{path}:7: sites.1.id: 'wisbech' is used twice in sites",
        f"{path}:7: sites.1.name: needs an 'en' name, the fallback in every language",
        f"{path}:6: sites.0.area: site 'wisbech' names unknown area 'fen' (did you mean 'fens'?)",
        f"{path}:8: respondent_groups.1: 'carer' is listed twice",
        f"{path}:9: helplines: helplines must include 'en', the fallback for every language",
        f"{path}:12: risk_phrases.english: not a two-letter language code",
    ]


def test_a_typo_in_default_flow_stops_start_up_and_check_flows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = Path(__file__).parent.parent
    path = write(
        tmp_path,
        f"flows_dir: {root / 'flows'}\ndatabase: {tmp_path / 'f.db'}\n"
        "default_flow: service_feeback\n",
    )
    assert main(["--config", str(path), "check-flows"]) == 1
    expected = (
        f"{path}:3: default_flow: no flow 'service_feeback' in {root / 'flows'}"
        " (did you mean 'service_feedback'?)"
    )
    assert expected in capsys.readouterr().err
    assert main(["--config", str(path), "chat"]) == 1
    assert expected in capsys.readouterr().err
    assert not (tmp_path / "f.db").exists()


def test_default_flow_from_the_environment_is_blamed_on_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = Path(__file__).parent.parent
    path = write(tmp_path, f"flows_dir: {root / 'flows'}\ndefault_flow: service_feedback\n")
    monkeypatch.setenv("FEEDBACK_BOT_DEFAULT_FLOW", "consultaton")
    assert main(["--config", str(path), "check-flows"]) == 1
    err = capsys.readouterr().err
    assert "FEEDBACK_BOT_DEFAULT_FLOW (environment): default_flow: no flow 'consultaton'" in err
    assert "did you mean 'consultation'?" in err


# -- the environment (issue 18 item 11)


def test_an_unknown_variable_is_refused_naming_the_closest_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "languages: [en]\n")
    monkeypatch.setenv("FEEDBACK_BOT_SUPRESSION_THRESHOLD", "50")
    monkeypatch.setenv("FEEDBACK_BOT_TELEGRAM__MOED", "webhook")
    monkeypatch.setenv("FEEDBACK_BOT_SECRT", "x" * 40)
    assert problems(path) == [
        "FEEDBACK_BOT_SECRT (environment): no such setting, so it would be ignored;"
        " did you mean FEEDBACK_BOT_SECRET?",
        "FEEDBACK_BOT_SUPRESSION_THRESHOLD (environment): no such setting, so it would be"
        " ignored; did you mean FEEDBACK_BOT_SUPPRESSION_THRESHOLD?",
        "FEEDBACK_BOT_TELEGRAM__MOED (environment): no such setting, so it would be ignored;"
        " did you mean FEEDBACK_BOT_TELEGRAM__MODE?",
    ]
    assert main(["--config", str(path), "check-flows"]) == 1
    assert "FEEDBACK_BOT_SUPPRESSION_THRESHOLD?" in capsys.readouterr().err


def test_real_variables_of_every_kind_are_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "languages: [en]\n")
    monkeypatch.setenv("FEEDBACK_BOT_SECRET", "variables-of-every-kind-" + "x" * 40)
    monkeypatch.setenv("feedback_bot_suppression_threshold", "7")
    monkeypatch.setenv("FEEDBACK_BOT_TELEGRAM__WEBHOOK__PORT", "9443")
    monkeypatch.setenv("FEEDBACK_BOT_REPORTS__WEEKLY_DAY", "tue")
    monkeypatch.setenv("FEEDBACK_BOT_RISK_PHRASES__EN", '["want to die"]')
    settings = load_settings(path)
    assert settings.suppression_threshold == 7 and settings.telegram.webhook.port == 9443
    assert settings.reports.weekly_day == "tue"
    assert settings.risk_phrases["en"] == ["want to die"]


def test_a_bad_value_from_the_environment_names_the_variable_not_a_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "# settings\nlanguages: [en]\nsuppression_threshold: 5\n")
    monkeypatch.setenv("FEEDBACK_BOT_SUPPRESSION_THRESHOLD", "0")
    monkeypatch.setenv("FEEDBACK_BOT_REPORTS__WEEKLY_TIME", "9am")
    errors = problems(path)
    assert errors[0].startswith(
        "FEEDBACK_BOT_SUPPRESSION_THRESHOLD (environment): suppression_threshold: Input should"
    )
    assert errors[1].startswith(
        "FEEDBACK_BOT_REPORTS__WEEKLY_TIME (environment): reports.weekly_time"
    )
    assert not any(str(path) in e for e in errors)
    assert main(["--config", str(path), "check-flows"]) == 1
    assert "Config error:" in capsys.readouterr().err


def test_a_list_from_the_environment_that_is_not_json_names_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FEEDBACK_BOT_LANGUAGES", "en,pl")
    (error,) = problems(write(tmp_path, "languages: [en]\n"))
    assert (
        error == "FEEDBACK_BOT_LANGUAGES (environment): languages: not valid JSON for this setting"
    )


# -- a config file named but not there (issue 20 item 1)


def test_a_mistyped_config_path_is_an_error_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "languages: [en]\n")
    for command in (["chat"], ["purge"], ["migrate"], ["check-flows"]):
        assert main(["--config", str(tmp_path / "config.yml"), *command]) == 2
        err = capsys.readouterr().err
        assert f"config file {tmp_path / 'config.yml'} not found" in err
        assert f"did you mean {tmp_path / 'config.yaml'}?" in err
    assert not (tmp_path / "data").exists()


def test_chat_without_any_config_says_it_runs_on_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FEEDBACK_BOT_FLOWS_DIR", str(Path(__file__).parent.parent / "flows"))
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(""))
    assert main(["chat"]) == 0
    err = capsys.readouterr().err
    assert "No config.yaml here" in err and "built-in defaults (no helplines" in err


# -- run and purge refuse to start without signposting (issue 20 item 1)


def test_run_and_purge_with_no_config_at_all_refuse_and_touch_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456:TEST-token")
    for command in (["run"], ["purge"]):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert "needs risk phrases and helplines for every enabled language" in err
        assert "no helplines for 'en'" in err and "pass --config PATH" in err
    assert not (tmp_path / "data").exists()
    assert main(["purge", "--dry-run"]) == 0  # changes nothing, so it may look


def test_run_refuses_an_enabled_language_nobody_could_be_signposted_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path,
        f"database: {tmp_path / 'f.db'}\nlanguages: [en, de]\n"
        "helplines:\n  en: [{name: Samaritans, number: '116 123'}]\n",
    )
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456:TEST-token")
    assert main(["--config", str(path), "run"]) == 2
    err = capsys.readouterr().err
    assert "no risk_phrases for 'de'" in err and "'en'" not in err.split("language:")[1]
    assert f"Add them to {path}" in err
    assert not (tmp_path / "f.db").exists()


def test_a_language_the_catalogue_does_not_describe_stops_start_up_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Enabling 'de' used to pass start-up; then the language menu failed for everyone."""
    root = Path(__file__).parent.parent
    path = write(
        tmp_path,
        f"flows_dir: {root / 'flows'}\ndatabase: {tmp_path / 'f.db'}\nlanguages:\n  - en\n  - de\n",
    )
    expected = f"{path}:5: languages.1: no language 'de' in bot/messages.yaml"
    assert main(["--config", str(path), "chat"]) == 1
    assert expected in capsys.readouterr().err
    assert main(["--config", str(path), "check-flows"]) == 1
    assert expected in capsys.readouterr().err
    assert not (tmp_path / "f.db").exists()


def test_disclosure_defaults_to_base_and_refuses_nonsense(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = load_settings(tmp_path / "absent.yaml").disclosure
    assert (rules.mode, rules.min_base, rules.rounding) == ("base", 10, "none")
    path = write(tmp_path, "disclosure:\n  mode: percentages\n  rounding: 1\n")
    with pytest.raises(SourceErrors) as info:
        load_settings(path)
    assert ":2: disclosure.mode: Input should be 'base' or 'cells'" in str(info.value)
    assert ":3: disclosure.rounding" in str(info.value)
    monkeypatch.setenv("FEEDBACK_BOT_DISCLOSURE__ROUNDING", "5")
    assert load_settings(tmp_path / "absent.yaml").disclosure.rounding == 5
