"""``feedback-bot poster``: a printable A4 poster with the QR code for one site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bot.config import PLACEHOLDER_BOT_USERNAME, Settings


def add_parsers(sub: Any) -> None:
    poster = sub.add_parser("poster", help="an A4 poster (PNG or PDF) with a site's QR code")
    poster.add_argument("--site", required=True, help="site id from config")
    poster.add_argument("--lang", help="language code (default: config default_language)")
    poster.add_argument("--format", choices=["png", "pdf"], help="default: from --out, else png")
    poster.add_argument(
        "--out",
        type=Path,
        help="file (.png or .pdf) or existing folder to write to (default: poster-SITE-LANG.FMT)",
    )


def _poster(settings: Settings, args: argparse.Namespace) -> int:
    from bot.i18n import load_catalogue
    from bot.poster import PosterError, make_poster

    lang = args.lang or settings.default_language
    try:
        out, fmt = _target(args.out, args.format, args.site, lang)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if settings.telegram.bot_username == PLACEHOLDER_BOT_USERNAME:
        print(
            "warning: telegram.bot_username in config is still the placeholder; the QR code"
            " will not open your bot",
            file=sys.stderr,
        )
    try:
        poster = make_poster(settings, load_catalogue(), args.site, lang, fmt)
    except PosterError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(poster.data)
    except OSError as exc:
        print(f"error: could not write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"Wrote {out} ({fmt.upper()}, A4) with a QR code for {poster.link}")
    return 0


def _target(out: Path | None, fmt: str | None, site: str, lang: str) -> tuple[Path, str]:
    """Where to write and in which format.

    A folder (existing, or written with a trailing slash) gets the default file
    name inside it.  A file's suffix must agree with ``--format``: a PDF named
    ``.png`` would open as a broken image, so that is refused rather than
    silently renamed.  A name with no suffix gets the format's.
    """
    if out is None or out.is_dir() or str(out).endswith(("/", "\\")):
        fmt = fmt or "png"
        return (out or Path()) / f"poster-{site}-{lang}.{fmt}", fmt
    suffix = out.suffix.lower().lstrip(".")
    if not suffix:
        fmt = fmt or "png"
        return out.with_name(f"{out.name}.{fmt}"), fmt
    if suffix not in ("png", "pdf"):
        raise ValueError(f"--out {out}: a poster is written as .png or .pdf, not .{suffix}")
    if fmt and fmt != suffix:
        raise ValueError(
            f"--out {out} ends in .{suffix} but --format is {fmt}: name the file"
            f" {out.with_suffix('.' + fmt).name}, or leave out --format"
        )
    return out, suffix


COMMANDS = {"poster": _poster}
