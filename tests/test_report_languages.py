"""Comments in languages the bot does not offer: counted, named only in numbers, suppressed."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.i18n import load_catalogue
from bot.report.aggregate import ReportBuilder
from bot.report.export import export_files
from bot.report.period import parse_week
from bot.report.suppress import publish
from bot.report.synth import Response, write
from bot.report.themes import load_codebook
from bot.store import AnswerMeta

WEEK = parse_week("2026-W47")
MONDAY = datetime(2026, 11, 16, 10, tzinfo=UTC)


def comments(lang: str | None, n: int) -> list[Response]:
    meta = {"anything_else": AnswerMeta(detected_lang=lang, lang_prob=0.99)}
    return [
        Response("consultation", MONDAY, {"anything_else": "some words"}, meta=meta)
        for _ in range(n)
    ]


async def build(store, settings, threshold=5):
    settings = settings.model_copy(update={"suppression_threshold": threshold})
    builder = ReportBuilder(store, settings, load_codebook(settings.flows_dir), load_catalogue())
    return publish(await builder.build(WEEK))


def counts(table) -> dict[str, int | None]:
    return {r.key: r.cells["comments"].count for r in table.rows}


async def test_languages_we_do_not_offer_get_a_table_of_their_own(store, settings, flows):
    people = comments("uk", 6) + comments("ps", 3) + comments("fa", 2) + comments("pl", 7)
    await write(store, flows, people + comments(None, 5))
    report = await build(store, settings)
    languages = report.table("comment_languages")
    assert counts(languages) == {"all": 23, "pl": 7, "_not_offered": 11, "_not_stated": 5}
    assert languages.row("_not_offered", "lang").label == "Languages we do not offer"
    unoffered = report.table("unoffered_languages")
    assert unoffered.title == "Comments written in languages we do not offer"
    assert counts(unoffered) == {"uk": 6, "_rare": 5}
    assert unoffered.row("uk", "lang").label == "Ukrainian"
    assert unoffered.row("uk", "lang").cells["comments"].pct == 26  # 6 of 23 comments


async def test_a_rare_language_is_never_named(store, settings, flows):
    """A row of its own, even with its count hidden, would say someone wrote in Pashto."""
    await write(store, flows, comments("uk", 6) + comments("ps", 3) + comments("pl", 7))
    report = await build(store, settings)
    dumped = report.model_dump_json()
    assert "Pashto" not in dumped and '"ps"' not in dumped
    # Pashto's 3 are hidden; the total of 9 is shown, so Ukrainian's 6 must go too.
    assert counts(report.table("comment_languages"))["_not_offered"] == 9
    unoffered = report.table("unoffered_languages")
    assert counts(unoffered) == {"uk": None, "_rare": None}
    assert all(r.cells["comments"].pct is None for r in unoffered.rows)


async def test_the_table_is_in_every_export(store, settings, flows, tmp_path):
    await write(store, flows, comments("pl", 6) + comments("uk", 5))
    settings = settings.model_copy(update={"suppression_threshold": 5})
    paths = await export_files(store, settings, WEEK, formats=["html", "xlsx"], out_dir=tmp_path)
    html = next(p for p in paths if p.suffix == ".html").read_text("utf-8")
    assert "Comments written in languages we do not offer" in html
    assert "<td>Ukrainian</td>" in html


async def test_once_a_language_is_offered_it_is_counted_as_offered(store, settings, flows):
    await write(store, flows, comments("pl", 6) + comments("uk", 5))
    report = await build(store, settings.model_copy(update={"languages": ["en", "pl", "uk"]}))
    assert counts(report.table("unoffered_languages")) == {}
    assert counts(report.table("comment_languages")) == {
        "all": 11,
        "pl": 6,
        "uk": 5,
        "_not_offered": 0,
    }


async def test_every_format_renders_an_empty_table(store, settings, flows, tmp_path):
    await write(store, flows, comments("pl", 6))
    paths = await export_files(store, settings, WEEK, out_dir=tmp_path)
    html = next(p for p in paths if p.suffix == ".html").read_text("utf-8")
    assert "None this period." in html


async def test_no_quote_from_a_language_with_few_comments(store, settings, flows):
    """A quote shows its language (and its words): from one Pashto speaker, it names them."""

    def waited(lang: str, text: str, n: int) -> list[Response]:
        meta = {"anything_else": AnswerMeta(detected_lang=lang, lang_prob=0.99)}
        return [
            Response("consultation", MONDAY, {"anything_else": text}, meta=meta) for _ in range(n)
        ]

    await write(
        store,
        flows,
        waited("en", "I waited weeks for a first appointment", 5)
        + waited("ps", "ما د لومړي ملاقات لپاره ډېر انتظار وکړ", 1),
    )
    report = await build(store, settings)
    assert report.table("themes").row("waiting_times").cells["respondents"].count == 6
    assert [q.lang for q in report.quotes] == ["en"]
    assert "ps" not in {q.lang for q in report.quotes}
