"""Counts kept warm between exports, so that no commissioner meets a cold export.

An export reads the kept counts of every week it covers (``bot/report/counts.py``),
and counts again only the weeks a change has reached since: new answers, edits, a
/delete, comments still to tag.  After a week of a service that was most of an
export's time (``bench/export_speed.py``, "a week later": 1M answers, the 12-month
export, 3.2 s of CPU the first time, 0.7 s the next).  The bot runs this every hour
(``bot/telegram/jobs.py``) in its report process, niced, one report at a time
(``bot/report/worker.py``): the months an export is likely to read are tagged and
counted there, so the export finds them kept.

Only counts are made, in the same small transactions as an export's (tagging 200
comments at a time, each kept range written on its own); nothing is published or
recorded in the ledger, and nothing leaves the process.  Then this month's and last
month's reports with a 12-month trend are made as an export would make them, and
thrown away: only the answers to suppression's questions are kept
(``bot/report/memo.py``), which the export then reads instead of asking afresh.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime

from bot.config import Settings
from bot.i18n import load_catalogue
from bot.report import counts
from bot.report.aggregate import ReportBuilder
from bot.report.export import publish_all_sites
from bot.report.period import Period, local_today, month, months_to, whole_months
from bot.report.purged import PurgedDays, purged_through
from bot.report.themes import Codebook, load_codebook
from bot.store import Store

log = logging.getLogger(__name__)

MONTHS = 3
"""This month and the two before: this month's report (with last month as its "last
period"), and last month's report with the month before it, as a commissioner exports
it in the first days of a month."""


def warm_months(settings: Settings, now: datetime | None = None) -> list[Period]:
    """The months whose counts are kept warm, oldest first."""
    zone = settings.reports.timezone
    months = [month(local_today(zone, now), zone)]
    while len(months) < MONTHS:
        months.insert(0, months[0].previous())
    return months


TAG_LIMIT = 2_000
"""Most comments one run tags (~1 s of CPU): a backlog (months never exported since the
upgrade, 16,000 comments in ``bench/busy_e2e.py``) is tagged over several hours, a slice
an hour, rather than holding a core for a minute beside the bot.  An hour's new comments
are far fewer."""


async def warm_counts(
    store: Store, settings: Settings, months: list[Period], tag_limit: int = TAG_LIMIT
) -> float:
    """Tag the comments of ``months`` (at most ``tag_limit``) and count every week of
    them that is not kept, newest month first; returns the seconds it took.  A month
    whose comments are not all tagged yet is left for the next run (counting it would
    tag the rest).  Old rows are tidied first (``counts.tidy``)."""
    began = time.perf_counter()
    await counts.tidy(store)
    builder = ReportBuilder(store, settings, load_codebook(settings.flows_dir), load_catalogue())
    budget = tag_limit
    ready: set[Period] = set()
    for period in reversed(months):
        tagged = await builder.q.tag_comments(period, builder.codebook, limit=budget)
        budget -= tagged
        if budget <= 0:
            break  # maybe more to tag: the next run goes on from here
        # The tables alone: what an export counts for this month as a piece, its
        # "last period" or a trend's neighbour, without quotes or updates.
        await builder.build(period, counts_only=True)
        ready.add(period)
    # A report reads its month and the one before: made ahead only when both are
    # tagged, so that making it tags nothing beyond ``tag_limit``.
    settle = [p for p in months[-SETTLE:] if p in ready and p.previous() in ready]
    await settle_ahead(store, settings, settle, builder.codebook)
    took = time.perf_counter() - began
    log.info("report counts kept warm for %d months in %.1f s", len(months), took)
    return took


SETTLE = 2
"""The months whose reports are made ahead, newest first: this month's and last month's."""
SETTLE_TREND = 12
"""With the trend a commissioner's export carries (``export --months 12``)."""


async def settle_ahead(
    store: Store, settings: Settings, months: list[Period], codebook: Codebook
) -> None:
    """Make the reports of ``months`` with their trends as an export would, and record
    nothing: only the answers to suppression's questions are kept (``bot/report/memo.py``).

    After a week of a service most of the first export's time went on those questions
    (which cells the shown ones pin down, which a linear program narrows), asked again
    of each publication a change reached.  Asked here first, the export finds each
    answer kept under the very question it asks; any question that differs (an answer
    came since, another report was recorded) is asked afresh.  Nothing is published,
    and nothing enters the ledger."""
    catalogue = load_catalogue()

    def builder(on: Store) -> ReportBuilder:
        return ReportBuilder(on, settings, codebook, catalogue)

    through = await purged_through(store, settings.reports.timezone)
    for period in reversed(months):
        if whole_months(period) != [period]:
            continue  # a trend is for a month (``export --months``)
        try:
            await publish_all_sites(
                store, builder, period, through, months_to(period, SETTLE_TREND), record=False
            )
        except PurgedDays:
            continue
        except Exception as exc:  # only ever a saving: the counts are kept already
            log.warning("suppression not settled ahead: %s", type(exc).__name__)
            return
