"""Translations: English sources, one gettext catalogue per other language.

``localise`` is what the loaders call: it fills each translatable text of a
source (a flow, ``messages.yaml``, ``config.yaml``, a stored flow snapshot) with
the languages the catalogues in ``locale/`` hold, so the rest of the bot keeps
seeing ``{language: text}`` maps and never reads a PO file itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.translations.catalog import available_languages, translations
from bot.translations.walk import put, spots


def localise(data: Any, kind: str, directory: Path | None = None) -> Any:
    """Fill ``data`` in place with every catalogue's translations; return it.

    A language already given in the source wins (a source not yet moved, or a
    test's own flow); a catalogue entry is used only while its English matches.
    """
    if not isinstance(data, dict):
        return data
    catalogues = [translations(lang, directory) for lang in available_languages(directory)]
    for spot in list(spots(data, kind)):
        texts = {"en": spot.english}
        for cat in catalogues:
            text = cat.text(spot.context, spot.english)
            if text:
                texts[cat.lang] = text
        texts.update(spot.translations)
        put(data, spot.path, texts)
    return data
