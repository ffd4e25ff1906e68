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
    # CPU of the loop's thread per kind of update (the database thread's is shared out below).
    kind_cpu = {"start": 0.0, "tap": 0.0, "typed": 0.0}
    kind_n = {"start": 0, "tap": 0, "typed": 0}
    began, cpu_began, loop_began = time.perf_counter(), time.process_time(), time.thread_time()
    for person in range(people):
        key = f"bench_{person}"
        t0, c0 = time.perf_counter(), time.thread_time()
        turn = await service.start(key, "telegram", lang="en")
        latencies.append(time.perf_counter() - t0)
        kind_cpu["start"] += time.thread_time() - c0
        kind_n["start"] += 1
        for event in SCRIPT:
            kind = "typed" if isinstance(event, Reply) else "tap"
            t0, c0 = time.perf_counter(), time.thread_time()
            turn = await service.handle(key, "telegram", event)
            latencies.append(time.perf_counter() - t0)
            kind_cpu[kind] += time.thread_time() - c0
            kind_n[kind] += 1
        assert turn.finished, f"person {person} did not finish"
    elapsed = time.perf_counter() - began
    cpu = time.process_time() - cpu_began
    other_threads = cpu - (time.thread_time() - loop_began)
    await service.store.close()
    per_kind = {k: kind_cpu[k] / kind_n[k] * 1000 for k in kind_cpu}
    db_share = other_threads / len(latencies) * 1000  # the database thread, per update
    # The pre-wave flow (14 updates: no FFT question and no free text after it) at these costs.
    pre_wave = (per_kind["start"] + 10 * per_kind["tap"] + 3 * per_kind["typed"]) / 14 + db_share
    return {
        "tap_ms": per_kind["tap"],
        "typed_ms": per_kind["typed"],
        "start_ms": per_kind["start"],
        "db_ms": db_share,
        "pre_wave_path_ms": pre_wave,
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
    print(
        f"CPU per kind (loop thread): tap {result['tap_ms']:.3f} ms, typed answer"
        f" {result['typed_ms']:.3f} ms, start {result['start_ms']:.3f} ms; database thread"
        f" {result['db_ms']:.3f} ms per update"
    )
    print(
        f"on the pre-wave path (14 updates, 3 typed) at these costs:"
        f" {result['pre_wave_path_ms']:.3f} ms CPU per update"
    )
    print(f"rerun: python bench/engine_store.py --people {args.people} --loop {args.loop}")


if __name__ == "__main__":
    main()
