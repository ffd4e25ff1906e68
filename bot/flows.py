"""The model of a flow file, and the checks ``feedback-bot check-flows`` runs.

A flow is data: a list of steps, each a question or a message, with every
visible string given per language.  Flows are versioned; stored answers name
the flow id and version, and the store keeps a snapshot of each version, so
editing a flow never changes what old answers meant.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, model_validator

from bot.sources import Document, SourceError, SourceErrors, load_yaml, validate
from bot.translations import localise
from bot.translations.walk import english_only


def _english_string(value: object) -> object:
    return {"en": value} if isinstance(value, str) else value


Text = Annotated[dict[str, str], BeforeValidator(_english_string)]
"""A visible string: language code → text (a flow file gives the English; the
catalogues in ``locale/`` the rest)."""

Stage = Literal["referral", "assessment", "treatment", "step_down"]
ProfileField = Literal["site", "area", "respondent_group"]
OptionSource = Literal["sites", "areas", "respondent_groups"]
STEP_ID = r"^[a-z][a-z0-9_]*$"

# Files in flows/ that are not flows.
RESERVED_FILES = frozenset({"themes.yaml", "messages.yaml"})

LIKERT_SCALES: dict[str, tuple[str, ...]] = {
    "agree": ("strongly_agree", "agree", "neither", "disagree", "strongly_disagree"),
    "satisfaction": (
        "very_satisfied",
        "satisfied",
        "neither",
        "dissatisfied",
        "very_dissatisfied",
    ),
    # The NHS Friends and Family Test, in NHS England's words and order; its sixth
    # answer, "Don't know", is off the scale (see OFF_SCALE).
    "fft": ("very_good", "good", "neither", "poor", "very_poor"),
}
PREFER_NOT = "prefer_not_to_say"
DONT_KNOW = "dont_know"
OFF_SCALE: dict[str, str] = {"agree": PREFER_NOT, "satisfaction": PREFER_NOT, "fft": DONT_KNOW}
"""Each scale's answer that is not a point on it: "prefer not to say", or for the FFT
"Don't know", which the FFT counts on its own and keeps in its percentages' base."""
Scale = Literal["agree", "satisfaction", "fft"]


def scale_answers(scale: str) -> list[str]:
    """Every answer a Likert step offers, in order: the five points, then the off-scale one."""
    return [*LIKERT_SCALES[scale], OFF_SCALE[scale]]


def likert_score(scale: str, value: str) -> int | None:
    """5 for the most positive answer down to 1; None for the off-scale answer."""
    options = LIKERT_SCALES[scale]
    return 5 - options.index(value) if value in options else None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Condition(_Strict):
    """Show a step only when an earlier answer matches."""

    step: str
    equals: str | None = None
    in_: list[str] | None = Field(None, alias="in")
    not_in: list[str] | None = None
    answered: bool | None = None

    @model_validator(mode="after")
    def _one_test(self) -> Condition:
        tests = [self.equals, self.in_, self.not_in, self.answered]
        if sum(t is not None for t in tests) != 1:
            raise ValueError("give exactly one of: equals, in, not_in, answered")
        return self

    def values(self) -> list[str]:
        return [self.equals] if self.equals is not None else list(self.in_ or self.not_in or [])


class Option(_Strict):
    id: str = Field(pattern=STEP_ID)
    label: Text
    exclusive: bool = False
    """In a multi-select, choosing this clears the others (e.g. 'none')."""


class _Step(_Strict):
    id: str = Field(pattern=STEP_ID)
    text: Text
    required: bool = False
    when: Condition | list[Condition] | None = None
    stage: Stage | None = None
    topic: str | None = None
    section: str | None = None
    """The shared section (``flows/sections/<name>.yaml``) the step was included from:
    its texts are translated once, under the section's name, whichever flow asks."""

    @property
    def conditions(self) -> list[Condition]:
        if self.when is None:
            return []
        return self.when if isinstance(self.when, list) else [self.when]

    @property
    def is_question(self) -> bool:
        return self.kind != "info"  # type: ignore[attr-defined]


class LikertStep(_Step):
    kind: Literal["likert"]
    scale: Scale = "agree"


class _OptionsStep(_Step):
    options: list[Option] = []
    options_from: OptionSource | None = None
    profile: ProfileField | None = None

    @model_validator(mode="after")
    def _has_options(self) -> _OptionsStep:
        if bool(self.options) == bool(self.options_from):
            raise ValueError("give either options or options_from, not both or neither")
        return self


class ChoiceStep(_OptionsStep):
    kind: Literal["choice"]


class MultiStep(_OptionsStep):
    kind: Literal["multi"]


class TextStep(_Step):
    kind: Literal["text"]


class InfoStep(_Step):
    kind: Literal["info"]


Step = Annotated[
    LikertStep | ChoiceStep | MultiStep | TextStep | InfoStep, Field(discriminator="kind")
]


class Flow(_Strict):
    id: str = Field(pattern=STEP_ID)
    version: int = Field(ge=1)
    title: Text
    intro: Text
    outro: Text
    steps: list[Step] = Field(min_length=1)

    _index: dict[str, Step] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: object) -> None:
        self._index = {s.id: s for s in self.steps}

    def step(self, step_id: str) -> Step:
        return self._index[step_id]

    def position(self, step_id: str) -> int:
        return next(i for i, s in enumerate(self.steps) if s.id == step_id)

    def source(self) -> dict[str, object]:
        """The definition in English only: what a version means.  Translations are
        not part of it, so fixing one needs no new version."""
        return without_empty_sections(
            english_only(self.model_dump(mode="json", by_alias=True), "flow")
        )

    def fingerprint(self) -> str:
        """Hash of the English definition, to catch a flow edited without a version bump."""
        return definition_fingerprint(self.source())


def without_empty_sections(definition: dict) -> dict:
    """``definition`` with ``section: null`` left out of its steps, in place: flows
    written before sections existed keep the fingerprint their stored snapshots have."""
    for step in definition.get("steps", []):
        if isinstance(step, dict) and step.get("section", "") is None:
            del step["section"]
    return definition


def definition_fingerprint(definition: dict[str, object]) -> str:
    blob = json.dumps(definition, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()


class FlowFile(BaseModel):
    """A loaded flow and the document it came from, for error locations."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    flow: Flow
    doc: Document


def flow_paths(flows_dir: Path) -> list[Path]:
    return sorted(p for p in flows_dir.glob("*.yaml") if p.name not in RESERVED_FILES)


SECTIONS_DIR = "sections"
"""Shared sections live in ``flows/sections/``; a flow includes one with ``- include: NAME``."""


def load_flow(path: Path) -> FlowFile:
    doc = load_yaml(path)
    include_sections(doc, path.parent / SECTIONS_DIR)
    localise(doc.data, "flow")
    return FlowFile(flow=validate(doc, Flow), doc=doc)


def include_sections(doc: Document, sections_dir: Path) -> None:
    """Put each ``- include: NAME`` step item's section steps in its place, in ``doc``.

    Each included step is tagged ``section: NAME`` (its texts are the section's, in the
    catalogues once).  Lines of included steps point at the ``include`` line, so an
    error in one is found from the flow that asked for it; the section file is checked
    on its own by ``check-flows`` too.
    """
    data = doc.data
    steps = data.get("steps") if isinstance(data, dict) else None
    if not isinstance(steps, list) or not any(_is_include(s) for s in steps):
        return
    expanded: list[object] = []
    lines = {loc: line for loc, line in doc.lines.items() if loc[:1] != ("steps",)}
    errors: list[SourceError] = []
    for i, item in enumerate(steps):
        here = doc.lines.get(("steps", i), doc.line_of(("steps",)))
        if not _is_include(item):
            for loc, line in doc.lines.items():
                if loc[:2] == ("steps", i):
                    lines[("steps", len(expanded), *loc[2:])] = line
            expanded.append(item)
            continue
        name = item["include"]
        try:
            section = load_section(sections_dir, name)
        except SourceErrors as exc:
            errors.append(doc.error(("steps", i, "include"), f"section {name!r}: {exc}"))
            continue
        for step in section:
            step = {**step, "section": name}
            lines[("steps", len(expanded))] = here
            _point_all(step, ("steps", len(expanded)), here, lines)
            expanded.append(step)
    if errors:
        raise SourceErrors(errors)
    data["steps"] = expanded
    doc.lines.clear()
    doc.lines.update(lines)


def _is_include(item: object) -> bool:
    return isinstance(item, dict) and set(item) == {"include"} and isinstance(item["include"], str)


def _point_all(node: object, loc: tuple[str | int, ...], line: int, lines: dict) -> None:
    lines[loc] = line
    if isinstance(node, dict):
        for key, child in node.items():
            _point_all(child, (*loc, key), line, lines)
    elif isinstance(node, list):
        for j, child in enumerate(node):
            _point_all(child, (*loc, j), line, lines)


def load_section(sections_dir: Path, name: str) -> list[dict[str, object]]:
    """The steps of ``sections_dir/NAME.yaml``, as plain data (English only)."""
    if not re.match(STEP_ID, name):
        raise SourceErrors([SourceError(str(sections_dir), 0, "", f"bad section name {name!r}")])
    path = sections_dir / f"{name}.yaml"
    if not path.is_file():
        raise SourceErrors([SourceError(str(path), 0, "", "no such section file")])
    stat = path.stat()
    return copy.deepcopy(_section(path.resolve(), name, stat.st_mtime_ns, stat.st_size))


@lru_cache(maxsize=16)
def _section(path: Path, name: str, mtime_ns: int, size: int) -> list[dict[str, object]]:
    """A section file's steps, parsed once per version of the file (its modification
    time and size): every export reads the equality section's questions, and parsing
    the YAML again each time cost ~0.1 s of a 12-month export's CPU."""
    doc = load_yaml(path)
    data = doc.data
    if not isinstance(data, dict) or data.get("id") != name:
        raise SourceErrors([doc.error(("id",), f"a section file's id must be {name!r}")])
    steps = data.get("steps")
    if not isinstance(steps, list) or not steps:
        raise SourceErrors([doc.error(("steps",), "a section needs steps")])
    if set(data) - {"id", "steps"}:
        extra = ", ".join(sorted(str(k) for k in set(data) - {"id", "steps"}))
        raise SourceErrors([doc.error((), f"a section holds only id and steps (not {extra})")])
    return steps


def check_flow(
    ff: FlowFile,
    languages: Iterable[str],
    option_ids: dict[str, list[str]] | None = None,
) -> list[SourceError]:
    """Cross-field checks pydantic cannot do alone.

    ``option_ids`` gives the ids behind each ``options_from`` source (from config),
    so conditions on a site or group can be checked too.
    """
    flow, doc = ff.flow, ff.doc
    languages = list(languages)
    errors: list[SourceError] = []
    seen: dict[str, int] = {}
    for i, step in enumerate(flow.steps):
        loc: tuple[str | int, ...] = ("steps", i)
        if step.id in seen:
            errors.append(
                doc.error(
                    (*loc, "id"), f"duplicate step id {step.id!r} (also step {seen[step.id]})"
                )
            )
        seen.setdefault(step.id, i)
        for j, cond in enumerate(step.conditions):
            cloc = (*loc, "when", j) if isinstance(step.when, list) else (*loc, "when")
            target_index = seen.get(cond.step)
            if target_index is None or target_index == i:
                later = any(s.id == cond.step for s in flow.steps[i:])
                why = "refers to a later step" if later else "refers to an unknown step"
                errors.append(doc.error((*cloc, "step"), f"{why}: {cond.step!r}"))
                continue
            target = flow.steps[target_index]
            allowed = _answer_ids(target, option_ids or {})
            if target.kind in ("text", "info") and cond.answered is None:
                errors.append(
                    doc.error(cloc, f"step {cond.step!r} is {target.kind}: only 'answered' works")
                )
            elif allowed is not None:
                for value in cond.values():
                    if value not in allowed:
                        errors.append(
                            doc.error(
                                cloc,
                                f"{value!r} is not an answer of step {cond.step!r} "
                                f"(one of: {', '.join(allowed)})",
                            )
                        )
        if isinstance(step, ChoiceStep | MultiStep):
            dup = _duplicates(o.id for o in step.options)
            for oid in dup:
                errors.append(doc.error((*loc, "options"), f"duplicate option id {oid!r}"))
    errors.extend(_missing_translations(doc, languages))
    return errors


def _answer_ids(step: Step, option_ids: dict[str, list[str]]) -> list[str] | None:
    if isinstance(step, LikertStep):
        return scale_answers(step.scale)
    if isinstance(step, ChoiceStep | MultiStep):
        if step.options_from:
            return option_ids.get(step.options_from)
        return [o.id for o in step.options]
    return None


def _duplicates(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    dup: list[str] = []
    for item in items:
        if item in seen:
            dup.append(item)
        seen.add(item)
    return dup


_TEXT_KEYS = {"title", "intro", "outro", "text", "label"}


def _missing_translations(doc: Document, languages: list[str]) -> list[SourceError]:
    """Every visible string must exist, non-empty, in every enabled language."""
    errors: list[SourceError] = []

    def walk(value: object, loc: tuple[str | int, ...]) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                if key in _TEXT_KEYS and isinstance(child, dict):
                    for lang in languages:
                        if not str(child.get(lang) or "").strip():
                            errors.append(doc.error((*loc, key), f"missing {lang!r} translation"))
                else:
                    walk(child, (*loc, key))
        elif isinstance(value, list):
            for i, child in enumerate(value):
                walk(child, (*loc, i))

    walk(doc.data, ())
    return errors


def load_flows(
    flows_dir: Path, languages: Iterable[str], option_ids: dict[str, list[str]] | None = None
) -> dict[str, Flow]:
    """Load and check every flow; raise SourceErrors listing all problems in all files."""
    languages = list(languages)
    flows: dict[str, Flow] = {}
    errors: list[SourceError] = []
    paths = flow_paths(flows_dir)
    if not paths:
        raise SourceErrors([SourceError(str(flows_dir), 0, "", "no flow files (*.yaml) found")])
    for path in paths:
        try:
            ff = load_flow(path)
        except SourceErrors as exc:
            errors.extend(exc.errors)
            continue
        errors.extend(check_flow(ff, languages, option_ids))
        if ff.flow.id in flows:
            errors.append(ff.doc.error(("id",), f"flow id {ff.flow.id!r} is used by another file"))
        flows[ff.flow.id] = ff.flow
    if errors:
        raise SourceErrors(errors)
    return flows


def meaning(step: Step) -> tuple[object, ...]:
    """What must stay the same for two versions' answers to one step id to be comparable.

    The kind, a Likert step's scale, and a choice's option ids (or its source)
    and which are exclusive.  Wording and translations may change; the meaning
    of a stored answer may not.
    """
    if isinstance(step, LikertStep):
        return ("likert", step.scale)
    if isinstance(step, ChoiceStep | MultiStep):
        ids = tuple(sorted(o.id for o in step.options))
        exclusive = tuple(sorted(o.id for o in step.options if o.exclusive))
        return (step.kind, step.options_from, ids, exclusive)
    return (step.kind,)


def describe_meaning(step: Step) -> str:
    if isinstance(step, LikertStep):
        return f"likert on the {step.scale} scale"
    if isinstance(step, ChoiceStep | MultiStep):
        if step.options_from:
            return f"{step.kind} from {step.options_from}"
        return f"{step.kind} with options {', '.join(o.id for o in step.options)}"
    return step.kind


def check_snapshots(
    flows_dir: Path, flows: dict[str, Flow], stored: Iterable[Flow]
) -> list[SourceError]:
    """Steps whose id is reused for a different question than a stored version asked.

    Old answers would take the new question's meaning (an 'agree' answer read as
    'satisfied').  Each problem names the flow file, the line and the step, and
    says to give the new question a new id.  Files are re-read only when there
    is a problem, for the line numbers.
    """
    problems: list[tuple[Flow, int, str, str]] = []
    for old in stored:
        new = flows.get(old.id)
        if new is None or new.version == old.version:
            continue
        for i, step in enumerate(new.steps):
            try:
                before = old.step(step.id)
            except KeyError:
                continue
            if meaning(before) != meaning(step):
                field = "scale" if isinstance(step, LikertStep) else "kind"
                message = (
                    f"step {step.id!r} was {describe_meaning(before)} in stored version"
                    f" {old.version} and is {describe_meaning(step)} in version {new.version}:"
                    " answers to different questions would be pooled; give the new question a"
                    " new step id"
                )
                problems.append((new, i, field, message))
    if not problems:
        return []
    docs: dict[str, FlowFile] = {}
    for path in flow_paths(flows_dir):
        try:
            ff = load_flow(path)
        except SourceErrors:
            continue
        docs.setdefault(ff.flow.id, ff)
    errors = []
    for flow, i, field, message in problems:
        ff = docs.get(flow.id)
        if ff is not None and ff.flow.version == flow.version:
            errors.append(ff.doc.error(("steps", i, field), message))
        else:
            errors.append(SourceError(f"flow {flow.id}", 0, f"steps.{i}", message))
    return errors
