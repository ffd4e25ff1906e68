"""Helplines owed after Telegram failed to deliver them are stored: a restart does not lose
them, they are paid once, and they go with the person's data."""

from __future__ import annotations

from bot.service import Conversations
from bot.store import Store
from bot.telegram.alerts import OwedAlerts

ALERT = "If you are in danger now, call 999. Samaritans: 116 123."


async def test_owed_helplines_outlive_a_restart_and_are_paid_once(store: Store) -> None:
    await OwedAlerts(store).owe("key-a", ALERT)
    after_restart = OwedAlerts(store)  # a new process reads the same database
    assert await after_restart.take("key-b") is None
    assert await after_restart.take("key-a") == ALERT
    assert await after_restart.take("key-a") is None
    assert await OwedAlerts(store).take("key-a") is None  # and not again after another restart


async def test_owed_helplines_go_with_the_persons_last_session(
    conversations: Conversations, store: Store
) -> None:
    await conversations.start("key-a", "telegram", lang="en")
    await conversations.start("key-b", "telegram", lang="en")
    owed = OwedAlerts(store)
    await owed.owe("key-a", ALERT)
    await owed.owe("key-b", ALERT)
    await conversations.forget("key-a")  # /delete
    assert [tuple(r) for r in await store.read("SELECT respondent_key FROM owed_alerts")] == [
        ("key-b",)
    ]
    assert await OwedAlerts(store).take("key-a") is None
    assert await OwedAlerts(store).take("key-b") == ALERT


async def test_without_a_store_owed_helplines_are_held_in_memory() -> None:
    owed = OwedAlerts()
    await owed.owe("key-a", ALERT)
    assert await owed.take("key-a") == ALERT
    assert await owed.take("key-a") is None
