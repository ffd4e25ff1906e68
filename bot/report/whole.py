"""Export files are written whole or not at all.

A report written straight under its final name and cut short (a full disk, the bot
killed half-way) looks like a finished report to whoever opens the folder next, and
it has already destroyed the complete file of the last export under that name.  So
each file is written beside its name and renamed over it only once it is complete.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


def write_whole(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write`` on a hidden ``.NAME.part`` beside ``path``, then rename it to
    ``path``; if anything fails the part is removed and ``path`` is as it was."""
    part = path.with_name(f".{path.name}.part")
    try:
        write(part)
        with open(part, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
