"""Hostile review of issue 18 (attack18e): site weeks of several sites, months for every
site with trends, before and after a purge, and a site week made without its change
column (its week before reached by the purge) set against the week for every site and
the site's own week before, published before the purge.

The reader (``tests/attack18d_reader.py``) keeps every publication as published; the
intruder of tests/test_report_intruder_sites.py (each site and every site, by linear
programming) runs over all of them, the true counts from a copy no purge touched.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

import tests.test_report_intruder_sites as sites_intruder
from bot.report.export import build_public
from bot.report.period import month, months_to, parse_week
from bot.retention import purge_expired
from bot.store import Store
from tests.attack18d_reader import Reader
from tests.test_attack18d_purge import _days, _settings, _twice


@pytest.mark.parametrize(
    ("mode", "zone", "again"),
    # ("cells", "UTC", False) held too when written; left out for CI's 15 minutes.
    [("base", "UTC", False), ("cells", "Europe/London", True)],
)
async def test_site_weeks_months_and_trends_across_a_purge_give_nothing_away(
    settings, flows, store: Store, clock, tmp_path, monkeypatch, mode, zone, again
):
    """``again``: Cambridge's week 43 is also published before the purge (with its
    change column), and week 43 for every site again after it (without)."""
    s = _settings(settings, mode, zone)
    days = {}
    for day in _days(date(2026, 9, 28), date(2026, 11, 15)):
        days[day] = [
            (site, "service_user", answer, n)
            for site in sites_intruder.SITES
            for answer, n in (("agree", 2), ("disagree", 1))
        ]
    # Small groups: hidden in most pieces.
    for day in (date(2026, 10, 13), date(2026, 10, 20), date(2026, 10, 27)):
        days[day].append(("wisbech_hub", "family_carer", "disagree", 2))
    days[date(2026, 10, 14)].append(("cambridge_hub", "family_carer", "agree", 1))
    truth = await Store.open(tmp_path / "truth.db")
    try:
        await _twice(store, truth, flows, sites_intruder._people(days))
        reader = Reader()
        clock.now = datetime(2026, 11, 30, tzinfo=UTC)
        week = {n: parse_week(f"2026-W{n}", zone) for n in range(41, 47)}
        october = month(date(2026, 10, 1), zone)
        # Before the purge: each site's weeks 42 and 43 (43 with its change column),
        # week 43 for every site, October for every site with a trend.
        for site in sites_intruder.SITES:
            await build_public(store, s, week[42], site=site)
            await reader.take(store)
        await build_public(store, s, week[43])
        await reader.take(store)
        if again:
            await build_public(store, s, week[43], site="cambridge_hub")
            await reader.take(store)
        await build_public(store, s, october, trend=months_to(october, 3))
        await reader.take(store)
        # The purge: the 14th (Wednesday of week 42) is the last purged day.
        # (In London 23:00 UTC on the 14th is midnight BST on the 15th.)
        at = datetime(2026, 10, 15, tzinfo=UTC) - timedelta(hours=1 if zone != "UTC" else 0)
        clock.now = at + timedelta(days=s.retention_days)
        await purge_expired(store, s)
        # After: each site's week 43 again, now without its change column (week 42
        # reached), week 44 for every site, November with a trend (October clipped),
        # each site's week 45.
        for site in sites_intruder.SITES:
            report = await build_public(store, s, week[43], site=site)
            assert report.tables
            await reader.take(store)
        if again:
            await build_public(store, s, week[43])
            await reader.take(store)
        await build_public(store, s, week[44])
        await reader.take(store)
        november = month(date(2026, 11, 1), zone)
        await build_public(store, s, november, trend=months_to(november, 3))
        await reader.take(store)
        for site in sites_intruder.SITES:
            await build_public(store, s, week[45], site=site)
            await reader.take(store)
        assert any(site for _, site, _ in reader.sites)

        async def held(_store):
            return reader.sites

        monkeypatch.setattr(sites_intruder, "_ledger", held)
        monkeypatch.setattr(sites_intruder, "TZ", zone)
        found = await sites_intruder._attack(s, truth)
    finally:
        await truth.close()
    assert not found, f"(ref, piece or hidden cell): (least, greatest, true) {found}"
