"""Russian in Cyrillic and in Latin letters, folded to one spelling for the risk rules.

Half of what people write in Russian on a phone with a Latin keyboard is transliterated,
each in their own way: "хочу" is "hochu", "khochu" or "xochu"; "жить" is "zhit'" or
"zhit"; "сейчас" is "seychas", "sejchas" or "seichas". The Russian lexicon
(``bot/risk_lexicon.yaml``) listed a Latin spelling beside some Cyrillic words, not most:
on blind batch 9 the rules found 5 of 12 transliterated disclosures in the dev-test half,
against 10 of 13 in Cyrillic.

``fold`` maps a word of either script to one rough Latin skeleton: Cyrillic letters
transliterated, and the spellings people vary made one ("shch"/"sch", "kh"/"h"/"x",
"ts"/"c", "j"/"y"); "y" for "ы" is kept apart from "i" ("byla", was, is not "bila", hit).
A lexicon word in one script so finds the other.
``bot.risk_rules`` looks the folded words up in an index of the Russian entries only, for
Cyrillic sentences and for Latin ones that look like transliterated Russian (``looks_russian``).
"""

from __future__ import annotations

import re
from functools import lru_cache

_CYR = dict(
    re.findall(
        r"(\w):(\w*)",
        "а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:y к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u "
        "ф:f х:h ц:c ч:ch ш:sh щ:sh ъ: ы:y ь: э:e ю:yu я:ya",
    )
)
_DIGRAPHS = (
    ("shch", "sh"),
    ("sch", "sh"),
    ("kh", "h"),
    ("x", "h"),
    ("tz", "c"),
    ("ts", "c"),
    ("w", "v"),
    ("j", "y"),
)
_REPEAT = re.compile(r"(.)\1+")
_STRONG = frozenset(
    re.findall(
        r"\w+",
        "menya mne chto shto ochen uzhe esli kogda sebya sebe nichego nikto bolshe segodnya "
        "zavtra potomu nado mozhno hochu khochu budet tebya zhit zhizn seychas sejchas teper "
        "muzh otchim pochemu vsegda nikogda posle",
    )
)
"""Russian words as typed in Latin letters that other enabled languages seldom write."""
_WEAK = frozenset(
    re.findall(r"\w+", "ya ne eto kak vse vsyo ona moy moi moya moyu moego tolko byl byla prosto")
)
"""Common Russian words that other languages write too ("ya", "ne", "moi"): two needed."""


@lru_cache(maxsize=8192)
def fold(word: str) -> str:
    """``word`` (normalised: lower case, no apostrophes) as one Latin skeleton."""
    out = "".join(_CYR.get(ch, ch) for ch in word)
    for old, new in _DIGRAPHS:
        out = out.replace(old, new)
    return _REPEAT.sub(r"\1", out)


def looks_russian(tokens: list[str]) -> bool:
    """Whether a Latin sentence's words look like transliterated Russian."""
    weak = 0
    for token in tokens:
        if token in _STRONG:
            return True
        if token in _WEAK:
            weak += 1
    return weak >= 2
