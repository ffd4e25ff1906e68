"""Free-text redaction: identifying details become tags before anything is stored.

A leaked answer naming someone's phone, NHS number or address could cost them a
job, a tenancy or their children, so free text is redacted before it reaches
SQLite.  Each detector finds spans; overlapping finds go to the stronger
detector (the order of ``_DETECTORS``); each span becomes one tag such as
``[phone]``.

What is redacted, and the deliberate limits:

- Dates: only dates that could be a date of birth, i.e. a full date with day,
  month and year ("12/03/1985", "3rd May 1990", "1990-05-03"), or a day and
  month after a birth cue ("born on 3 May", "DOB 03/05").  Bare years, months
  with a year ("March 2024"), weekdays and "12/03" are kept: they are about
  the service ("waited since March 2024"), and "24/7" is not a date.
- Names: only names typed after a self-introduction ("my name is", "call me",
  "ich heiße", "nazywam się", "mă numesc", "меня зовут", "chamo-me", "اسمي"…)
  and after a title ("Dr Patel", "Mrs Jones").  A name on its own ("Sarah was
  lovely") is NOT found: no pattern can tell a name from a word without a
  name list, and the lists that exist miss most of the names people using
  these services have.  In scripts without capitals (Arabic, Urdu) only the
  one word after the cue is taken.
- NHS numbers: ten digits (optionally 3-3-4) whose mod-11 check digit is
  right, or any ten digits right after the words "NHS number".
- Card numbers: 13 to 19 digits passing the Luhn check.
- Phone numbers: UK numbers (07…, 01…, 02…, 03…, 08…, +44…), any number
  starting with + or 00 and a country code, and 3-3-3 digit groups (the common
  way to write Polish and other 9-digit mobiles).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

TAGS = (
    "email",
    "url",
    "handle",
    "card",
    "nhs_number",
    "phone",
    "ni_number",
    "postcode",
    "date",
    "name",
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    tag: str


def redact(text: str) -> str:
    """``text`` with every identifying detail found replaced by its tag."""
    out = []
    pos = 0
    for span in find(text):
        out.append(text[pos : span.start])
        out.append(f"[{span.tag}]")
        pos = span.end
    out.append(text[pos:])
    return "".join(out)


def find(text: str) -> list[Span]:
    """Non-overlapping spans to redact, in text order; earlier detectors win overlaps."""
    taken: list[Span] = []
    for detect in _DETECTORS:
        for span in detect(text):
            if not any(span.start < t.end and t.start < span.end for t in taken):
                taken.append(span)
    return sorted(taken, key=lambda s: s.start)


# --- helpers ------------------------------------------------------------------------------


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def _luhn(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def nhs_check_digit_ok(number: str) -> bool:
    """The NHS number mod-11 check: weights 10..2 on the first nine digits."""
    if len(number) != 10 or not number.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(number[9])


def _spans(pattern: re.Pattern[str], tag: str, group: int = 0) -> Callable[[str], Iterator[Span]]:
    def detect(text: str) -> Iterator[Span]:
        for m in pattern.finditer(text):
            yield Span(m.start(group), m.end(group), tag)

    return detect


# --- detectors ----------------------------------------------------------------------------

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

_TLDS = (
    r"com|org|net|uk|io|info|me|ly|co|eu|pl|ro|pt|ru|lt|lv|de|fr|es|it|ie|ua|tr|in|pk|"
    r"app|dev|tv|gov|nhs|edu|ac|biz|online|site|xyz"
)
_URL = re.compile(
    r"(?:\bhttps?://|\bwww\.)[^\s<>\"]+"
    rf"|\b(?:[a-z0-9-]{{1,63}}\.){{1,6}}(?:{_TLDS})\b(?:/[^\s<>\"]*)?",
    re.IGNORECASE,
)


def _urls(text: str) -> Iterator[Span]:
    for m in _URL.finditer(text):
        value = m.group().rstrip(".,;:!?)'\"")
        yield Span(m.start(), m.start() + len(value), "url")


_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z][A-Za-z0-9_]{2,31}\b")

_CARD = re.compile(r"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])")


def _cards(text: str) -> Iterator[Span]:
    for m in _CARD.finditer(text):
        number = _digits(m.group())
        if 13 <= len(number) <= 19 and _luhn(number):
            yield Span(m.start(), m.end(), "card")


_NHS = re.compile(r"(?<![\d+])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d])")
_NHS_CUE = re.compile(r"\bNHS\s*(?:no\.?|number|num|#)?\s*(?:is|:)?\s*[(\[]?$", re.IGNORECASE)


def _nhs_numbers(text: str) -> Iterator[Span]:
    for m in _NHS.finditer(text):
        number = "".join(m.groups())
        cued = bool(_NHS_CUE.search(text[max(0, m.start() - 30) : m.start()]))
        if cued or (number[0] != "0" and nhs_check_digit_ok(number)):
            yield Span(m.start(), m.end(), "nhs_number")


_PHONE = re.compile(
    # international: +CC or 00CC, then digits in groups
    r"(?<![\w+])(?:\+|00)[1-9][\d \-().]{6,18}\d(?!\d)"
    # UK: 0 then 9 or 10 more digits, spaced or dashed anywhere, area code maybe in brackets
    r"|(?<![\w.,£$€/:])\(?0\d{1,4}\)?(?:[ -]?\d){6,9}(?!\w|[.,/:]\d)"
    # 3-3-3 groups (Polish, Portuguese, Lithuanian… mobiles written without a prefix)
    r"|(?<![\w.,£$€/:-])\d{3}[ -]\d{3}[ -]\d{3}(?![\w.,/:-]?\d)"
)


def _phones(text: str) -> Iterator[Span]:
    for m in _PHONE.finditer(text):
        value, count = m.group(), len(_digits(m.group()))
        if value[0] in "+" or value.startswith("00"):
            fits = 9 <= count <= 15
        elif value.lstrip("(").startswith("0"):
            fits = count in (10, 11)
        else:
            fits = count == 9
        if fits:
            yield Span(m.start(), m.end(), "phone")


_NI = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b", re.IGNORECASE)

_POSTCODE = re.compile(
    r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-HJKMNPR-Y\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b",
    re.IGNORECASE,
)
_ORDINAL_END = re.compile(r"\s\d(?:st|nd|rd|th)$")


def _postcodes(text: str) -> Iterator[Span]:
    for m in _POSTCODE.finditer(text):
        # "room B2 2nd floor": a lower-case ordinal after a space is not an inward code.
        if not _ORDINAL_END.search(m.group()):
            yield Span(m.start(), m.end(), "postcode")


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


def _dates(text: str) -> Iterator[Span]:
    for m in _FULL_DATE.finditer(text):
        if m.group(1) is not None:
            a, b = int(m.group(1)), int(m.group(3))
            # Day and month in either order (UK or US); both must be possible.
            if not (1 <= a <= 31 and 1 <= b <= 31 and min(a, b) <= 12):
                continue
        yield Span(m.start(), m.end(), "date")
    for m in _BIRTH_DATE.finditer(text):
        yield Span(m.start(1), m.end(1), "date")


# Self-introductions whose next word is a name even when typed in lower case.
_STRONG_CUES = (
    r"my\s+name\s+is|my\s+names|my\s+name's|name\s+is",
    r"mein\s+name\s+ist|ich\s+hei(?:ß|ss)e",
    r"nazywam\s+si[ęe]|mam\s+na\s+imi[ęe]|moje\s+imi[ęe]\s+to",
    r"m[ăa]\s+numesc|numele\s+meu\s+(?:este|e)",
    r"меня\s+зовут|мене\s+звати|мо[её]\s+имя",
    r"chamo-me|me\s+chamo|(?:o\s+)?meu\s+nome\s+[ée]",
    r"mano\s+vardas(?:\s+yra)?",
    r"me\s+llamo|mi\s+nombre\s+es|je\s+m['’]appelle|mi\s+chiamo|benim\s+ad[ıi]m",
    r"اسمي|میرا\s+نام",
)
# Weaker cues ("call me back") count only when a capitalised word follows.
_WEAK_CUES = r"i['’]?m\s+called|i\s+am\s+called|call\s+me|they\s+call\s+me"
_CUE = re.compile(
    rf"(?:(?<!\w)(?P<strong>{'|'.join(_STRONG_CUES)})|\b(?P<weak>{_WEAK_CUES}))[\s:,]+",
    re.IGNORECASE,
)
_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Doctor|Nurse)\.?\s+(?=[A-Z])")
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")
_NOT_NAME_WORDS = """
    a an the and or but not no on at in to for of from with back later now today tomorrow
    tonight anytime any anything if when please maybe sometime again up out about that this
    it is was what who how so too very just really also here there i me you he she we they
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december nothing none
"""
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())


def _names(text: str) -> Iterator[Span]:
    for m in _CUE.finditer(text):
        yield from _name_after(text, m.end(), strong=m.group("strong") is not None)
    for m in _TITLE.finditer(text):
        yield from _name_after(text, m.end(), strong=False)


def _name_after(text: str, pos: int, *, strong: bool) -> Iterator[Span]:
    first = _WORD.match(text, pos)
    if first is None or first.group().casefold() in _NOT_NAMES:
        return
    word = first.group()
    caseless = not word[0].isupper() and not word[0].islower()
    if not strong and not word[0].isupper():
        return
    end = first.end()
    # Up to two more capitalised words make a full name ("John Paul Smith").
    for _ in range(2):
        if caseless:
            break
        nxt = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
        if nxt is None or not nxt.group()[0].isupper() or nxt.group().casefold() in _NOT_NAMES:
            break
        end = nxt.end()
    yield Span(first.start(), end, "name")


_DETECTORS: tuple[Callable[[str], Iterator[Span]], ...] = (
    _spans(_EMAIL, "email"),
    _urls,
    _spans(_HANDLE, "handle"),
    _cards,
    _nhs_numbers,
    _spans(_NI, "ni_number"),
    _dates,
    _phones,
    _postcodes,
    _names,
)
