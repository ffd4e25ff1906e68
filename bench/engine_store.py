"""Benchmark 1: engine + store in process, one core.

N simulated people each take the whole ``service_feedback`` flow through
``Conversations`` (the same path every adapter uses), against a real SQLite
file.  Prints updates/s and per-update latency percentiles.

It runs on the event loop the bot runs on (``feedback-bot run``: uvloop where
installed); ``--loop asyncio`` measures on the standard library's loop instead.

    python bench/engine_store.py [--people 10000] [--db PATH] [--loop uvloop|asyncio]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import load_settings  # noqa: E402
from bot.conversation import Choose, Done, Event, Reply  # noqa: E402
from bot.service import CONSENT_AGREE, open_conversations  # noqa: E402

# One person's way through the flow: every kind of step, about 15 updates.
SCRIPT: list[Event] = [
    Choose(CONSENT_AGREE),
    Choose("good"),  # the Friends and Family Test (service_feedback v3)
    Reply("Friendly staff, but the waits were long."),
    Choose("service_user"),
    Choose("cambridge_hub"),
    Choose("referral"),
    Choose("treatment"),
    Done(),
    Choose("satisfied"),
    Reply("The referral took three weeks, which felt very long."),
    Choose("very_satisfied"),
    Reply("More evening groups would help me keep my job."),
    Choose("housing"),
    Done(),
    Reply("Support for my family while I was in treatment."),
]


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * pct / 100))]


async def run(people: int, db: Path) -> dict[str, float]:
    settings = load_settings(ROOT / "config.yaml").model_copy(
        update={"database": db, "flows_dir": ROOT / "flows"}
    )
    service = await open_conversations(settings)
    latencies: list[float] = []
    began, cpu_began = time.perf_counter(), time.process_time()
    for person in range(people):
        key = f"bench_{person}"
        t0 = time.perf_counter()
        turn = await service.start(key, "telegram", lang="en")
        latencies.append(time.perf_counter() - t0)
        for event in SCRIPT:
            t0 = time.perf_counter()
            turn = await service.handle(key, "telegram", event)
            latencies.append(time.perf_counter() - t0)
        assert turn.finished, f"person {person} did not finish"
    elapsed = time.perf_counter() - began
    cpu = time.process_time() - cpu_began
    await service.store.close()
    return {
        "people": people,
        "updates": len(latencies),
        "seconds": elapsed,
        "updates_per_s": len(latencies) / elapsed,
        "p50_ms": percentile(latencies, 50) * 1000,
        "p99_ms": percentile(latencies, 99) * 1000,
        "mean_ms": statistics.fmean(latencies) * 1000,
        "cpu_ms_per_update": cpu / len(latencies) * 1000,
    }


def default_loop() -> str:
    """The loop ``bot.telegram.run_loop`` gives the bot."""
    try:
        import uvloop  # noqa: F401
    except ImportError:
        return "asyncio"
    return "uvloop"


def run_on(loop: str, people: int, db: Path) -> dict[str, float]:
    if loop == "uvloop":
        import uvloop

        with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
            return runner.run(run(people, db))
    return asyncio.run(run(people, db))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--loop", choices=["uvloop", "asyncio"], default=default_loop())
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})  # one core, as the target says
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        result = run_on(args.loop, args.people, db)
    print(
        f"engine+store: {result['people']:,} people, {result['updates']:,} updates in "
        f"{result['seconds']:.1f} s = {result['updates_per_s']:,.0f} updates/s; "
        f"p50 {result['p50_ms']:.2f} ms, p99 {result['p99_ms']:.2f} ms (one core, {args.loop})"
    )
    # CPU time (both threads) varies less than wall-clock on a shared machine.
    print(
        f"CPU {result['cpu_ms_per_update']:.3f} ms per update = "
        f"{1000 / result['cpu_ms_per_update']:,.0f} updates per CPU-second"
    )
    print(f"rerun: python bench/engine_store.py --people {args.people} --loop {args.loop}")


if __name__ == "__main__":
    main()
