"""A risk word typed with one slip of the thumb, read as the word it was meant to be.

A tired person on a phone swaps two letters ("i wnat to die"), drops one ("chcę umżeć" for
"umrzeć"), hits the key next to the one meant ("i wamt to die"), or types one vowel for
another ("хочу умиреть").  The lexicon (``bot/risk_lexicon.yaml``) listed the slips someone
had seen ("myslef", "wnt"); every new writer makes new ones, so a list never catches up.
Here a word no lexicon knows is read as a core risk word (``CLASSES``) when it is one slip
from it, under rules that keep the guess safe:

- The first letter is kept (people seldom miss it, and a changed first letter turns "kill"
  into "bill" or "will"); two letters swapped may be the second and third ("wnat").
- Only slips of the thumb and of spelling: two letters swapped, or a key next to the one
  meant, in a lexicon word of four letters or more; a letter dropped or added, or one vowel
  for another, in one of five or more.  Shorter words are one slip from too many others
  ("dei" is Portuguese and Italian, not "die"), and any other letter for one makes another
  word more often than a slip ("rapei", I shaved, is no "raped").
- Never a word that is itself common in a language people write here: ``COMMON_PATH``
  lists every such word that is one slip from a core risk word ("went" is not "want",
  "hole" is not "hope"), and every beginning of a common word that is one slip from a
  stem ("pasikal*", as in "pasikalbėti", to talk, is no "pasikar*", to hang oneself),
  taken from the word frequency lists of 15 languages (``bench/slip_common.py``
  regenerates it).  A word any lexicon knows is never a slip.
- A stem ("suicid*") is read through a slip only with a few letters after it ("sucidal"),
  and only when it has five letters or more (``STEM``): a slip at the start of a long
  word begins another word.
- Only the languages whose common words those lists cover and scripts whose keyboards we
  know: Latin and Cyrillic words of en, pl, ru, pt, ro, lt, lv and the borrowed ``_any``
  words.  Arabic script, the Indic scripts and romanised Urdu, Punjabi, Gujarati, Bengali
  and Somali are left exact: no list says which of their words a slip would make; so is
  Arabizi, whose spellings vary so much that every word is one slip from some other.

Explainable: the word found is shown as typed and as read, "wnat(want)", by
``feedback-bot risk-check``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

COMMON_PATH = Path(__file__).with_name("risk_noslip.txt")
LANGUAGES = frozenset({"en", "pl", "ru", "pt", "ro", "lt", "lv", "_any"})
"""Languages whose core words are read through a slip (their common words are listed)."""
CLASSES = frozenset(
    {
        "SUICIDE",
        "SELFHARM",
        "OD",
        "WISH",
        "DIE",
        "KILL",
        "SELF",
        "LIVE",
        "HARM",
        "HANG",
        "HANGSELF",
        "OVERDOSE",
        "DRUG",
        "ABUSE",
        "RAPE",
        "DV",
        "VIOLENCE",
        "STRANGLE",
        "THREAT",
        "BLEED",
    }
)
"""The core risk words: the act, the wish and the person it is aimed at."""
SHORT = 4
"""The fewest letters a lexicon word may have to be read through a swap or a key next to it."""
LONG = 5
"""The fewest letters a lexicon word may have to be read through a letter dropped or added,
or one vowel typed for another ("умиреть" for "умереть")."""
STEM = 5
"""The fewest letters a stem ("rezal*": any word that begins so) may have to be read through a
swap or a key next to it: its slips begin many words, not one."""
STEM_LOOSE = 6
"""The fewest letters a stem may have to be read through a letter dropped or added or a vowel
changed ("parzy*" dropping its "a" is "przy", which begins half the words of Polish)."""
LONGEST = 30
"""The longest word read as a slip or as words run together: a wall of letters pasted in (or
a bot flooding the chat) is no word typed, and reading it costs the square of its length."""
ENDING = 4
"""The most letters a word may have after a stem read through a slip ("sucid|al"): lexicon
stems are words less their ending, and a slip at the start of a long word is another word
("peredz|voniv", called back, is no "peredoz", overdose)."""
_LETTERS = re.compile(r"[a-z\u0430-\u044f\u0451]+")
_KEYBOARDS = (
    ("qwertyuiop", "asdfghjkl", "zxcvbnm"),
    ("йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"),
)
"""QWERTY (English, Polish, Portuguese, Romanian, Lithuanian and Latvian phones) and ЙЦУКЕН."""
VOWELS = frozenset("aeiouyаеёиоуыэюя")


def _neighbours() -> dict[str, frozenset[str]]:
    """Each letter's neighbours on its keyboard, beside it and in the rows above and below
    (each row sits half a key to the right of the one above)."""
    out: dict[str, frozenset[str]] = {}
    for rows in _KEYBOARDS:
        where = {ch: (r, c + r / 2) for r, row in enumerate(rows) for c, ch in enumerate(row)}
        for ch, (r, x) in where.items():
            out[ch] = frozenset(
                o
                for o, (r2, x2) in where.items()
                if (r2 == r and abs(x2 - x) == 1) or (abs(r2 - r) == 1 and abs(x2 - x) <= 0.5)
            )
    return out


NEIGHBOURS = _neighbours()


def slip(typed: str, meant: str, loose: int = LONG) -> bool:
    """Whether ``typed`` is ``meant`` with one slip allowed for its length (module doc): two
    letters swapped, or a key next to the one meant; and when ``meant`` has ``loose`` letters
    or more, a letter dropped or added, or one vowel for another.  Any other letter for one
    is another word more often than a slip ("rapei", I shaved, is not "raped"; "zapije", he
    will drink, is not "zabije", he will kill)."""
    if typed == meant or not typed or typed[0] != meant[0]:
        return False
    n, m = len(meant), len(typed)
    if n < SHORT:
        return False
    if m == n:
        diff = [i for i in range(n) if typed[i] != meant[i]]
        if len(diff) == 2:
            i, j = diff
            # Two vowels swapped in a short word spell another language's word ("ba2et", I
            # stayed in Arabizi, is "baet", not "beat").
            short_vowels = n < loose and {typed[i], typed[j]} <= VOWELS
            return j == i + 1 and typed[i] == meant[j] and typed[j] == meant[i] and not short_vowels
        if len(diff) != 1:
            return False
        got, want = typed[diff[0]], meant[diff[0]]
        return got in NEIGHBOURS.get(want, ()) or (n >= loose and {got, want} <= VOWELS)
    if n < loose or abs(m - n) != 1:
        return False
    short, long_ = (typed, meant) if m < n else (meant, typed)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


def _deletes(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


class Slips:
    """The core risk words of one lexicon, indexed so that a word's slips are found fast.

    ``words``: (normalised word, a stem?, language, class).  ``common``: normalised words
    never read as a slip, and beginnings ("pasikal*": "pasikalbėti", to talk) never read
    as a stem typed with a slip.
    """

    def __init__(self, words: Iterable[tuple[str, bool, str, str]], common: Iterable[str]):
        common = set(common)
        self.beginnings = frozenset(w[:-1] for w in common if w.endswith("*"))
        self.common = frozenset(w for w in common if not w.endswith("*"))
        self._whole: dict[str, set[tuple[str, str, str]]] = {}
        self._stems: dict[str, set[tuple[str, str, str]]] = {}
        sizes: set[int] = set()
        for word, stem, lang, cls in words:
            if lang not in LANGUAGES or cls not in CLASSES or len(word) < SHORT:
                continue
            if not _LETTERS.fullmatch(word) or (stem and len(word) < STEM):
                continue  # "pray*" would read half of Polish ("przy...") through a slip
            table = self._stems if stem else self._whole
            if stem:
                sizes.add(len(word))
            for key in _deletes(word):
                table.setdefault(key, set()).add((word, lang, cls))
        self._heads = sorted({n + d for n in sizes for d in (-1, 0, 1)})
        """The lengths of a word's beginning that may be a stem typed with a slip."""

    def __bool__(self) -> bool:
        return bool(self._whole or self._stems)

    def matches(self, token: str) -> list[tuple[str, str, str, str]]:
        """(the lexicon word, its language, its class, and for a stem the beginning of
        ``token`` typed for it, else "") for each core word ``token`` is one slip from."""
        if not SHORT <= len(token) <= LONGEST or token in self.common:
            return []
        if not _LETTERS.fullmatch(token):
            return []
        out = [
            (word, lang, cls, "")
            for key in _deletes(token)
            for word, lang, cls in self._whole.get(key, ())
            if slip(token, word)
        ]
        for size in self._heads:
            if size > len(token):
                break
            head = token[:size]
            if len(token) - size > ENDING or head in self.beginnings:
                continue
            for key in _deletes(head):
                for word, lang, cls in self._stems.get(key, ()):
                    if (
                        abs(len(word) - size) <= 1
                        and head != word[:-1]  # a stem one letter short is no slip
                        and slip(head, word, STEM_LOOSE)
                    ):
                        out.append((word, lang, cls, head))
        return out

    def read(self, token: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        """``token`` shown as "typed(meant)" and its (language, class) pairs, when it is one
        slip from a core risk word; ("", ()) when it is none, or common, or too short."""
        found = self.matches(token)
        if not found:
            return "", ()
        meant = sorted({word for word, _, _, _ in found})
        pairs = tuple(sorted({(lang, cls) for _, lang, cls, _ in found}))
        return f"{token}({'|'.join(meant)})", pairs


def load_common(path: Path = COMMON_PATH) -> list[str]:
    """The common words a slip must never be read from, and the beginnings (``word*``) a
    stem's slip must never be read from, as listed (``COMMON_PATH``)."""
    if not path.exists():
        return []
    words = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [w for w in words if w and not w.startswith("#")]


GLUED = 6
"""The fewest letters a word may have to be read as words run together ("нехочу")."""
FILLER = 2
"""The most letters a piece between two lexicon words may have without being one ("to")."""
WORD = 3
"""The fewest letters a piece must have to be a lexicon word, but for a negation ("не")."""
NEG = "NEG"
CORE_PIECES = 2
"""Risk words or negations a run-together word must hold ("не|хочу", "want|to|die")."""


def unglue(
    token: str, known: Callable[[str], tuple[tuple[str, str], ...]], core: frozenset[str]
) -> list[str] | None:
    """``token`` as the words it runs together when the space bar was missed ("wanttodie"
    is "want to die", "нехочу" is "не хочу"), or None.

    ``known(piece)``: the (language, class) pairs a lexicon reads ``piece`` as.  Every piece
    is a word of one language's lexicon (or a borrowed one) or a filler of up to ``FILLER``
    letters between two of them ("to", "sa"), and ``CORE_PIECES`` of them are risk words or
    negations (``core``): a word of one language is seldom two risk words of another run
    together.  The split with the most of those, then the fewest fillers, then the fewest
    pieces, wins.
    """
    n = len(token)
    if not GLUED <= n <= LONGEST or not _LETTERS.fullmatch(token):
        return None
    langs: dict[tuple[int, int], dict[str, frozenset[str]]] = {}
    for i in range(n):
        for j in range(i + 2, n + 1 if i else n):
            by_lang: dict[str, set[str]] = {}
            for lang, cls in known(token[i:j]):
                by_lang.setdefault(lang, set()).add(cls)
            if by_lang:
                langs[i, j] = {lang: frozenset(c) for lang, c in by_lang.items()}
    found: tuple[int, int, list[str]] | None = None
    for lang in {lang for by_lang in langs.values() for lang in by_lang} & LANGUAGES - {_ANY}:
        done = _split(token, langs, (lang, _ANY), core)
        if done is not None and (found is None or done[:2] < found[:2]):
            found = done
    return None if found is None else found[2]


_ANY = "_any"


def _split(
    token: str,
    langs: dict[tuple[int, int], dict[str, frozenset[str]]],
    own: tuple[str, ...],
    core: frozenset[str],
) -> tuple[int, int, list[str]] | None:
    """The best split of ``token`` into words of the languages ``own`` (``unglue``)."""
    n = len(token)
    # best[i]: (fillers, pieces, core pieces, the last piece a filler, the pieces) up to i;
    # the most core pieces win ("i|wanto|kilmyself", not "i|wantokilmyself" by "want*").
    best: list[tuple[int, int, int, bool, list[str]] | None] = [None] * (n + 1)
    best[0] = (0, 0, 0, False, [])  # "i|want|to|die": a filler may open it
    for i in range(n):
        here = best[i]
        if here is None:
            continue
        fillers, count, cores, after_filler, pieces = here
        for j in range(i + 1, n + 1 if i else n):
            by_lang = langs.get((i, j), {})
            classes = frozenset().union(*(by_lang.get(lang, frozenset()) for lang in own))
            if NEG in classes and i:
                classes -= {
                    NEG
                }  # a negation opens a word ("ne|gribu"), never ends one ("pale|nie")
            if j - i < WORD and NEG not in classes:
                classes = frozenset()  # "mu|sh|kil" is "mushkil", hard: no word of two letters
            if classes:
                step = (fillers, count + 1, cores + bool(core & classes), False)
            elif j - i <= FILLER and not after_filler:
                step = (fillers + 1, count + 1, cores, True)
            else:
                continue
            then = best[j]
            if then is None or (-step[2], *step[:2]) < (-then[2], *then[:2]):
                best[j] = (*step, [*pieces, token[i:j]])
    done = best[n]
    if done is None or done[2] < CORE_PIECES or done[3]:
        return None
    return done[0], done[1], done[4]
