"""``feedback-bot run`` refuses to start without what it needs, and says what to do."""

from __future__ import annotations

import pytest

from bot.cli import main
from tests.conftest import ROOT


def test_run_without_token_points_to_chat(monkeypatch, capsys):
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    assert main(["--config", str(ROOT / "config.yaml"), "run"]) == 2
    err = capsys.readouterr().err
    assert "TELEGRAM_BOT_TOKEN" in err and "feedback-bot chat" in err


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({"FEEDBACK_BOT_TELEGRAM__WEBHOOK__URL": "https://bot.example.org/tg"}, "SECRET"),
        ({"TELEGRAM_WEBHOOK_SECRET": "s3cret"}, "telegram.webhook.url"),
    ],
)
def test_webhook_mode_needs_secret_and_url(monkeypatch, capsys, env, missing):
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:abc")
    monkeypatch.setenv("FEEDBACK_BOT_TELEGRAM__MODE", "webhook")
    monkeypatch.delenv("TELEGRAM_WEBHOOK_SECRET", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert main(["--config", str(ROOT / "config.yaml"), "run"]) == 2
    assert missing in capsys.readouterr().err
