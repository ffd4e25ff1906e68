"""Issue 14 item 3, "Busy": export, purge and backup while ~100 people answer at 30 updates/s.

The bot is the real PTB ``Application`` in its own process, polling the fake Bot API
on 127.0.0.1 (as in ``bench/telegram_e2e.py``).  Its database holds ``--comments``
comments in the week exported and ``--old`` sessions old enough to be purged.  Two
phases at a steady ``--rate`` for ``--seconds`` each:

- quiet: people answering, nothing else;
- busy: the same, while a staff member sends /export again and again (every
  format, made by the bot) and the bot's daily purge and backup jobs run (SIGUSR1
  and SIGUSR2 to the bot process run them at once, as at their hour); ``--jobs``
  chooses which of the three run, or ``counts``: the hourly job that keeps report
  counts warm (SIGHUP runs it at once; ``bot/report/warm.py``).

Two latencies are printed for each phase.  End to end runs from an update being
queued on the server to the person seeing that the bot has finished it, every reply
received.  The bot's own time runs from its handler starting to its last reply sent
(as the bot sees it): the issues' target, p99 < 20 ms at 30 updates/s.  A table
(``bench.e2e_driver.decompose``) splits each into its parts.  Also counted: any
"could not save" reply, and "locked" or ERROR in the bot's log.

    python bench/busy_e2e.py [--comments 16000] [--old 20000] [--rate 30] [--seconds 20]
                             [--jobs export,purge,backup,counts] [--comment-length 600]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import sqlite3
import struct
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.e2e_bots import SECRET  # noqa: E402
from bench.e2e_driver import (  # noqa: E402
    LONG,
    OURS,
    BotProcess,
    Person,
    Result,
    Server,
    decompose,
    own_time,
    percentile,
    run_paced,
    run_people,
)
from bot.roles import Roles  # noqa: E402
from bot.store import WAL_BACKSTOP_PAGES, Store  # noqa: E402

WEEK_AT = "2026-11-17T10:00:00+00:00"
STAFF_ID = 5_000_000
READY = "Here are the report files for 2026-W47."
DONE = (READY, "Another report is being made just now.", "Sorry, the report could not be made")
TEXTS = [
    "I waited six weeks for my first appointment, far too long.",
    "My keyworker changed three times and I had to repeat my story.",
    "The group sessions on a Tuesday really helped me.",
    "Nobody called me back after I left three messages.",
]


def with_comments_of(length: int) -> list[tuple[str, str]]:
    """The benchmark's person, each typed answer ``length`` characters long (0: as written).

    Free text is screened (risk, language, redaction) on the reply's path at ~4.7 us a
    character: the script's answers are 28-51 characters, real comments often hundreds."""
    if not length:
        return OURS
    long = f"{LONG}{length}"  # made anew for each answer by ``bench.e2e_driver.Person.step``
    return [(a, long if a == "send" and not arg.startswith("/") else arg) for a, arg in OURS]


def fill(database: Path, comments: int, old: int) -> None:
    """``comments`` finished sessions in 2026-W47, one comment each, and ``old`` sessions
    started 400 days ago with three answers each (for the purge), in one transaction."""
    long_ago = (datetime.now(UTC) - timedelta(days=400)).isoformat(timespec="seconds")
    conn = sqlite3.connect(database, timeout=30)
    (version,) = conn.execute(
        "SELECT max(version) FROM flow_versions WHERE flow_id = 'consultation'"
    ).fetchone()
    sessions, answers = [], []
    for i, at in [(i, WEEK_AT) for i in range(comments)] + [(i, long_ago) for i in range(old)]:
        sid = uuid.uuid4().hex
        head = (sid, f"filled_{at[:4]}_{i}", "telegram", "own_device", "consultation", version)
        sessions.append((*head, "en", None, None, None, "completed", at, at, at, "{}"))
        row = (sid, "consultation", version)
        answers.append((*row, "one_service_why", "text", TEXTS[i % len(TEXTS)], at))
        if at != WEEK_AT:
            answers.append((*row, "respondent_group", "choice", "service_user", at))
            answers.append((*row, "area", "choice", "cambridge", at))
    with conn:
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
    conn.close()


async def staff_member(server: Server, database: Path) -> Person:
    store = await Store.open(database)
    try:
        invite = await Roles(store, SECRET).create_invite("admin", None)
    finally:
        await store.close()
    staff = Person(server, STAFF_ID)
    await server.api.push({"message": command(staff, f"/join {invite.code}")})
    await server.api.wait_until(lambda: bool(staff.messages()), timeout=30)
    assert "joined" in staff.messages()[-1].text, staff.messages()[-1].text
    return staff


def command(person: Person, text: str) -> dict:
    message = person._message(text=text)
    length = len(text.split()[0])
    message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
    return message


async def exports(server: Server, staff: Person, stop: asyncio.Event) -> list[float]:
    """/export, again as soon as each is answered, until ``stop``; seconds each took."""
    took = []
    while not stop.is_set():
        before = len(staff.messages())
        start = time.perf_counter()
        await server.api.push({"message": command(staff, "/export 2026-W47")})

        def answered(before: int = before) -> bool:
            return any(m.text.startswith(DONE) for m in staff.messages()[before:])

        try:
            await server.api.wait_until(answered, timeout=300)
        except AssertionError:
            print("staff saw:", [m.text[:80] for m in staff.messages()])
            raise
        took.append(time.perf_counter() - start)
        if not staff.messages()[-1].text.startswith(READY):
            print("export answered:", staff.messages()[-1].text)
            # "Another report is being made just now" (the purge holds reports back while
            # it runs): asked again at once, 80 times in 15 s, that was a load of its own.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), 1.0)
    return took


class WalWatch:
    """How far the WAL got while in the block, sampled every 50 ms from the wal-index
    (the ``-shm`` file: ``mxFrame``, the frames in the WAL now, and ``nBackfill``, those
    already copied back by a checkpoint).  A reader holding an old snapshot (the report
    process) stops checkpoints at it and the WAL grows; the file's size would not say,
    since it stays at its largest until it is rewound."""

    def __init__(self, database: Path) -> None:
        self.shm = database.with_name(database.name + "-shm")
        self.frames = self.behind = 0
        """The most frames in the WAL, and the most not yet checkpointed."""
        self._task: asyncio.Task[None] | None = None

    def __enter__(self) -> WalWatch:
        async def watch() -> None:
            while True:
                with contextlib.suppress(OSError, struct.error):
                    with self.shm.open("rb") as f:
                        head = f.read(100)
                    frames, backfilled = (
                        struct.unpack_from("=I", head, 16)[0],
                        struct.unpack_from("=I", head, 96)[0],
                    )
                    self.frames = max(self.frames, frames)
                    self.behind = max(self.behind, frames - backfilled)
                await asyncio.sleep(0.05)

        self._task = asyncio.ensure_future(watch())
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()


def summary(label: str, result: Result, server: Server, cpu: float) -> str:
    """``cpu``: the bot process's CPU seconds meanwhile (every thread), a figure a shared
    machine's load does not move much, beside the clock's."""
    late = f", {result.late} sent late" if result.late else ""
    own = own_time(server, result)
    return (
        f"{label:6} {result.updates:5} updates at {result.rate:5.1f}/s:"
        f" bot's own time p50 {percentile(own, 50):5.1f} ms, p99 {percentile(own, 99):6.1f} ms"
        f" (target < 20); end to end p50 {result.pct(50):5.1f} ms, p99 {result.pct(99):6.1f} ms,"
        f" max {max(result.latencies) * 1000:6.1f} ms{late};"
        f" bot CPU {cpu / max(1, result.updates) * 1000:4.2f} ms/update; load {result.load}"
    )


async def main(args: argparse.Namespace) -> None:
    script = with_comments_of(args.comment_length)
    server = await Server().start()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        log = (workdir / "bot.log").open("w")
        bot = BotProcess("ours", server, workdir)
        ours = os.dup(2)
        os.dup2(log.fileno(), 2)  # the bot's log: its process inherits our stderr
        try:
            await bot.start()
        finally:
            os.dup2(ours, 2)
            os.close(ours)
        database = workdir / "ours.db"
        try:
            fill(database, args.comments, args.old)
            staff = await staff_member(server, database)
            await run_people(server, 1_000, 5)  # warm up
            with WalWatch(database) as quiet_wal:
                quiet_cpu = bot.cpu_seconds()
                quiet = await run_paced(server, 100_000, args.rate, args.seconds, script)
                quiet_cpu = bot.cpu_seconds() - quiet_cpu
            stop = asyncio.Event()
            if "export" in args.jobs:
                export_task = asyncio.ensure_future(exports(server, staff, stop))
            assert bot.proc is not None
            if "purge" in args.jobs:
                bot.proc.send_signal(signal.SIGUSR1)  # the daily purge, now
            if "backup" in args.jobs:
                bot.proc.send_signal(signal.SIGUSR2)  # the daily backup, now
            if "counts" in args.jobs:
                bot.proc.send_signal(signal.SIGHUP)  # the hourly report counts, now
            with WalWatch(database) as busy_wal:
                busy_cpu = bot.cpu_seconds()
                busy = await run_paced(server, 200_000, args.rate, args.seconds, script)
                busy_cpu = bot.cpu_seconds() - busy_cpu
            stop.set()
            took = await export_task if "export" in args.jobs else []
        finally:
            await bot.stop()
            await server.close()
        log.close()
        logged = (workdir / "bot.log").read_text()
        backups = sorted((workdir / "backups").glob("*")) if (workdir / "backups").exists() else []
        with sqlite3.connect(database) as conn:
            purged = conn.execute(
                "SELECT params FROM audit_log WHERE action = 'purge' ORDER BY rowid DESC LIMIT 1"
            ).fetchone()
    texts = [m["text"] for m in server.api.sent if m["chat"]["id"] != STAFF_ID]
    sorry = [t for t in texts if "could not save" in t or t.startswith("Sorry, something")]
    print(f"{args.comments:,} comments in the week exported; {args.old:,} old sessions to purge")
    print(summary("quiet", quiet, server, quiet_cpu))
    print(summary("busy", busy, server, busy_cpu))
    print(f"meanwhile: {len(took)} exports, every format ({', '.join(f'{t:.1f}' for t in took)} s)")
    print(f"purge job: {purged[0] if purged else 'did not run'}; backups made: {len(backups)}")
    print(
        f"WAL, most pages: quiet {quiet_wal.frames:,} ({quiet_wal.behind:,} not checkpointed);"
        f" busy {busy_wal.frames:,} ({busy_wal.behind:,}); the backstop is {WAL_BACKSTOP_PAGES:,}"
    )
    locked = logged.count("locked") + logged.count("not saved")
    errors = sum(1 for line in logged.splitlines() if " ERROR " in line or "Traceback" in line)
    print(f"people told it failed: {len(sorry)}; 'locked' or 'not saved' logged: {locked};", end="")
    print(f" errors logged: {errors}")
    print(decompose(server, quiet, "quiet"))
    print(decompose(server, busy, "busy"))
    print(
        f"rerun: python bench/busy_e2e.py --comments {args.comments} --old {args.old}"
        f" --rate {args.rate:g} --seconds {args.seconds:g} --jobs {','.join(args.jobs)}"
        + (f" --comment-length {args.comment_length}" if args.comment_length else "")
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=16_000)
    parser.add_argument("--old", type=int, default=20_000)
    parser.add_argument("--rate", type=float, default=30)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument(
        "--jobs",
        type=lambda text: text.split(","),
        default=["export", "purge", "backup"],
        help="what runs in the busy phase: any of export,purge,backup,counts (default: the"
        " first three; counts: the hourly job keeping report counts warm)",
    )
    parser.add_argument(
        "--comment-length",
        type=int,
        default=0,
        help="make each typed answer this many characters (default: the script's, 28-51)",
    )
    args = parser.parse_args()
    if not set(args.jobs) <= {"export", "purge", "backup", "counts"}:
        parser.error("--jobs: any of export,purge,backup,counts")
    if args.seconds > 120 or args.comments + args.old > 2_000_000:
        parser.error("keep runs bounded: --seconds <= 120, --comments + --old <= 2,000,000")
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    asyncio.run(main(args))
