"""Dates that could be a date of birth.

Only a full date with day, month and year ("12/03/1985", "3rd May 1990",
"1990-05-03"), or a day and month after a birth cue ("born on 3 May",
"DOB 03/05").  Bare years, months with a year ("March 2024"), weekdays and
"12/03" are kept: they are about the service ("waited since March 2024"), and
"24/7" is not a date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.redact.spans import Span, needs_digits

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_FULL_DATE = re.compile(
    rf"\b{_DAY}(?:\s+of)?[\s-]+{_MONTH}[\s,-]+{_YEAR}\b"
    rf"|\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"
    r"|\b(?:19|20)\d{2}-(?:0?[1-9]|1[0-2])-(?:[12]\d|3[01]|0?[1-9])\b"
    r"|(?<![\d.,/:-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)?\d{2})(?![\d/.-]\d|\d)",
    re.IGNORECASE,
)
_BIRTH_DATE = re.compile(
    r"\b(?:born(?:\s+on)?|d\.?o\.?b\.?|date\s+of\s+birth|birthday(?:\s+is)?)\s*(?:is|:|-)?\s*"
    rf"({_DAY}(?:\s+of)?\s+{_MONTH}|{_MONTH}\s+{_DAY}|\d{{1,2}}[/.-]\d{{1,2}})\b",
    re.IGNORECASE,
)


@needs_digits(1)
def dates(text: str) -> Iterator[Span]:
    for m in _FULL_DATE.finditer(text):
        if m.group(1) is not None:
            a, b = int(m.group(1)), int(m.group(3))
            # Day and month in either order (UK or US); both must be possible.
            if not (1 <= a <= 31 and 1 <= b <= 31 and min(a, b) <= 12):
                continue
        yield Span(m.start(), m.end(), "date")
    for m in _BIRTH_DATE.finditer(text):
        yield Span(m.start(1), m.end(1), "date")
