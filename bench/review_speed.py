"""/review with 16,000 comments: how long a tap takes, and whether respondents wait meanwhile.

Issue 18 item 14: with 8,000 comments one tap took 22 s and a respondent's answer
waited 19 s behind it.  Targets: a tap < 100 ms; respondents' p99 < 20 ms (the
end-to-end target in docs/benchmarks.md) while staff review and export.

Exports run as the bot runs them: every format, one after another, each in its
own report process (``bot.report.worker``); ``--on-loop`` builds them on this
process's event loop instead, as the bot did before, for comparison.

The bot parses and compiles the theme codebook in a worker thread as it starts
(``bot.review.warm``); this does the same, so the first tap is what staff get from a
bot that has started.  ``--cold`` leaves that out (the first tap as before).

    python bench/review_speed.py [--comments 16000] [--seconds 8] [--on-loop] [--cold]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.e2e_driver import LoopWatch, percentile  # noqa: E402
from bot.config import load_settings  # noqa: E402
from bot.conversation import Choose, Reply  # noqa: E402
from bot.report.export import export_files  # noqa: E402
from bot.report.period import parse_week  # noqa: E402
from bot.report.themes import load_codebook  # noqa: E402
from bot.report.worker import ReportWorker  # noqa: E402
from bot.review import ThemeReview, warm  # noqa: E402
from bot.service import CONSENT_AGREE, open_conversations  # noqa: E402
from bot.store import Store  # noqa: E402

TEXTS = [
    "I waited six weeks for my first appointment, far too long.",
    "My keyworker changed three times and I had to repeat my story.",
    "The group sessions on a Tuesday really helped me.",
    "Nobody called me back after I left three messages.",
]


async def _fill(store: Store, comments: int) -> None:
    """``comments`` finished sessions with one comment each, in one transaction."""
    flow = "consultation"
    async with store.db.execute(
        "SELECT max(version) FROM flow_versions WHERE flow_id = ?", (flow,)
    ) as cur:
        version = (await cur.fetchone())[0]
    at = "2026-11-17T10:00:00+00:00"

    def insert(conn) -> None:
        sessions, answers = [], []
        for i in range(comments):
            sid = uuid.uuid4().hex
            sessions.append(
                (
                    sid,
                    f"bench_{i}",
                    "telegram",
                    "own_device",
                    flow,
                    version,
                    "en",
                    None,
                    None,
                    None,
                    "completed",
                    at,
                    at,
                    at,
                    json.dumps({}),
                )
            )
            answers.append(
                (sid, flow, version, "one_service_why", "text", TEXTS[i % len(TEXTS)], at)
            )
        conn.executemany(
            "INSERT INTO sessions (id, respondent_key, channel, mode, flow_id, flow_version,"
            " lang, site, area, respondent_group, status, started_at, updated_at, finished_at,"
            f" state) VALUES ({', '.join('?' * 15)})",
            sessions,
        )
        conn.executemany(
            "INSERT INTO answers (session_id, flow_id, flow_version, step_id, kind, value,"
            " answered_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            answers,
        )

    await store.atomic(insert)


async def main(comments: int, seconds: float, on_loop: bool, cold: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(ROOT / "config.yaml").model_copy(
            update={"database": Path(tmp) / "bench.db", "flows_dir": ROOT / "flows"}
        )
        store = await Store.open(settings.database)
        try:
            conversations = await open_conversations(settings, store)
            loop = asyncio.get_running_loop()
            # As bot.telegram.start_bot does, beside the bot starting.
            warmed = loop.run_in_executor(None, lambda: None if cold else warm(settings.flows_dir))
            await _fill(store, comments)
            await warmed
            taps, after = [], 0
            for _ in range(100):
                start = time.perf_counter()
                # As the bot's /review does: the codebook looked up on each tap.
                review = ThemeReview(store, load_codebook(settings.flows_dir))
                item = await review.next(after)
                taps.append(time.perf_counter() - start)
                after = item.answer_id if item else 0
            print(
                f"/review tap, {comments:,} comments: first {taps[0] * 1000:.1f} ms,"
                f" p50 {percentile(taps, 50):.1f} ms, p99 {percentile(taps, 99):.1f} ms,"
                f" max {max(taps) * 1000:.1f} ms (target < 100)"
                + (" [--cold: no start-up warm-up]" if cold else "")
            )

            async def respondents(label: str) -> list[float]:
                """Updates due at 30 a second; each one's wait runs from when it was due
                (not from when the loop got round to it) to its reply."""
                waits, i, begin = [], 0, time.perf_counter()
                while time.perf_counter() - begin < seconds:
                    key = f"te_{label}_{i}"
                    i += 1
                    for event in (
                        None,
                        Choose(CONSENT_AGREE),
                        Choose("good"),  # the FFT, then its free text
                        Reply("The staff were kind to me."),
                    ):
                        due = begin + len(waits) / 30
                        await asyncio.sleep(max(0.0, due - time.perf_counter()))
                        if event is None:
                            await conversations.start(key, "telegram")
                        else:
                            await conversations.handle(key, "telegram", event)
                        waits.append(time.perf_counter() - due)
                return waits

            alone = await respondents("alone")
            stop = asyncio.Event()

            async def staff() -> int:
                n, after = 0, 0
                while not stop.is_set():
                    item = await review.next(after)
                    after = item.answer_id if item else 0
                    n += 1
                return n

            worker = ReportWorker(settings)
            took: list[float] = []

            async def exports() -> int:
                while not stop.is_set():
                    start = time.perf_counter()
                    week, out = parse_week("2026-W47"), Path(tmp) / "out"
                    if on_loop:
                        await export_files(store, settings, week, out_dir=out)
                    else:
                        await worker.export(week, out, actor="bench", store=store)
                    took.append(time.perf_counter() - start)
                return len(took)

            staff_task = asyncio.create_task(staff())
            with LoopWatch() as watch:
                reviewing = await respondents("review")
                stop.set()
                tapped = await staff_task
            stop.clear()
            staff_task = asyncio.create_task(staff())
            export_task = asyncio.create_task(exports())
            with LoopWatch() as busy_watch:
                busy = await respondents("busy")
                stop.set()
            tapped += await staff_task
            exported = await export_task
            phases = (
                ("alone", alone),
                ("during review", reviewing),
                ("during review + export", busy),
            )
            for label, waits in phases:
                print(
                    f"respondents {label}: {len(waits)} updates, p50"
                    f" {statistics.median(waits) * 1000:.2f} ms,"
                    f" p99 {percentile(waits, 99):.2f} ms,"
                    f" max {max(waits) * 1000:.1f} ms (target p99 < 20)"
                )
            for label, w in (("review", watch), ("review + export", busy_watch)):
                print(
                    f"event loop during {label}: longest stretch without a turn"
                    f" {w.worst_cpu * 1000:.1f} ms CPU, {w.worst * 1000:.1f} ms by the clock"
                )
            where = "on the event loop" if on_loop else "each in a report process"
            print(
                f"meanwhile: {tapped} review taps, {exported} exports ({where}, every format:"
                f" {', '.join(f'{t:.1f}' for t in took)} s)"
            )
        finally:
            await store.close()
    again = (" --on-loop" if on_loop else "") + (" --cold" if cold else "")
    print(f"rerun: python bench/review_speed.py --comments {comments} --seconds {seconds}{again}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=16_000)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument(
        "--on-loop", action="store_true", help="build exports on this event loop (the old way)"
    )
    parser.add_argument(
        "--cold", action="store_true", help="no start-up warm-up of the codebook (as before)"
    )
    args = parser.parse_args()
    asyncio.run(main(args.comments, args.seconds, args.on_loop, args.cold))
