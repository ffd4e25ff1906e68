"""A printable A4 poster for a site: a QR code for its deep link, in one language.

The QR code opens the bot with the site already chosen
(``https://t.me/<bot>?start=site_<id>``).  segno makes the code; Pillow lays out
the page (with its bundled HarfBuzz/FriBiDi, so Arabic, Urdu and the Indic
scripts are shaped properly) and writes PNG or a one-page PDF.

Fonts: DejaVu Sans (shipped with matplotlib) covers Latin, Cyrillic and Arabic;
Urdu, Punjabi, Gujarati and Bengali need the Noto fonts (Debian:
``fonts-noto-core``).  A language whose letters no installed font has is
refused with that advice, rather than printed as empty boxes.
"""

from __future__ import annotations

import io
import unicodedata
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
    "ur": ["NotoNastaliqUrdu-Regular.ttf", "NotoSansArabic-Regular.ttf"],
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
    font = _font_for(lang, "".join(texts))

    # Long translations get a smaller page, never a cut one: shrink until it fits.
    for scale in (1.0, 0.9, 0.8, 0.7):
        page, bottom = _layout(link, texts, font, scale)
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


def _layout(link: str, texts: list[str], font: str, scale: float) -> tuple[Image.Image, int]:
    """The page, and how far down its text reaches."""
    page = Image.new("RGB", A4, "white")
    draw = ImageDraw.Draw(page)
    width = A4[0] - 2 * MARGIN

    def para(text: str, path: str, size: int, fill: tuple[int, int, int], y: int) -> int:
        return _para(draw, text, path, round(size * scale), fill, y, width)

    y = para(texts[0], font, 80, INK, MARGIN) + 10
    y = para(texts[1], font, 46, GREY, y) + 30
    qr = _qr_image(link, size=round(500 * scale))
    page.paste(qr, ((A4[0] - qr.width) // 2, y))
    y += qr.height + 10
    y = para(link.removeprefix("https://"), _font_for("en", link), 28, GREY, y) + 30
    y = para(texts[2], font, 40, INK, y) + 20
    y = para(texts[3], font, 36, INK, y) + 30
    draw.line([(MARGIN, y), (A4[0] - MARGIN, y)], fill=GREY, width=3)
    y = para(texts[4], font, 38, INK, y + 24) + 10
    for line in texts[5:]:
        y = para(line, font, 27, INK, y) + 4
    return page, y


def _qr_image(link: str, size: int) -> Image.Image:
    """Error correction Q: the code still reads with a crease or a smudge."""
    code = segno.make(link, error="q")
    scale = max(1, size // (code.symbol_size(border=4)[0]))
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=4)
    buffer.seek(0)
    return Image.open(buffer).convert("RGB")


def _para(
    draw: ImageDraw.ImageDraw,
    text: str,
    font_path: str,
    size: int,
    fill: tuple[int, int, int],
    y: int,
    width: int,
) -> int:
    """Draw wrapped, centred lines; returns the y below them.

    Each paragraph runs in the direction of its first letter, so an English
    helpline on an Arabic poster still reads left to right.
    """
    font = ImageFont.truetype(font_path, size, layout_engine=ImageFont.Layout.RAQM)
    direction = _direction(text)
    for line in _wrap(draw, text, font, width, direction):
        length = draw.textlength(line, font=font, direction=direction)
        draw.text(((A4[0] - length) / 2, y), line, font=font, fill=fill, direction=direction)
        y += int(size * 1.45)
    return y


def _wrap(
    draw: ImageDraw.ImageDraw,
    text: str,
    font: ImageFont.FreeTypeFont,
    width: int,
    direction: str,
) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines():
        line = ""
        for word in paragraph.split(" "):
            trial = f"{line} {word}".strip()
            if line and draw.textlength(trial, font=font, direction=direction) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


def _direction(text: str) -> str:
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def _font_for(lang: str, text: str) -> str:
    """The first font that has every letter of ``text``; PosterError if none has."""
    needed = {ord(ch) for ch in text if unicodedata.category(ch)[0] not in "CZ"}
    for path in _candidates(lang):
        if needed <= _coverage(str(path)):
            return str(path)
    raise PosterError(
        f"no installed font has every letter needed for {lang!r}: install the Noto fonts"
        " (Debian/Ubuntu: apt-get install fonts-noto-core)"
    )


def _candidates(lang: str) -> list[Path]:
    import matplotlib

    dejavu = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    noto = [_NOTO / name for name in _FONT_NAMES.get(lang, [])]
    return [p for p in [*noto, _NOTO / "NotoSans-Regular.ttf", dejavu] if p.exists()]


@cache
def _coverage(path: str) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(path, lazy=True).getBestCmap())
