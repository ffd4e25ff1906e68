"""With two languages on offer: Telegram's language is a hint, and the choice is the person's.

Only English text exists yet, so the second language ("pl") falls back to English
wording; what is tested is which question comes and what is stored.
"""

from __future__ import annotations

import pytest

from bot.config import Settings
from bot.flows import load_flows
from bot.i18n import Language, load_catalogue
from bot.service import Conversations, option_ids
from bot.store import Store
from tests.e2e.conftest import RunningBot
from tests.e2e.test_telegram_flow import AGREE, SERVICE_USER, sessions_of


async def open_bilingual(settings: Settings) -> Conversations:
    english = load_catalogue()
    polish = Language(name="Polish", native="Polski")
    catalogue = english.model_copy(update={"languages": {**english.languages, "pl": polish}})
    flows = load_flows(settings.flows_dir, ["en"], option_ids(settings))
    conversations = Conversations(settings, await Store.open(settings.database), flows, catalogue)
    await conversations.register_flows()
    return conversations


@pytest.fixture
async def bilingual_bot(settings, api):
    two = settings.model_copy(update={"languages": ["en", "pl"]})
    running = await RunningBot(two, api, opener=open_bilingual).start()
    yield running
    await running.stop()


async def test_unknown_telegram_language_asks_which_language(bilingual_bot, api):
    user = api.user(language_code="xx")
    shown = await user.send("/start")
    assert shown[-1].text == "Choose your language"
    assert shown[-1].labels == ["English", "Polski"]
    shown = await user.tap("Polski")
    assert shown[-1].labels == [AGREE, "No thanks"]
    await user.tap(AGREE)
    await user.tap(SERVICE_USER)
    [session] = await sessions_of(bilingual_bot, user)
    assert session["answers"] == {"respondent_group": "service_user"}
    async with bilingual_bot.store.db.execute("SELECT lang FROM sessions") as cur:
        assert [r[0] for r in await cur.fetchall()] == ["pl"]


async def test_offered_telegram_language_is_used_without_asking(bilingual_bot, api):
    user = api.user(language_code="pl")
    shown = await user.send("/start")
    assert shown[-1].labels == [AGREE, "No thanks"]
    # Commands are published per language too.
    assert set(api.commands) == {None, "pl"}


async def test_language_switch_mid_flow_keeps_answers(bilingual_bot, api):
    user = api.user(language_code="en")
    await user.send("/start")
    await user.tap(AGREE)
    await user.tap(SERVICE_USER)
    shown = await user.send("/language")
    assert shown[-1].labels == ["English", "Polski"]
    shown = await user.tap("Polski")
    assert "Which service or hub" in shown[-1].text
    await user.tap("Wisbech hub")
    async with bilingual_bot.store.db.execute("SELECT lang FROM sessions") as cur:
        assert [r[0] for r in await cur.fetchall()] == ["pl"]
    [session] = await sessions_of(bilingual_bot, user)
    assert session["answers"] == {"respondent_group": "service_user", "site": "wisbech_hub"}
