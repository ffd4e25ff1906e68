"""``feedback-bot translations status|export|import|update``: the translator's round trip.

A volunteer gets one file for their language (PO for Poedit or Weblate, XLSX for a
spreadsheet), fills it in, and staff import it back.  An import checks every
entry first and changes nothing if any is wrong.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bot.config import Settings


def add_parsers(sub: Any) -> None:
    tr = sub.add_parser("translations", help="catalogues for translators: status, export, import")
    tsub = tr.add_subparsers(dest="action", required=True)
    tsub.add_parser("status", help="per language: translated, reviewed, missing; safety gaps")
    export = tsub.add_parser("export", help="write one language's catalogue for a translator")
    export.add_argument("--lang", required=True, help="language code, e.g. so")
    export.add_argument("--format", choices=["po", "xlsx"], default="po")
    export.add_argument("--out", type=Path, help="file to write (default: LANG.po or LANG.xlsx)")
    imp = tsub.add_parser("import", help="read a translator's PO or XLSX file back")
    imp.add_argument("file", type=Path)
    imp.add_argument("--lang", help="language code (default: from the file)")
    tsub.add_parser("update", help="add new English texts to every catalogue, as msgmerge does")


def _status(settings: Settings, args: argparse.Namespace) -> int:
    from bot.translations.catalog import locale_dir, translations
    from bot.translations.review import english_texts, review, runtime_sources

    english = english_texts(runtime_sources(settings.flows_dir, settings.config_file))
    print(f"{len(english)} English texts; catalogues in {_shown(locale_dir())}/")
    print(f"{'lang':<6}{'translated':>11}{'reviewed':>10}{'missing':>9}  revision")
    gaps: list[tuple[str, list[str]]] = []
    broken: list[str] = []
    for lang in settings.languages:
        state = review(lang, english)
        counts = f"{state.translated:>11}{state.reviewed:>10}{state.missing:>9}"
        print(f"{lang:<6}{counts}  {state.revision}")
        if state.unreviewed_safety:
            gaps.append((lang, state.unreviewed_safety))
        broken += [
            f"  {lang}: {context}: {why}"
            for context, why in translations(lang).broken.items()
            if context in english
        ]
    if broken:
        # Counted as missing above: the bot shows their English until they are fixed.
        print("\nTranslations the bot cannot use (it shows the English), edited by hand:")
        print("\n".join(broken))
    if gaps:
        print("\nSafety-critical texts not yet reviewed:")
        grouped: dict[tuple[str, ...], list[str]] = {}
        for lang, contexts in gaps:
            grouped.setdefault(tuple(contexts), []).append(lang)
        for contexts, langs in grouped.items():
            print(f"  {', '.join(langs)} ({len(contexts)} each):")
            for context in contexts:
                print(f"    {context}")
    else:
        print("\nEvery safety-critical text is reviewed in every language.")
    print(f"require_reviewed: {settings.require_reviewed}")
    if settings.database.exists():
        _answers(settings)
    return 0


def _answers(settings: Settings) -> None:
    """How many stored answers were given in a translation no person had checked."""
    import asyncio

    from bot.store import Store

    async def read() -> dict[str, dict[str, int]]:
        async with await Store.open(settings.database) as store:
            return await store.answers_by_translation()

    counts = asyncio.run(read())
    unreviewed = sum(c["unreviewed"] for c in counts.values())
    total = sum(sum(c.values()) for c in counts.values())
    print(f"\nAnswers in {settings.database}: {total}, of which {unreviewed} were given in a")
    print("translation not fully reviewed at the time:")
    for lang, c in sorted(counts.items()):
        print(
            f"  {lang}: {c['unreviewed']} unreviewed, {c['reviewed']} reviewed"
            + (f", {c['unknown']} from before revisions were kept" if c["unknown"] else "")
        )


def _export(settings: Settings, args: argparse.Namespace) -> int:
    from bot.translations.exchange import export_catalogue

    out = args.out or Path(f"{args.lang}.{args.format}")
    try:
        count = export_catalogue(args.lang, args.format, out)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {out}: {count} entries for {args.lang}")
    return 0


def _import(settings: Settings, args: argparse.Namespace) -> int:
    from bot.translations.exchange import ImportRefused, import_catalogue

    try:
        result = import_catalogue(args.file, args.lang)
    except ImportRefused as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s): nothing was imported.", file=sys.stderr)
        return 1
    print(
        f"imported {args.file} into {_shown(result.path)}: {result.changed} changed,"
        f" {result.reviewed} reviewed, {result.unreviewed} not yet reviewed"
    )
    return 0


def _shown(path: Path) -> Path:
    """A path as short as it can be said from here."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def _update(settings: Settings, args: argparse.Namespace) -> int:
    from bot.translations.catalog import locale_dir
    from bot.translations.update import update

    for lang, counts in update(
        locale_dir().parent, [x for x in settings.languages if x != "en"]
    ).items():
        if lang == "en":
            continue
        print(
            f"{lang}: {counts['added']} new, {counts['fuzzy']} changed English (now fuzzy),"
            f" {counts['dropped']} dropped"
        )
    return 0


def _translations(settings: Settings, args: argparse.Namespace) -> int:
    command = {"status": _status, "export": _export, "import": _import, "update": _update}
    try:
        return command[args.action](settings, args)
    except OSError as exc:
        # A full disk or a read-only folder: every catalogue is written to a temporary
        # file and then moved into place, so the old one is still whole.
        where = f" {exc.filename}" if exc.filename else ""
        print(
            f"error: could not write{where}: {exc.strerror or exc}; nothing was changed",
            file=sys.stderr,
        )
        return 1


COMMANDS = {"translations": _translations}
