"""Where the bot's loop thread spends its CPU, per update: a sampling profiler for e2e runs.

``BENCH_SAMPLES=FILE python bench/busy_e2e.py ...`` (or ``broadcast_load.py``) makes the
bot under test (``bench/e2e_bots.py``) sample its loop thread's stack every millisecond by
the clock (``SIGALRM``; ``SIGPROF`` comes at the kernel's tick, 4 ms here), each sample
weighed by the loop thread's own CPU time since the one before and tagged with the update
whose task was running, and note each update's handling (start, end, loop CPU, what it
was).  At exit it writes them to FILE; ``python bench/loop_sampler.py FILE`` prints, per
kind of update, its own time, the loop's CPU meanwhile and its own sampled CPU; then, for
the slowest 1 % (by each), where their own CPU went and whose work shared their window.

A signal, not a thread: a sampling thread needs the GIL that the loop's thread holds
while it works, so it would see the loop only where the loop lets go (I/O), and would
slow it.  The handler runs on the loop's own thread between bytecodes.
"""

from __future__ import annotations

import atexit
import bisect
import collections
import pickle
import signal
import sys
import time
from contextvars import ContextVar
from pathlib import Path
from types import FrameType
from typing import Any

INTERVAL = 0.001
_SAMPLES: list[tuple[float, float, int, int]] = []
"""(monotonic time, loop thread CPU since the previous sample, stack id, the update whose
task was running or -1)."""
HANDLING: ContextVar[int] = ContextVar("handling", default=-1)
"""The update the running task handles: set by ``bench/e2e_bots.py``; the signal's handler
runs in the context of the task it interrupted."""
_STACKS: dict[tuple[str, ...], int] = {}
UPDATES: list[tuple[int, float, float, float, str]] = []
"""(update id, start, end, loop CPU, what it was): filled by ``bench/e2e_bots.py``."""
_LAST = [0.0]


def _where(frame: FrameType) -> str:
    code = frame.f_code
    path = code.co_filename
    for mark in ("/site-packages/", "/wt/", "/work/main/", "/lib/python3"):
        if mark in path:
            path = path.split(mark, 1)[1]
            break
    return f"{path}:{code.co_name}"


def _sample(signum: int, frame: FrameType | None) -> None:
    now_cpu = time.thread_time()
    spent = now_cpu - _LAST[0]
    _LAST[0] = now_cpu
    stack = []
    while frame is not None:
        stack.append(_where(frame))
        frame = frame.f_back
    key = tuple(stack)
    sid = _STACKS.get(key)
    if sid is None:
        sid = _STACKS[key] = len(_STACKS)
    _SAMPLES.append((time.monotonic(), spent, sid, HANDLING.get()))


def what(update: Any) -> str:
    """A short name for what an update was: a tap's data (ids cut), a command, or text."""
    query = getattr(update, "callback_query", None)
    if query is not None:
        data = str(query.data).split("|")[0]
        return "tap " + (data.rsplit(":", 1)[0] if data.count(":") > 2 else data)[:30]
    message = getattr(update, "message", None)
    text = getattr(message, "text", None) or ""
    if text.startswith("/"):
        return "command " + text.split()[0]
    return "text " + text[:30]


def install(path: str) -> None:
    """Start sampling (the loop's thread must be this, the main, thread); write at exit."""
    _LAST[0] = time.thread_time()
    signal.signal(signal.SIGALRM, _sample)
    signal.setitimer(signal.ITIMER_REAL, INTERVAL, INTERVAL)

    def write() -> None:
        signal.setitimer(signal.ITIMER_REAL, 0, 0)
        stacks = {sid: key for key, sid in _STACKS.items()}
        with open(path, "wb") as f:
            pickle.dump({"samples": _SAMPLES, "stacks": stacks, "updates": UPDATES}, f)

    atexit.register(write)


STAFF = ("command /export", "command /join")
"""Staff's updates: not people answering (the target is about those), and an /export's
handling lasts seconds."""


def _pick(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))] * 1000 if ordered else 0.0


def _functions(samples: list[tuple[float, float, int, int]], stacks: dict, n: int) -> list[str]:
    inclusive: collections.Counter[str] = collections.Counter()
    own: collections.Counter[str] = collections.Counter()
    for _, spent, sid, _ in samples:
        stack = stacks[sid]
        own[stack[0]] += spent
        for name in set(stack):
            inclusive[name] += spent
    lines = ["  inclusive ms/update:"]
    for name, spent in inclusive.most_common(40):
        lines.append(f"    {spent * 1000 / n:7.2f}  {name}")
    lines.append("  self ms/update:")
    for name, spent in own.most_common(25):
        lines.append(f"    {spent * 1000 / n:7.2f}  {name}")
    return lines


def report(path: Path, top: float = 1.0) -> str:
    """What the slowest ``top`` % of people's updates were and where the loop's CPU went."""
    data = pickle.loads(path.read_bytes())
    samples, stacks = data["samples"], data["stacks"]
    times = [s[0] for s in samples]
    kind_of = {u[0]: u[4] for u in data["updates"]}
    own_cpu: collections.Counter[int] = collections.Counter()
    for _, spent, _, uid in samples:
        own_cpu[uid] += spent
    updates = [u for u in data["updates"] if u[4] not in STAFF]
    by_kind: dict[str, list[tuple[float, float, float]]] = collections.defaultdict(list)
    for u in updates:
        by_kind[u[4][:40]].append((u[2] - u[1], u[3], own_cpu[u[0]]))
    lines = [
        "per kind of update, ms: n; own time p50 p99; loop CPU meanwhile p50 p99;"
        " its own sampled CPU p50 p99"
    ]
    for kind, rows in sorted(by_kind.items(), key=lambda kv: -len(kv[1])):
        cols = list(zip(*rows, strict=True))
        figures = " ".join(f"{_pick(list(c), q):6.2f}" for c in cols for q in (0.5, 0.99))
        lines.append(f"  {kind:34} {len(rows):5} {figures}")
    count = max(1, int(len(updates) * top / 100))
    for title, key in (
        ("own time", lambda u: u[2] - u[1]),
        ("loop CPU meanwhile", lambda u: u[3]),
        ("own sampled CPU", lambda u: own_cpu[u[0]]),
    ):
        chosen = sorted(updates, key=key)[-count:]
        mine, others = [], []
        who: collections.Counter[str] = collections.Counter()
        for uid, start, end, _, _ in chosen:
            lo, hi = bisect.bisect_left(times, start), bisect.bisect_right(times, end)
            for sample in samples[lo:hi]:
                if sample[3] == uid:
                    mine.append(sample)
                else:
                    others.append(sample)
                    who[kind_of.get(sample[3], "no update (polling, the loop, jobs)")] += sample[1]
        n = len(chosen)
        kinds = collections.Counter(u[4] for u in chosen)
        lines.append(
            f"== slowest {top:g}% by {title}: {n} updates ("
            + "; ".join(f"{k!r} x{c}" for k, c in kinds.most_common(6))
            + f"); own time {sum(u[2] - u[1] for u in chosen) * 1000 / n:.1f} ms each, their own"
            f" CPU {sum(s[1] for s in mine) * 1000 / n:.1f}, others' CPU in their windows"
            f" {sum(s[1] for s in others) * 1000 / n:.1f}"
        )
        lines.append(
            "  others, ms/update: "
            + "; ".join(f"{k} {v * 1000 / n:.1f}" for k, v in who.most_common(6))
        )
        lines.append(" THEIR OWN:")
        lines.extend(_functions(mine, stacks, n))
        lines.append(" OTHERS' IN THEIR WINDOWS:")
        lines.extend(_functions(others, stacks, n)[:20])
    everyone = [s for s in samples if s[3] in {u[0] for u in updates}]
    lines.append(f"== every person's update: {len(updates)}, own CPU per update")
    lines.extend(_functions(everyone, stacks, len(updates)))
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(Path(sys.argv[1]), float(sys.argv[2]) if len(sys.argv) > 2 else 1.0))
