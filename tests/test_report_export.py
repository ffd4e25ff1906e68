"""Export files, the network report and the short text the bot will send."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.i18n import FSI, PDI, load_catalogue
from bot.report.export import build_public, export_files, network_languages, weekly_summary_text
from bot.report.period import parse_week
from bot.report.queries import ReportQueries
from bot.report.render_network import network_html, network_parts
from bot.report.synth import Response, write

WEEK = parse_week("2026-W47")
MOMENT = datetime(2026, 11, 17, 9, tzinfo=UTC)


def comment(text: str, lang: str = "en") -> Response:
    return Response("consultation", MOMENT, {"anything_else": text}, lang=lang)


async def test_network_report_says_so_when_nothing_changed(store, settings, flows):
    await write(store, flows, [comment("I waited weeks") for _ in range(6)])
    parts = network_parts(await build_public(store, settings, WEEK), load_catalogue(), "en")
    texts = [text for _, text in parts]
    assert "6 people gave feedback." in texts
    assert ("h3", "Waiting times") in parts
    assert ("quote", "I waited weeks") in parts
    assert any("nothing new to tell you" in t for t in texts)


async def test_arabic_network_report_reads_right_to_left_in_arabic(store, settings, flows):
    await write(store, flows, [comment("انتظرت أسابيع", lang="ar") for _ in range(6)])
    report = await build_public(store, settings, WEEK)
    arabic = network_html(report, load_catalogue(), "ar")
    assert '<html lang="ar" dir="rtl">' in arabic
    assert "<h1>ما أخبرتمونا به</h1>" in arabic
    assert f"عدد الأشخاص الذين شاركوا آراءهم: {FSI}6{PDI}." in arabic
    assert '<html lang="en" dir="ltr">' in network_html(report, load_catalogue(), "en")


async def test_network_report_shows_staff_updates_for_the_period(store, settings, flows):
    await write(store, flows, [comment("I waited weeks") for _ in range(6)])
    q = ReportQueries(store)
    await q.add_update("We now open until 8pm on Thursdays.", "2026-11-20")
    await q.add_update("An older change.", "2026-10-01")
    texts = [
        t for _, t in network_parts(await build_public(store, settings, WEEK), load_catalogue())
    ]
    assert "We now open until 8pm on Thursdays." in texts
    assert "An older change." not in texts
    assert not any("nothing new to tell you" in t for t in texts)


async def test_quotes_wait_until_a_theme_has_enough_people(store, settings, flows):
    await write(store, flows, [comment("Nobody called me back") for _ in range(4)])
    report = await build_public(store, settings, WEEK)
    assert report.quotes == []
    parts = network_parts(report, load_catalogue())
    assert ("quote", "Nobody called me back") not in parts
    assert "Fewer than 5 people gave feedback, so we do not show the numbers." in [
        t for _, t in parts
    ]


async def test_a_language_with_few_responses_gets_no_report_of_its_own(store, settings, flows):
    people = [comment("I waited weeks") for _ in range(6)]
    people += [comment("Czekałem długo", lang="pl") for _ in range(5)]
    people += [comment("Am așteptat", lang="ro") for _ in range(2)]
    await write(store, flows, people)
    report = await build_public(store, settings, WEEK)
    # 2 Romanian would be 13 - 6 - 5: hiding it hides Polish too (secondary suppression).
    assert network_languages(report) == ["en"]
    await write(store, flows, [comment("Obrigado", lang="pt") for _ in range(3)])
    report = await build_public(store, settings, WEEK)
    # Now the two small ones (2 + 3) would cover each other, but this week's Polish was
    # hidden once to protect the 2 Romanians: shown now, it gives them back (ledger).
    assert network_languages(report) == ["en"]
    later = [replace(p, started_at=p.started_at + timedelta(days=7)) for p in people]
    later += [replace(comment("Obrigado", lang="pt"), started_at=MOMENT + timedelta(days=7))] * 3
    await write(store, flows, later)
    report = await build_public(store, settings, parse_week("2026-W48", WEEK.timezone))
    # A new week: the two small ones (2 + 3) cover each other, and Polish can be shown.
    assert network_languages(report) == ["en", "pl"]


async def test_export_writes_every_format(store, settings, flows, tmp_path):
    await write(store, flows, [comment("I waited weeks") for _ in range(6)])
    files = await export_files(store, settings, WEEK, out_dir=tmp_path)
    names = sorted(p.name for p in files)
    assert names == [
        "commissioners.html",
        "report.csv",
        "report.json",
        "report.schema.json",
        "report.xlsx",
        "summary.md",
    ]
    assert all(p.parent == tmp_path / "2026-W47" and p.stat().st_size > 0 for p in files)
    html = (tmp_path / "2026-W47" / "commissioners.html").read_text()
    assert "<script" not in html and "http" not in html.split("<body>")[1]
    network = await export_files(
        store, settings, WEEK, audience="network", formats=["html", "md"], out_dir=tmp_path
    )
    assert sorted(p.name for p in network) == ["network.en.html", "network.en.md"]


async def test_comments_are_escaped_in_html(store, settings, flows, tmp_path):
    evil = "I waited <script>alert(1)</script> weeks"
    await write(store, flows, [comment(evil) for _ in range(6)])
    await export_files(store, settings, WEEK, formats=["html"], out_dir=tmp_path)
    html = (tmp_path / "2026-W47" / "commissioners.html").read_text()
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


async def test_weekly_summary_text_for_the_staff_chat(store, settings, flows):
    await write(store, flows, [comment("I waited weeks") for _ in range(6)])
    text = await weekly_summary_text(store, settings, "2026-W47")
    assert text.startswith("*Feedback summary 2026-W47*")
    assert "Responses: 6" in text
    assert "Waiting times: 100% of commenters" in text
    assert len(text) < 4096  # one Telegram message


async def test_an_export_cut_short_leaves_no_half_written_file_under_a_reports_name(
    store, settings, flows, tmp_path
):
    """A full disk (here: files may not grow past a limit, as the kernel enforces it)
    part-way through an export: the export fails, and every file under a report's name
    is still a whole one from the last export, never the first half of a new one."""
    import resource

    await write(store, flows, [comment(f"I waited {n} weeks for a call back") for n in range(40)])
    files = await export_files(store, settings, WEEK, out_dir=tmp_path)
    before = {p.name: p.read_bytes() for p in files}
    biggest = max(len(data) for data in before.values())
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (biggest // 2, hard))
    try:
        with pytest.raises(OSError):
            await export_files(store, settings, WEEK, out_dir=tmp_path)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    folder = tmp_path / "2026-W47"
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


async def test_the_risk_sentence_reads_as_a_sentence_with_its_change_apart(store, settings, flows):
    """'raised a risk flag no change and were shown helplines' was the change pasted into the
    middle of the sentence."""
    from bot.report.render_html import commissioner_html

    await write(store, flows, [comment("I waited weeks") for _ in range(6)])
    html = commissioner_html(await build_public(store, settings, WEEK))
    assert "raised a risk flag and were shown helplines at the time" in html
    assert "flag no change" not in html


async def test_an_export_does_not_spend_its_time_in_the_cycle_collector(
    store, settings, flows, tmp_path
):
    """The collector walked every live object again and again during a big export,
    looking for cycles an export does not make (issue 17: a tenth of a 1M-answer month's
    CPU).  Held off while the export counts and suppresses, and back on afterwards, also
    when the export fails (a full disk): a bot that exported must keep collecting."""
    import gc
    import resource

    await write(store, flows, [comment(f"I waited {n} weeks for a call back") for n in range(40)])
    collecting: list[bool] = []
    files = await export_files(
        store,
        settings,
        WEEK,
        out_dir=tmp_path,
        progress=lambda _: collecting.append(gc.isenabled()),
    )
    assert collecting and not any(collecting)
    assert gc.isenabled()
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (max(p.stat().st_size for p in files) // 2, hard))
    try:
        with pytest.raises(OSError):
            await export_files(store, settings, WEEK, out_dir=tmp_path)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert gc.isenabled()
