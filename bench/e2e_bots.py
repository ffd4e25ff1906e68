"""The bot under test for ``bench/telegram_e2e.py``, in its own process.

    python bench/e2e_bots.py ours|baseline --base-url URL --trace-port PORT --workdir DIR

Started and stopped (SIGTERM) by the driver.  Both bots use the same
Application subclass that reports each finished update over UDP to 127.0.0.1,
so they are timed the same way.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import socket
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from telegram.ext import AIORateLimiter, Application  # noqa: E402

from bench.baseline_bot import build_baseline  # noqa: E402
from bot.config import Telegram, load_settings  # noqa: E402
from bot.service import open_conversations  # noqa: E402
from bot.telegram import (  # noqa: E402
    TelegramChannel,
    build_application,
    collect_less,
    run_loop,
    start_bot,
    stop_bot,
)
from bot.telegram.flood import FloodGate  # noqa: E402
from bot.telegram.jobs import DAILY_BACKUP, DAILY_PURGE  # noqa: E402
from bot.telegram.pace import ForegroundFirst  # noqa: E402
from tests.e2e.fakebotapi import TOKEN, traced_application  # noqa: E402

SECRET = b"bench-secret"
MAX_LIFETIME = 900.0


def traced(trace_port: int) -> type[Application[Any, Any, Any, Any, Any, Any]]:
    """The bot tells the benchmark, by a UDP note, when it has finished each update."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.connect(("127.0.0.1", trace_port))
    return traced_application(notify=lambda update_id: sock.send(str(update_id).encode()))


async def until_sigterm() -> None:
    """Until the driver stops us, or at most ``MAX_LIFETIME`` if the driver died first."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), MAX_LIFETIME)


async def run_ours(
    base_url: str, trace_port: int, workdir: Path, limiter: AIORateLimiter | None = None
) -> None:
    settings = load_settings(ROOT / "config.yaml").model_copy(
        update={"database": workdir / "ours.db", "flows_dir": ROOT / "flows"}
    )
    conversations = await open_conversations(settings)
    # Scripted people tap far faster than anyone could: keep flood control in the path,
    # but with a limit they never reach.
    channel = TelegramChannel(conversations, SECRET, FloodGate(limit=1_000_000))
    # Outbound pacing off (there is no Telegram to protect), same limiter class as production.
    limiter = limiter or AIORateLimiter(overall_max_rate=0, group_max_rate=0, max_retries=3)
    app = build_application(
        channel,
        TOKEN,
        base_url=base_url,
        rate_limiter=limiter,
        application_class=traced(trace_port),
    )
    await start_bot(app, channel, Telegram())
    collect_less()  # as serve() does
    # SIGUSR1: run the daily purge and backup jobs now, as at their hour (bench/busy_e2e.py).
    asyncio.get_running_loop().add_signal_handler(signal.SIGUSR1, daily_jobs_now, app)
    try:
        await until_sigterm()
    finally:
        await stop_bot(app)
        await conversations.store.close()


def daily_jobs_now(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    assert app.job_queue is not None
    for name in (DAILY_PURGE, DAILY_BACKUP):
        for job in app.job_queue.get_jobs_by_name(name):
            app.create_task(job.run(app))


async def run_baseline(base_url: str, trace_port: int, workdir: Path) -> None:
    app = build_baseline(
        TOKEN, workdir / "baseline.pickle", base_url=base_url, application_class=traced(trace_port)
    )
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling()
    try:
        await until_sigterm()
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["ours", "ours-paced", "baseline"])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--trace-port", type=int, required=True)
    parser.add_argument("--workdir", type=Path, required=True)
    args = parser.parse_args()
    assert args.base_url.startswith("http://127.0.0.1:"), "benchmarks talk to 127.0.0.1 only"
    if args.kind == "ours":
        run_loop(run_ours(args.base_url, args.trace_port, args.workdir))  # as serve() is run
    elif args.kind == "ours-paced":
        # Replies unpaced as for "ours"; broadcasts held to the production pace.
        paced = ForegroundFirst(overall_max_rate=0, group_max_rate=0, max_retries=3)
        run_loop(run_ours(args.base_url, args.trace_port, args.workdir, paced))
    else:
        asyncio.run(run_baseline(args.base_url, args.trace_port, args.workdir))  # PTB's way


if __name__ == "__main__":
    main()
