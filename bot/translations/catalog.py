"""The translation catalogues: one gettext PO file per language in ``locale/``.

English is the source and lives next to the flow or code that uses it; each
other language is ``locale/<lang>.po``, read and written with Babel.  An entry
is found by its context (``msg:privacy.notice``) and used only while its
``msgid`` is still the current English, so a catalogue that lags behind an
English change falls back to English rather than showing a stale meaning.

gettext's ``fuzzy`` flag keeps its usual sense: translated, not yet checked by a
person.  Fuzzy entries are shown (they are what the bot said before review per
string existed); ``require_reviewed`` decides whether a language whose
safety-critical entries are fuzzy may be offered at all.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from functools import lru_cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from bot.translations.pocheck import PoSyntaxError, check_po
from bot.translations.walk import ENGLISH

log = logging.getLogger(__name__)
DEFAULT_LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"
LOCALE_ENV = "FEEDBACK_BOT_LOCALE_DIR"
"""Where the catalogues are, when not ``locale/`` next to the ``bot`` package."""

SAFETY_CONTEXTS = (
    "msg:privacy.*",
    "msg:consent.*",
    "msg:risk.*",
    "msg:*overdose*",
    "msg:*helpline*",
    "msg:telegram.privacy",
    "msg:poster.privacy",
    "config:helplines:*",
)
"""Texts a person in crisis or deciding whether to speak relies on: the privacy
notice, consent, helplines and risk replies.  ``require_reviewed: safety`` refuses a
language until every one of these has been checked by a person."""


def locale_dir() -> Path:
    env = os.environ.get(LOCALE_ENV)
    return Path(env) if env else DEFAULT_LOCALE_DIR


def is_safety(context: str) -> bool:
    return any(fnmatchcase(context, pattern) for pattern in SAFETY_CONTEXTS)


@dataclass(frozen=True)
class Entry:
    english: str
    text: str
    fuzzy: bool

    def usable_for(self, english: str) -> bool:
        return bool(self.text) and self.english == english

    def reviewed_for(self, english: str) -> bool:
        return self.usable_for(english) and not self.fuzzy


@dataclass(frozen=True)
class Translations:
    """One language's catalogue, by context."""

    lang: str
    entries: dict[str, Entry]
    revision: str
    """A short hash of every entry and its review state: what a session was shown."""
    broken: dict[str, str] = field(default_factory=dict)
    """Entries left out, with why: a hand edit that an import would have refused (a
    placeholder lost, a phone number changed).  The bot shows their English."""

    def text(self, context: str, english: str) -> str | None:
        entry = self.entries.get(context)
        return entry.text if entry and entry.usable_for(english) else None


EMPTY_REVISION = "none"


def po_path(lang: str, directory: Path | None = None) -> Path:
    return (directory or locale_dir()) / f"{lang}.po"


def read_catalog(path: Path) -> Catalog:
    """The catalogue in ``path``; PoSyntaxError naming file and line if any line is not
    valid PO (Babel alone reads some broken lines as other text)."""
    data = path.read_bytes()
    problems = check_po(data, path)
    if problems:
        raise PoSyntaxError(problems)
    return read_po(io.BytesIO(data), abort_invalid=True)


def translations(lang: str, directory: Path | None = None) -> Translations:
    """The catalogue of ``lang`` (empty for English or when there is no file)."""
    if lang == ENGLISH:
        return Translations(lang, {}, EMPTY_REVISION)
    path = po_path(lang, directory)
    try:
        # Every answer stored asks (bot/store.py): one stat, not an exists() and a stat().
        stat = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return Translations(lang, {}, EMPTY_REVISION)
    try:
        loaded = _load(path, lang, stat.st_mtime_ns, stat.st_size)
    except PoSyntaxError:
        # Broken while the bot runs (a hand edit half-saved): keep saying what it said.
        # At start-up there is nothing to keep, and the error names file and line.
        if path in _last_good:
            log.error("%s cannot be read; still using it as it was", path)
            return _last_good[path]
        raise
    _last_good[path] = loaded
    return loaded


_last_good: dict[Path, Translations] = {}


@lru_cache(maxsize=64)
def _load(path: Path, lang: str, mtime: int, size: int) -> Translations:
    """The usable entries of a catalogue.  The checks an import makes are made here too,
    since a catalogue can also be edited by hand: "{nn}" for "{n}" would end a reply in
    an error, a changed phone number would send people in crisis to a number nobody
    checked."""
    from bot.translations.po import problems

    catalog = read_catalog(path)
    entries: dict[str, Entry] = {}
    broken: dict[str, str] = {}
    for message in catalog:
        if not message.id or not message.context:
            continue
        text = message.string if isinstance(message.string, str) else ""
        wrong = problems(message.context, str(message.id), text, rtl=False)
        if wrong:
            broken[message.context] = "; ".join(wrong)
            continue
        entries[message.context] = Entry(str(message.id), text, message.fuzzy)
    if broken:
        log.error(
            "%s: %d entries cannot be used (English shown): see `translations status`",
            path,
            len(broken),
        )
    return Translations(lang, entries, revision_of(entries), broken)


def revision_of(entries: dict[str, Entry]) -> str:
    digest = hashlib.sha256()
    for context in sorted(entries):
        e = entries[context]
        digest.update(f"{context}\0{e.english}\0{e.text}\0{int(e.fuzzy)}\n".encode())
    return digest.hexdigest()[:12]


def available_languages(directory: Path | None = None) -> list[str]:
    return sorted(p.stem for p in (directory or locale_dir()).glob("*.po"))
