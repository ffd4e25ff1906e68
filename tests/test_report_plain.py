"""Results in plain words on the network page: natural frequencies, counts, pictograms."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from bot.i18n import FSI, PDI, load_catalogue
from bot.report.export import build_public, export_files
from bot.report.model import Cell
from bot.report.period import parse_week
from bot.report.plain import plural, plural_categories, share_of
from bot.report.render_network import network_html, network_parts
from bot.report.synth import Response, write

WEEK = parse_week("2026-W47")
MOMENT = datetime(2026, 11, 17, 9, tzinfo=UTC)
CATALOGUE = load_catalogue()


def consultation(prison: str, **more: str) -> Response:
    return Response("consultation", MOMENT, {"prison_service": prison, **more})


def published_consultation() -> list[Response]:
    """The published consultation figure as synthetic data: 83 of 115 agreed."""
    answers = ["strongly_agree"] * 50 + ["agree"] * 33 + ["neither"] * 20
    answers += ["disagree"] * 8 + ["strongly_disagree"] * 4
    return [consultation(a) for a in answers]


async def test_the_prison_question_says_about_7_in_10_with_its_count(store, settings, flows):
    await write(store, flows, published_consultation())
    report = await build_public(store, settings, WEEK)
    parts = network_parts(report, CATALOGUE, "en")
    assert ("h3", "There should be a specialist drug and alcohol service in prison.") in parts
    assert ("p", "About 7 in 10 people agreed (83 of 115)") in parts
    assert ("picto:7", "About 7 in 10 people agreed (83 of 115)") in parts
    html = network_html(report, CATALOGUE, "en")
    svg = re.search(r'<svg class="picto".*?</svg>', html)
    assert svg, html
    assert 'role="img"' in svg.group(0)
    assert 'aria-label="About 7 in 10 people agreed (83 of 115)"' in svg.group(0)
    assert svg.group(0).count('fill="#1f4e8c"') == 7
    assert svg.group(0).count("<circle") == 10


async def test_markdown_carries_the_sentence_and_a_text_pictogram(store, settings, flows, tmp_path):
    await write(store, flows, published_consultation())
    files = await export_files(
        store, settings, WEEK, audience="network", formats=["md"], out_dir=tmp_path
    )
    text = next(p for p in files if p.name == "network.en.md").read_text("utf-8")
    assert "About 7 in 10 people agreed (83 of 115)" in text
    assert "●●●●●●●○○○" in text


async def test_a_hidden_count_is_never_put_into_words(store, settings, flows):
    """3 of 8 agreed: 3 is under the threshold, so no 'about 4 in 10' and no pictogram."""
    people = ["agree"] * 3 + ["disagree"] * 5
    await write(store, flows, [consultation(a) for a in people])
    report = await build_public(store, settings, WEEK)
    row = report.table("likert:consultation:prison_service").row("all")
    assert row.cells["top_two"].count is None
    parts = network_parts(report, CATALOGUE, "en")
    prison = parts.index(("h3", "There should be a specialist drug and alcohol service in prison."))
    assert parts[prison + 1] == (
        "p",
        "Too few people answered this question for us to show the answer safely.",
    )
    assert not any(kind.startswith("picto") for kind, _ in parts)
    assert "in 10" not in " ".join(text for _, text in parts)
    assert "<svg" not in network_html(report, CATALOGUE, "en")


@pytest.mark.parametrize(
    ("count", "base", "words"),
    [
        (0, 40, "No one agreed"),
        (1, 40, "Fewer than 1 in 10 people agreed"),
        (20, 40, "About half of the people agreed"),
        (39, 40, "More than 9 in 10 people agreed"),
        (40, 40, "Everyone who answered agreed"),
        (6, 40, "About 2 in 10 people agreed"),
    ],
)
def test_natural_frequency_words(count, base, words):
    from bot.report.plain import sentence

    share = share_of(Cell(count=count), Cell(count=base))
    assert sentence(CATALOGUE, "en", "agree", share) == f"{words} ({count} of {base})"


def test_a_percentage_alone_gives_words_without_a_count_and_never_everyone():
    share = share_of(Cell(count=None, pct=100), Cell(count=None))
    assert share is not None and share.bucket == "over_nine" and share.count is None
    assert share_of(Cell(count=None, pct=None), Cell(count=40)) is None


def test_plural_forms_follow_the_language():
    """Polish has four plural forms; the form follows CLDR's rule for the number."""
    assert plural_categories("pl") == ("one", "few", "many", "other")
    assert plural_categories("ar") == ("zero", "one", "two", "few", "many", "other")
    forms = "{k} osoba|{k} osoby|{k} osób|{k} osoby"
    fake = CATALOGUE.model_copy(
        update={
            "messages": {**CATALOGUE.messages, "x": {"en": "{k} person|{k} people", "pl": forms}}
        }
    )
    assert plural(fake, "x", "pl", 1, k=1) == "1 osoba"
    assert plural(fake, "x", "pl", 3, k=3) == "3 osoby"
    assert plural(fake, "x", "pl", 7, k=7) == "7 osób"
    assert plural(fake, "x", "en", 1, k=1) == "1 person"
    assert plural(fake, "x", "so", 7, k=7) == "7 people"  # no Somali: English


def test_every_catalogue_gives_each_plural_message_its_languages_forms():
    for key, forms in CATALOGUE.messages.items():
        if "|" not in forms["en"]:
            continue
        for lang, text in forms.items():
            assert text.count("|") + 1 == len(plural_categories(lang)), (key, lang, text)


async def test_arabic_and_urdu_results_read_right_to_left(store, settings, flows):
    await write(store, flows, published_consultation())
    report = await build_public(store, settings, WEEK)
    for lang in ("ar", "ur"):
        html = network_html(report, CATALOGUE, lang)
        assert f'<html lang="{lang}" dir="rtl">' in html
        sentence = next(t for k, t in network_parts(report, CATALOGUE, lang) if k == "picto:7")
        # The numbers keep their order inside right-to-left text.
        assert f"{FSI}83{PDI}" in sentence and f"{FSI}115{PDI}" in sentence
        assert "About" not in sentence
        # The figures fill from the right: the first (rightmost) is filled.
        svg = re.search(r'<svg class="picto".*?</svg>', html).group(0)
        first = re.findall(r'translate\((\d+) 0\)" fill="([^"]+)"', svg)[0]
        assert first == ("306", "#1f4e8c")


async def test_the_friends_and_family_test_is_said_in_plain_words_too(store, settings, flows):
    answers = ["very_good"] * 5 + ["good"] * 4 + ["poor"] * 6
    await write(store, flows, [Response("service_feedback", MOMENT, {"fft": a}) for a in answers])
    report = await build_public(store, settings, WEEK)
    parts = network_parts(report, CATALOGUE, "en")
    assert ("p", "About 6 in 10 people said it was good (9 of 15)") in parts
    assert ("picto:6", "About 6 in 10 people said it was good (9 of 15)") in parts
