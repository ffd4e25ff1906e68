"""``feedback-bot export``, ``update`` and ``themes``: thin calls into the report library."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from bot.config import Settings
from bot.i18n import normalise_language
from bot.report.period import (
    Period,
    last_full_week,
    local_today,
    month,
    months_to,
    parse_day,
    parse_month,
    parse_range,
    parse_week,
    whole_months,
)
from bot.store import Store

Handler = Callable[[Settings, argparse.Namespace], int]


def row_id(text: str) -> int:
    """An argparse type for a row id: SQLite integers stop at 2**63 - 1, and a larger
    one would end the command in a traceback instead of "no such note"."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value < 2**63:
        raise argparse.ArgumentTypeError(f"no row has id {text}")
    return value


def add_parsers(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    """Register the report commands on the main parser; returns their handlers."""
    export = sub.add_parser("export", help="write the weekly summary files")
    when = export.add_mutually_exclusive_group()
    when.add_argument("--week", help="ISO week, e.g. 2026-W47 (default: last full week)")
    when.add_argument("--from", dest="start", metavar="DATE", help="first day, YYYY-MM-DD")
    export.add_argument("--to", dest="end", metavar="DATE", help="last day, YYYY-MM-DD")
    export.add_argument(
        "--months",
        type=int,
        metavar="N",
        help="add trends over the N calendar months ending with the period's last month"
        " (default period: the last full month)",
    )
    export.add_argument("--audience", choices=["commissioners", "network"], default="commissioners")
    export.add_argument(
        "--format",
        default="html,csv,xlsx,json,md",
        help="comma-separated: html,csv,xlsx,json,md; and for --audience network, pdf,png"
        " (an A4 noticeboard page per language)",
    )
    export.add_argument(
        "--qr-site", metavar="ID", help="the site the noticeboard page's QR code preselects"
    )
    export.add_argument("--out", type=Path, default=Path("out"), help="folder (default: ./out)")

    fft = sub.add_parser(
        "fft", help="the monthly NHS Friends and Family Test return (not suppressed)"
    )
    fft.add_argument("--month", required=True, help="calendar month, YYYY-MM, e.g. 2026-11")
    fft.add_argument("--out", type=Path, default=Path("out"), help="folder (default: ./out)")

    update = sub.add_parser("update", help="'what changed' notes for the network report")
    usub = update.add_subparsers(dest="action", required=True)
    add = usub.add_parser("add", help="add a note")
    add.add_argument("text")
    add.add_argument("--date", help="the day it belongs to, YYYY-MM-DD (default: today)")
    add.add_argument("--lang", default="en", help="the language it is written in (default: en)")
    add.add_argument(
        "--translates", type=int, metavar="ID", help="this is a translation of note ID"
    )
    add.add_argument(
        "--theme",
        action="append",
        default=[],
        metavar="ID",
        help="a codebook theme it answers (repeat, or comma-separated): 'you said, we did'",
    )
    add.add_argument(
        "--status", choices=["planned", "in_progress", "done"], help="how far the change has got"
    )
    usub.add_parser("list", help="list every note")
    delete = usub.add_parser("delete", help="remove a note")
    delete.add_argument("id", type=row_id)

    themes = sub.add_parser("themes", help="review the themes of comments")
    tsub = themes.add_subparsers(dest="action", required=True)
    show = tsub.add_parser("list", help="comments of a week with their themes")
    show.add_argument("--week", help="ISO week (default: last full week)")
    review = tsub.add_parser("review", help="set a comment's themes (replaces automatic tags)")
    review.add_argument("answer_id", type=row_id)
    review.add_argument("themes", nargs="*", help="theme ids; none means 'no theme'")
    clear = tsub.add_parser("clear", help="drop a review, back to automatic tags")
    clear.add_argument("answer_id", type=row_id)
    return {"export": _export, "fft": _fft, "update": _update, "themes": _themes}


def period_from(args: argparse.Namespace, timezone: str = "UTC") -> Period:
    """The period the options name, in calendar days of ``timezone`` (reports.timezone)."""
    if getattr(args, "start", None) or getattr(args, "end", None):
        if not (args.start and args.end):
            raise ValueError("give both --from and --to")
        return parse_range(args.start, args.end, timezone)
    if getattr(args, "week", None):
        return parse_week(args.week, timezone)
    if getattr(args, "months", None):
        today = local_today(timezone)
        return month(today.replace(day=1) - timedelta(days=1), timezone)
    return last_full_week(local_today(timezone), timezone)


MAX_TREND_MONTHS = 36


def trend_from(args: argparse.Namespace, period: Period) -> list[Period] | None:
    """The months of the trend tables: ``--months N`` ending with the period's last month,
    or the months a ``--from/--to`` of two or more whole months covers; else none.
    A ValueError when ``--months`` meets a period that is not whole months."""
    months = getattr(args, "months", None)
    parts = whole_months(period)
    if months is None:
        return parts if parts is not None and len(parts) >= 2 else None
    if not 1 <= months <= MAX_TREND_MONTHS:
        raise ValueError(f"--months takes 1 to {MAX_TREND_MONTHS}")
    if parts is None:
        raise ValueError(
            "--months needs a period of whole months: --from the 1st --to a month's last"
            " day, or no period (the last full month)"
        )
    return months_to(period, max(months, len(parts)))


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def _export(settings: Settings, args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from bot.poster import PosterError
    from bot.report.export import check_formats, export_files

    try:
        period = period_from(args, settings.reports.timezone)
        formats = check_formats(args.format.split(","))
        trend = trend_from(args, period)
    except ValueError as exc:
        return _fail(str(exc))
    if args.out.exists() and not args.out.is_dir():
        return _fail(
            f"--out {args.out} is a file; --out names a folder, and the files go in"
            f" a folder per period inside it (e.g. --out {args.out.parent / 'out'})"
        )

    async def run() -> int:
        store = await Store.open(settings.database)
        # Two periods are built (this one and the last, for change), then each format.
        bar = tqdm(total=8 + len(formats), unit="step", disable=None, file=sys.stderr)

        def progress(label: str) -> None:
            bar.set_description(label)
            bar.update(1)

        try:
            files = await export_files(
                store,
                settings,
                period,
                audience=args.audience,
                formats=formats,
                out_dir=args.out,
                progress=progress,
                qr_site=args.qr_site,
                trend=trend,
            )
        except ValueError as exc:
            return _fail(str(exc))
        except PosterError as exc:
            return _fail(str(exc))
        except OSError as exc:
            # A full disk, a read-only folder, a file where a folder should be.
            return _fail(f"could not write the report under {args.out}: {exc.strerror or exc}")
        finally:
            bar.close()
            await store.close()
        print(f"{period.describe()}: wrote {len(files)} file(s)")
        for path in files:
            print(f"  {path}")
        return 0

    return asyncio.run(run())


def _fft(settings: Settings, args: argparse.Namespace) -> int:
    from bot.report.fft import (
        SMALL,
        fft_counts,
        return_csv,
        return_rows,
        small_sites,
        write_atomically,
    )
    from bot.report.purged import PurgedDays, purged_through, refuse
    from bot.roles import audit

    try:
        month = parse_month(args.month, settings.reports.timezone)
    except ValueError as exc:
        return _fail(str(exc))
    if args.out.exists() and not args.out.is_dir():
        return _fail(f"--out {args.out} is a file; --out names the folder the return goes in")
    path = args.out / f"fft-{month.label}.csv"

    async def run() -> int:
        store = await Store.open(settings.database)
        try:
            # A month the purge reached would be counted short under the whole month's name;
            # asked again after counting, for a purge that came meanwhile (its mark is
            # committed before any answer goes).
            zone = settings.reports.timezone
            try:
                refuse(month, await purged_through(store, zone))
                counts = await fft_counts(store, [month])
                refuse(month, await purged_through(store, zone))
            except PurgedDays as exc:
                return _fail(str(exc))
            rows = return_rows(counts, settings, month)
            try:
                args.out.mkdir(parents=True, exist_ok=True)
                write_atomically(path, return_csv(rows, month))
            except OSError as exc:
                return _fail(f"could not write {path}: {exc.strerror or exc}")
            await audit(
                store,
                actor_key="cli",
                action="fft_return",
                params={"month": month.label, "file": path.name},
            )
        finally:
            await store.close()
        for row in small_sites(rows):
            print(
                f"warning: {row.site} has {row.total} FFT answer(s) in {month.label}"
                f" (fewer than {SMALL}): its percentages rest on very few people",
                file=sys.stderr,
            )
        missing = [r.site for r in rows if r.total and not r.ods_code and settings.site(r.site)]
        if missing:
            print(
                f"warning: no ods_code in config for {', '.join(missing)}",
                file=sys.stderr,
            )
        whole = rows[-1]
        print(
            f"{month.describe()}: {whole.total} FFT answer(s),"
            f" {whole.pct_positive if whole.pct_positive is not None else '-'}% positive,"
            f" {whole.pct_negative if whole.pct_negative is not None else '-'}% negative."
        )
        print(f"wrote {path} (NOT suppressed: for submission, not for publishing)")
        return 0

    return asyncio.run(run())


def _update(settings: Settings, args: argparse.Namespace) -> int:
    from bot.i18n import load_catalogue
    from bot.report.queries import ReportQueries
    from bot.report.themes import load_codebook
    from bot.updates import longest_update

    async def run() -> int:
        store = await Store.open(settings.database)
        q = ReportQueries(store)
        try:
            if args.action == "add":
                if not args.text.strip():
                    return _fail("the note is empty; write what changed")
                limit = longest_update(load_catalogue(), settings.languages)
                if len(args.text.strip()) > limit:
                    # It could not go out as one message with its header; refused, not cut.
                    return _fail(
                        f"the note is {len(args.text.strip())} characters; at most {limit}"
                    )
                themes = [t.strip() for item in args.theme for t in item.split(",") if t.strip()]
                known = load_codebook(settings.flows_dir).ids()
                unknown = [t for t in themes if t not in known]
                if unknown:
                    return _fail(
                        f"unknown theme {', '.join(unknown)}; known themes: {', '.join(known)}"
                    )
                try:
                    dated = (
                        parse_day(args.date, "--date")
                        if args.date
                        else local_today(settings.reports.timezone)
                    )
                    lang = normalise_language(args.lang, settings.languages)
                    new_id = await q.add_update(
                        args.text.strip(),
                        dated.isoformat(),
                        lang,
                        args.translates,
                        themes=themes,
                        status=args.status,
                    )
                except ValueError as exc:
                    return _fail(str(exc))
                what = (
                    f"translation ({lang}) of note {args.translates}" if args.translates else "note"
                )
                linked = f", answering {', '.join(themes)}" if themes else ""
                state = f" ({args.status.replace('_', ' ')})" if args.status else ""
                print(f"Added {what} {new_id} for {dated}{linked}{state}.")
            elif args.action == "list":
                notes = await q.notes()
                if not notes:
                    print('No notes yet. Add one with: feedback-bot update add "what changed"')
                for note in notes:
                    of = f"\ttranslates {note.translates}" if note.translates else ""
                    if note.themes and not note.translates:
                        of += f"\tthemes {','.join(note.themes)}"
                    if note.status and not note.translates:
                        of += f"\t{note.status}"
                    print(f"{note.id}\t{note.dated}\t{note.lang}\t{note.text}{of}")
            elif args.action == "delete":
                if not await q.delete_update(args.id):
                    return _fail(f"no note {args.id}")
                print(f"Deleted note {args.id}.")
            return 0
        finally:
            await store.close()

    return asyncio.run(run())


def _themes(settings: Settings, args: argparse.Namespace) -> int:
    from bot.report.queries import ReportQueries
    from bot.report.themes import load_codebook

    codebook = load_codebook(settings.flows_dir)

    async def run() -> int:
        store = await Store.open(settings.database)
        q = ReportQueries(store)
        try:
            if args.action == "list":
                try:
                    period = period_from(args, settings.reports.timezone)
                except ValueError as exc:
                    return _fail(str(exc))
                await q.tag_comments(period, codebook)
                for answer_id, text, auto, reviewed in await q.comments(period):
                    tags = (
                        f"reviewed: {','.join(reviewed) or '-'}"
                        if reviewed is not None
                        else (f"auto: {','.join(auto) or '-'}")
                    )
                    print(f"{answer_id}\t{tags}\t{text}")
            elif args.action == "review":
                bad = [t for t in args.themes if t not in codebook.ids()]
                if bad:
                    known = ", ".join(codebook.ids())
                    return _fail(f"unknown theme {', '.join(bad)}; known themes: {known}")
                if not await q.set_review(args.answer_id, args.themes):
                    return _fail(f"no comment with id {args.answer_id}")
                print(
                    f"Comment {args.answer_id}: themes set to {', '.join(args.themes) or 'none'}."
                )
            elif args.action == "clear":
                if not await q.clear_review(args.answer_id):
                    return _fail(f"comment {args.answer_id} has no review")
                print(f"Comment {args.answer_id}: back to automatic themes.")
            return 0
        finally:
            await store.close()

    return asyncio.run(run())
