"""Writing catalogue entries: the context, the translator's notes, the checks.

Each entry tells a translator, in ``#.`` comments, the English, what the text is
for and where it appears, the placeholders to keep, and for a button how long it
may be.  ``problems`` is the one place those rules are checked, for an import
from PO or XLSX alike.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from fnmatch import fnmatchcase
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import write_po

from bot.translations.catalog import is_safety
from bot.translations.walk import Spot

PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
_DIGITS = re.compile(r"\d(?:[\d ]*\d)?")
_LINK = re.compile(r"https?://\S+|www\.\S+|t\.me/\S+|@[A-Za-z]\w{3,}")
BUTTON_CONTEXTS = (
    "*:label",
    "msg:likert.*",
    "msg:button.*",
    "msg:group.*",
    "msg:consent.agree",
    "msg:consent.decline",
    "msg:language.switch_yes",
    "msg:language.switch_no",
    "msg:telegram.delete_yes",
    "msg:telegram.delete_no",
    "msg:optin.updates",
    "msg:optin.remind",
    "msg:optin.no",
    "msg:review.save",
    "msg:review.skip",
    "msg:update.send",
    "msg:update.keep",
    "msg:desk.next_person",
    "msg:desk.next_form",
    "msg:desk.discard",
    "msg:desk.finish",
    "config:sites:*:name",
    "config:areas:*:name",
)
BUTTON_SHOWN = 30
"""About this many characters of a button fit on a phone screen; the rest is cut off."""
BUTTON_MAX = 64
MESSAGE_MAX = 4096
"""Telegram's limit for one message."""
ISOLATES_OPEN = "\u2066\u2067\u2068"
PDI = "\u2069"
EMBEDDINGS = "\u202a\u202b\u202c\u202d\u202e"
"""Old-style embeddings and overrides: they can reorder text invisibly, so never allowed."""


def button_limit(english: str) -> int:
    """The longest a button's translation may be: some languages need more words."""
    return max(BUTTON_MAX, -(-len(english) * 3 // 2))


def is_button(context: str) -> bool:
    return any(fnmatchcase(context, p) for p in BUTTON_CONTEXTS)


def new_catalog(lang: str) -> Catalog:
    catalog = Catalog(
        locale=lang,
        project="feedback-bot",
        msgid_bugs_address="",
        creation_date=datetime(2026, 1, 1, tzinfo=UTC),
        revision_date=datetime(2026, 1, 1, tzinfo=UTC),
        fuzzy=False,
        language_team=f"{lang} translators of feedback-bot",
        last_translator="",
        header_comment=(
            f"# feedback-bot: the {lang} translation of its English texts.\n"
            "# An entry marked '#, fuzzy' is translated but not yet checked by a person:\n"
            "# check it against the English, correct it, then remove the fuzzy mark.\n"
            "# Edit with Poedit, Weblate or any text editor; staff import it with\n"
            "# `feedback-bot translations import FILE`."
        ),
    )
    return catalog


def purpose(spot: Spot) -> str:
    parts = spot.context.split(":")
    if spot.kind == "flow":
        flow = parts[0]
        if len(parts) == 2:
            return {
                "title": f"Title of the questionnaire '{flow}'.",
                "intro": f"Introduction shown before the first question of '{flow}'.",
                "outro": f"Thank-you shown after the last question of '{flow}'.",
            }.get(parts[1], f"Text of '{flow}'.")
        if len(parts) == 3:
            return f"Question (or message) '{parts[1]}' of the questionnaire '{flow}'."
        return f"Answer option '{parts[2]}' of question '{parts[1]}' in '{flow}'."
    if spot.kind == "msg":
        return f"Message '{parts[1]}' the bot sends (bot/messages.yaml)."
    if parts[1] == "helplines" and parts[-1] == "name":
        return (
            f"Name of the helpline '{parts[3]}', before its number, shown to people at risk."
            " Leave a proper name people know (Samaritans) as it is, adding what it is in"
            " brackets if the name does not say; translate a name that says what the line"
            " is (Emergency services)."
        )
    if parts[1] == "helplines":
        return f"Note after the helpline '{parts[3]}' and its number, shown to people at risk."
    return f"Name from config.yaml ({' > '.join(parts[1:])}), shown to people and in reports."


def comments(spot: Spot) -> list[str]:
    lines = [f"English: {spot.english}", f"Purpose: {purpose(spot)}"]
    names = sorted(set(PLACEHOLDER.findall(spot.english)))
    if names:
        lines.append(f"Keep these placeholders exactly: {' '.join(names)}")
    if "|" in spot.english:
        lines.append(
            "Plural: one form per plural category of your language, separated by |, in the"
            " order zero, one, two, few, many, other (only those your language has, e.g."
            " Polish one|few|many|other); see README, Translating."
        )
    if is_button(spot.context):
        lines.append(
            f"Button: keep it short; a phone shows about {BUTTON_SHOWN} characters on a line,"
            f" at most {button_limit(spot.english)}."
        )
    if is_safety(spot.context):
        lines.append("Safety-critical: people in crisis rely on this text.")
    return lines


def entry_message(spot: Spot, rel: str | None, text: str, *, fuzzy: bool, line: int = 0) -> Message:
    return Message(
        spot.english,
        text,
        locations=[(rel, line or None)] if rel else [],
        flags={"fuzzy"} if fuzzy else set(),
        auto_comments=comments(spot),
        context=spot.context,
    )


def write_catalog(catalog: Catalog, path: Path) -> None:
    """Write sorted by context, so a rerun and a diff stay small and stable."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".po.tmp")
    try:
        with tmp.open("wb") as fh:
            write_po(
                fh, catalog, width=0, ignore_obsolete=True, include_previous=True, omit_header=False
            )
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)  # no half-written file left beside the catalogue
        raise


def _numbers(text: str) -> set[str]:
    """Runs of three or more digits (any script's digits, spaces inside allowed): phone
    numbers, mostly.  Read as ASCII digits, so ١١٦ ١٢٣ is 116123."""
    out = set()
    for run in _DIGITS.findall(text):
        digits = "".join(str(unicodedata.digit(ch)) for ch in run if ch.isdigit())
        if len(digits) >= 3:
            out.add(digits)
    return out


def _links(text: str) -> set[str]:
    return set(_LINK.findall(text))


def problems(context: str, english: str, text: str, rtl: bool) -> list[str]:
    """What is wrong with a translation, in words a volunteer can act on.

    Besides placeholders, lengths and direction marks: a translation may not drop,
    change or add a phone number or a link, so an imported file cannot send people in
    crisis to a number nobody checked."""
    if not text:
        return []
    found: list[str] = []
    if _numbers(text) != _numbers(english):
        found.append(
            "its numbers of 3 or more digits differ from the English"
            f" ({', '.join(sorted(_numbers(english))) or 'none'}); copy phone numbers exactly"
        )
    if not _links(text) <= _links(english):
        found.append(
            "adds a link or @name not in the English: "
            + ", ".join(sorted(_links(text) - _links(english)))
        )
    want, got = sorted(set(PLACEHOLDER.findall(english))), sorted(set(PLACEHOLDER.findall(text)))
    if want != got:
        missing = [p for p in want if p not in got]
        extra = [p for p in got if p not in want]
        if missing:
            found.append(f"keep the placeholder(s) {' '.join(missing)} exactly as in the English")
        if extra:
            found.append(f"{' '.join(extra)} is not in the English; remove it or copy it exactly")
    if text.startswith("=") and not english.startswith("="):
        found.append("starts with '=', which a spreadsheet runs as a formula; remove it")
    limit = button_limit(english) if is_button(context) else MESSAGE_MAX
    # Telegram counts a message in UTF-16 units: an emoji or a rare letter is two.
    if len(text.encode("utf-16-le")) // 2 > limit:
        kind = "a button" if is_button(context) else "a message"
        size = len(text.encode("utf-16-le")) // 2
        found.append(f"{size} characters is too long for {kind} (at most {limit})")
    if any(ch in EMBEDDINGS for ch in text):
        found.append("contains an invisible direction override (U+202A-U+202E); remove it")
    depth = 0
    for ch in text:
        depth += ch in ISOLATES_OPEN
        depth -= ch == PDI
        if depth < 0:
            break
    if depth != 0:
        found.append(
            "right-to-left isolates do not pair up (each U+2066/2067/2068 needs one U+2069 after"
            " it); the bot adds them itself, so it is safest to remove them"
        )
    return found
