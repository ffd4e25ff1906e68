"""One helpline as a person reads it: name, number and note, in their language.

Shared by the risk reply (``bot.safety.signpost``) and the poster, so both say
the same thing in the same order.  In a right-to-left language the line starts
with a right-to-left mark and the name and number are each isolated: the name is
usually English ("Samaritans"), and a line that began with it was laid out left
to right, which put the translated note's brackets and numbers out of order.
"""

from __future__ import annotations

from bot.config import Helpline
from bot.i18n import Catalogue, isolate

RLM = "\u200f"
"""Right-to-left mark: makes the line's paragraph run right to left."""


def helpline_line(catalogue: Catalogue, line: Helpline, lang: str) -> str:
    """``name: number (note)``, each in ``lang`` where the catalogue has it (the name
    stays English, isolated, unless a translator gave one)."""
    name = catalogue.pick({**line.name_translations, "en": line.name}, lang)
    note = catalogue.pick(line.note, lang) if line.note else ""
    tail = f" ({note})" if note else ""
    if not catalogue.is_rtl(lang):
        return f"{name}: {line.number}{tail}"
    return f"{RLM}{name}: {isolate(line.number)}{tail}"
