"""Small numbers never get out: not directly, not by subtraction, in no format."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import re
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from openpyxl import load_workbook

from bot.i18n import load_catalogue
from bot.report.aggregate import ReportBuilder
from bot.report.compare import with_previous
from bot.report.model import Cell, Relation, Report, Row, Table
from bot.report.period import parse_week
from bot.report.render_html import commissioner_html
from bot.report.render_network import network_html, network_parts
from bot.report.render_tabular import summary_text, to_csv, to_json, write_xlsx
from bot.report.suppress import publish
from bot.report.synth import Response, write
from bot.report.themes import load_codebook
from bot.store import Store

WEEK = parse_week("2026-W47")
T = 5


def _report(counts: dict[str, int], relations: list[Relation]) -> Report:
    row = Row(key="all", label="All", cells={k: Cell(count=v) for k, v in counts.items()})
    table = Table(id="t", kind="breakdown", title="t", columns=list(counts), labels={}, rows=[row])
    return Report(
        period=WEEK,
        previous_period=WEEK.previous(),
        generated_at="",
        threshold=T,
        tables=[table],
        relations=relations,
        themes=[],
        quotes=[],
        updates=[],
        languages=[],
        codebook_version=1,
    )


def ref(col: str) -> tuple[str, str, str, str]:
    return ("t", "overall", "all", col)


def test_a_small_count_and_the_part_that_would_give_it_away_are_both_hidden():
    report = _report(
        {"total": 53, "a": 3, "b": 0, "c": 50},
        [Relation(total=ref("total"), parts=[ref("a"), ref("b"), ref("c")])],
    )
    cells = publish(report).tables[0].rows[0].cells
    assert cells["a"].count is None and cells["a"].suppressed
    # 53 - 0 - 50 would give 3: the next smallest non-zero part goes too.
    assert cells["c"].count is None
    assert (cells["total"].count, cells["b"].count) == (53, 0)


def test_a_large_count_hidden_beside_a_small_one_is_never_called_small(tmp_path):
    """'<5' beside the hidden 50 was untrue, and '<5' only on the 3 would point at it."""
    report = _report(
        {"total": 53, "a": 3, "b": 0, "c": 50},
        [Relation(total=ref("total"), parts=[ref("a"), ref("b"), ref("c")])],
    )
    public = publish(report)
    assert "<5" not in to_json(public)  # null and "suppressed": true, as ever
    shown = [to_csv(public), commissioner_html(public)]
    write_xlsx(public, tmp_path / "r.xlsx")
    sheet = load_workbook(tmp_path / "r.xlsx").worksheets[1]
    shown.append(" ".join(str(c.value) for row in sheet.iter_rows() for c in row))
    for text in shown:
        assert "<5" not in text and "&lt;5" not in text
        assert "[c]" in text
    cells = [row for row in csv.DictReader(io.StringIO(to_csv(public)))]
    assert {r["measure"]: r["display"] for r in cells} == {
        "total": "53",
        "a": "[c]",
        "b": "0",
        "c": "[c]",
    }


def test_two_small_hidden_parts_that_add_to_under_the_threshold_are_not_enough():
    report = _report(
        {"total": 40, "a": 1, "b": 2, "c": 7, "d": 30},
        [Relation(total=ref("total"), parts=[ref(k) for k in "abcd"])],
    )
    cells = publish(report).tables[0].rows[0].cells
    assert [cells[k].count for k in "abcd"] == [None, None, None, 30]


def test_a_hidden_total_with_all_parts_shown_hides_a_part():
    report = _report(
        {"total": 4, "a": 0, "b": 0},
        [Relation(total=ref("total"), parts=[ref("a"), ref("b")])],
    )
    # Zeros describe no one, but the total must not be recoverable as their sum... of zeros
    # it is 0, not 4: parts that add to a hidden total cannot all be shown when it is hidden.
    cells = publish(report).tables[0].rows[0].cells
    assert cells["total"].count is None
    assert cells["a"].count is None or cells["b"].count is None


def test_renderers_refuse_a_raw_report():
    raw = _report({"a": 3}, [])
    with pytest.raises(TypeError):
        commissioner_html(raw)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        to_csv(raw)  # type: ignore[arg-type]


# -- property: whatever the data, no format shows a count from 1 to T-1 or lets one be worked out

likert_value = st.sampled_from(
    ["strongly_agree", "agree", "neither", "disagree", "strongly_disagree", "prefer_not_to_say"]
)
person = st.tuples(
    likert_value,
    st.sampled_from(["service_user", "family_carer", "provider_staff", None]),
    st.sampled_from(["cambridgeshire", "peterborough", None]),
    st.sampled_from(["own_device", "peer_assisted", "paper"]),
    st.sampled_from(["en", "pl", "ro"]),
    st.booleans(),
    st.sampled_from([None, "I waited weeks", "My keyworker was brilliant", "The bus is too far"]),
)


def _small(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < T


def _check_relations(raw: Report, public) -> None:
    shown = {}
    for table in public.tables:
        for row in table.rows:
            if row.base is not None:
                shown[(table.id, row.split, row.key, "base")] = row.base.count
            for col, cell in row.cells.items():
                shown[(table.id, row.split, row.key, col)] = cell.count
    true = {}
    for table in raw.tables:
        for row in table.rows:
            if row.base is not None:
                true[(table.id, row.split, row.key, "base")] = row.base.count
            for col, cell in row.cells.items():
                true[(table.id, row.split, row.key, col)] = cell.count
    for rel in raw.relations:
        if rel.total not in shown or shown[rel.total] is None:
            # Hidden total: at least one part must be hidden too, or the parts add up to it.
            if rel.total in shown and true[rel.total]:
                assert any(shown.get(p) is None for p in rel.parts), rel
            continue
        hidden = [p for p in rel.parts if shown.get(p) is None]
        if hidden:
            assert len(hidden) >= 2, rel
            assert sum(true[p] for p in hidden) >= T, rel


def _check_formats(public, tmp: Path) -> None:
    for row in csv.DictReader(io.StringIO(to_csv(public))):
        if row["count"]:
            assert not _small(int(row["count"])), row
        if row["percent"]:
            assert row["count"], row  # a percentage is never shown without its count

    def walk(node):
        if isinstance(node, dict):
            if "count" in node and "pct" in node:
                assert not _small(node["count"]), node
                assert node["pct"] is None or node["count"] is not None, node
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(to_json(public)))
    path = tmp / "r.xlsx"
    write_xlsx(public, path)
    for sheet in load_workbook(path).worksheets:
        header = [c.value or "" for c in sheet[3]]
        for line in sheet.iter_rows(min_row=4, values_only=True):
            for head, value in zip(header, line, strict=False):
                if not str(head).endswith("(%)"):  # shares of 1 are 100%, not one person
                    assert not _small(value), (sheet.title, line)
    html = commissioner_html(public)
    for cell in re.findall(r"<td>([\d,]+)</td>", html):
        assert not _small(int(cell.replace(",", ""))), cell
    network = " ".join(text for _, text in network_parts(public, load_catalogue(), "en"))
    network_html(public, load_catalogue())  # renders without error
    for text in (summary_text(public), network):
        # "About 3 in 10 people" is a share in tenths, not a count of people.
        for number in re.findall(r"(?<![\d.%-])(\d+)(?![\d%])(?! in 10\b)", text):
            # Percentages carry '%'; the threshold and dates are not counts of people.
            if _small(int(number)):
                assert re.search(rf"(under|than|<) ?{number}\b", text), (number, text)


@hsettings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(people=st.lists(person, min_size=0, max_size=45), earlier=st.integers(0, 12))
def test_no_format_leaks_a_small_count(settings, flows, people, earlier):
    async def run(tmp: Path) -> None:
        store = await Store.open(tmp / "db.sqlite")
        try:
            start = datetime(2026, 11, 16, 9, tzinfo=UTC)
            responses = []
            for i, (value, group, area, mode, lang, done, comment) in enumerate(people):
                answers = {"one_service": value}
                if comment:
                    answers["one_service_why"] = comment
                responses.append(
                    Response(
                        "consultation",
                        start + timedelta(hours=i),
                        answers,
                        lang=lang,
                        mode=mode,
                        respondent_group=group,
                        area=area,
                        completed=done,
                    )
                )
            responses += [
                Response("consultation", start - timedelta(days=3), {"one_service": "agree"})
                for _ in range(earlier)
            ]
            await write(store, flows, responses)
            s = settings.model_copy(update={"suppression_threshold": T})
            builder = ReportBuilder(store, s, load_codebook(s.flows_dir), load_catalogue())
            raw = await builder.build(WEEK)
            public = publish(raw)
            _check_relations(raw, public)
            previous = publish(await builder.build(WEEK.previous()))
            _check_formats(with_previous(public, previous), tmp)
        finally:
            await store.close()

    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(run(Path(tmp)))


def test_a_site_hidden_alone_in_its_area_cannot_be_found_by_subtraction(settings, flows, tmp_path):
    """Issue 18's case: Peterborough 13 − Peterborough hub 10 gave HMP Peterborough's 3."""
    people = {"cambridge_hub": 20, "huntingdon_hub": 6, "peterborough_hub": 10}
    people["hmp_peterborough"] = 3
    area_of = {s.id: s.area for s in settings.sites}

    async def run() -> dict:
        store = await Store.open(tmp_path / "db.sqlite")
        try:
            start = datetime(2026, 11, 16, 9, tzinfo=UTC)
            crowd = [
                Response(
                    "consultation",
                    start + timedelta(minutes=i),
                    {"one_service": "agree"},
                    site=site,
                    area=area_of[site],
                )
                for site, n in people.items()
                for i in range(n)
            ]
            await write(store, flows, crowd)
            s = settings.model_copy(update={"suppression_threshold": T})
            from bot.report.export import export_files

            files = await export_files(store, s, WEEK, formats=["json"], out_dir=tmp_path)
            path = next(f for f in files if f.name == "report.json")
            return json.loads(path.read_text(encoding="utf-8"))
        finally:
            await store.close()

    report = asyncio.run(run())
    shown = {
        (t["id"], r["key"]): r["cells"]["responses"]["count"]
        for t in report["tables"]
        if t["id"] in ("by_site", "by_area")
        for r in t["rows"]
    }
    assert shown[("by_site", "hmp_peterborough")] is None
    for area in ("cambridgeshire", "peterborough"):
        if shown[("by_area", area)] is None:
            continue
        inside = [site for site, a in area_of.items() if a == area and site in people]
        hidden = [site for site in inside if shown[("by_site", site)] is None]
        # Subtracting the shown sites from the area leaves the hidden ones' sum: it must
        # cover at least two sites and at least the threshold.
        assert not hidden or (len(hidden) >= 2 and sum(people[h] for h in hidden) >= T), (
            area,
            hidden,
        )
