"""Which texts of a language a person has checked, and the start-up gate on it.

An entry is reviewed when its translation is there, is not ``fuzzy``, and was
made for the English the source says today.  ``require_reviewed`` (config) is
``safety`` by default: a language whose privacy notice, consent, helplines or
risk replies are not all reviewed is refused at start-up, naming them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot.sources import load_yaml
from bot.translations.catalog import is_safety, translations
from bot.translations.sources import RESERVED_FLOW_FILES, Source
from bot.translations.walk import ENGLISH, spots


@dataclass
class LanguageReview:
    lang: str
    total: int = 0
    translated: int = 0
    reviewed: int = 0
    revision: str = ""
    unreviewed_safety: list[str] = field(default_factory=list)
    unreviewed: list[str] = field(default_factory=list)

    @property
    def missing(self) -> int:
        return self.total - self.translated


def english_texts(sources: list[Source]) -> dict[str, str]:
    """Context → English, over the given sources."""
    out: dict[str, str] = {}
    for source in sources:
        for spot in spots(load_yaml(source.path).data, source.kind):
            out[spot.context] = spot.english
    return out


def review(lang: str, english: dict[str, str], directory: Path | None = None) -> LanguageReview:
    cat = translations(lang, directory)
    result = LanguageReview(lang, total=len(english), revision=cat.revision)
    for context, text in english.items():
        if lang == ENGLISH:
            result.translated += 1
            result.reviewed += 1
            continue
        entry = cat.entries.get(context)
        usable = entry is not None and entry.usable_for(text)
        result.translated += usable
        if usable and entry is not None and not entry.fuzzy:
            result.reviewed += 1
        else:
            result.unreviewed.append(context)
            if is_safety(context) and not (_keeps_english(context) and not usable):
                result.unreviewed_safety.append(context)
    return result


def _keeps_english(context: str) -> bool:
    """A helpline's name left untranslated shows the English name people know it by: not
    a gap in safety.  A translated one must be checked like the rest."""
    return context.startswith("config:helplines:") and context.endswith(":name")


def runtime_sources(flows_dir: Path, config_file: Path | None) -> list[Source]:
    """The sources a running bot reads: its flows, the messages, its config."""
    from bot.i18n import CATALOGUE_PATH

    found = [
        Source(p, p.name, "flow")
        for p in sorted(flows_dir.glob("*.yaml"))
        if p.name not in RESERVED_FLOW_FILES
    ]
    found += [
        Source(p, f"sections/{p.name}", "flow") for p in sorted(flows_dir.glob("sections/*.yaml"))
    ]
    found.append(Source(CATALOGUE_PATH, "bot/messages.yaml", "msg"))
    if config_file is not None and config_file.exists():
        found.append(Source(config_file, config_file.name, "config"))
    return found


def gate_problems(
    languages: list[str], require: str, sources: list[Source], directory: Path | None = None
) -> dict[str, list[str]]:
    """Per refused language, the contexts that are not reviewed (empty: none refused)."""
    if require == "none":
        return {}
    english = english_texts(sources)
    refused: dict[str, list[str]] = {}
    for lang in languages:
        if lang == ENGLISH:
            continue
        state = review(lang, english, directory)
        names = state.unreviewed_safety if require == "safety" else state.unreviewed
        if names:
            refused[lang] = names
    return refused
