"""'What changed' notes: every reader sees every note, in their language where one exists."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.cli import main
from bot.i18n import load_catalogue
from bot.report.export import build_public
from bot.report.period import parse_week
from bot.report.queries import ReportQueries
from bot.report.render_network import network_parts
from bot.report.synth import Response, write
from bot.updates import news, publish
from tests.conftest import ROOT

WEEK = parse_week("2026-W47")
MOMENT = datetime(2026, 11, 17, 9, tzinfo=UTC)
CATALOGUE = load_catalogue()


async def texts(store, settings, lang: str) -> list[str]:
    report = await build_public(store, settings, WEEK)
    return [text for _, text in network_parts(report, CATALOGUE, lang)]


async def test_a_polish_note_does_not_hide_the_english_ones_or_the_other_way_round(
    store, settings, flows
):
    await write(store, flows, [Response("consultation", MOMENT, {"anything_else": "ok"})] * 6)
    q = ReportQueries(store)
    await q.add_update("We now open until 8pm on Thursdays.", "2026-11-18", "en")
    await q.add_update("Mamy teraz tłumacza w środy.", "2026-11-19", "pl")
    english = await texts(store, settings, "en")
    assert "We now open until 8pm on Thursdays." in english
    assert "\u2068Mamy teraz tłumacza w środy.\u2069 (written in Polish)" in english
    polish = await texts(store, settings, "pl")
    assert "Mamy teraz tłumacza w środy." in polish
    english_note = "\u2068We now open until 8pm on Thursdays.\u2069"
    assert f"{english_note} (napisano w języku: angielski)" in polish
    arabic = await texts(store, settings, "ar")
    assert sum("We now open" in t or "Mamy teraz" in t for t in arabic) == 2


async def test_a_translation_replaces_its_note_for_readers_of_its_language(store, settings, flows):
    await write(store, flows, [Response("consultation", MOMENT, {"anything_else": "ok"})] * 6)
    q = ReportQueries(store)
    note = await q.add_update("We now open until 8pm on Thursdays.", "2026-11-18", "en")
    await q.add_update("Jesteśmy otwarci do 20:00 w czwartki.", "2026-12-25", "pl", note)
    polish = await texts(store, settings, "pl")
    assert "Jesteśmy otwarci do 20:00 w czwartki." in polish  # dated as its original
    assert not any("We now open" in t for t in polish)
    english = await texts(store, settings, "en")
    assert "We now open until 8pm on Thursdays." in english
    assert not any("Jesteśmy" in t for t in english)


async def test_news_shows_every_note_marked_with_its_language(store):
    await publish(store, "We now open until 8pm on Thursdays.", "en", "te_staff", date(2026, 1, 5))
    await publish(store, "Mamy teraz tłumacza w środy.", "pl", "te_staff", date(2026, 1, 6))
    polish = await news(store, CATALOGUE, "pl")
    assert "Mamy teraz tłumacza w środy." in polish
    assert "Thursdays.\u2069 (napisano w języku: angielski)" in polish
    english = await news(store, CATALOGUE, "en")
    assert "\u2068Mamy teraz tłumacza w środy.\u2069 (written in Polish)" in english


def test_update_add_normalises_and_checks_the_language(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FEEDBACK_BOT_DATABASE", str(tmp_path / "n.db"))
    config = str(ROOT / "config.yaml")
    assert main(["--config", config, "update", "add", "Mamy tłumacza.", "--lang", "PL"]) == 0
    assert main(["--config", config, "update", "add", "Hallo.", "--lang", "de"]) == 2
    assert "'de' is not an enabled language" in capsys.readouterr().err
    assert main(["--config", config, "update", "list"]) == 0
    listed = capsys.readouterr().out
    assert "\tpl\tMamy tłumacza." in listed and "Hallo" not in listed
    args = ["update", "add", "We have an interpreter.", "--translates", "1"]
    assert main(["--config", config, *args]) == 0
    assert main(["--config", config, *args[:2], "Mamy.", "--lang", "pl", "--translates", "1"]) == 2
    assert "already in 'pl'" in capsys.readouterr().err
    assert main(["--config", config, *args[:2], "x", "--translates", "99"]) == 2
    assert "no note 99" in capsys.readouterr().err


async def test_network_reports_in_other_languages_have_no_english_dates_or_theme_names(
    store, settings, flows, tmp_path
):
    await write(
        store, flows, [Response("consultation", MOMENT, {"anything_else": "I waited weeks"})] * 6
    )
    report = await build_public(store, settings, parse_week("2026-W47", "Europe/London"))
    polish = "\n".join(text for _, text in network_parts(report, CATALOGUE, "pl"))
    assert "16 listopada 2026 – 22 listopada 2026 (Europe/London)" in polish
    assert "Czas oczekiwania" in polish
    assert "November" not in polish and "Waiting times" not in polish
    arabic = "\n".join(text for _, text in network_parts(report, CATALOGUE, "ar"))
    assert "نوفمبر" in arabic and "أوقات الانتظار" in arabic
    assert "November" not in arabic and "Waiting times" not in arabic
    english = "\n".join(text for _, text in network_parts(report, CATALOGUE, "en"))
    assert "16 November 2026 – 22 November 2026" in english


def test_check_flows_counts_untranslated_reader_strings(capsys):
    assert main(["--config", str(ROOT / "config.yaml"), "check-flows"]) == 0
    out = capsys.readouterr().out
    assert "network report, untranslated reader-visible strings: en 0, pl 0," in out
