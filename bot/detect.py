"""Which language a free-text answer is written in, among the enabled ones.

Reports group free text by the language it was written in, and the service
offers to switch when someone keeps writing in another language.  langdetect
guesses from character n-grams; we load only the profiles of the enabled
languages (so it can never answer with one we do not offer, and close
relatives we do not offer cannot win), and refuse to guess from too little text.

langdetect itself scores a text by sampling its n-grams at random, in several
trials, in pure Python (~0.3 ms for a sentence).  We use its profiles and its
n-gram rules but score every n-gram at once (a naive-Bayes sum of the same
smoothed log-probabilities its sampler multiplies), which is deterministic,
uses all the evidence in a short text, and takes a fraction of the time:
bench/detect_accuracy.py measures both accuracy and speed.

Writing systems used by exactly one enabled language (Gurmukhi for Punjabi,
Gujarati, Bengali, and Cyrillic while Russian is the only Cyrillic language)
are decided by script, which is both surer and faster than n-grams, and covers
an enabled language that langdetect has no profile for.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import numpy as np
from langdetect.detector import Detector
from langdetect.detector_factory import DetectorFactory
from langdetect.utils.ngram import NGram

MIN_LETTERS = 12
"""Fewer letters than this and we do not guess: see bench/detect_accuracy.py."""

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


@dataclass(frozen=True)
class Detection:
    lang: str
    prob: float


class LanguageDetector:
    """Detects among ``languages`` only.  Build once: loading profiles is the slow part."""

    def __init__(self, languages: Iterable[str], min_letters: int = MIN_LETTERS):
        self.languages = tuple(languages)
        self.min_letters = min_letters
        self.profiled = tuple(lang for lang in self.languages if lang in available_profiles())
        self.unprofiled = tuple(lang for lang in self.languages if lang not in self.profiled)
        self._profiles = profiles_for(self.profiled) if len(self.profiled) >= 2 else None
        # A language missing from SCRIPT_OF_LANGUAGE may be written in any script.
        anywhere = [lang for lang in self.languages if lang not in SCRIPT_OF_LANGUAGE]
        by_script: dict[str, list[str]] = {}
        for lang in self.languages:
            if lang in SCRIPT_OF_LANGUAGE:
                by_script.setdefault(SCRIPT_OF_LANGUAGE[lang], []).append(lang)
        self._script_langs = by_script
        self._anywhere = anywhere

    def detect(self, text: str) -> Detection | None:
        """The most likely enabled language, or None when the text is too short to tell."""
        counts = script_counts(text)
        letters = sum(counts.values())
        if letters < self.min_letters:
            return None
        script, count = counts.most_common(1)[0]
        candidates = self._script_langs.get(script, []) + self._anywhere
        if len(candidates) == 1:
            return Detection(candidates[0], round(count / letters, 3))
        if self._profiles is None or any(c in self.unprofiled for c in candidates):
            # n-grams cannot pick a language they have no profile for: do not guess.
            return None
        scored = self._profiles.score(text, candidates)
        return Detection(*scored) if scored else None


def script_counts(text: str) -> Counter[str]:
    """Letters (with their vowel signs) per script; digits, emoji and punctuation don't count."""
    return Counter(s for s in map(_script, text) if s)


_MEMO_LIMIT = 20_000
"""Characters remembered per cache, so that text made of rare characters cannot grow it."""


@lru_cache(maxsize=_MEMO_LIMIT)
def _script(char: str) -> str:
    """The character's script, "" for not a letter; kept, since Unicode names are slow."""
    if unicodedata.category(char)[0] not in "LM":
        return ""
    return _SCRIPTS.get(unicodedata.name(char, "").split(" ", 1)[0], "Other")


_normal = lru_cache(maxsize=_MEMO_LIMIT)(NGram.normalize)
"""langdetect's per-letter normalisation, kept per character."""


@cache
def available_profiles() -> frozenset[str]:
    return frozenset(p.name for p in resources.files("langdetect").joinpath("profiles").iterdir())


_WEIGHT = Detector.ALPHA_DEFAULT / Detector.BASE_FREQ
"""langdetect's smoothing: an n-gram a language never uses costs it a lot, not everything."""
_LATIN_LETTERS = re.compile(r"[A-Za-z]+")
_SPACES = re.compile(" +")


class Profiles:
    """langdetect's n-gram profiles as one matrix of smoothed log-probabilities."""

    def __init__(self, languages: tuple[str, ...]):
        profiles = resources.files("langdetect").joinpath("profiles")
        factory = DetectorFactory()
        factory.load_json_profile([(profiles / lang).read_text("utf-8") for lang in languages])
        self.languages: tuple[str, ...] = tuple(factory.get_lang_list())
        grams = factory.word_lang_prob_map
        self._row = {gram: i for i, gram in enumerate(grams)}
        self._log = np.log(np.array(list(grams.values()), dtype=np.float64) + _WEIGHT)
        self._tables: dict[tuple[str, ...], tuple[list[str], np.ndarray]] = {}

    def score(self, text: str, candidates: Iterable[str]) -> tuple[str, float] | None:
        """The likeliest of ``candidates`` and its posterior probability among them."""
        langs, table = self._columns(tuple(candidates))
        rows = [r for r in map(self._row.get, self.ngrams(text)) if r is not None]
        if not rows or not langs:
            return None
        totals = table.take(rows, axis=0).sum(axis=0)
        odds = np.exp(totals - totals.max())
        best = int(odds.argmax())
        return langs[best], float(odds[best] / odds.sum())

    def _columns(self, candidates: tuple[str, ...]) -> tuple[list[str], np.ndarray]:
        """The candidates' columns as one contiguous table (a few script groups, kept)."""
        if candidates not in self._tables:
            langs = [c for c in candidates if c in self.languages]
            cols = [self.languages.index(c) for c in langs]
            self._tables[candidates] = (langs, np.ascontiguousarray(self._log[:, cols]))
        return self._tables[candidates]

    def ngrams(self, text: str) -> list[str]:
        """The 1-, 2- and 3-grams langdetect would sample from ``text``.

        Same cleaning (no URLs or e-mail addresses; Latin letters dropped from
        mostly non-Latin text), same per-letter normalisation, and the same rule
        that letters after the second capital in a row (acronyms) say nothing.
        """
        text = Detector.MAIL_RE.sub(" ", Detector.URL_RE.sub(" ", text))
        latin = sum(1 for ch in text if "A" <= ch <= "z")
        if latin * 2 < sum(1 for ch in text if ch >= "\u0300"):
            text = _LATIN_LETTERS.sub("", text)
        plain = "".join(map(_normal, text))
        words = _SPACES.sub(" ", plain).lstrip(" ").split(" ")
        grams: list[str] = []
        for i, word in enumerate(words):
            # langdetect reads the text as a stream: the last word has no space after it.
            padded = f" {word} " if i < len(words) - 1 else f" {word}"
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
