"""With two languages on offer: Telegram's language is a hint, and the choice is the person's."""

from __future__ import annotations

import pytest

from bot.i18n import load_catalogue
from tests.e2e.conftest import RunningBot
from tests.e2e.test_telegram_flow import AGREE, SERVICE_USER, past_fft, sessions_of

PL = load_catalogue()
PL_AGREE = PL.text("consent.agree", "pl")
PL_NO = PL.text("consent.decline", "pl")
PL_SERVICE_USER = PL.text("group.service_user", "pl")


@pytest.fixture
async def bilingual_bot(settings, api):
    two = settings.model_copy(update={"languages": ["en", "pl"]})
    running = await RunningBot(two, api).start()
    yield running
    await running.stop()


async def test_unknown_telegram_language_asks_which_language(bilingual_bot, api):
    user = api.user(language_code="xx")
    shown = await user.send("/start")
    assert shown[-1].text == "Choose your language"
    assert shown[-1].labels == ["English", "Polski"]
    shown = await user.tap("Polski")
    assert shown[-1].labels == [PL_AGREE, PL_NO]
    await past_fft(user, await user.tap(PL_AGREE), PL.text("button.skip", "pl"))
    await user.tap(PL_SERVICE_USER)
    [session] = await sessions_of(bilingual_bot, user)
    assert session["answers"] == {"respondent_group": "service_user"}
    async with bilingual_bot.store.db.execute("SELECT lang FROM sessions") as cur:
        assert [r[0] for r in await cur.fetchall()] == ["pl"]


async def test_offered_telegram_language_is_used_without_asking(bilingual_bot, api):
    user = api.user(language_code="pl")
    shown = await user.send("/start")
    assert shown[-1].labels == [PL_AGREE, PL_NO]
    # Commands are published per language too.
    assert set(api.commands) == {None, "pl"}


async def test_language_switch_mid_flow_keeps_answers(bilingual_bot, api):
    user = api.user(language_code="en")
    await user.send("/start")
    await past_fft(user, await user.tap(AGREE))
    await user.tap(SERVICE_USER)
    shown = await user.send("/language")
    assert shown[-1].labels == ["English", "Polski"]
    shown = await user.tap("Polski")
    site_step = bilingual_bot.conversations.flows["service_feedback"].step("site")
    assert site_step.text["pl"] in shown[-1].text
    wisbech = bilingual_bot.settings.site("wisbech_hub")
    await user.tap(wisbech.name.get("pl", wisbech.name["en"]))
    async with bilingual_bot.store.db.execute("SELECT lang FROM sessions") as cur:
        assert [r[0] for r in await cur.fetchall()] == ["pl"]
    [session] = await sessions_of(bilingual_bot, user)
    assert session["answers"] == {"respondent_group": "service_user", "site": "wisbech_hub"}
