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

from bot.bidi import BidiUnavailable, Run, levels, visual_runs
from bot.config import Settings
from bot.helplines import helpline_line
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
    helplines = [helpline_line(catalogue, h, lang) for h in settings.helplines_for(lang)]
    texts = [
        catalogue.text("poster.title", lang),
        catalogue.pick(site.name, lang),
        catalogue.text("poster.scan", lang),
        catalogue.text("poster.privacy", lang),
        catalogue.text("poster.helplines", lang),
        *helplines,
    ]
    fonts = _fonts_for(lang, "".join(texts))
    try:
        levels("a", rtl=False)
    except BidiUnavailable as exc:
        raise PosterError(str(exc)) from None

    # Long translations get a smaller page, never a cut one: shrink until it fits.
    for scale in (1.0, 0.9, 0.8, 0.7):
        page, bottom = _layout(link, texts, fonts, scale, catalogue.is_rtl(lang))
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


def _layout(
    link: str, texts: list[str], fonts: list[str], scale: float, rtl: bool
) -> tuple[Image.Image, int]:
    """The page, and how far down its text reaches."""
    page = Image.new("RGB", A4, "white")
    draw = ImageDraw.Draw(page)
    width = A4[0] - 2 * MARGIN

    def para(text: str, size: int, fill: tuple[int, int, int], y: int, rtl: bool = rtl) -> int:
        return _para(draw, text, fonts, round(size * scale), fill, y, width, rtl)

    y = para(texts[0], 80, INK, MARGIN) + 10
    y = para(texts[1], 46, GREY, y) + 30
    qr = _qr_image(link, size=round(500 * scale))
    page.paste(qr, ((A4[0] - qr.width) // 2, y))
    y += qr.height + 10
    y = para(link.removeprefix("https://"), 28, GREY, y, rtl=False) + 30
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


_ISOLATE_OPEN, _ISOLATE_CLOSE = "\u2066\u2067\u2068", "\u2069"


def _para(
    draw: ImageDraw.ImageDraw,
    text: str,
    fonts: list[str],
    size: int,
    fill: tuple[int, int, int],
    y: int,
    width: int,
    rtl: bool,
) -> int:
    """Draw wrapped, centred lines; returns the y below them.

    Every paragraph of a right-to-left poster runs right to left, whatever letter
    it starts with: a helpline line begins with its English name, and laying it
    out left to right put the Arabic note's brackets back to front.  Each line is
    cut into runs of one direction and one font in display order
    (``bot.bidi``), since Pillow neither orders text across several calls nor
    falls back between fonts (Bengali with "Telegram" in it, Urdu with brackets
    its Arabic-script font lacks).
    """
    faces = {
        path: ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.RAQM) for path in fonts
    }

    def advance(run: Run) -> float:
        return draw.textlength(run.text, font=faces[run.font], direction=_dir(run))

    for line in _wrap(text, width, lambda t: sum(map(advance, _runs(t, fonts, rtl)))):
        runs = _runs(line, fonts, rtl)
        if not runs:
            y += int(size * 1.45)
            continue
        # Runs in different fonts share a baseline, placed by the tallest of them.
        ascent = max(faces[r.font].getmetrics()[0] for r in runs)
        descent = max(faces[r.font].getmetrics()[1] for r in runs)
        x = (A4[0] - sum(map(advance, runs))) / 2
        for run in runs:
            draw.text(
                (x, y + ascent),
                run.text,
                font=faces[run.font],
                fill=fill,
                direction=_dir(run),
                anchor="ls",
            )
            x += advance(run)
        y += max(int(size * 1.45), int((ascent + descent) * 1.1))
    return y


def _dir(run: Run) -> str:
    return "rtl" if run.rtl else "ltr"


def _wrap(text: str, width: int, measure: Callable[[str], float]) -> list[str]:
    """Lines of at most ``width``, broken between words.

    A line that breaks inside an isolate (a long helpline name) closes it and the
    next line opens it again, so both halves keep their own direction.
    """
    lines: list[str] = []
    for paragraph in text.splitlines():
        line = ""
        for word in paragraph.split(" "):
            trial = f"{line} {word}".strip(" ")
            if line and measure(trial) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    balanced: list[str] = []
    carried = ""
    for line in lines:
        line = carried + line
        opened = ""
        for ch in line:
            if ch in _ISOLATE_OPEN:
                opened += ch
            elif ch == _ISOLATE_CLOSE:
                opened = opened[:-1]
        balanced.append(line + _ISOLATE_CLOSE * len(opened))
        carried = opened
    return balanced


def _runs(text: str, fonts: list[str], rtl: bool) -> list[Run]:
    """The line's runs in display order, each in one direction and one font: the
    first font that has every letter of the line, else for each letter the first
    that has it (spaces and punctuation staying with the run they are in)."""
    whole = next((f for f in fonts if _needed(text) <= _coverage(f)), None)
    chosen: list[str] = []
    for ch in text:
        if whole is not None:
            chosen.append(whole)
            continue
        neutral = unicodedata.category(ch)[0] in "ZPNCS"
        if chosen and neutral and ord(ch) in _coverage(chosen[-1]):
            chosen.append(chosen[-1])
        else:
            chosen.append(_first(ch, fonts))
    return visual_runs(text, rtl, chosen)


def _first(ch: str, fonts: list[str]) -> str:
    return next((f for f in fonts if ord(ch) in _coverage(f)), fonts[-1])


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
