"""/review on Telegram: staff read waiting comments one at a time and set their themes.

The ticks live on the message's own buttons, so nothing is held between taps:
"Save" reads them back from the message.  The service side is ``bot.review``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import CallbackContext

from bot.report.themes import load_codebook
from bot.review import ReviewItem, ThemeReview
from bot.roles import STAFF_ROLES
from bot.telegram.edits import edit
from bot.telegram.layout import REVIEW, THEME, TICK, Tap, callback_data, parse_tap
from bot.telegram.staff import scope_of

if TYPE_CHECKING:
    from bot.telegram.handlers import TelegramChannel

Context = CallbackContext[Any, Any, Any, Any]
SAVE, SKIP = "save", "skip"
PER_ROW = 2


async def on_review(channel: TelegramChannel, update: Update, context: Context) -> None:
    await _show_next(channel, update, context, after=0)


async def on_tap(
    channel: TelegramChannel, update: Update, context: Context, tap: Tap, lang: str
) -> None:
    query = update.callback_query
    assert query is not None
    staff = await channel.roles.check(channel.key_of(update), STAFF_ROLES)
    answer_id, _, action = tap.tag.partition("-")
    message = query.message
    if staff is None or not answer_id.isdigit() or not isinstance(message, Message):
        await query.answer(channel.text("telegram.bad_button", lang), show_alert=True)
        return
    reviewer = _reviewer(channel, staff.site if staff.role == "staff" else None)
    ids = reviewer.codebook.ids()
    ticked = _ticked(message, ids)
    if tap.action == THEME:
        if tap.index is None or tap.index >= len(ids):
            await query.answer(channel.text("telegram.bad_button", lang), show_alert=True)
            return
        ticked ^= {ids[tap.index]}
        await query.answer()
        markup = _keyboard(channel, reviewer, int(answer_id), ticked, lang, tap.form)
        await edit(message, markup=markup)
        return
    await query.answer()
    if action == SAVE:
        themes = [t for t in ids if t in ticked]
        if not await reviewer.confirm(int(answer_id), themes, channel.key_of(update), tap.form):
            # Deleted meanwhile (by /delete or the purge), or changed by the person
            # since it was shown: say so, never "Saved".
            still = await reviewer.exists(int(answer_id))
            gone = channel.text("review.changed" if still else "review.gone", lang)
            await edit(message, text=f"{message.text}\n\n— {gone}", markup=None)
            await _show_next(channel, update, context, after=int(answer_id))
            return
        names = ", ".join(reviewer.codebook.label(t, lang) for t in themes)
        saved = channel.text(
            "review.saved", lang, themes=names or channel.text("review.no_theme", lang)
        )
        await edit(message, text=f"{message.text}\n\n{TICK} {saved}", markup=None)
    else:
        await edit(message, markup=None)
    await _show_next(channel, update, context, after=int(answer_id))


async def _show_next(
    channel: TelegramChannel, update: Update, context: Context, after: int
) -> None:
    lang = await channel.lang_of(update)
    reviewer = _reviewer(channel, await scope_of(channel, update))
    item = await reviewer.next(after)
    chat_id = update.effective_chat.id if update.effective_chat else 0
    if item is None:
        await context.bot.send_message(chat_id, channel.text("review.all_done", lang))
        return
    await context.bot.send_message(
        chat_id,
        _text(channel, item, lang),
        reply_markup=_keyboard(
            channel, reviewer, item.answer_id, set(item.auto), lang, item.version or None
        ),
    )


def _text(channel: TelegramChannel, item: ReviewItem, lang: str) -> str:
    parts = [
        channel.text(
            "review.progress", lang, n=item.number, total=item.total, waiting=item.waiting
        ),
        f"«{item.text}»",
    ]
    if item.risk:
        parts.append(channel.text("review.risk", lang))
    parts.append(channel.text("review.suggested", lang))
    return "\n\n".join(parts)


def _keyboard(
    channel: TelegramChannel,
    reviewer: ThemeReview,
    answer_id: int,
    ticked: set[str],
    lang: str,
    version: str | None,
) -> InlineKeyboardMarkup:
    """``version``: the text shown (``ReviewItem.version``), carried by every button."""
    codebook = reviewer.codebook
    buttons = [
        InlineKeyboardButton(
            f"{TICK} {codebook.label(t, lang)}" if t in ticked else codebook.label(t, lang),
            callback_data=callback_data(THEME, str(answer_id), i, version),
        )
        for i, t in enumerate(codebook.ids())
    ]
    rows = [buttons[i : i + PER_ROW] for i in range(0, len(buttons), PER_ROW)]
    rows.append(
        [
            InlineKeyboardButton(
                channel.text("review.save", lang),
                callback_data=callback_data(REVIEW, f"{answer_id}-{SAVE}", form=version),
            ),
            InlineKeyboardButton(
                channel.text("review.skip", lang),
                callback_data=callback_data(REVIEW, f"{answer_id}-{SKIP}", form=version),
            ),
        ]
    )
    return InlineKeyboardMarkup(rows)


def _ticked(message: Message, ids: list[str]) -> set[str]:
    """The themes ticked on the message as it stands (its buttons are the state)."""
    found = set()
    markup = message.reply_markup
    for row in markup.inline_keyboard if markup else ():
        for button in row:
            tap = parse_tap(str(button.callback_data or ""))
            ticked = tap is not None and tap.action == THEME and button.text.startswith(TICK)
            if ticked and tap is not None and tap.index is not None and tap.index < len(ids):
                found.add(ids[tap.index])
    return found


def _reviewer(channel: TelegramChannel, site: str | None) -> ThemeReview:
    """``site``: the one site a staff member invited for it may review (None: all)."""
    codebook = load_codebook(channel.settings.flows_dir)
    return ThemeReview(channel.conversations.store, codebook, site=site)
