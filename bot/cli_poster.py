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
    poster.add_argument("--out", type=Path, help="file to write (default: poster-SITE-LANG.FMT)")


def _poster(settings: Settings, args: argparse.Namespace) -> int:
    from bot.i18n import load_catalogue
    from bot.poster import PosterError, make_poster

    lang = args.lang or settings.default_language
    suffix = args.out.suffix.lower().lstrip(".") if args.out else ""
    fmt = args.format or (suffix if suffix in ("png", "pdf") else "png")
    out = args.out or Path(f"poster-{args.site}-{lang}.{fmt}")
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
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(poster.data)
    print(f"Wrote {out} ({fmt.upper()}, A4) with a QR code for {poster.link}")
    return 0


COMMANDS = {"poster": _poster}
