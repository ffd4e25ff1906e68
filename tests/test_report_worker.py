"""Reports made in a process of their own (bot/report/worker.py), and files written whole.

The e2e side (people answered meanwhile, a second request told to wait, stopping
the bot mid-export) is tests/e2e/test_telegram_reports.py.
"""

from __future__ import annotations

import asyncio
import errno
import json
import multiprocessing
import os
import shutil
import signal
from pathlib import Path

import pytest

from bot.config import Settings
from bot.report import export as export_module
from bot.report.export import export_files
from bot.report.period import parse_week
from bot.report.synth import Response, write
from bot.report.worker import (
    ReportBusy,
    ReportFailed,
    ReportStopped,
    ReportWorker,
    Request,
    answer_on,
    describe,
)
from bot.roles import audit_log
from bot.store import Store
from tests.e2e.test_telegram_reports import fill_comments

WEEK = parse_week("2026-W47", "Europe/London")


@pytest.fixture
async def answered(store: Store, flows, conversations) -> Store:
    from datetime import UTC, datetime

    moment = datetime(2026, 11, 17, 9, tzinfo=UTC)
    people = [Response("consultation", moment, {"anything_else": "I waited weeks"})] * 6
    await write(store, flows, people)
    return store


def without_time(text: str) -> dict:
    report = json.loads(text)
    report.pop("generated_at", None)
    return report


async def test_the_worker_writes_the_same_files_as_the_command_line(
    answered: Store, settings: Settings, tmp_path: Path
):
    worker = ReportWorker(settings)
    files = await worker.export(WEEK, tmp_path / "bot", actor="staff-key", store=answered)
    here = await export_files(answered, settings, WEEK, out_dir=tmp_path / "cli")
    assert sorted(p.name for p in files) == sorted(p.name for p in here)
    assert all(p.is_file() for p in files)
    by_name = {p.name: p for p in files}
    cli = {p.name: p for p in here}
    assert without_time(by_name["report.json"].read_text()) == without_time(
        cli["report.json"].read_text()
    )
    assert by_name["report.csv"].read_text() == cli["report.csv"].read_text()
    actors = [e.actor_key for e in await audit_log(answered) if e.action == "export"]
    assert actors == ["staff-key", "cli"]
    text = await worker.summary(WEEK)
    assert "Feedback summary 2026-W47" in text and "Responses: 6" in text


async def test_a_full_disk_part_way_leaves_no_file_under_its_name(
    answered: Store, settings: Settings, tmp_path: Path, monkeypatch
):
    """The xlsx comes after html and csv; the disk fills while it is written."""

    def full(report, path: Path) -> None:
        path.write_bytes(b"PK\x03\x04 half a zip")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export_module, "write_xlsx", full)
    out = tmp_path / "out"
    with pytest.raises(OSError, match="No space"):
        await export_files(answered, settings, WEEK, out_dir=out)
    # Not the html and csv written before it (a set that looks whole, with no xlsx),
    # nor the half-written xlsx, nor the staging folder.
    assert [p for p in out.rglob("*") if p.is_file()] == []
    assert [p.name for p in out.iterdir()] == ["2026-W47"]
    # An earlier complete export of the week is left as it was.
    monkeypatch.undo()
    done = await export_files(answered, settings, WEEK, out_dir=out)
    before = {p: p.read_bytes() for p in done}
    monkeypatch.setattr(export_module, "write_xlsx", full)
    with pytest.raises(OSError):
        await export_files(answered, settings, WEEK, out_dir=out)
    assert {p: p.read_bytes() for p in done} == before
    assert sorted(p.name for p in (out / "2026-W47").iterdir()) == sorted(p.name for p in done)


async def test_a_failing_report_is_reported_by_kind_and_place_not_by_content(
    answered: Store, settings: Settings, tmp_path: Path
):
    flows = tmp_path / "flows"
    shutil.copytree(settings.flows_dir, flows)  # with flows/sections/
    (flows / "themes.yaml").write_text("themes: [Mrs Secret Name\n")
    worker = ReportWorker(settings.model_copy(update={"flows_dir": flows}))
    with pytest.raises(ReportFailed) as failed:
        await worker.export(WEEK, tmp_path / "out", actor="staff-key", store=answered)
    assert "SourceErrors at" in str(failed.value)
    assert "Secret" not in str(failed.value)
    assert not worker.busy
    assert [p for p in (tmp_path / "out").rglob("*") if p.is_file()] == []


async def test_one_report_at_a_time_and_stop_ends_the_one_in_hand(
    store: Store, settings: Settings, conversations, tmp_path: Path
):
    await fill_comments(store, 3_000)
    worker = ReportWorker(settings)
    first = asyncio.ensure_future(worker.export(WEEK, tmp_path / "out", actor="a", store=store))
    while worker.pid is None:  # the child has been started
        await asyncio.sleep(0.01)
    with pytest.raises(ReportBusy):
        await worker.summary(WEEK)
    child = worker._process
    await asyncio.wait_for(worker.stop(), 5)
    with pytest.raises(ReportStopped):
        await first
    assert child.exitcode is not None  # gone, not left running
    with pytest.raises(ReportStopped):
        await worker.summary(WEEK)  # and no new one once stopping
    assert [p for p in (tmp_path / "out").rglob("*") if p.is_file()] == []


async def test_a_report_process_killed_from_outside_is_a_failure_not_a_hang(
    store: Store, settings: Settings, conversations, tmp_path: Path
):
    await fill_comments(store, 3_000)
    worker = ReportWorker(settings)
    task = asyncio.ensure_future(worker.export(WEEK, tmp_path / "out", actor="a", store=store))
    while worker.pid is None:
        await asyncio.sleep(0.01)
    os.kill(worker.pid, signal.SIGKILL)  # the OOM killer, say
    with pytest.raises(ReportFailed, match="ended with code -9"):
        await asyncio.wait_for(task, 10)
    assert not worker.busy
    text = await worker.summary(WEEK)  # the next one works
    assert "Responses: 3000" in text


async def test_files_nobody_is_left_to_take_are_removed(
    answered: Store, settings: Settings, tmp_path: Path
):
    """The bot was killed (kill -9) while its report process wrote the files: they hold
    comments, and no one will come back for them."""
    ours, theirs = multiprocessing.Pipe(duplex=False)
    ours.close()  # the bot is gone
    request = Request(
        task="export",
        settings=settings.model_dump(mode="json"),
        period=WEEK,
        out_dir=tmp_path / "out",
        actor="a",
    )
    await asyncio.to_thread(answer_on, request, theirs)
    assert [p for p in (tmp_path / "out").rglob("*") if p.is_file()] == []
    # Nobody got them: the audit log does not say an export was made.
    assert [e for e in await audit_log(answered) if e.action == "export"] == []


def test_an_os_error_is_named_by_its_code():
    try:
        raise OSError(errno.ENOSPC, "No space left on device: /tmp/x/Mrs Secret")
    except OSError as exc:
        said = describe(exc)
    assert said.startswith("OSError ENOSPC at ") and "Secret" not in said
