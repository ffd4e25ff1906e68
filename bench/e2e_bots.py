"""The bot under test for ``bench/telegram_e2e.py``, in its own process.

    python bench/e2e_bots.py ours|baseline --base-url URL --trace-port PORT --workdir DIR

Started and stopped (SIGTERM) by the driver.  Both bots use the same
Application subclass that reports each finished update over UDP to 127.0.0.1,
so they are timed the same way.  The note carries the bot's own timings of the
update (``Timing``: when it reached the bot's queue, when its handling began and
ended, and how long of that it awaited the database thread and Bot API calls), on
the machine's monotonic clock, which the driver shares.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import os
import signal
import socket
import sys
import time
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import aiosqlite  # noqa: E402
from telegram import Update  # noqa: E402
from telegram.ext import AIORateLimiter, Application  # noqa: E402
from telegram.request import HTTPXRequest  # noqa: E402

from bench import loop_sampler  # noqa: E402
from bench.baseline_bot import build_baseline  # noqa: E402
from bench.e2e_driver import run_delay  # noqa: E402
from bot.config import Telegram, load_settings  # noqa: E402
from bot.service import open_conversations  # noqa: E402
from bot.store import Store  # noqa: E402
from bot.telegram import (  # noqa: E402
    TelegramChannel,
    build_application,
    collect_less,
    run_loop,
    start_bot,
    stop_bot,
)
from bot.telegram.flood import FloodGate  # noqa: E402
from bot.telegram.http import AiohttpRequest  # noqa: E402
from bot.telegram.jobs import DAILY_BACKUP, DAILY_PURGE, KEEP_COUNTS  # noqa: E402
from bot.telegram.pace import ForegroundFirst  # noqa: E402
from tests.e2e.fakebotapi import TOKEN  # noqa: E402

SECRET = b"bench-secret"
MAX_LIFETIME = 900.0
SAMPLING = bool(os.environ.get("BENCH_SAMPLES"))
"""Profile the loop thread per update (``bench/loop_sampler.py`` says how)."""


@dataclass
class Timing:
    """One update's way through the bot, as the bot sees it (``time.monotonic``)."""

    start: float
    """Its handling began (``Application.process_update``, after the per-person order)."""
    db_wait: float = 0.0
    """Awaiting the database thread: queued behind other work on it, ..."""
    db_work: float = 0.0
    """... running there (SQL and commit), ..."""
    db_back: float = 0.0
    """... and from its end until this update's task ran again (the hand-off and the loop)."""
    api: float = 0.0
    """Awaiting Bot API calls (the replies): HTTP to the server and back.  Wall time with
    at least one call out: calls made together (``bot.telegram.edits.together``) overlap."""
    calls: int = 0
    out: int = 0
    out_since: float = 0.0
    loop_cpu: float = 0.0
    """CPU time of the loop's thread meanwhile (its work for this update and any other)."""
    process_cpu: float = 0.0
    """CPU time of the whole bot process meanwhile (every thread): far below the wall
    time, the process was waiting for the machine (or for a disk), not working."""
    loop_runq: float = 0.0
    """Time the loop's thread was ready to run but waited for a core meanwhile (the
    kernel's run-queue delay, ``/proc/thread-self/schedstat``): CPU starvation."""
    db_runq: float = 0.0
    """The same for the database thread, from this update's work being queued to it
    starting there (the thread woken but not given a core)."""
    db_blocked: float = 0.0
    """Of ``db_work``: the database thread neither running nor waiting for a core, so
    blocked: on the GIL (the loop's thread holding it), a lock, or the disk."""
    gc: float = 0.0
    """Garbage collections in this process meanwhile (every generation), in seconds."""
    db_here: float = 0.0
    """Small writes run on the loop's own thread (``Store._inline``): no trip to the
    database thread."""


_GC = [0.0, 0.0]
"""Seconds spent in garbage collection so far, and when the one under way began."""


def time_collections() -> None:
    def callback(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            _GC[1] = time.monotonic()
        elif _GC[1]:
            _GC[0] += time.monotonic() - _GC[1]
            _GC[1] = 0.0

    gc.callbacks.append(callback)


_CURRENT: ContextVar[Timing | None] = ContextVar("timing", default=None)
_ARRIVED: dict[int, float] = {}
"""When each update was put on the Application's queue by the poller."""


def time_the_waits() -> None:
    """Count each update's awaits of the database thread and of Bot API calls (this
    process only: the bot under test, not the product)."""
    execute = aiosqlite.Connection._execute

    async def timed_execute(self: aiosqlite.Connection, fn: Any, *args: Any, **kwargs: Any) -> Any:
        timing = _CURRENT.get()
        if timing is None:
            return await execute(self, fn, *args, **kwargs)
        ran = [0.0, 0.0, 0.0, 0.0]
        thread = getattr(self, "_thread", None)
        native = getattr(thread, "native_id", None)
        runq = run_delay(f"/proc/self/task/{native}/schedstat") if native else 0.0

        def run() -> Any:
            ran[0] = time.monotonic()
            ran[2] = run_delay() if native else 0.0
            cpu = time.thread_time()
            try:
                return fn(*args, **kwargs)
            finally:
                ran[1] = time.monotonic()
                # Neither running nor waiting for a core: blocked (the GIL, a lock, the disk).
                waited = run_delay() - ran[2] if native else 0.0
                ran[3] = max(0.0, ran[1] - ran[0] - (time.thread_time() - cpu) - waited)

        queued = time.monotonic()
        try:
            return await execute(self, run)
        finally:
            back = time.monotonic()
            if ran[1]:
                timing.db_wait += ran[0] - queued
                timing.db_work += ran[1] - ran[0]
                timing.db_back += back - ran[1]
                timing.db_runq += max(0.0, ran[2] - runq)
                timing.db_blocked += ran[3]

    def timed(request: Any) -> Any:
        async def timed_request(self: Any, *args: Any, **kwargs: Any) -> Any:
            timing = _CURRENT.get()
            if timing is None:
                return await request(self, *args, **kwargs)
            timing.calls += 1
            timing.out += 1
            if timing.out == 1:
                timing.out_since = time.monotonic()
            try:
                return await request(self, *args, **kwargs)
            finally:
                timing.out -= 1
                if timing.out == 0:
                    timing.api += time.monotonic() - timing.out_since

        return timed_request

    here = getattr(Store, "_here", None)  # small writes on the loop's thread (not before)

    def timed_here(run: Any, conn: Any) -> Any:
        timing = _CURRENT.get()
        began = time.monotonic()
        try:
            return here(run, conn)
        finally:
            if timing is not None:
                timing.db_here += time.monotonic() - began

    if here is not None:
        Store._here = staticmethod(timed_here)  # type: ignore[method-assign]
    aiosqlite.Connection._execute = timed_execute  # type: ignore[method-assign]
    # Ours (aiohttp) and the baseline's (PTB's httpx).
    AiohttpRequest.do_request = timed(AiohttpRequest.do_request)  # type: ignore[method-assign]
    HTTPXRequest.do_request = timed(HTTPXRequest.do_request)  # type: ignore[method-assign]


def note_arrivals(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Stamp each update as the poller puts it on the Application's queue."""
    queue = app.update_queue
    put = queue.put

    async def stamped(item: object) -> None:
        if isinstance(item, Update):
            _ARRIVED[item.update_id] = time.monotonic()
        await put(item)

    queue.put = stamped  # type: ignore[method-assign]


def traced(trace_port: int) -> type[Application[Any, Any, Any, Any, Any, Any]]:
    """The bot tells the benchmark, by a UDP note, when it has finished each update:
    ``id arrived start end db_wait db_work db_back api loop_cpu process_cpu calls
    loop_runq db_runq gc db_blocked db_here`` (seconds)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.connect(("127.0.0.1", trace_port))

    class TimedApplication(Application):  # type: ignore[type-arg]
        async def process_update(self, update: object) -> None:
            timing = Timing(time.monotonic())
            loop_cpu, process_cpu = time.thread_time(), time.process_time()
            runq, collected = run_delay(), _GC[0]
            token = _CURRENT.set(timing)
            if SAMPLING:
                loop_sampler.HANDLING.set(getattr(update, "update_id", -1))
            try:
                await super().process_update(update)
            finally:
                end = time.monotonic()
                timing.loop_cpu = time.thread_time() - loop_cpu
                timing.process_cpu = time.process_time() - process_cpu
                timing.loop_runq = run_delay() - runq
                timing.gc = _GC[0] - collected
                _CURRENT.reset(token)
                update_id = getattr(update, "update_id", None)
                if update_id is not None:
                    t = timing
                    arrived = _ARRIVED.pop(update_id, t.start)
                    fields = (
                        *(arrived, t.start, end, t.db_wait, t.db_work, t.db_back, t.api),
                        *(t.loop_cpu, t.process_cpu),
                    )
                    extra = (t.loop_runq, t.db_runq, t.gc, t.db_blocked, t.db_here)
                    note = " ".join(
                        [
                            str(update_id),
                            *(f"{f:.6f}" for f in fields),
                            str(t.calls),
                            *(f"{f:.6f}" for f in extra),
                        ]
                    )
                    sock.send(note.encode())
                    if SAMPLING:
                        what = loop_sampler.what(update)
                        loop_sampler.UPDATES.append((update_id, t.start, end, t.loop_cpu, what))

    return TimedApplication


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
    note_arrivals(app)
    await start_bot(app, channel, Telegram())
    collect_less()  # as serve() does
    # SIGUSR1: run the daily purge job now, SIGUSR2 the daily backup, as at their hour
    # (bench/busy_e2e.py).
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGUSR1, daily_jobs_now, app, DAILY_PURGE)
    loop.add_signal_handler(signal.SIGUSR2, daily_jobs_now, app, DAILY_BACKUP)
    # SIGHUP: the hourly job that keeps report counts warm (bot/report/warm.py), now.
    loop.add_signal_handler(signal.SIGHUP, daily_jobs_now, app, KEEP_COUNTS)
    try:
        await until_sigterm()
    finally:
        await stop_bot(app)
        await conversations.store.close()


def daily_jobs_now(app: Application[Any, Any, Any, Any, Any, Any], name: str) -> None:
    assert app.job_queue is not None
    for job in app.job_queue.get_jobs_by_name(name):
        app.create_task(job.run(app))


async def run_baseline(base_url: str, trace_port: int, workdir: Path) -> None:
    app = build_baseline(
        TOKEN, workdir / "baseline.pickle", base_url=base_url, application_class=traced(trace_port)
    )
    note_arrivals(app)
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
    time_the_waits()
    time_collections()
    if SAMPLING:
        loop_sampler.install(os.environ["BENCH_SAMPLES"])
    if os.environ.get("BENCH_SWITCH_INTERVAL"):  # an experiment: the GIL's hand-over interval
        sys.setswitchinterval(float(os.environ["BENCH_SWITCH_INTERVAL"]))
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
