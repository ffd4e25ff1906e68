"""The publication ledger across the retention purge: days whose answers are gone.

A reader holds every report ever published, those of the days the purge deletes too.
A publication that straddles the purge's last day (a range, a week, a month of a
trend) is tied to what is left of its days.  Kept as it was, the next report's pieces
of its purged days counted nothing now, and the gap read as answers deleted since it
was published (a drift, ``months.tie_published``): a figure of its own that the audit
tied to nothing else.  So week 47 less (a range exported before the purge less the
same range after it) gave two family carers of week 47 away (attack18c).

What the purge does to the ledger instead (``retire``), in one transaction before any
answer is deleted:

- it marks the last purged day (migration 036).  No report may include that day or
  any before it again (``refuse``): its counts are gone, so the report would be wrong
  as well as a subtraction away from the deleted days' counts.  A trend keeps the
  months' kept days (``kept_months``); a comparison with a period before it is left
  out;
- a publication that straddles the cut keeps only its days after it.  A reader knows
  what it showed; what is left of it, worked out from later reports, gives its purged
  part, which ties the days gone to every publication of them, and those the ledger
  forgets.  So, first (``settle``, while the answers are still there), the purged part
  is published against the ledger as a report of its own, never shown to anyone: a
  cell it may show is one whose remainder may be known (what was shown less the purged
  part's count); a cell it must hide is hidden in the remainder, so no later report
  can work it out (nor narrow it below the threshold);
- every publication of purged days only is forgotten: nothing later can overlap it.

Where that first step cannot run (the report process failed, a site's report, a
database purged before migration 036, whose purged days are gone already:
``purged_through`` marks it from the audit log), every cell of the remainder is
hidden: the cautious choice, at the cost of hiding more in the reports that reach
back into those days (the oldest month of a trend).
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.report.ledger import REPORT, TREND, digest, recorded_table_id
from bot.report.model import CellRef
from bot.report.period import Period
from bot.store import Store

Parts = dict[tuple[int, str], dict[CellRef, int | None]]
"""Per publication that straddles the cut (its id, and the first day it had when the
part was worked out): its purged part's cells as published against the ledger (the
count, or None where hidden).  Another purge may cut the publication meanwhile (the
bot's and a command line's at once): then its first day differs, and the part, worked
out against days that are no longer its own, is not used."""


class PurgedDays(ValueError):
    """A report asked for days whose answers the retention purge deleted."""

    def __init__(self, period: Period, through: date):
        first = through + timedelta(days=1)
        self.first = first
        """The first day a report can start on."""
        super().__init__(
            f"answers up to {through.isoformat()} were deleted under the retention policy"
            f" (retention_days), so there is no report of {period.describe()}: a report can"
            f" start on {first.isoformat()} or later"
        )


def last_purged_day(cutoff: datetime, timezone: str) -> date:
    """The last report-timezone day any of whose answers go with ``cutoff`` (sessions
    started before it): the day the cutoff falls in, or the one before if it falls on
    midnight."""
    return (cutoff.astimezone(ZoneInfo(timezone)) - timedelta(microseconds=1)).date()


async def purged_through(store: Store, timezone: str) -> date | None:
    """The last day purged (``retire``), or None before the first purge.

    A database purged before the mark existed (migration 036) gets it here, from its
    last purge in the audit log, with what straddles that cut hidden whole: its purged
    days are gone already, so there is nothing to settle them with."""
    rows = await store.staff_read("SELECT day FROM purged_through")
    if rows:
        return date.fromisoformat(rows[0][0])
    found = await store.staff_read(
        "SELECT params FROM audit_log WHERE action = 'purge' ORDER BY id DESC LIMIT 1"
    )
    if not found:
        return None
    day = last_purged_day(datetime.fromisoformat(json.loads(found[0][0])["cutoff"]), timezone)
    await retire(store, day)
    return day


def refuse(period: Period, through: date | None) -> None:
    """A PurgedDays error for a period that includes a purged day."""
    if through is not None and period.start <= through:
        raise PurgedDays(period, through)


def kept_months(months: list[Period], through: date | None) -> list[Period]:
    """A trend's months with their purged days left out: a month purged in part keeps
    its label and counts only its days left; a month purged whole goes."""
    if through is None:
        return months
    first = through + timedelta(days=1)
    return [
        m if m.start > through else m.model_copy(update={"start": first})
        for m in months
        if m.end > through
    ]


async def settle(store: Store, settings: Settings, through: date) -> Parts:
    """Publish the purged part of every report and trend month that straddles the cut,
    against the ledger, before the purge (module doc); recorded, then forgotten by
    ``retire``.  Nothing for a database whose earlier purges came before the mark: its
    straddled days may be gone already, and the counts would be short."""
    from bot.i18n import load_catalogue
    from bot.report.aggregate import ReportBuilder
    from bot.report.periods import publish_period
    from bot.report.themes import load_codebook

    await purged_through(store, settings.reports.timezone)  # an older database's mark
    day = through.isoformat()
    rows = await store.staff_read(
        "SELECT id, period_start FROM publications WHERE period_start <= ? AND period_end > ?"
        " AND kind IN (?, ?) ORDER BY id",
        (day, day, REPORT, TREND),
    )
    builder = ReportBuilder(store, settings, load_codebook(settings.flows_dir), load_catalogue())
    out: Parts = {}
    zone = settings.reports.timezone
    for pid, start in rows:
        part = Period(
            start=date.fromisoformat(start), end=through, label=f"{start} to {day}", timezone=zone
        )
        await publish_period(store, builder, part, for_comparison=True)
        out[(pid, start)] = {
            (recorded_table_id(table), split, key, col): value
            for table, split, key, col, value in await store.staff_read(
                "SELECT table_id, split, row_key, col, value FROM published_cells"
                " WHERE publication_id = (SELECT max(id) FROM publications"
                " WHERE period_start = ? AND period_end = ? AND kind = ?)",
                (start, day, REPORT),
            )
        }
    return out


async def retire(store: Store, through: date, parts: Parts | None = None) -> tuple[int, int]:
    """Make the ledger fit the purge of every day up to ``through`` (module doc): mark
    it, cut each publication that straddles it down to its days after, and forget the
    publications of purged days only.  A cell of what is left keeps a count where the
    purged part (``parts``, from ``settle``) showed its own, and is hidden otherwise.
    Returns (cut, forgotten)."""
    day, first = through.isoformat(), (through + timedelta(days=1)).isoformat()
    known = parts or {}

    def run(conn) -> tuple[int, int]:
        conn.execute(
            "INSERT INTO purged_through (only, day) VALUES (1, ?)"
            " ON CONFLICT (only) DO UPDATE SET day = max(day, excluded.day)",
            (day,),
        )
        straddling = conn.execute(
            "SELECT id, period_start FROM publications WHERE period_start <= ? AND period_end > ?",
            (day, day),
        ).fetchall()
        for pid, start in straddling:
            purged = known.get((pid, start), {})
            cells: dict[CellRef, int | None] = {}
            for table, split, key, col, value in conn.execute(
                "SELECT table_id, split, row_key, col, value FROM published_cells"
                " WHERE publication_id = ?",
                (pid,),
            ).fetchall():
                ref = (table, split, key, col)
                gone = purged.get((recorded_table_id(table), split, key, col))
                cells[ref] = None if value is None or gone is None else value - gone
            conn.executemany(
                "UPDATE published_cells SET value = ? WHERE publication_id = ? AND table_id = ?"
                " AND split = ? AND row_key = ? AND col = ?",
                [(value, pid, *ref) for ref, value in cells.items()],
            )
            conn.execute(
                "UPDATE publications SET period_start = ?, digest = ? WHERE id = ?",
                (first, digest(cells), pid),
            )
        gone = [
            row[0]
            for row in conn.execute("SELECT id FROM publications WHERE period_end <= ?", (day,))
        ]
        conn.executemany(
            "DELETE FROM published_cells WHERE publication_id = ?", [(i,) for i in gone]
        )
        conn.executemany("DELETE FROM publications WHERE id = ?", [(i,) for i in gone])
        return len(straddling), len(gone)

    return await store.atomic(run)
