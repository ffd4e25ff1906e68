"""Shared pieces of building a report: percentages, tables with relations, labels."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.config import Settings
from bot.detect import NAMES
from bot.i18n import Catalogue
from bot.report.model import NOT_STATED, CellRef, LanguageStatus, Relation, Table


def pct(count: int, base: int) -> int | None:
    """Whole percent, rounded half up, in integers so 72.5 never becomes 72."""
    if base <= 0:
        return None
    return (200 * count + base) // (2 * base)


@dataclass
class Question:
    flow_id: str
    step_id: str
    text: str
    position: int
    step: object


class TableSet:
    """Collects tables and the relations between their cells."""

    def __init__(self) -> None:
        self.tables: list[Table] = []
        self.relations: list[Relation] = []

    def add(self, table: Table) -> Table:
        self.tables.append(table)
        return table

    def table(self, table_id: str) -> Table | None:
        return next((t for t in self.tables if t.id == table_id), None)

    def relate(self, total: CellRef, parts: Iterable[CellRef]) -> None:
        parts = list(parts)
        if parts:
            self.relations.append(Relation(total=total, parts=parts))


class Labels:
    """Names for the keys reports split on, in English (commissioner tables)."""

    def __init__(self, settings: Settings, catalogue: Catalogue):
        self.settings = settings
        self.catalogue = catalogue

    def text(self, key: str, fallback: str) -> str:
        forms = self.catalogue.messages.get(key)
        return forms.get("en", fallback) if forms else fallback

    def label(self, split: str, key: str | None) -> str:
        if key is None or key == NOT_STATED:
            return self.text("report.not_stated", "Not stated")
        if split == "respondent_group":
            return self.text(f"report.group.{key}", key)
        if split == "area":
            area = next((a for a in self.settings.areas if a.id == key), None)
            return area.name.get("en", key) if area else key
        if split == "site":
            site = self.settings.site(key)
            return site.name.get("en", key) if site else key
        if split == "mode":
            return self.text(f"report.mode.{key}", key)
        if split == "lang":
            info = self.catalogue.languages.get(key)
            return info.name if info else NAMES.get(key, key)
        if split == "flow":
            return key
        return key

    def order(self, split: str, keys: Iterable[str]) -> list[str]:
        known: list[str] = {
            "respondent_group": list(self.settings.respondent_groups),
            "area": [a.id for a in self.settings.areas],
            "site": [s.id for s in self.settings.sites],
            "mode": ["own_device", "peer_assisted", "paper"],
            "lang": list(self.settings.languages),
        }.get(split, [])
        keys = set(keys)
        first = [k for k in known if k in keys]
        rest = sorted(k for k in keys if k not in known and k != NOT_STATED)
        return first + rest + ([NOT_STATED] if NOT_STATED in keys else [])

    def language_status(self) -> list[LanguageStatus]:
        """Each enabled language and how much of its catalogue a person has checked."""
        from bot.translations.catalog import translations

        out = []
        for code in self.settings.languages:
            info = self.catalogue.languages.get(code)
            if not info:
                continue
            entries = translations(code).entries.values()
            checked = sum(1 for e in entries if e.text and not e.fuzzy)
            out.append(
                LanguageStatus(
                    code=code,
                    name=info.name,
                    native=info.native,
                    reviewed=code == "en" or (bool(entries) and checked == len(entries)),
                    texts=len(entries),
                    texts_reviewed=checked,
                )
            )
        return out
