"""The codebook: validation with file:line, tagging in several languages, staff overrides."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.i18n import load_catalogue
from bot.report.aggregate import ReportBuilder
from bot.report.period import parse_week
from bot.report.queries import ReportQueries
from bot.report.suppress import publish
from bot.report.synth import Response, write
from bot.report.themes import load_codebook
from bot.sources import SourceErrors

ROOT = Path(__file__).resolve().parent.parent
WEEK = parse_week("2026-W47")


@pytest.mark.parametrize(
    ("text", "themes"),
    [
        ("I waited 6 weeks for my script", {"waiting_times", "prescribing_pharmacy"}),
        ("Czekałem bardzo długo na metadon", {"waiting_times", "prescribing_pharmacy"}),
        ("Am așteptat mult, nimeni nu mi-a spus nimic", {"waiting_times", "communication"}),
        ("A farmácia fica muito longe", {"prescribing_pharmacy", "access_travel"}),
        ("Никто не сказал мне о группе", {"group_work", "communication"}),
        (
            "They gave me naloxone when I was released from prison",
            {"harm_reduction", "prison_release"},
        ),
        ("business as usual", set()),
    ],
)
def test_comments_are_tagged_in_several_languages(text, themes):
    assert set(load_codebook(ROOT / "flows").tag(text)) == themes


def test_a_broken_codebook_names_file_line_and_field(tmp_path):
    shutil.copy(ROOT / "flows" / "themes.yaml", tmp_path / "themes.yaml")
    path = tmp_path / "themes.yaml"
    text = path.read_text().replace("en: ['\\bbus(es)?\\b']", "en: ['bus(es']", 1)
    path.write_text(text)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "bus(es'" in row)
    with pytest.raises(SourceErrors) as caught:
        load_codebook(tmp_path)
    message = str(caught.value)
    assert f"themes.yaml:{line}:" in message or f"themes.yaml:{line - 1}:" in message
    assert "not valid" in message


async def test_staff_review_replaces_automatic_tags_and_is_counted_as_reviewed(
    store, settings, flows
):
    moment = datetime(2026, 11, 17, 9, tzinfo=UTC)
    await write(
        store,
        flows,
        [Response("consultation", moment, {"anything_else": "I waited weeks"}) for _ in range(6)],
    )
    codebook = load_codebook(settings.flows_dir)
    s = settings.model_copy(update={"suppression_threshold": 1})
    builder = ReportBuilder(store, s, codebook, load_catalogue())
    themes = publish(await builder.build(WEEK)).table("themes")
    waiting = themes.row("waiting_times").cells
    assert (waiting["respondents"].count, waiting["auto"].count, waiting["reviewed"].count) == (
        6,
        6,
        0,
    )

    q = ReportQueries(store)
    comments = await q.comments(WEEK)
    assert all(auto == ["waiting_times"] and reviewed is None for _, _, auto, reviewed in comments)
    first, second = comments[0][0], comments[1][0]
    assert await q.set_review(first, ["housing"])  # staff read it differently
    assert await q.set_review(second, [])  # and found no theme in this one
    assert not await q.set_review(999_999, ["housing"])

    themes = publish(await builder.build(WEEK)).table("themes")
    waiting = themes.row("waiting_times").cells
    housing = themes.row("housing").cells
    assert (waiting["respondents"].count, waiting["auto"].count, waiting["reviewed"].count) == (
        4,
        4,
        0,
    )
    assert (housing["respondents"].count, housing["reviewed"].count) == (1, 1)

    assert await q.clear_review(first)
    themes = publish(await builder.build(WEEK)).table("themes")
    assert themes.row("waiting_times").cells["respondents"].count == 5


async def test_tags_and_reviews_go_when_the_answers_are_deleted(store, settings, flows):
    moment = datetime(2026, 11, 17, 9, tzinfo=UTC)
    await write(store, flows, [Response("consultation", moment, {"anything_else": "I waited"})])
    q = ReportQueries(store)
    await q.tag_comments(WEEK, load_codebook(settings.flows_dir))
    answer_id = (await q.comments(WEEK))[0][0]
    await q.set_review(answer_id, ["housing"])
    assert await store.delete_respondent("synthetic_0") == 1
    for table in ("answer_themes", "answer_tagging", "theme_reviews"):
        async with store.db.execute(f"SELECT count(*) FROM {table}") as cur:
            assert (await cur.fetchone())[0] == 0, table
