"""Locale data readers see: language names and dates, from CLDR through Babel.

Hand-written tables of month names (13 languages × 12) or language names
(13 × 13) would drift and miss grammar (Polish and Russian month names decline
inside a date); Babel carries CLDR's for every language we offer.  A code
Babel does not know falls back to English, never to an error.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date

_REGION = {"en": "en_GB"}
"""English as written in the UK: '16 November 2026', not 'November 16, 2026'."""


@cache
def _locale(lang: str) -> Locale:
    try:
        return Locale.parse(_REGION.get(lang, lang))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def language_name(code: str, reader: str) -> str:
    """The name of language ``code`` in the reader's language ("Polish", "polski", "البولندية")."""
    return _locale(reader).languages.get(code) or code


def long_date(day: date, lang: str) -> str:
    """'16 November 2026', '16 listopada 2026', '١٦ نوفمبر ٢٠٢٦': CLDR's long date form."""
    return format_date(day, format="long", locale=_locale(lang))
