"""System text in every enabled language, from ``bot/messages.yaml``.

Flow questions carry their own translations; this catalogue holds what every
flow shares (buttons, hints, errors, scale labels).  Missing text falls back
to English at run time, but ``check-flows`` reports it, so it never ships.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from bot.sources import SourceError, load_yaml, validate

CATALOGUE_PATH = Path(__file__).with_name("messages.yaml")
FALLBACK = "en"


class Language(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    native: str
    rtl: bool = False
    reviewed: bool = False


class Catalogue(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    languages: dict[str, Language]
    messages: dict[str, dict[str, str]]

    def text(self, key: str, lang: str, **values: object) -> str:
        """The message in ``lang`` (English if missing), with ``{names}`` filled in."""
        forms = self.messages[key]
        template = forms.get(lang) or forms[FALLBACK]
        return template.format(**values) if values else template

    def pick(self, text: dict[str, str], lang: str) -> str:
        """Choose from a per-language map such as a flow question."""
        return text.get(lang) or text.get(FALLBACK) or next(iter(text.values()), "")

    def is_rtl(self, lang: str) -> bool:
        info = self.languages.get(lang)
        return bool(info and info.rtl)


@cache
def load_catalogue(path: Path = CATALOGUE_PATH) -> Catalogue:
    return validate(load_yaml(path), Catalogue)


def check_catalogue(languages: list[str], path: Path = CATALOGUE_PATH) -> list[SourceError]:
    """Every message in every enabled language, and every language described."""
    doc = load_yaml(path)
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
