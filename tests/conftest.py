"""Shared fixtures: the real config, flows and catalogue, with a database in tmp_path."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Settings, load_settings
from bot.service import Conversations, open_conversations

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """config.yaml as shipped (every enabled language), storing in a fresh database."""
    shipped = load_settings(ROOT / "config.yaml")
    return shipped.model_copy(
        update={"database": tmp_path / "feedback.db", "flows_dir": ROOT / "flows"}
    )


@pytest.fixture
async def conversations(settings: Settings) -> AsyncIterator[Conversations]:
    conversations = await open_conversations(settings)
    yield conversations
    await conversations.store.close()
