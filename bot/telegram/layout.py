"""How a ``Prompt`` looks on Telegram, and the short callback data behind its buttons.

Callback data is ``action:tag:index`` or ``action:tag:index:form``.  The tag
names the question (its step id, or a hash when the id is long) so a tap on an
older message can be told apart from a tap on the current question; the index
points into the current prompt's choices, so the data never carries an answer
the service did not offer.  ``form`` says which form (session, or peer desk
form) the buttons were made for: eight hex digits of a hash, opaque and short,
so a button left on an old message never acts on the form that came after it.
Telegram allows at most 64 bytes of callback data.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.conversation import Prompt

CHOOSE, SKIP, BACK, DONE = "c", "s", "b", "d"
LANGUAGE = "L"
"""A pick from /language: switches language without touching the flow."""
DELETE_YES, DELETE_NO = "Y", "N"
DESK, OPT_IN, UPDATE = "P", "O", "U"
"""Peer desk (next/discard/finish), end-of-flow opt-ins, sending a staff update."""
THEME, REVIEW = "T", "R"
"""Toggle a theme (indexed) on a comment under review; save or skip it."""
ANSWERS = frozenset({CHOOSE, SKIP, BACK, DONE})
"""Answers to the question on screen (the rest are the bot's own menus)."""
INDEXED = frozenset({CHOOSE, LANGUAGE, THEME})
ACTIONS = frozenset(
    {CHOOSE, SKIP, BACK, DONE, LANGUAGE, DELETE_YES, DELETE_NO, DESK, OPT_IN, UPDATE, THEME, REVIEW}
)
COMPACT_ROW = 5
"""Paper entry: numbered option buttons, this many to a row."""
TICK = "✓"
MAX_CALLBACK_BYTES = 64
_LONGEST_PLAIN_TAG = 48


FORM_TAG_LENGTH = 8


@dataclass(frozen=True)
class Tap:
    action: str
    tag: str
    index: int | None
    form: str | None = None
    """The form the button was made for; None on buttons that act on no form."""


def form_tag(form_id: str | None) -> str | None:
    """A short, opaque tag for a session or desk form: enough to tell forms apart."""
    if form_id is None:
        return None
    return hashlib.sha256(form_id.encode()).hexdigest()[:FORM_TAG_LENGTH]


def step_tag(step_id: str) -> str:
    if len(step_id.encode()) <= _LONGEST_PLAIN_TAG and ":" not in step_id:
        return step_id
    return "#" + hashlib.sha256(step_id.encode()).hexdigest()[:16]


def callback_data(
    action: str, step_id: str = "", index: int | None = None, form: str | None = None
) -> str:
    """``form``: a ``form_tag`` (or a desk's form token) the tap must match to act."""
    data = f"{action}:{step_tag(step_id)}:{'' if index is None else index}"
    if form is not None:
        data += f":{form}"
    assert len(data.encode()) <= MAX_CALLBACK_BYTES, data
    return data


def parse_tap(data: str | None) -> Tap | None:
    """The tap behind callback data, or None if it is not data this bot makes."""
    if not data or len(data.encode()) > MAX_CALLBACK_BYTES:
        return None
    parts = data.split(":")
    if len(parts) not in (3, 4) or parts[0] not in ACTIONS:
        return None
    action, tag, raw = parts[:3]
    form = parts[3] if len(parts) == 4 else None
    if form is not None and not _is_form_tag(form):
        return None
    if raw == "":
        index = None
    elif raw.isascii() and raw.isdigit() and len(raw) <= 3:
        index = int(raw)
    else:
        return None
    if (action in INDEXED) != (index is not None):
        return None
    return Tap(action, tag, index, form)


def _is_form_tag(text: str) -> bool:
    return len(text) == FORM_TAG_LENGTH and all(ch in "0123456789abcdef" for ch in text)


def prompt_text(prompt: Prompt, *, hint: bool = True, compact: bool = False) -> str:
    parts = [prompt.progress] if prompt.progress else []
    parts.append(prompt.text)
    if compact and prompt.choices:
        # Paper entry: the options listed once, tapped (or typed) by number.
        parts.append("\n".join(f"{i}. {c.label}" for i, c in enumerate(prompt.choices, 1)))
    elif hint and prompt.hint:
        parts.append(prompt.hint)
    return "\n\n".join(parts)


@lru_cache(maxsize=512)
def keyboard(
    prompt: Prompt, action: str = CHOOSE, *, compact: bool = False, form: str | None = None
) -> InlineKeyboardMarkup | None:
    """One option per row (long labels stay readable on a phone), then Done, Back, Skip.

    ``compact`` (paper entry): numbered buttons, several to a row, for fast typing-in.
    ``form``: the ``form_tag`` of the session the question belongs to, on every button.
    Kept for reuse while a person is on the question (a multi-select is redrawn
    on every tick): prompts are frozen values and PTB's markups immutable.
    """
    buttons = [
        InlineKeyboardButton(
            _mark(str(i + 1) if compact else choice.label, choice.selected),
            callback_data=callback_data(action, prompt.step_id, i, form),
        )
        for i, choice in enumerate(prompt.choices)
    ]
    width = COMPACT_ROW if compact else 1
    rows = [buttons[i : i + width] for i in range(0, len(buttons), width)]
    if action == CHOOSE:
        if prompt.done_label:
            rows.append(
                [InlineKeyboardButton(prompt.done_label, callback_data=_data(DONE, prompt, form))]
            )
        moves = []
        if prompt.can_back:
            moves.append(
                InlineKeyboardButton(prompt.back_label, callback_data=_data(BACK, prompt, form))
            )
        if prompt.can_skip:
            moves.append(
                InlineKeyboardButton(prompt.skip_label, callback_data=_data(SKIP, prompt, form))
            )
        if moves:
            rows.append(moves)
    return InlineKeyboardMarkup(rows) if rows else None


def record_text(prompt: Prompt, tap: Tap, skipped_label: str) -> str | None:
    """The question as it should read once answered, or None to leave its text alone."""
    question = prompt_text(prompt, hint=False)
    if tap.action in (CHOOSE, LANGUAGE) and tap.index is not None:
        return f"{question}\n\n{TICK} {prompt.choices[tap.index].label}"
    if tap.action == DONE:
        chosen = [c.label for c in prompt.choices if c.selected]
        if not chosen:
            return f"{question}\n\n— {skipped_label}"
        return "\n".join([question, "", *(f"{TICK} {label}" for label in chosen)])
    if tap.action == SKIP:
        return f"{question}\n\n— {skipped_label}"
    return None


def _mark(label: str, selected: bool) -> str:
    return f"{TICK} {label}" if selected else label


def _data(action: str, prompt: Prompt, form: str | None) -> str:
    return callback_data(action, prompt.step_id, form=form)
