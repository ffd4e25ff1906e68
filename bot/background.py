"""Work the bot does beside people's answers, in a thread at a lower CPU priority.

The daily backup copies and checks the whole database (seconds of CPU and disk on a
large one) in a thread of the bot's own process.  At the normal priority it took one
of a small server's two cores from the bot and the report worker just when people
were answering.  On Linux a thread has a priority of its own, so the thread that
makes the backup is niced (``NICE``) and people's answers come first; SQLite does
the copying with the GIL released, so the event loop is not held up by it.  (The
copy is one step of SQLite's backup API on purpose: a paced backup, some pages at a
time, starts again whenever another connection writes, and the bot writes all day.)
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

NICE = 10
"""How much lower than the bot the thread runs (as ``nice``: 0 the same, 19 the lowest)."""


async def low_priority(work: Callable[[], T], name: str = "background") -> T:
    """``work()`` in a new thread niced by ``NICE``; its result (or exception) here."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[T] = loop.create_future()

    def settle(result: T | None, error: BaseException | None) -> None:
        if done.done():  # the caller was cancelled meanwhile
            return
        if error is not None:
            done.set_exception(error)
        else:
            done.set_result(result)  # type: ignore[arg-type]

    def run() -> None:
        with contextlib.suppress(OSError, AttributeError):
            # This thread only (its own id): the bot's loop keeps its priority.
            tid = threading.get_native_id()
            os.setpriority(os.PRIO_PROCESS, tid, os.getpriority(os.PRIO_PROCESS, tid) + NICE)
        try:
            result = work()
        except BaseException as exc:  # handed to the awaiting task, raised there
            loop.call_soon_threadsafe(settle, None, exc)
        else:
            loop.call_soon_threadsafe(settle, result, None)

    threading.Thread(target=run, name=name).start()
    return await done
