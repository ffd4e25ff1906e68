"""Hostile review of issue 18 after the purge fix (attack18d): equality quarters.

Reports show the last whole calendar quarter's "who answered" tables, as first
published (``bot/report/equality.py``).  A quarter first published after the
retention purge reached into it is counted from its days left, yet named as the whole
quarter: "2026-Q3 (1 July 2026 to 30 September 2026)" with July's answers gone.  The
same silent shortfall the FFT return had (now refused); every other report refuses
or labels a period the purge reached (``bot/report/purged.py``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from bot.report.export import build_public
from bot.report.period import parse_week
from bot.report.synth import write
from bot.retention import purge_expired
from tests.test_report_equality import person


async def test_a_quarter_the_purge_reached_is_not_shown_short_under_its_whole_name(
    store, settings, flows, clock
):
    july = datetime(2026, 7, 10, 10, tzinfo=UTC)
    september = datetime(2026, 9, 10, 10, tzinfo=UTC)
    people = [replace(person("white", "white_british"), started_at=july) for _ in range(30)]
    people += [replace(person("white", "white_british"), started_at=september) for _ in range(20)]
    await write(store, flows, people)
    clock.now = datetime(2026, 8, 15, 12, tzinfo=UTC) + timedelta(days=settings.retention_days)
    await purge_expired(store, settings)
    ((through,),) = await store.staff_read("SELECT day FROM purged_through")
    report = await build_public(store, settings, parse_week("2026-W47"))
    equality = report.equality
    assert equality is None or date.fromisoformat(equality.start) > date.fromisoformat(through), (
        equality.quarter,
        equality.start,
        equality.end,
        [(t.id, t.shared) for t in equality.tables],
    )
