"""The span a detector finds, and small helpers detectors share."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

_D = TypeVar("_D", bound=Callable[..., Iterator["Span"]])


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    tag: str


KEEP = "keep"
"""The tag of a span a detector claims in order to keep it as typed: a sort code beside an
account is no date and no phone, and stays.  Weaker detectors cannot take it; it is never
replaced."""


def spans(pattern: re.Pattern[str], tag: str, group: int = 0) -> Callable[[str], Iterator[Span]]:
    """A detector yielding each match of ``pattern`` (or its ``group``) as ``tag``."""

    def detect(text: str) -> Iterator[Span]:
        for m in pattern.finditer(text):
            yield Span(m.start(group), m.end(group), tag)

    return detect


def digit_count(text: str) -> int:
    """ASCII digits in ``text`` (folded text has no others)."""
    return sum(text.count(d) for d in "0123456789")


def needs_digits(count: int) -> Callable[[_D], _D]:
    """Mark a detector as finding nothing in text with fewer than ``count`` digits."""

    def mark(detect: _D) -> _D:
        detect.min_digits = count  # type: ignore[attr-defined]
        return detect

    return mark


def needs_any(*needles: str) -> Callable[[_D], _D]:
    """Run a detector only on text holding one of ``needles`` (case-folded substrings).

    A substring test costs a fraction of a regex scan with a long alternation,
    and most answers hold none of a detector's cue words.
    """

    def cued(low: str) -> bool:
        return any(n in low for n in needles)

    return lambda detect: _gated(detect, cued)


def _gated(detect: _D, cued: Callable[[str], bool]) -> _D:
    """``detect``, run only on text whose case-folded form is ``cued``; it keeps the
    detector's name, docstring and ``min_digits``."""

    def gated(text: str) -> Iterator[Span]:
        if cued(text.casefold()):
            yield from detect(text)

    gated.min_digits = getattr(detect, "min_digits", 0)  # type: ignore[attr-defined]
    gated.__name__ = detect.__name__
    gated.__doc__ = detect.__doc__
    return gated  # type: ignore[return-value]


def words(text: str) -> frozenset[str]:
    """A word list written as one string, one or more words a line."""
    return frozenset(text.split())


def digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def _marks() -> str:
    """Combining marks of the scripts in use, as a character-class body.

    Python's ``\\w`` leaves out vowel signs and viramas, so Bengali, Gujarati,
    Gurmukhi and Arabic words would be cut in the middle without these.
    """
    import unicodedata

    chars = [
        chr(c)
        for c in (*range(0x300, 0x370), *range(0x600, 0x700), *range(0x900, 0xB00))
        if unicodedata.category(chr(c)).startswith("M")
    ]
    return "".join(re.escape(c) for c in chars)


MARKS = _marks()
WORD = rf"[^\W\d_][\w{MARKS}'’-]*"
"""One word in any script: a letter, then letters, marks, apostrophes or hyphens."""
END = rf"(?![\w{MARKS}])"
"""The end of a word, where ``\\b`` fails after a vowel sign."""


_GATE_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*")
_NOT_LETTERS = re.compile(r"[^\w'’-]+")


def _glued(stem: str) -> bool:
    """A stem in a script without capitals (Arabic, Bengali…), where prefixes join the word
    ("واسمي"): looked for anywhere, not at a word's start."""
    return not stem[0].isupper() and not stem[0].islower()


def needs_word_start(*stems: str) -> Callable[[_D], _D]:
    """As :func:`needs_any`, for a detector whose cues start a word: a stem must begin a word
    of the text ("its " in "it's me", not in "the waits"; "dl" in "Dl. Popescu", not in
    "friendly").  Scripts without capitals, and stems of two words, are looked for as
    :func:`needs_any` does (two words with a space before them)."""
    spaced = tuple(" " + s for s in stems if " " in s)
    glued = tuple(s for s in stems if " " not in s and _glued(s))
    starts = tuple(s for s in stems if " " not in s and not _glued(s))

    def cued(low: str) -> bool:
        return (
            any(s in low for s in glued)
            or any(t.startswith(starts) for t in _GATE_TOKEN.findall(low))
            or bool(spaced and any(s in " " + _NOT_LETTERS.sub(" ", low) for s in spaced))
        )

    return lambda detect: _gated(detect, cued)
