"""Shared sections: the optional "About you" questions, defined once, included in one line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import load_settings
from bot.conversation import Choose, Start
from bot.engine import Engine
from bot.flows import PREFER_NOT, ChoiceStep, check_flow, load_flow, load_flows
from bot.i18n import load_catalogue
from bot.service import option_ids
from bot.sources import SourceErrors
from bot.translations.catalog import translations

ROOT = Path(__file__).parent.parent
SECTION_STEPS = {
    "eq_intro",
    "eq_age",
    "eq_gender",
    "eq_gender_same",
    "eq_ethnic_group",
    "eq_ethnicity_asian",
    "eq_ethnicity_black",
    "eq_ethnicity_mixed",
    "eq_ethnicity_white",
    "eq_ethnicity_other",
    "eq_sexual_orientation",
    "eq_disability",
    "eq_religion",
}


def _flow_with_include(folder: Path, body: str = "  - include: equality\n") -> Path:
    (folder / "sections").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "flows" / "sections" / "equality.yaml", folder / "sections")
    path = folder / "short.yaml"
    path.write_text(
        "id: short\nversion: 1\ntitle: T\nintro: I\noutro: O\nsteps:\n"
        "  - id: q1\n    kind: text\n    text: Anything?\n" + body
    )
    return path


def test_a_flow_includes_the_section_with_one_line(tmp_path: Path) -> None:
    flow = load_flow(_flow_with_include(tmp_path)).flow
    assert flow.steps[0].id == "q1"
    assert {s.id for s in flow.steps[1:]} == SECTION_STEPS
    assert all(s.section == "equality" for s in flow.steps[1:])
    # Every question may be skipped, and offers "Prefer not to say" (the first asks
    # whether to answer at all).
    for step in flow.steps[2:]:
        assert isinstance(step, ChoiceStep) and not step.required
        assert step.options[-1].id == PREFER_NOT


def test_a_missing_section_names_the_flow_file_and_line(tmp_path: Path) -> None:
    path = _flow_with_include(tmp_path, "  - include: equality\n  - include: about_me\n")
    with pytest.raises(SourceErrors) as caught:
        load_flow(path)
    assert "short.yaml:11: steps.2.include: section 'about_me'" in str(caught.value)


def test_skipping_the_whole_section_is_one_tap(tmp_path: Path) -> None:
    flow = load_flow(_flow_with_include(tmp_path)).flow
    engine = Engine(flow, load_catalogue(), {})
    out = engine.handle(engine.new_state("en"), Start())
    from bot.conversation import Reply

    out = engine.handle(out.state, Reply("fine"))
    assert out.prompt is not None and out.prompt.step_id == "eq_intro"
    out = engine.handle(out.state, Choose("skip"))
    assert out.state.status == "completed"
    assert [w.step_id for w in out.writes] == ["eq_intro"]


def test_ethnicity_asks_the_group_then_only_that_groups_categories(tmp_path: Path) -> None:
    flow = load_flow(_flow_with_include(tmp_path)).flow
    engine = Engine(flow, load_catalogue(), {})
    from bot.conversation import Reply, Skip

    out = engine.handle(engine.new_state("en"), Start())
    out = engine.handle(out.state, Reply("fine"))
    out = engine.handle(out.state, Choose("yes"))
    asked = []
    while out.prompt is not None and out.prompt.step_id != "eq_ethnic_group":
        asked.append(out.prompt.step_id)
        out = engine.handle(out.state, Skip())
    out = engine.handle(out.state, Choose("white"))
    assert out.prompt is not None and out.prompt.step_id == "eq_ethnicity_white"
    assert "White British" not in [c.label for c in out.prompt.choices]
    assert out.prompt.choices[0].label == "English, Welsh, Scottish, Northern Irish or British"
    out = engine.handle(out.state, Choose("white_other"))
    assert out.prompt is not None and out.prompt.step_id == "eq_sexual_orientation"
    assert asked == ["eq_age", "eq_gender", "eq_gender_same"]


def test_the_consultation_includes_it_and_passes_check_flows_in_every_language() -> None:
    settings = load_settings(ROOT / "config.yaml")
    assert len(settings.languages) == 13
    flows = load_flows(ROOT / "flows", settings.languages, option_ids(settings))
    steps = {s.id for s in flows["consultation"].steps if s.section == "equality"}
    assert steps == SECTION_STEPS
    ff = load_flow(ROOT / "flows" / "consultation.yaml")
    assert check_flow(ff, settings.languages, option_ids(settings)) == []
    assert main(["--config", str(ROOT / "config.yaml"), "check-flows"]) == 0


def test_its_translations_are_unreviewed_and_held_once_under_the_section() -> None:
    for lang in ("pl", "ar", "so", "bn"):
        entries = translations(lang).entries
        section = {c: e for c, e in entries.items() if c.startswith("equality:")}
        assert len(section) == 78, lang
        assert all(e.text and e.fuzzy for e in section.values()), lang
        # Nothing of the section is held again under a flow that includes it.
        assert not any(c.startswith("consultation:eq_") for c in entries)


def test_a_flow_without_sections_keeps_its_fingerprint() -> None:
    """Flows stored before sections existed must not look changed (start-up refuses a
    flow changed under the same version)."""
    flow = load_flow(ROOT / "flows" / "service_feedback.yaml").flow
    assert all("section" not in step for step in flow.source()["steps"])


def test_progress_counts_only_the_ethnicity_list_a_person_can_meet(tmp_path: Path) -> None:
    """Five detailed ethnicity lists, one asked: someone answering every question saw
    "1 of 14" at the start and "10 of 14" at the last question (the consultation said
    "1 of 22"); each prompt's total is now what they can still meet."""
    flow = load_flow(_flow_with_include(tmp_path)).flow
    engine = Engine(flow, load_catalogue(), {})
    from bot.conversation import Reply

    out = engine.handle(engine.new_state("en"), Start())
    seen = []
    while out.prompt is not None:
        seen.append((out.prompt.step_id, out.prompt.number, out.prompt.total))
        step = out.prompt.step_id
        if step == "q1":
            event = Reply("fine")
        elif step == "eq_ethnic_group":
            event = Choose("white")
        else:
            event = Choose(out.prompt.choices[0].id)
        out = engine.handle(out.state, event)
    assert len(seen) == 10
    assert [total for _step, _n, total in seen] == [10] * 10
    assert seen[-1][1:] == (10, 10)
    # "No, skip them" at the first question of the section: that was the last question.
    out = engine.handle(engine.new_state("en"), Start())
    out = engine.handle(out.state, Reply("fine"))
    assert out.prompt is not None and (out.prompt.number, out.prompt.total) == (2, 10)
