"""How a ``Prompt`` looks on Telegram, and the short callback data behind its buttons.

Callback data is ``action:tag:index``.  The tag names the question (its step id,
or a hash when the id is long) so a tap on an older message can be told apart
from a tap on the current question; the index points into the current prompt's
choices, so the data never carries an answer the service did not offer.
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


@dataclass(frozen=True)
class Tap:
    action: str
    tag: str
    index: int | None


def step_tag(step_id: str) -> str:
    if len(step_id.encode()) <= _LONGEST_PLAIN_TAG and ":" not in step_id:
        return step_id
    return "#" + hashlib.sha256(step_id.encode()).hexdigest()[:16]


def callback_data(action: str, step_id: str = "", index: int | None = None) -> str:
    data = f"{action}:{step_tag(step_id)}:{'' if index is None else index}"
    assert len(data.encode()) <= MAX_CALLBACK_BYTES, data
    return data


def parse_tap(data: str | None) -> Tap | None:
    """The tap behind callback data, or None if it is not data this bot makes."""
    if not data or len(data.encode()) > MAX_CALLBACK_BYTES:
        return None
    parts = data.split(":")
    if len(parts) != 3 or parts[0] not in ACTIONS:
        return None
    action, tag, raw = parts
    if raw == "":
        index = None
    elif raw.isascii() and raw.isdigit() and len(raw) <= 3:
        index = int(raw)
    else:
        return None
    if (action in INDEXED) != (index is not None):
        return None
    return Tap(action, tag, index)


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
    prompt: Prompt, action: str = CHOOSE, *, compact: bool = False
) -> InlineKeyboardMarkup | None:
    """One option per row (long labels stay readable on a phone), then Done, Back, Skip.

    ``compact`` (paper entry): numbered buttons, several to a row, for fast typing-in.
    Kept for reuse: everyone on the same question sees the same keyboard, prompts
    are frozen values and PTB's markups immutable, and building one costs a
    dozen PTB objects on every question sent.
    """
    buttons = [
        InlineKeyboardButton(
            _mark(str(i + 1) if compact else choice.label, choice.selected),
            callback_data=callback_data(action, prompt.step_id, i),
        )
        for i, choice in enumerate(prompt.choices)
    ]
    width = COMPACT_ROW if compact else 1
    rows = [buttons[i : i + width] for i in range(0, len(buttons), width)]
    if action == CHOOSE:
        if prompt.done_label:
            rows.append(
                [InlineKeyboardButton(prompt.done_label, callback_data=_data(DONE, prompt))]
            )
        moves = []
        if prompt.can_back:
            moves.append(InlineKeyboardButton(prompt.back_label, callback_data=_data(BACK, prompt)))
        if prompt.can_skip:
            moves.append(InlineKeyboardButton(prompt.skip_label, callback_data=_data(SKIP, prompt)))
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


def _data(action: str, prompt: Prompt) -> str:
    return callback_data(action, prompt.step_id)
