"""Shared fixtures: the real config and flows, a real SQLite file in a temp dir."""

from __future__ import annotations

import os
import subprocess
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.config import Disclosure, Settings, load_settings
from bot.flows import Flow, load_flows
from bot.safety import RiskScreen
from bot.service import Conversations, open_conversations, option_ids
from bot.store import Store

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Cases a wave's model is known to get wrong, listed by node id (``tests/known26.py``),
    are strict xfails: one list to read, and a fix flips them."""
    from tests.known26 import KNOWN

    for item in items:
        why = KNOWN.get(item.nodeid)
        if why is not None:
            item.add_marker(pytest.mark.xfail(strict=True, reason=why))


TEST_FLOWS = ROOT / "tests" / "data" / "flows"


class Clock:
    """A clock tests can set and move: ``clock.now = …``."""

    def __init__(self, now: datetime | None = None):
        self.now = now or datetime(2026, 1, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(scope="session")
def screen() -> RiskScreen:
    """The risk screen as the bot builds it: built-in phrases, rules and the model (a test
    file of the rules alone defines its own, with ``model=False``)."""
    return RiskScreen.from_config({})


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """The shipped config.yaml, pointed at a database in a temp dir.

    With ``disclosure.mode: cells``: the report tests were written for cell suppression
    in every table, and still test it; ``mode: base`` (the shipped default) has tests of
    its own (tests/test_report_disclosure.py, and both modes in the intruder test)."""
    base = load_settings(ROOT / "config.yaml")
    return base.model_copy(
        update={
            "database": tmp_path / "feedback.db",
            "flows_dir": ROOT / "flows",
            "disclosure": Disclosure(mode="cells"),
        }
    )


@pytest.fixture
def flows(settings: Settings) -> dict[str, Flow]:
    return load_flows(settings.flows_dir, settings.languages, option_ids(settings))


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def store(settings: Settings, clock: Clock) -> AsyncIterator[Store]:
    store = await Store.open(settings.database, clock=clock)
    yield store
    await store.close()


@pytest.fixture
async def conversations(settings: Settings, store: Store) -> Conversations:
    """The shipped flows over the temp database."""
    return await open_conversations(settings, store)


@pytest.fixture
async def tiny(settings: Settings, store: Store) -> Conversations:
    """Conversations over the tiny test flow, so tests reach a text question in two taps."""
    tiny_settings = settings.model_copy(update={"default_flow": "tiny", "languages": ["en"]})
    flows = load_flows(TEST_FLOWS, tiny_settings.languages, option_ids(tiny_settings))
    conversations = Conversations(tiny_settings, store, flows)
    await conversations.register_flows()
    return conversations


@pytest.fixture
def dump_tables():
    """Every row of every table as text, to search for what must never be stored."""

    async def dump(store: Store) -> str:
        async with store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'") as cur:
            tables = [row[0] for row in await cur.fetchall()]
        lines = []
        for table in tables:
            async with store.db.execute(f"SELECT * FROM {table}") as cur:
                lines.extend(f"{table}: {tuple(row)!r}" for row in await cur.fetchall())
        return "\n".join(lines)

    return dump


@pytest.fixture
def read_only() -> Iterator[Callable[[Path], None]]:
    """Make folders that even root cannot write in (root ignores modes: the folder is
    also made immutable where the file system allows)."""
    made: list[Path] = []

    def make(folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o555)
        if os.geteuid() == 0:
            done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
            if done.returncode != 0:
                pytest.skip("root, and chattr +i is not allowed here: no folder root cannot write")
        made.append(folder)

    yield make
    for folder in made:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)
