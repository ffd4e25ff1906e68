"""A disk that really fills while answers and a broadcast's marks are written on the
loop's own thread (attack19b).

``PRAGMA max_page_count`` (the other disk-full tests) fails a statement that needs a new
page of the database.  A real full disk fails elsewhere: at COMMIT, when the WAL cannot
grow, and for a change in place too (a broadcast's mark needs no new page, so
max_page_count can never fail it).  This runs tests/attack19b_full_disk.py on a tmpfs
of its own, in a private mount namespace (``unshare``); skipped where that is not
allowed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def _unshare(folder: Path) -> str | None:
    """``unshare`` if it can mount a tmpfs on ``folder`` in a namespace of its own."""
    tool = shutil.which("unshare")
    if tool is None or sys.platform != "linux":
        return None
    mount = f"mount -t tmpfs -o size=64k tmpfs {folder}"
    probe = subprocess.run([tool, "-rm", "sh", "-c", mount], capture_output=True, timeout=10)
    return tool if probe.returncode == 0 else None


def test_a_full_disk_at_commit_on_the_loop_stores_nothing_and_sends_nobody_twice(tmp_path):
    folder = tmp_path / "small"
    folder.mkdir()
    tool = _unshare(folder)
    if tool is None:
        pytest.skip("no private mount namespace here (unshare -rm) for a small tmpfs")
    script = (
        f"mount -t tmpfs -o size=4m tmpfs {folder} && exec {sys.executable}"
        f" {ROOT / 'tests' / 'attack19b_full_disk.py'} {folder}"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [tool, "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=60, env=env
    )
    assert run.returncode == 0, run.stderr[-3000:]
    found = json.loads(run.stdout.strip().splitlines()[-1])
    # The answer: SQLITE_FULL at its commit on the loop's thread, told as "full" (the
    # person's "could not save"), nothing of it stored, nor the update marked handled.
    assert found["answer"] == "SQLITE_FULL" and found["answer_trouble"] == "full", found
    assert found["answer_commit_on_loop"] and not found["in_transaction"], found
    assert found["answers"] == {"a": "first"} and not found["recorded"], found
    # The broadcast: stopped at the mark after person 15; after room, nobody twice, nobody
    # skipped, the one whose outcome went with the failed mark counted as perhaps sent.
    assert found["last_before_room"] == 15, found
    assert found["sent_twice"] == [] and found["skipped"] == [], found
    assert found["tally"] == ["done", 29, 1, 0], found
    assert found["after_room"] and found["answers_after"] == {"a": "first", "c": "after"}
    assert found["integrity"] == "ok"
