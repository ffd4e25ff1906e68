"""Making a file, or a name in a folder, survive a power cut.

``os.fsync`` on a file makes its bytes durable, but a new name (a rename or a link)
lives in the folder: until the folder is synced too, a crash can leave the bytes
with no name.  The key file and backups both depend on that.
"""

from __future__ import annotations

import os
from pathlib import Path


def fsync_path(path: Path) -> None:
    """Sync a file's contents, or a folder's entries, to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
