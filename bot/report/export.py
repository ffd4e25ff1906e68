"""Build, suppress and write the weekly summaries: the calls the CLI and the bot make.

``weekly_summary_text`` is the short text for the staff chat (/summary and
the Monday send); ``export_files`` writes the files (/export and the CLI).
Both go through ``build_public``, so suppression is never skipped.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from pathlib import Path

from bot.caseload import caseloads
from bot.config import Settings
from bot.i18n import load_catalogue
from bot.report import collector
from bot.report.aggregate import ReportBuilder
from bot.report.compare import with_previous
from bot.report.equality import equality_for
from bot.report.model import Audience, PublicReport
from bot.report.noticeboard import bot_link, write_pages
from bot.report.period import Period, last_full_week, local_today, parse_week
from bot.report.periods import publish_period
from bot.report.plain import pictogram_text
from bot.report.praise import praise_post
from bot.report.purged import purged_through, refuse
from bot.report.reach import reach_table
from bot.report.render_equality import equality_csv
from bot.report.render_html import commissioner_html
from bot.report.render_network import network_html, network_parts
from bot.report.render_tabular import json_schema, summary_text, to_csv, to_json, write_xlsx
from bot.report.scope import site_reports
from bot.report.themes import load_codebook
from bot.report.trends import hide_as_published
from bot.roles import audit
from bot.store import Store

log = logging.getLogger(__name__)
FORMATS = ("html", "csv", "xlsx", "json", "md")
PAGE_FORMATS = ("pdf", "png")
"""The network report's noticeboard page (``bot/report/noticeboard.py``), on request only."""
Progress = Callable[[str], None]


def check_formats(formats: Iterable[str]) -> list[str]:
    """The formats to write, or a ValueError that says what is wrong with the list.

    An empty list (``--format ""``, ``--format ,``) used to write nothing and still
    exit 0, so a scheduled export could fail silently for weeks; a format named
    twice or an empty item between commas is a typo worth pointing at.
    """
    chosen = [f.strip().lower() for f in formats]
    known = (*FORMATS, *PAGE_FORMATS)
    choices = ", ".join(known)
    if not [f for f in chosen if f]:
        raise ValueError(f"no format given; choose one or more of {choices}")
    if "" in chosen:
        raise ValueError(f"an empty format between commas; choose from {choices}")
    unknown = [f for f in chosen if f not in known]
    if unknown:
        raise ValueError(f"unknown format {', '.join(unknown)}; choose from {choices}")
    twice = sorted({f for f in chosen if chosen.count(f) > 1})
    if twice:
        raise ValueError(f"format {', '.join(twice)} is listed twice")
    return chosen


async def build_public(
    store: Store,
    settings: Settings,
    period: Period,
    progress: Progress | None = None,
    site: str | None = None,
    trend: list[Period] | None = None,
) -> PublicReport:
    """This period and the one before, each suppressed, then compared.

    ``site``: only that site's responses, for staff invited for it
    (``bot/report/scope.py`` says how it is kept from being subtracted).
    ``trend``: calendar months for the trend tables (reports for every site only).
    """
    codebook, catalogue = load_codebook(settings.flows_dir), load_catalogue()

    def builder(on: Store) -> ReportBuilder:
        return ReportBuilder(on, settings, codebook, catalogue, progress)

    if site is not None:
        current, previous = await site_reports(store, period, site, builder)
        return current if previous is None else with_previous(current, previous)
    through = await purged_through(store, period.timezone)
    report = await publish_all_sites(store, builder, period, through, trend)
    # Who answered (the optional equality questions): every site's report only, by
    # calendar quarter as first published (bot/report/equality.py).
    equality = await equality_for(store, settings, period)
    reach = reach_table(report, settings, await caseloads(store, settings))
    kept_from = None
    if trend and through is not None and trend[0].start <= through:
        kept_from = (through + timedelta(days=1)).isoformat()
    return report.model_copy(update={"equality": equality, "reach": reach, "kept_from": kept_from})


async def publish_all_sites(
    store: Store,
    builder: Callable[[Store], ReportBuilder],
    period: Period,
    through: date | None,
    trend: list[Period] | None = None,
    *,
    record: bool = True,
) -> PublicReport:
    """This period's report for every site, with the one before as "last period";
    ``through``: the last day purged (``purged.purged_through``).

    ``record``: False to make it as an export would and record nothing in the ledger
    (the hourly job asking suppression's questions ahead, ``bot/report/warm.py``)."""
    # Both are published (the previous one as "last period"), so both are suppressed
    # against, and recorded in, the publication ledger (bot/report/periods.py).  The one
    # before is only compared with: left out if the purge took any of its days.
    refuse(period, through)
    if through is not None and period.previous().start <= through:
        return await publish_period(store, builder(store), period, trend=trend, record=record)
    if trend:
        # A trend hides, in the month that is the previous period, what that period's
        # own report hid: so the previous goes first, and the ledger records the trend
        # as shown, not as it was before that (the ledger holds what readers hold).
        previous = await publish_period(
            store, builder(store), period.previous(), for_comparison=True, record=record
        )
        current = await publish_period(
            store,
            builder(store),
            period,
            trend=trend,
            shown=lambda public: hide_as_published(public, previous),
            record=record,
        )
        return with_previous(current, previous)
    current = await publish_period(store, builder(store), period, record=record)
    previous = await publish_period(
        store, builder(store), period.previous(), for_comparison=True, record=record
    )
    return with_previous(current, previous)


async def weekly_summary_text(
    store: Store, settings: Settings, week: Period | str | None = None, site: str | None = None
) -> str:
    """The short summary for the staff chat; by default the last full ISO week."""
    if week is None:
        period = summary_period(settings)
    elif isinstance(week, str):
        period = parse_week(week, settings.reports.timezone)
    else:
        period = week
    return summary_text(await build_public(store, settings, period, site=site))


async def praise_text(
    store: Store, settings: Settings, period: Period, site: str | None = None
) -> str | None:
    """What people appreciated, as the frontline team chat gets it; None if nothing."""
    found = settings.site(site) if site is not None else None
    name = found.name.get("en", site) if found is not None else None
    return praise_post(await build_public(store, settings, period, site=site), name)


def summary_period(settings: Settings, now: datetime | None = None) -> Period:
    """The week a summary covers when none is named: the last full ISO week where
    the readers are (``reports.timezone``), so the Monday 00:30 job sends the week
    that has just ended, not the one before it."""
    zone = settings.reports.timezone
    return last_full_week(local_today(zone, now), zone)


def network_languages(report: PublicReport) -> list[str]:
    """English, plus interface languages with enough responses to show.

    A language with fewer responses than the threshold gets no report of its
    own: its existence would tell readers that a handful of people used it.
    """
    langs = ["en"]
    table = report.table("by_lang")
    for row in table.rows if table else []:
        cell = row.cells["responses"]
        if cell.count is not None and cell.count >= report.threshold and row.key not in langs:
            langs.append(row.key)
    return langs


async def export_files(
    store: Store,
    settings: Settings,
    period: Period,
    *,
    audience: Audience = "commissioners",
    formats: Iterable[str] = FORMATS,
    out_dir: Path = Path("out"),
    actor: str = "cli",
    progress: Progress | None = None,
    site: str | None = None,
    qr_site: str | None = None,
    trend: list[Period] | None = None,
    record: bool = True,
) -> list[Path]:
    """Write the chosen formats under ``out_dir/<period>/``; returns the files written.

    ``site``: that site's responses only (staff invited for one site).
    ``qr_site``: the site the noticeboard page's QR code preselects (else the bot).
    ``trend``: calendar months for the trend tables.
    ``record``: audit the export here (False in the report process: the bot records it
    once the files are in its hands, so a report killed or abandoned on the way, whose
    files are removed, is not in the audit log as made)."""
    formats = check_formats(formats)
    if audience != "network" and any(f in PAGE_FORMATS for f in formats):
        raise ValueError("pdf and png are the network noticeboard page: use --audience network")
    if qr_site is not None and settings.site(qr_site) is None:
        raise ValueError(f"no site {qr_site!r}; sites: {', '.join(s.id for s in settings.sites)}")
    link = bot_link(settings.telegram.bot_username, qr_site)
    step = progress or (lambda _label: None)
    with collector.paused():
        report = await build_public(store, settings, period, step, site=site, trend=trend)
        folder = out_dir / period.label.replace(" ", "_")
        # Rendering (charts, xlsx) is CPU work: off the event loop, so a bot exporting
        # for staff keeps answering everyone else.
        written = await asyncio.to_thread(
            _render_files, report, audience, formats, folder, step, link
        )
        if record:
            await record_export(
                store,
                actor=actor,
                period=period,
                audience=audience,
                files=written,
                site=site,
                trend=trend,
            )
    return written


def _render_files(
    report: PublicReport,
    audience: Audience,
    formats: list[str],
    folder: Path,
    step: Callable[[str], None],
    link: str = "https://t.me/",
) -> list[Path]:
    """Every file is written in a hidden staging folder beside ``folder`` and moved in
    only when all of them are complete.  A full disk, an error or a kill part-way leaves
    no file under its real name: at most a ``.<period>.partial-…`` folder (removed
    here on an error) that nobody would take for a report."""
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.partial-", dir=folder.parent))
    try:
        staged = _write_formats(report, audience, formats, staging, step, link)
        written = []
        for path in staged:
            final = folder / path.name
            os.replace(path, final)  # a rename in one folder: no new space needed
            written.append(final)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _write_formats(
    report: PublicReport,
    audience: Audience,
    formats: list[str],
    folder: Path,
    step: Callable[[str], None],
    link: str,
) -> list[Path]:
    written: list[Path] = []

    def put(name: str, text: str) -> None:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)

    catalogue = load_catalogue()
    for fmt in formats:
        step(f"writing {fmt}")
        if fmt == "html" and audience == "commissioners":
            put("commissioners.html", commissioner_html(report))
        elif fmt == "html":
            for lang in network_languages(report):
                put(f"network.{lang}.html", network_html(report, catalogue, lang))
        elif fmt == "md" and audience == "commissioners":
            put("summary.md", summary_text(report))
        elif fmt == "md":
            for lang in network_languages(report):
                put(f"network.{lang}.md", _network_md(report, lang))
        elif fmt in PAGE_FORMATS:
            langs = network_languages(report)
            written += write_pages(report, catalogue, langs, link, fmt, folder)  # type: ignore[arg-type]
        elif fmt == "csv":
            put("report.csv", to_csv(report))
            if report.equality is not None:
                # Apart from report.csv: nothing to join equality answers to comments on.
                put("equality.csv", equality_csv(report.equality))
        elif fmt == "json":
            put("report.json", to_json(report))
            put("report.schema.json", json_schema())
        elif fmt == "xlsx":
            path = folder / "report.xlsx"
            write_xlsx(report, path)
            written.append(path)
    return written


def _network_md(report: PublicReport, lang: str) -> str:
    marks = {"h1": "# ", "h2": "## ", "h3": "### ", "quote": "> ", "small": "_", "item": "- "}
    lines = []
    for kind, text in network_parts(report, load_catalogue(), lang):
        if kind.startswith("picto:"):
            lines.append(f"{pictogram_text(int(kind.partition(':')[2]))}\n")
            continue
        end = {"small": "_", "said": "**"}.get(kind, "")
        start = "**" if kind == "said" else marks.get(kind, "")
        lines.append(f"{start}{text}{end}\n")
    return "\n".join(lines)


async def record_export(
    store: Store,
    *,
    actor: str,
    period: Period,
    audience: str,
    files: list[Path],
    site: str | None = None,
    trend: list[Period] | None = None,
) -> None:
    """The one place an export is recorded in the audit log: who, when, what range."""
    params = {
        "period": period.label,
        "from": period.start.isoformat(),
        "to": period.end.isoformat(),
        "audience": audience,
        "files": [p.name for p in files],
    }
    if site is not None:
        params["site"] = site
    if trend:
        params["trend"] = [trend[0].label, trend[-1].label]
    await audit(store, actor_key=actor, action="export", params=params)
