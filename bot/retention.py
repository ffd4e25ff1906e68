"""How long anything is kept: sessions for ``retention_days``, /join tries for an hour,
the audit log for ``audit_retention_days``, a chosen language until the person has no
session left and chose it more than ``retention_days`` ago, an /update never saved for a
day (``updates.DRAFT_HOURS``).

``purge_expired`` is what both ``feedback-bot purge`` and the bot's daily job
run, so the rule lives in one place.  Each real purge is written to the audit
log (counts and cutoff only), so it can be shown that deletion happens.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import date, timedelta

from bot.config import Settings
from bot.preferences import ChosenLanguages
from bot.report.equality import forget_quarters_before
from bot.report.purged import Parts, last_purged_day, retire, settle
from bot.roles import audit, forget_audit_entries, forget_join_attempts
from bot.store import Purged, Store
from bot.updates import Drafts

log = logging.getLogger(__name__)


async def purge_expired(
    store: Store,
    settings: Settings,
    *,
    dry_run: bool = False,
    ledger: Callable[[date], Awaitable[Parts]] | None = None,
) -> Purged:
    """Delete sessions (and their answers) started before now minus ``retention_days``.

    ``ledger``: what publishes the purged part of each report the cut straddles
    (``purged.settle``), for the bot in its report process; by default here."""
    cutoff = store.clock() - timedelta(days=settings.retention_days)
    if not dry_run:
        # The publication ledger first: from here no report includes a day about to be
        # purged, and none is a subtraction away from one (bot/report/purged.py).
        through = last_purged_day(cutoff, settings.reports.timezone)
        try:
            parts = await (ledger or (lambda day: settle(store, settings, day)))(through)
        except Exception as exc:  # the cautious way still works: every such cell hidden
            log.warning("purge: what straddles the cut is hidden whole (%s)", type(exc).__name__)
            parts = {}
        await retire(store, through, parts)
    purged = await store.purge(cutoff=cutoff, dry_run=dry_run)
    if not dry_run:
        await ChosenLanguages(store).purge(purged.cutoff)
        await forget_quarters_before(store, date.fromisoformat(purged.cutoff[:10]))
        await forget_join_attempts(store, timedelta(minutes=settings.join_window_minutes))
        await Drafts(store).purge()
        # Long enough to answer "who exported what, when" for a couple of years of
        # reports; not kept for ever, since actors' keys are in it.
        await forget_audit_entries(store, timedelta(days=settings.audit_retention_days))
        await audit(
            store,
            "system",
            "purge",
            {"cutoff": purged.cutoff, "sessions": purged.sessions, "answers": purged.answers},
        )
    return purged
