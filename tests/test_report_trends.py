"""Issue 17: trends by month, and the FFT in the commissioner report."""

from __future__ import annotations

import asyncio
import csv
import json
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.cli import main
from bot.report.export import build_public
from bot.report.period import Period, parse_range, whole_months
from bot.report.synth import Response, random_responses, write
from bot.store import Store
from tests.conftest import ROOT

YEAR = parse_range("2025-12-01", "2026-11-30", "Europe/London")


def _fill(settings, flows, responses: list[Response]) -> None:
    async def go() -> None:
        store = await Store.open(settings.database)
        try:
            await write(store, flows, responses)
        finally:
            await store.close()

    asyncio.run(go())


def _config(tmp_path: Path, settings) -> str:
    text = (ROOT / "config.yaml").read_text(encoding="utf-8")
    text = text.replace("./data/feedback.db", str(settings.database))
    text = text.replace("./flows", str(ROOT / "flows"))
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _year_of_answers(settings, flows) -> list[Response]:
    """A year of synthetic answers, with January left nearly empty (two people)."""
    people = random_responses(flows, settings, 900, YEAR, seed=5, flow_id="service_feedback")
    people = [p for p in people if p.started_at.month != 1]
    for day in (10, 11):
        people.append(
            Response(
                "service_feedback",
                datetime(2026, 1, day, 12, tzinfo=UTC),
                {"fft": "very_good", "treatment_satisfaction": "satisfied"},
                site="wisbech_hub",
                area="cambridgeshire",
            )
        )
    return people


def _month_counts(database: Path, step: str, months: list[Period]) -> dict[str, tuple]:
    """(n, top two) per month for one question, counted by hand in SQL."""
    fft = step == "fft"
    out = {}
    with sqlite3.connect(database) as conn:
        for m in months:
            lo, hi = m.bounds()
            n, top = conn.execute(
                "SELECT count(*), coalesce(sum(a.score >= 4), 0)"
                " FROM answers a JOIN sessions s ON s.id = a.session_id"
                " WHERE a.step_id = ? AND s.started_at >= ? AND s.started_at < ?"
                f"{'' if fft else ' AND a.score IS NOT NULL'}",
                (step, lo, hi),
            ).fetchone()
            out[m.label] = (n, top)
    return out


def test_months_12_adds_a_trend_per_likert_question_and_the_fft(tmp_path, settings, flows, capsys):
    _fill(settings, flows, _year_of_answers(settings, flows))
    out = tmp_path / "out"
    args = ["export", "--from", "2026-11-01", "--to", "2026-11-30", "--months", "12"]
    assert main(["--config", _config(tmp_path, settings), *args, "--out", str(out)]) == 0
    folder = out / "2026-11-01_to_2026-11-30"
    report = json.loads((folder / "report.json").read_text())
    trends = {t["question_id"]: t for t in report["tables"] if t["kind"] == "trend"}
    assert {"fft", "treatment_satisfaction", "assessment_satisfaction"} <= set(trends)
    months = whole_months(YEAR)
    for step in ("fft", "treatment_satisfaction"):
        table = trends[step]
        assert [r["key"] for r in table["rows"]] == [m.label for m in months]
        assert table["rows"][0]["label"] == "Dec 2025"
        hand = _month_counts(settings.database, step, months)
        for row in table["rows"]:
            n, top = hand[row["key"]]
            if row["base"]["count"] is not None:
                assert row["base"]["count"] == n, (step, row["key"])
            if row["cells"]["top_two"]["pct"] is not None:
                # The shipped disclosure mode (base) gives the share without its count.
                assert row["cells"]["top_two"]["count"] in (None, top)
                assert row["cells"]["top_two"]["pct"] == (200 * top + n) // (2 * n)
    # November is the report's own period: its trend row is the question's overall row.
    question = next(t for t in report["tables"] if t["id"] == "likert:service_feedback:fft")
    overall = question["rows"][0]
    assert trends["fft"]["rows"][-1]["base"]["count"] == overall["base"]["count"]
    assert trends["fft"]["labels"] == {"top_two": "% positive", "bottom_two": "% negative"}

    # January had two people: its shares are hidden in every format, and its n too.
    january = next(r for r in trends["fft"]["rows"] if r["key"] == "2026-01")
    assert january["cells"]["top_two"]["pct"] is None and january["base"]["count"] is None
    with (folder / "report.csv").open(encoding="utf-8") as fh:
        lines = [
            r
            for r in csv.DictReader(fh)
            if r["table"] == "trend:service_feedback:fft" and r["group"] == "2026-01"
        ]
    assert lines and all(r["suppressed"] == "True" for r in lines)

    html = (folder / "commissioners.html").read_text(encoding="utf-8")
    assert "<h2>NHS Friends and Family Test</h2>" in html
    assert "<h2>Trends by month</h2>" in html
    charts = re.findall(r'<svg[^>]*id="?[^>]*>.*?</svg>|<svg.*?</svg>', html, re.S)
    trend_charts = [c for c in charts if "by month</title>" in c]
    assert len(trend_charts) == len(trends)
    fft_chart = next(c for c in trend_charts if "% positive and % negative" in c)
    assert "<desc" in fft_chart and "Jan 2026: % positive hidden, % negative hidden (n hidden)" in (
        fft_chart.replace("&#x27;", "'")
    )
    assert fft_chart.count("<polyline") >= 2  # a gap in January: the line breaks
    for m in months[1:]:
        n = _month_counts(settings.database, "fft", [m])[m.label][0]
        if m.label != "2026-01":
            assert f"n={n:,}" in fft_chart
    assert "wrote 6 file(s)" in capsys.readouterr().out


def test_two_whole_months_get_their_trend_and_a_week_gets_none(settings, flows):
    _fill(settings, flows, _year_of_answers(settings, flows))

    async def tables(period: Period, trend) -> list[str]:
        store = await Store.open(settings.database)
        try:
            report = await build_public(store, settings, period, trend=trend)
        finally:
            await store.close()
        return [t.id for t in report.tables if t.kind == "trend"]

    from argparse import Namespace

    from bot.report.cli import trend_from

    two = parse_range("2026-10-01", "2026-11-30", "Europe/London")
    trend = trend_from(Namespace(months=None), two)
    assert [m.label for m in trend] == ["2026-10", "2026-11"]
    assert "trend:service_feedback:fft" in asyncio.run(tables(two, trend))
    week = parse_range("2026-11-16", "2026-11-22", "Europe/London")
    assert trend_from(Namespace(months=None), week) is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--week", "2026-W47", "--months", "12"], "--months needs a period of whole months"),
        (["--from", "2026-11-03", "--to", "2026-11-30", "--months", "3"], "whole months"),
        (["--months", "0"], "--months takes 1 to 36"),
        (["--months", "400"], "--months takes 1 to 36"),
    ],
)
def test_months_that_cannot_be_a_trend_are_explained(tmp_path, settings, args, message, capsys):
    code = main(["--config", _config(tmp_path, settings), "export", *args, "--out", str(tmp_path)])
    assert code == 2
    assert message in capsys.readouterr().err
    assert not list(tmp_path.glob("*/report.*"))


def test_dont_know_is_in_the_fft_base_and_counted_on_its_own(settings, flows):
    moment = datetime(2026, 11, 10, 12, tzinfo=UTC)
    answers = ["very_good"] * 5 + ["good"] * 5 + ["poor"] * 5 + ["dont_know"] * 5
    _fill(settings, flows, [Response("service_feedback", moment, {"fft": a}) for a in answers])

    async def build():
        store = await Store.open(settings.database)
        try:
            return await build_public(store, settings, parse_range("2026-11-01", "2026-11-30"))
        finally:
            await store.close()

    report = asyncio.run(build())
    row = report.table("likert:service_feedback:fft").row("all")
    assert row.base.count == 20  # Don't know is in the base
    assert (row.cells["top_two"].pct, row.cells["bottom_two"].pct) == (50, 25)
    assert (row.cells["dont_know"].count, row.cells["dont_know"].pct) == (5, 25)
    assert "prefer_not" not in row.cells
    sites = report.table("fft_sites")
    assert sites.row("all").base.count == 20


def test_last_period_of_a_month_is_the_month_before_so_no_day_is_left_between(
    tmp_path, settings, flows
):
    """November's 'last period' was 2 to 31 October (30 days), while the trend showed
    October whole: the trend's n less 'last period' n counted the people of 1 October."""
    _fill(settings, flows, _year_of_answers(settings, flows))
    out = tmp_path / "out"
    args = ["export", "--from", "2026-11-01", "--to", "2026-11-30", "--months", "3"]
    assert main(["--config", _config(tmp_path, settings), *args, "--out", str(out)]) == 0
    report = json.loads(next(out.rglob("report.json")).read_text())
    assert (report["previous_period"]["start"], report["previous_period"]["end"]) == (
        "2026-10-01",
        "2026-10-31",
    )
    trend = next(t for t in report["tables"] if t["id"] == "trend:service_feedback:fft")
    october = next(r for r in trend["rows"] if r["key"] == "2026-10")
    question = next(t for t in report["tables"] if t["id"] == "likert:service_feedback:fft")
    assert october["base"]["count"] == question["rows"][0]["base"]["prev"]


def test_the_trend_hides_what_the_last_period_s_own_report_hid():
    """Published apart, the two could disagree: a share the previous report held back
    (to protect a small group) must not be read off the trend's row for that month."""
    from bot.report.model import Cell, PublicReport, Row, Table
    from bot.report.period import month
    from bot.report.trends import hide_as_published

    def shell(period: Period, tables: list[Table]) -> PublicReport:
        return PublicReport(
            period=period,
            previous_period=period.previous(),
            generated_at="2026-12-01T09:00:00+00:00",
            threshold=5,
            tables=tables,
            themes=[],
            quotes=[],
            updates=[],
            languages=[],
            codebook_version=1,
        )

    november, october = month(datetime(2026, 11, 5).date()), month(datetime(2026, 10, 5).date())
    shown = {"top_two": Cell(count=9, pct=45), "bottom_two": Cell(count=6, pct=30)}
    trend = Table(
        id="trend:service_feedback:fft",
        kind="trend",
        title="FFT",
        flow_id="service_feedback",
        question_id="fft",
        scale="fft",
        columns=["top_two", "bottom_two"],
        labels={},
        pct_columns=["top_two", "bottom_two"],
        rows=[
            Row(key=m.label, label=m.label, split="month", base=Cell(count=20), cells=shown)
            for m in (october, november)
        ],
    )
    held_back = Table(
        id="likert:service_feedback:fft",
        kind="likert",
        title="FFT",
        columns=["top_two", "bottom_two"],
        labels={},
        rows=[
            Row(
                key="all",
                label="All",
                base=Cell(count=20),
                cells={
                    "top_two": Cell(count=9, pct=45),
                    "bottom_two": Cell(suppressed=True),
                },
            )
        ],
    )
    after = hide_as_published(shell(november, [trend]), shell(october, [held_back]))
    rows = {r.key: r for r in after.table(trend.id).rows}
    assert rows["2026-10"].cells["bottom_two"].count is None
    assert rows["2026-10"].cells["bottom_two"].pct is None
    assert rows["2026-10"].cells["top_two"].pct == 45
    assert rows["2026-11"].cells["bottom_two"].pct == 30  # this period's own row is untouched
