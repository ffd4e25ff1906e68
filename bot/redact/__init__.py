"""Free-text redaction: identifying details become tags before anything is stored.

A leaked answer naming someone's phone, NHS number or address could cost them a
job, a tenancy or their children, so free text is redacted before it reaches
SQLite.  Each detector finds spans; overlapping finds go to the stronger
detector (the order of ``_DETECTORS``); each span becomes one tag such as
``[phone]``.

Normalise before you match: detectors look at :func:`bot.textnorm.fold` of the
text (every Unicode digit as ASCII, invisible format characters dropped,
full-width forms and odd spaces unified), and each span found there is mapped
back to the characters the person typed.  So "٠٧٩١١ ١٢٣٤٥٦" and "07\u200b911…"
are found like "07911 123456", and everything outside a span is stored
exactly as typed.

What each detector finds, and its deliberate limits, is in its own module:
``numbers`` (phones via libphonenumber, NHS, card, bank, prison and NI
numbers), ``places`` (street addresses with the flat and block around them,
homes named without a number after a home word, postcodes), ``online`` (emails,
also written out in words, web addresses), ``handles`` ("@name", a
handle or profile name after a platform named in any language), ``dates`` (dates that
could be a date of birth), ``names`` (names after a self-introduction or a
title), ``intros`` (full names after a bare "I am": "ami Rahim Uddin") and
``staff`` (a full name after a role word: "my keyworker John Smith"), ``people`` (a full
name anywhere, found by a given name or a surname from ``given_names``: "me and Kasia Nowak",
"NOWAK Katarzyna", "জামাল হোসেন"; a famous person's name, listed in ``famous``, stays) and
``vehicles`` (UK number plates, "KX19 ABC", and driving licence numbers).
What must survive is as important: doses, durations, times, counts,
helpline numbers, service and prison names, a famous person's name, a flat number alone, and
someone else's first name on its own.  One's own name given in an introduction is hidden,
first name alone or not ("i'm kelly", "this is Kelly,", "ami rahim", "હું રમેશ છું").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from bot.redact import (
    dates,
    handles,
    intros,
    names,
    numbers,
    online,
    people,
    places,
    staff,
    vehicles,
)
from bot.redact.spans import KEEP, Span, digit_count
from bot.textnorm import fold, fold_char

__all__ = ["TAGS", "Redactor", "Span", "find", "nhs_check_digit_ok", "redact"]

TAGS = (
    "email",
    "url",
    "handle",
    "card",
    "bank_account",
    "nhs_number",
    "prison_number",
    "phone",
    "ni_number",
    "vehicle",
    "licence",
    "address",
    "postcode",
    "date",
    "name",
)

nhs_check_digit_ok = numbers.nhs_check_digit_ok

_DECORATIONS = str.maketrans(
    dict.fromkeys(
        [*range(0xFE00, 0xFE10), *range(0x20D0, 0x2100), *range(0x0332, 0x0339)], "\u200b"
    )
)
"""Marks that only dress a character up: variation selectors, the keycap and other marks
for symbols ("0️⃣7️⃣9️⃣…"), and the overlays and underlines of "fancy text" generators
("0̶7̶9̶…").  ``fold`` keeps combining marks (a vowel sign is part of a word), so these are
read as a zero-width space, which it drops, one for one: positions do not move."""


_LOOKALIKES = str.maketrans(
    "аеорсухіјѕԁԛԝАВЕКМНОРСТХІЈЅοαικνρτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdqwABEKMHOPCTXIJSoaikvptuxABEZHIKMNOPTYX",
)
"""Cyrillic and Greek letters that look Latin, and the Latin letter each is taken for."""
_LOOKALIKE = re.compile("[" + "".join(chr(c) for c in _LOOKALIKES) + "]")
_LETTERS = re.compile(r"[^\W\d_]+")


def _unmixed(text: str) -> str:
    """``text`` with each word that mixes Latin letters and Cyrillic or Greek look-alikes
    written in Latin alone ("instаgram", "snаpchat" with a Cyrillic а), one letter for one:
    a platform, a cue or a name disguised so is read.  A word wholly in Cyrillic or Greek
    ("меня зовут Ольга") is left as it is."""
    if _LOOKALIKE.search(text) is None:
        return text

    def latin(m: re.Match[str]) -> str:
        word = m.group()
        if not any("a" <= c.lower() <= "z" for c in word) or _LOOKALIKE.search(word) is None:
            return word
        return word.translate(_LOOKALIKES)

    return _LETTERS.sub(latin, text)


class Redactor:
    """Finds and replaces identifying details; ``keep_numbers`` are never redacted.

    ``keep_numbers`` are the helplines the bot itself shows (config
    ``helplines``), on top of the national ones in ``numbers.HELPLINES``:
    "I rang 0300 123 6600" is feedback about a service, not a way to find
    someone.
    """

    def __init__(self, keep_numbers: Iterable[str] = ()) -> None:
        phones = numbers.PhoneFinder(keep_numbers)
        self._detectors: tuple[Callable[[str], Iterator[Span]], ...] = (
            online.emails,
            handles.worded_handles,
            online.urls,
            handles.at_handles,
            numbers.cards,
            numbers.card_codes,
            numbers.bank_accounts,
            numbers.nhs_numbers,
            numbers.prison_numbers,
            numbers.ni_numbers,
            vehicles.plates,
            vehicles.licences,
            dates.dates,
            dates.worded_birth_dates,
            phones,
            numbers.spoken_phones,
            numbers.phones_in_hundreds,
            phones.split_by_a_word,
            places.addresses,
            places.homes,
            places.postcodes,
            places.loose_postcodes,
            names.names,
            names.restated_names,
            intros.bare_intros,
            intros.opening_names,
            intros.apposed_names,
            intros.asked_for_after,
            intros.sign_offs,
            staff.staff_names,
            people.full_names,
        )

    def find(self, text: str) -> list[Span]:
        """Non-overlapping spans of ``text`` (as typed) to redact, in order."""
        plain = _unmixed(text.translate(_DECORATIONS))
        folded = fold(plain)
        count = digit_count(folded.text)
        taken: list[Span] = []
        for detect in self._detectors:
            if count < getattr(detect, "min_digits", 0):
                continue  # most answers hold few digits: skip what needs many
            for span in detect(folded.text):
                clashes = [t for t in taken if span.start < t.end and t.start < span.end]
                if not clashes:
                    taken.append(span)
                elif span.tag in ("address", "phone") and all(
                    t.tag == span.tag and span.start <= t.start and t.end <= span.end
                    for t in clashes
                ):
                    # A fuller address wins: "Orchard House, flat 3" (a home) over "flat 3"
                    # (a flat alone), or the house name was stored; a fuller phone too:
                    # "07 nine 11 22 33 44" said in words and figures over its figures'
                    # tail "11 22 33 44", or "07 nine" was stored.  (Not names: a title or
                    # a cue kept outside a name is the corpora's convention.)
                    taken = [t for t in taken if t not in clashes]
                    taken.append(span)
                elif span.tag == "name" and all(
                    t.tag == "name" and t.start == span.start and t.end < span.end for t in clashes
                ):
                    # A name found whole where a cue took its first word only ("i'm sarah
                    # jane smith"): the fuller one, from the same first letter.
                    taken = [t for t in taken if t not in clashes]
                    taken.append(span)
        spans = []
        for span in sorted(taken, key=lambda s: s.start):
            if span.tag == KEEP:
                continue
            start, end = folded.span(span.start, span.end)
            # Invisible characters glued to a detail go with it ("0\u200b7\u200b…\u200b").
            while start > 0 and not fold_char(plain[start - 1]):
                start -= 1
            while end < len(plain) and not fold_char(plain[end]):
                end += 1
            spans.append(Span(start, end, span.tag))
        return spans

    def redact(self, text: str) -> str:
        """``text`` with every identifying detail found replaced by its tag."""
        out = []
        pos = 0
        for span in self.find(text):
            out.append(text[pos : span.start])
            out.append(f"[{span.tag}]")
            pos = span.end
        out.append(text[pos:])
        return "".join(out)


_DEFAULT = Redactor()


def redact(text: str) -> str:
    """``text`` redacted, keeping only the national helplines (see :class:`Redactor`)."""
    return _DEFAULT.redact(text)


def find(text: str) -> list[Span]:
    return _DEFAULT.find(text)
