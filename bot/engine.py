"""The conversation as a pure state machine: no I/O, no Telegram, no SQLite.

``Engine.handle(state, event)`` returns an ``Outcome``: the new state, what to
say, the question to ask next and the answers to write.  Adapters store the
writes before they show the next prompt, so an answer is never lost between
two messages, and a restart resumes from the stored state.
"""

from __future__ import annotations

import itertools

from bot.conversation import (
    Back,
    Choice,
    Choose,
    Done,
    Event,
    Outcome,
    Prompt,
    Reply,
    Skip,
    Start,
    State,
    Stop,
    Value,
    Write,
)
from bot.flows import (
    LIKERT_SCALES,
    OFF_SCALE,
    PREFER_NOT,
    ChoiceStep,
    Condition,
    Flow,
    LikertStep,
    MultiStep,
    Step,
    Text,
    TextStep,
    likert_score,
)
from bot.i18n import Catalogue
from bot.textnorm import is_blank, strip_blank
from bot.typed import typed_option


class Engine:
    """Walks one flow.  Holds only definitions, so one instance serves every person."""

    def __init__(
        self,
        flow: Flow,
        catalogue: Catalogue,
        option_sources: dict[str, list[tuple[str, Text]]] | None = None,
    ):
        self.flow = flow
        self.catalogue = catalogue
        self.option_sources = option_sources or {}
        self._positions = {s.id: i for i, s in enumerate(flow.steps)}
        self._steps = {s.id: s for s in flow.steps}
        self._labels: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}
        self._ahead = self._questions_ahead()
        self._most: dict[tuple[str, tuple[int, ...]], int] = {}
        self._profile_steps = [
            (s.id, s.profile) for s in flow.steps if isinstance(s, ChoiceStep) and s.profile
        ]

    def new_state(self, lang: str, preset: dict[str, str] | None = None) -> State:
        return State(
            flow_id=self.flow.id, flow_version=self.flow.version, lang=lang, preset=preset or {}
        )

    def handle(self, state: State, event: Event) -> Outcome:
        state = _copy(state)
        if isinstance(event, Start):
            if state.status == "new":
                state.status = "active"
                intro = self.catalogue.pick(self.flow.intro, state.lang)
                return self._advance(state, 0, [intro], [], {})
            if state.status == "active":
                return self._ask(state, [self._t("flow.resumed", state)])
        if state.finished:
            return Outcome(state, (self._t("flow.already_finished", state),), error=True)
        if state.status == "new":
            return Outcome(state, (self._t("flow.no_session", state),), error=True)
        if isinstance(event, Stop):
            state.status = "stopped"
            state.cursor = None
            state.draft = []
            return Outcome(state, (self._t("flow.stopped", state),))
        step = self._steps[state.cursor or ""]
        if isinstance(event, Back):
            return self._back(state)
        if isinstance(event, Skip):
            if step.required:
                return self._error(state, "error.required")
            writes = [self._write(step, None)] if step.id in state.answers else []
            state.answers.pop(step.id, None)
            return self._next(state, step, writes, {})
        if isinstance(event, Reply):
            return self._reply(state, step, event.text)
        if isinstance(event, Choose):
            return self._choose(state, step, event.value)
        if isinstance(event, Done):
            return self._done(state, step)
        raise TypeError(f"unknown event {event!r}")

    def prompt(self, state: State) -> Prompt | None:
        """The current question, e.g. to show it again after a language change."""
        if state.status != "active" or state.cursor is None:
            return None
        return self._prompt(state, self._steps[state.cursor])

    def profile(self, state: State) -> dict[str, str | None]:
        """What the session says about the respondent, worked out from their answers.

        Derived afresh on every turn, never accumulated: an answer withdrawn by
        Skip (after Back), or dropped because a later answer made its question
        no longer apply, withdraws what it said.  A field no answer gives falls
        back to what the channel preset (a site's share link, a peer's desk).
        """
        found: dict[str, str | None] = {}
        for step_id, name in self._profile_steps:
            value = state.answers.get(step_id)
            if isinstance(value, str) and found.get(name) is None:
                found[name] = value
        for name in ("site", "area", "respondent_group"):
            if found.get(name) is None:
                found[name] = state.preset.get(name)
        return found

    def read_back(self, answers: dict[str, Value], lang: str) -> list[tuple[str, str]]:
        """(question, answer as shown) for each stored answer, in flow order.

        What a peer worker checks against a paper form before confirming it.
        """
        rows = []
        for step in self.flow.steps:
            value = answers.get(step.id)
            if value is None:
                continue
            labels = dict(self._options(step, lang))
            values = value if isinstance(value, list) else [value]
            shown = ", ".join(labels.get(v, v) for v in values)
            rows.append((self.catalogue.pick(step.text, lang), shown))
        return rows

    # -- transitions

    def _reply(self, state: State, step: Step, text: str) -> Outcome:
        if isinstance(step, TextStep):
            if is_blank(text):
                # Spaces or invisible characters only (a zero-width space looks empty too).
                return self._error(state, "error.empty_text")
            text = strip_blank(text)
            state.answers[step.id] = text
            return self._next(state, step, [self._write(step, text)], {})
        # Someone typed instead of tapping: an option's number (any digit system) or label.
        picked = typed_option(text, self._options(step, state.lang), state.lang)
        if picked is not None:
            return self._choose(state, step, picked)
        return self._error(state, "error.choose_option")

    def _choose(self, state: State, step: Step, value: str) -> Outcome:
        ids = [oid for oid, _ in self._options(step, state.lang)]
        if isinstance(step, TextStep):
            return self._error(state, "error.type_answer")
        if value not in ids:
            return self._error(state, "error.choose_option")
        if isinstance(step, MultiStep):
            state.draft = self._toggle(step, state.draft, value)
            return Outcome(state, (), self._prompt(state, step))
        state.answers[step.id] = value
        profile = {step.profile: value} if isinstance(step, ChoiceStep) and step.profile else {}
        return self._next(state, step, [self._write(step, value)], profile)

    def _done(self, state: State, step: Step) -> Outcome:
        if not isinstance(step, MultiStep):
            return self._error(state, "error.choose_option")
        if not state.draft:
            if step.required:
                return self._error(state, "error.choose_at_least_one")
            return self.handle(state, Skip())
        ids = [oid for oid, _ in self._options(step, state.lang)]
        value = [oid for oid in ids if oid in state.draft]
        state.answers[step.id] = value
        state.draft = []
        return self._next(state, step, [self._write(step, value)], {})

    def _back(self, state: State) -> Outcome:
        if not state.trail:
            return self._error(state, "error.first_question")
        state.cursor = state.trail.pop()
        previous = state.answers.get(state.cursor)
        state.draft = list(previous) if isinstance(previous, list) else []
        return self._ask(state, [])

    def _next(
        self, state: State, step: Step, writes: list[Write], profile: dict[str, str]
    ) -> Outcome:
        state.trail.append(step.id)
        state.draft = []
        return self._advance(state, self._positions[step.id] + 1, [], writes, profile)

    def _advance(
        self,
        state: State,
        start: int,
        messages: list[str],
        writes: list[Write],
        profile: dict[str, str],
    ) -> Outcome:
        """Move to the next step that applies, dropping answers that no longer apply."""
        for step in self.flow.steps[start:]:
            if not self._applies(step, state):
                if step.id in state.answers:
                    del state.answers[step.id]
                    writes.append(self._write(step, None))
                continue
            if step.kind == "info":
                messages.append(self.catalogue.pick(step.text, state.lang))
                continue
            preset = state.preset.get(getattr(step, "profile", None) or "")
            if preset is not None and preset in [o for o, _ in self._options(step, state.lang)]:
                if state.answers.get(step.id) != preset:
                    state.answers[step.id] = preset
                    writes.append(self._write(step, preset))
                    profile = {**profile, step.profile: preset}  # type: ignore[attr-defined]
                continue
            state.cursor = step.id
            if isinstance(step, MultiStep) and not state.draft:
                previous = state.answers.get(step.id)
                state.draft = list(previous) if isinstance(previous, list) else []
            return Outcome(
                state, tuple(messages), self._prompt(state, step), tuple(writes), profile
            )
        state.status = "completed"
        state.cursor = None
        messages.append(self.catalogue.pick(self.flow.outro, state.lang))
        return Outcome(state, tuple(messages), None, tuple(writes), profile)

    def _ask(self, state: State, messages: list[str]) -> Outcome:
        step = self._steps[state.cursor or ""]
        return Outcome(state, tuple(messages), self._prompt(state, step))

    def _error(self, state: State, key: str) -> Outcome:
        prompt = self.prompt(state)
        return Outcome(state, (self._t(key, state),), prompt, error=True)

    # -- helpers

    def _t(self, key: str, state: State, **values: object) -> str:
        return self.catalogue.text(key, state.lang, **values)

    def _applies(self, step: Step, state: State) -> bool:
        return all(_holds(c, state.answers) for c in step.conditions)

    def _options(self, step: Step, lang: str) -> tuple[tuple[str, str], ...]:
        """(id, label) of each option; labels depend only on step and language, so kept."""
        key = (step.id, lang)
        if key not in self._labels:
            self._labels[key] = tuple(self._label_options(step, lang))
        return self._labels[key]

    def _label_options(self, step: Step, lang: str) -> list[tuple[str, str]]:
        if isinstance(step, LikertStep):
            ids = [*LIKERT_SCALES[step.scale]]
            labels = [self.catalogue.text(f"likert.{step.scale}.{i}", lang) for i in ids]
            off = OFF_SCALE[step.scale]
            key = "likert.prefer_not_to_say" if off == PREFER_NOT else f"likert.{step.scale}.{off}"
            return [*zip(ids, labels, strict=True), (off, self.catalogue.text(key, lang))]
        if isinstance(step, ChoiceStep | MultiStep):
            if step.options_from:
                source = self.option_sources.get(step.options_from, [])
                return [(oid, self.catalogue.pick(label, lang)) for oid, label in source]
            return [(o.id, self.catalogue.pick(o.label, lang)) for o in step.options]
        return []

    def _toggle(self, step: MultiStep, draft: list[str], value: str) -> list[str]:
        if value in draft:
            return [v for v in draft if v != value]
        exclusive = {o.id for o in step.options if o.exclusive}
        if value in exclusive:
            return [value]
        return [*(v for v in draft if v not in exclusive), value]

    def _write(self, step: Step, value: Value | None) -> Write:
        score = None
        if isinstance(step, LikertStep) and isinstance(value, str):
            score = likert_score(step.scale, value)
        return Write(step.id, step.kind, value, score, step.stage, step.topic)

    def _prompt(self, state: State, step: Step) -> Prompt:
        lang = state.lang
        current = state.answers.get(step.id)
        selected = set(state.draft) if isinstance(step, MultiStep) else {current}
        choices = tuple(
            Choice(oid, label, oid in selected) for oid, label in self._options(step, lang)
        )
        number, total = self._progress(state, step)
        if isinstance(step, MultiStep):
            hint = self._t("hint.multi", state)
        elif isinstance(step, TextStep):
            hint = self._t("hint.text", state)
        else:
            hint = ""
        if not step.required and not isinstance(step, MultiStep):
            hint = f"{hint} {self._t('hint.optional', state)}".strip()
        return Prompt(
            step_id=step.id,
            kind=step.kind,
            text=self.catalogue.pick(step.text, lang),
            choices=choices,
            hint=hint,
            can_skip=not step.required,
            can_back=bool(state.trail),
            number=number,
            total=total,
            progress=self._t("progress", state, n=number, total=total),
            skip_label=self._t("button.skip", state),
            back_label=self._t("button.back", state),
            done_label=self._t("button.done", state) if isinstance(step, MultiStep) else None,
            stop_label=self._t("button.stop", state),
        )

    def _progress(self, state: State, step: Step) -> tuple[int, int]:
        """'3 of 9': questions asked so far, plus those still ahead that may apply."""
        number = len(state.trail) + 1
        certain, maybe = self._ahead[step.id]
        live = tuple(
            i
            for i, (profile, known, _open) in enumerate(maybe)
            if profile not in state.preset and all(_holds(c, state.answers) for c in known)
        )
        return number, number + certain + self._most_ahead(step.id, live)

    def _most_ahead(self, here: str, live: tuple[int, ...]) -> int:
        """Of the questions ahead still possible, the most one person can meet: steps that
        hang on different answers to one question still to come (the five detailed
        ethnicity lists, one per group) count once, not five times.  Worked out once per
        set of possible steps: it depends on the flow alone."""
        key = (here, live)
        most = self._most.get(key)
        if most is None:
            if len(self._most) > 10_000:
                self._most.clear()
            maybe = self._ahead[here][1]
            most = self._most[key] = _most_met([maybe[i][2] for i in live], self._steps)
        return most

    def _questions_ahead(
        self,
    ) -> dict[str, tuple[int, list[tuple[str | None, list[Condition], list[Condition]]]]]:
        """For each step, the questions after it: how many surely apply, and the rest
        with what decides them (a preset profile, a condition on an earlier answer, and
        conditions on this or a later step, which cannot be judged yet)."""
        ahead = {}
        for here, step in enumerate(self.flow.steps):
            certain, maybe = 0, []
            for later in self.flow.steps[here + 1 :]:
                if not later.is_question:
                    continue
                profile = getattr(later, "profile", None)
                known = [c for c in later.conditions if self._positions[c.step] < here]
                open_ = [c for c in later.conditions if self._positions[c.step] >= here]
                if profile is None and not known and not open_:
                    certain += 1
                else:
                    maybe.append((profile, known, open_))
            ahead[step.id] = (certain, maybe)
        return ahead


_MOST_CASES = 4096
"""Beyond this many ways the undecided questions could be answered, every step that may
apply is counted (as before): progress is a courtesy, not worth a slow prompt."""


def _most_met(opens: list[list[Condition]], steps: dict[str, Step]) -> int:
    """The most of these steps one person can meet, each given by its conditions on
    questions not yet answered.  A single-choice question takes one answer (or none), so
    every way of answering those is tried; a condition on any other kind of question
    counts as met."""
    deciding: dict[str, list[str | None]] = {}
    for conditions in opens:
        for c in conditions:
            decider = steps.get(c.step)
            if isinstance(decider, ChoiceStep) and decider.options:
                deciding[c.step] = [None, *(o.id for o in decider.options)]
    cases = 1
    for values in deciding.values():
        cases *= len(values)
    if not deciding or cases > _MOST_CASES:
        return len(opens)
    judged = [[c for c in conditions if c.step in deciding] for conditions in opens]
    names = list(deciding)
    most = 0
    for combo in itertools.product(*(deciding[n] for n in names)):
        answers: dict[str, Value] = {n: v for n, v in zip(names, combo, strict=True) if v}
        most = max(most, sum(all(_holds(c, answers) for c in cs) for cs in judged))
        if most == len(opens):
            break
    return most


def _copy(state: State) -> State:
    """A copy the engine may change; cheaper than a generic deep copy on the hot path."""
    answers = {k: list(v) if isinstance(v, list) else v for k, v in state.answers.items()}
    return state.model_copy(
        update={
            "trail": list(state.trail),
            "answers": answers,
            "draft": list(state.draft),
            "preset": dict(state.preset),
        }
    )


def applies(step: Step, answers: dict[str, Value]) -> bool:
    """Whether ``step`` is asked, given these answers (for tools that replay a flow)."""
    return all(_holds(c, answers) for c in step.conditions)


def _holds(cond: Condition, answers: dict[str, Value]) -> bool:
    value = answers.get(cond.step)
    given = [value] if isinstance(value, str) else list(value or [])
    if cond.answered is not None:
        return bool(given) == cond.answered
    if cond.equals is not None:
        return cond.equals in given
    if cond.in_ is not None:
        return any(v in cond.in_ for v in given)
    return not any(v in (cond.not_in or []) for v in given)
