"""How many cells the publication ledger hides on synthetic data, over a season of exports.

Fills a fresh database (``bot.report.synth``: 3000 people over the 12 months to
November 2026, seed 1), then publishes what a service would: every week from week 40
to week 48 for every site, each site's report of weeks 45 to 48 (staff invited for
one site), the same again for week 46 after three late answers and for week 47 after
one person's /delete, then November with a 12-month trend.  Prints the cells hidden
per kind of report and in all (``PublicReport.suppressed_cells``: the report and its
"last period").

    python bench/ledger_cells.py [--people 3000] [--mode base|cells]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import load_settings  # noqa: E402
from bot.flows import load_flows  # noqa: E402
from bot.report.export import build_public  # noqa: E402
from bot.report.period import months_to, parse_range, parse_week  # noqa: E402
from bot.report.synth import random_responses, write  # noqa: E402
from bot.service import option_ids  # noqa: E402
from bot.store import Store  # noqa: E402


async def run(people: int, mode: str) -> None:
    base = load_settings(ROOT / "config.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        settings = base.model_copy(
            update={
                "database": Path(tmp) / "feedback.db",
                "flows_dir": ROOT / "flows",
                "disclosure": base.disclosure.model_copy(update={"mode": mode}),
            }
        )
        zone = settings.reports.timezone
        flows = load_flows(settings.flows_dir, settings.languages, option_ids(settings))
        year = parse_range("2025-12-01", "2026-11-30", zone)
        store = await Store.open(settings.database)
        try:
            await write(store, flows, random_responses(flows, settings, people, year, seed=1))
            hidden: Counter[str] = Counter()
            started = time.process_time()

            async def publish(kind: str, period, **kw) -> None:
                report = await build_public(store, settings, period, **kw)
                hidden[kind] += report.suppressed_cells

            sites = [s.id for s in settings.sites]
            for n in range(40, 49):
                await publish("weeks, every site", parse_week(f"2026-W{n}", zone))
            for n in range(45, 49):
                for site in sites:
                    await publish("weeks, one site", parse_week(f"2026-W{n}", zone), site=site)
            w46 = parse_week("2026-W46", zone)
            late = random_responses(flows, settings, 3, w46, seed=2)
            await write(store, flows, late)
            await publish("again after late answers", w46)
            for site in sites:
                await publish("again after late answers", w46, site=site)
            w47 = parse_week("2026-W47", zone)
            lo, hi = w47.bounds()
            ((sid,),) = await store.staff_read(
                "SELECT id FROM sessions WHERE started_at >= ? AND started_at < ? LIMIT 1",
                (lo, hi),
            )
            await store.delete_session(sid)
            for site in sites:
                await publish("again after a /delete", w47, site=site)
            await publish("again after a /delete", w47)
            november = parse_range("2026-11-01", "2026-11-30", zone)
            await publish("month with 12-month trend", november, trend=months_to(november, 12))
            cpu = time.process_time() - started
        finally:
            await store.close()
    for kind, n in hidden.items():
        print(f"{kind:28} {n:6} cells hidden")
    print(
        f"{'in all':28} {sum(hidden.values()):6} cells hidden ({mode} mode, {people} people;"
        f" {cpu:.1f} s CPU for every report)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=3000)
    parser.add_argument("--mode", choices=("base", "cells"), default="base")
    args = parser.parse_args()
    asyncio.run(run(args.people, args.mode))


if __name__ == "__main__":
    main()
