"""What a person sees when the bot signposts: the sure opening or the gentle one
(``bot.safety.signpost``); a test of "no helplines" must see neither."""

from __future__ import annotations

from bot.i18n import load_catalogue

CATALOGUE = load_catalogue()
OPENINGS = ("risk.intro", "risk.gentle")


def openings(lang: str) -> tuple[str, ...]:
    return tuple(CATALOGUE.text(key, lang) for key in OPENINGS)


def shows_alert(text: str, lang: str) -> bool:
    """Whether ``text`` holds the helplines' opening in ``lang``, sure or gentle."""
    return any(opening in text for opening in openings(lang))


def starts_alert(text: str, lang: str) -> bool:
    """Whether ``text`` is the helplines' message in ``lang``."""
    return text.startswith(openings(lang))
