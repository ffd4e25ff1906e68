"""``feedback-bot export``, ``update`` and ``themes`` as a member of staff runs them."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from bot.cli import main
from bot.report.synth import Response, write
from bot.store import Store


@pytest.fixture
def config(tmp_path, monkeypatch, settings, flows):
    """A config file pointing at a temp database that holds six comments in 2026-W47."""
    monkeypatch.setenv("FEEDBACK_BOT_DATABASE", str(settings.database))
    monkeypatch.setenv("FEEDBACK_BOT_FLOWS_DIR", str(settings.flows_dir))

    async def fill() -> None:
        store = await Store.open(settings.database)
        moment = datetime(2026, 11, 17, 9, tzinfo=UTC)
        await write(
            store,
            flows,
            [Response("consultation", moment, {"anything_else": "I waited"}) for _ in range(6)],
        )
        await store.close()

    asyncio.run(fill())
    from tests.conftest import ROOT

    return str(ROOT / "config.yaml")


def test_export_a_week(config, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["--config", config, "export", "--week", "2026-W47", "--out", str(out)])
    assert code == 0
    assert (out / "2026-W47" / "commissioners.html").exists()
    assert "wrote 6 file(s)" in capsys.readouterr().out


def test_export_a_date_range_in_one_format(config, tmp_path):
    out = tmp_path / "out"
    args = ["export", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "csv"]
    assert main(["--config", config, *args, "--out", str(out)]) == 0
    assert [p.name for p in (out / "2026-11-01_to_2026-11-30").iterdir()] == ["report.csv"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--week", "47"], "write it like 2026-W47"),
        (["--from", "2026-11-01"], "give both --from and --to"),
        (["--week", "2026-W47", "--format", "docx"], "unknown format docx"),
        (["--week", "2026-W47", "--format", "pdf"], "use --audience network"),
    ],
)
def test_export_explains_bad_input(config, capsys, args, message):
    assert main(["--config", config, "export", *args]) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    ("formats", "message"),
    [
        ("", "no format given"),
        (",", "no format given"),
        (" , ", "no format given"),
        ("html,,csv", "an empty format between commas"),
        ("csv,", "an empty format between commas"),
        ("csv,csv", "format csv is listed twice"),
        ("html,CSV,csv", "format csv is listed twice"),
        ("html,docx", "unknown format docx"),
    ],
)
def test_export_refuses_a_format_list_that_would_write_nothing_or_twice(
    config, tmp_path, capsys, formats, message
):
    """``--format ""`` wrote nothing and exited 0: a cron job would never notice."""
    out = tmp_path / "out"
    args = ["export", "--week", "2026-W47", "--format", formats, "--out", str(out)]
    assert main(["--config", config, *args]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert not out.exists()


def test_export_takes_format_names_in_any_case(config, tmp_path):
    out = tmp_path / "out"
    args = ["export", "--week", "2026-W47", "--format", " CSV , md", "--out", str(out)]
    assert main(["--config", config, *args]) == 0
    assert sorted(p.name for p in (out / "2026-W47").iterdir()) == ["report.csv", "summary.md"]


def test_updates_can_be_added_listed_and_deleted(config, capsys):
    assert main(["--config", config, "update", "list"]) == 0
    assert "No notes yet" in capsys.readouterr().out
    assert (
        main(["--config", config, "update", "add", "Evening clinic", "--date", "2026-11-18"]) == 0
    )
    assert main(["--config", config, "update", "list"]) == 0
    assert "2026-11-18\ten\tEvening clinic" in capsys.readouterr().out
    assert main(["--config", config, "update", "add", "x", "--date", "18/11"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert main(["--config", config, "update", "delete", "1"]) == 0
    # Too long to go out as one message with the broadcast's header: refused, not stored.
    assert main(["--config", config, "update", "add", "x" * 4090]) == 2
    assert "the note is 4090 characters; at most 40" in capsys.readouterr().err
    assert main(["--config", config, "update", "list"]) == 0
    assert "No notes yet" in capsys.readouterr().out


def test_staff_review_a_comment(config, capsys):
    assert main(["--config", config, "themes", "list", "--week", "2026-W47"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    answer_id, tags, text = first.split("\t")
    assert (tags, text) == ("auto: waiting_times", "I waited")
    assert main(["--config", config, "themes", "review", answer_id, "housing"]) == 0
    assert main(["--config", config, "themes", "review", answer_id, "housng"]) == 2
    assert "unknown theme housng" in capsys.readouterr().err
    assert main(["--config", config, "themes", "list", "--week", "2026-W47"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == f"{answer_id}\treviewed: housing\tI waited"


def test_export_to_a_file_instead_of_a_folder_is_a_clear_error(config, tmp_path, capsys):
    out = tmp_path / "report.html"
    out.write_text("keep me")
    assert main(["--config", config, "export", "--week", "2026-W47", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "is a file" in err and "Traceback" not in err
    assert out.read_text() == "keep me"
    inside = out / "deeper"
    assert main(["--config", config, "export", "--week", "2026-W47", "--out", str(inside)]) == 2
    assert "could not write" in capsys.readouterr().err
