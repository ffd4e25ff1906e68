"""Shared fixtures: the real config and flows, a real SQLite file in a temp dir."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Settings, load_settings
from bot.service import Conversations, open_conversations
from bot.store import Store

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """The shipped config.yaml, pointed at a database in a temp dir."""
    base = load_settings(ROOT / "config.yaml")
    return base.model_copy(
        update={"database": tmp_path / "feedback.db", "flows_dir": ROOT / "flows"}
    )


@pytest.fixture
async def conversations(settings: Settings) -> AsyncIterator[Conversations]:
    service = await open_conversations(settings)
    try:
        yield service
    finally:
        await service.store.close()


@pytest.fixture
async def store(conversations: Conversations) -> Store:
    return conversations.store
