"""The one splitter: every message and caption the bot sends is cut to what Telegram takes.

Telegram refuses a text over 4,096 characters and a caption over 1,024 ("after
entities parsing").  We count UTF-16 code units, as Telegram counts entity
offsets, so an emoji costs two: never more than Telegram's own count, so a part
that fits here fits there.  Parts break at a blank line if one is in reach, else
at a line end, else between words (each only if it is in the second half of the
part, so no part is a stub), and only as a last resort inside a word, and
then never inside a character sequence that draws as one (a letter and its
accents, an emoji with its skin tone or ZWJ partners, a flag, an Indic conjunct).
With ``parse_mode="HTML"`` tags and entities count as Telegram counts them (a tag
as nothing, ``&amp;`` as one), are never cut, and tags open at a break are closed
at the end of the part and opened again at the start of the next.

``SplittingBot`` puts this under every ``send_message``, ``edit_message_text`` and
``send_document`` the bot makes, so no handler can forget it; a keyboard goes
on the last part, where the person is reading.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from telegram import Message
from telegram.ext import ExtBot

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024

_ZWJ = "\u200d"
_HTML_TOKEN = re.compile(r"<[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9-]+)")


def telegram_length(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


@dataclass(frozen=True)
class _Token:
    raw: str
    width: int
    """UTF-16 units this token counts for once Telegram has parsed the text."""
    tag: str | None = None
    """For an HTML tag: its name; ``closing`` says which way it goes."""
    closing: bool = False

    @property
    def is_text(self) -> bool:
        return self.tag is None


def split_text(text: str, limit: int = TEXT_LIMIT, *, parse_mode: str | None = None) -> list[str]:
    """``text`` in parts of at most ``limit`` (see the module docstring); [] if it is blank."""
    return [part for part, _ in _parts(text, limit, parse_mode)]


def split_first(
    text: str, limit: int = TEXT_LIMIT, *, parse_mode: str | None = None
) -> tuple[str, str]:
    """The first part, and the rest of the text as it was written (for a caption and
    the message that follows it)."""
    for part, rest in _parts(text, limit, parse_mode):
        return part, rest
    return "", ""


def fit_tail(text: str, limit: int = TEXT_LIMIT, *, parse_mode: str | None = None) -> str:
    """For an edit, which cannot be split: the last part, as the person sees it nearest the
    buttons.  A message that was sent in parts carries its buttons on the last one."""
    parts = split_text(text, limit, parse_mode=parse_mode)
    return parts[-1] if parts else text


def _parts(text: str, limit: int, parse_mode: str | None) -> Iterator[tuple[str, str]]:
    """Each part, with the text still to come after it."""
    html = (parse_mode or "").upper() == "HTML"
    tokens = _html_tokens(text) if html else [_Token(ch, 1 + (ord(ch) > 0xFFFF)) for ch in text]
    start = 0
    reopen: list[_Token] = []
    while start < len(tokens):
        cut = _cut(tokens, start, limit)
        chunk = reopen + tokens[start:cut]
        open_tags = _still_open(chunk) if html else []
        closing = "".join(f"</{t.tag}>" for t in reversed(open_tags))
        part = "".join(t.raw for t in chunk).strip() + closing
        reopen = open_tags
        start = cut
        # A break eats the whitespace it falls on: Telegram would strip it anyway.
        while start < len(tokens) and tokens[start].is_text and tokens[start].raw.isspace():
            start += 1
        if _visible(part, html):
            yield part, "".join(t.raw for t in reopen + tokens[start:])


def _cut(tokens: list[_Token], start: int, limit: int) -> int:
    """Where the part that begins at ``start`` ends (exclusive); always past ``start``."""
    used = 0
    end = start
    while end < len(tokens) and used + tokens[end].width <= limit:
        used += tokens[end].width
        end += 1
    if end == len(tokens):
        return end
    if end == start:
        return start + 1  # one token wider than the limit: cannot happen for limit >= 2
    window = tokens[start:end]
    raws = [t.raw for t in window]
    # A break in the first half of the part would leave a stub: look for the next kind.
    for found in (_after(raws, "\n\n"), _after(raws, "\n"), _after_space(raws)):
        if found is not None and found >= len(raws) // 2:
            return start + found
    cut = end
    while cut > start + 1 and not _grapheme_boundary(tokens, cut):
        cut -= 1
    return cut if _grapheme_boundary(tokens, cut) else end  # a cluster longer than a part


def _after(raws: list[str], mark: str) -> int | None:
    """The index just past the last ``mark`` in the window (not at its very start)."""
    text = "".join(raws)
    at = text.rfind(mark)
    if at <= 0:
        return None
    # Map a character offset back to a token index.
    offset = 0
    for i, raw in enumerate(raws):
        offset += len(raw)
        if offset >= at + len(mark):
            return i + 1
    return None


def _after_space(raws: list[str]) -> int | None:
    for i in range(len(raws) - 1, 0, -1):
        if raws[i].isspace() and len(raws[i]) == 1:
            return i + 1
    return None


def _grapheme_boundary(tokens: list[_Token], at: int) -> bool:
    """May a part end just before ``tokens[at]``?  Only between text characters that
    do not draw as one (a simple form of Unicode's extended grapheme clusters)."""
    before, after = tokens[at - 1], tokens[at]
    if not (before.is_text and after.is_text) or len(before.raw) != 1 or len(after.raw) != 1:
        return True  # next to a tag or an entity: both are whole already
    prev, ch = before.raw, after.raw
    if prev == "\r" and ch == "\n":
        return False
    if ch == _ZWJ or prev == _ZWJ:
        return False
    if unicodedata.category(ch) in ("Mn", "Mc", "Me") or _is_modifier(ch):
        return False
    if unicodedata.combining(prev) == 9:  # a virama joins the next consonant
        return False
    if _regional(ch) and _regional(prev):
        run = 0
        i = at - 1
        while i >= 0 and tokens[i].is_text and _regional(tokens[i].raw):
            run += 1
            i -= 1
        return run % 2 == 0  # flags are pairs
    return True


def _is_modifier(ch: str) -> bool:
    code = ord(ch)
    return (
        0xFE00 <= code <= 0xFE0F  # variation selectors
        or 0x1F3FB <= code <= 0x1F3FF  # skin tones
        or 0xE0020 <= code <= 0xE007F  # tags (subdivision flags)
        or 0xE0100 <= code <= 0xE01EF
    )


def _regional(ch: str) -> bool:
    return len(ch) == 1 and 0x1F1E6 <= ord(ch) <= 0x1F1FF


def _html_tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos = 0
    for match in _HTML_TOKEN.finditer(text):
        tokens.extend(_Token(ch, 1 + (ord(ch) > 0xFFFF)) for ch in text[pos : match.start()])
        raw = match.group()
        if raw.startswith("&"):
            tokens.append(_Token(raw, 1))
        else:
            name = _TAG_NAME.match(raw)
            tag = name.group(1).lower() if name else "?"
            tokens.append(_Token(raw, 0, tag=tag, closing=raw.startswith("</")))
        pos = match.end()
    tokens.extend(_Token(ch, 1 + (ord(ch) > 0xFFFF)) for ch in text[pos:])
    return tokens


def _still_open(tokens: list[_Token]) -> list[_Token]:
    stack: list[_Token] = []
    for token in tokens:
        if token.tag is None:
            continue
        if not token.closing:
            stack.append(token)
            continue
        for i in range(len(stack) - 1, -1, -1):
            if stack[i].tag == token.tag:
                del stack[i:]
                break
    return stack


def _visible(part: str, html: bool) -> bool:
    if html:
        part = _HTML_TOKEN.sub(lambda m: "x" if m.group().startswith("&") else "", part)
    return bool(part.strip())


_READ_BACK = frozenset({"sendMessage", "editMessageText", "editMessageReplyMarkup"})
"""Calls whose answer (the message as sent) the bot reads only for its id."""
_KEPT = ("message_id", "date", "chat")
"""What a ``Message`` must have; the rest of such an answer echoes what was sent."""


class SplittingBot(ExtBot):  # type: ignore[type-arg]
    """The bot the application uses: every text it sends goes through ``split_text``.

    The ``Message`` it returns for a send or an edit of a text carries the message's id,
    chat and date only.  Telegram's answer echoes the text and keyboard just sent, and PTB
    built objects for all of it (a question with five buttons: ~0.37 ms of the loop's CPU,
    twice per tap with the edit), on every update's path; the bot reads the id.
    """

    async def _post(self, endpoint: str, data: Any = None, **kwargs: Any) -> Any:
        result = await super()._post(endpoint, data, **kwargs)
        if endpoint in _READ_BACK and isinstance(result, dict):
            return {key: result[key] for key in _KEPT if key in result}
        return result

    async def send_message(  # type: ignore[override]
        self, chat_id: int | str, text: str, *args: Any, **kwargs: Any
    ) -> Message:
        parse_mode = kwargs.get("parse_mode")
        mode = parse_mode if isinstance(parse_mode, str) else None
        if telegram_length(text) <= TEXT_LIMIT and not args:
            return await super().send_message(chat_id, text, **kwargs)
        parts = split_text(text, parse_mode=mode) or [text]
        markup = kwargs.pop("reply_markup", None)
        sent: Message | None = None
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            extra = dict(kwargs)
            if i:
                # Only the first part answers a message; only the last carries buttons.
                extra.pop("reply_parameters", None)
                extra.pop("reply_to_message_id", None)
            sent = await super().send_message(
                chat_id, part, *args, reply_markup=markup if last else None, **extra
            )
        assert sent is not None
        return sent

    async def edit_message_text(  # type: ignore[override]
        self, text: str, *args: Any, **kwargs: Any
    ) -> Any:
        parse_mode = kwargs.get("parse_mode")
        mode = parse_mode if isinstance(parse_mode, str) else None
        if telegram_length(text) > TEXT_LIMIT:
            text = fit_tail(text, parse_mode=mode)
        return await super().edit_message_text(text, *args, **kwargs)

    async def send_document(  # type: ignore[override]
        self, chat_id: int | str, document: Any, *args: Any, **kwargs: Any
    ) -> Message:
        caption = kwargs.get("caption")
        if not isinstance(caption, str) or telegram_length(caption) <= CAPTION_LIMIT:
            return await super().send_document(chat_id, document, *args, **kwargs)
        parse_mode = kwargs.get("parse_mode")
        mode = parse_mode if isinstance(parse_mode, str) else None
        head, rest = split_first(caption, CAPTION_LIMIT, parse_mode=mode)
        if not rest.strip():
            kwargs["caption"] = head
            return await super().send_document(chat_id, document, *args, **kwargs)
        markup = kwargs.pop("reply_markup", None)
        await super().send_document(chat_id, document, *args, **{**kwargs, "caption": head})
        follow = {"parse_mode": parse_mode} if mode else {}
        return await self.send_message(chat_id, rest, reply_markup=markup, **follow)
