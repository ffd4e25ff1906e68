"""Benchmark 4: resident memory with N idle open conversations.

Opens N conversations through ``Conversations`` (each agreed to the notice and
answered two questions, then went quiet) and reports the growth in RSS per
conversation.  Conversation state lives in SQLite, not in the process, so the
figure should stay near zero however many people are mid-flow.

    python bench/memory.py [--people 10000]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import load_settings  # noqa: E402
from bot.conversation import Choose  # noqa: E402
from bot.service import CONSENT_AGREE, open_conversations  # noqa: E402


def rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


async def run(people: int, db: Path) -> tuple[int, int]:
    settings = load_settings(ROOT / "config.yaml").model_copy(
        update={"database": db, "flows_dir": ROOT / "flows"}
    )
    service = await open_conversations(settings)
    # Warm up every code path once so imports and caches are not counted.
    for key in ("warm_a", "warm_b"):
        await service.start(key, "telegram", lang="en")
        await service.handle(key, "telegram", Choose(CONSENT_AGREE))
        await service.handle(key, "telegram", Choose("service_user"))
    gc.collect()
    before = rss_kib()
    for person in range(people):
        key = f"idle_{person}"
        await service.start(key, "telegram", lang="en")
        await service.handle(key, "telegram", Choose(CONSENT_AGREE))
        await service.handle(key, "telegram", Choose("family_carer"))
    gc.collect()
    after = rss_kib()
    open_count = await service.store.db.execute_fetchall(
        "SELECT count(*) FROM sessions WHERE status = 'active'"
    )
    assert next(iter(open_count))[0] == people + 2
    await service.store.close()
    return before, after


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        before, after = asyncio.run(run(args.people, Path(tmp) / "bench.db"))
    per = (after - before) * 1024 / args.people
    print(
        f"memory: RSS {before / 1024:.1f} MiB before, {after / 1024:.1f} MiB with "
        f"{args.people:,} idle open conversations: {per:.0f} bytes per conversation"
    )
    print(f"rerun: python bench/memory.py --people {args.people}")


if __name__ == "__main__":
    main()
