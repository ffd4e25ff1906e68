"""'You said, we did', linked: updates name the themes they answer, reports pair them."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from bot.cli import main
from bot.i18n import load_catalogue
from bot.report.export import build_public, export_files
from bot.report.period import parse_week
from bot.report.queries import ReportQueries
from bot.report.render_html import commissioner_html
from bot.report.render_network import network_html, network_parts
from bot.report.synth import Response, write
from bot.store import Store

WEEK = parse_week("2026-W47")
MOMENT = datetime(2026, 11, 17, 9, tzinfo=UTC)
CATALOGUE = load_catalogue()
WAITED = "I waited six weeks for my first appointment, far too long."
HOMELESS = "I was homeless when I came out and the hostel was full of drugs."


def comment(text: str) -> Response:
    return Response("consultation", MOMENT, {"anything_else": text})


def people() -> list[Response]:
    """12 said waiting times, 6 housing, 3 stigma (under the threshold)."""
    judged = "Staff at the chemist made me feel judged when I picked up my script."
    return [comment(WAITED)] * 12 + [comment(HOMELESS)] * 6 + [comment(judged)] * 3


@pytest.fixture
def config(tmp_path, monkeypatch, settings, flows):
    monkeypatch.setenv("FEEDBACK_BOT_DATABASE", str(settings.database))
    monkeypatch.setenv("FEEDBACK_BOT_FLOWS_DIR", str(settings.flows_dir))

    async def fill() -> None:
        store = await Store.open(settings.database)
        await write(store, flows, people())
        await store.close()

    asyncio.run(fill())
    from tests.conftest import ROOT

    return str(ROOT / "config.yaml")


def test_update_add_takes_themes_and_a_status(config, capsys):
    args = ["--config", config, "update", "add", "We now see new people within a week"]
    assert (
        main([*args, "--date", "2026-11-18", "--theme", "waiting_times", "--status", "done"]) == 0
    )
    assert "answering waiting_times (done)" in capsys.readouterr().out
    assert main(["--config", config, "update", "list"]) == 0
    assert "\tthemes waiting_times\tdone" in capsys.readouterr().out
    assert main([*args, "--theme", "waiting_tims"]) == 2
    assert "unknown theme waiting_tims" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main([*args, "--theme", "housing", "--status", "finished"])
    # A translation shares its note's themes; it may not set its own.
    assert main([*args, "--lang", "pl", "--translates", "1", "--theme", "housing"]) == 2
    assert "shares its note's themes" in capsys.readouterr().err


async def linked(store, settings):
    q = ReportQueries(store)
    note = await q.add_update(
        "We now see new people within a week.",
        "2026-11-18",
        themes=["waiting_times"],
        status="in_progress",
    )
    await q.add_update("Widzimy nowe osoby w ciągu tygodnia.", "2026-11-18", "pl", note)
    await q.add_update("We painted the waiting room.", "2026-11-19")
    return await build_public(store, settings, WEEK)


async def test_the_network_report_pairs_an_update_with_what_people_said(store, settings, flows):
    await write(store, flows, people())
    report = await linked(store, settings)
    parts = network_parts(report, CATALOGUE, "en")
    assert ("h2", "You said, we did") in parts
    said = parts.index(("said", "You said: Waiting times (12 people)"))
    assert parts[said + 1] == ("did", "We did (in progress): We now see new people within a week.")
    # Raised by 6 (at least the threshold), answered by nothing: still being worked on.
    still = parts.index(("h2", "We are still working on"))
    assert ("item", "Housing (6 people)") in parts[still:]
    # Stigma was raised by 3: under the threshold, so never listed or counted.
    assert not any("Stigma" in text for _, text in parts)
    # An update that names no theme is still shown on its own, once.
    texts = [text for _, text in parts]
    assert texts.count("We painted the waiting room.") == 1
    assert not any("We now see" in t for k, t in parts if k != "did")


async def test_no_empty_what_changed_when_every_update_is_paired(store, settings, flows):
    await write(store, flows, people())
    q = ReportQueries(store)
    await q.add_update("We now see people within a week.", "2026-11-18", themes=["waiting_times"])
    parts = network_parts(await build_public(store, settings, WEEK), CATALOGUE, "en")
    assert ("h2", "What changed") not in parts
    assert not any("nothing new to tell you" in t for _, t in parts)


async def test_polish_readers_get_the_pair_in_polish(store, settings, flows):
    await write(store, flows, people())
    report = await linked(store, settings)
    parts = dict((k, t) for k, t in network_parts(report, CATALOGUE, "pl") if k in ("said", "did"))
    assert parts["did"] == "Zrobiliśmy (w toku): Widzimy nowe osoby w ciągu tygodnia."
    assert parts["said"].endswith("(12 osób)")


async def test_a_hidden_count_is_left_out_of_the_pair(store, settings, flows):
    await write(store, flows, people())
    q = ReportQueries(store)
    await q.add_update("Training on respect for pharmacy staff.", "2026-11-18", themes=["stigma"])
    report = await build_public(store, settings, WEEK)
    parts = network_parts(report, CATALOGUE, "en")
    assert ("said", "You said: Stigma and respect") in parts
    assert ("did", "We did: Training on respect for pharmacy staff.") in parts
    html = commissioner_html(report)
    assert "<td>Stigma and respect</td><td>*</td>" in html


async def test_the_commissioners_report_has_the_same_table(store, settings, flows, tmp_path):
    await write(store, flows, people())
    report = await linked(store, settings)
    html = commissioner_html(report)
    assert "<h2>You said, we did</h2>" in html
    assert (
        "<tr><td>Waiting times</td><td>12</td><td>We now see new people within a week.</td>"
        "<td>in progress</td><td>2026-11-18</td></tr>"
    ) in html
    assert "<tr><td>Housing</td><td>6</td><td><em>No update yet</em></td>" in html
    files = await export_files(
        store, settings, WEEK, audience="network", formats=["md", "html"], out_dir=tmp_path
    )
    md = next(p for p in files if p.name == "network.en.md").read_text("utf-8")
    assert "**You said: Waiting times (12 people)**" in md
    assert "We did (in progress): We now see new people within a week." in md
    page = next(p for p in files if p.name == "network.en.html").read_text("utf-8")
    assert '<p class="said">You said: Waiting times (12 people)</p>' in page
    assert network_html(report, CATALOGUE, "ar").count('class="said"') == 1


async def test_the_news_message_never_says_a_hidden_result(store, settings, flows):
    """3 of 8 agreed (hidden): the message carries the update, and no share in words."""
    from bot.report.bulletin import bulletin
    from tests.test_report_plain import consultation

    await write(store, flows, [consultation(a) for a in ["agree"] * 3 + ["disagree"] * 5])
    report = await build_public(store, settings, WEEK)
    assert bulletin(report, CATALOGUE, "en") is None  # nothing to tell yet
    await ReportQueries(store).add_update("We painted the waiting room.", "2026-11-19")
    text = bulletin(await build_public(store, settings, WEEK), CATALOGUE, "en")
    assert "We did: We painted the waiting room." in text
    assert " in 10 " not in text and "(3 of 8)" not in text


def _base_mode(settings):
    from bot.config import Disclosure

    return settings.model_copy(update={"disclosure": Disclosure(mode="base")})


async def test_in_base_mode_the_pair_and_the_waiting_list_keep_their_people_count(
    store, settings, flows
):
    """``disclosure.mode: base`` (the shipped default) withholds the counts behind a share;
    the themes' respondents are a count of people, so one that passes the threshold is
    said ('12 people'), and one under it is named without a number, as in cells mode."""
    await write(store, flows, people())
    q = ReportQueries(store)
    await q.add_update(
        "We now see new people within a week.", "2026-11-18", themes=["waiting_times"]
    )
    await q.add_update("Training on respect for pharmacy staff.", "2026-11-18", themes=["stigma"])
    report = await build_public(store, _base_mode(settings), WEEK)
    parts = network_parts(report, CATALOGUE, "en")
    assert ("said", "You said: Waiting times (12 people)") in parts
    assert ("said", "You said: Stigma and respect") in parts  # 3: under the threshold
    still = parts.index(("h2", "We are still working on"))
    assert ("item", "Housing (6 people)") in parts[still:]
    html = commissioner_html(report)
    assert "<tr><td>Waiting times</td><td>12</td>" in html
    assert "<tr><td>Housing</td><td>6</td><td><em>No update yet</em></td>" in html
    assert "<tr><td>Stigma and respect</td><td>*</td>" in html
    themes = report.table("themes")
    stigma = themes.row("stigma").cells["respondents"]
    assert stigma.count is None and stigma.pct is None and stigma.suppressed


async def test_in_base_mode_a_thin_rows_theme_keeps_its_count_not_its_share(store, settings, flows):
    """Under ``min_base`` commenters base mode shows no share; how many people raised a
    theme is a count of people, shown once it reaches the threshold."""
    await write(store, flows, [comment(WAITED)] * 6 + [comment(HOMELESS)] * 2)
    await ReportQueries(store).add_update(
        "We now see new people within a week.", "2026-11-18", themes=["waiting_times"]
    )
    report = await build_public(store, _base_mode(settings), WEEK)
    cell = report.table("themes").row("waiting_times").cells["respondents"]
    assert (cell.count, cell.pct) == (6, None)
    housing = report.table("themes").row("housing").cells["respondents"]
    assert housing.count is None and housing.pct is None and housing.suppressed
    parts = network_parts(report, CATALOGUE, "en")
    assert ("said", "You said: Waiting times (6 people)") in parts
    assert not any("Housing" in text for _, text in parts)


async def test_praise_is_never_listed_as_still_being_worked_on(store, settings, flows):
    """Praise is not a problem to work on: raised by many, it is not 'We are still working
    on', nor 'No update yet' for commissioners."""
    thanks = "Thank you, the staff were brilliant and so helpful."
    await write(store, flows, people() + [comment(thanks)] * 7)
    for mode in (settings, _base_mode(settings)):
        report = await build_public(store, mode, WEEK)
        assert report.table("themes").row("praise").cells["respondents"].pct is not None
        parts = network_parts(report, CATALOGUE, "en")
        still = parts.index(("h2", "We are still working on"))
        assert ("item", "Housing (6 people)") in parts[still:]
        assert not any("Praise" in text for _, text in parts[still:])
        html = commissioner_html(report)
        assert "<tr><td>Housing</td><td>6</td><td><em>No update yet</em>" in html
        assert "<tr><td>Praise and thanks</td><td>7</td><td><em>No update" not in html


async def test_thanks_to_the_staff_never_make_staffing_a_concern(store, settings, flows):
    """'The staff were brilliant' in any language is thanks: it was tagged 'Staff and
    caseloads' (keyword 'staff'), so seven thank-yous listed staffing under 'We are still
    working on' and 'No update yet' for commissioners."""
    thanks = [
        "The staff were brilliant, thank you.",
        "Personel był wspaniały, dziękuję wszystkim.",
        "Персонал был замечательный, спасибо всем.",
        "كان الطاقم رائعا، شكرا لكم جميعا.",
        "عملہ بہت شاندار تھا، سب کا شکریہ۔",
        "Darbuotojai buvo nuostabūs, ačiū visiems.",
        "Os funcionários foram fantásticos, obrigado a todos.",
    ]
    await write(store, flows, people() + [comment(text) for text in thanks])
    for mode in (settings, _base_mode(settings)):
        report = await build_public(store, mode, WEEK)
        parts = network_parts(report, CATALOGUE, "en")
        still = parts.index(("h2", "We are still working on"))
        assert ("item", "Housing (6 people)") in parts[still:]
        assert not any("Staff" in text for _, text in parts[still:])
        # Only the three who felt judged by staff: fewer than five, so hidden.
        assert report.table("themes").row("staff_caseloads").cells["respondents"].suppressed
        assert "<tr><td>Staff and caseloads</td><td>10" not in commissioner_html(report)
