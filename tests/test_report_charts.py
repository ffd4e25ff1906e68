"""The Likert charts, read as a reader (or a screen reader) would: bars, labels, words."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from itertools import pairwise

import pytest

from bot.i18n import load_catalogue
from bot.report.aggregate import ReportBuilder
from bot.report.charts import COLOURS, FOOTNOTE, TOO_SMALL, WIDTH, likert_chart
from bot.report.export import build_public
from bot.report.period import parse_week
from bot.report.render_html import commissioner_html
from bot.report.synth import Response, write
from bot.report.themes import load_codebook

WEEK = parse_week("2026-W47")
MOMENT = datetime(2026, 11, 18, 12, tzinfo=UTC)
TABLE = "likert:consultation:prison_service"


def people(counts: dict[str, int], group: str = "service_user") -> list[Response]:
    return [
        Response(
            "consultation",
            MOMENT,
            {"prison_service": value},
            respondent_group=group,
            area="peterborough",
        )
        for value, n in counts.items()
        for _ in range(n)
    ]


class Chart:
    """An SVG chart parsed into what is drawn where."""

    def __init__(self, svg: str):
        assert "http" not in svg  # nothing to fetch, nothing to follow
        self.root = ET.fromstring(svg)
        self.texts = [(t.text or "", t.attrib) for t in self.root.iter("text")]
        ticks = {float(a["x"]) for text, a in self.texts if text == "100%"}
        self.left, self.right = min(ticks), max(ticks)
        self.per_point = (self.right - self.left) / 200  # width of one percentage point

    def x(self, value: float) -> float:
        return self.left + (value + 100) * self.per_point

    def label_y(self, prefix: str) -> float:
        found = [float(a["y"]) for text, a in self.texts if text.startswith(prefix)]
        assert found, f"no line labelled {prefix!r} in {[t for t, _ in self.texts]}"
        return found[0]

    def bars_at(self, label: str) -> list[tuple[str, float, float]]:
        """(colour, left, width) of the bars on the line of ``label``, left to right."""
        y = self.label_y(label)
        bars = []
        for rect in self.root.iter("rect"):
            a = rect.attrib
            top, height = float(a["y"]), float(a["height"])
            if a["fill"] in COLOURS and float(a["width"]) != height and top < y < top + height:
                bars.append((a["fill"], float(a["x"]), float(a["width"])))
        return sorted(bars, key=lambda b: b[1])

    def words_at(self, label: str) -> list[str]:
        y = self.label_y(label)
        return [text for text, a in self.texts if abs(float(a["y"]) - y) < 1 and text != label]


async def test_bar_widths_are_the_published_shares(store, settings, flows):
    # 52 + 31 + 16 + 10 + 6 = 115: 45%, 27%, 14%, 9%, 5%.
    published = {
        "strongly_agree": 52,
        "agree": 31,
        "neither": 16,
        "disagree": 10,
        "strongly_disagree": 6,
    }
    await write(store, flows, people(published))
    report = await build_public(store, settings, WEEK)
    table = report.table(TABLE)
    chart = Chart(likert_chart(report, table))
    bars = chart.bars_at("All respondents (n=115)")
    # Most negative on the left: strongly disagree (dark red) to strongly agree (dark blue).
    assert [colour for colour, _, _ in bars] == COLOURS
    shares = [width / chart.per_point for _, _, width in bars]
    assert shares == pytest.approx([5, 9, 14, 27, 45], abs=0.01)
    # The bars touch, and "neither" is split evenly across the zero line.
    for (_, x0, w0), (_, x1, _) in pairwise(bars):
        assert x0 + w0 == pytest.approx(x1, abs=0.02)
    _, neither_x, neither_w = bars[2]
    assert neither_x + neither_w / 2 == pytest.approx(chart.x(0), abs=0.02)
    # Shares of 8% or more are written on their bar; 5% is too narrow to hold a number.
    assert set(chart.words_at("All respondents (n=115)")) == {"9", "14", "27", "45"}
    # The legend names the five answers, most positive first.
    legend = [t for t, _ in chart.texts if t in ("Strongly agree", "Agree", "Neither")]
    assert legend == ["Strongly agree", "Agree", "Neither"]
    assert chart.root.find("title").text == table.title
    desc = chart.root.find("desc").text
    assert "All respondents (n=115): strongly agree 45%, agree 27%, neither 14%" in desc


async def test_small_numbers_are_not_drawn_and_the_chart_says_so(store, settings, flows):
    # 4 strongly agree is too few to show, so overall only the combined shares are
    # drawn.  Other professionals: every answer is under 5, so nothing is drawn.
    crowd = people({"strongly_agree": 3, "agree": 5, "neither": 5, "disagree": 5})
    crowd += people({"agree": 6, "disagree": 6}, group="family_carer")
    crowd += people(
        {"strongly_agree": 1, "agree": 1, "neither": 1, "disagree": 1, "strongly_disagree": 1},
        group="other_professional",
    )
    await write(store, flows, crowd)
    report = await build_public(store, settings, WEEK)
    table = report.table(TABLE)
    overall = table.row("all")
    assert overall.cells["strongly_agree"].pct is None
    top, mid, bottom = (overall.cells[c].pct for c in ("top_two", "neither", "bottom_two"))
    assert None not in (top, mid, bottom)
    pros = table.row("other_professional", "respondent_group")
    assert all(pros.cells[c].pct is None for c in ("top_two", "neither", "bottom_two"))

    chart = Chart(likert_chart(report, table))
    combined = "All respondents (n=35) †"
    bars = chart.bars_at(combined)
    assert [(c, round(w / chart.per_point)) for c, _, w in bars] == [
        (COLOURS[1], bottom),
        (COLOURS[2], mid),
        (COLOURS[3], top),
    ]
    assert chart.bars_at("Other professionals (n=5)") == []
    assert chart.words_at("Other professionals (n=5)") == [TOO_SMALL]
    desc = chart.root.find("desc").text
    assert f"Other professionals (n=5): {TOO_SMALL}." in desc
    assert f"{combined}: strongly agree or agree {top}%, neither {mid}%" in desc

    html = commissioner_html(report)
    assert FOOTNOTE in html.replace("&#x27;", "'")


async def test_labels_are_escaped_and_every_mark_fits_the_page(store, settings, flows):
    await write(store, flows, people({"agree": 10, "disagree": 10}))
    report = await build_public(store, settings, WEEK)
    table = report.table(TABLE).model_copy(deep=True)
    long = (
        "Family members, partners & carers of people <in> treatment across the whole county"
        " and in the city of Peterborough"
    )
    table.rows[0].label = long
    svg = likert_chart(report, table)
    chart = Chart(svg)  # parses: the label's & and < were escaped
    lines = [t for t, _ in chart.texts if t and long.startswith(t.rstrip("…").split(" (n=")[0])]
    assert lines and lines[0] == "Family members, partners & carers of people"
    # Cut to two lines, the second still ending with the number of people.
    second = [t for t, _ in chart.texts if t.endswith("… (n=20)")]
    assert len(second) == 1 and second[0].startswith("<in> treatment")
    assert f"{long} (n=20): " in chart.root.find("desc").text  # in full for screen readers
    box = [float(v) for v in chart.root.attrib["viewBox"].split()]
    assert box[2] == WIDTH
    for rect in chart.root.iter("rect"):
        assert (
            0
            <= float(rect.attrib["x"])
            <= float(rect.attrib["x"]) + float(rect.attrib["width"])
            <= WIDTH
        )


async def test_charts_are_only_drawn_from_a_suppressed_report(store, settings, flows):
    await write(store, flows, people({"agree": 10}))
    builder = ReportBuilder(store, settings, load_codebook(settings.flows_dir), load_catalogue())
    raw = await builder.build(WEEK)
    with pytest.raises(TypeError):
        likert_chart(raw, raw.table(TABLE))  # type: ignore[arg-type]
