"""The event loop's thread asks the kernel to be woken first: a short time slice.

On a small server the bot's loop shares two cores with the report process, backups,
the database thread and whatever else runs there.  Linux's scheduler (EEVDF, from
6.6) picks among ready threads by a virtual deadline: the time a thread was owed
plus its *slice* (1.4 ms here by default).  A thread that asks for a shorter slice
gets an earlier deadline each time it wakes, so it runs sooner when it becomes
ready (from 6.12 it may also cut short the thread that has the core), and it gives
the core back sooner in exchange.  That is the bot's loop: it sleeps, wakes for an
update or a Bot API answer, works a millisecond or so, and sleeps again; the time
it waited for a core was the largest part of its slowest updates (bench/busy_e2e.py).

No privilege is needed and nothing else changes: the thread's share of the CPU
(its nice value) stays the same.  On other systems, older kernels or when refused,
it is silently left as it was.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import platform
import struct

LOOP_SLICE_NS = 100_000
"""The loop thread's slice: 0.1 ms, the smallest Linux accepts."""

_SYSCALLS = {"x86_64": (314, 315), "aarch64": (274, 275)}
"""sched_setattr and sched_getattr by machine (their numbers differ by architecture)."""
_ATTR = struct.Struct("IIQiIQQQII")
"""struct sched_attr (version 1, 56 bytes): size, policy, flags, nice, priority,
runtime (the slice, for SCHED_OTHER), deadline, period, util min and max."""
_SCHED_OTHER = 0


def _call(number: int, *args: object) -> bool:
    libc = ctypes.CDLL(None, use_errno=True)
    return libc.syscall(number, *args) == 0


def slice_of_this_thread() -> int | None:
    """This thread's slice in nanoseconds, or None where it cannot be read."""
    numbers = _SYSCALLS.get(platform.machine())
    if numbers is None or not hasattr(os, "getpriority"):
        return None
    buffer = ctypes.create_string_buffer(_ATTR.size)
    with contextlib.suppress(OSError, AttributeError):
        if _call(numbers[1], 0, buffer, _ATTR.size, 0):
            return int(_ATTR.unpack(buffer.raw)[5])
    return None


def short_slice(nanoseconds: int = LOOP_SLICE_NS) -> bool:
    """Ask for a short slice for the calling thread (see the module's docstring).

    Threads and processes it starts later inherit it: the database thread should (it
    is on every update's path), work in the background should not
    (``ordinary_slice``).  True if the kernel took it.  Only for an ordinary
    (SCHED_OTHER) thread; its nice value is passed back unchanged."""
    return _set_slice(nanoseconds)


def ordinary_slice() -> bool:
    """Back to the kernel's default slice, for the calling thread: a backup or a report
    started from the loop's thread would otherwise inherit its short one."""
    return _set_slice(0)


def _set_slice(nanoseconds: int) -> bool:
    numbers = _SYSCALLS.get(platform.machine())
    if numbers is None or not hasattr(os, "getpriority"):
        return False
    with contextlib.suppress(OSError, AttributeError):
        if os.sched_getscheduler(0) != _SCHED_OTHER:
            return False
        nice = os.getpriority(os.PRIO_PROCESS, 0)
        attr = _ATTR.pack(_ATTR.size, _SCHED_OTHER, 0, nice, 0, nanoseconds, 0, 0, 0, 0)
        return _call(numbers[0], 0, ctypes.create_string_buffer(attr, _ATTR.size), 0)
    return False
