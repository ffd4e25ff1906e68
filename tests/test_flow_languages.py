"""Every flow, walked to its end through the pure engine, in every enabled language."""

from __future__ import annotations

import pytest

from bot.config import Settings, load_settings
from bot.conversation import Choose, Done, Prompt, Reply, Start, State
from bot.engine import Engine, applies
from bot.flows import Flow, load_flows
from bot.i18n import load_catalogue
from bot.service import option_ids
from tests.conftest import ROOT

SETTINGS: Settings = load_settings(ROOT / "config.yaml")
FLOWS: dict[str, Flow] = load_flows(ROOT / "flows", SETTINGS.languages, option_ids(SETTINGS))
CATALOGUE = load_catalogue()
# Area names are proper nouns: they stay in English in every language.
ENGLISH_ALLOWED = {"area"}


def _sources() -> dict[str, list[tuple[str, dict[str, str]]]]:
    """What the service passes the engine for ``options_from``."""
    groups = [(g, CATALOGUE.messages[f"group.{g}"]) for g in SETTINGS.respondent_groups]
    return {
        "sites": [(s.id, s.name) for s in SETTINGS.sites],
        "areas": [(a.id, a.name) for a in SETTINGS.areas],
        "respondent_groups": groups,
    }


def walk(flow: Flow, lang: str) -> tuple[State, list[Prompt], list[str]]:
    """Answer every question (every stage ticked, so every branch shows) to the end."""
    engine = Engine(flow, CATALOGUE, _sources())
    outcome = engine.handle(engine.new_state(lang), Start())
    prompts: list[Prompt] = []
    messages = list(outcome.messages)
    for _ in range(100):
        prompt = outcome.prompt
        if prompt is None:
            break
        prompts.append(prompt)
        if prompt.kind == "text":
            event = Reply(f"answer to {prompt.step_id}")
        elif prompt.kind == "multi" and not any(c.selected for c in prompt.choices):
            outcome = engine.handle(outcome.state, Choose(prompt.choices[0].id))
            for choice in prompt.choices[1:]:
                if not outcome.prompt or choice.id in ("none", "prefer_not_to_say"):
                    continue
                outcome = engine.handle(outcome.state, Choose(choice.id))
            event = Done()
        else:
            event = Choose(prompt.choices[0].id)
        assert not outcome.error, outcome.messages
        outcome = engine.handle(outcome.state, event)
        assert not outcome.error, (prompt.step_id, outcome.messages)
        messages.extend(outcome.messages)
    return outcome.state, prompts, messages


@pytest.mark.parametrize("lang", SETTINGS.languages)
@pytest.mark.parametrize("flow_id", sorted(FLOWS))
def test_flow_completes_in_every_language_with_its_own_text(flow_id: str, lang: str) -> None:
    flow = FLOWS[flow_id]
    state, prompts, messages = walk(flow, lang)
    _, english_prompts, english_messages = walk(flow, "en")

    assert state.status == "completed"
    questions = [s.id for s in flow.steps if s.is_question and applies(s, state.answers)]
    assert [p.step_id for p in prompts] == questions, "every branch was shown"
    assert len(state.answers) == len(questions)
    # The only questions not shown are the other answers' branches of a single choice
    # (the ethnic group's detailed categories: one group's are asked).
    for step in flow.steps:
        if step.is_question and step.id not in questions:
            assert [c.equals for c in step.conditions] != [None], step.id
    for prompt, english in zip(prompts, english_prompts, strict=True):
        shown = [prompt.text, prompt.progress, prompt.skip_label, prompt.back_label]
        assert all(s.strip() for s in [*shown, *(c.label for c in prompt.choices)])
        if lang == "en":
            continue
        assert prompt.text != english.text
        assert prompt.progress != english.progress
        if prompt.step_id not in ENGLISH_ALLOWED:
            for choice, eng in zip(prompt.choices, english.choices, strict=True):
                assert choice.label != eng.label, (prompt.step_id, choice.id)
    if lang != "en":
        assert not set(messages) & set(english_messages), "intro and outro translated"
