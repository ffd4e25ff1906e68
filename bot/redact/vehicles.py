"""UK vehicle registrations ("AB12 CDE") and driving licence numbers: the DVLA links a plate
to its registered keeper, so a plate in feedback ("my car KX19 ABC was clamped outside the
hub") finds the person; a licence number spells out the surname and the date of birth.

Only the current format (since 2001): two letters, the two-digit age identifier, three
letters.  Written in capitals it is taken anywhere; in lower case only after a word that
says it is a plate ("reg", "registration", "number plate", "car"), as "ab12cde" in lower
case could be a password or a reference.  Older formats ("A123 BCD") are left: one of
them is the shape of a UK prison number, which ``numbers`` tags.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.redact.spans import Span, needs_digits

# Letters never used: I, Q and Z in the first two (Z only in the last three); the age
# identifier is 02-29 (March) or 51-79 (September).
_PLATE = r"[A-HJ-PR-Y]{2}(?:0[2-9]|[12]\d|5[1-9]|[67]\d)[ \t]?[A-HJ-PR-Z]{3}"
_CAPITALS = re.compile(rf"(?<![\w-]){_PLATE}(?![\w-])")
_CUED = re.compile(
    rf"(?i:\b(?:reg|registration|reg\s+no|number\s+plate|plate|car|van|motorbike|vehicle)"
    rf"\b\W{{0,3}}(?:(?:is|was|number|no|:)\W{{0,3}})?)(?P<plate>(?i:{_PLATE}))(?![\w-])"
)


@needs_digits(2)
def plates(text: str) -> Iterator[Span]:
    for m in _CAPITALS.finditer(text):
        yield Span(m.start(), m.end(), "vehicle")
    for m in _CUED.finditer(text):
        yield Span(m.start("plate"), m.end("plate"), "vehicle")


# Five letters of the surname (9 pads a short one), the date of birth (YMMDDY, the month
# plus 50 for a woman), two initials (9 pads), a digit, two check letters (or digits).
_LICENCE = re.compile(
    r"(?<![\w-])[A-Z9]{5}[ \t]?\d(?:[0156]\d)(?:[0-2]\d|3[01])\d"
    r"[ \t]?[A-Z9]{2}\d[A-Z0-9]{2}(?![\w-])",
    re.IGNORECASE,
)


@needs_digits(7)
def licences(text: str) -> Iterator[Span]:
    for m in _LICENCE.finditer(text):
        yield Span(m.start(), m.end(), "licence")
