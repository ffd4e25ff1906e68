"""What exactly-once costs per update, apart from everything else (issue 14 item 1).

Benchmark 2 runs the whole bot in its own process; on a shared machine its
figures move by more than this cost.  Here the same person takes benchmark 1's
path through ``Conversations`` twice over, on fresh databases, in alternating
rounds: once as the console does, once wrapped as the Telegram adapter wraps
each update (``bot.telegram.once``): mark the update, look its id up on the
read connection, handle it (its id goes into the answer's own transaction), and
record it with a commit of its own only if the handling stored nothing.  The
difference in CPU time (both threads: the loop and the database's) per update
is the price.  One core, the bot's own loop.

    python bench/once_cost.py [--people 1000] [--rounds 4]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.engine_store import SCRIPT  # noqa: E402
from bot import once  # noqa: E402
from bot.config import load_settings  # noqa: E402
from bot.service import open_conversations  # noqa: E402

_ids = itertools.count(1)


async def one_run(people: int, db: Path, exactly_once: bool) -> tuple[float, int, int]:
    """CPU ms per update, updates, and the updates that needed a commit of their own."""
    settings = load_settings(ROOT / "config.yaml").model_copy(
        update={"database": db, "flows_dir": ROOT / "flows"}
    )
    service = await open_conversations(settings)
    store = service.store
    updates = own_commits = 0

    async def update(work):  # type: ignore[no-untyped-def]
        nonlocal updates, own_commits
        updates += 1
        if not exactly_once:
            return await work
        update_id = next(_ids)
        handling = once.begin(update_id)
        try:
            if await store.handled(update_id):
                raise AssertionError("a fresh id was seen")
            turn = await work
            if not handling.recorded:
                own_commits += 1
                await store.atomic(lambda conn: None)
            return turn
        finally:
            once.end()

    began = time.process_time()
    for person in range(people):
        key = f"bench_{person}"
        await update(service.start(key, "telegram", lang="en"))
        for event in SCRIPT:
            turn = await update(service.handle(key, "telegram", event))
        assert turn.finished
    cpu = time.process_time() - began
    await store.close()
    return cpu / updates * 1000, updates, own_commits


def run(people: int, db: Path, exactly_once: bool) -> tuple[float, int, int]:
    try:
        import uvloop

        with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
            return runner.run(one_run(people, db, exactly_once))
    except ImportError:
        return asyncio.run(one_run(people, db, exactly_once))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    os.environ.setdefault("FEEDBACK_BOT_SECRET", "bench-" + "x" * 40)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})
    without, with_once = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(args.rounds):
            # ABBA: which goes first alternates, so neither gains from going second.
            order = ((False, without), (True, with_once))
            for flag, into in order if n % 2 == 0 else order[::-1]:
                cpu, updates, own = run(args.people, Path(tmp) / f"r{n}-{flag}.db", flag)
                into.append(cpu)
                label = "with exactly-once" if flag else "without        "
                extra = f", {own} of them committed on their own" if flag else ""
                print(f"round {n + 1} {label}: {cpu:.3f} ms CPU per update ({updates:,}{extra})")
    diffs = [b - a for a, b in zip(without, with_once, strict=True)]
    print(
        f"exactly-once adds {statistics.median(diffs) * 1000:.0f} µs CPU per update (median of"
        f" {len(diffs)} pairs; {min(diffs) * 1000:.0f} to {max(diffs) * 1000:.0f} µs), on"
        f" {statistics.median(without):.3f} ms without it"
    )
    print(f"rerun: python bench/once_cost.py --people {args.people} --rounds {args.rounds}")


if __name__ == "__main__":
    main()
