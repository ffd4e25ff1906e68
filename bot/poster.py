"""A printable A4 poster for a site: a QR code for its deep link, in one language.

The QR code opens the bot with the site already chosen
(``https://t.me/<bot>?start=site_<id>``).  segno makes the code; Pillow lays out
the page (with its bundled HarfBuzz/FriBiDi, so Arabic, Urdu and the Indic
scripts are shaped properly) and writes PNG or a one-page PDF.

Fonts: DejaVu Sans (shipped with matplotlib) covers Latin, Cyrillic and Arabic;
Urdu, Punjabi, Gujarati and Bengali need the Noto fonts (Debian:
``fonts-noto-core``).  A language whose letters no installed font has is
refused with that advice, rather than printed as empty boxes.  A paragraph
that mixes scripts (Bengali with "Telegram") is drawn in runs, a font each.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import segno
from PIL import Image, ImageDraw, ImageFont

from bot.config import Settings
from bot.i18n import Catalogue

Format = Literal["png", "pdf"]
DPI = 150
A4 = (1240, 1754)  # 210 × 297 mm at 150 dpi
MARGIN = 100
INK, GREY = (20, 20, 20), (90, 90, 90)

_NOTO = Path("/usr/share/fonts/truetype/noto")
_FONT_NAMES = {
    # Naskh rather than Nastaliq: Nastaliq's tall, sloping lines collide on a poster.
    "ur": ["NotoSansArabic-Regular.ttf", "NotoNaskhArabic-Regular.ttf"],
    "ar": ["NotoSansArabic-Regular.ttf"],
    "pa": ["NotoSansGurmukhi-Regular.ttf"],
    "gu": ["NotoSansGujarati-Regular.ttf"],
    "bn": ["NotoSansBengali-Regular.ttf"],
}


class PosterError(Exception):
    """The poster cannot be made as asked (unknown site, no font for the language)."""


@dataclass(frozen=True)
class Poster:
    link: str
    data: bytes
    format: Format


def deep_link(bot_username: str, site_id: str) -> str:
    return f"https://t.me/{bot_username}?start=site_{site_id}"


def make_poster(
    settings: Settings, catalogue: Catalogue, site_id: str, lang: str, fmt: Format = "png"
) -> Poster:
    site = settings.site(site_id)
    if site is None:
        known = ", ".join(s.id for s in settings.sites)
        raise PosterError(f"no site {site_id!r}; sites: {known}")
    if lang not in settings.languages:
        raise PosterError(f"language {lang!r} is not enabled ({', '.join(settings.languages)})")
    link = deep_link(settings.telegram.bot_username, site.id)
    helplines = [
        f"{h.name}: {h.number}" + (f" ({catalogue.pick(h.note, lang)})" if h.note else "")
        for h in settings.helplines_for(lang)
    ]
    texts = [
        catalogue.text("poster.title", lang),
        catalogue.pick(site.name, lang),
        catalogue.text("poster.scan", lang),
        catalogue.text("poster.privacy", lang),
        catalogue.text("poster.helplines", lang),
        *helplines,
    ]
    fonts = _fonts_for(lang, "".join(texts))

    # Long translations get a smaller page, never a cut one: shrink until it fits.
    for scale in (1.0, 0.9, 0.8, 0.7):
        page, bottom = _layout(link, texts, fonts, scale)
        if bottom <= A4[1] - MARGIN // 2:
            break
    else:
        raise PosterError(f"the text for {lang!r} does not fit on one page; shorten it")

    out = io.BytesIO()
    if fmt == "pdf":
        page.save(out, "PDF", resolution=DPI, title=texts[0])
    else:
        page.save(out, "PNG", dpi=(DPI, DPI))
    return Poster(link, out.getvalue(), fmt)


def _layout(link: str, texts: list[str], fonts: list[str], scale: float) -> tuple[Image.Image, int]:
    """The page, and how far down its text reaches."""
    page = Image.new("RGB", A4, "white")
    draw = ImageDraw.Draw(page)
    width = A4[0] - 2 * MARGIN

    def para(text: str, size: int, fill: tuple[int, int, int], y: int) -> int:
        return _para(draw, text, fonts, round(size * scale), fill, y, width)

    y = para(texts[0], 80, INK, MARGIN) + 10
    y = para(texts[1], 46, GREY, y) + 30
    qr = _qr_image(link, size=round(500 * scale))
    page.paste(qr, ((A4[0] - qr.width) // 2, y))
    y += qr.height + 10
    y = para(link.removeprefix("https://"), 28, GREY, y) + 30
    y = para(texts[2], 40, INK, y) + 20
    y = para(texts[3], 36, INK, y) + 30
    draw.line([(MARGIN, y), (A4[0] - MARGIN, y)], fill=GREY, width=3)
    y = para(texts[4], 38, INK, y + 24) + 10
    for line in texts[5:]:
        y = para(line, 27, INK, y) + 4
    return page, y


def _qr_image(link: str, size: int) -> Image.Image:
    """Error correction Q: the code still reads with a crease or a smudge."""
    code = segno.make(link, error="q")
    scale = max(1, size // (code.symbol_size(border=4)[0]))
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=4)
    buffer.seek(0)
    return Image.open(buffer).convert("RGB")


Run = tuple[str, str]
"""Text and the font that draws it."""
_ISOLATES = dict.fromkeys(range(0x2066, 0x206A))


def _para(
    draw: ImageDraw.ImageDraw,
    text: str,
    fonts: list[str],
    size: int,
    fill: tuple[int, int, int],
    y: int,
    width: int,
) -> int:
    """Draw wrapped, centred lines; returns the y below them.

    Each paragraph runs in the direction of its first letter, so an English
    helpline on an Arabic poster still reads left to right.  Pillow does not
    fall back between fonts, so a paragraph no one font can write (Bengali
    with "Telegram" in it) is drawn as runs, each in a font that has its letters.
    """
    direction = _direction(text)
    faces = {
        path: ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.RAQM) for path in fonts
    }

    def measure(runs: list[Run]) -> float:
        return sum(draw.textlength(t, font=faces[f], direction=_direction(t)) for t, f in runs)

    for line in _wrap(text, fonts, measure, width):
        # Runs in different fonts share a baseline, placed by the tallest of them.
        ascent = max(faces[f].getmetrics()[0] for _, f in line)
        descent = max(faces[f].getmetrics()[1] for _, f in line)
        x = (A4[0] - measure(line)) / 2
        for run_text, path in reversed(line) if direction == "rtl" else line:
            run_dir = _direction(run_text)
            face = faces[path]
            draw.text(
                (x, y + ascent), run_text, font=face, fill=fill, direction=run_dir, anchor="ls"
            )
            x += draw.textlength(run_text, font=face, direction=run_dir)
        y += max(int(size * 1.45), int((ascent + descent) * 1.1))
    return y


def _wrap(
    text: str, fonts: list[str], measure: Callable[[list[Run]], float], width: int
) -> list[list[Run]]:
    lines: list[list[Run]] = []
    for paragraph in text.splitlines():
        line = ""
        for word in paragraph.split(" "):
            trial = f"{line} {word}".strip()
            if line and measure(_runs(trial, fonts)) > width:
                lines.append(_runs(line, fonts))
                line = word
            else:
                line = trial
        lines.append(_runs(line, fonts))
    return lines


def _runs(text: str, fonts: list[str]) -> list[Run]:
    """One run when a single font has every letter; else runs by the font that has each."""
    whole = next((f for f in fonts if _needed(text) <= _coverage(f)), None)
    if whole is not None:
        return [(text, whole)]
    runs: list[Run] = []
    for ch in text.translate(_ISOLATES):
        neutral = unicodedata.category(ch)[0] in "ZPNCS"
        if runs and (
            ord(ch) in _coverage(runs[-1][1]) and (neutral or runs[-1][1] == _first(ch, fonts))
        ):
            runs[-1] = (runs[-1][0] + ch, runs[-1][1])
        else:
            runs.append((ch, _first(ch, fonts)))
    return runs


def _first(ch: str, fonts: list[str]) -> str:
    return next((f for f in fonts if ord(ch) in _coverage(f)), fonts[-1])


def _direction(text: str) -> str:
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def _needed(text: str) -> set[int]:
    return {ord(ch) for ch in text if unicodedata.category(ch)[0] not in "CZ"}


def _fonts_for(lang: str, text: str) -> list[str]:
    """Fonts that between them have every letter of ``text``; PosterError if they don't."""
    fonts = [str(path) for path in _candidates(lang)]
    missing = _needed(text) - frozenset().union(*(_coverage(f) for f in fonts))
    if missing:
        raise PosterError(
            f"no installed font has every letter needed for {lang!r}: install the Noto fonts"
            " (Debian/Ubuntu: apt-get install fonts-noto-core)"
        )
    return fonts


def _candidates(lang: str) -> list[Path]:
    import matplotlib

    dejavu = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    noto = [_NOTO / name for name in _FONT_NAMES.get(lang, [])]
    return [p for p in [*noto, _NOTO / "NotoSans-Regular.ttf", dejavu] if p.exists()]


@cache
def _coverage(path: str) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(path, lazy=True).getBestCmap())
