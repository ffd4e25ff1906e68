"""An intruder reads the published report and tries to work out the hidden numbers.

Random services (areas, sites, groups), random small crowds, the real export
(files written by ``export_files``, read back as a reader would: JSON, CSV,
XLSX).  The intruder collects every published figure and every linear
relation that holds between the report's numbers (the report's own, plus
those a reader knows from the config and the method note: a site is inside its
area, the open questions' answers add up to the comments), knows whatever the
relations leave unpublished (the worst case), and reads every percentage with
its base as a pair of inequalities.  For every hidden cell two linear programs
(scipy's ``linprog``) find the least and the greatest value it can take.  A
hidden cell pinned down, or pinned within less than the threshold, fails.
"""

from __future__ import annotations

import asyncio
import csv
import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

scipy_optimize = pytest.importorskip("scipy.optimize")

from bot.config import Area, Disclosure, Settings, Site  # noqa: E402
from bot.flows import load_flows  # noqa: E402
from bot.i18n import load_catalogue  # noqa: E402
from bot.report.aggregate import ReportBuilder  # noqa: E402
from bot.report.export import export_files  # noqa: E402
from bot.report.model import HIDDEN, SHARE_KINDS, Report  # noqa: E402
from bot.report.period import Period, parse_range, parse_week, whole_months  # noqa: E402
from bot.report.synth import Response, random_responses, write  # noqa: E402
from bot.report.themes import load_codebook  # noqa: E402
from bot.service import option_ids  # noqa: E402
from bot.store import Store  # noqa: E402

WEEK = parse_week("2026-W47")
Ref = tuple[str, str, str, str]


# -- the world: a random service and a random crowd


def _service(settings: Settings, rng: random.Random) -> Settings:
    areas, sites = [], []
    for a in range(rng.randint(1, 3)):
        area_id = f"area_{a}"
        areas.append(Area(id=area_id, name={"en": f"Area {a}"}))
        for s in range(rng.randint(1, 4)):
            sites.append(Site(id=f"site_{a}_{s}", area=area_id, name={"en": f"Site {a}.{s}"}))
    return settings.model_copy(
        update={"areas": areas, "sites": sites, "suppression_threshold": rng.choice([3, 5, 10])}
    )


def _crowd(settings: Settings, flows: dict, rng: random.Random, seed: int) -> list[Response]:
    n = rng.randint(8, 70)
    people = random_responses(flows, settings, n, WEEK, seed=seed)
    # Skewed, so some sites, groups and languages have one or two people.
    site_weights = [rng.random() ** 3 for _ in settings.sites]
    groups = list(settings.respondent_groups)
    group_weights = [rng.random() ** 3 for _ in groups]
    for person in people:
        if rng.random() < 0.1:
            person.site = None
            person.area = rng.choice([None, *[a.id for a in settings.areas]])
        else:
            site = rng.choices(settings.sites, site_weights)[0]
            person.site, person.area = site.id, site.area
        if rng.random() < 0.9:
            person.respondent_group = rng.choices(groups, group_weights)[0]
        if "respondent_group" in person.answers and person.respondent_group:
            person.answers["respondent_group"] = person.respondent_group
        for step_id in [k for k in person.answers if k in ("site", "area")]:
            del person.answers[step_id]
    earlier = datetime.combine(WEEK.start, datetime.min.time(), UTC) - timedelta(days=3)
    people += [
        Response("consultation", earlier, {}, completed=rng.random() < 0.5)
        for _ in range(rng.randint(0, 6))
    ]
    return people


# -- what the intruder reads


def _published(folder: Path) -> tuple[dict[str, Any], dict[Ref, int | None], dict[Ref, Any]]:
    """The JSON as published; every count by cell; every cell's numbers (pct, prev, change)."""
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    counts: dict[Ref, int | None] = {}
    figures: dict[Ref, dict[str, Any]] = {}
    for table in report["tables"]:
        for row in table["rows"]:
            entries = list(row["cells"].items())
            if row["base"] is not None:
                entries.append(("base", row["base"]))
            for column, cell in entries:
                ref = (table["id"], row["split"], row["key"], column)
                counts[ref] = cell["count"]
                figures[ref] = cell
    return report, counts, figures


def _check_csv_and_xlsx_agree(folder: Path, report: dict[str, Any]) -> None:
    """The other formats publish exactly the JSON's numbers: no format shows more."""
    by_key = {}
    for line in csv.DictReader((folder / "report.csv").open(encoding="utf-8")):
        by_key[(line["table"], line["split"], line["group"], line["measure"])] = line
    book = load_workbook(folder / "report.xlsx", read_only=True)
    sheets = book.worksheets
    for index, table in enumerate(report["tables"]):
        lines = list(sheets[index].iter_rows(min_row=4, values_only=True))
        has_base = any(r["base"] is not None for r in table["rows"])
        for row, line in zip(table["rows"], lines, strict=True):
            values = list(line[2:])
            if has_base:
                base = values.pop(0)
                assert _same(base, row["base"]["count"] if row["base"] else None), (table, row)
            for column in table["columns"]:
                cell = row["cells"][column]
                assert _same(values.pop(0), cell["count"]), (table["id"], row["key"], column)
                if column in table["pct_columns"]:
                    shown = values.pop(0)
                    pct = None if shown in (None, "*") else round(float(shown) * 100)
                    assert pct == cell["pct"], (table["id"], row["key"], column, shown)
                measure = column
                got = by_key[(table["id"], row["split"], row["key"], measure)]
                assert (got["count"] or None) == _text(cell["count"]), got
            if row["base"] is not None:
                got = by_key[(table["id"], row["split"], row["key"], "n")]
                assert (got["count"] or None) == _text(row["base"]["count"]), got


def _same(shown: object, count: int | None) -> bool:
    if count is None:
        return shown is None or (isinstance(shown, str) and shown == HIDDEN)
    return shown == count


def _text(count: int | None) -> str | None:
    return None if count is None else str(count)


def _share_base(table: dict[str, Any], row: dict[str, Any]) -> Ref | None:
    """What a percentage is of, as the method note and column headings say."""
    if row["base"] is not None:
        return (table["id"], row["split"], row["key"], "base")
    if table["kind"] == "breakdown":
        return ("headline", "overall", "all", "base")
    if table["kind"] == "languages" and row["key"] != "all":
        return ("comment_languages", "overall", "all", "comments")
    return None


def _reader_relations(report: dict[str, Any], settings: Settings) -> list[tuple[Ref, list[Ref]]]:
    """Relations a reader knows without being told: from config and the method note."""
    out = []
    tables = {t["id"]: t for t in report["tables"]}
    if "by_area" in tables and "by_site" in tables:
        area_of = {s.id: s.area for s in settings.sites}
        for row in tables["by_area"]["rows"]:
            if row["key"] == "_not_stated":
                continue
            parts = [
                ("by_site", "site", r["key"], "responses")
                for r in tables["by_site"]["rows"]
                if area_of.get(r["key"]) == row["key"]
            ]
            out.append((("by_area", "area", row["key"], "responses"), parts))
    if "open" in tables and "comment_languages" in tables:
        out.append(
            (
                ("comment_languages", "overall", "all", "comments"),
                [("open", "overall", r["key"], "answered") for r in tables["open"]["rows"]],
            )
        )
    for table in report["tables"]:
        for row in table["rows"]:
            cells = row["cells"]
            ref = lambda c, r=row, t=table: (t["id"], r["split"], r["key"], c)  # noqa: E731
            if table["kind"] == "likert":
                options = [c for c in table["columns"] if c not in ("top_two", "bottom_two")][:5]
                # The FFT's base counts "Don't know" too (the method note says so).
                options += [c for c in table["columns"] if c == "dont_know"]
                out.append((ref("base"), [ref(o) for o in options]))
            if {"answered", "not_answered"} <= set(cells):
                out.append((ref("base"), [ref("answered"), ref("not_answered")]))
    return out


# -- the attack


def _bounds(
    raw: Report,
    report: dict[str, Any],
    counts: dict[Ref, int | None],
    settings: Settings,
) -> dict[Ref, tuple[float, float]]:
    """Least and greatest value of each hidden cell, given everything published."""
    true = _true_counts(raw)
    relations = [(r.total, r.parts) for r in raw.relations]
    relations += _reader_relations(report, settings)
    hidden = sorted(ref for ref, value in counts.items() if value is None)
    if not hidden:
        return {}
    variables: dict[object, int] = {ref: i for i, ref in enumerate(hidden)}
    actual = {i: float(true[ref]) for ref, i in variables.items()}
    equalities: list[tuple[dict[int, float], float]] = []
    bounds_ub: list[tuple[dict[int, float], float]] = []
    no_site: dict[int, float] = {}
    for total, parts in relations:
        if total not in counts:
            continue
        parts = [p for p in parts if p in counts]  # a row not published is a zero
        rest = true[total] - sum(true[p] for p in parts)
        line: dict[int, float] = {}
        constant = 0.0
        # An area's sites leave out its answers that named no site: a reader cannot know
        # how many (not even that there were none), whatever the true rest is.
        in_area = total[1] == "area" and bool(parts) and all(p[1] == "site" for p in parts)
        if rest or (in_area and total[0] != "by_area"):
            # Something no table shows (an area's responses with no site): an unknown >= 0.
            assert rest >= 0, (total, parts, rest)
            # The same relation known twice (declared, and read from config) has one rest.
            slack = variables.setdefault(("rest", total, tuple(sorted(parts))), len(variables))
            actual[slack] = rest
            line[slack] = -1.0
            if total[0] == "by_area":
                no_site[slack] = 1.0
        for ref, sign in [(total, 1), *((p, -1) for p in parts)]:
            if counts[ref] is None:
                line[variables[ref]] = line.get(variables[ref], 0.0) + sign
            else:
                constant -= sign * counts[ref]
        if any(line.values()):
            equalities.append((line, constant))
        else:
            assert constant == 0, (total, parts)  # the relation holds in what is published
    # Responses with no site: those in an area that named none, and those with no area.
    site_ns = ("by_site", "site", "_not_stated", "responses")
    area_ns = ("by_area", "area", "_not_stated", "responses")
    if site_ns in counts or no_site:
        line, constant = {k: -v for k, v in no_site.items()}, 0.0
        for ref, sign in ((site_ns, 1), (area_ns, -1)):
            if ref not in counts:
                continue
            if counts[ref] is None:
                line[variables[ref]] = line.get(variables[ref], 0.0) + sign
            else:
                constant -= sign * counts[ref]
        if any(line.values()):
            equalities.append((line, constant))
    for table in report["tables"]:
        for row in table["rows"]:
            base_ref = _share_base(table, row)
            for column, cell in row["cells"].items():
                ref = (table["id"], row["split"], row["key"], column)
                # A count shown as 'last period + change' is a count published.
                if (
                    cell["count"] is None
                    and cell["change"] is not None
                    and cell["prev"] is not None
                    and column not in table["pct_columns"]
                ):
                    equalities.append(({variables[ref]: 1.0}, cell["prev"] + cell["change"]))
                p = cell["pct"]
                if p is None or base_ref not in counts:
                    continue
                # pct = round half up (100 c / B): 2pB - B <= 200c <= 2pB + B.
                for coef_c, coef_b in ((-200.0, 2 * p - 1.0), (200.0, -(2 * p + 1.0))):
                    line, constant = {}, 0.0
                    for r, coef in ((ref, coef_c), (base_ref, coef_b)):
                        if counts[r] is None:
                            line[variables[r]] = line.get(variables[r], 0.0) + coef
                        else:
                            constant -= coef * counts[r]
                    if line:
                        bounds_ub.append((line, constant))
                    else:
                        assert constant >= -1e-9, (ref, p)
    return {ref: _range(variables[ref], equalities, bounds_ub, len(variables)) for ref in hidden}


def _range(
    target: int,
    equalities: list[tuple[dict[int, float], float]],
    bounds_ub: list[tuple[dict[int, float], float]],
    size: int,
) -> tuple[float, float]:
    """min and max of one variable, over the constraints connected to it (the rest are free)."""
    reach, frontier = {target}, [target]
    touching: dict[int, list[int]] = {}
    rows = equalities + bounds_ub
    for i, (line, _) in enumerate(rows):
        for v in line:
            touching.setdefault(v, []).append(i)
    used: set[int] = set()
    while frontier:
        v = frontier.pop()
        for i in touching.get(v, []):
            if i not in used:
                used.add(i)
                for w in rows[i][0]:
                    if w not in reach:
                        reach.add(w)
                        frontier.append(w)
    cols = {v: k for k, v in enumerate(sorted(reach))}

    def matrix(part: list[tuple[dict[int, float], float]], offset: int):
        picked = [(line, c) for i, (line, c) in enumerate(part) if i + offset in used]
        if not picked:
            return None, None
        a = [[0.0] * len(cols) for _ in picked]
        for r, (line, _) in enumerate(picked):
            for v, coef in line.items():
                a[r][cols[v]] = coef
        return a, [c for _, c in picked]

    a_eq, b_eq = matrix(equalities, 0)
    a_ub, b_ub = matrix(bounds_ub, len(equalities))
    objective = [0.0] * len(cols)
    ends = []
    for sign in (1.0, -1.0):
        objective[cols[target]] = sign
        result = scipy_optimize.linprog(
            objective,
            A_ub=a_ub,
            b_ub=b_ub,
            A_eq=a_eq,
            b_eq=b_eq,
            bounds=(0, None),
            method="highs",
        )
        if result.status == 3:  # unbounded: no greatest value
            ends.append(float("inf"))
            continue
        assert result.status == 0, result.message
        ends.append(sign * result.fun)
    return ends[0], ends[1]


def _true_counts(raw: Report) -> dict[Ref, int]:
    true = {}
    for table in raw.tables:
        for row in table.rows:
            if row.base is not None:
                true[(table.id, row.split, row.key, "base")] = row.base.count or 0
            for column, cell in row.cells.items():
                true[(table.id, row.split, row.key, column)] = cell.count or 0
    return true


def _attack(
    settings: Settings,
    flows: dict,
    people: list[Response],
    tmp: Path,
    period: Period = WEEK,
    trend: list[Period] | None = None,
):
    async def run() -> tuple[Report, Path]:
        store = await Store.open(tmp / "db.sqlite")
        try:
            await write(store, flows, people)
            builder = ReportBuilder(
                store, settings, load_codebook(settings.flows_dir), load_catalogue()
            )
            raw = await builder.build(period, trend=trend)
            files = await export_files(
                store,
                settings,
                period,
                formats=["json", "csv", "xlsx"],
                out_dir=tmp / "out",
                trend=trend,
            )
            # (This writes report.json again, over the first: the same model, same trend.)
            await export_files(
                store, settings, period, audience="network", out_dir=tmp / "out", trend=trend
            )
            return raw, files[0].parent
        finally:
            await store.close()

    raw, folder = asyncio.run(run())
    report, counts, _ = _published(folder)
    _check_csv_and_xlsx_agree(folder, report)
    bounds = _bounds(raw, report, counts, settings)
    true = _true_counts(raw)
    t = settings.suppression_threshold
    exposed = {
        ref: (round(lo, 3), round(hi, 3), true[ref])
        for ref, (lo, hi) in bounds.items()
        if hi - lo < t - 1e-6 and ref not in _withheld(report, settings)
    }
    return exposed, bounds


def _withheld(report: dict[str, Any], settings: Settings) -> set[Ref]:
    """In ``disclosure.mode: base`` the counts behind a share table's percentages are
    withheld, not protected: a row's shares are published once its base is big enough
    (GP Patient Survey's rule), and then say its counts.  What stays protected is every
    count of people: who answered (group, area, site, language, mode), each row's n, and
    how many people raised each theme ("You said: waiting times (12 people)").  A share
    table's implied cell (a trend month's ``rest``: n less top and bottom two) is a share
    as well: 100% less the shares shown."""
    if settings.disclosure.mode != "base":
        return set()
    return {
        (table["id"], row["split"], row["key"], column)
        for table in report["tables"]
        if table["kind"] in SHARE_KINDS
        for row in table["rows"]
        for column in {*table["pct_columns"], *(set(row["cells"]) - set(table["columns"]))}
        if (table["kind"], column) != ("themes", "respondents")
    }


@pytest.mark.parametrize("mode", ["cells", "base"])
@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6, 7, 8])
def test_no_hidden_cell_can_be_worked_out_from_what_is_published(settings, seed, mode, tmp_path):
    rng = random.Random(seed)
    service = _service(settings, rng)
    service = service.model_copy(update={"disclosure": Disclosure(mode=mode)})
    flows = load_flows(service.flows_dir, service.languages, option_ids(service))
    people = _crowd(service, flows, rng, seed)
    exposed, bounds = _attack(service, flows, people, tmp_path)
    assert bounds, "the crowd was meant to have small numbers to hide"
    assert not exposed, f"hidden cells the published figures pin down (min, max, true): {exposed}"


@pytest.mark.parametrize("seed", [1, 2, 3, 6])
def test_trend_months_that_make_up_the_period_give_nothing_away(settings, seed, tmp_path):
    """Issue 17: a report of October and November with its two trend months.  Each
    month adds up to the question's own row; no hidden cell may be worked out from
    the months and the whole together (nor the FFT's sites from its areas)."""
    rng = random.Random(seed)
    service = _service(settings, rng)
    flows = load_flows(service.flows_dir, service.languages, option_ids(service))
    people = _crowd(service, flows, rng, seed)
    period = parse_range("2026-10-01", "2026-11-30", "Europe/London")
    for person in people:
        person.started_at = datetime(2026, rng.choice([10, 11]), rng.randint(2, 27), 12, tzinfo=UTC)
    trend = whole_months(period)
    exposed, bounds = _attack(service, flows, people, tmp_path, period, trend)
    report = json.loads(next((tmp_path / "out").rglob("report.json")).read_text())
    assert any(t["kind"] == "trend" for t in report["tables"])
    assert any(t["kind"] == "fft" for t in report["tables"])
    assert bounds, "the crowd was meant to have small numbers to hide"
    assert not exposed, f"hidden cells the published figures pin down (min, max, true): {exposed}"
