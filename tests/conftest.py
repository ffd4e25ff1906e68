"""Shared fixtures: the repository's settings and flows, and a real SQLite store in a temp dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings, load_settings
from bot.flows import Flow, load_flows
from bot.service import option_ids
from bot.store import Store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    base = load_settings(ROOT / "config.yaml")
    return base.model_copy(
        update={"database": tmp_path / "feedback.db", "flows_dir": ROOT / "flows"}
    )


@pytest.fixture
def flows(settings: Settings) -> dict[str, Flow]:
    return load_flows(settings.flows_dir, settings.languages, option_ids(settings))


@pytest.fixture
async def store(settings: Settings):
    store = await Store.open(settings.database)
    yield store
    await store.close()
