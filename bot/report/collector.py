"""The cyclic garbage collector, held off while a report is made.

A month's export with a 12-month trend builds six reports and suppresses them against
the publication ledger: hundreds of thousands of short-lived tuples, dicts and
pydantic models, most of them alive until the export ends.  Python's collector,
counting those allocations, kept walking every live object (the report's and the
whole process's) looking for cycles that were not there: about a tenth of the
export's CPU on a 1M-answer database (docs/benchmarks.md, issue 17).  Reference
counting still frees everything at once; the cycles an export leaves are collected
when the collector resumes.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Hold off cyclic collection for the block; on again afterwards, even on error,
    unless it was already off (an enclosing ``paused``, or the process's own choice)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
