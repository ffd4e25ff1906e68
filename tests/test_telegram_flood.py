"""Flood control: a burst earns one warning, then silence until the window has room."""

from __future__ import annotations

from bot.service import open_conversations
from bot.telegram.flood import FloodGate, Verdict
from bot.telegram.handlers import TelegramChannel


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_burst_passes_limit_then_warns_once_then_drops():
    clock = Clock()
    gate = FloodGate(limit=3, window=5, clock=clock)
    verdicts = [gate.check("k") for _ in range(6)]
    assert verdicts == [Verdict.PASS] * 3 + [Verdict.WARN] + [Verdict.DROP] * 2


def test_window_frees_up_and_warning_can_come_again():
    clock = Clock()
    gate = FloodGate(limit=2, window=5, clock=clock)
    assert [gate.check("k") for _ in range(3)][-1] is Verdict.WARN
    clock.now += 5
    assert gate.check("k") is Verdict.PASS
    assert gate.check("k") is Verdict.PASS
    assert gate.check("k") is Verdict.WARN


def test_people_are_counted_separately():
    gate = FloodGate(limit=1, window=5, clock=Clock())
    assert gate.check("a") is Verdict.PASS
    assert gate.check("b") is Verdict.PASS
    assert gate.check("a") is Verdict.WARN


def test_idle_people_are_forgotten():
    clock = Clock()
    gate = FloodGate(limit=1, window=5, clock=clock)
    for i in range(1001):
        gate.check(f"p{i}")
    clock.now += 6
    gate.check("late")
    assert set(gate._seen) == {"late"}


async def test_the_bot_enforces_the_configured_limit(settings):
    """An operator who raises the limit (peer workers typing forms fast) gets it."""
    roomy = settings.model_copy(update={"flood_limit": 25, "flood_window_seconds": 8.0})
    conversations = await open_conversations(roomy)
    try:
        gate = TelegramChannel(conversations, b"secret").flood
        verdicts = [gate.check("k") for _ in range(26)]
        assert verdicts == [Verdict.PASS] * 25 + [Verdict.WARN]
        assert gate.window == 8.0
    finally:
        await conversations.store.close()
