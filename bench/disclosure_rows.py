"""What each disclosure mode shows: 80 synthetic people over 4 sites in a month (issue 17
item 4's measure, "a typical month for a service").

For ``disclosure.mode: cells`` and ``base`` (and ``base`` with rounding to 5) it prints
the Likert rows whose shares are shown (% agree or % satisfied not hidden) out of all
Likert rows, the Likert cells hidden, and the journey rows shown.

    python bench/disclosure_rows.py [--people 80] [--seed 3]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import Area, Disclosure, Site, load_settings  # noqa: E402
from bot.flows import load_flows  # noqa: E402
from bot.report.export import build_public  # noqa: E402
from bot.report.period import parse_range  # noqa: E402
from bot.report.synth import random_responses, write  # noqa: E402
from bot.service import option_ids  # noqa: E402
from bot.store import Store  # noqa: E402


async def measure(people: int, seed: int) -> None:
    base = load_settings(ROOT / "config.yaml")
    month = parse_range("2026-11-01", "2026-11-30", base.reports.timezone)
    for label, rules in (
        ("cells (before)", Disclosure(mode="cells")),
        ("base (after)", Disclosure(mode="base")),
        ("base, rounding 5", Disclosure(mode="base", rounding=5)),
    ):
        with tempfile.TemporaryDirectory() as tmp:
            settings = base.model_copy(
                update={
                    "database": Path(tmp) / "f.db",
                    "flows_dir": ROOT / "flows",
                    "disclosure": rules,
                    "areas": [
                        Area(id="cambridgeshire", name={"en": "Cambridgeshire"}),
                        Area(id="peterborough", name={"en": "Peterborough"}),
                    ],
                    "sites": [
                        Site(id="cambridge_hub", area="cambridgeshire", name={"en": "Cambridge"}),
                        Site(id="wisbech_hub", area="cambridgeshire", name={"en": "Wisbech"}),
                        Site(id="peterborough_hub", area="peterborough", name={"en": "P'boro"}),
                        Site(id="hmp_peterborough", area="peterborough", name={"en": "HMP"}),
                    ],
                }
            )
            flows = load_flows(settings.flows_dir, settings.languages, option_ids(settings))
            store = await Store.open(settings.database)
            try:
                await write(store, flows, random_responses(flows, settings, people, month, seed))
                report = await build_public(store, settings, month)
            finally:
                await store.close()
        rows = [r for t in report.tables_of("likert") for r in t.rows]
        shown = [r for r in rows if r.cells["top_two"].pct is not None]
        ten = [r for r in rows if r.base is not None and (r.base.count or 0) >= 10]
        cells = [c for r in rows for k, c in r.cells.items()]
        hidden = [c for c in cells if c.suppressed]
        journey = report.table("journey")
        j_rows = journey.rows if journey else []
        j_shown = [r for r in j_rows if r.cells["top_two"].pct is not None]
        print(
            f"{label:18} Likert rows shown {len(shown):3} of {len(rows)}"
            f" (rows with n shown >= 10: {len(ten)}); Likert cells hidden {len(hidden)} of"
            f" {len(cells)}; journey rows shown {len(j_shown)} of {len(j_rows)}"
        )
    print(f"rerun: python bench/disclosure_rows.py --people {people} --seed {seed}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=80)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    asyncio.run(measure(args.people, args.seed))


if __name__ == "__main__":
    main()
