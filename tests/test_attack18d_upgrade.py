"""Hostile review of issue 18 after the purge fix (attack18d): an operator upgrades a
database the retention purge had already cut before migration 036.

Before 036 the purge deleted the answers and forgot only the publications that ended
before its cutoff: one that straddled it (a range exported before the purge) stayed in
the ledger with every figure it showed, and nothing marked the purged days.  The audit
log kept each purge's cutoff.  After the upgrade ``purged_through`` is empty, so until
the next daily purge no report is refused for those days, and the straddling range
exported again is attack18c's week-47 subtraction (bot/report/purged.py).
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.report.export import build_public
from bot.report.purged import PurgedDays
from bot.retention import purge_expired
from bot.roles import audit
from bot.store import Store
from tests.test_attack18c_reexport import (
    RANGE,
    T,
    _counts,
    _published_around_a_purge,
    s,  # noqa: F401  (both disclosure modes)
)


async def _purge_as_before_036(store: Store, settings, ledger=None) -> None:
    """What ``purge_expired`` did before ae93ccf: delete, forget the publications that
    ended before the cutoff's day, audit the cutoff; no mark."""
    cutoff = store.clock() - timedelta(days=settings.retention_days)
    purged = await store.purge(cutoff=cutoff)
    day = purged.cutoff[:10]
    await store.write(
        "DELETE FROM published_cells WHERE publication_id IN"
        " (SELECT id FROM publications WHERE period_end < ?)",
        (day,),
    )
    await store.write("DELETE FROM publications WHERE period_end < ?", (day,))
    await audit(store, "system", "purge", {"cutoff": purged.cutoff, "sessions": purged.sessions})


async def _around_an_old_purge(s, flows, store: Store, clock, monkeypatch):  # noqa: F811
    """attack18c's world (week 47 and the range 19 to 25 November published, two family
    carers on Monday to Wednesday of week 47 that neither shows), purged up to Sunday 22
    November the way the code before 036 purged."""
    import tests.test_attack18c_reexport as world

    monkeypatch.setattr(world, "purge_expired", _purge_as_before_036)
    week, before = await _published_around_a_purge(s, flows, store, clock)
    assert not await store.staff_read("SELECT day FROM purged_through")
    return week, before


async def test_a_database_purged_before_036_refuses_or_hides_the_purged_days(
    s,  # noqa: F811
    flows,
    store: Store,
    clock,
    monkeypatch,
):
    week, before = await _around_an_old_purge(s, flows, store, clock, monkeypatch)
    try:
        after = _counts(await build_public(store, s, RANGE))
    except PurgedDays:
        return  # refused, as for a database purged since 036
    found = {}
    for ref, total in week.items():
        if total is None or before.get(ref) is None or after.get(ref) is None:
            continue
        odd = total - (before[ref] - after[ref])  # Monday to Wednesday of week 47
        if 0 < odd < T:
            found[ref] = (total, before[ref], after[ref], odd)
    assert not found, f"Monday to Wednesday of week 47 (week, before, after, odd): {found}"


async def test_the_first_purge_after_the_upgrade_marks_and_hides_the_old_straddler(
    s,  # noqa: F811
    flows,
    store: Store,
    clock,
    monkeypatch,
):
    """The window closes at the next daily purge: it marks its day and hides the range
    whole (its purged days are partly gone, so its purged part cannot be settled)."""
    await _around_an_old_purge(s, flows, store, clock, monkeypatch)
    clock.now += timedelta(days=1)
    await purge_expired(store, s)
    with pytest.raises(PurgedDays):
        await build_public(store, s, RANGE)
    rows = await store.staff_read(
        "SELECT p.period_start, count(c.value) FROM publications p"
        " JOIN published_cells c ON c.publication_id = p.id GROUP BY p.id"
    )
    assert rows and all(start > "2026-11-23" or shown == 0 for start, shown in rows), rows
