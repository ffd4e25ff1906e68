"""Risk signposting: when someone writes that they are at risk, show helplines at once.

Phrases are token patterns, per language and category, from
``bot/risk_phrases.yaml`` (built in) plus ``risk_phrases`` in config (staff
additions).  Both text and pattern are normalised the same way first (see
``normalise``), so a pattern names words, not spellings.  Pattern syntax, one
slot per space-separated item:

- ``word``: that whole word; ``stem*`` any ending; ``*word`` any beginning
  (Arabic's joined article and conjunctions); ``*part*`` both.
- ``a|b|c``: any of these here; ``_`` joins words inside one choice
  (``do_not|dont``).
- ``{name}``: any form from the language's ``macros`` (``{neg}``: dont, do not,
  dnt, …), so negation and pronouns are written once per language.
- ``slot?``: the slot may be absent ("nie chcę już? żyć").
- ``..``: up to 3 other words here ("kill … myself"); ``..N`` up to N.

Every hit names its language, category and the pattern that fired, so staff
can see why a message was signposted (``feedback-bot risk-check TEXT``).

Decisions, and why:

- Every language's list is checked against every message, whatever language
  the person chose: people often type in their first language after choosing
  English.  The alert is in the language they chose.
- Negation does not suppress a match.  "I'm not suicidal but…" often comes
  before a disclosure, and some risk phrases are negations themselves
  ("nie chcę żyć", "don't want to live").  A helpline shown when it was not
  needed costs a moment; one not shown could cost a life.
- Figures of speech made of other words ("this queue is killing me", "I'd kill
  for a coffee", "dying to get a place") are left alone by writing patterns
  that need the person themself as object or a word of intent, not by a list
  of exceptions.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

import yaml

from bot.config import Helpline
from bot.helplines import helpline_line
from bot.i18n import Catalogue
from bot.risk_model import EVIDENCE, RiskModel, load_model, meanings
from bot.risk_rules import ConceptScreen, Reading
from bot.risk_rules import builtin as concept_rules
from bot.sources import BASE_LOADER
from bot.translit import INDIC

PHRASES_PATH = Path(__file__).with_name("risk_phrases.yaml")
CONCEPTS_PATH = Path(__file__).with_name("risk_concepts.yaml")
"""Broad concept patterns found missing by the independent held-out set, merged in."""
CATEGORIES = ("suicide", "self_harm", "overdose", "abuse")
"""What a phrase can signal; ``abuse`` includes a child in danger."""
GENERAL = "general"
MODEL = "model"
"""The ``lang`` of a hit found by ``bot.risk_model`` (it reads every language at once)."""
"""Category of a staff phrase given as a plain list (helplines only, no extra advice)."""
_GAP_DEFAULT = 3
_GAP_MAX = 12
"""The widest gap a phrase may hold: a wider one matches words that have nothing to do with
each other, and costs a scan of that many words from each place its first word occurs."""
_KNOWN_MAX = 50_000

# Letters NFKD does not take apart, and Arabic-script variants people type interchangeably.
_FOLD = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ı": "i",
        "ё": "е",
        "ة": "ه",
        "ى": "ي",
        "ی": "ي",
        "ے": "ي",
        "ۓ": "ي",
        "ک": "ك",
        "ہ": "ه",
        "ھ": "ه",
        "ۀ": "ه",
        "ـ": None,
        "ء": None,
        "ں": "ن",
        # Nasal marks people often leave out: Gurmukhi bindi/tippi/addak, Bengali
        # chandrabindu, Gujarati and Devanagari candrabindu/anusvara.
        "\u0a02": None,
        "\u0a70": None,
        "\u0a71": None,
        "\u0981": None,
        "\u0a81": None,
        "\u0a82": None,
        "\u0901": None,
        "\u0902": None,
        "'": None,
        "’": None,
        "‘": None,
        "ʼ": None,
        "`": None,
        "´": None,
    }
)
# Digits inside a Latin word: leetspeak ("k1ll", "mys3lf", "de@d") and Arabizi, Arabic in
# Latin letters with digits for the sounds Latin lacks ("7abel" = habel, "a5adt" = akhadt,
# "2arrart" = arrart, "la6eef" = lateef, "a9a7i" = asahi).  Each digit folds to the letters
# people type when they write the same word without digits, so "7ali" and "hali" are one
# word to the lexicons.  3 stays "e" (leet "mys3lf"; Arabizi ayn, "ba3d" = "baed").
_LEET = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "2": "",
        "3": "e",
        "4": "a",
        "5": "kh",
        "6": "t",
        "7": "h",
        "8": "gh",
        "9": "s",
        "@": "a",
        "$": "s",
        "!": "i",
    }
)
# From the start of a run only: tried at every letter of a long word, it was quadratic.
_LEET_TOKEN = re.compile(r"(?<![a-z0-9@$!])[a-z0-9@$!]*[0-9@$!][a-z0-9@$!]*")
_LEET_CHAR = re.compile(r"[0-9@$!]")
# Arabizi with an apostrophe: "3'" is ghayn ("3'alat" = ghalat), "7'" is kha.
_ARABIZI_APOSTROPHE = re.compile(r"(?<![0-9])([37])['’`](?=[a-z])")
_LEET_BODY = re.compile(r".*[a-z]")
_NUMBER_UNIT = re.compile(
    r"\d+(?:am|pm|mg|mgs|ml|mls|g|gr|kg|mcg|ug|cl|l|st|nd|rd|th|x|h|hr|hrs|m|min|s|yo|yr|yrs|k|lb"
    r"|lbs|oz|mm|cm|km|ft|d|w|wk|wks|mo|aad|ad|ka|da|ta|ga|go|gi|ih|jy|nji|a|e|i|o|u|ie|ego|ei|ji|y"
    r"|years?|months?|weeks?|days?|hours?|mins?|minutes?|times|pills|tabs"
    r"|tablets|grams?|bags|nights|saal|sal|ans?|ani|anos?|lat|let|metai|metu|gadi|sano)"
)
_NON_WORD = re.compile(r"[\W_]+")
_ASCII_FOLD = str.maketrans("", "", "'`")
_LEFTOVER = str.maketrans("@$!_", "    ")
# Abbreviations whose meaning hangs on case or an apostrophe, both lost below: "OD",
# "O.D.", "OD'd", "od-ing", "ODed" (but not "odd", nor Polish "od" = "from").
_ABBREVIATIONS = (
    (re.compile(r"(?i)\bo\.?d(?:['’`-](?:d|ed|ing|in)|ed|ing)\b"), " overdosed "),
    (re.compile(r"\b(?:OD|O\.D)\b\.?"), " overdose "),
)
_REPEAT = re.compile(r"(\w)\1+")
# A word typed one letter at a time to slip past a filter ("k i l l m y s e l f", "d.i.e",
# "o-v-e-r-d-o-s-e"): a run of single letters is read as one word. Three letters in Latin
# script (no English sentence has three one-letter words in a row); four in others, where
# one-letter words are common (Russian "я и в", Polish "a i w").
_SPACED_ASCII = re.compile(r"(?<![^ ])[a-z](?: [a-z]){2,}(?![^ ])")
_SPACED = re.compile(r"(?<!\S)[^\W\d_](?: [^\W\d_]){3,}(?!\S)")
# A word typed in two alphabets at once ("wаnt to diе" with a Cyrillic а and е, "kіll" with
# a Ukrainian і, "overdοse" with a Greek ο): letters that look alike are made the word's
# main alphabet, so the lists, written in one, still read it.  Only a word mixing the two
# is touched: "Я принимаю methadone" keeps each word as typed.
_TO_LATIN = str.maketrans(
    "аеорсухіјѕкмтвнԁαοεικνρτυχғ",
    "aeopcyxijskmtbhdaoeikvptuxf",
)
# Small capitals, as "fancy text" generators write ("ᴋɪʟʟ ᴍʏsᴇʟғ"): neither NFKC nor
# case folding makes them letters the lists know.
_SMALL_CAPS = str.maketrans("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡʏᴢ", "abcdefghijklmnopqrstuvwyz")
_TO_CYRILLIC = str.maketrans("aeopcyxkmt", "аеорсухкмт")
_CYRILLIC_OR_GREEK = re.compile("[\u0370-\u03ff\u0400-\u04ff]")
_LATIN_LETTERS = re.compile("[a-z]")
_LETTERS = re.compile(r"[^\W\d_]+")
# Gurmukhi subjoined ha ("ਖੜ੍ਹਾ", "ਬੁੱਲ੍ਹ", "ਚੜ੍ਹ"): people type it or leave it out ("ਖੜਾ", "ਬੁੱਲ"),
# so it is dropped for matching, as the nasal marks are.
_GURMUKHI_HA = "\u0a4d\u0a39"


def _unmix(match: re.Match[str]) -> str:
    """One word's look-alike letters in the alphabet most of its letters are in."""
    word = match.group()
    latin = len(_LATIN_LETTERS.findall(word))
    if not latin or not _CYRILLIC_OR_GREEK.search(word):
        return word
    return word.translate(_TO_LATIN if 2 * latin >= len(word) else _TO_CYRILLIC)


def _deleet(match: re.Match[str]) -> str:
    """Undo leetspeak before a word's last letter ("k1ll", "0d"), not "die!!" or "30mg"."""
    token = match.group()
    body = _LEET_BODY.match(token)
    if body is None or not _LEET_CHAR.search(body.group()) or _NUMBER_UNIT.fullmatch(token):
        return token
    return body.group().translate(_LEET) + token[body.end() :]


# Emoji people type for the thing itself ("took like 💊💊💊 the whole pack", "necked the lot
# 💊"): read as the word, where otherwise they would be dropped with the other symbols.
_EMOJI_WORDS = str.maketrans({"💊": " pills ", "💉": " needle ", "🔪": " knife ", "🪢": " rope "})


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Text reduced to the words a pattern is matched against.

    NFKC (full-width and compatibility forms), format characters dropped
    (zero-width joiners, direction marks, soft hyphens), every decimal digit
    as ASCII, case-folded, diacritics dropped ("chcę" = "chce", Arabic
    vowel marks, Indic nukta), Arabic/Urdu letter variants unified, leetspeak
    undone inside words ("k1ll", "su!c!de", "de@d"), apostrophes removed
    ("don't" = "dont"), repeated letters made one ("pleeease", "killl"), and
    everything else that is not a letter or digit made one space.
    """
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        text = text.translate(_EMOJI_WORDS)
    low = text.casefold()
    if "od" in low or "o.d" in low:
        for pattern, replacement in _ABBREVIATIONS:
            text = pattern.sub(replacement, text)
        low = text.casefold()
    if "3'" in low or "7'" in low or "’" in low or "`" in low:
        low = _ARABIZI_APOSTROPHE.sub(lambda m: "gh" if m.group(1) == "3" else "kh", low)
    ascii_only = low.isascii()
    if ascii_only:
        text = low.translate(_ASCII_FOLD)
    else:
        low = low.translate(_SMALL_CAPS)
        if _GURMUKHI_HA in low:
            low = low.replace(_GURMUKHI_HA, "")
        if _CYRILLIC_OR_GREEK.search(low) and _LATIN_LETTERS.search(low):
            low = _LETTERS.sub(_unmix, low)  # linear: a regex looking for the mix was not
        text = unicodedata.normalize("NFKD", low.translate(_BEFORE)).translate(_AFTER)
    if _LEET_CHAR.search(text):
        text = _LEET_TOKEN.sub(_deleet, text)
    if ascii_only:
        text = _NON_WORD.sub(" ", text)
        if _SPACED_ASCII.search(text):
            text = _SPACED_ASCII.sub(_unspace, text)
        return _REPEAT.sub(r"\1", text).strip()
    text = " ".join(text.translate(_LEFTOVER).split())
    if _SPACED.search(text):
        text = _SPACED.sub(_unspace, text)
    return _REPEAT.sub(r"\1", text)


def _unspace(match: re.Match[str]) -> str:
    return match.group(0).replace(" ", "")


class _Table(dict[int, str | None]):
    """A ``str.translate`` table worked out for each character the first time it is met.

    Building it for all 1.1 million code points at import took ~0.6 s and ~80 MB
    (a million entries, nearly all unassigned code points mapped to a space),
    in every process that imports the screen: the bot, each CLI command, each
    report worker.  Messages use a few hundred distinct characters.
    """

    def __init__(self, rule: Callable[[str], str | None]) -> None:
        super().__init__()
        self._rule = rule

    def __missing__(self, code: int) -> str | None:
        value = self[code] = self._rule(chr(code))
        return value


def _before_nfkd(ch: str) -> str | None:
    """Format characters dropped, every decimal digit as ASCII, letter variants folded."""
    category = unicodedata.category(ch)
    if category == "Cf":
        return None
    if category == "Nd":
        return str(unicodedata.digit(ch))
    return _FOLD.get(ord(ch), ch)


def _after_nfkd(ch: str) -> str | None:
    """Combining marks (accents, vowel marks, nukta) dropped, letter variants folded,
    punctuation, symbols, spaces and other non-letters made a space."""
    code = ord(ch)
    if unicodedata.combining(ch):
        return None
    if code in _FOLD:
        return _FOLD[code]
    if unicodedata.category(ch)[0] in "PSZC" and ch not in "@$!":
        return " "  # keeps vowel signs, which regex \W would split words at
    return ch


_BEFORE, _AFTER = _Table(_before_nfkd), _Table(_after_nfkd)


# -- patterns


@dataclass(frozen=True)
class Hit:
    """One pattern found in a message: which language's list, which category, which pattern."""

    lang: str
    category: str
    phrase: str
    tentative: bool = False
    """The model's alone, under its confident threshold (``Verdict.tentative``): still
    signposted, with a gentler opening (``signpost``)."""

    def __str__(self) -> str:
        return f"{self.lang}/{self.category}: {self.phrase}"


class PatternError(ValueError):
    """A phrase that cannot be compiled (names an unknown macro, or has no words)."""


# Units of a measured dose, in the enabled languages' scripts.  A number with one of these is a
# dose ("I take 60ml methadone", "باخذ ٦٠ مل ميثادون"), not a count of pills: a dose is not an
# overdose.  "took 30 x 10mg" still counts the 30.
_DOSE_UNITS = (
    "ml mls mil mg mgs mcg ug µg g gr gram grams milligram milligrams millilitre millilitres"
    " milliliter milliliters cc mm mgr мл мг гр миллилитров миллиграмм мл. مل ملل ملغ ملغم"
    " ملي ملى ملیلیٹر ملی ملیگرام ਮਿਲੀ ਐਮਐਲ ਮਿਲੀਗ੍ਰਾਮ મિલી મિગ્રા મિલિગ્રામ মিলি মিগ্রা"
    " মিলিগ্রাম"
)
_UNITS = {re.escape(normalise(unit)) for unit in _DOSE_UNITS.split() if normalise(unit)}
_NOT_DOSE = r"(?!\d+ ?(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r") )"

Key = tuple[str, str]
"""How a word is looked up: ("w", word), ("p", prefix), ("s", suffix) or ("i", infix)."""


def _choice(text: str) -> tuple[str, Key | None]:
    """One alternative as (regex, the word it cannot match without); a number has none."""
    if text in ("#", "##"):
        # "30", "30tabs", "৩০টা"; never a measured dose ("60ml", "60 mg", "٦٠ مل").
        digits = r"\d+" if text == "#" else r"\d{2,}"
        return _NOT_DOSE + digits + r"\S*", None
    head, tail = text.startswith("*"), text.endswith("*")
    words = normalise(text.replace("_", " ").strip("*")).split()
    if not words:
        return "", None
    parts = [re.escape(w) for w in words]
    if head:
        parts[0] = r"\S*" + parts[0]
    if tail:
        parts[-1] = parts[-1] + r"\S*"
    i = max(range(len(words)), key=lambda j: len(words[j]))
    open_start, open_end = head and i == 0, tail and i == len(words) - 1
    kind = "i" if open_start and open_end else "s" if open_start else "p" if open_end else "w"
    return " ".join(parts), (kind, words[i])


def compile_phrase(
    phrase: str, macros: Mapping[str, Sequence[str]] | None = None
) -> tuple[re.Pattern[str], tuple[Key, ...]]:
    """A phrase as (regex over padded normalised text, anchor words).

    A message can only match if one of its words is an anchor (the choices of
    the phrase's most specific required slot).  Looking words up in an index
    is far cheaper than running hundreds of regexes: most messages are ruled
    out without running any.  No anchors (a slot of numbers only): always run.
    """
    macros = macros or {}
    slots: list[str] = []
    best: tuple[Key, ...] = ()
    required = False
    for item in phrase.split():
        gap = re.fullmatch(r"\.\.(\d*)", item)
        if gap:
            width = int(gap.group(1) or _GAP_DEFAULT)
            if width > _GAP_MAX:
                raise PatternError(f"risk phrase {phrase!r}: {item} is wider than ..{_GAP_MAX}")
            slots.append(r"(?:\S+ ){0,%d}" % width)  # noqa: UP031
            continue
        if item.startswith(".."):
            # "..x", "...": a typo for a gap would otherwise be a word to find, silently.
            raise PatternError(f"risk phrase {phrase!r}: {item!r} is not a gap (.. or ..N)")
        optional = item.endswith("?") and len(item) > 1
        item = item.removesuffix("?") if optional else item
        options: list[str] = []
        for option in item.split("|"):
            macro = re.fullmatch(r"\{(\w+)\}", option)
            if macro and macro.group(1) not in macros:
                raise PatternError(f"risk phrase {phrase!r} names unknown macro {option}")
            options.extend(macros[macro.group(1)] if macro else [option])
        compiled = [c for c in map(_choice, options) if c[0]]
        if not compiled:
            raise PatternError(f"risk phrase {phrase!r}: {item!r} has no letters")
        body = "(?:" + "|".join(dict.fromkeys(r for r, _ in compiled)) + ") "
        slots.append(f"(?:{body})?" if optional else body)
        if optional:
            continue
        required = True
        keys = [k for _, k in compiled]
        if None in keys:
            continue
        anchors = tuple(dict.fromkeys(k for k in keys if k is not None))
        if not best or _shortest(anchors) > _shortest(best):
            best = anchors
    if not required:
        raise PatternError(f"risk phrase {phrase!r} has no required word")
    return re.compile("(?<= )" + "".join(slots)), best


def _shortest(keys: tuple[Key, ...]) -> int:
    """How selective an anchor slot is: a whole word beats a stem of the same length."""
    return min(len(word) + (kind == "w") for kind, word in keys)


# -- the screen


@dataclass(frozen=True)
class _Compiled:
    hit: Hit
    pattern: re.Pattern[str]
    anchors: tuple[Key, ...]


PhraseLists = Mapping[str, Mapping[str, Sequence[str]]]
"""language → category → phrases (``macros`` is not a category: it holds the macros)."""


def load_builtin(path: Path = PHRASES_PATH) -> dict[str, dict[str, list[str]]]:
    """The phrase lists that ship with the bot.

    Read with YAML's base loader, so every word stays a string: the safe loader
    would turn ``no``, ``on`` and ``off`` (all words people write) into booleans.
    """
    lists = yaml.load(path.read_text(encoding="utf-8"), Loader=BASE_LOADER) or {}
    if path == PHRASES_PATH and CONCEPTS_PATH.exists():
        text = CONCEPTS_PATH.read_text(encoding="utf-8")
        # One YAML document per round of concepts (each defines its own shared anchors).
        rounds = [doc for doc in yaml.load_all(text, Loader=BASE_LOADER) if doc]
        for lang, cats in ((lang, cats) for doc in rounds for lang, cats in doc.items()):
            if lang.startswith("_"):
                continue  # anchors shared between languages, not a language
            target = lists.setdefault(lang, {})
            for cat, items in cats.items():
                if cat == "macros":
                    target.setdefault("macros", {}).update(items)
                else:
                    target.setdefault(cat, []).extend(items)
    return lists


def merge(builtin: PhraseLists, extra: Mapping[str, object]) -> dict[str, dict[str, list[str]]]:
    """Built-in lists plus staff additions from config (a plain list is ``general``)."""
    merged: dict[str, dict] = {
        lang: {cat: dict(v) if cat == "macros" else list(v) for cat, v in cats.items()}
        for lang, cats in builtin.items()
    }
    for lang, value in extra.items():
        cats = value if isinstance(value, Mapping) else {GENERAL: value}
        target = merged.setdefault(lang, {})
        for cat, items in cats.items():
            target.setdefault(cat, []).extend(items)
    return merged


def staff_phrase_problems(
    extra: Mapping[str, object], builtin: PhraseLists
) -> list[tuple[tuple[str | int, ...], str]]:
    """Problems in config's ``risk_phrases`` only, each with where it is in that mapping
    (language, category, index), so ``check-flows`` can name the line staff typed it on.
    The messages are the ones ``RiskScreen.errors`` gives for the same phrases."""
    problems: list[tuple[tuple[str | int, ...], str]] = []
    for lang, value in extra.items():
        macros = builtin.get(lang, {}).get("macros", {})
        cats = value if isinstance(value, Mapping) else {GENERAL: value}
        for category, items in cats.items():
            at: tuple[str | int, ...] = (lang, category) if isinstance(value, Mapping) else (lang,)
            if category not in CATEGORIES and category not in (GENERAL, "except"):
                problems.append((at, f"{lang}: unknown risk category {category!r}"))
                continue
            for i, phrase in enumerate(items):
                try:
                    compile_phrase(phrase, macros)  # type: ignore[arg-type]
                except PatternError as exc:
                    problems.append(((*at, i), f"{lang}/{category}: {exc}"))
    return problems


class _Index:
    """Anchor words → the patterns that need one of them, looked up word by word."""

    def __init__(self, items: Sequence[_Compiled]):
        self.items = list(items)
        self._words: dict[str, list[int]] = {}
        self._prefixes: dict[str, list[int]] = {}
        self._suffixes: dict[str, list[int]] = {}
        self._infixes: dict[str, list[int]] = {}
        self._always: list[int] = []
        # Word → the patterns it can anchor, remembered: people reuse few words.
        self._known: dict[str, tuple[int, ...]] = {}
        for i, c in enumerate(self.items):
            if not c.anchors:
                self._always.append(i)
            for kind, word in c.anchors:
                table = {"w": self._words, "p": self._prefixes, "s": self._suffixes}.get(
                    kind, self._infixes
                )
                table.setdefault(word, []).append(i)
        # Stem lengths by first letter (suffixes: by last letter), so a word is looked up
        # only at the lengths some stem starting (ending) with its letter has.
        self._prefix_lengths: dict[str, list[int]] = {}
        for stem in self._prefixes:
            self._prefix_lengths.setdefault(stem[0], []).append(len(stem))
        self._suffix_lengths: dict[str, list[int]] = {}
        for end in self._suffixes:
            self._suffix_lengths.setdefault(end[-1], []).append(len(end))
        for table in (self._prefix_lengths, self._suffix_lengths):
            for key, sizes in table.items():
                table[key] = sorted(set(sizes))

    def candidates(self, padded: str) -> list[_Compiled]:
        found = set(self._always)
        known = self._known
        for token in set(padded.split()):
            ids = known.get(token)
            if ids is None:
                ids = self._lookup(token)
                if len(known) >= _KNOWN_MAX:
                    known.clear()
                known[token] = ids
            found.update(ids)
        return [self.items[i] for i in sorted(found)]

    def _lookup(self, token: str) -> tuple[int, ...]:
        """The patterns one word can anchor: as a word, a stem, an ending or a part."""
        found = list(self._words.get(token, ()))
        size = len(token)
        for n in self._prefix_lengths.get(token[0], ()):
            if n > size:
                break
            found.extend(self._prefixes.get(token[:n], ()))
        for n in self._suffix_lengths.get(token[-1], ()):
            if n > size:
                break
            found.extend(self._suffixes.get(token[-n:], ()))
        for infix, ids in self._infixes.items():
            if infix in token:
                found.extend(ids)
        return tuple(found)

    def forget(self) -> None:
        self._known.clear()


MODEL_MIN_WORDS = 4
"""Words a text needs before the model reads it without a risk word in it.  Letter
n-grams of one to three words are too few to tell "I referred myself", "heroin" or "mano
partneris" (short answers a drug service gets all day, which the model read as risk at
0.86-0.99) from a disclosure; a short disclosure has a risk word ("شوہر مارتا ہے", husband
beats) or is the rules' and the phrases' ("kms", "want to die")."""
MODEL_SHORT_WORDS = 6
"""Words under which a text with no risk word is read by the model only if the lexicons find
more in it than ``GRAMMAR``. "i dont want to (go)", "I live by myself" and "ja już nie chcę"
(I don't want to any more) are everyday answers to a survey's question, and the letters of
the first words of "i dont want to live" (0.84-0.87); the short disclosures the corpora hold
name a situation ("if I wake up tomorrow I'll be angry": TOMORROW, WAKE; "drank the whole
packet of pills": DRANK, DRUG). A disclosure sent in pieces is read whole (``bot.fragments``).
Wave 23: over about 13,000 corpus lines the short texts this keeps from the model were none
of them disclosures."""
GRAMMAR = frozenset(
    ["ME", "SELF", "NEG", "NEGCAN", "WISH", "IWANT", "IT", "LIFE", "LIVE", "SUBJ", "YES"]
)
"""Lexicon classes that say who and whether, not what happens: I, myself, not, want, it,
live. On their own in a short text they are no situation (``MODEL_SHORT_WORDS``)."""


class RiskScreen:
    """Every phrase of every language, compiled once, and the concept rules
    (``bot/risk_rules.py``) when given: ``from_config`` always gives them.

    A language's ``except`` list holds figures of speech that contain a risk
    pattern ("suicide prevention training", "cutting down"): a hit whose words
    overlap one of them (from any language's list) does not count, but the same
    pattern elsewhere in the message still does.
    """

    def __init__(
        self,
        phrases: PhraseLists,
        concepts: ConceptScreen | None = None,
        model: RiskModel | None = None,
    ):
        self._model = model
        compiled: list[_Compiled] = []
        excepts: dict[str, list[_Compiled]] = {}
        self.errors: list[str] = []
        for lang, cats in phrases.items():
            macros = cats.get("macros", {})
            for category, items in cats.items():
                if category == "macros":
                    continue
                if category not in CATEGORIES and category not in (GENERAL, "except"):
                    self.errors.append(f"{lang}: unknown risk category {category!r}")
                    continue
                for phrase in items:
                    try:
                        pattern, anchors = compile_phrase(phrase, macros)
                    except PatternError as exc:
                        self.errors.append(f"{lang}/{category}: {exc}")
                        continue
                    item = _Compiled(Hit(lang, category, phrase), pattern, anchors)
                    if category == "except":
                        excepts.setdefault(lang, []).append(item)
                    else:
                        compiled.append(item)
        self._index = _Index(compiled)
        self._concepts = concepts
        if concepts is not None:
            self.errors.extend(concepts.errors)
        # Figures of speech are in the text, not in one language's list: every list's
        # exceptions apply to every hit ("suicide prevention" is fine whichever list fired).
        every = [item for items in excepts.values() for item in items]
        self._except = _Index(every) if every else None

    @classmethod
    def from_config(cls, extra: Mapping[str, object], model: bool = True) -> RiskScreen:
        """The built-in phrases plus config's, and the model unless ``model`` is False
        (tests of the rules alone); compiled once per distinct config."""
        return _screen_for(json.dumps(extra, sort_keys=True, default=list), model)

    def languages(self) -> dict[str, set[str]]:
        """Language → the categories it has phrases for."""
        found: dict[str, set[str]] = {}
        if self._concepts is not None:
            found = {lang: set(cats) for lang, cats in self._concepts.languages().items()}
        for c in self._index.items:
            found.setdefault(c.hit.lang, set()).add(c.hit.category)
        return found

    def hits(self, text: str, first: bool = False) -> list[Hit]:
        """Every pattern and concept rule found in ``text``: language, category, and
        the pattern (or rule, with the words that filled it) that fired."""
        concepts = self._concepts
        # One normalisation pass: sentence by sentence (the rules keep sentences apart),
        # joined again for the phrases.
        sentences = self.sentences(text)
        padded = f" {' '.join(sentences)} "
        reading = concepts.read(sentences) if concepts is not None else None
        vetoed: Callable[[str, int], bool] | None = None
        if reading is not None and any(reading.vetoes):
            # A phrase match is vetoed by the clause it starts in (see risk_rules' vetoes).
            firsts = list(accumulate((len(s.split()) for s in sentences[:-1]), initial=0))
            cats = {c for ends in reading.vetoes for c in ends}

            def vetoed(category: str, at: int) -> bool:
                if category not in cats:
                    return False
                word = padded.count(" ", 0, at + 1) - 1  # the match's first word, 0-based
                i = bisect_right(firsts, word) - 1
                return reading.vetoed(category, i, word - firsts[i])

        found = []
        other = other_scripts(text)
        for c in self._index.candidates(padded):
            if c.hit.lang in other:
                continue
            if self._found(c, padded, vetoed):
                found.append(c.hit)
                if first:
                    return found
        if concepts is not None:
            for hit in concepts.screen(sentences, first=first and not other, reading=reading):
                if hit.lang in other:
                    continue
                found.append(Hit(hit.lang, hit.category, f"rule {hit.phrase}"))
                if first:
                    return found
        if not found and self._model is not None:
            # What no rule foresaw: the model's reading, with the words that weighed most,
            # at a lower score when the lexicons found a risk word in it.
            backed = (
                reading is not None
                and concepts is not None
                and has_evidence(reading, concepts.guard_only)
            )
            words = len(padded.split())
            if (
                backed
                or words >= MODEL_SHORT_WORDS
                or (words >= MODEL_MIN_WORDS and reading is not None and _situation(reading))
            ):
                meant = self.meanings(reading) if self._model.meanings else ()
                verdict = self._model.read(padded.strip(), backed, meant)
                quiet = reading.quiet_model if reading is not None else frozenset()
                if verdict is not None and verdict.category not in quiet:
                    backing = " and a risk word" if verdict.backed else ""
                    why = f"model {verdict.score:.2f}{backing}: {', '.join(verdict.words)}"
                    if verdict.meanings:
                        why += f"; meaning: {', '.join(verdict.meanings)}"
                    tentative = verdict.tentative
                    found.append(Hit(MODEL, verdict.category, why, tentative))
                    found.extend(
                        Hit(MODEL, category, why, tentative)
                        for category in verdict.also
                        if category not in quiet
                    )
        if found and reading is not None and all(h.category != OVERDOSE for h in found):
            # Something fired, but not as an overdose: a sign of one in the text (not
            # breathing, blue lips, foam, a fit, the medicine box, a load of pills taken)
            # adds the overdose advice (call 999, naloxone) to whatever else is said.
            sign = overdose_sign(reading)
            if sign is not None:
                why = f"overdose sign: {', '.join(sign[1])}"
                found.append(Hit(sign[0], OVERDOSE, why, all(h.tentative for h in found)))
        return found

    def has_evidence(self, text: str) -> bool:
        """Whether the rules' lexicons find a risk word in ``text`` (``EVIDENCE``)."""
        reading = self.reading(text)
        concepts = self._concepts
        return (
            reading is not None
            and concepts is not None
            and has_evidence(reading, concepts.guard_only)
        )

    def meanings(self, reading: Reading | None) -> frozenset[str]:
        """The model's meaning features of a message the rules have read (``meanings``)."""
        concepts = self._concepts
        if reading is None or concepts is None:
            return frozenset()
        return meanings(reading.classes, concepts.guard_only, concepts.vetoes)

    def reading(self, text: str) -> Reading | None:
        """The rules' reading of ``text`` (classes per sentence and language, vetoes)."""
        concepts = self._concepts
        return concepts.read(self.sentences(text)) if concepts is not None else None

    def sentences(self, text: str) -> list[str]:
        """The text as the rules and the model read it: normalised, sentence by sentence."""
        concepts = self._concepts
        return concepts.sentences(text) if concepts is not None else [normalise(text)]

    def _found(
        self, c: _Compiled, padded: str, vetoed: Callable[[str, int], bool] | None = None
    ) -> bool:
        excepts = self._except
        if excepts is None and vetoed is None:
            return c.pattern.search(padded) is not None
        spans = None
        for match in c.pattern.finditer(padded):
            start, end = match.span()
            if vetoed is not None and vetoed(c.hit.category, start):
                continue
            if excepts is None:
                return True
            if spans is None:
                spans = [
                    m.span() for e in excepts.candidates(padded) for m in e.pattern.finditer(padded)
                ]
            if not any(s < end and start < e for s, e in spans):
                return True
        return False

    def forget(self) -> None:
        """Drop what the screen remembers between messages (benchmarks time it cold)."""
        self._index.forget()
        if self._except is not None:
            self._except.forget()
        if self._concepts is not None:
            self._concepts.forget()

    def vetoes_in(self, text: str) -> list[str]:
        """Which veto words kept which categories quiet (``ConceptScreen.vetoes_in``)."""
        return self._concepts.vetoes_in(text) if self._concepts is not None else []

    def categories(self, text: str) -> set[str]:
        return {hit.category for hit in self.hits(text)}

    def at_risk(self, text: str) -> bool:
        return bool(self.hits(text, first=True))


_SCRIPT_OF = {"gu": "GUJARATI", "bn": "BENGALI", "pa": "GURMUKHI"}
"""Languages whose own script is an Indic one that ``normalise`` folds to Latin."""
_NO_OTHER: frozenset[str] = frozenset()
_LATIN_LETTER = re.compile("[A-Za-z]")


OVERDOSE = "overdose"
OVERDOSE_SIGNS = frozenset(
    ["OD", "NOBREATH", "UNRESP", "NORESP", "FOAM", "NOMOVE", "SEIZE", "TOOMUCH", "CABINET"]
)
"""Lexicon classes (``bot/risk_lexicon.yaml``) that are signs of an overdose on their own
(not BLUE: a bruise is "blue" in Romanian and Urdu)."""


def overdose_sign(reading: Reading) -> tuple[str, list[str]] | None:
    """The language and words of a sign of an overdose in ``reading``, if any: a word of
    ``OVERDOSE_SIGNS``, or pills or a drug taken with a load or a count of them."""
    for by_lang in reading.classes:
        for lang, own in by_lang.items():
            words = [w for cls in OVERDOSE_SIGNS.intersection(own) for _, w in own[cls]]
            taken = "DRUG" in own and "TAKE" in own and ("EXCESS" in own or "COUNT" in own)
            if not words and taken:
                words = [w for cls in ("TAKE", "DRUG") for _, w in own[cls]]
            if words:
                return lang, words
    return None


def _situation(reading: Reading) -> bool:
    """Whether the lexicons read more in a text than ``GRAMMAR`` (who, whether, wanting)."""
    return any(
        not GRAMMAR.issuperset(own) for by_lang in reading.classes for own in by_lang.values()
    )


def has_evidence(reading: Reading, guard_only: frozenset[str] = frozenset()) -> bool:
    """Whether a word of a risk class (``bot.risk_model.EVIDENCE``) is in any sentence of
    ``reading``, in any language's lexicon, outside the reach of a veto.

    A risk word a veto covers ("all my tablets, as the doctor said", "he hit me years ago,
    I've been safe since", a film about an overdose) is no evidence: it would otherwise lower
    the model's threshold for exactly the messages the rules were told to leave alone. The
    model may still fire on such a text at its plain threshold."""
    for i, by_lang in enumerate(reading.classes):
        vetoes = reading.vetoes[i]
        for own in by_lang.values():
            if EVIDENCE.isdisjoint(own):
                continue
            if sum(len(v) for k, v in own.items() if k not in guard_only) < 2:
                # A lexicon that reads one word of the sentence and nothing else is most
                # likely reading another language: English "bill" is Polish "bił" (hit),
                # German "bitte" an English "bite". Its word is no evidence. Words only
                # guards look for ("detox", "by mistake") are not read as the language's.
                continue
            if not vetoes:
                return True
            for name in EVIDENCE.intersection(own):
                for at, _ in own[name]:
                    if not any(reading.vetoed(category, i, at) for category in vetoes):
                        return True
    return False


def other_scripts(text: str) -> frozenset[str]:
    """Languages not to read ``text`` with: those of another Indic script than its own.

    Folded to Latin, a Gujarati word can be spelt like a Bengali one, but only the
    Gujarati lexicon knows the words around it that make it harmless ("આત્મહત્યા
    નિવારણ", suicide prevention).  Text in one Indic script is read by that script's
    language, the romanised lexicons (Urdu's, English's) and the rest, not by the
    other Indic scripts' languages.
    """
    if not INDIC.search(text) or _LATIN_LETTER.search(text):
        return _NO_OTHER  # Latin words may be any language romanised: every lexicon reads them
    scripts = {unicodedata.name(ch, " ").split()[0] for ch in text if INDIC.match(ch)}
    return frozenset(lang for lang, script in _SCRIPT_OF.items() if script not in scripts)


@lru_cache(maxsize=8)
def _screen_for(extra_json: str, model: bool = True) -> RiskScreen:
    phrases = merge(load_builtin(), json.loads(extra_json))
    return RiskScreen(phrases, concept_rules(normalise), load_model() if model else None)


def check_phrases(screen: RiskScreen, languages: Iterable[str]) -> list[str]:
    """Problems ``check-flows`` reports: bad patterns, and enabled languages left unguarded."""
    problems = list(screen.errors)
    have = screen.languages()
    for lang in languages:
        cats = have.get(lang, set())
        if not cats:
            problems.append(
                f"{lang}: enabled but has no risk phrases, so nobody writing in it would be"
                " shown a helpline; add them under risk_phrases in config.yaml"
            )
            continue
        missing = [c for c in CATEGORIES if c not in cats]
        if missing:
            problems.append(f"{lang}: no risk phrases for {', '.join(missing)}")
    return problems


def signpost(
    catalogue: Catalogue,
    helplines: Iterable[Helpline],
    lang: str,
    categories: Iterable[str] = (),
    tentative: bool = False,
) -> str:
    """The alert: a kind opening, overdose advice if needed, each helpline, what happens next.

    ``tentative``: only the model read risk, and not surely (``Hit.tentative``). The helplines
    are the same; the opening thanks the person and does not presume ("It sounds like things
    may be very hard"), since such a message may well be everyday feedback.
    """
    lines = [catalogue.text("risk.gentle" if tentative else "risk.intro", lang)]
    if "overdose" in set(categories):
        lines.append(catalogue.text("risk.overdose", lang))
    lines.extend(f"• {helpline_line(catalogue, line, lang)}" for line in helplines)
    lines.append(catalogue.text("risk.outro", lang))
    return "\n".join(lines)
