"""The engine on its own: no database, no channel, just flows and events."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.conversation import Back, Choose, Done, Outcome, Reply, Skip, Start, State, Stop
from bot.engine import Engine
from bot.flows import Flow, load_flow
from bot.i18n import load_catalogue

FIXTURES = Path(__file__).parent / "fixtures" / "flows"


def engine_for(name: str) -> Engine:
    flow: Flow = load_flow(FIXTURES / f"{name}.yaml").flow
    sources = {"sites": [("hub_a", {"en": "Hub A"}), ("hub_b", {"en": "Hub B"})]}
    return Engine(flow, load_catalogue(), sources)


def run(engine: Engine, state: State, *events: object) -> Outcome:
    outcome = None
    for event in events:
        outcome = engine.handle(state, event)  # type: ignore[arg-type]
        state = outcome.state
    assert outcome is not None
    return outcome


@pytest.fixture
def kinds() -> Engine:
    return engine_for("all_kinds")


def test_start_shows_intro_then_first_question(kinds: Engine) -> None:
    out = kinds.handle(kinds.new_state("en"), Start())
    assert out.messages == ("Welcome to the test.",)
    assert out.prompt is not None and out.prompt.step_id == "group"
    assert [c.label for c in out.prompt.choices] == ["Me", "My family", "Someone else"]
    # Six questions, but "never" hangs on an answer "group" does not offer.
    assert out.prompt.progress == "1 of 5"
    assert not out.prompt.can_back and out.prompt.can_skip is False


def test_every_step_kind_produces_its_answer(kinds: Engine) -> None:
    state = kinds.new_state("en")
    out = run(kinds, state, Start(), Choose("self"))
    # likert: five points plus 'prefer not to say', most positive first
    assert out.prompt and out.prompt.kind == "likert"
    assert [c.id for c in out.prompt.choices] == [
        "strongly_agree",
        "agree",
        "neither",
        "disagree",
        "strongly_disagree",
        "prefer_not_to_say",
    ]
    assert out.writes[0].value == "self"
    out = run(kinds, out.state, Choose("agree"))
    assert out.writes[0].score == 4 and out.writes[0].stage == "treatment"
    assert out.prompt and out.prompt.choices[0].label == "Very satisfied"
    out = run(kinds, out.state, Choose("very_dissatisfied"))
    assert out.writes[0].score == 1
    # multi: toggles are not answers until Done
    out = run(kinds, out.state, Choose("housing"))
    assert out.writes == () and out.prompt and out.prompt.choices[0].selected
    out = run(kinds, out.state, Choose("mental_health"), Done())
    assert out.writes[0].value == ["housing", "mental_health"]
    # info step is said on the way to the text question
    assert "Nearly done." in out.messages
    assert out.prompt and out.prompt.kind == "text"
    out = run(kinds, out.state, Reply("  The wait was too long.  "))
    assert out.writes[0].value == "The wait was too long."
    assert out.state.status == "completed" and out.prompt is None
    assert out.messages[-1] == "Thank you."


def test_multi_exclusive_option_clears_the_others(kinds: Engine) -> None:
    out = run(
        kinds,
        kinds.new_state("en"),
        Start(),
        Choose("self"),
        Choose("agree"),
        Choose("satisfied"),
        Choose("housing"),
        Choose("none"),
    )
    assert out.prompt and [c.id for c in out.prompt.choices if c.selected] == ["none"]
    out = run(kinds, out.state, Choose("housing"))
    assert out.prompt and [c.id for c in out.prompt.choices if c.selected] == ["housing"]


def test_required_question_cannot_be_skipped(kinds: Engine) -> None:
    out = run(kinds, kinds.new_state("en"), Start(), Skip())
    assert out.error and "needs an answer" in out.messages[0]
    assert out.prompt and out.prompt.step_id == "group" and out.writes == ()


def test_typed_number_or_label_counts_as_a_tap(kinds: Engine) -> None:
    out = run(kinds, kinds.new_state("en"), Start(), Reply("2"))
    assert out.writes[0].value == "family"
    out = run(kinds, kinds.new_state("en"), Start(), Reply("someone ELSE"))
    assert out.writes[0].value == "other"


def test_unknown_or_forged_choice_is_refused(kinds: Engine) -> None:
    start = run(kinds, kinds.new_state("en"), Start())
    out = kinds.handle(start.state, Choose("admin; DROP TABLE answers"))
    assert out.error and out.writes == () and out.state == start.state
    assert out.messages == ("Please choose one of the options.",)


def test_skip_logic_hides_and_shows_steps() -> None:
    engine = engine_for("skip_logic")
    out = run(engine, engine.new_state("en"), Start(), Choose("hub_a"), Choose("no"))
    assert out.prompt and out.prompt.step_id == "last"
    out = run(engine, engine.new_state("en"), Start(), Choose("hub_a"), Choose("yes"))
    assert out.prompt and out.prompt.step_id == "details"


def test_back_changes_an_answer_and_drops_answers_that_no_longer_apply() -> None:
    engine = engine_for("skip_logic")
    out = run(engine, engine.new_state("en"), Start(), Skip(), Choose("yes"), Reply("lots"))
    assert out.prompt and out.prompt.step_id == "last"
    out = run(engine, out.state, Back(), Back())
    assert out.prompt and out.prompt.step_id == "used"
    assert [c.id for c in out.prompt.choices if c.selected] == ["yes"]
    out = run(engine, out.state, Choose("no"))
    # 'details' no longer applies: its stored answer is deleted, not left behind
    assert [(w.step_id, w.value) for w in out.writes] == [("used", "no"), ("details", None)]
    assert "details" not in out.state.answers
    assert out.prompt and out.prompt.step_id == "last"


def test_back_on_first_question_is_a_kind_error(kinds: Engine) -> None:
    out = run(kinds, kinds.new_state("en"), Start(), Back())
    assert out.error and "first question" in out.messages[0]


def test_skip_removes_a_previous_answer(kinds: Engine) -> None:
    out = run(kinds, kinds.new_state("en"), Start(), Choose("self"), Choose("agree"), Back())
    assert out.prompt and out.prompt.step_id == "agree_q"
    out = run(kinds, out.state, Skip())
    assert [(w.step_id, w.value) for w in out.writes] == [("agree_q", None)]


def test_stop_keeps_partial_answers_and_ends(kinds: Engine) -> None:
    out = run(kinds, kinds.new_state("en"), Start(), Choose("self"), Stop())
    assert out.state.status == "stopped" and out.state.answers == {"group": "self"}
    assert "kept the answers" in out.messages[0]
    after = kinds.handle(out.state, Choose("agree"))
    assert after.error and "finished" in after.messages[0]


def test_resume_shows_the_current_question_again(kinds: Engine) -> None:
    out = run(kinds, kinds.new_state("en"), Start(), Choose("self"))
    stored = State.model_validate_json(out.state.model_dump_json())
    resumed = kinds.handle(stored, Start())
    assert resumed.messages == ("Welcome back. Here is where you left off.",)
    assert resumed.prompt and resumed.prompt.step_id == "agree_q" and resumed.writes == ()


def test_text_question_rejects_taps_and_empty_text(kinds: Engine) -> None:
    out = run(
        kinds,
        kinds.new_state("en"),
        Start(),
        Choose("self"),
        Choose("agree"),
        Choose("satisfied"),
        Done(),
    )
    assert out.prompt and out.prompt.kind == "text"
    assert kinds.handle(out.state, Choose("agree")).error
    empty = kinds.handle(out.state, Reply("   "))
    assert empty.error and "empty" in empty.messages[0]


def test_preset_site_is_answered_without_asking() -> None:
    engine = engine_for("skip_logic")
    state = engine.new_state("en", {"site": "hub_b"})
    out = engine.handle(state, Start())
    assert out.prompt and out.prompt.step_id == "used"
    assert [(w.step_id, w.value) for w in out.writes] == [("site", "hub_b")]
    assert out.profile == {"site": "hub_b"}
    assert out.prompt.progress == "1 of 3"


def test_progress_counts_only_questions_that_may_apply() -> None:
    engine = engine_for("skip_logic")
    out = run(engine, engine.new_state("en"), Start())
    assert out.prompt and out.prompt.progress == "1 of 4"
    out = run(engine, out.state, Choose("hub_a"), Choose("no"))
    assert out.prompt and out.prompt.progress == "3 of 3"


def test_shipped_flows_complete_with_all_skips() -> None:
    from bot.config import load_settings
    from bot.flows import load_flows
    from bot.service import option_ids

    root = Path(__file__).parent.parent
    settings = load_settings(root / "config.yaml")
    flows = load_flows(root / "flows", settings.languages, option_ids(settings))
    for flow in flows.values():
        engine = Engine(flow, load_catalogue(), {})
        out = engine.handle(engine.new_state("en"), Start())
        for _ in range(len(flow.steps)):
            if out.state.status == "completed":
                break
            out = engine.handle(out.state, Skip())
        assert out.state.status == "completed", flow.id
