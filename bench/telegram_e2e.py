"""Benchmarks 2 and 3: the Telegram bot end to end, ours beside the canonical PTB way.

Each bot is the real python-telegram-bot ``Application``, long polling a fake
Bot API over HTTP on 127.0.0.1, in its own process.  Scripted people take the
same 14-update path through service_feedback (consent, choices, two
multi-selects, ratings, three typed answers).  Latency is from the update being
queued on the server to the bot having finished it, every reply already
received by the server.  Two loads per bot:

- maximum: ``--people`` people at once, each tapping as soon as the bot answers;
- steady: ``--rate`` updates a second on a fixed timetable for ``--seconds``.

    python bench/telegram_e2e.py [--people 100] [--rate 30] [--seconds 10] [--bots ours,baseline]
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

from bench.e2e_driver import (  # noqa: E402
    SCRIPTS,
    BotProcess,
    Result,
    Server,
    decompose,
    own_time,
    percentile,
    run_paced,
    run_people,
)

WARM_UP_PEOPLE = 5


def line(name: str, load: str, result: Result) -> str:
    late = f", {result.late} sent late" if result.late else ""
    return (
        f"{name:8} {load:8} {result.updates:6,} updates in {result.seconds:6.2f} s = "
        f"{result.rate:6.0f} updates/s; p50 {result.pct(50):6.1f} ms, "
        f"p99 {result.pct(99):6.1f} ms{late}"
    )


async def bench_one(
    kind: str, server: Server, workdir: Path, args: argparse.Namespace, first_id: int
) -> tuple[Result, Result, float]:
    bot = await BotProcess(
        kind, server, workdir, args.profile_dir and str(Path(args.profile_dir) / f"{kind}.txt")
    ).start()
    try:
        script = SCRIPTS[kind]
        await run_people(server, first_id, WARM_UP_PEOPLE, script)
        calls_before = Counter(server.api.calls)
        bot_cpu, driver_cpu = bot.cpu_seconds(), time.process_time()
        peak = await run_people(server, first_id + 1000, args.people, script)
        peak.bot_cpu = bot.cpu_seconds() - bot_cpu
        peak.driver_cpu = time.process_time() - driver_cpu
        calls = Counter(server.api.calls) - calls_before
        steady = await run_paced(server, first_id + 100_000, args.rate, args.seconds, script)
    finally:
        await bot.stop()
    calls.pop("getUpdates", None)
    per_update = sum(calls.values()) / peak.updates
    return peak, steady, per_update


async def main(args: argparse.Namespace) -> None:
    if args.profile_dir:
        Path(args.profile_dir).mkdir(parents=True, exist_ok=True)
    server = await Server().start()
    results: dict[str, tuple[Result, Result, float]] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for n, kind in enumerate(args.bots.split(",")):
                workdir = Path(tmp) / kind
                workdir.mkdir()
                results[kind] = await bench_one(kind, server, workdir, args, 10_000 * (n + 1) ** 3)
    finally:
        await server.close()
    counts = ", ".join(f"{kind} {len(SCRIPTS[kind])}" for kind in results)
    print(
        f"updates per person: {counts}; the bot and the fake server each in a process of"
        " its own, the people here"
    )
    for kind, (peak, steady, per_update) in results.items():
        print(line(kind, "maximum", peak) + f"; {per_update:.2f} Bot API calls per update")
        print(
            f"{'':17} CPU per update: bot {peak.bot_cpu / peak.updates * 1000:.2f} ms, "
            f"the people (this process, not the server)"
            f" {peak.driver_cpu / peak.updates * 1000:.2f} ms"
        )
        print(line(kind, f"{args.rate:g}/s", steady) + " (end to end)")
        own = own_time(server, steady)
        print(
            f"{'':17} the bot's own time at {args.rate:g}/s (handler start to last reply sent):"
            f" p50 {percentile(own, 50):.1f} ms, p99 {percentile(own, 99):.1f} ms"
        )
        print(decompose(server, steady, f"{kind} at {args.rate:g}/s"))
    if "ours" in results and "baseline" in results:
        ratio = results["ours"][0].rate / results["baseline"][0].rate
        print(f"ours / baseline, maximum updates/s: {ratio:.2f}x")
    print(
        f"rerun: python bench/telegram_e2e.py --people {args.people} --rate {args.rate:g} "
        f"--seconds {args.seconds:g} --bots {args.bots}"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100)
    parser.add_argument("--rate", type=float, default=30)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--bots", default="ours,baseline")
    parser.add_argument("--profile-dir", help="write a pyinstrument profile of each bot here")
    args = parser.parse_args()
    if args.people > 5000 or args.seconds > 120:
        parser.error("keep runs bounded: --people <= 5000, --seconds <= 120")
    asyncio.run(main(args))
