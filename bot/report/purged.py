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
- a publication that straddles the cut keeps only its days after it, and every cell of
  it is hidden: a reader knows what it showed, and the part of it that was purged,
  worked out, would tie the days gone to every publication of them, which the ledger
  no longer has.  So every later report is suppressed so that no cell of what is left
  can be worked out (nor narrowed below the threshold), as for any hidden cell;
- every publication of purged days only is forgotten: nothing later can overlap it.

Hiding the whole remainder is the cautious choice: what was shown of it could be
known, since the purged part alone was never published; working out which of its
cells are safe to keep shown would mean publishing the purged part against the
ledger first (noted in issue 18).  Only reports that reach back into the straddled
days (the oldest month of a trend, a range exported a year on) hide more for it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.report.ledger import digest
from bot.report.period import Period
from bot.store import Store


class PurgedDays(ValueError):
    """A report asked for days whose answers the retention purge deleted."""

    def __init__(self, period: Period, through: date):
        first = through + timedelta(days=1)
        super().__init__(
            f"{period.describe()} starts on or before {through.isoformat()}, and answers"
            f" up to that day were deleted under the retention policy (retention_days);"
            f" a report can start on {first.isoformat()} or later"
        )


def last_purged_day(cutoff: datetime, timezone: str) -> date:
    """The last report-timezone day any of whose answers go with ``cutoff`` (sessions
    started before it): the day the cutoff falls in, or the one before if it falls on
    midnight."""
    return (cutoff.astimezone(ZoneInfo(timezone)) - timedelta(microseconds=1)).date()


async def purged_through(store: Store) -> date | None:
    """The last day purged (``retire``), or None before the first purge."""
    rows = await store.staff_read("SELECT day FROM purged_through")
    return date.fromisoformat(rows[0][0]) if rows else None


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


async def retire(store: Store, through: date) -> tuple[int, int]:
    """Make the ledger fit the purge of every day up to ``through`` (module doc): mark
    it, cut each publication that straddles it down to its days after, every cell
    hidden, and forget the publications of purged days only.  Returns (cut, forgotten)."""
    day, first = through.isoformat(), (through + timedelta(days=1)).isoformat()

    def run(conn) -> tuple[int, int]:
        conn.execute(
            "INSERT INTO purged_through (only, day) VALUES (1, ?)"
            " ON CONFLICT (only) DO UPDATE SET day = max(day, excluded.day)",
            (day,),
        )
        straddling = [
            row[0]
            for row in conn.execute(
                "SELECT id FROM publications WHERE period_start <= ? AND period_end > ?",
                (day, day),
            )
        ]
        for pid in straddling:
            conn.execute("UPDATE published_cells SET value = NULL WHERE publication_id = ?", (pid,))
            refs = conn.execute(
                "SELECT table_id, split, row_key, col FROM published_cells"
                " WHERE publication_id = ?",
                (pid,),
            ).fetchall()
            conn.execute(
                "UPDATE publications SET period_start = ?, digest = ? WHERE id = ?",
                (first, digest({tuple(r): None for r in refs}), pid),
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
