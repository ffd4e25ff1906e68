"""How long the weekly export takes on a large database, against the raw aggregate SQL.

    python bench/report_export.py [--answers 1000000] [--db /tmp/bench-report.db]

Fills the database once through the real Store (synthetic responses in
2026-W47 and W46; reused on later runs), then times: a bare GROUP BY
over the week's answers, building the public report (both weeks, tagging included), and
writing every format.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import load_settings  # noqa: E402
from bot.flows import load_flows  # noqa: E402
from bot.report.export import build_public, export_files  # noqa: E402
from bot.report.period import parse_week  # noqa: E402
from bot.report.queries import ReportQueries  # noqa: E402
from bot.report.synth import random_responses, write  # noqa: E402
from bot.service import option_ids  # noqa: E402
from bot.store import Store  # noqa: E402

WEEK = parse_week("2026-W47")


async def main(answers: int, db: Path) -> None:
    settings = load_settings(ROOT / "config.yaml").model_copy(
        update={"database": db, "flows_dir": ROOT / "flows"}
    )
    flows = load_flows(settings.flows_dir, settings.languages, option_ids(settings))
    store = await Store.open(db)
    async with store.db.execute("SELECT count(*) FROM answers") as cur:
        have = (await cur.fetchone())[0]
    if have < answers:
        started = time.perf_counter()
        seed = 1
        while have < answers:
            for period in (WEEK, WEEK.previous()):
                await write(store, flows, random_responses(flows, settings, 2000, period, seed))
                seed += 1
            async with store.db.execute("SELECT count(*) FROM answers") as cur:
                have = (await cur.fetchone())[0]
            print(f"\r  filling: {have:,} answers", end="", file=sys.stderr)
        print(f"\nfilled in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    async with store.db.execute(
        "SELECT count(*) FROM answers a JOIN sessions s ON s.id = a.session_id"
        " WHERE s.started_at >= ? AND s.started_at < ?",
        WEEK.bounds(),
    ) as cur:
        in_week = (await cur.fetchone())[0]

    q = ReportQueries(store)
    t0 = time.perf_counter()
    async with store.db.execute(
        "SELECT a.step_id, a.score, count(*) FROM sessions s JOIN answers a"
        " ON a.session_id = s.id WHERE s.started_at >= ? AND s.started_at < ? GROUP BY 1, 2",
        WEEK.bounds(),
    ) as cur:
        await cur.fetchall()
    raw_sql = time.perf_counter() - t0
    t0 = time.perf_counter()
    await q.sessions(WEEK)
    await q.answer_counts(WEEK)
    two_scans = time.perf_counter() - t0
    await build_public(store, settings, WEEK)  # first run tags new comments
    t0 = time.perf_counter()
    await build_public(store, settings, WEEK)
    build = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        await export_files(store, settings, WEEK, out_dir=Path(out))
        full = time.perf_counter() - t0
    await store.close()
    print(f"answers in database: {have:,}; in {WEEK.label}: {in_week:,}")
    print(f"raw GROUP BY step, score for the week:   {raw_sql * 1000:8.0f} ms")
    print(f"report's two main GROUP BYs, one week:   {two_scans * 1000:8.0f} ms")
    print(f"public report, this week + last (built): {build * 1000:8.0f} ms")
    print(f"export, every format (charts included):  {full * 1000:8.0f} ms")
    print(f"rerun: python bench/report_export.py --answers {answers} --db {db}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--answers", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/bench-report.db"))
    args = parser.parse_args()
    asyncio.run(main(args.answers, args.db))
