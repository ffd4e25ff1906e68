"""The theme codebook (``flows/themes.yaml``) and automatic tagging of comments.

Staff read every comment eventually; the codebook gives a first pass that is
good enough to count, and staff reviews (stored separately) replace it where
they exist.  Patterns for every language are tried on every comment, because
language detection is unreliable on a one-line answer and people mix languages.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cached_property, lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from bot.sources import SourceError, SourceErrors, load_yaml, validate

CODEBOOK_NAME = "themes.yaml"
THEME_ID = r"^[a-z][a-z0-9_]*$"


class Theme(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=THEME_ID)
    label: dict[str, str]
    keywords: dict[str, list[str]] = {}
    """Plain words or phrases per language; matched case-insensitively at a word start."""
    patterns: dict[str, list[str]] = {}
    """Regular expressions per language, for what keywords cannot say."""

    @field_validator("label")
    @classmethod
    def _english(cls, value: dict[str, str]) -> dict[str, str]:
        if not value.get("en"):
            raise ValueError("needs an English label ('en')")
        return value

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for lang, patterns in value.items():
            for pattern in patterns:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise ValueError(f"{lang}: pattern {pattern!r} is not valid: {exc}") from None
        return value

    @model_validator(mode="after")
    def _has_rules(self) -> Theme:
        if not any(self.keywords.values()) and not any(self.patterns.values()):
            raise ValueError("give at least one keyword or pattern")
        return self

    @cached_property
    def regex(self) -> re.Pattern[str]:
        parts = [
            r"(?<!\w)" + re.escape(word.casefold())
            for words in self.keywords.values()
            for word in words
        ]
        parts += [p for patterns in self.patterns.values() for p in patterns]
        return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


class Codebook(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = Field(ge=1)
    themes: list[Theme] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Codebook:
        ids = [t.id for t in self.themes]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ValueError(f"theme ids used twice: {', '.join(dup)}")
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
        """Theme ids whose keywords or patterns occur in ``text``, in codebook order."""
        folded = text.casefold()
        return [t.id for t in self.themes if t.regex.search(folded)]


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
