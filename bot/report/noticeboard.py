"""The network report as an A4 page for drop-in noticeboards (PNG or one-page PDF).

Easy-read: big type, the top three results with their pictograms, the "you said,
we did" pairs, and a QR code to give feedback.  It uses the site poster's layout
and fonts (``bot/poster.py``): centred paragraphs, each in its own direction (so
Arabic and Urdu read right to left), shaped by Pillow's HarfBuzz/FriBiDi, and
Noto fonts only for the scripts on the page.  Everything on it comes from a
``PublicReport`` through the same sentences as the network page
(``bot.report.plain``, ``bot.report.loop``), so a hidden number never shows.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw

from bot.i18n import Catalogue
from bot.poster import (
    A4,
    DPI,
    GREY,
    INK,
    MARGIN,
    Format,
    PosterError,
    _candidates,
    _coverage,
    _needed,
    _para,
    _qr_image,
)
from bot.report.loop import pair_lines, pairs
from bot.report.model import PublicReport
from bot.report.plain import FIGURES, results, top
from bot.report.render_network import _period

BLUE = (31, 78, 140)
MAX_PAIRS = 3
"""The newest pairs that fit beside three results on one page."""


def noticeboard(
    report: PublicReport, catalogue: Catalogue, lang: str, link: str, fmt: Format = "png"
) -> bytes:
    """One A4 page in ``lang``; ``link`` is what the QR code opens (the bot, or a site's
    deep link).  PosterError if no installed font can write it or it cannot fit."""
    if not isinstance(report, PublicReport):
        raise TypeError("only a suppressed PublicReport may be rendered")
    page = _content(report, catalogue, lang)
    fonts = _fonts(lang, page.langs, "".join(t for _, t in page.lines))
    for scale in (1.0, 0.9, 0.8, 0.7, 0.6):
        image, bottom = _layout(page, fonts, link, scale, catalogue.is_rtl(lang))
        if bottom <= A4[1] - MARGIN // 2:
            break
    else:
        raise PosterError(f"the noticeboard page for {lang!r} does not fit on one page")
    out = io.BytesIO()
    if fmt == "pdf":
        image.save(out, "PDF", resolution=DPI, title=catalogue.text("network.title", lang))
    else:
        image.save(out, "PNG", dpi=(DPI, DPI))
    return out.getvalue()


class _Page:
    """What goes on the page, top to bottom: (kind, text) lines; kind ``picto:N`` draws."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, str]] = []
        self.langs: set[str] = set()


def _content(report: PublicReport, catalogue: Catalogue, lang: str) -> _Page:
    def t(key: str, **values: object) -> str:
        return catalogue.text(key, lang, **values)

    page = _Page()
    page.lines += [
        ("title", t("network.title")),
        ("period", t("network.period", period=_period(report, lang))),
    ]
    best = top(results(report, catalogue, lang))
    if best:
        page.lines.append(("h2", t("network.results_title")))
        for result in best:
            assert result.share is not None
            page.lines += [
                ("question", result.question),
                ("sentence", result.sentence),
                (f"picto:{result.share.tenths}", ""),
            ]
    linked = pairs(report, lang)[-MAX_PAIRS:]
    if linked:
        page.lines.append(("h2", t("network.pairs_title")))
        for pair in linked:
            said, did = pair_lines(catalogue, report, pair, lang)
            page.lines += [("said", said), ("did", did)]
            page.langs.add(pair.did.lang)
    page.lines += [("scan", t("poster.scan")), ("privacy", t("network.privacy"))]
    return page


_SIZES = {
    "title": (72, INK, 8),
    "period": (30, GREY, 30),
    "h2": (46, BLUE, 12),
    "question": (30, GREY, 0),
    "sentence": (40, INK, 4),
    "said": (34, INK, 0),
    "did": (32, GREY, 18),
    "scan": (36, INK, 6),
    "privacy": (26, GREY, 0),
}
"""Per kind of line: type size at full scale, colour, space after."""


def _layout(
    page: _Page, fonts: list[str], link: str, scale: float, rtl: bool
) -> tuple[Image.Image, int]:
    image = Image.new("RGB", A4, "white")
    draw = ImageDraw.Draw(image)
    y = MARGIN
    for kind, text in page.lines:
        if kind.startswith("picto:"):
            y = _pictogram(draw, int(kind.partition(":")[2]), y, scale, rtl) + round(24 * scale)
            continue
        if kind == "scan":
            qr = _qr_image(link, size=round(300 * scale))
            image.paste(qr, ((A4[0] - qr.width) // 2, y + 10))
            y += qr.height + 20
        if kind == "h2":
            y += round(20 * scale)
        size, colour, after = _SIZES[kind]
        y = _text(draw, text, fonts, round(size * scale), colour, y, rtl) + round(after * scale)
        if kind == "scan":
            link_text = link.removeprefix("https://")
            y = _text(draw, link_text, fonts, round(26 * scale), GREY, y, False)
            y += round(10 * scale)
    return image, y


def _text(
    draw: ImageDraw.ImageDraw,
    text: str,
    fonts: list[str],
    size: int,
    fill: tuple[int, int, int],
    y: int,
    rtl: bool,
) -> int:
    """One centred paragraph, wrapped, as the poster draws it; returns the y below it.
    (``rtl``: the page's direction, for the poster's paragraph layout.)"""
    return _para(draw, text, fonts, size, fill, y, A4[0] - 2 * MARGIN, rtl)


def _pictogram(draw: ImageDraw.ImageDraw, filled: int, y: int, scale: float, rtl: bool) -> int:
    """10 figures in a row, ``filled`` of them solid; from the right in right-to-left pages."""
    step, head, body_w, body_h = (round(v * scale) for v in (64, 11, 36, 46))
    left = (A4[0] - FIGURES * step) // 2
    for i in range(FIGURES):
        slot = FIGURES - 1 - i if rtl else i
        cx = left + slot * step + step // 2
        fill = BLUE if i < filled else "white"
        line = max(2, round(3 * scale))
        draw.ellipse([cx - head, y, cx + head, y + 2 * head], fill=fill, outline=BLUE, width=line)
        top_y = y + 2 * head + round(4 * scale)
        draw.rounded_rectangle(
            [cx - body_w // 2, top_y, cx + body_w // 2, top_y + body_h],
            radius=round(14 * scale),
            fill=fill,
            outline=BLUE,
            width=line,
        )
    return y + 2 * head + round(4 * scale) + body_h


def _fonts(lang: str, others: set[str], text: str) -> list[str]:
    """The poster's fonts for ``lang``, then those of languages quoted on the page (an update
    shown as written), only as far as needed: Noto only for the scripts used."""
    fonts: list[str] = []
    for code in [lang, *sorted(others - {lang})]:
        fonts += [str(p) for p in _candidates(code) if str(p) not in fonts]
    missing = _needed(text) - frozenset().union(*(_coverage(f) for f in fonts))
    if missing:
        raise PosterError(
            f"no installed font has every letter needed for {lang!r}: install the Noto fonts"
            " (Debian/Ubuntu: apt-get install fonts-noto-core)"
        )
    return fonts


def bot_link(username: str, site: str | None = None) -> str:
    """The QR code's link: the bot, with the site preselected when one is named."""
    base = f"https://t.me/{username}"
    return f"{base}?start=site_{site}" if site else base


def write_pages(
    report: PublicReport,
    catalogue: Catalogue,
    langs: list[str],
    link: str,
    fmt: Format,
    folder: Path,
) -> list[Path]:
    written = []
    for lang in langs:
        path = folder / f"network.{lang}.{fmt}"
        path.write_bytes(noticeboard(report, catalogue, lang, link, fmt))
        written.append(path)
    return written
