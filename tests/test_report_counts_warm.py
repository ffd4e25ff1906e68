"""Issue 17 item 5: the first export after a week of a service is not a cold one.

Kept counts are by the week (``bot/report/queries.py``: ``cells``), so a change costs a
recount of its own week; the bot keeps the last months counted every hour in its report
process (``bot/report/warm.py``, ``bot/telegram/jobs.py``); and ``report_counts`` is
tidied (rows of old code, of long-past ranges, beyond a cap), not at every count.
That the kept counts stay exact is ``tests/test_report_counts_kept.py``'s.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from bot.report import counts
from bot.report.export import build_public
from bot.report.period import month, months_to, parse_range, parse_week
from bot.report.queries import ReportQueries, cells
from bot.report.synth import random_responses, write
from bot.report.warm import warm_counts, warm_months
from bot.report.worker import FLOWS_ENV, ReportBusy, ReportFailed, ReportWorker
from bot.store import Store
from bot.telegram import jobs
from tests.conftest import Clock
from tests.e2e.test_telegram_reports import fill_comments

ZONE = "Europe/London"
NOW = datetime(2026, 11, 25, 10, tzinfo=UTC)


async def _fill(store: Store, settings, flows) -> None:
    span = parse_range("2026-08-20", "2026-11-24", ZONE)
    await write(store, flows, random_responses(flows, settings, 160, span, seed=5))


def _spy(store: Store) -> list[tuple[str, tuple]]:
    """Every read of answers (not of kept counts) the store's staff reader does."""
    seen: list[tuple[str, tuple]] = []
    read = store.staff_read

    async def counting(sql, args=()):
        if "answers a" in sql and "report_counts" not in sql:
            seen.append((" ".join(sql.split()), tuple(args)))
        return await read(sql, args)

    store.staff_read = counting  # type: ignore[method-assign]
    return seen


def test_a_period_is_kept_by_its_weeks_and_the_firsts_of_months() -> None:
    """October 2026 (a Thursday to a Saturday, the clocks going back on the 25th): its
    first days to the Sunday, four Monday-to-Sunday weeks, and the last Saturday; a
    week is one cell; the cells add up to the period, with no gap."""
    october = month(date(2026, 10, 1), ZONE)
    got = cells(october)
    assert [(c.start.isoformat(), c.end.isoformat()) for c in got] == [
        ("2026-10-01", "2026-10-04"),
        ("2026-10-05", "2026-10-11"),
        ("2026-10-12", "2026-10-18"),
        ("2026-10-19", "2026-10-25"),
        ("2026-10-26", "2026-10-31"),
    ]
    assert got[0].bounds()[0] == october.bounds()[0] and got[-1].bounds()[1] == october.bounds()[1]
    assert all(a.bounds()[1] == b.bounds()[0] for a, b in itertools.pairwise(got))
    week = parse_week("2026-W46", ZONE)
    assert [c.bounds() for c in cells(week)] == [week.bounds()]
    # A week across the first of a month is cut there: months are made of whole cells.
    across = parse_week("2026-W44", ZONE)  # 26 October to 1 November
    assert [(c.start.day, c.end.day) for c in cells(across)] == [(26, 31), (1, 1)]


async def test_a_delete_in_october_recounts_its_week_not_the_month(
    store: Store, settings, flows
) -> None:
    """Someone who answered in October uses /delete: November's export recounts the
    week their answers were in, and reads the rest of October from the kept counts
    (the month was recounted whole: a fifth of an export's time at 1M answers)."""
    await _fill(store, settings, flows)
    october = month(date(2026, 10, 1), ZONE)
    q = ReportQueries(store)
    before = await q.answer_counts(october)
    key, started = (
        await store.staff_read(
            "SELECT respondent_key, started_at FROM sessions WHERE started_at >= ?"
            " AND started_at < ? ORDER BY started_at LIMIT 1 OFFSET 3",
            ("2026-10-13", "2026-10-17"),
        )
    )[0]
    gone = await store.staff_read(
        "SELECT count(*) FROM answers a JOIN sessions s ON s.id = a.session_id"
        " WHERE s.respondent_key = ? AND a.kind IN ('likert', 'multi', 'text')",
        (key,),
    )
    await store.delete_respondent(key)
    seen = _spy(store)
    after = await ReportQueries(store).answer_counts(october)
    assert sum(c.n for c in after) == sum(c.n for c in before) - gone[0][0]
    counted = [args for sql, args in seen if "GROUP BY" in sql]
    week = next(c for c in cells(october) if c.bounds()[0] <= started < c.bounds()[1])
    assert counted == [week.bounds()]


async def test_warmed_counts_leave_the_first_export_of_the_month_nothing_to_count(
    store: Store, settings, flows
) -> None:
    """The hourly job's work (the last three months tagged and counted) done, the month's
    first export with its 12-month trend reads no answer for its counts: only comments
    for their quotes (text: never kept), the quoted answers' groups, and the trend's
    hours outside whole days."""
    await _fill(store, settings, flows)
    months = warm_months(settings.model_copy(update={"reports": settings.reports}), NOW)
    assert [m.start for m in months] == [date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 1)]
    await warm_counts(store, settings, months)
    seen = _spy(store)
    nov = months[-1]
    await build_public(store, settings, nov, trend=months_to(nov, 12))
    allowed = (
        "json_each(x.review)",
        "SELECT m.label, s.flow_id",
        "SELECT a.id, s.site",
        "SELECT a.step_id, a.value, COUNT(*)",  # equality answers, by calendar quarter
    )
    assert [s for s, _ in seen if not any(a in s for a in allowed)] == []
    # Nothing was left to tag either: tagging writes, and would have undone the counts.
    untagged = await store.staff_read(
        "SELECT count(*) FROM sessions s JOIN answers a ON a.session_id = s.id"
        " LEFT JOIN answer_tagging t ON t.answer_id = a.id"
        " WHERE s.started_at >= ? AND a.kind = 'text' AND t.answer_id IS NULL",
        (months[0].bounds()[0],),
    )
    assert untagged == [(0,)]


async def test_kept_counts_are_capped_by_age_and_by_number(
    store: Store, settings, flows, clock: Clock, monkeypatch
) -> None:
    """The table does not grow without bound: rows of ranges that ended more than
    ``KEEP_DAYS`` ago go, and beyond ``MAX_ROWS`` the oldest ranges' rows go first."""
    await _fill(store, settings, flows)
    q = ReportQueries(store)
    for first in ("2026-09-01", "2026-10-01", "2026-11-01"):
        await q.answer_counts(month(date.fromisoformat(first), ZONE))
    total = (await store.staff_read("SELECT count(*) FROM report_counts"))[0][0]
    assert total == 5 + 5 + 6  # each month's weeks (cells); 1 November is a Sunday
    clock.now = datetime(2026, 10, 1, tzinfo=UTC) + timedelta(days=counts.KEEP_DAYS)
    assert await counts.tidy(store) == 5  # September's ended more than KEEP_DAYS ago
    monkeypatch.setattr(counts, "MAX_ROWS", 4)
    assert await counts.tidy(store) == 11 - 4
    left = await store.staff_read("SELECT lo FROM report_counts ORDER BY lo")
    assert [lo[:10] for (lo,) in left] == ["2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"]
    assert sum(c.n for c in await q.answer_counts(month(date(2026, 9, 1), ZONE))) > 0


async def test_the_report_process_keeps_counts_warm_and_gives_way_to_a_report(
    store: Store, settings, flows, conversations, tmp_path: Path
) -> None:
    """The job's path: the report process (niced) counts the months and keeps them;
    while a report is being made it is not started (that report counts for itself)."""
    await _fill(store, settings, flows)
    worker = ReportWorker(settings)
    months = [month(date(2026, 10, 1), ZONE), month(date(2026, 11, 1), ZONE)]
    await worker.keep_counts(months)
    kept = await store.staff_read(
        "SELECT DISTINCT lo FROM report_counts WHERE rows IS NOT NULL AND query = 'answers'"
    )
    assert len(kept) == len(cells(months[0])) + len(cells(months[1]))
    async with worker._lock:  # a report in hand
        with pytest.raises(ReportBusy):
            await worker.keep_counts(months)
        job = SimpleNamespace(
            job=SimpleNamespace(data=SimpleNamespace(reports=worker, settings=settings))
        )
        await jobs.keep_counts(job)  # skipped quietly, not an error


def test_the_report_processes_get_the_codebook_compiled_from_their_fork_server(
    settings, tmp_path: Path
) -> None:
    """An export with one new comment to tag compiled every theme rule first (~0.2 s of
    CPU, in every report process): the fork server now compiles them once, where the
    bot's worker says its flows are, and each report process is forked with them."""
    ReportWorker(settings)
    flows = os.environ[FLOWS_ENV]
    assert flows  # set before any report process starts (this test process's first, or not)
    check = (
        "import os, sys; from pathlib import Path;"
        "import bot.report.worker_preload;"
        "from bot.report.themes import load_codebook;"
        "sys.exit(0 if '_compiled' in load_codebook(Path(sys.argv[1])).__dict__ else 3)"
    )
    env = {**os.environ, FLOWS_ENV: str(Path(settings.flows_dir).resolve())}
    done = subprocess.run([sys.executable, "-c", check, env[FLOWS_ENV]], env=env, check=False)
    assert done.returncode == 0
    # A broken codebook does not stop the server: the report says what is wrong.
    broken = tmp_path / "flows"
    broken.mkdir()
    (broken / "themes.yaml").write_text("themes: [\n")
    env[FLOWS_ENV] = str(broken)
    done = subprocess.run([sys.executable, "-c", "import bot.report.worker_preload"], env=env)
    assert done.returncode == 0


async def test_a_report_asked_for_while_counts_are_kept_warm_goes_first(
    store: Store, settings, conversations
) -> None:
    """Staff's /summary while the hourly job keeps counts warm: the report is made at
    once, not refused as "busy" (the counts are only a saving: that process is stopped,
    and what it kept is exact), and the job is told it gave way."""
    await fill_comments(store, 3_000)
    worker = ReportWorker(settings)
    week = parse_week("2026-W47", ZONE)
    warming = asyncio.ensure_future(worker.keep_counts([month(date(2026, 11, 1), ZONE)]))
    while worker.pid is None:  # its process has started
        await asyncio.sleep(0.01)
    text = await asyncio.wait_for(worker.summary(week), 60)
    assert "2026-W47" in text
    with pytest.raises(ReportBusy):
        await warming
    assert not worker.busy
    # Nothing half-kept is read: the next counts equal a recount.
    q = ReportQueries(store)
    kept = await q.answer_counts(month(date(2026, 11, 1), ZONE))
    await store.write("DELETE FROM report_counts")
    assert kept == await q.answer_counts(month(date(2026, 11, 1), ZONE))


async def test_a_backlog_of_comments_is_tagged_a_slice_an_hour(
    store: Store, settings, conversations
) -> None:
    """16,000 untagged comments (months never exported since an upgrade) held a core
    for a minute beside the bot in one run: now each run tags at most ``tag_limit``, and
    a month is counted only once its comments are all tagged (counting tags the rest)."""
    await fill_comments(store, 300)
    nov = month(date(2026, 11, 1), ZONE)

    async def untagged() -> int:
        rows = await store.staff_read(
            "SELECT count(*) FROM answers a LEFT JOIN answer_tagging t ON t.answer_id = a.id"
            " WHERE a.kind = 'text' AND t.answer_id IS NULL"
        )
        return rows[0][0]

    async def kept() -> int:
        rows = await store.staff_read("SELECT count(*) FROM report_counts WHERE rows IS NOT NULL")
        return rows[0][0]

    await warm_counts(store, settings, [nov], tag_limit=120)
    assert (await untagged(), await kept()) == (180, 0)
    await warm_counts(store, settings, [nov], tag_limit=120)
    assert (await untagged(), await kept()) == (60, 0)
    await warm_counts(store, settings, [nov], tag_limit=120)
    assert await untagged() == 0
    assert await kept() >= len(cells(nov))


async def test_the_hourly_job_on_a_full_disk_logs_and_the_bot_goes_on(settings, caplog) -> None:
    """The report process failed (a full disk, a locked database): one warning, no
    error raised into the job queue; the next hour tries again."""

    class Full:
        async def keep_counts(self, months) -> None:
            raise ReportFailed("OperationalError (the disk or database is full)", "full")

    context = SimpleNamespace(
        job=SimpleNamespace(data=SimpleNamespace(reports=Full(), settings=settings))
    )
    with caplog.at_level("WARNING"):
        await jobs.keep_counts(context)  # type: ignore[arg-type]
    assert "report counts not kept warm" in caplog.text
    assert "full" in caplog.text
