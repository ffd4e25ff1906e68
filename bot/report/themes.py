"""The theme codebook (``flows/themes.yaml``) and automatic tagging of comments.

Staff read every comment eventually; the codebook gives a first pass that is
good enough to count, and staff reviews (stored separately) replace it where
they exist.  Patterns for every language are tried on every comment, because
language detection is unreliable on a one-line answer and people mix languages.

Comments and keywords are compared in one folded form (:func:`fold`), so that
a keyword written once matches the ways people actually type it: without
Latin diacritics ("sanatate" for "sănătate", "aciu" for "ačiū"), with or
without Arabic vowel marks and hamza seats, with Arabic or Persian forms of
kaf, yeh and heh (Urdu typed on an Arabic keyboard), and with or without the
nukta of Gurmukhi, Bengali and Gujarati.  A keyword must begin a word, where a
word is letters *and* the vowel signs of Indic scripts (Python's word class
does not count those, so its word boundary would fall inside a Punjabi word).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from functools import cached_property, lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from bot.sources import SourceError, SourceErrors, load_yaml, validate
from bot.textnorm import fold as fold_for_matching

CODEBOOK_NAME = "themes.yaml"
THEME_ID = r"^[a-z][a-z0-9_]*$"

_WORD = r"[\w\u0900-\u0DFF]"
"""A word character: letters and digits, and every letter and sign of the Indic blocks."""
START = rf"(?<!{_WORD})"
_BOUNDARY = rf"(?:(?<!{_WORD})(?={_WORD})|(?<={_WORD})(?!{_WORD}))"
_SAME = {
    "ك": "ک", "ي": "ی", "ى": "ی", "ة": "ه", "ہ": "ه", "ۃ": "ه", "ۀ": "ه",
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ـ": "",
    "ł": "l", "đ": "d", "ø": "o", "ß": "ss", "ı": "i", "ё": "е",
}  # fmt: skip
"""Letters people type for one another; mapped for matching only."""
_DROP = frozenset("\u093c\u09bc\u0a3c\u0abc\u0670") | frozenset(map(chr, range(0x064B, 0x0660)))
"""Nukta signs, and Arabic vowel marks (harakat, tanwin, shadda, dagger alif)."""
_PUNCTUATION = r"[.;:!?\n\u061b\u061f\u06d4\u0964\u0965()]+"
"""Where a clause ends, in every script: also the Arabic semicolon and question mark, the
Urdu full stop and the danda of Bengali and Devanagari (Gurmukhi uses it too).  Not a
comma: "the staff were great, thank you" thanks the staff across one."""


@lru_cache(maxsize=20_000)
def _plain(ch: str) -> str:
    if ch.isascii():
        return ch
    if ch in _SAME:
        return _SAME[ch]
    if ch in _DROP or "\u0300" <= ch <= "\u036f":
        return ""
    parts = unicodedata.normalize("NFD", ch)
    if len(parts) == 1:
        return ch
    base = parts[0]
    if "LATIN" in unicodedata.name(base, "") or "\u0900" <= base <= "\u0dff":
        # Latin letters lose their accents; Indic letters their nukta.
        return "".join(p for p in parts if not ("\u0300" <= p <= "\u036f" or p in _DROP))
    return ch


def plain(text: str) -> str:
    """``text`` with the letter variants above mapped, case kept (for regex patterns)."""
    return "".join(map(_plain, text))


def fold(text: str) -> str:
    """The form comments and keywords are matched in (see the module docstring)."""
    return plain(fold_for_matching(text).text.casefold())


def _keyword(word: str) -> str:
    """A keyword as a regex.  A final Arabic taa marbuta (ة) is written ت before a
    suffix (جرعة, a dose; جرعتي, my dose), so it matches either."""
    folded = re.escape(fold(word))
    return folded[:-1] + "[هت]" if word.endswith("ة") else folded


def _pattern(pattern: str) -> str:
    """A codebook regex in the folded alphabet; its word boundaries know Indic vowel signs."""
    return plain(pattern).replace(r"\b", _BOUNDARY)


def _each_compiles(value: dict[str, list[str]], what: str) -> dict[str, list[str]]:
    """Every language's regular expressions compile; else the first that does not, named."""
    for lang, patterns in value.items():
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{lang}: {what}{pattern!r} is not valid: {exc}") from None
    return value


class Theme(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=THEME_ID)
    label: dict[str, str]
    keywords: dict[str, list[str]] = {}
    """Plain words or phrases per language; matched case-insensitively at a word start."""
    patterns: dict[str, list[str]] = {}
    """Regular expressions per language, for what keywords cannot say."""
    concern: bool = True
    """Whether people raising it want something changed.  Praise is not: it is never
    listed as "We are still working on", nor as "No update yet" for commissioners."""
    yields_to: list[str] = []
    """Themes that, found in the same clause with no negation, make this theme's words
    there mean something else: "the staff were brilliant" is praise, not a staffing
    concern, yet "my keyworker was lovely but she left" still is (another clause)."""

    @field_validator("label")
    @classmethod
    def _english(cls, value: dict[str, str]) -> dict[str, str]:
        if not value.get("en"):
            raise ValueError("needs an English label ('en')")
        return value

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        return _each_compiles(value, "pattern ")

    @model_validator(mode="after")
    def _has_rules(self) -> Theme:
        if not any(self.keywords.values()) and not any(self.patterns.values()):
            raise ValueError("give at least one keyword or pattern")
        return self

    def languages(self) -> set[str]:
        """Languages with at least one keyword or pattern for this theme."""
        return {lang for lang, rules in (*self.keywords.items(), *self.patterns.items()) if rules}

    def regex(self, prefixes: dict[str, str]) -> re.Pattern[str]:
        # One word-start test, then the keywords (longest first, by language's prefix).
        groups = []
        for lang, words in self.keywords.items():
            alternatives = "|".join(sorted({_keyword(w) for w in words}, key=len)[::-1])
            if alternatives:
                groups.append(f"{prefixes.get(lang, '')}(?:{alternatives})")
        parts = [f"{START}(?:{'|'.join(groups)})"] if groups else []
        parts += [_pattern(p) for patterns in self.patterns.values() for p in patterns]
        return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


class Codebook(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = Field(ge=1)
    prefixes: dict[str, str] = {}
    """Per language, a regex allowed between a word's start and a keyword: Arabic
    writes its article and some prepositions and conjunctions (al-, bi-, wa-) as
    part of the word."""
    clauses: dict[str, list[str]] = {}
    """Per language, regexes for the words that begin a new clause ("but", "although"),
    besides punctuation: where a theme's ``yields_to`` is looked for."""
    negations: dict[str, list[str]] = {}
    """Per language, regexes for negation ("not", "never"): a clause with one keeps
    every theme found in it ("the staff weren't friendly" is about staff)."""
    themes: list[Theme] = Field(min_length=1)

    @field_validator("prefixes")
    @classmethod
    def _prefixes_compile(cls, value: dict[str, str]) -> dict[str, str]:
        for lang, pattern in value.items():
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{lang}: prefix {pattern!r} is not valid: {exc}") from None
        return value

    @field_validator("clauses", "negations")
    @classmethod
    def _rules_compile(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        return _each_compiles(value, "")

    @model_validator(mode="after")
    def _unique(self) -> Codebook:
        ids = [t.id for t in self.themes]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ValueError(f"theme ids used twice: {', '.join(dup)}")
        unknown = sorted({y for t in self.themes for y in t.yields_to} - set(ids))
        if unknown:
            raise ValueError(f"yields_to names themes that do not exist: {', '.join(unknown)}")
        return self

    def fingerprint(self) -> str:
        return self._fingerprint

    @cached_property
    def _fingerprint(self) -> str:
        blob = json.dumps(self.model_dump(mode="json"), sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]

    def ids(self) -> list[str]:
        return [t.id for t in self.themes]

    def label(self, theme_id: str, lang: str = "en") -> str:
        theme = next((t for t in self.themes if t.id == theme_id), None)
        if theme is None:
            return theme_id.replace("_", " ").capitalize()
        return theme.label.get(lang) or theme.label["en"]

    def tag(self, text: str) -> list[str]:
        """Theme ids whose keywords or patterns occur in ``text``, in codebook order.

        A theme with ``yields_to`` counts only where it occurs in a clause that has
        none of those themes, or has a negation too."""
        folded = fold(text)
        found = {theme_id for theme_id, regex in self._compiled.items() if regex.search(folded)}
        for theme in self.themes:
            yields = theme.id in found and found.intersection(theme.yields_to)
            if yields and not any(self._counts_in(theme, c) for c in self._split(folded)):
                found.discard(theme.id)
        return [theme_id for theme_id in self._compiled if theme_id in found]

    def _split(self, folded: str) -> list[str]:
        return self._clause_break.sub("\n", folded).split("\n")

    def _counts_in(self, theme: Theme, clause: str) -> bool:
        """Whether ``theme`` is said in ``clause``: its words, and not as the other
        theme it yields to (unless negated)."""
        if not self._compiled[theme.id].search(clause):
            return False
        if not any(self._compiled[other].search(clause) for other in theme.yields_to):
            return True
        return self._negation is not None and self._negation.search(clause) is not None

    def compile(self) -> None:
        """Compile every rule now rather than at the first comment tagged (~0.2 s of
        CPU): the report processes' fork server does it once for all of them
        (``bot/report/worker_preload.py``), so an export with one new comment to tag
        does not pay for it every time."""
        for rules in (self._compiled, self._clause_break, self._negation):
            assert rules is None or rules

    @cached_property
    def _compiled(self) -> dict[str, re.Pattern[str]]:
        prefixes = {lang: f"(?:{_pattern(p)})" for lang, p in self.prefixes.items()}
        return {t.id: t.regex(prefixes) for t in self.themes}

    @cached_property
    def _clause_break(self) -> re.Pattern[str]:
        words = [_pattern(p) for patterns in self.clauses.values() for p in patterns]
        return re.compile("|".join([_PUNCTUATION, *(f"(?:{w})" for w in words)]), re.IGNORECASE)

    @cached_property
    def _negation(self) -> re.Pattern[str] | None:
        rules = [_pattern(p) for patterns in self.negations.values() for p in patterns]
        return re.compile("|".join(f"(?:{r})" for r in rules), re.IGNORECASE) if rules else None

    def coverage(self, languages: Iterable[str]) -> dict[str, list[str]]:
        """Per language, the themes with rules in it (comments in it can get only those)."""
        return {lang: [t.id for t in self.themes if lang in t.languages()] for lang in languages}


def load_codebook(flows_dir: Path) -> Codebook:
    """Raises SourceErrors with ``themes.yaml:line: field: problem``.

    Parsed once per version of the file (its modification time and size), so a
    weekly export does not pay for YAML every time, and an edit is still seen.
    """
    path = flows_dir / CODEBOOK_NAME
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise SourceErrors(
            [SourceError(str(path), 0, "", "theme codebook not found (check flows_dir in config)")]
        ) from None
    return _parsed(path.resolve(), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _parsed(path: Path, mtime_ns: int, size: int) -> Codebook:
    return validate(load_yaml(path), Codebook)


def check_codebook(flows_dir: Path, languages: Iterable[str]) -> tuple[list[SourceError], str]:
    """Problems with the codebook for ``check-flows``, and a line of coverage per language.

    An enabled language with no rules at all is an error: its comments would
    never be themed or quoted, yet count in the base of "% of commenters", so
    every theme's share would be understated.
    """
    try:
        codebook = load_codebook(flows_dir)
    except SourceErrors as exc:
        return exc.errors, ""
    total = len(codebook.themes)
    coverage = codebook.coverage(languages)
    path = flows_dir / CODEBOOK_NAME
    line = load_yaml(path).line_of(("themes",))
    errors = [
        SourceError(
            str(path),
            line,
            "themes",
            f"no keywords or patterns in {lang!r}, an enabled language: its comments"
            " would never be themed, yet count among commenters",
        )
        for lang, ids in coverage.items()
        if not ids
    ]
    summary = ", ".join(f"{lang} {len(ids)}/{total}" for lang, ids in coverage.items())
    return errors, f"theme codebook v{codebook.version}, themes with rules per language: {summary}"
