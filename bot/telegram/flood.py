"""Inbound flood control, per person, in memory.

Someone who sends a burst of messages (a stuck key, a forwarded album, a
script) must not have every message stored as an answer.  Within one window the
first ``limit`` updates pass, the next one earns a "slow down", and the rest are
dropped until the window has room again.  A flood that goes on gets at most one
"slow down" per window, however often a slot frees up.  Keys are pseudonymous,
nothing here outlives the process, and people idle for a window are forgotten.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from enum import Enum

Clock = Callable[[], float]


class Verdict(Enum):
    PASS = "pass"
    WARN = "warn"
    DROP = "drop"


class FloodGate:
    def __init__(self, limit: int = 10, window: float = 5.0, clock: Clock = time.monotonic):
        self.limit = limit
        self.window = window
        self.clock = clock
        self._seen: dict[str, deque[float]] = {}
        self._warned: dict[str, float] = {}
        """When each person was last told to slow down."""
        self._alerted: dict[str, float] = {}
        """When each person was last shown the helplines for a message the flood dropped."""
        self._swept = 0.0

    def check(self, key: str) -> Verdict:
        now = self.clock()
        if now - self._swept >= self.window:
            # Once a window: memory follows the people active now, not everyone seen.
            self._swept = now
            self._forget_idle(now)
        seen = self._seen.setdefault(key, deque())
        while seen and now - seen[0] >= self.window:
            seen.popleft()
        if len(seen) < self.limit:
            seen.append(now)
            return Verdict.PASS
        warned = self._warned.get(key)
        if warned is not None and now - warned < self.window:
            return Verdict.DROP
        self._warned[key] = now
        return Verdict.WARN

    def alert_once(self, key: str) -> bool:
        """Whether a dropped message that reads as a disclosure may get the helplines now:
        once a window, however long the flood (one alert is enough; a flood of them is not)."""
        now = self.clock()
        at = self._alerted.get(key)
        if at is not None and now - at < self.window:
            return False
        self._alerted[key] = now
        return True

    @property
    def people(self) -> int:
        """People remembered (for tests and monitoring)."""
        return len(self._seen.keys() | self._warned.keys() | self._alerted.keys())

    def _forget_idle(self, now: float) -> None:
        """Drop people with no recent messages, so memory stays small on a long run."""
        idle = [k for k, seen in self._seen.items() if not seen or now - seen[-1] >= self.window]
        for key in idle:
            del self._seen[key]
        for key in [k for k, at in self._warned.items() if now - at >= self.window]:
            del self._warned[key]
        for key in [k for k, at in self._alerted.items() if now - at >= self.window]:
            del self._alerted[key]
