"""The commissioner report says how much feedback was given in an unchecked translation."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime

from openpyxl import load_workbook

from bot.report.export import build_public, export_files
from bot.report.period import parse_week
from bot.report.synth import Response, write

WEEK = parse_week("2026-W47")
MOMENT = datetime(2026, 11, 17, 9, tzinfo=UTC)


def comment(text: str, lang: str = "en", site: str | None = None) -> Response:
    return Response("consultation", MOMENT, {"anything_else": text}, lang=lang, site=site)


def cells(report, key: str):
    row = report.table("by_translation").row(key, "translation")
    return row.cells["responses"], row.cells["answers"]


async def test_answers_in_unreviewed_translations_are_counted_in_every_format(
    store, settings, flows, tmp_path
):
    # The shipped catalogues are machine translations nobody has checked (all fuzzy).
    people = [comment("I waited weeks") for _ in range(6)]
    people += [comment("Czekałem długo", lang="pl") for _ in range(7)]
    people += [comment("Am așteptat", lang="ro") for _ in range(2)]
    await write(store, flows, people)
    report = await build_public(store, settings, WEEK)
    reviewed, reviewed_answers = cells(report, "reviewed")
    unreviewed, unreviewed_answers = cells(report, "unreviewed")
    assert (reviewed.count, reviewed_answers.count) == (6, 6)
    assert (unreviewed.count, unreviewed.pct, unreviewed_answers.count) == (9, 60, 9)
    assert report.table("by_translation").row("unknown", "translation") is None

    files = await export_files(store, settings, WEEK, out_dir=tmp_path)
    by_name = {p.name: p for p in files}
    html = by_name["commissioners.html"].read_text()
    assert "Translation the answers were given in" in html
    assert "In a translation not yet checked by a translator" in html
    assert "Given in a translation not yet checked by a translator: 9 responses (60%)" in html
    assert "Polish (0 of " in html and "texts checked by a translator)" in html
    assert "In a translation not yet checked: 9 responses, 9 answers" in (
        by_name["summary.md"].read_text()
    )
    with by_name["report.csv"].open() as fh:
        rows = [r for r in csv.DictReader(fh) if r["table"] == "by_translation"]
    assert {(r["group"], r["measure"], r["count"]) for r in rows} >= {
        ("unreviewed", "responses", "9"),
        ("unreviewed", "answers", "9"),
    }
    sheet = load_workbook(by_name["report.xlsx"])["By translation"]
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    assert [
        "translation",
        "In a translation not yet checked by a translator",
        9,
        0.6,
        9,
    ] in values
    data = json.loads(by_name["report.json"].read_text())
    table = next(t for t in data["tables"] if t["id"] == "by_translation")
    assert len(table["rows"]) == 2


async def test_a_few_answers_in_an_unchecked_translation_are_hidden_like_any_count(
    store, settings, flows, tmp_path
):
    """3 people in Polish: hidden, and the English row with it, or 9 - 6 gives it back."""
    people = [comment("I waited weeks") for _ in range(6)]
    people += [comment("Czekałem długo", lang="pl") for _ in range(3)]
    await write(store, flows, people)
    report = await build_public(store, settings, WEEK)
    assert report.table("headline").rows[0].base.count == 9
    unreviewed, answers = cells(report, "unreviewed")
    assert unreviewed.suppressed and unreviewed.count is None and unreviewed.pct is None
    assert answers.suppressed and answers.count is None
    reviewed, _ = cells(report, "reviewed")
    assert reviewed.suppressed
    files = await export_files(store, settings, WEEK, out_dir=tmp_path, formats=["md", "html"])
    md = next(p for p in files if p.suffix == ".md").read_text()
    hidden = "a hidden number of"
    assert f"In a translation not yet checked: {hidden} responses, {hidden} answers" in md
    html = next(p for p in files if p.suffix == ".html").read_text()
    assert f"not yet checked by a translator: {hidden} responses (*), {hidden} answers" in html


async def test_sessions_from_before_revisions_were_kept_are_not_recorded(store, settings, flows):
    await write(store, flows, [comment("Czekałem długo", lang="pl") for _ in range(6)])
    await store.write("UPDATE sessions SET catalogue_revision = NULL")
    report = await build_public(store, settings, WEEK)
    assert cells(report, "unknown")[0].count == 6
    assert cells(report, "unreviewed")[0].count == 0


async def test_a_sites_report_counts_its_translations_too(store, settings, flows):
    """Site reports are built from a snapshot: it must hold the catalogue revisions."""
    people = [comment("Czekałem długo", lang="pl", site="wisbech_hub") for _ in range(6)]
    people += [comment("I waited weeks", site="cambridge_hub") for _ in range(6)]
    await write(store, flows, people)
    report = await build_public(store, settings, WEEK, site="wisbech_hub")
    assert cells(report, "unreviewed")[0].count == 6
    assert cells(report, "reviewed")[0].count == 0


async def test_labels_that_start_like_formulas_stay_text_in_csv_and_xlsx(
    store, settings, flows, tmp_path
):
    """A site named by someone else ("=HYPERLINK(...)") must not run in a spreadsheet."""
    evil = '=HYPERLINK("http://x.example","Wisbech")'
    sites = [
        s.model_copy(update={"name": {"en": evil}}) if s.id == "wisbech_hub" else s
        for s in settings.sites
    ]
    settings = settings.model_copy(update={"sites": sites})
    await write(store, flows, [comment("I waited", site="wisbech_hub") for _ in range(6)])
    files = await export_files(store, settings, WEEK, out_dir=tmp_path, formats=["csv", "xlsx"])
    by_name = {p.name: p for p in files}
    with by_name["report.csv"].open() as fh:
        labels = {r["group_label"] for r in csv.DictReader(fh) if r["group"] == "wisbech_hub"}
    assert labels == {"'" + evil}
    book = load_workbook(by_name["report.xlsx"])
    cells = [c for row in book["By site"].iter_rows() for c in row if c.value == evil]
    assert cells and all(c.data_type == "s" for c in cells)
