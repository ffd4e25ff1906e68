"""A step id keeps its question: answers to different questions are never pooled.

Version 1 asks "Staff treated me with respect" on the agree scale; version 2
re-uses the id for a satisfaction question.  Start-up and check-flows refuse
that, naming the file, line and step; a database that already holds both
versions reports them apart, and a wording-only change shows each wording's n.
"""

from __future__ import annotations

import asyncio
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.cli import main
from bot.flows import Flow, check_snapshots, load_flows
from bot.report.export import build_public
from bot.report.period import parse_week
from bot.report.synth import Response, write
from bot.service import Conversations, option_ids
from bot.sources import SourceErrors
from bot.store import Store

WEEK = parse_week("2026-W47")
MOMENT = datetime(2026, 11, 17, 9, tzinfo=UTC)

V1 = """\
id: staff
version: 1
title: {en: Staff}
intro: {en: Hello.}
outro: {en: Thanks.}
steps:
  - id: respect
    kind: likert
    scale: agree
    text: {en: "Staff treated me with respect."}
"""
V2_SCALE = V1.replace("version: 1", "version: 2").replace(
    'scale: agree\n    text: {en: "Staff treated me with respect."}',
    'scale: satisfaction\n    text: {en: "How dissatisfied were you with waiting times?"}',
)
V2_WORDING = V1.replace("version: 1", "version: 2").replace(
    "Staff treated me with respect.", "Staff treated me with dignity and respect."
)


def flows_in(folder: Path, text: str, settings) -> dict[str, Flow]:
    folder.mkdir(exist_ok=True)
    (folder / "staff.yaml").write_text(text)
    return load_flows(folder, ["en"], option_ids(settings))


def test_a_new_scale_under_an_old_step_id_is_refused_with_file_line_and_step(tmp_path, settings):
    old = flows_in(tmp_path / "old", V1, settings)["staff"]
    new = flows_in(tmp_path / "new", V2_SCALE, settings)
    errors = check_snapshots(tmp_path / "new", new, [old])
    assert len(errors) == 1
    text = str(errors[0])
    assert text.startswith(f"{tmp_path / 'new' / 'staff.yaml'}:9: steps.0.scale:")
    assert "'respect' was likert on the agree scale in stored version 1" in text
    assert "new step id" in text
    # Wording alone may change; so may anything under the same version (caught elsewhere).
    assert check_snapshots(tmp_path, flows_in(tmp_path / "w", V2_WORDING, settings), [old]) == []


async def test_start_up_refuses_it_against_the_stored_snapshots(tmp_path, settings, store):
    mine = settings.model_copy(update={"default_flow": "staff", "languages": ["en"]})
    first = Conversations(mine, store, flows_in(tmp_path / "f", V1, settings))
    await first.register_flows()
    later = mine.model_copy(update={"flows_dir": tmp_path / "f"})
    second = Conversations(later, store, flows_in(tmp_path / "f", V2_SCALE, settings))
    with pytest.raises(SourceErrors, match=r"staff\.yaml:9: steps\.0\.scale: step 'respect'"):
        await second.register_flows()
    assert [f.version for f in await store.flow_snapshots()] == [1]


def test_check_flows_reads_the_database_without_changing_it(tmp_path, settings, capsys):
    config = tmp_path / "config.yaml"
    db = tmp_path / "feedback.db"
    folder = tmp_path / "flows"
    config.write_text(
        f"database: {db}\nflows_dir: {folder}\nlanguages: [en]\ndefault_flow: staff\n"
        "areas:\n  - id: a\n    name: {en: A}\nsites:\n  - id: s\n    area: a\n"
        "    name: {en: S}\n"
    )
    flows_in(folder, V1, settings)
    shutil.copy(settings.flows_dir / "themes.yaml", folder / "themes.yaml")

    async def register() -> None:
        store = await Store.open(db)
        await store.register_flow(load_flows(folder, ["en"])["staff"])
        await store.close()

    asyncio.run(register())
    before = db.read_bytes()
    (folder / "staff.yaml").write_text(V2_SCALE)
    assert main(["--config", str(config), "check-flows"]) == 1
    err = capsys.readouterr().err
    assert f"{folder / 'staff.yaml'}:9: steps.0.scale: step 'respect'" in err
    assert db.read_bytes() == before
    (folder / "staff.yaml").write_text(V2_WORDING)
    assert main(["--config", str(config), "check-flows"]) == 0


async def test_a_database_holding_both_questions_reports_them_apart(tmp_path, settings, store):
    v1 = flows_in(tmp_path / "a", V1, settings)["staff"]
    v2 = flows_in(tmp_path / "b", V2_SCALE, settings)["staff"]
    v3 = flows_in(
        tmp_path / "c",
        V2_SCALE.replace("version: 2", "version: 3").replace(
            "How dissatisfied were you with waiting times?", "How satisfied were you with waiting?"
        ),
        settings,
    )["staff"]
    # Stored by older code, which did not refuse the change.
    await write(store, {"staff": v1}, [Response("staff", MOMENT, {"respect": "agree"})] * 6)
    await write(store, {"staff": v2}, [Response("staff", MOMENT, {"respect": "dissatisfied"})] * 7)
    await write(store, {"staff": v3}, [Response("staff", MOMENT, {"respect": "satisfied"})] * 8)
    report = await build_public(store, settings, WEEK)
    tables = {t.id: t for t in report.tables_of("likert") if t.flow_id == "staff"}
    # The first wording keeps the plain id, so an id never changes meaning over time.
    assert set(tables) == {
        "likert:staff:respect",
        "likert:staff:respect.v2",
        "likert:staff:respect.v3",
    }
    old, middle, new = (
        tables[k]
        for k in ("likert:staff:respect", "likert:staff:respect.v2", "likert:staff:respect.v3")
    )
    assert (old.scale, old.row("all").base.count, old.row("all").cells["top_two"].pct) == (
        "agree",
        6,
        100,
    )
    assert old.title == "Staff treated me with respect. (as asked in version 1)"
    assert (middle.scale, middle.row("all").base.count) == ("satisfaction", 7)
    assert middle.row("all").cells["bottom_two"].pct == 100
    assert middle.title == "How dissatisfied were you with waiting times? (as asked in version 2)"
    assert (new.scale, new.row("all").base.count, new.row("all").cells["top_two"].pct) == (
        "satisfaction",
        8,
        100,
    )
    assert new.title == "How satisfied were you with waiting? (as asked in version 3)"


async def test_one_wording_across_versions_is_still_one_question(tmp_path, settings, store):
    v1 = flows_in(tmp_path / "a", V1, settings)["staff"]
    v2 = flows_in(tmp_path / "b", V1.replace("version: 1", "version: 2"), settings)["staff"]
    await write(store, {"staff": v1}, [Response("staff", MOMENT, {"respect": "agree"})] * 3)
    await write(store, {"staff": v2}, [Response("staff", MOMENT, {"respect": "agree"})] * 3)
    report = await build_public(store, settings, WEEK)
    table = report.table("likert:staff:respect")
    assert table.title == "Staff treated me with respect."
    assert table.row("all").base.count == 6


async def test_a_few_answers_to_one_wording_are_hidden_when_the_week_is_published_again(
    tmp_path, settings, store
):
    """Two people answered the first wording and fifteen the second in week 47, and the
    week was published before: exported again (suppressed against the ledger), the two
    are hidden like any count under the threshold.  The old wording's table was keyed
    ``respect@v1``, and ``@`` marks a copy of a table in the suppression system, whose
    hidden cells are not the report's own: its 2 was shown."""
    v1 = flows_in(tmp_path / "a", V1, settings)["staff"]
    v2 = flows_in(
        tmp_path / "b",
        V1.replace("version: 1", "version: 2").replace(
            "Staff treated me with respect.", "Staff treated me with dignity and respect."
        ),
        settings,
    )["staff"]
    await write(store, {"staff": v1}, [Response("staff", MOMENT, {"respect": "agree"})] * 2)
    await write(store, {"staff": v2}, [Response("staff", MOMENT, {"respect": "agree"})] * 15)
    await build_public(store, settings, WEEK)
    report = await build_public(store, settings, WEEK)
    t = settings.suppression_threshold
    small = [
        (table.id, row.key, column, cell.count)
        for table in report.tables_of("likert")
        if table.flow_id == "staff"
        for row in table.rows
        for column, cell in [*row.cells.items(), ("base", row.base)]
        if cell is not None and cell.count is not None and 0 < cell.count < t
    ]
    assert not small, f"a count under {t} shown: {small}"
    titles = [t.title for t in report.tables_of("likert") if t.flow_id == "staff"]
    assert len(titles) == 2, titles
