"""Hostile review of issue 18 after the purge fix (attack18d): random ranges published
before and between a few daily purges (each a day to three on), small groups of family
carers on random days, and the reader of ``tests/attack18d_reader.py`` (every
publication as published, linear programs over every piece of days, purged ones too).
Six seeds in both modes held when written (9 minutes on a busy machine); one runs
here (85 s on a busy machine, the slowest of these probes)."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.report.export import build_public
from bot.report.period import Period
from bot.retention import purge_expired
from bot.store import Store
from tests.attack18d_reader import Reader
from tests.test_attack18d_purge import T, _days, _people, _settings, _twice


@pytest.mark.parametrize(("seed", "mode"), [(2, "base")])
async def test_random_ranges_around_daily_purges_give_nothing_away(
    settings, flows, store: Store, clock, tmp_path, mode, seed
):
    rng = random.Random(seed)
    s = _settings(settings, mode, "UTC")
    base = date(2026, 10, 1)
    days = {d: [("service_user", "agree", 2)] for d in _days(base, base + timedelta(days=40))}
    for _ in range(rng.randint(3, 8)):
        d = base + timedelta(days=rng.randint(8, 25))
        days[d].append(("family_carer", rng.choice(["disagree", "agree"]), rng.randint(1, 4)))
    truth = await Store.open(tmp_path / "truth.db")
    try:
        await _twice(store, truth, flows, _people(days))
        reader = Reader()
        clock.now = datetime(2026, 12, 1, tzinfo=UTC)

        async def some(lo: int, n: int):
            for _ in range(n):
                a = base + timedelta(days=rng.randint(lo, 24))
                b = a + timedelta(days=rng.randint(0, 9))
                try:
                    await build_public(store, s, Period(start=a, end=b, label="x", timezone="UTC"))
                except ValueError:
                    continue
                await reader.take(store)

        await some(5, rng.randint(3, 6))
        last = 10
        for _ in range(rng.randint(2, 5)):
            last += rng.randint(1, 3)
            midnight = datetime.combine(base + timedelta(days=last + 1), datetime.min.time(), UTC)
            clock.now = midnight + timedelta(days=s.retention_days)
            await purge_expired(store, s)
            await some(last + 1, rng.randint(1, 4))
        found = await reader.attack(s, truth, T)
    finally:
        await truth.close()
    assert not found, f"(ref, piece or hidden cell): (least, greatest, true) {found}"
