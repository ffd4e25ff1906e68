"""attack26: helplines owed after a Telegram outage (``owed_alerts``, 942e491) are kept no
longer than the person's data.

A row there says "this pseudonymous key was sent helplines for a disclosure": what is kept
about a person at risk must go with the rest of their data, at the latest when the
retention period ends.  A disclosure can be owed by someone with no session at all: a photo
whose caption says it, an edited message, a disclosure after /delete, a flood's dropped
message (each is read for risk by ``signpost`` without starting a form)."""

from __future__ import annotations

from datetime import timedelta

from bot.config import Settings
from bot.retention import purge_expired
from bot.service import Conversations
from bot.store import Store
from bot.telegram.alerts import OwedAlerts
from tests.conftest import Clock

ALERT = "If you are in danger now, call 999. Samaritans: 116 123."


async def owed_keys(store: Store) -> list[str]:
    return [str(r[0]) for r in await store.read("SELECT respondent_key FROM owed_alerts")]


async def test_guard_owed_helplines_go_with_a_session_the_purge_removes(
    conversations: Conversations, store: Store, settings: Settings, clock: Clock
) -> None:
    await conversations.start("key-a", "telegram", lang="en")
    await OwedAlerts(store).owe("key-a", ALERT)
    clock.now += timedelta(days=settings.retention_days + 1)
    await purge_expired(store, settings)
    assert await owed_keys(store) == []


async def test_owed_helplines_of_a_person_with_no_session_go_by_the_retention_period(
    store: Store, settings: Settings, clock: Clock
) -> None:
    await OwedAlerts(store).owe("key-no-session", ALERT)  # they never come back
    clock.now += timedelta(days=settings.retention_days + 1)
    await purge_expired(store, settings)
    assert await owed_keys(store) == []


async def test_a_delete_by_someone_owed_with_no_session_takes_the_owed_row(
    conversations: Conversations, store: Store
) -> None:
    await OwedAlerts(store).owe("key-no-session", ALERT)
    await conversations.forget("key-no-session")
    assert await owed_keys(store) == []
