"""Which language a free-text answer is written in, among the enabled ones.

Reports group free text by the language it was written in, and the service
offers to switch when someone keeps writing in another language.  langdetect
guesses from character n-grams; we load only the profiles of the enabled
languages (so it can never answer with one we do not offer, and close
relatives we do not offer cannot win), seed it so the same text always gets the
same answer, and refuse to guess from too little text.

Writing systems used by exactly one enabled language (Gurmukhi for Punjabi,
Gujarati, Bengali, and Cyrillic while Russian is the only Cyrillic language)
are decided by script, which is both surer and faster than n-grams, and covers
an enabled language that langdetect has no profile for.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from langdetect.detector_factory import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

MIN_LETTERS = 12
"""Fewer letters than this and we do not guess: see bench/detect_accuracy.py."""
SEED = 0

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
        self._factory = _factory(self.profiled) if len(self.profiled) >= 2 else None
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
        if self._factory is None or any(c in self.unprofiled for c in candidates):
            # n-grams cannot pick a language they have no profile for: do not guess.
            return None
        detector = self._factory.create()
        detector.n_trial = N_TRIALS
        detector.append(text)
        try:
            ranked = detector.get_probabilities()
        except LangDetectException:
            return None
        best = next((r for r in ranked if r.lang in candidates), None)
        return Detection(best.lang, round(best.prob, 3)) if best else None


N_TRIALS = 3
"""langdetect averages 7 random trials by default; 3 keep the accuracy measured by
bench/detect_accuracy.py and more than halve the time of every typed answer."""


def script_counts(text: str) -> Counter[str]:
    """Letters (with their vowel signs) per script; digits, emoji and punctuation don't count."""
    counts: Counter[str] = Counter()
    for char in text:
        if unicodedata.category(char)[0] not in "LM":
            continue
        name = unicodedata.name(char, "")
        counts[_SCRIPTS.get(name.split(" ", 1)[0], "Other")] += 1
    return counts


@cache
def available_profiles() -> frozenset[str]:
    return frozenset(p.name for p in resources.files("langdetect").joinpath("profiles").iterdir())


@cache
def _factory(languages: tuple[str, ...]) -> DetectorFactory:
    profiles = resources.files("langdetect").joinpath("profiles")
    factory = DetectorFactory()
    factory.load_json_profile([profiles.joinpath(lang).read_text("utf-8") for lang in languages])
    factory.seed = SEED
    return factory


@cache
def detector_for(languages: tuple[str, ...]) -> LanguageDetector:
    """One shared detector per set of enabled languages."""
    return LanguageDetector(languages)
