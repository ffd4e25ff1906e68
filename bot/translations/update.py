"""``translations update``: bring every catalogue in line with the English sources.

As ``msgmerge`` does: a new English text becomes an empty entry, an entry whose
English changed keeps its translation but turns ``fuzzy`` (with the old English
kept as ``#| msgid`` so the translator sees what changed), and an entry whose
text is gone from the sources is dropped.  Notes and places are refreshed, and
entries are written in the order the texts appear in the sources.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog

from bot.translations.catalog import read_catalog
from bot.translations.po import entry_message, new_catalog, write_catalog
from bot.translations.sources import source_spots


def update(root: Path, languages: list[str] | None = None) -> dict[str, dict[str, int]]:
    """Update ``root/locale/*.po`` (and create catalogues for ``languages``); return
    per language how many entries were added, marked fuzzy and dropped."""
    locale = root / "locale"
    langs = sorted({p.stem for p in locale.glob("*.po")} | set(languages or []))
    spots = source_spots(root)
    summary: dict[str, dict[str, int]] = {}
    for lang in langs:
        path = locale / f"{lang}.po"
        old = read_catalog(path) if path.exists() else new_catalog(lang)
        summary[lang] = counts = {"added": 0, "fuzzy": 0, "dropped": 0}
        by_context = {m.context: m for m in old if m.id and m.context}
        fresh = _fresh(old, lang)
        for spot, source, line in spots:
            previous = by_context.pop(spot.context, None)
            text = previous.string if previous is not None else ""
            fuzzy = previous.fuzzy if previous is not None else False
            message = entry_message(spot, source.rel, text or "", fuzzy=fuzzy, line=line)
            if previous is None:
                counts["added"] += 1
            elif previous.id != spot.english and text:
                message.flags.add("fuzzy")
                message.previous_id = [str(previous.id)]
                counts["fuzzy"] += 1
            fresh[spot.english] = message
        counts["dropped"] = len(by_context)
        write_catalog(fresh, path)
    return summary


def _fresh(old: Catalog, lang: str) -> Catalog:
    catalog = new_catalog(lang)
    catalog.header_comment = old.header_comment
    return catalog
