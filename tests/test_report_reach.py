"""Who we heard from: responses against the people each site serves."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.caseload import caseloads, set_caseload
from bot.cli import main
from bot.config import load_settings
from bot.report.export import build_public, export_files, weekly_summary_text
from bot.report.period import parse_week
from bot.report.synth import Response, write
from bot.sources import SourceErrors

WEEK = parse_week("2026-W47")
MOMENT = datetime(2026, 11, 17, 9, tzinfo=UTC)
ROOT = Path(__file__).parent.parent


def at(site: str, n: int, settings) -> list[Response]:
    area = settings.site(site).area
    return [
        Response("service_feedback", MOMENT, {"fft": "good"}, site=site, area=area)
        for _ in range(n)
    ]


async def crowd(store, settings, flows) -> None:
    people = at("cambridge_hub", 30, settings) + at("huntingdon_hub", 20, settings)
    people += at("peterborough_hub", 6, settings) + at("wisbech_hub", 8, settings)
    await write(store, flows, people)


async def test_an_under_heard_site_is_flagged_in_words(store, settings, flows, tmp_path):
    await crowd(store, settings, flows)
    for site, people in [
        ("cambridge_hub", 300),
        ("huntingdon_hub", 200),
        ("peterborough_hub", 240),
        ("wisbech_hub", 400),
    ]:
        await set_caseload(store, site, people)
    report = await build_public(store, settings, WEEK)
    reach = report.reach
    assert reach is not None and reach.mode == "caseload"
    # 64 responses from the 1,140 people the four sites serve.
    assert reach.service_rate == 6
    assert reach.flags == [
        "Wisbech hub: 8 responses from 400 people (2.0%), well below the service's 5.6%",
        "Peterborough hub: 6 responses from 240 people (2.5%), well below the service's 5.6%",
    ]
    rows = {r.key: r for r in reach.rows}
    assert (rows["cambridge_hub"].rate, rows["cambridge_hub"].flagged) == ("10%", False)
    assert rows["hmp_peterborough"].caseload is None and rows["hmp_peterborough"].rate == ""
    files = await export_files(store, settings, WEEK, formats=["html", "md"], out_dir=tmp_path)
    html = next(p for p in files if p.suffix == ".html").read_text(encoding="utf-8")
    assert "Who we heard from" in html
    assert "Peterborough hub: 6 responses from 240 people (2.5%), well below the service" in html
    summary = await weekly_summary_text(store, settings, WEEK)
    assert "*Sites we are hearing little from*" in summary and "Peterborough hub: 6" in summary


async def test_under_two_percent_is_flagged_even_when_the_service_is_low(store, settings, flows):
    await write(store, flows, at("cambridge_hub", 10, settings) + at("huntingdon_hub", 6, settings))
    await set_caseload(store, "cambridge_hub", 600)
    await set_caseload(store, "huntingdon_hub", 400)
    reach = (await build_public(store, settings, WEEK)).reach
    assert reach is not None and reach.service_rate == 2
    assert reach.flags == [
        "Cambridge hub: 10 responses from 600 people (1.7%), under 2% of the people it serves",
        "Huntingdon hub: 6 responses from 400 people (1.5%), under 2% of the people it serves",
    ]


async def test_a_hidden_count_is_judged_by_the_most_it_could_be(store, settings, flows):
    """Two responses at Wisbech are hidden, and so is a count beside them: the table says
    no more than the report, and flags only what the shown counts prove."""
    people = at("cambridge_hub", 30, settings) + at("wisbech_hub", 2, settings)
    await write(store, flows, people)
    await set_caseload(store, "cambridge_hub", 300)
    await set_caseload(store, "wisbech_hub", 4000)
    reach = (await build_public(store, settings, WEEK)).reach
    rows = {r.key: r for r in reach.rows}
    assert rows["wisbech_hub"].responses == "hidden"
    # Cambridge's 30 are hidden beside them (its area would give the 2 away), so all a
    # reader knows is 32 responses in all: at most 32 of 4,000, under 1%, flagged.
    assert rows["cambridge_hub"].responses == "hidden" and reach.service_rate is None
    assert rows["wisbech_hub"].rate == "under 1%"
    assert reach.flags == [
        "Wisbech hub: at most 32 responses (the number is hidden) from 4000 people"
        " (under 1%), under 2% of the people it serves"
    ]


async def test_without_caseload_shares_of_responses_against_shares_of_sites(store, settings, flows):
    await crowd(store, settings, flows)
    reach = (await build_public(store, settings, WEEK)).reach
    assert reach is not None and reach.mode == "share"
    assert "would make this exact" in reach.note
    rows = {r.key: r for r in reach.rows}
    assert rows["cambridge_hub"].share_of_responses == "47%"
    assert rows["cambridge_hub"].share_of_sites == "17%"
    flagged = {r.key for r in reach.rows if r.flagged}
    # Six sites: a fair share is 17%; under half of it (8%) is flagged.
    assert flagged == {"hmp_peterborough", "young_peoples_service"}
    assert any(f.startswith("HMP Peterborough (prison service): no responses") for f in reach.flags)


async def test_caseload_by_group_gives_service_rates_by_group(store, settings, flows):
    people = at("cambridge_hub", 12, settings)
    for p in people:
        p.respondent_group = "service_user"
    await write(store, flows, people)
    for site in settings.sites:
        await set_caseload(store, site.id, 50, "service_user")
        await set_caseload(store, site.id, 10, "family_carer")
    loads = await caseloads(store, settings)
    assert loads["cambridge_hub"].people == 60
    reach = (await build_public(store, settings, WEEK)).reach
    groups = {r.key: r for r in reach.rows if r.level == "group"}
    assert (groups["service_user"].caseload, groups["service_user"].rate) == (300, "4.0%")
    assert groups["family_carer"].responses == "0"


def test_the_config_caseload_names_real_sites_and_groups(tmp_path: Path) -> None:
    text = (ROOT / "config.yaml").read_text(encoding="utf-8")
    path = tmp_path / "config.yaml"
    wrong = "caseload:\n  peterborough_hub: 240\n  camb_hub: {service_users: 3}\n"
    path.write_text(text.replace("caseload: {}\n", wrong))
    with pytest.raises(SourceErrors) as caught:
        load_settings(path)
    message = str(caught.value)
    assert "caseload.camb_hub: no site 'camb_hub'" in message
    assert "no respondent group 'service_users'" in message


def test_caseload_set_from_the_command_line(tmp_path: Path, capsys) -> None:
    config = tmp_path / "config.yaml"
    text = (ROOT / "config.yaml").read_text(encoding="utf-8")
    config.write_text(text.replace("./data/feedback.db", str(tmp_path / "f.db")))
    assert main(["--config", str(config), "caseload", "set", "peterborough_hub", "240"]) == 0
    assert main(["--config", str(config), "caseload", "list"]) == 0
    assert "peterborough_hub: 240 people" in capsys.readouterr().out
    assert main(["--config", str(config), "caseload", "set", "nowhere", "240"]) == 2
    assert main(["--config", str(config), "caseload", "set", "wisbech_hub", "lots"]) == 2
    huge = str(10**20)  # past what SQLite can hold: refused, not a traceback
    assert main(["--config", str(config), "caseload", "set", "wisbech_hub", huge]) == 2
    assert "no site 'nowhere'" in capsys.readouterr().err
    assert main(["--config", str(config), "caseload", "clear"]) == 2
    err = capsys.readouterr().err
    assert "name the site" in err and "None" not in err


async def test_with_rounding_a_hidden_sites_most_is_never_below_what_it_had(store, settings, flows):
    """rounding: 5.  Three sites of 13 show 15 each, and 44 responses show 45: the two
    hidden sites (2 and 3) were said to have "at most 0 responses (under 1%)".  The most
    now allows for the rounding, so it is never less than the truth."""
    from bot.config import Disclosure

    rounded = settings.model_copy(update={"disclosure": Disclosure(mode="cells", rounding=5)})
    people = at("cambridge_hub", 13, rounded) + at("huntingdon_hub", 13, rounded)
    people += at("wisbech_hub", 13, rounded)
    people += at("peterborough_hub", 2, rounded) + at("hmp_peterborough", 3, rounded)
    await write(store, flows, people)
    for site in rounded.sites:
        await set_caseload(store, site.id, 100)
    reach = (await build_public(store, rounded, WEEK)).reach
    assert reach is not None
    assert not any("at most 0" in flag for flag in reach.flags)
    rows = {r.key: r for r in reach.rows}
    for site, had in [("peterborough_hub", 2), ("hmp_peterborough", 3)]:
        assert rows[site].responses == "hidden"
        under = int(rows[site].rate.removeprefix("under ").removesuffix("%"))
        assert under > had, rows[site].rate  # had/100 people: under `under`%, truly
