"""Who we heard from: responses against the people each site serves.

A needs study of a county service found almost no input from one city's service
users; nobody noticed until the report was written.  A response-rate table shows
it at once: per site and area, the responses, the caseload (``bot/caseload.py``)
and the rate, with every site under half the service's rate, or under 2%, said in
words.  Without caseload figures, each site's share of responses against its
share of sites, saying that caseload figures would make it exact.

Built from the public report's own counts (responses by site and area, already
suppressed): a hidden count stays hidden, and is flagged by the most it could be
(what the shown counts leave of all responses), so the table adds nothing a reader
could not work out.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.caseload import Caseload
from bot.config import Settings
from bot.report.model import PublicReport, Reach, ReachRow, Table
from bot.report.tables import pct

LOW_RATE = 2
"""A site answering for under 2% of the people it serves is flagged whatever the rest do."""
CASELOAD_NOTE = (
    "Rates are this period's responses against the people each site serves (its caseload,"
    " set in the config or with `feedback-bot caseload set SITE 240`). The service's rate"
    " counts the sites with a caseload whose responses are shown. A site is flagged when its"
    " rate is under half the service's, or under 2%; where its count is hidden, by the most"
    " it could be."
)
SHARE_NOTE = (
    "No caseload figures are set, so this compares each site's share of responses with its"
    " share of sites, as if every site served as many people. Caseload figures for each site"
    " ('feedback-bot caseload set SITE 240', or caseload: in the config) would make this exact."
)


def reach_table(
    report: PublicReport, settings: Settings, loads: dict[str, Caseload]
) -> Reach | None:
    """The reach table of an all-sites report; None when the config has no sites."""
    if not settings.sites:
        return None
    by_site = _counts(report.table("by_site"), "site")
    counts = {s.id: by_site.get(s.id, 0) for s in settings.sites}
    names = {s.id: s.name.get("en", s.id) for s in settings.sites}
    # A hidden count is not always small (another may be hidden beside it): the most it
    # can be is what the shown counts leave of all responses, as any reader works out.
    total = _total(report)
    left = _most_hidden(report, total, counts.values())
    if any(loads.get(s.id) for s in settings.sites):
        return _with_caseload(report, settings, loads, counts, names, left)
    return _shares(report, settings, counts, names, left, total)


def _most_hidden(report: PublicReport, total: int | None, shown: Iterable[int | None]) -> int:
    """The most the hidden counts could add up to, as a reader works it out: all responses
    less the shown counts.  Rounded counts (``disclosure.rounding``) may each be up to half
    the base off, so that much more for each; and a hidden count is never 0 (a zero is
    shown).  Without the slack, 13 + 13 + 13 shown as 15 + 15 + 15 of 44 shown as 45 said
    the two hidden sites had "at most 0 responses" (they had 2 and 3)."""
    counts = [n for n in shown if n is not None]
    # A zero is exact (1 to threshold-1 would be hidden, not rounded to 0).
    slack = (report.disclosure.rounding or 0) // 2 * (sum(1 for n in counts if n) + 1)
    return max((total or 0) - sum(counts) + slack, 1)


def _total(report: PublicReport) -> int | None:
    head = report.table("headline")
    return head.rows[0].base.count if head and head.rows and head.rows[0].base else None


def _counts(table: Table | None, split: str) -> dict[str, int | None]:
    """Shown counts by key (None: hidden); a key with no row is a zero."""
    if table is None:
        return {}
    return {r.key: r.cells["responses"].count for r in table.rows if r.split == split}


def _with_caseload(
    report: PublicReport,
    settings: Settings,
    loads: dict[str, Caseload],
    counts: dict[str, int | None],
    names: dict[str, str],
    left: int,
) -> Reach:
    t = report.threshold
    people = {site: load.people for site, load in loads.items() if load.people}
    heard = [s for s in people if s in counts and counts[s] is not None]
    total_people = sum(people[s] for s in heard)
    service = sum(counts[s] or 0 for s in heard) / total_people if total_people else None
    rows: list[ReachRow] = []
    flags: list[str] = []
    for site in settings.sites:
        n, load = counts[site.id], people.get(site.id)
        row = ReachRow(
            key=site.id, label=names[site.id], level="site", responses=_shown(n, t), caseload=load
        )
        if load:
            most = (n if n is not None else left) / load
            row.rate = _rate(n, load, left)
            below_half = service is not None and most < service / 2
            row.flagged = below_half or most * 100 < LOW_RATE
            if row.flagged:
                said = f"{names[site.id]}: {_responses(n, left)} from {load} people ({row.rate})"
                if below_half and service is not None:
                    said += f", well below the service's {_percent(service)}"
                else:
                    said += f", under {LOW_RATE}% of the people it serves"
                flags.append(said)
        rows.append(row)
    by_area = _counts(report.table("by_area"), "area")
    for area in settings.areas:
        sites = [s.id for s in settings.sites if s.area == area.id]
        loads_here = [people.get(s) for s in sites]
        load = sum(x for x in loads_here if x) if sites and all(loads_here) else None
        n = by_area.get(area.id, 0)
        rows.append(
            ReachRow(
                key=area.id,
                label=area.name.get("en", area.id),
                level="area",
                responses=_shown(n, t),
                caseload=load,
                rate=_rate(n, load, left) if load else "",
            )
        )
    if service is not None:
        shown = sum(counts[s] or 0 for s in heard)
        rows.append(
            ReachRow(
                key="service",
                label="Service (sites with a caseload, responses shown)",
                level="service",
                responses=str(shown),
                caseload=total_people,
                rate=_percent(service),
            )
        )
    rows += _groups(report, settings, loads, t, total_left=_total(report))
    return Reach(
        mode="caseload",
        service_rate=round(service * 100) if service is not None else None,
        rows=rows,
        flags=flags,
        note=CASELOAD_NOTE,
    )


def _groups(
    report: PublicReport,
    settings: Settings,
    loads: dict[str, Caseload],
    t: int,
    total_left: int | None,
) -> list[ReachRow]:
    """Service-wide rates by respondent group, where every site gives that group's figure
    (the group's responses are the report's own, over every site)."""
    by_group = _counts(report.table("by_respondent_group"), "respondent_group")
    left = _most_hidden(report, total_left, by_group.values())
    rows = []
    for group in settings.respondent_groups:
        figures = [loads.get(s.id, Caseload()).groups.get(group) for s in settings.sites]
        if not all(f is not None for f in figures):
            continue
        load = sum(f or 0 for f in figures)
        n = by_group.get(group, 0)
        label = f"All sites: {group.replace('_', ' ')}"
        rows.append(
            ReachRow(
                key=group,
                label=label,
                level="group",
                responses=_shown(n, t),
                caseload=load,
                rate=_rate(n, load, left) if load else "",
            )
        )
    return rows


def _shares(
    report: PublicReport,
    settings: Settings,
    counts: dict[str, int | None],
    names: dict[str, str],
    left: int,
    total: int | None,
) -> Reach:
    t = report.threshold
    n_sites = len(settings.sites)
    fair = 1 / n_sites
    rows, flags = [], []
    for site in settings.sites:
        n = counts[site.id]
        row = ReachRow(
            key=site.id,
            label=names[site.id],
            level="site",
            responses=_shown(n, t),
            share_of_sites=f"{pct(1, n_sites)}%",
        )
        if total:
            most = (n if n is not None else left) / total
            row.share_of_responses = (
                f"{pct(n, total)}%" if n is not None else f"under {_under(left, total)}%"
            )
            row.flagged = most < fair / 2
            if row.flagged:
                flags.append(
                    f"{names[site.id]}: {_responses(n, left)}, {row.share_of_responses} of all,"
                    f" from one of {n_sites} sites ({pct(1, n_sites)}%): well below its share"
                )
        rows.append(row)
    return Reach(mode="share", rows=rows, flags=flags, note=SHARE_NOTE)


def _shown(n: int | None, t: int) -> str:
    return str(n) if n is not None else "hidden"


def _responses(n: int | None, most: int) -> str:
    if n is None:
        return f"at most {most} responses (the number is hidden)"
    if n == 0:
        return "no responses"
    return "1 response" if n == 1 else f"{n} responses"


def _rate(n: int | None, load: int, most: int) -> str:
    if n is not None:
        return _percent(n / load)
    return f"under {_under(most, load)}%"


def _percent(share: float) -> str:
    """A rate as people read it: one decimal under 10% (1.3%, not 1%, beside "under 2%"),
    whole above."""
    value = share * 100
    return f"{value:.1f}%" if value < 10 else f"{round(value)}%"


def _under(most: int, of: int) -> int:
    """The smallest whole percent above ``most / of``: 4 of 240 (1.7%) is under 2%."""
    return 100 * most // of + 1


def reach_html(reach: Reach | None) -> str:
    """The commissioner report's reach section: flags in words first, then the table."""
    if reach is None:
        return ""
    from html import escape

    flags = "".join(f"<li><strong>{escape(f)}</strong></li>" for f in reach.flags)
    said = f"<ul class='flags'>{flags}</ul>" if flags else "<p>No site is flagged.</p>"
    if reach.mode == "caseload":
        heads = ["Site or area", "Responses", "Caseload (people served)", "Response rate"]
        cells = [
            (r.label, r.responses, "" if r.caseload is None else str(r.caseload), r.rate, r)
            for r in reach.rows
        ]
    else:
        heads = ["Site", "Responses", "Share of responses", "Share of sites"]
        cells = [
            (r.label, r.responses, r.share_of_responses, r.share_of_sites, r) for r in reach.rows
        ]
    body = "".join(
        f"<tr class='{'flag' if row.flagged else row.level}'>"
        + "".join(f"<td>{escape(v or '—')}</td>" for v in values)
        + ("<td>below</td>" if row.flagged else "<td></td>")
        + "</tr>"
        for *values, row in cells
    )
    head = "".join(f"<th>{escape(h)}</th>" for h in [*heads, "Flag"])
    return (
        "<h2>Who we heard from: responses against the people each site serves</h2>"
        f"{said}<table class='reach'><thead><tr>{head}</tr></thead><tbody>{body}</tbody>"
        f"</table><p class='note'>{escape(reach.note)}</p>"
    )


def reach_lines(reach: Reach | None) -> list[str]:
    """The staff summary's lines: each under-heard site, in words."""
    if reach is None or not reach.flags:
        return []
    return ["", "*Sites we are hearing little from*", *(f"- {f}" for f in reach.flags)]
