"""Closing the loop: which updates answer which themes, and which themes wait for one.

An update names the codebook themes it answers (``update add --theme``, the
theme buttons of ``/update``).  In a report, each such update is paired with
what people said: the theme and how many people raised it this period.  A theme
raised by at least the suppression threshold of people this period that no
update in the report names is still waiting ("We are still working on").

Counts come from the published themes table only: a hidden count is left out
of the pair (the theme is still named), never written as "a few".  Renderers
(network page, commissioners' report, noticeboard, the /news message) all take
their pairs from here, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.i18n import Catalogue
from bot.report.model import PublicReport
from bot.report.notes import Note, ShownNote, for_reader, marked
from bot.report.plain import plural


@dataclass(frozen=True)
class Said:
    theme: str
    people: int | None
    """Respondents who raised it this period, as published; None when hidden."""


@dataclass(frozen=True)
class Pair:
    said: list[Said]
    did: ShownNote
    status: str | None


def _people(report: PublicReport) -> dict[str, int | None]:
    table = report.table("themes")
    if table is None:
        return {}
    return {row.key: row.cells["respondents"].count for row in table.rows}


def notes_of(report: PublicReport) -> list[Note]:
    return [
        Note(u.id or 0, u.text, u.lang, u.dated, u.translates, tuple(u.themes), u.status)
        for u in report.updates
    ]


def pairs(report: PublicReport, lang: str) -> list[Pair]:
    """Every update in the report that names a theme, in the reader's language, oldest first."""
    people = _people(report)
    return [
        Pair([Said(t, people.get(t)) for t in note.themes], note, note.status)
        for note in for_reader(notes_of(report), lang)
        if note.themes
    ]


def unlinked(report: PublicReport, lang: str) -> list[ShownNote]:
    """Updates that name no theme: shown on their own, as before."""
    return [note for note in for_reader(notes_of(report), lang) if not note.themes]


def still_working(report: PublicReport) -> list[Said]:
    """Themes raised by at least the threshold of people (published), with no update in the
    report naming them; most raised first.  Praise (a theme that is no ``concern``) is
    not waiting for anything."""
    answered = {t for u in report.updates for t in u.themes}
    praise = {th.id for th in report.themes if not th.concern}
    waiting = [
        Said(theme, n)
        for theme, n in _people(report).items()
        if n is not None and n >= report.threshold and theme not in answered | praise
    ]
    return sorted(waiting, key=lambda s: -(s.people or 0))


def theme_label(catalogue: Catalogue, report: PublicReport, theme: str, lang: str) -> str:
    """A theme's name for readers: the catalogue's ``theme.<id>``, else the codebook's."""
    if f"theme.{theme}" in catalogue.messages:
        return catalogue.text(f"theme.{theme}", lang)
    labels = {th.id: th.label for th in report.themes}
    return catalogue.pick(labels.get(theme, {"en": theme}), lang)


def said_text(catalogue: Catalogue, report: PublicReport, said: Said, lang: str) -> str:
    """'Waiting times (12 people)'; just 'Waiting times' when the count is hidden, or when no
    one raised it this period (the update answers what was said before)."""
    label = theme_label(catalogue, report, said.theme, lang)
    if not said.people:
        return label
    people = plural(catalogue, "network.people", lang, said.people, n=said.people)
    return f"{label} ({people})"


def pair_lines(
    catalogue: Catalogue, report: PublicReport, pair: Pair, lang: str
) -> tuple[str, str]:
    """('You said: Waiting times (12 people)', 'We did (done): We now …')."""
    themes = ", ".join(said_text(catalogue, report, s, lang) for s in pair.said)
    you_said = catalogue.text("network.you_said", lang, themes=themes)
    text = marked(pair.did, catalogue, lang)
    if pair.status is None:
        return you_said, catalogue.text("network.we_did", lang, text=text)
    status = catalogue.text(f"network.status.{pair.status}", lang)
    return you_said, catalogue.text("network.we_did_status", lang, status=status, text=text)
