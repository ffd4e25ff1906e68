"""'What changed' notes for one reader: every note once, in their language if possible.

A note is written in one language; staff may add translations of it
(``update add --translates ID``).  A reader sees each note in their own
language where a translation exists, and otherwise as it was written, marked
with the language it is in.  No note is hidden because another note happens to
exist in the reader's language (the old rule hid every English note from a
Polish reader as soon as one Polish note existed, and the other way round).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.i18n import Catalogue, isolate
from bot.l10n import language_name


@dataclass(frozen=True)
class Note:
    id: int
    text: str
    lang: str
    dated: str
    translates: int | None = None
    """The note this one translates, or None for a note as first written."""
    themes: tuple[str, ...] = ()
    """Codebook themes the note answers (a translation: its original's)."""
    status: str | None = None
    """planned, in_progress or done; None for a note that says neither."""


@dataclass(frozen=True)
class ShownNote:
    text: str
    lang: str
    dated: str
    foreign: bool
    """True when shown in the language it was written in, not the reader's."""
    themes: tuple[str, ...] = ()
    status: str | None = None


def for_reader(notes: list[Note], lang: str) -> list[ShownNote]:
    """Each original note, oldest first, in ``lang`` where there is a translation."""
    ids = {n.id for n in notes}
    translations = {(n.translates, n.lang): n for n in notes if n.translates in ids}
    shown = []
    for note in notes:
        if note.translates in ids:
            continue  # shown through its original
        chosen = note if note.lang == lang else translations.get((note.id, lang), note)
        shown.append(
            ShownNote(
                chosen.text, chosen.lang, note.dated, chosen.lang != lang, note.themes, note.status
            )
        )
    return shown


def marked(note: ShownNote, catalogue: Catalogue, lang: str) -> str:
    """The note's text, with 'Written in <language>' when it is not in the reader's."""
    if not note.foreign:
        return note.text
    language = language_name(note.lang, lang)
    # Isolated, so English inside Arabic keeps its full stop at its own end.
    return f"{isolate(note.text)} ({catalogue.text('note.written_in', lang, language=language)})"
