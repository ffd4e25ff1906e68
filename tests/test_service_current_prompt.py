"""``current_prompt`` names the question an adapter should accept taps for, gates included."""

from __future__ import annotations

from bot.conversation import Choose
from bot.flows import load_flows
from bot.i18n import Language, load_catalogue
from bot.service import CONSENT_AGREE, Conversations, option_ids
from bot.store import Store


async def test_current_prompt_covers_language_and_consent(settings):
    # Two languages, so the service asks which one before the privacy notice.
    two_langs = settings.model_copy(update={"languages": ["en", "pl"]})
    english = load_catalogue()
    polish = Language(name="Polish", native="Polski")
    catalogue = english.model_copy(update={"languages": {**english.languages, "pl": polish}})
    flows = load_flows(settings.flows_dir, ["en"], option_ids(settings))
    store = await Store.open(settings.database)
    conversations = Conversations(two_langs, store, flows, catalogue)
    await conversations.register_flows()
    try:
        key = "te_someone"
        assert await conversations.current_prompt(key, "telegram") is None
        assert await conversations.language_of(key, "telegram") is None
        await conversations.start(key, "telegram", lang="xx")
        assert (await conversations.current_prompt(key, "telegram")).step_id == "_language"
        await conversations.handle(key, "telegram", Choose("lang:pl"))
        assert (await conversations.current_prompt(key, "telegram")).step_id == "_consent"
        assert await conversations.language_of(key, "telegram") == "pl"
        await conversations.handle(key, "telegram", Choose(CONSENT_AGREE))
        prompt = await conversations.current_prompt(key, "telegram")
        assert prompt.step_id == "fft"  # the Friends and Family Test comes first
    finally:
        await store.close()


async def test_handle_pick_handles_only_what_the_waiting_question_offers(tiny):
    key = "te_tapper"
    assert await tiny.handle_pick(key, "telegram", lambda p: Choose("x")) == (None, None)
    await tiny.start(key, "telegram", lang="en")
    consent = await tiny.current_prompt(key, "telegram")
    # A button for some other question: nothing is handled, the question stays.
    prompt, turn = await tiny.handle_pick(key, "telegram", lambda p: None)
    assert (prompt, turn) == (consent, None)
    assert await tiny.current_prompt(key, "telegram") == consent
    # A button for this one: handled against the question it was shown on.
    seen = []

    def agree(p):
        seen.append(p)
        return Choose(CONSENT_AGREE)

    prompt, turn = await tiny.handle_pick(key, "telegram", agree)
    assert seen == [consent] and prompt == consent
    assert turn is not None and turn.prompt == await tiny.current_prompt(key, "telegram")
    assert turn.prompt.step_id != "_consent"
