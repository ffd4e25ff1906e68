"""Preview, then confirm: what a staff member saw is what goes, or nothing does.

/publish and /praise build a message in the report process, show it to the staff
member with a *yes* and a *no* button, and on *yes* build it again and send it.
Between the preview and the tap the message can change: answers finished late in a
closed week, an edit, a /delete, a staff theme review.  Sent as rebuilt, people would
get words nobody approved.  So the *yes* button carries a digest of what was shown
(``pub2026-W47.3f9c0a1b2d``), and at the tap the message goes only if it is built the
same; otherwise the staff member is told it changed and looks again.  The digest
lives in the button, not the database: nothing to clean up, a restart between
preview and tap changes nothing, and a button made before digests (or copied from
an older preview) simply counts as changed.

After the tap, each command's own at-most-once record (``Broadcasts.begin_report``,
``praise.claim``) makes a second tap, or two staff at once, send it once.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.report.period import Period, parse_week
from bot.report.worker import ReportBusy, ReportFailed
from bot.telegram.edits import edit
from bot.telegram.layout import UPDATE, Tap, callback_data
from bot.telegram.staff import refusal

if TYPE_CHECKING:
    from bot.telegram.handlers import TelegramChannel

T = TypeVar("T")
log = logging.getLogger(__name__)
DIGEST_LENGTH = 10
"""Hex digits of SHA-256: enough that a changed message is never taken for the one shown."""


def digest(message: str | Mapping[str, str]) -> str:
    """A short fingerprint of a message (or of its text per language)."""
    blob = json.dumps(message, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()[:DIGEST_LENGTH]


def preview_buttons(
    yes: str, prefix: str, period: Period, shown: str | Mapping[str, str], no: str, no_tag: str
) -> InlineKeyboardMarkup:
    """*yes* (tagged with the week and the digest of ``shown``) over *no*."""
    tag = f"{prefix}{period.label}.{digest(shown)}"
    return InlineKeyboardMarkup([[_button(yes, tag)], [_button(no, no_tag)]])


@dataclass(frozen=True)
class Confirmed:
    """A *yes* tap: the week, and the digest of the message its preview showed."""

    period: Period
    shown: str | None
    """None on a button made before digests: its preview is unknown, so never matched."""

    def same(self, message: str | Mapping[str, str]) -> bool:
        """Whether ``message`` is the one the preview showed."""
        return self.shown is not None and self.shown == digest(message)


def parse_yes(tag: str, prefix: str, timezone: str) -> Confirmed | None:
    """The *yes* button's week and digest, or None for a tag this bot never makes."""
    found = re.fullmatch(
        rf"{re.escape(prefix)}(\d{{4}}-W\d{{2}})(?:\.([0-9a-f]{{{DIGEST_LENGTH}}}))?", tag
    )
    if found is None:
        return None
    try:
        period = parse_week(found.group(1), timezone)
    except ValueError:
        return None
    return Confirmed(period, found.group(2))


async def on_confirm_tap(
    channel: TelegramChannel,
    update: Update,
    tap: Tap,
    lang: str,
    *,
    prefix: str,
    no_tag: str,
    build: Callable[[Period], Awaitable[T]],
) -> tuple[Confirmed, T] | None:
    """The start every *yes*/*no* tap shares: returns the tap and the message as built
    now, or None when there is nothing more to do (*no*: the buttons go; a forged
    button: an alert; the report process busy or failing: an alert, and the buttons
    stay so the staff member can tap again in a minute).  The role was checked by the
    caller; the caller compares the message with the preview (``Confirmed.same``)."""
    query = update.callback_query
    assert query is not None
    if tap.tag == no_tag:
        await query.answer()
        await edit(query.message, markup=None)
        return None
    tapped = parse_yes(tap.tag, prefix, channel.settings.reports.timezone)
    if tapped is None:
        await query.answer(channel.text("telegram.bad_button", lang), show_alert=True)
        return None
    try:
        built = await build(tapped.period)
    except (ReportBusy, ReportFailed) as exc:
        await query.answer(refusal(channel, exc, lang), show_alert=True)
        return None
    await query.answer()
    await edit(query.message, markup=None)
    return tapped, built


def _button(label: str, tag: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=callback_data(UPDATE, tag))
