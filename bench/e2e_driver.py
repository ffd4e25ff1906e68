"""The load driver for the end-to-end benchmarks: a fake Bot API, scripted people, timings.

Three processes.  The people and their timetable run in this one; the fake Bot API
runs in a child process of its own (``bench/fake_server.py``, in a session of its own),
and the bot under test in another (``bench/e2e_bots.py``), so that no two share an
event loop or wait for a core behind each other's work.  The bot tells the server over
UDP on 127.0.0.1 when it has finished each update, with its own timings of it, and the
server passes that on to us after the messages the bot sent.  Every process reads the
same monotonic clock, so ``decompose`` can split each update's end-to-end latency into
where it went:

- waiting on the server until a ``getUpdates`` answer carried it (the bot asks again
  only when its loop gets round to it);
- from that answer to the bot's queue (HTTP, JSON, PTB's parsing);
- in the bot's queue until its handling began (PTB, the per-person order);
- the handling: **the bot's own time** (handler start to its last reply sent and
  answered), split into awaiting the database thread, awaiting Bot API calls, and the
  rest (Python on the bot's loop, and waiting for the loop);
- from the bot's note to the person seeing it (UDP, this process's loop).

End to end is what a person would wait, less Telegram's real network; the bot's own
time is what the issues' target (p99 < 20 ms) is about.  Both are printed.
"""

from __future__ import annotations

import asyncio
import gc
import itertools
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from tests.e2e.fakebotapi import FakeUser
from tests.e2e.fakebotapi.server import BOT_USER, STEP_TIMEOUT

ROOT = Path(__file__).resolve().parent.parent
TEXT = "The wait for a first appointment was long but the staff were kind."

# One person's way through service_feedback: 14 updates, every kind of step.
SCRIPT: list[tuple[str, str]] = [
    ("send", "/start"),
    ("tap", "Yes, I agree, let's start"),
    ("tap", "I use drug or alcohol services"),
    ("tap", "Cambridge hub"),
    ("tap", "Getting referred, or finding the service"),
    ("tap", "Treatment and support"),
    ("tap", "Done"),
    ("tap", "Satisfied"),
    ("send", TEXT),
    ("tap", "Very satisfied"),
    ("send", "More evening groups would help me keep my job."),
    ("tap", "Housing problems"),
    ("tap", "Done"),
    ("send", "Support for my family while I was in treatment."),
]
OURS = [*SCRIPT[:2], ("tap", "Good"), ("send", "Kind staff, but a long wait."), *SCRIPT[2:]]
"""Our service_feedback asks the NHS Friends and Family Test (and why) after consent
(flow version 3); the baseline bot does not."""
SCRIPTS = {"ours": OURS, "baseline": SCRIPT}


def run_delay(path: str = "/proc/thread-self/schedstat") -> float:
    """Seconds this thread (or the one at ``path``) has waited on a run queue: ready to
    run, no core free (Linux; 0 elsewhere)."""
    try:
        with open(path, "rb") as f:
            return int(f.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


def load_average() -> str:
    """The 1, 5 and 15 minute load averages (Linux; "" elsewhere)."""
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return ""


def percentile(seconds: list[float], p: float) -> float:
    """The ``p``-th percentile of durations given in seconds, in milliseconds (nearest rank,
    the value at or just above ``p`` % of them: the p99 of 600 is the 7th slowest)."""
    ordered = sorted(seconds)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))] * 1000


class LoopWatch:
    """The longest stretch this event loop's thread worked without coming back to a task
    that wants to run every 5 ms: in CPU time of the thread (``worst_cpu``: what holding
    up the loop means, whatever else the machine is doing) and by the clock (``worst``).

    Garbage from before is collected and frozen first: in a process holding earlier
    objects (a test late in the suite), a full collection of those on the loop thread
    (0.27-0.29 s seen) is that process's stall, not the code under watch.
    """

    def __init__(self, every: float = 0.005) -> None:
        self.every = every
        self.worst = self.worst_cpu = 0.0
        self._task: asyncio.Task[None] | None = None

    def __enter__(self) -> LoopWatch:
        gc.collect()
        gc.freeze()

        async def watch() -> None:
            while True:
                start, cpu = time.perf_counter(), time.thread_time()
                await asyncio.sleep(self.every)
                self.worst = max(self.worst, time.perf_counter() - start - self.every)
                self.worst_cpu = max(self.worst_cpu, time.thread_time() - cpu)

        self._task = asyncio.ensure_future(watch())
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()
        gc.unfreeze()


class RemoteAPI:
    """The fake Bot API as the people here see it: what the server in its own process
    (``bench/fake_server.py``) tells us, and updates pushed to it.  The same names as
    ``tests.e2e.fakebotapi.FakeBotAPI``, for what ``FakeUser`` and the benchmarks use."""

    bot_user = BOT_USER
    traced = True

    def __init__(self) -> None:
        self.port = 0
        self.messages: dict[int, dict[str, Any]] = {}
        """Bot messages by id, as they stand now (edits applied)."""
        self.sent: list[dict[str, Any]] = []
        self.calls: list[str] = []
        self.on_bot_message: Callable[[dict[str, Any]], None] | None = None
        self._processed: dict[int, asyncio.Event] = {}
        self._changed = asyncio.Condition()
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(10**9)
        """The people's own message ids, apart from the bot's (the server's, from 1)."""
        self._writer: asyncio.StreamWriter | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    def next_message_id(self) -> int:
        return next(self._message_ids)

    async def push(self, update: dict[str, Any]) -> int:
        """Queue an update for the bot (on the server) and return its id."""
        assert self._writer is not None
        update_id = next(self._update_ids)
        self._processed[update_id] = asyncio.Event()
        self._writer.write(orjson.dumps({"push": {"update_id": update_id, **update}}) + b"\n")
        return update_id

    def processed(self, update_id: int) -> None:
        event = self._processed.get(update_id)
        if event is not None:
            event.set()

    async def settled(self, update_id: int, timeout: float = STEP_TIMEOUT) -> None:
        try:
            await asyncio.wait_for(self._processed[update_id].wait(), timeout)
        except TimeoutError:
            message = f"the bot did not finish update {update_id} in {timeout}s"
            raise AssertionError(message) from None

    async def wait_until(self, ready: Callable[[], bool], timeout: float = STEP_TIMEOUT) -> None:
        async with self._changed:
            try:
                await asyncio.wait_for(self._changed.wait_for(ready), timeout)
            except TimeoutError:
                raise AssertionError(f"the bot did not reply as expected in {timeout}s") from None

    async def _message(self, message: dict[str, Any], edited: bool) -> None:
        known = self.messages.get(message["message_id"])
        if edited and known is not None:
            known.clear()
            known.update(message)  # the same dict the people hold: they see the edit
        else:
            self.messages[message["message_id"]] = message
            self.sent.append(message)
            if self.on_bot_message:
                self.on_bot_message(message)
        async with self._changed:
            self._changed.notify_all()


class Server:
    """The fake Bot API in its own process, with each chat's messages indexed here so a
    person finds theirs fast."""

    def __init__(self) -> None:
        self.api = RemoteAPI()
        self.by_chat: dict[int, list[dict[str, Any]]] = {}
        self.trace_port = 0
        self.queued: dict[int, float] = {}
        """When each update was pushed (a person sent it)."""
        self.delivered: dict[int, float] = {}
        """When a ``getUpdates`` answer first carried it."""
        self.timings: dict[int, tuple[float, ...]] = {}
        """The bot's note (``bench/e2e_bots.py``), then when it was received by the server."""
        self.runq: dict[int, float] = {}
        """How long the server's process waited for a core while each update was in hand:
        the machine, not the bot."""
        self._proc: subprocess.Popen[bytes] | None = None
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self._listener: asyncio.AbstractServer | None = None
        self._reading: asyncio.Task[None] | None = None
        self._schedstat = ""

    async def start(self) -> Server:
        self._folder = tempfile.TemporaryDirectory()
        control = str(Path(self._folder.name) / "control")
        connected: asyncio.Future[tuple[asyncio.StreamReader, asyncio.StreamWriter]]
        connected = asyncio.get_running_loop().create_future()

        def accept(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            if not connected.done():
                connected.set_result((reader, writer))

        self._listener = await asyncio.start_unix_server(accept, control, limit=2**24)
        # A session of its own: Linux schedules it as its own group (autogroup), apart
        # from the people here, as Telegram's servers are apart from the bot's machine.
        self._proc = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "bench" / "fake_server.py"),
                "--control",
                control,
                "--nice",
                os.environ.get("BENCH_SERVER_NICE", "-10"),
            ],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            start_new_session=True,
        )
        self._schedstat = f"/proc/{self._proc.pid}/task/{self._proc.pid}/schedstat"
        reader, writer = await asyncio.wait_for(connected, 120)
        self.api._writer = writer
        ready = orjson.loads(await asyncio.wait_for(reader.readline(), 120))
        self.api.port, self.trace_port = ready["ready"]
        self.api.on_bot_message = lambda m: self.by_chat.setdefault(m["chat"]["id"], []).append(m)
        self._reading = asyncio.ensure_future(self._read(reader))
        return self

    def server_run_delay(self) -> float:
        """Seconds the server's process (its loop's thread) has waited for a core so far."""
        return run_delay(self._schedstat)

    async def _read(self, reader: asyncio.StreamReader) -> None:
        api = self.api
        while line := await reader.readline():
            event = orjson.loads(line)
            if "m" in event:
                await api._message(event["m"], bool(event.get("e")))
            elif "g" in event:
                api.calls.append("getUpdates")
                for update_id in event["g"]:
                    self.delivered.setdefault(update_id, event["at"])
            elif "c" in event:
                api.calls.append(event["c"])
            elif "d" in event:
                fields = event["d"].split()
                update_id = int(fields[0])
                if len(fields) > 1:
                    self.timings[update_id] = (*map(float, fields[1:]), event["at"])
                api.processed(update_id)

    async def close(self) -> None:
        if self.api._writer is not None:
            self.api._writer.close()
        if self._proc is not None:
            try:
                await asyncio.wait_for(asyncio.to_thread(self._proc.wait), 10)
            except TimeoutError:
                self._proc.kill()
        if self._reading is not None:
            self._reading.cancel()
        if self._listener is not None:
            self._listener.close()
        if self._folder is not None:
            self._folder.cleanup()


LONG = "long comment of "
"""A typed answer ``LONG + "600"`` is sent as a comment of 600 characters, its sentences in
an order of its own (a text screened before is not screened again: ``bot.safety.normalise``
keeps the last 4,096), from these."""
_SENTENCES = [
    "I waited six weeks for my first appointment, far too long.",
    "My keyworker changed three times and I had to repeat my story.",
    "The group sessions on a Tuesday really helped me.",
    "Nobody called me back after I left three messages.",
    "The reception staff were kind when I was struggling.",
    "It would help to have evening appointments for people who work.",
    "The building is hard to find and the sign is broken.",
    "My family felt left out of the plan.",
]
_LONG_SEED = iter(range(10**9))


def long_comment(length: int) -> str:
    """A comment of about ``length`` characters, different each time."""
    rng = random.Random(next(_LONG_SEED))
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < length:
        words.extend(rng.sample(_SENTENCES, len(_SENTENCES)))
    return " ".join(words)[:length].rsplit(" ", 1)[0] + "."


class Person(FakeUser):
    """A scripted person who looks only at their own chat (the server-wide scan is O(n))."""

    def __init__(self, server: Server, user_id: int):
        super().__init__(server.api, user_id)
        self.server = server
        self.last_update_id = 0

    def messages(self):  # type: ignore[no-untyped-def]
        from tests.e2e.fakebotapi.user import shown

        return [shown(m) for m in self.server.by_chat.get(self.id, [])]

    async def step(self, action: str, arg: str) -> float:
        """Do one scripted thing; returns seconds from update queued to bot done."""
        if action == "send":
            if arg.startswith(LONG):
                arg = long_comment(int(arg.removeprefix(LONG)))
            message = self._message(text=arg)
            if arg.startswith("/"):
                message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(arg)}]
            update: dict[str, Any] = {"message": message}
        else:
            target = self._with_button(arg, None)
            data = target.data_for(arg)
            assert data is not None
            update = {
                "callback_query": {
                    "id": f"{self.id}-{time.monotonic_ns()}",
                    "from": self.profile,
                    "message": self.api.messages[target.message_id],
                    "chat_instance": str(self.id),
                    "data": data,
                }
            }
        began = time.monotonic()  # the clock the bot's notes use (and perf_counter's, on Linux)
        runq = self.server.server_run_delay()
        update_id = await self.api.push(update)
        self.server.queued[update_id] = began
        self.last_update_id = update_id
        await self.api.settled(update_id, timeout=30)
        self.server.runq[update_id] = self.server.server_run_delay() - runq
        return time.monotonic() - began


@dataclass
class Result:
    updates: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)
    """The update id of each latency, in the same order (for ``decompose``)."""
    late: int = 0
    """Paced updates that could not go on time because every person was busy."""
    load: str = ""
    """The machine's load averages (1, 5, 15 min) when the run began and ended: the
    machine is shared, and the tail follows its load."""
    bot_cpu: float = 0.0
    driver_cpu: float = 0.0
    """CPU seconds used meanwhile by the bot's process and by the server + people's one."""

    @property
    def rate(self) -> float:
        return self.updates / self.seconds if self.seconds else 0.0

    def pct(self, p: float) -> float:
        return percentile(self.latencies, p)


PARTS = (
    ("waiting on the server for getUpdates", "server"),
    ("getUpdates answer -> bot's queue", "transit"),
    ("bot's queue -> handler starts", "queue"),
    ("BOT'S OWN TIME: handler start -> last reply sent", "own"),
    ("  awaiting the database thread, queued", "db_wait"),
    ("  awaiting the database thread, working", "db_work"),
    ("    of which blocked (GIL, a lock, the disk)", "db_blocked"),
    ("  database done -> handler runs again", "db_back"),
    ("  small writes on the loop's own thread", "db_here"),
    ("  awaiting Bot API calls (the replies)", "api"),
    ("  the rest: Python on the loop, waiting for it", "rest"),
    ("  (CPU meanwhile: the loop's thread)", "loop_cpu"),
    ("  (CPU meanwhile: the whole bot process)", "process_cpu"),
    ("  (loop thread waiting for a core meanwhile)", "loop_runq"),
    ("  (database thread waiting for a core, queued)", "db_runq"),
    ("  (garbage collection in the bot meanwhile)", "gc"),
    ("  (the fake server waiting for a core meanwhile)", "server_runq"),
    ("bot done -> the person sees it", "told"),
    ("END TO END: queued -> the person sees it", "e2e"),
)


def parts(server: Server, result: Result) -> dict[str, list[float]]:
    """Each update's latency split into ``PARTS`` (seconds), for the updates the bot
    sent timings of, in ``result``'s order."""
    out: dict[str, list[float]] = {key: [] for _, key in PARTS}
    for update_id, latency in zip(result.ids, result.latencies, strict=True):
        timing = server.timings.get(update_id)
        queued = server.queued.get(update_id)
        delivered = server.delivered.get(update_id)
        if timing is None or queued is None or delivered is None:
            continue
        arrived, start, end, db_wait, db_work, db_back, api, loop_cpu, process_cpu = timing[:9]
        loop_runq, db_runq, collected, db_blocked = (
            timing[10:14] if len(timing) > 14 else (0.0, 0.0, 0.0, 0.0)
        )
        db_here = timing[14] if len(timing) > 15 else 0.0
        own = end - start
        for key, value in (
            ("server", delivered - queued),
            ("transit", arrived - delivered),
            ("queue", start - arrived),
            ("own", own),
            ("db_wait", db_wait),
            ("db_work", db_work),
            ("db_blocked", db_blocked),
            ("db_back", db_back),
            ("api", api),
            ("db_here", db_here),
            ("rest", own - db_wait - db_work - db_back - db_here - api),
            ("loop_cpu", loop_cpu),
            ("process_cpu", process_cpu),
            ("loop_runq", loop_runq),
            ("db_runq", db_runq),
            ("gc", collected),
            ("server_runq", server.runq.get(update_id, 0.0)),
            ("told", queued + latency - end),
            ("e2e", latency),
        ):
            out[key].append(value)
    return out


def decompose(server: Server, result: Result, label: str = "") -> str:
    """A table of where each update's time went: p50 and p99 of each part, and each
    part's mean over the slowest 1% of updates end to end (where the p99 goes)."""
    split = parts(server, result)
    n = len(split["e2e"])
    if not n:
        return f"{label}: no timings from the bot"
    slowest = sorted(range(n), key=lambda i: split["e2e"][i])[-max(1, n // 100) :]
    lines = [
        f"{label + ': ' if label else ''}where the time goes, ms ({n} updates;"
        f" the slowest 1% = {len(slowest)})",
        f"  {'':50} {'p50':>6} {'p99':>6} {'slowest 1%':>10}",
    ]
    for name, key in PARTS:
        values = split[key]
        worst = sum(values[i] for i in slowest) / len(slowest) * 1000
        lines.append(
            f"  {name:50} {percentile(values, 50):6.1f} {percentile(values, 99):6.1f} {worst:10.1f}"
        )
    return "\n".join(lines)


def own_time(server: Server, result: Result) -> list[float]:
    """The bot's own time of each update (seconds): handler start to last reply sent.

    With ``BENCH_DUMP=FILE`` each call also appends them to FILE as a JSON line, in
    the order the phases are printed, so several runs' updates can be pooled for one p99."""
    own = parts(server, result)["own"]
    if os.environ.get("BENCH_DUMP"):
        import json

        with open(os.environ["BENCH_DUMP"], "a") as f:
            f.write(json.dumps({"own": own, "load": result.load}) + "\n")
    return own


async def run_people(
    server: Server, first_id: int, people: int, script: list[tuple[str, str]] = OURS
) -> Result:
    """Everyone at once, each as fast as the bot answers: the bot's maximum."""
    result = Result()

    async def one(user_id: int) -> None:
        person = Person(server, user_id)
        for action, arg in script:
            result.latencies.append(await person.step(action, arg))
            result.ids.append(person.last_update_id)

    began = time.perf_counter()
    await asyncio.gather(*(one(first_id + i) for i in range(people)))
    result.seconds = time.perf_counter() - began
    result.updates = len(result.latencies)
    return result


async def run_paced(
    server: Server,
    first_id: int,
    rate: float,
    seconds: float,
    script: list[tuple[str, str]] = OURS,
) -> Result:
    """Updates sent on a fixed timetable (``rate`` a second), whatever the bot does."""
    result = Result()
    total = int(rate * seconds)
    began = time.perf_counter()
    at_start = load_average()
    slots = iter(range(total))

    async def one(user_id: int) -> None:
        person = Person(server, user_id)
        for action, arg in script:
            slot = next(slots, None)
            if slot is None:
                return
            due = began + slot / rate
            wait = due - time.perf_counter()
            if wait > 0:
                await asyncio.sleep(wait)  # pacing the load, not waiting for the bot
            elif wait < -0.005:
                result.late += 1
            result.latencies.append(await person.step(action, arg))
            result.ids.append(person.last_update_id)

    # Enough people that someone is always free to send the next update on time.
    people = max(8, int(rate * 2))
    await asyncio.gather(*(one(first_id + i) for i in range(people + total // len(script) + 1)))
    result.seconds = time.perf_counter() - began
    result.load = f"{at_start} -> {load_average()}"
    result.updates = len(result.latencies)
    return result


class BotProcess:
    """One bot in a child process, against our server; stopped with SIGTERM."""

    def __init__(self, kind: str, server: Server, workdir: Path, profile: str | None = None):
        self.kind, self.server, self.workdir, self.profile = kind, server, workdir, profile
        self.proc: subprocess.Popen[bytes] | None = None

    async def start(self) -> BotProcess:
        before = self.server.api.calls.count("getUpdates")
        command = [
            sys.executable,
            str(ROOT / "bench" / "e2e_bots.py"),
            self.kind,
            "--base-url",
            self.server.api.base_url,
            "--trace-port",
            str(self.server.trace_port),
            "--workdir",
            str(self.workdir),
        ]
        if self.profile:
            command = [
                sys.executable,
                "-m",
                "pyinstrument",
                "-o",
                self.profile,
                "-r",
                "text",
                *command[1:],
            ]
        # The bot in a session of its own, so Linux schedules it as its own group
        # (autogroup), apart from this load generator and the fake server, as a service
        # is in production (a systemd unit has its own cgroup; the people and Telegram are
        # not on the machine).  BENCH_OWN_SESSION=0: in this process's group, as before.
        own = os.environ.get("BENCH_OWN_SESSION", "1") == "1"
        self.proc = subprocess.Popen(
            command, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, start_new_session=own
        )
        if own and os.environ.get("BENCH_BOT_NICE"):
            # On a machine shared with other work (other people's test suites), the
            # bot's group at nice -10 as the rest of the benchmark is, so that a
            # comparison is of the code, not of what else ran meanwhile.
            with open(f"/proc/{self.proc.pid}/autogroup", "w") as f:
                f.write(os.environ["BENCH_BOT_NICE"])
        # Polling has begun once the bot asks for updates (no event for that: poll, bounded).
        deadline = time.monotonic() + 120  # a loaded machine: start-up's imports took 20 s+
        while self.server.api.calls.count("getUpdates") <= before:
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError(f"the {self.kind} bot did not start polling")
            await asyncio.sleep(0.02)
        if self.kind.startswith("ours"):
            await self._after_first_backup()
        return self

    async def _after_first_backup(self) -> None:
        """Wait for the backup our bot makes ~10 s after it starts with none made yet
        (``bot.telegram.jobs.BACKUP_FIRST``): a start-up event, not the steady state.

        Measured from the start, it fell inside the "quiet" phase (and inside both runs
        of bench/broadcast_load.py): its copy and ``integrity_check`` took a core, and
        the quiet phase's slowest updates were those meanwhile (the database thread
        waiting 122 ms for a core, load 5).  ``busy_e2e.py --jobs backup`` measures a
        backup on purpose."""
        folder = self.workdir / "backups"
        deadline = time.monotonic() + 60
        while not any(folder.glob("feedback-*.db")):
            if time.monotonic() > deadline or (self.proc and self.proc.poll() is not None):
                raise RuntimeError(f"the {self.kind} bot made no backup in 60 s after starting")
            await asyncio.sleep(0.1)

    def cpu_seconds(self) -> float:
        """User + system CPU time the bot process has used so far."""
        assert self.proc is not None
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    async def stop(self) -> None:
        if self.proc is None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(asyncio.to_thread(self.proc.wait), 30)
        except TimeoutError:
            self.proc.kill()
            raise
