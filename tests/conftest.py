"""Fixtures shared by every test: settings pointing at a fresh database in a temp dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """The project's config.yaml, with the database in a temp dir."""
    base = load_settings(ROOT / "config.yaml")
    return base.model_copy(
        update={"database": tmp_path / "feedback.db", "flows_dir": ROOT / "flows"}
    )
