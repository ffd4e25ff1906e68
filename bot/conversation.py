"""What a conversation is made of: events in, the state kept between them, and
the prompts and answers that come out.

Shared by the engine (which turns one into the others), the store (which keeps
the state and the answers), the service and every adapter, so none of them
needs the engine itself to speak about a conversation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel

Value = str | list[str]


# --- events -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Start:
    """Begin the flow, or show the current question again if it has begun."""


@dataclass(frozen=True)
class Choose:
    """A tap on an option (or a toggle, in a multi-select)."""

    value: str


@dataclass(frozen=True)
class Reply:
    """A typed message."""

    text: str


@dataclass(frozen=True)
class Done:
    """Confirm a multi-select."""


@dataclass(frozen=True)
class Skip:
    pass


@dataclass(frozen=True)
class Back:
    pass


@dataclass(frozen=True)
class Stop:
    pass


Event = Start | Choose | Reply | Done | Skip | Back | Stop


# --- state and outcome --------------------------------------------------------------------


class State(BaseModel):
    """Everything needed to carry on a conversation; stored as JSON with the session."""

    flow_id: str
    flow_version: int
    lang: str
    status: Literal["new", "active", "completed", "stopped"] = "new"
    cursor: str | None = None
    trail: list[str] = []
    """Questions shown before the cursor, oldest first: the way Back goes."""
    answers: dict[str, Value] = {}
    draft: list[str] = []
    """Ticks in the current multi-select, not yet confirmed with Done."""
    preset: dict[str, str] = {}
    """Profile answers known before the flow began (e.g. the site from a QR code)."""
    lang_chosen: bool = True
    """False until the person picks a language (the service asks before the flow)."""
    consented: bool = False
    """True once the person agreed to the privacy notice; nothing is stored before."""
    lang_hints: dict[str, int] = {}
    """Free-text answers written in another language than ``lang``, per language."""
    switch_offered: bool = False
    """The service offers to switch language at most once per session."""

    @property
    def finished(self) -> bool:
        return self.status in ("completed", "stopped")


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    selected: bool = False


@dataclass(frozen=True)
class Prompt:
    """A question ready to show: adapters only lay it out."""

    step_id: str
    kind: str
    text: str
    choices: tuple[Choice, ...]
    hint: str
    can_skip: bool
    can_back: bool
    number: int
    total: int
    progress: str
    skip_label: str
    back_label: str
    done_label: str | None = None
    stop_label: str = "Stop for now"
    """For channels that show stopping as a key (the terminal's "q"); Telegram has /stop."""


@dataclass(frozen=True)
class Write:
    """One answer to store (``value`` None: delete the stored answer)."""

    step_id: str
    kind: str
    value: Value | None
    score: int | None = None
    stage: str | None = None
    topic: str | None = None


@dataclass(frozen=True)
class Outcome:
    state: State
    messages: tuple[str, ...] = ()
    prompt: Prompt | None = None
    writes: tuple[Write, ...] = ()
    profile: dict[str, str] = field(default_factory=dict)
    """Answers that describe the respondent (site, group), for the session row."""
    error: bool = False
    """True when the input was not accepted; nothing was written."""
