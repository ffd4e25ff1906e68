"""Which language a free-text answer is written in, whether or not the bot offers it.

Reports group free text by the language it was written in (and list the
languages people wrote in that the bot does not offer: the next translation to
add), and the service offers to switch when someone keeps writing, clearly, in
another language the bot offers.  langdetect guesses from character n-grams.
We score a text against every profile langdetect ships, not only the enabled
languages: scored among the enabled ones alone, Ukrainian came out as Russian
at p = 1.0, Persian as Arabic and Spanish as Portuguese, and the bot offered
Russian to a Ukrainian speaker.  Too little text, and we do not guess.

langdetect itself scores a text by sampling its n-grams at random, in several
trials, in pure Python (~0.3 ms for a sentence).  We use its profiles and its
n-gram rules but score every n-gram at once (a naive-Bayes sum of the same
smoothed log-probabilities its sampler multiplies), which is deterministic and
uses all the evidence in a short text.  Of 55 profiles × 88,000 n-grams only
4% of the probabilities are not zero, and a zero costs every language the same
smoothing penalty, so we keep only the rest (a sparse table, ~2 MB) and add up
each language's excess over that penalty: bench/detect_accuracy.py measures
accuracy and speed.

Two rules stand beside the n-grams:
- an enabled language langdetect has no profile for is found by its script,
  when no other language we know writes that script (else we do not guess);
- Pashto and Sorani Kurdish, which langdetect lacks, are named by the letters
  only they use among Arabic-script languages, rather than passed off as
  Persian or Urdu.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import numpy as np
from langdetect.detector import Detector
from langdetect.utils.ngram import NGram

MIN_LETTERS = 12
"""Fewer letters than this and we do not guess: see bench/detect_accuracy.py."""

CLEAR_MARGIN = 20.0
"""Log odds (natural) of the best language over the runner-up for a *clear* detection.

Only a clear detection may lead to an offer to switch language.  Naive Bayes
over overlapping n-grams is overconfident (p rounds to 1.0 for most
sentences), so we ask for a wide lead: on tests/data/detect no wrong
detection and no text in a language we do not offer reached 20, while 85% of
right ones (every word-prefix of every sentence, from 12 letters) did;
bench/detect_accuracy.py, section 4, prints the trade-off."""

# Script of a letter, from the first word of its Unicode name.
_SCRIPTS = {
    "LATIN": "Latin",
    "CYRILLIC": "Cyrillic",
    "ARABIC": "Arabic",
    "GURMUKHI": "Gurmukhi",
    "GUJARATI": "Gujarati",
    "BENGALI": "Bengali",
    "DEVANAGARI": "Devanagari",
    "GREEK": "Greek",
}
SCRIPT_OF_LANGUAGE = {
    "en": "Latin",
    "pl": "Latin",
    "lt": "Latin",
    "lv": "Latin",
    "ro": "Latin",
    "pt": "Latin",
    "so": "Latin",
    "ru": "Cyrillic",
    "ur": "Arabic",
    "ar": "Arabic",
    "pa": "Gurmukhi",
    "gu": "Gujarati",
    "bn": "Bengali",
}

_OTHER_CYRILLIC = frozenset("іїєґўјђћџљњ")
"""Cyrillic letters Russian does not use (Ukrainian, Belarusian, Serbian, Macedonian): a short
text with one is not Russian, so ``by_script`` does not answer it in Russian."""
_ARABIC_SCRIPT_MARKS = {
    "ar": frozenset("يكةى"),
    "ur": frozenset("ٹڈڑںےۓہھۃکی"),
}
"""Letters of Arabic script that one of Arabic and Urdu writes and the other does not (Arabic's
yeh, kaf and teh marbuta; Urdu's retroflex letters, noon ghunna, yeh barree, heh goal, keheh,
Farsi yeh): enough to tell "بدي موت" from "شوہر مارتا ہے" when they are too short to detect."""

MARKER_LETTERS = {
    "ps": frozenset("ټډړښږځڅګڼۍې"),
    "ckb": frozenset("ڕڵێۆە"),
}
"""Arabic-script letters that, among the languages we meet, only this language uses.

Both languages lack a langdetect profile.  Urdu's ٹ ڈ ڑ are other code points
than Pashto's ټ ډ ړ, and Persian, Arabic and Urdu use none of these."""
_MARKERS_NEEDED = 2
_MARKER_SHARE = 25
"""At least 2 such letters, and 1 in 25 letters: a stray one (a typo, a name) is not enough.
In tests/data/detect a Pashto or Sorani sentence has 6% or more; other languages none."""


NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan",
    "ckb": "Kurdish (Sorani)", "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German",
    "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian", "fa": "Persian",
    "fi": "Finnish", "fr": "French", "gu": "Gujarati", "he": "Hebrew", "hi": "Hindi",
    "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "ja": "Japanese",
    "kn": "Kannada", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian",
    "ml": "Malayalam", "mr": "Marathi", "ne": "Nepali", "nl": "Dutch", "no": "Norwegian",
    "pa": "Punjabi", "pl": "Polish", "ps": "Pashto", "pt": "Portuguese", "ro": "Romanian",
    "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "so": "Somali", "sq": "Albanian",
    "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "te": "Telugu", "th": "Thai",
    "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
    "zh-cn": "Chinese (simplified)", "zh-tw": "Chinese (traditional)",
}  # fmt: skip
"""English names of every language a detection can name, for reports."""


@dataclass(frozen=True)
class Detection:
    lang: str
    """The likeliest language, offered by the bot or not."""
    prob: float
    """Its posterior probability among all the languages scored."""
    runner_up: str | None = None
    margin: float = math.inf
    """Log odds of ``lang`` over ``runner_up`` (natural log); inf when there was no rival."""

    @property
    def clear(self) -> bool:
        """Sure enough to act on (offer a switch), not only to count."""
        return self.margin >= CLEAR_MARGIN


class LanguageDetector:
    """Detects among every language it knows; ``languages`` are the ones the bot offers.

    Build once: loading the profiles is the slow part (they are shared).
    """

    def __init__(self, languages: Iterable[str], min_letters: int = MIN_LETTERS):
        self.languages = tuple(languages)
        self.min_letters = min_letters
        self.profiled = tuple(lang for lang in self.languages if lang in available_profiles())
        self.unprofiled = tuple(lang for lang in self.languages if lang not in self.profiled)
        self._profiles = profiles_for(tuple(sorted(available_profiles())))
        self._by_script: dict[str, list[str]] = {}
        for lang in self.languages:
            # An enabled language missing from SCRIPT_OF_LANGUAGE may be written in any script.
            self._by_script.setdefault(SCRIPT_OF_LANGUAGE.get(lang, "*"), []).append(lang)

    def detect(self, text: str) -> Detection | None:
        """The likeliest language, or None when the text is too short (or too odd) to tell."""
        counts = script_counts(text)
        letters = sum(counts.values())
        if letters < self.min_letters:
            return None
        script, count = counts.most_common(1)[0]
        if script == "Arabic":
            marked = _marked(text, letters)
            if marked:
                return marked
        enabled = self._by_script.get(script, []) + self._by_script.get("*", [])
        # A language named by its letters, whose letters are not here, is not a rival.
        blind = [lang for lang in enabled if lang in self.unprofiled and lang not in MARKER_LETTERS]
        if blind:
            # n-grams cannot pick a language they have no profile for: only the script can.
            rivals = set(enabled) | self._profiles.writing(script)
            if len(rivals) == 1:
                return Detection(blind[0], round(count / letters, 3))
            return None
        return self._profiles.score(text)

    def by_script(self, text: str) -> str | None:
        """The one offered language written in the script all of ``text``'s letters are in,
        however short: "хочу умереть" is too short to detect, and only Russian of the
        offered languages is written in Cyrillic.  None when the script is shared (Latin,
        Arabic) or the text mixes scripts."""
        counts = script_counts(text)
        if len(counts) != 1 or "*" in self._by_script:
            return None
        script = next(iter(counts))
        languages = self._by_script.get(script, [])
        if script == "Cyrillic" and not _OTHER_CYRILLIC.isdisjoint(text.casefold()):
            return None  # Ukrainian, Belarusian or Serbian: not Russian, however short
        if script == "Arabic" and len(languages) > 1:
            languages = [lang for lang in languages if _ARABIC_SCRIPT_MARKS.get(lang)]
            letters = set(text)
            if any(not letters.isdisjoint(marks) for marks in MARKER_LETTERS.values()):
                return None  # Pashto or Sorani: neither Arabic nor Urdu
            languages = [
                lang
                for lang in languages
                if not letters.isdisjoint(_ARABIC_SCRIPT_MARKS[lang])
                and all(
                    letters.isdisjoint(_ARABIC_SCRIPT_MARKS[other])
                    for other in _ARABIC_SCRIPT_MARKS
                    if other != lang
                )
            ]
        return languages[0] if len(languages) == 1 else None


def _marked(text: str, letters: int) -> Detection | None:
    for lang, marks in MARKER_LETTERS.items():
        found = sum(1 for ch in text if ch in marks)
        if found >= _MARKERS_NEEDED and found * _MARKER_SHARE >= letters:
            return Detection(lang, 1.0)
    return None


def script_counts(text: str) -> Counter[str]:
    """Letters (with their vowel signs) per script; digits, emoji and punctuation don't count."""
    # Each letter becomes one character naming its script (in C), then counted (in C).
    counts = Counter(text.translate(_SCRIPT_MARK))
    return Counter({_SCRIPT_NAME[mark]: n for mark, n in counts.items()})


_MEMO_LIMIT = 20_000
"""Characters remembered per cache, so that text made of rare characters cannot grow it."""


class _ScriptMarks(dict[int, str | None]):
    """A ``str.translate`` table: a letter to one character standing for its script (see
    ``_SCRIPT_NAME``), anything else to nothing; filled as characters are met."""

    def __missing__(self, code: int) -> str | None:
        script = _script(chr(code))
        mark = None
        if script:
            mark = _SCRIPT_CODE.setdefault(script, chr(0xE000 + len(_SCRIPT_CODE)))
            _SCRIPT_NAME[mark] = script
        if len(self) < _MEMO_LIMIT:
            self[code] = mark
        return mark


_SCRIPT_MARK = _ScriptMarks()
_SCRIPT_CODE: dict[str, str] = {}
_SCRIPT_NAME: dict[str, str] = {}


@lru_cache(maxsize=_MEMO_LIMIT)
def _script(char: str) -> str:
    """The character's script, "" for not a letter; kept, since Unicode names are slow."""
    if unicodedata.category(char)[0] not in "LM":
        return ""
    return _SCRIPTS.get(unicodedata.name(char, "").split(" ", 1)[0], "Other")


class _PerCharacter(dict[int, str]):
    """langdetect's per-letter normalisation as a ``str.translate`` table, filled as
    characters are met (at most ``_MEMO_LIMIT`` kept): one C call per text, not a
    Python call per letter."""

    def __missing__(self, code: int) -> str:
        value = NGram.normalize(chr(code))
        if len(self) < _MEMO_LIMIT:
            self[code] = value
        return value


_NORMAL = _PerCharacter()


@lru_cache(maxsize=64)
def _gram_slices(length: int, spaced: bool) -> tuple[slice, ...]:
    """Where langdetect's 1-, 2- and 3-grams lie in a padded word of ``length``, in the
    order it reads them; ``spaced``: the word has a space after it (not a 1-gram)."""
    out = []
    for end in range(1, length):
        if not (spaced and end == length - 1):
            out.append(slice(end, end + 1))
        out.append(slice(end - 1, end + 1))
        if end >= 2:
            out.append(slice(end - 2, end + 1))
    return tuple(out)


@cache
def available_profiles() -> frozenset[str]:
    return frozenset(p.name for p in resources.files("langdetect").joinpath("profiles").iterdir())


_WEIGHT = Detector.ALPHA_DEFAULT / Detector.BASE_FREQ
"""langdetect's smoothing: an n-gram a language never uses costs it a lot, not everything."""
_LATIN_LETTERS = re.compile(r"[A-Za-z]+")
_LATIN_RANGE = re.compile(r"[A-z]")
_ABOVE_LATIN = re.compile(r"[^\x00-\u02ff]")
_SPACES = re.compile(" +")


class Profiles:
    """langdetect's n-gram profiles as a sparse table of log-probabilities.

    For n-gram g and language L, naive Bayes adds log(P(g|L) + w).  Where P is
    zero that is log(w) for every such language, so we store only
    log(P + w) − log(w) = log1p(P / w) where P is not zero and add those up:
    the differences between languages, hence the posterior, are the same.
    """

    def __init__(self, languages: tuple[str, ...]):
        folder = resources.files("langdetect").joinpath("profiles")
        self.languages: tuple[str, ...] = languages
        self._row: dict[str, int] = {}
        self._known: dict[str, tuple[int, ...]] = {}
        self._scripts: list[str] = []
        rows, cols, probs = [], [], []
        for col, lang in enumerate(languages):
            profile = json.loads((folder / lang).read_text("utf-8"))
            per_length = profile["n_words"]
            grams = [g for g, n in profile["freq"].items() if n and 1 <= len(g) <= 3]
            # Counted from 1: a gram no profile has (``get`` gives None) and row 0 are
            # told apart without a Python test per gram (see ``totals``).
            rows.append(np.array([self._row.setdefault(g, len(self._row) + 1) for g in grams]))
            cols.append(np.full(len(grams), col, dtype=np.int16))
            probs.append(np.array([profile["freq"][g] / per_length[len(g) - 1] for g in grams]))
            scripts = Counter(
                {_script(g): profile["freq"][g] for g in grams if len(g) == 1 and _script(g)}
            )
            self._scripts.append(scripts.most_common(1)[0][0] if scripts else "")
        row = np.concatenate(rows) - 1
        order = np.argsort(row, kind="stable")
        self._start = np.concatenate(([0], np.cumsum(np.bincount(row, minlength=len(self._row)))))
        self._col = np.concatenate(cols)[order]
        self._gain = np.log1p(np.concatenate(probs)[order] / _WEIGHT)

    def writing(self, script: str) -> set[str]:
        """Languages whose profile is mostly letters of ``script``."""
        return {lang for lang, s in zip(self.languages, self._scripts, strict=True) if s == script}

    def score(self, text: str) -> Detection | None:
        """The likeliest language, its posterior, and how far ahead of the runner-up."""
        totals = self.totals(text)
        if totals is None:
            return None
        best, second = np.argsort(totals)[::-1][:2]
        odds = np.exp(totals - totals[best])
        return Detection(
            self.languages[best],
            float(1 / odds.sum()),
            self.languages[second],
            round(float(totals[best] - totals[second]), 3),
        )

    def totals(self, text: str) -> np.ndarray | None:
        """Each language's log-likelihood of ``text``, up to a constant; None if no evidence."""
        rows = np.fromiter(self._rows(text), dtype=np.int64)
        if not rows.size:
            return None
        rows -= 1
        starts = self._start[rows]
        lengths = self._start[rows + 1] - starts
        # Every stored entry of every row, in one gather: start of its row + its place in it.
        offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
        entries = offsets + np.arange(offsets.size)
        return np.bincount(
            self._col[entries], weights=self._gain[entries], minlength=len(self.languages)
        )

    def _rows(self, text: str) -> list[int]:
        """The table rows (from 1) of the n-grams of ``text`` that some profile has, in
        ``ngrams``' order; each word's are worked out once and kept (people reuse few
        words; at most ``_KNOWN_MAX`` words, then forgotten), as the risk screen does."""
        known, get = self._known, self._row.get
        rows: list[int] = []
        for padded, spaced in _padded_words(text):
            found = known.get(padded)
            if found is None:
                found = tuple(filter(None, map(get, _grams(padded, spaced))))
                if len(padded) <= _KNOWN_LONGEST:
                    if len(known) >= _KNOWN_MAX:
                        known.clear()
                    known[padded] = found
            rows.extend(found)
        return rows

    def ngrams(self, text: str) -> list[str]:
        """The 1-, 2- and 3-grams langdetect would sample from ``text``.

        Same cleaning (no URLs or e-mail addresses; Latin letters dropped from
        mostly non-Latin text), same per-letter normalisation, and the same rule
        that letters after the second capital in a row (acronyms) say nothing.
        """
        grams: list[str] = []
        for padded, spaced in _padded_words(text):
            grams.extend(_grams(padded, spaced))
        return grams


_KNOWN_MAX = 50_000
"""Words whose n-gram rows are kept (a few MB at most)."""
_KNOWN_LONGEST = 40
"""Longer "words" (a pasted link, a run of letters) are not kept: 50,000 of 2,000
letters each would be hundreds of MB."""


def _padded_words(text: str) -> list[tuple[str, bool]]:
    """Each word of ``text`` as langdetect reads it: cleaned, normalised, with a space
    before it and, except the last, one after (True)."""
    text = Detector.MAIL_RE.sub(" ", Detector.URL_RE.sub(" ", text))
    if not text.isascii():
        latin = len(_LATIN_RANGE.findall(text))
        if latin * 2 < len(_ABOVE_LATIN.findall(text)):
            text = _LATIN_LETTERS.sub("", text)
    plain = text.translate(_NORMAL)
    words = _SPACES.sub(" ", plain).lstrip(" ").split(" ")
    last = len(words) - 1
    # langdetect reads the text as a stream: the last word has no space after it.
    return [
        (f" {word} ", True) if i < last else (f" {word}", False) for i, word in enumerate(words)
    ]


def _grams(padded: str, spaced: bool) -> list[str]:
    """The n-grams of one padded word, in langdetect's order."""
    word = padded.strip(" ")
    if word.islower() or sum(map(str.isupper, word)) < 2:
        # No two capitals in a row: every gram, cut out in C (nearly every word).
        return list(map(padded.__getitem__, _gram_slices(len(padded), spaced)))
    grams: list[str] = []
    for end in range(1, len(padded)):
        if padded[end].isupper() and padded[end - 1].isupper():
            continue
        if padded[end] != " ":
            grams.append(padded[end])
        grams.append(padded[end - 1 : end + 1])
        if end >= 2:
            grams.append(padded[end - 2 : end + 1])
    return grams


@cache
def profiles_for(languages: tuple[str, ...]) -> Profiles:
    return Profiles(languages)


@cache
def detector_for(languages: tuple[str, ...]) -> LanguageDetector:
    """One shared detector per set of enabled languages."""
    return LanguageDetector(languages)
