"""Text normalised for matching, with a map back to what the person typed.

People type the same thing in many ways that look alike on screen: digits in
their own script ("٠٧٩١١", "০৭৯১১", full-width "０７９１１"), invisible format
characters pasted in or added by a keyboard (zero-width space, joiners,
direction marks and isolates), full-width letters, non-breaking spaces and
typographic dashes.  Matchers (redaction, risk phrases, typed options) look at
one normal form, so that none of them needs to know these variants.

What is stored is never the normal form: :class:`Folded` keeps, for each
character of the folded text, the index of the character it came from, so a
match found in the folded text is mapped back to a span of the original.

- :func:`fold` maps every Unicode decimal digit to ASCII (``unicodedata.decimal``,
  so every digit system Unicode knows, not a hand list), drops format
  characters (category Cf), applies NFKC to each character (full-width forms,
  ligatures, Arabic presentation forms, odd spaces) and makes every dash a
  hyphen-minus.  Case is kept: redaction reads capitals.
- :func:`match_key` is for comparing short typed answers with labels: folded,
  case-folded, whitespace collapsed and trimmed.
- :func:`is_blank` says whether a message has nothing visible in it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Folded", "fold", "fold_char", "is_blank", "match_key", "strip_blank", "typed_option"]

_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans(dict.fromkeys("\u2018\u2019\u02bc\u0060\u00b4\u2032", "'"))
"""Apostrophes phones and keyboards type instead of ' (iOS smart punctuation sends
\u2019): "Don\u2019t know" typed is the option "Don't know"."""


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """One character's folded form: "", one character or (rarely, via NFKC) several."""
    if ch.isascii():
        return ch
    category = unicodedata.category(ch)
    if category == "Cf":
        return ""
    if category == "Nd":
        return str(unicodedata.decimal(ch))
    if category == "Pd":
        return "-"
    if category == "Zs":
        return " "
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) == 1 and not folded.isascii():
        # e.g. U+2212 MINUS SIGN is Sm, not Pd, but is typed as a dash.
        return "-" if folded == "\u2212" else folded
    return "".join(fold_char(c) if c != ch else c for c in folded)


@dataclass(frozen=True, slots=True)
class Folded:
    """``text`` folded for matching; ``origin[i]`` is where ``text[i]`` came from.

    ``origin`` is None when nothing changed (ASCII input, the common case), and
    then positions map to themselves.
    """

    source: str
    text: str
    origin: tuple[int, ...] | None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span that the folded span ``text[start:end]`` came from."""
        if self.origin is None:
            return start, end
        if start >= end:
            at = self.origin[start] if start < len(self.origin) else len(self.source)
            return at, at
        return self.origin[start], self.origin[end - 1] + 1


class _Table(dict[int, str]):
    """``str.translate`` table filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        if len(folded) != 1:
            _UNEVEN.add(chr(code))
        if len(self) < _TABLE_LIMIT:
            self[code] = folded
        return folded


_TABLE_LIMIT = 20_000
"""Characters remembered at most: someone sending every code point must not grow memory."""
_TABLE = _Table()
_UNEVEN: set[str] = set()
"""Characters seen so far that fold to zero or several characters."""


def fold(text: str) -> Folded:
    """``text`` in its matching form, with the way back to the original."""
    if text.isascii():
        return Folded(text, text, None)
    folded = text.translate(_TABLE)
    if _UNEVEN.isdisjoint(text):
        # Every character folded to exactly one: positions are unchanged.
        return Folded(text, folded, None)
    origin: list[int] = []
    pos = 0
    for m in _uneven_pattern().finditer(text):
        i = m.start()
        origin.extend(range(pos, i))
        origin.extend([i] * len(_TABLE[ord(text[i])]))
        pos = i + 1
    origin.extend(range(pos, len(text)))
    return Folded(text, folded, tuple(origin))


_uneven_cache: tuple[int, re.Pattern[str]] = (0, re.compile(r"(?!)"))


def _uneven_pattern() -> re.Pattern[str]:
    """One character class of every uneven character seen, rebuilt when one is added."""
    global _uneven_cache
    if _uneven_cache[0] != len(_UNEVEN):
        chars = "".join(sorted(re.escape(c) for c in _UNEVEN))
        _uneven_cache = (len(_UNEVEN), re.compile(f"[{chars}]"))
    return _uneven_cache[1]


def match_key(text: str) -> str:
    """The form two short texts are compared in: folded, case-folded, spaces collapsed,
    every kind of apostrophe the same."""
    return _SPACES.sub(" ", fold(text).text.casefold().translate(_APOSTROPHES)).strip()


BLANK_LOOKING = frozenset("\u115f\u1160\u3164\uffa0\u2800")
"""Characters that are letters or symbols to Unicode but draw nothing: the Hangul
fillers and the blank Braille pattern, which people paste to send an "empty" message."""


def _visible(ch: str) -> bool:
    """Whether a (folded) character draws something on its own.

    Spaces, controls, format characters and combining marks with nothing to
    combine with (categories Z*, C*, M*) do not; nor do the ``BLANK_LOOKING`` ones.
    """
    return unicodedata.category(ch)[0] not in "ZCM" and ch not in BLANK_LOOKING


def is_blank(text: str) -> bool:
    """True when ``text`` has nothing visible: only spaces, invisible and blank-looking
    characters, and marks with no letter to sit on."""
    return not any(_visible(ch) for ch in fold(text).text)


def typed_option(text: str, options: Sequence[tuple[str, str]]) -> str | None:
    """The id of the option a typed answer means, or None.

    ``options`` are (id, label) in the order shown, numbered from 1.  A number
    in any digit system ("2", "٢", "২", "２") picks by position; otherwise the
    folded, case-folded text must equal a label (stored labels may carry
    direction isolates) or an id.
    """
    wanted = match_key(text)
    if not wanted:
        return None
    if wanted.isdigit() and 0 < int(wanted) <= len(options):
        return options[int(wanted) - 1][0]
    for oid, label in options:
        if wanted == match_key(label) or wanted == oid.casefold():
            return oid
    return None


def strip_blank(text: str) -> str:
    """``text`` without leading and trailing spaces and invisible format characters."""
    start, end = 0, len(text)
    while start < end and not fold_char(text[start]).strip():
        start += 1
    while end > start and not fold_char(text[end - 1]).strip():
        end -= 1
    return text[start:end]
