"""Benchmark: a broadcast to 10,000 subscribers while people answer at 30 updates a second.

Our bot runs in its own process, polling the fake Bot API on 127.0.0.1 (as in
``bench/telegram_e2e.py``), with the production limiter class (``ForegroundFirst``):
replies unpaced as in benchmark 2, a broadcast held to 30 messages a second.  Two
runs, each a fresh bot and database:

- *quiet*: 30 updates a second for ``--seconds``, no broadcast;
- *broadcast*: the same, while a broadcast to ``--subscribers`` people (recorded before
  the bot starts, so it begins at once) is being sent.

Two latencies, as in ``bench/busy_e2e.py``: the bot's own time (handler start to its
last reply sent, as the bot sees it: the issue's target, p99 < 20 ms) and end to end
(queued on the server to the person seeing it), with a table of where each went.
The broadcast's pace is counted on the server: messages to subscribers a second over
the measured window.

    python bench/broadcast_load.py [--subscribers 10000] [--rate 30] [--seconds 20]
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

import bench.e2e_driver as driver  # noqa: E402
from bench.e2e_driver import (  # noqa: E402
    BotProcess,
    Result,
    Server,
    decompose,
    own_time,
    percentile,
    run_paced,
    run_people,
)

# service_feedback now opens with the Friends and Family Test and its follow-up (version 3).
driver.SCRIPT = [
    *driver.SCRIPT[:2],
    ("tap", "Good"),
    ("send", "Kind staff, but the wait was long."),
    *driver.SCRIPT[2:],
]

FIRST_SUBSCRIBER = 7_000_000_000


async def record_broadcast(db: Path, subscribers: int) -> None:
    """Subscribers and a recorded report broadcast, as /publish leaves them."""
    from bot.store import Store

    store = await Store.open(db)
    try:

        def fill(conn):  # type: ignore[no-untyped-def]
            conn.executemany(
                "INSERT INTO subscribers (token, chat_id, lang, updates, remind)"
                " VALUES (?, ?, 'en', 1, 0)",
                [(f"t{i}", FIRST_SUBSCRIBER + i) for i in range(subscribers)],
            )

        await store.atomic(fill)
        from bot.broadcasts import Broadcasts

        text = (
            "What you told us: 16 November 2026 – 22 November 2026\n\nAbout 7 in 10 people agreed"
        )
        await Broadcasts(store).begin_report("2026-W47", {"en": text}, None, "en")
    finally:
        await store.close()


async def one_run(args: argparse.Namespace, broadcast: bool) -> tuple[Result, float, float, Server]:
    server = await Server().start()
    sent_at: list[float] = []
    index = server.api.on_bot_message

    def seen(message):  # type: ignore[no-untyped-def]
        if message["chat"]["id"] >= FIRST_SUBSCRIBER:
            sent_at.append(time.perf_counter())
        else:
            index(message)

    server.api.on_bot_message = seen
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        if broadcast:
            await record_broadcast(workdir / "ours.db", args.subscribers)
        bot = await BotProcess("ours-paced", server, workdir).start()
        try:
            await run_people(server, 1, 3)  # warm up
            began = time.perf_counter()
            cpu = bot.cpu_seconds()
            result = await run_paced(server, 10_000, args.rate, args.seconds)
            ended = time.perf_counter()
            cpu = bot.cpu_seconds() - cpu
        finally:
            await bot.stop()
            await server.close()
    window = [t for t in sent_at if began <= t <= ended]
    pace = len(window) / (ended - began)
    return result, pace, cpu / max(1, result.updates) * 1000, server


def line(name: str, result: Result, pace: float, cpu_ms: float, server: Server) -> str:
    late = f", {result.late} sent late" if result.late else ""
    own = own_time(server, result)
    return (
        f"{name:10} {result.updates:5,} updates at {result.rate:5.1f}/s:"
        f" bot's own time p50 {percentile(own, 50):5.1f} ms, p99 {percentile(own, 99):5.1f} ms;"
        f" end to end p50 {result.pct(50):5.1f} ms, p99 {result.pct(99):5.1f} ms;"
        f" bot CPU {cpu_ms:4.2f} ms/update (broadcast included);"
        f" broadcast {pace:5.1f} messages/s{late}; load {result.load}"
    )


async def main(args: argparse.Namespace) -> None:
    print(
        f"python bench/broadcast_load.py --subscribers {args.subscribers} --rate {args.rate}"
        f" --seconds {args.seconds}"
    )
    quiet = await one_run(args, broadcast=False)
    print(line("quiet", *quiet))
    loaded = await one_run(args, broadcast=True)
    print(line("broadcast", *loaded))
    print(decompose(quiet[3], quiet[0], "quiet"))
    print(decompose(loaded[3], loaded[0], "broadcast"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=30)
    parser.add_argument("--seconds", type=float, default=20)
    asyncio.run(main(parser.parse_args()))
