"""The bot's loop thread asks for a short time slice; work in the background does not.

Linux with EEVDF (6.6+) only, where ``sched_setattr`` takes a slice: elsewhere
``bot.cpu`` leaves the thread as it was, and these tests are skipped.
"""

from __future__ import annotations

import asyncio
import threading

import pytest

from bot.cpu import LOOP_SLICE_NS, ordinary_slice, short_slice, slice_of_this_thread


def _in_a_thread(work):  # type: ignore[no-untyped-def]
    """Run ``work`` in a fresh thread (so this test's own thread keeps its slice)."""
    out: list[object] = []
    thread = threading.Thread(target=lambda: out.append(work()))
    thread.start()
    thread.join()
    return out[0]


def _supported() -> bool:
    def probe() -> bool:
        return short_slice() and slice_of_this_thread() == LOOP_SLICE_NS

    return bool(_in_a_thread(probe))


pytestmark = pytest.mark.skipif(not _supported(), reason="no EEVDF slices here")


def test_the_bot_loop_runs_with_a_short_slice_and_a_backup_does_not():
    """``run_loop`` (what ``feedback-bot run`` uses) gives the loop's thread the short
    slice, so it gets a core soon after it wakes; the backup's niced thread, started
    from the loop, goes back to the ordinary slice rather than inheriting it."""
    from bot.background import low_priority
    from bot.telegram import run_loop

    seen: dict[str, int | None] = {}

    async def main() -> None:
        seen["loop"] = slice_of_this_thread()
        seen["database"] = await asyncio.to_thread(slice_of_this_thread)
        seen["backup"] = await low_priority(slice_of_this_thread)

    def run() -> dict[str, int | None]:
        ordinary_slice()
        seen["before"] = slice_of_this_thread()
        run_loop(main())
        return seen

    _in_a_thread(run)
    assert seen["loop"] == LOOP_SLICE_NS, seen
    assert seen["database"] == LOOP_SLICE_NS, seen  # threads on the reply's path keep it
    assert seen["backup"] == seen["before"] != LOOP_SLICE_NS, seen


def test_a_report_process_goes_back_to_the_ordinary_slice(monkeypatch):
    """A report process, forked from a server the loop's thread started, is niced and
    back on the ordinary slice: it must not wake ahead of the bot's loop."""
    import multiprocessing

    from bot.report import worker
    from bot.report.period import parse_week

    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe()
    monkeypatch.setattr(
        worker, "answer_on", lambda request, conn: conn.send(slice_of_this_thread())
    )
    request = worker.Request(task="summary", settings={}, period=parse_week("2026-W47"))

    def report_process() -> None:
        short_slice()  # as the bot's loop thread, which started the fork server, has it
        worker._child(request.model_dump_json().encode(), child)

    process = ctx.Process(target=report_process)
    process.start()
    process.join(30)
    assert parent.poll(5)
    assert parent.recv() != LOOP_SLICE_NS
