"""Risk signposting: when someone writes that they are at risk, show helplines at once.

Phrases come from ``risk_phrases`` in config, per language.  Matching is on a
normalised form of both text and phrase: case-folded, accents and other
diacritics dropped ("chcę" = "chce", "să" = "sa"), Arabic/Urdu letter variants
unified, apostrophes removed ("don't" = "dont"), other punctuation and runs of
spaces made one space.  A phrase matches whole words only ("overdose" does
not fire on "overdue"); ``*`` at the end of a word allows any ending
("samobójstw*" finds samobójstwo, samobójstwa) and at its start any prefix
(for Arabic's joined article and conjunctions: "*انتحار").

Decisions, and why:

- Every language's list is checked against every message, whatever language
  the person chose: people often type in their first language after choosing
  English.  The alert is in the language they chose.
- Negation does not suppress a match.  "I'm not suicidal but…" often comes
  before a disclosure, and some risk phrases are negations themselves
  ("nie chcę żyć", "don't want to live").  A helpline shown when it was not
  needed costs a moment; one not shown could cost a life.
- For the same reason a whole-word match fires even in an unrelated sense
  ("Suicide Squad"); near-misses that are different words ("I killed it at the
  gym", "overdue", "dying for a brew") do not.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from bot.config import Helpline
from bot.i18n import Catalogue

# Letters NFKD does not take apart, and Arabic-script variants people type interchangeably.
_FOLD = str.maketrans(
    {
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "đ": "d",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ı": "i",
        "ة": "ه",
        "ى": "ي",
        "ی": "ي",
        "ے": "ي",
        "ک": "ك",
        "ہ": "ه",
        "ھ": "ه",
        "ـ": None,
        "'": None,
        "’": None,
        "ʼ": None,
        "`": None,
    }
)
_NON_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Text reduced to lower-case words without diacritics, single-spaced."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD).casefold())
    bare = "".join(ch for ch in folded if not unicodedata.combining(ch)).translate(_FOLD)
    return _NON_WORD.sub(" ", bare).strip()


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A whole-word pattern over normalised text; ``*`` marks a free prefix or ending."""
    parts = []
    for token in phrase.split():
        head, tail = token.startswith("*"), token.endswith("*")
        core = normalise(token.strip("*"))
        if not core:
            continue
        words = [re.escape(w) for w in core.split()]
        words[0] = (r"\w*" if head else "") + words[0]
        words[-1] = words[-1] + (r"\w*" if tail else "")
        parts.extend(words)
    if not parts:
        raise ValueError(f"risk phrase {phrase!r} has no words")
    return re.compile(r"(?<!\w)" + " ".join(parts) + r"(?!\w)")


def anchor(phrase: str) -> str:
    """The longest word of the normalised phrase, wildcards left off."""
    return max(normalise(phrase.replace("*", " ")).split(), key=len, default="")


class RiskScreen:
    """Every configured phrase, compiled once.

    Each phrase also keeps its longest literal word: a pattern cannot match
    text that does not contain it, and a substring test is far cheaper than
    a regex search, so ~170 phrases cost little more than normalising the text.
    """

    def __init__(self, phrases: dict[str, list[str]]):
        self._patterns = [
            (lang, phrase, anchor(phrase), phrase_pattern(phrase))
            for lang, items in phrases.items()
            for phrase in items
        ]

    def matches(self, text: str) -> list[tuple[str, str]]:
        """(language, phrase) of every phrase found in ``text``."""
        plain = normalise(text)
        return [
            (lang, phrase)
            for lang, phrase, word, p in self._patterns
            if word in plain and p.search(plain)
        ]

    def at_risk(self, text: str) -> bool:
        plain = normalise(text)
        return any(word in plain and p.search(plain) for _, _, word, p in self._patterns)


def signpost(catalogue: Catalogue, helplines: Iterable[Helpline], lang: str) -> str:
    """The alert: a kind opening, each helpline on its own line, then what happens next."""
    lines = [catalogue.text("risk.intro", lang)]
    for line in helplines:
        note = catalogue.pick(line.note, lang) if line.note else ""
        lines.append(f"• {line.name}: {line.number}" + (f" ({note})" if note else ""))
    lines.append(catalogue.text("risk.outro", lang))
    return "\n".join(lines)
