"""The terminal channel: the same flows, with numbered options.

This is how a newcomer tries the bot without a Telegram token, and how a peer
worker can take feedback on a laptop.  Input and output are plain callables so
tests can drive it line by line.
"""

from __future__ import annotations

import asyncio
import re
import uuid
from collections.abc import Awaitable, Callable

from bot.conversation import Back, Choose, Done, Event, Prompt, Reply, Skip, Stop
from bot.service import Conversations, Turn
from bot.store import storage_trouble
from bot.textnorm import match_key, typed_option

CHANNEL = "terminal"
Input = Callable[[str], Awaitable[str | None]]
Output = Callable[[str], None]

COMMANDS = {
    "b": Back(),
    "back": Back(),
    "s": Skip(),
    "skip": Skip(),
    "d": Done(),
    "done": Done(),
    "q": Stop(),
    "quit": Stop(),
    "/stop": Stop(),
}

_COMMAND = re.compile(r"/(\w+)(?:@\w+)?")
"""A bare slash command, as a Telegram user types out of habit ("/help", "/back")."""

UNKNOWN_COMMAND = "console.unknown_command"
NOT_SAVED = "telegram.not_saved"
UNKNOWN = Reply("")
"""Stands for a slash command the terminal does not know: never sent to the engine."""


def bare_command(line: str) -> Event | None:
    """What a line that is one bare slash command means, or None if it is not one.

    "/back", "/skip", "/done", "/quit" and "/stop" mean what they say; any
    other is ``UNKNOWN``.  Only a bare command is held back: a line with words
    after it ("/help I can't go on") is a reply like any other, so it is
    screened and kept.
    """
    found = _COMMAND.fullmatch(line.strip())
    if not found:
        return None
    word = found.group(1).casefold()
    return COMMANDS.get(word) or COMMANDS.get("/" + word) or UNKNOWN


async def terminal_input(prompt: str) -> str | None:
    """Read a line without blocking the event loop; None at end of input."""
    try:
        return await asyncio.to_thread(input, prompt)
    except EOFError:
        return None


OFFER_KEY = "l"
"""Offer choices are typed as l1, l2…: numbers stay the question's own options."""


def render(turn: Turn) -> str:
    """A turn as plain text, options numbered from 1."""
    parts = []
    if turn.alert:
        parts.append(f"!!! {turn.alert}")
    parts.extend(turn.messages)
    if turn.prompt:
        parts.append(render_prompt(turn.prompt))
    if turn.offer:
        lines = [turn.offer.text]
        for i, choice in enumerate(turn.offer.choices, start=1):
            lines.append(f"  {OFFER_KEY}{i}. {choice.label}")
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def render_prompt(prompt: Prompt) -> str:
    lines = [f"[{prompt.progress}] {prompt.text}" if prompt.progress else prompt.text]
    for i, choice in enumerate(prompt.choices, start=1):
        mark = "[x] " if choice.selected and prompt.kind == "multi" else ""
        mark = "(chosen) " if choice.selected and prompt.kind != "multi" else mark
        lines.append(f"  {i}. {mark}{choice.label}")
    keys = []
    if prompt.done_label:
        keys.append(f"d = {prompt.done_label}")
    if prompt.can_skip:
        keys.append(f"s = {prompt.skip_label}")
    if prompt.can_back:
        keys.append(f"b = {prompt.back_label}")
    keys.append(f"q = {prompt.stop_label}")
    if prompt.hint:
        lines.append(prompt.hint)
    lines.append("   " + "   ".join(keys))
    return "\n".join(lines)


def parse(line: str, prompt: Prompt | None, offer: Prompt | None = None) -> Event:
    """Map a typed line to an engine event; numbers pick options, l1, l2… the offer's."""
    # Folded first: "١", "১" and full-width "１" are 1; invisible characters are dropped.
    word = match_key(line)
    if word in COMMANDS:
        return COMMANDS[word]
    command = bare_command(line)
    if command is not None and command is not UNKNOWN:
        return command
    if offer and word.startswith(OFFER_KEY) and word[1:].isdigit():
        index = int(word[1:]) - 1
        if 0 <= index < len(offer.choices):
            return Choose(offer.choices[index].id)
    if prompt and prompt.choices:
        picked = typed_option(line, [(c.id, c.label) for c in prompt.choices])
        if picked is not None:
            return Choose(picked)
    return Reply(line)


_LIST = re.compile(r"\d+(?:\s*[,;/\s\u060c\u061b\u3001]\s*\d+)+")
"""Several option numbers at once: "1, 3", "2 4", "1;2", Arabic "١، ٣" (digits folded)."""


def parse_all(line: str, prompt: Prompt | None, offer: Prompt | None = None) -> list[Event]:
    """Like ``parse``, but "1, 3" on a choose-all-that-apply question ticks 1 and 3.

    A person at a keyboard types the options they mean in one go.  Options
    already ticked stay ticked (a list says what to choose, not what to flip);
    a list with a number that is not an option is one reply, answered kindly.
    """
    word = match_key(line)
    if prompt is not None and prompt.kind == "multi" and _LIST.fullmatch(word):
        numbers = [int(n) for n in re.findall(r"\d+", word)]
        if all(0 < n <= len(prompt.choices) for n in numbers):
            wanted = dict.fromkeys(prompt.choices[n - 1] for n in numbers)
            return [Choose(c.id) for c in wanted if not c.selected]
    return [parse(line, prompt, offer)]


async def chat(
    conversations: Conversations,
    *,
    flow_id: str | None = None,
    lang: str | None = None,
    mode: str = "own_device",
    read: Input = terminal_input,
    write: Output = print,
) -> Turn:
    """Run one flow to its end (or to 'q' / end of input); returns the last turn."""
    # Each terminal run is a new anonymous respondent: a shared laptop must not
    # link one person's answers to the next.
    key = f"terminal:{uuid.uuid4().hex}"
    turn = await conversations.start(key, CHANNEL, flow_id=flow_id, lang=lang, mode=mode)
    write(render(turn))
    offer = turn.offer
    while not turn.finished:
        line = await read("> ")
        if line is None:
            turn = await conversations.handle(key, CHANNEL, Stop())
        elif bare_command(line) is UNKNOWN:
            # Never stored as someone's answer: say so, and ask the question again.
            note = conversations.catalogue.text(UNKNOWN_COMMAND, turn.lang, quit="q")
            write(note + ("\n\n" + render_prompt(turn.prompt) if turn.prompt else ""))
            continue
        else:
            events = parse_all(line, turn.prompt or None, offer)
            if not events and turn.prompt is not None:  # all listed were ticked already
                write(render_prompt(turn.prompt))
                continue
            try:
                for event in events:
                    turn = await conversations.handle(key, CHANNEL, event)
                    if turn.error:
                        break
            except Exception as error:
                if any(isinstance(event, Reply) for event in events):  # not 'q', a tap
                    await _signpost_failed(conversations, key, line, turn.lang, write)
                if storage_trouble(error) is None:
                    raise
                # Nothing was stored (one transaction, rolled back): they can type it again.
                note = conversations.catalogue.text(NOT_SAVED, turn.lang)
                write(note + ("\n\n" + render_prompt(turn.prompt) if turn.prompt else ""))
                continue
        write(render(turn))
        # The offer stays open until answered (an error turn does not withdraw it).
        offer = turn.offer or (offer if turn.error else None)
    return turn


async def _signpost_failed(
    conversations: Conversations, key: str, line: str, lang: str, write: Output
) -> None:
    """Helplines for a line whose handling failed (a full disk, a bug), as Telegram's
    error handler gives them: "could not save" alone would leave someone who has just
    said they took an overdose with nothing."""
    try:
        alert = await conversations.failed_alert(key, line, lang)
    except Exception:  # the risk screen itself may be what failed; the error still goes up
        return
    if alert is not None:
        write(f"!!! {alert}")
