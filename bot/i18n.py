"""System text in every enabled language, from ``bot/messages.yaml``.

Flow questions carry their own translations; this catalogue holds what every
flow shares (buttons, hints, errors, scale labels).  Missing text falls back
to English at run time, but ``check-flows`` reports it, so it never ships.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

from bot.sources import Document, SourceError, load_yaml, validate
from bot.translations import localise

CATALOGUE_PATH = Path(__file__).with_name("messages.yaml")
FALLBACK = "en"

FSI, PDI = "\u2068", "\u2069"
"""First-strong isolate and its closing mark: the text between keeps its own direction."""
_PLACEHOLDER = re.compile(r"(\{[^{}]*\})")
# A run of Latin letters, digits and the punctuation inside commands, numbers and
# names ("/start", "116 123", "HMP Peterborough"), as one left-to-right island.
_WORD = r"[/A-Za-z0-9](?:[A-Za-z0-9]|[/'’._:+@-](?=[A-Za-z0-9]))*"
_LTR_RUN = re.compile(rf"{_WORD}(?: {_WORD})*")


class Language(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    native: str
    rtl: bool = False

    @model_validator(mode="before")
    @classmethod
    def _no_review_flag(cls, data: Any) -> Any:
        """A whole-language ``reviewed`` flag said one thing while the catalogue said
        another; review is per text now, so the flag is refused, not ignored."""
        if isinstance(data, dict) and "reviewed" in data:
            raise ValueError(
                "'reviewed' is no longer set here: whether a translation has been checked is"
                " kept per text in locale/<lang>.po (an entry without 'fuzzy' is checked; see"
                " `feedback-bot translations status`). Remove 'reviewed' from this line."
            )
        return data


class Catalogue(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    languages: dict[str, Language]
    messages: dict[str, dict[str, str]]

    def text(self, key: str, lang: str, **values: object) -> str:
        """The message in ``lang`` (English if missing), with ``{names}`` filled in."""
        forms = self.messages[key]
        template = forms.get(lang)
        if not template:
            english = forms[FALLBACK]
            return self._fallback(english.format(**values) if values else english, lang)
        if not self.is_rtl(lang):
            return template.format(**values) if values else template
        # Isolate each number, command and filled-in value, so "{n} of {total}" or
        # "/start" cannot be reordered or have their punctuation flipped.
        return "".join(
            _fill(part, values) if _PLACEHOLDER.fullmatch(part) else isolate_ltr(part)
            for part in _PLACEHOLDER.split(template)
        )

    def pick(self, text: dict[str, str], lang: str) -> str:
        """Choose from a per-language map such as a flow question."""
        chosen = text.get(lang)
        if chosen:
            return isolate_ltr(chosen) if self.is_rtl(lang) else chosen
        return self._fallback(text.get(FALLBACK) or next(iter(text.values()), ""), lang)

    def _fallback(self, english: str, lang: str) -> str:
        """English shown inside right-to-left text reads as one left-to-right island."""
        return isolate(english) if self.is_rtl(lang) else english

    def is_rtl(self, lang: str) -> bool:
        info = self.languages.get(lang)
        return bool(info and info.rtl)


def normalise_language(code: str, enabled: list[str]) -> str:
    """``"PL"``, ``" pl "`` or ``"pl-PL"`` → ``"pl"``; a ValueError naming the choices
    if it is not an enabled language (a note filed under 'PL' was shown to no one)."""
    cleaned = code.strip().replace("_", "-").split("-")[0].lower()
    if cleaned not in enabled:
        raise ValueError(f"{code!r} is not an enabled language; use one of: {', '.join(enabled)}")
    return cleaned


def _fill(placeholder: str, values: dict[str, object]) -> str:
    name = placeholder[1:-1]
    return isolate(str(values[name])) if name in values else placeholder


def isolate(text: str) -> str:
    return f"{FSI}{text}{PDI}" if text else text


def isolate_ltr(text: str) -> str:
    """Wrap each left-to-right run (Latin words, digits, /commands) in isolates."""
    return _LTR_RUN.sub(lambda m: isolate(m.group(0)), text)


def _load_document(path: Path) -> Document:
    """The English source with every catalogue's translations filled in."""
    doc = load_yaml(path)
    localise(doc.data, "msg")
    return doc


@cache
def load_catalogue(path: Path = CATALOGUE_PATH) -> Catalogue:
    return validate(_load_document(path), Catalogue)


def check_catalogue(languages: list[str], path: Path = CATALOGUE_PATH) -> list[SourceError]:
    """Every message in every enabled language, and every language described."""
    doc = _load_document(path)
    catalogue = validate(doc, Catalogue)
    errors = [
        doc.error(("languages",), f"language {lang!r} is enabled but not described here")
        for lang in languages
        if lang not in catalogue.languages
    ]
    for key, forms in catalogue.messages.items():
        for lang in languages:
            if not (forms.get(lang) or "").strip():
                errors.append(doc.error(("messages", key), f"missing {lang!r} translation"))
    return errors
