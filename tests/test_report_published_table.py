"""Reproduce a published consultation table: 115 answers, 72% agree, 14% disagree, 45% strongly."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, datetime

from openpyxl import load_workbook

from bot.report.export import build_public, export_files
from bot.report.period import parse_week
from bot.report.render_html import commissioner_html
from bot.report.render_tabular import summary_text, to_csv
from bot.report.synth import Response, write

WEEK = parse_week("2026-W47")
# 52 + 31 = 83 of 115 agree (72.2%), 52 strongly (45.2%), 10 + 6 = 16 disagree (13.9%).
PUBLISHED = {
    "strongly_agree": 52,
    "agree": 31,
    "neither": 16,
    "disagree": 10,
    "strongly_disagree": 6,
}


async def test_the_report_prints_the_published_figures(store, settings, flows, tmp_path):
    moment = datetime(2026, 11, 18, 12, tzinfo=UTC)
    answers = [v for v, n in PUBLISHED.items() for _ in range(n)]
    await write(
        store,
        flows,
        [
            Response(
                "consultation",
                moment,
                {"prison_service": v},
                respondent_group="service_user",
                area="peterborough",
            )
            for v in answers
        ],
    )
    report = await build_public(store, settings, WEEK)
    row = report.table("likert:consultation:prison_service").row("all")
    assert row.base.count == 115
    assert (row.cells["top_two"].pct, row.cells["bottom_two"].pct) == (72, 14)
    assert row.cells["strongly_agree"].pct == 45

    html = commissioner_html(report)
    section = html[html.index("specialist drug and alcohol service in prison") :]
    first_row = re.search(r"<td>All respondents</td>(.*?)</tr>", section).group(1)
    cells = re.findall(r"<td>(.*?)</td>", first_row)
    # n, SA, A, N, D, SD, % agree, % disagree, prefer not to say
    assert cells == ["115", "45%", "27%", "14%", "9%", "5%", "72%", "14%", "0"]

    tidy = list(csv.DictReader(io.StringIO(to_csv(report))))
    mine = {
        r["measure"]: r
        for r in tidy
        if r["table"].endswith("prison_service") and r["group"] == "all"
    }
    assert mine["top_two"]["display"] == "72%"
    assert mine["bottom_two"]["display"] == "14%"
    assert mine["strongly_agree"]["percent"] == "45"
    assert "specialist drug and alcohol service in prison: 72% agree" in summary_text(report)

    files = await export_files(store, settings, WEEK, formats=["xlsx", "json"], out_dir=tmp_path)
    data = json.loads(next(p for p in files if p.name == "report.json").read_text())
    table = next(t for t in data["tables"] if t["id"] == "likert:consultation:prison_service")
    assert table["rows"][0]["cells"]["top_two"]["pct"] == 72
    book = load_workbook(next(p for p in files if p.suffix == ".xlsx"))
    sheet = book["Q prison_service"]
    header = [c.value for c in sheet[3]]
    overall = [c.value for c in sheet[4]]
    assert overall[header.index("% agree (top two) (%)")] == 0.72
    assert overall[header.index("% disagree (bottom two) (%)")] == 0.14
    assert overall[header.index("Strongly agree (%)")] == 0.45
    # A commissioner must see "72%", not "0.72", under a "(%)" heading.
    for heading in header:
        if heading.endswith("(%)"):
            assert sheet[4][header.index(heading)].number_format == "0%", heading
