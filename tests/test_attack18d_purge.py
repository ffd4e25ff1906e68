"""Hostile review of issue 18 after the purge fix (attack18d): a reader who keeps every
publication across many daily purges, and an operator whose purge is cut short.

The reader (``tests/attack18d_reader.py``) holds each publication as it was published
(read from the ledger right after each export, before a later purge cuts it down), and
the intruder's linear programs run over every piece of days, purged ones too, with the
true counts taken from a copy of the answers no purge touches.  Weeks and ranges are
exported before and between daily purges, each purge moving the cut a day and cutting
the same straddling weeks, ranges and trend month again; reports of November carry a
twelve-month trend whose oldest month left is clipped ('Oct 2026 (from 17 Oct)').
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.config import Disclosure
from bot.report import periods
from bot.report import purged as purged_module
from bot.report.export import build_public
from bot.report.period import Period, month, months_to, parse_week
from bot.report.purged import PurgedDays
from bot.report.synth import Response, write
from bot.retention import purge_expired
from bot.store import Store
from tests.attack18d_reader import Reader

T = 5
ROOT = Path(__file__).resolve().parent.parent


def _settings(settings, mode: str, zone: str):
    return settings.model_copy(
        update={
            "suppression_threshold": T,
            "disclosure": Disclosure(mode=mode),
            "reports": settings.reports.model_copy(update={"timezone": zone}),
        }
    )


def _days(a: date, b: date) -> list[date]:
    return [a + timedelta(days=i) for i in range((b - a).days + 1)]


def _people(days: dict[date, list[tuple[str, str, int]]], hour: int = 9) -> list[Response]:
    """Per day: (respondent group, answer to one_service, how many), from ``hour`` UTC."""
    people = []
    for day, groups in days.items():
        at = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=hour)
        for group, answer, n in groups:
            for _ in range(n):
                at += timedelta(minutes=1)
                people.append(
                    Response("consultation", at, {"one_service": answer}, respondent_group=group)
                )
    return people


async def _twice(store: Store, truth: Store, flows, people: list[Response]) -> None:
    await write(store, flows, people)
    await write(truth, flows, people)


# -- probe 1: many daily purges, weeks, ranges and a clipped trend month


@pytest.mark.parametrize(
    ("zone", "mode"),
    # (UTC with base and London with cells held too when written: 2 minutes more.)
    [("UTC", "cells"), ("Europe/London", "base")],
)
async def test_daily_purges_cutting_the_same_weeks_ranges_and_trend_month_give_nothing_away(
    settings, flows, store: Store, clock, tmp_path, mode, zone
):
    """October and November, three service users a day; family carers on 12 to 24
    October, one to three a day (hidden in most pieces), one service user a day
    disagreeing from 25 October.  Weeks 42 to 44 are published first; then six purges,
    a day apart, each followed by November with a twelve-month trend (October clipped to
    its days left) and a range of the seven days after the cut.  In Europe/London the
    purge runs at 00:30 BST (23:30 UTC the day before) and some answers are given between
    local midnight and the cutoff, so the cut is not a UTC midnight either."""
    s = _settings(settings, mode, zone)
    days = {d: [("service_user", "agree", 3)] for d in _days(date(2026, 10, 1), date(2026, 11, 30))}
    for d in _days(date(2026, 10, 12), date(2026, 10, 24)):
        days[d].append(("family_carer", "disagree", 1 + d.day % 3))
    for d in _days(date(2026, 10, 25), date(2026, 11, 30)):
        days[d].append(("service_user", "disagree", 1))
    truth = await Store.open(tmp_path / "truth.db")
    try:
        await _twice(store, truth, flows, _people(days))
        if zone != "UTC":
            # 23:10 UTC is 00:10 BST the next day (before 25 October): the day it counts in
            # is not the UTC day, and the purge at 00:30 BST takes it with the day before.
            late = {
                d: [("family_carer", "agree", 1)]
                for d in _days(date(2026, 10, 13), date(2026, 10, 20))
            }
            await _twice(store, truth, flows, _people(late, hour=23))
        reader = Reader()
        clock.now = datetime(2026, 12, 1, 12, tzinfo=UTC)
        for n in (42, 43, 44):
            await build_public(store, s, parse_week(f"2026-W{n}", zone))
            await reader.take(store)
        november = month(date(2026, 11, 1), zone)
        for d in range(14, 20):
            clock.now = datetime(2026, 10, d, 23, 30, tzinfo=UTC) + timedelta(days=s.retention_days)
            await purge_expired(store, s)
            await build_public(store, s, november, trend=months_to(november, 12))
            await reader.take(store)
            first = date(2026, 10, d + 1) + timedelta(days=1 if zone != "UTC" else 0)
            # (In London the cutoff 23:30 UTC on the 14th is 00:30 BST on the 15th.)
            ranged = Period(
                start=first, end=first + timedelta(days=6), label="range", timezone=zone
            )
            await build_public(store, s, ranged)
            await reader.take(store)
        assert any(kind == "trend" and span[0].day != 1 for span, _, kind in reader.held)
        found = await reader.attack(s, truth, T)
    finally:
        await truth.close()
    assert not found, f"(ref, piece or hidden cell): (least, greatest, true) {found}"


# -- probe 3: a purge landing while an export is being made


# Both modes held when written; "base" stays, for CI's 15 minutes.
@pytest.mark.parametrize("mode", ["base"])
async def test_a_purge_from_another_connection_while_an_export_is_made_gives_nothing_away(
    settings, flows, store: Store, clock, tmp_path, monkeypatch, mode
):
    """A range of 10 to 30 October is published (two family carers on the 12th, one a
    day from the 16th to the 29th).  Then 23 to 29 October is exported, and while it
    is being made (after it read the ledger, before it records) the daily purge runs
    from another connection to the file (the bot, with a cron export beside it) and
    deletes up to the 15th: the range is cut down and hidden under the export's feet,
    and the answers of 10 to 15 October go while its pieces are counted.  Nothing the
    reader holds may pin the purged days' two carers, or any hidden cell."""
    s = _settings(settings, mode, "UTC")
    days = {d: [("service_user", "agree", 3)] for d in _days(date(2026, 10, 1), date(2026, 10, 31))}
    days[date(2026, 10, 12)].append(("family_carer", "disagree", 2))
    for d in _days(date(2026, 10, 16), date(2026, 10, 29)):
        days[d].append(("family_carer", "disagree", 1))
    truth = await Store.open(tmp_path / "truth.db")
    other = await Store.open(s.database, clock=clock)
    try:
        await _twice(store, truth, flows, _people(days))
        reader = Reader()
        clock.now = datetime(2026, 11, 30, tzinfo=UTC)
        ranged = Period(start=date(2026, 10, 10), end=date(2026, 10, 30), label="r", timezone="UTC")
        await build_public(store, s, ranged)
        await reader.take(store)
        real, fired = periods.ties, []

        async def purge_meanwhile(*args, **kwargs):
            if not fired:
                fired.append(await purge_expired(other, s))
            return await real(*args, **kwargs)

        monkeypatch.setattr(periods, "ties", purge_meanwhile)
        clock.now = datetime(2026, 10, 16, tzinfo=UTC) + timedelta(days=s.retention_days)
        late = Period(start=date(2026, 10, 23), end=date(2026, 10, 29), label="l", timezone="UTC")
        await build_public(store, s, late)
        await reader.take(store)
        assert fired and fired[0].sessions, "the purge was meant to land mid-export"
        assert await store.staff_read("SELECT day FROM purged_through") == [("2026-10-15",)]
        found = await reader.attack(s, truth, T)
    finally:
        await other.close()
        await truth.close()
    assert not found, f"(ref, piece or hidden cell): (least, greatest, true) {found}"


# -- probe 3: the purge killed between marking the day and deleting


CHILD = """
import asyncio, sys
from pathlib import Path
from bot.config import Settings
from bot.retention import purge_expired
from bot.store import Store

settings = Settings.model_validate_json(Path(sys.argv[1]).read_text())
marker = Path(sys.argv[2])

async def stuck(self, *args, **kwargs):
    marker.write_text("marked")  # retire() has committed; no answer is deleted yet
    await asyncio.sleep(3600)

Store.purge = stuck

async def main():
    store = await Store.open(settings.database)
    await purge_expired(store, settings)

asyncio.run(main())
"""


async def test_a_purge_killed_after_marking_the_day_then_a_restart_and_an_export(
    settings, flows, tmp_path
):
    """kill -9 after the ledger step and before any answer went: on restart the days up to
    the mark are refused (their answers are still there, but a report of them would be a
    subtraction away from the cut publications), what straddled the cut starts after it,
    a week after it exports, and the next purge deletes what the killed one did not."""
    s = _settings(settings, "cells", settings.reports.timezone)
    zone = s.reports.timezone
    cutoff = datetime.now(UTC) - timedelta(days=s.retention_days)
    store = await Store.open(s.database)
    try:
        start = cutoff.date() - timedelta(days=10)
        days = {d: [("service_user", "agree", 3)] for d in _days(start, start + timedelta(days=30))}
        days[cutoff.date() - timedelta(days=2)].append(("family_carer", "disagree", 2))
        await write(store, flows, _people(days, hour=12))
        straddling = Period(
            start=start, end=start + timedelta(days=20), label="straddling", timezone=zone
        )
        await build_public(store, s, straddling)
        ((before,),) = await store.staff_read("SELECT count(*) FROM sessions")
    finally:
        await store.close()
    (tmp_path / "settings.json").write_text(s.model_dump_json())
    marker = tmp_path / "marked"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path / "settings.json"), str(marker)],
        env=env,
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert child.poll() is None, "the purge ended before it was stuck"
            assert time.monotonic() < deadline, "the purge never reached its delete"
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
    conn = sqlite3.connect(s.database)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()
    store = await Store.open(s.database)
    try:
        ((day,),) = await store.staff_read("SELECT day FROM purged_through")
        last = date.fromisoformat(day)
        assert await store.staff_read("SELECT count(*) FROM sessions") == [(before,)]
        assert await store.staff_read(
            "SELECT count(value) FROM published_cells c JOIN publications p"
            " ON p.id = c.publication_id WHERE p.period_start <= ?",
            (day,),
        ) == [(0,)]
        # What is left of the straddling range starts after the marked day; it keeps a
        # count only where its purged part, published against the ledger first
        # (purged.settle), showed its own.
        starts = await store.staff_read("SELECT period_start FROM publications")
        assert starts and all(start > day for (start,) in starts), starts
        with pytest.raises(PurgedDays, match=f"can start on {last + timedelta(days=1)}"):
            await build_public(store, s, straddling)
        after = Period(
            start=last + timedelta(days=1),
            end=last + timedelta(days=7),
            label="after",
            timezone=zone,
        )
        report = await build_public(store, s, after)
        assert report.tables
        done = await purge_expired(store, s)
        assert done.sessions > 0
        ((left,),) = await store.staff_read(
            "SELECT count(*) FROM sessions WHERE started_at < ?", (done.cutoff,)
        )
        assert left == 0
    finally:
        await store.close()


# -- probe 3: the disk fills during the purge's ledger step


async def test_a_full_disk_in_the_ledger_step_deletes_nothing_and_marks_nothing(
    settings, flows, store: Store, clock, monkeypatch
):
    """SQLite says 'database or disk is full' half-way through the ledger step (after it
    changed the straddling range's cells, before it moved its start): the purge stops
    with that error, nothing is marked or deleted, the range is in the ledger as
    published (beside its purged part, settled first: recorded, never shown), and once
    there is room the next purge does it all."""
    s = _settings(settings, "cells", "UTC")
    days = {d: [("service_user", "agree", 3)] for d in _days(date(2026, 10, 1), date(2026, 10, 31))}
    await write(store, flows, _people(days))
    clock.now = datetime(2026, 11, 30, tzinfo=UTC)
    ranged = Period(start=date(2026, 10, 10), end=date(2026, 10, 20), label="r", timezone="UTC")
    await build_public(store, s, ranged)
    ledger = (
        "SELECT period_start, period_end, (SELECT count(value) FROM published_cells c"
        " WHERE c.publication_id = p.id) FROM publications p"
    )
    published = await store.staff_read(ledger)
    ((sessions,),) = await store.staff_read("SELECT count(*) FROM sessions")
    real = purged_module.digest

    def full(cells):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(purged_module, "digest", full)
    clock.now = datetime(2026, 10, 16, tzinfo=UTC) + timedelta(days=s.retention_days)
    with pytest.raises(sqlite3.OperationalError, match="disk is full"):
        await purge_expired(store, s)
    assert await store.staff_read("SELECT day FROM purged_through") == []
    # The range as published; beside it only its purged part, recorded for the ledger
    # by purged.settle and never shown (forgotten by the next purge).
    now = await store.staff_read(ledger)
    assert set(published) <= set(now)
    assert {r[:2] for r in now} - {r[:2] for r in published} == {("2026-10-10", "2026-10-15")}
    assert await store.staff_read("SELECT count(*) FROM sessions") == [(sessions,)]
    monkeypatch.setattr(purged_module, "digest", real)
    done = await purge_expired(store, s)
    assert done.sessions == 15 * 3
    assert await store.staff_read("SELECT day FROM purged_through") == [("2026-10-15",)]
    ((start, end, _),) = await store.staff_read(ledger)
    assert (start, end) == ("2026-10-16", "2026-10-20")


# -- probe 1: site reports (bot/report/scope.py) straddling the cut


# Both modes held when written; "base" stays, for CI's 15 minutes.
@pytest.mark.parametrize("mode", ["base"])
async def test_site_reports_straddling_the_cut_give_nothing_away_after_two_purges(
    settings, flows, store: Store, clock, tmp_path, monkeypatch, mode
):
    """Two sites, two agree and one disagrees at each every day from 1 October to 12
    November; three family carers at Wisbech disagree on 12 October.  Before the purge:
    each site's report of 10 to 20 October, the same range for every site, and week 42
    for every site.  Then two daily purges (up to the 15th, then the 16th), each
    followed by the seven days after the cut for every site and each site's 4 to 10
    November.  The intruder of tests/test_report_intruder_sites.py (each site and every
    site, by linear programming) runs over what the reader kept, the true counts from a
    copy no purge touched."""
    import tests.test_report_intruder_sites as sites_intruder

    s = _settings(settings, mode, "UTC")
    days = {}
    for day in _days(date(2026, 10, 1), date(2026, 11, 12)):
        days[day] = [
            (site, "service_user", answer, n)
            for site in sites_intruder.SITES
            for answer, n in (("agree", 2), ("disagree", 1))
        ]
    days[date(2026, 10, 12)].append(("wisbech_hub", "family_carer", "disagree", 3))
    people = sites_intruder._people(days)
    truth = await Store.open(tmp_path / "truth.db")
    try:
        await _twice(store, truth, flows, people)
        reader = Reader()
        clock.now = datetime(2026, 11, 30, tzinfo=UTC)
        ranged = Period(start=date(2026, 10, 10), end=date(2026, 10, 20), label="r", timezone="UTC")
        for site in sites_intruder.SITES:
            await build_public(store, s, ranged, site=site)
            await reader.take(store)
        for period in (ranged, parse_week("2026-W42", "UTC")):
            await build_public(store, s, period)
            await reader.take(store)
        for last in (15, 16):
            clock.now = datetime(2026, 10, last + 1, tzinfo=UTC) + timedelta(days=s.retention_days)
            await purge_expired(store, s)
            # Every site: the seven days after the cut.  Each site: a site report may not
            # partly overlap another (ranged, cut to 16 or 17 to 20 October), nor have a
            # purged day in the week before it (its change column), nor (for now) a week
            # before it tied through a report for every site to another site report
            # (tests/test_attack18d_scope.py), so 4 to 10 November.
            first = date(2026, 10, last + 1)
            after = Period(start=first, end=first + timedelta(days=6), label="a", timezone="UTC")
            await build_public(store, s, after)
            await reader.take(store)
            later = Period(
                start=date(2026, 11, 4), end=date(2026, 11, 10), label="b", timezone="UTC"
            )
            for site in sites_intruder.SITES:
                await build_public(store, s, later, site=site)
                await reader.take(store)
        assert any(site for _, site, _ in reader.sites)

        async def held(_store):
            return reader.sites

        monkeypatch.setattr(sites_intruder, "_ledger", held)
        found = await sites_intruder._attack(s, truth)
    finally:
        await truth.close()
    assert not found, f"(ref, piece or hidden cell): (least, greatest, true) {found}"


SETTLED_THEN_KILLED = """
import asyncio, sys
from pathlib import Path
import bot.retention
from bot.config import Settings
from bot.retention import purge_expired
from bot.store import Store

settings = Settings.model_validate_json(Path(sys.argv[1]).read_text())
marker = Path(sys.argv[2])

async def stuck(*args, **kwargs):
    marker.write_text("settled")  # the purged parts are published; nothing is marked yet
    await asyncio.sleep(3600)

bot.retention.retire = stuck

async def main():
    store = await Store.open(settings.database)
    await purge_expired(store, settings)

asyncio.run(main())
"""


async def test_a_purge_killed_between_settling_and_marking_gives_nothing_away_after_it(
    settings, flows, tmp_path
):
    """kill -9 after the purge published the straddling range's purged part (recorded,
    never shown) and before it marked the day: nothing is marked or deleted; the range
    exported again meanwhile is the same; the next purge settles, marks and deletes; the
    reader, holding the range, its copy and a week of the days left, pins nothing."""
    s = _settings(settings, "cells", settings.reports.timezone)
    zone = s.reports.timezone
    cutoff = datetime.now(UTC) - timedelta(days=s.retention_days)
    start = cutoff.date() - timedelta(days=10)
    days = {d: [("service_user", "agree", 3)] for d in _days(start, start + timedelta(days=30))}
    days[cutoff.date() - timedelta(days=2)].append(("family_carer", "disagree", 2))
    days[cutoff.date() + timedelta(days=3)].append(("family_carer", "disagree", 6))
    straddling = Period(start=start, end=start + timedelta(days=20), label="s", timezone=zone)
    reader = Reader()
    truth = await Store.open(tmp_path / "truth.db")
    try:
        store = await Store.open(s.database)
        try:
            await _twice(store, truth, flows, _people(days, hour=12))
            await build_public(store, s, straddling)
            await reader.take(store)
            ((before,),) = await store.staff_read("SELECT count(*) FROM sessions")
        finally:
            await store.close()
        (tmp_path / "settings.json").write_text(s.model_dump_json())
        marker = tmp_path / "settled"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        child = subprocess.Popen(
            [
                sys.executable,
                "-c",
                SETTLED_THEN_KILLED,
                str(tmp_path / "settings.json"),
                str(marker),
            ],
            env=env,
            cwd=ROOT,
        )
        try:
            deadline = time.monotonic() + 60
            while not marker.exists():
                assert child.poll() is None, "the purge ended before it was stuck"
                assert time.monotonic() < deadline, "the purge never settled"
                time.sleep(0.05)
            os.kill(child.pid, signal.SIGKILL)
            child.wait(10)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait(10)
        store = await Store.open(s.database)
        try:
            assert await store.staff_read("SELECT day FROM purged_through") == []
            assert await store.staff_read("SELECT count(*) FROM sessions") == [(before,)]
            await build_public(store, s, straddling)  # not purged yet: exported again
            await reader.take(store)
            done = await purge_expired(store, s)
            assert done.sessions > 0
            ((day,),) = await store.staff_read("SELECT day FROM purged_through")
            starts = await store.staff_read("SELECT period_start FROM publications")
            assert starts and all(start > day for (start,) in starts), starts
            first = date.fromisoformat(day) + timedelta(days=1)
            left = Period(start=first, end=first + timedelta(days=6), label="l", timezone=zone)
            await build_public(store, s, left)
            await reader.take(store)
        finally:
            await store.close()
        found = await reader.attack(s, truth, T)
    finally:
        await truth.close()
    assert not found, f"(ref, piece or hidden cell): (least, greatest, true) {found}"
