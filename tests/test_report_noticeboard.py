"""The network report as an A4 noticeboard page: PNG and PDF, per language."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image, ImageDraw

from bot.i18n import load_catalogue
from bot.poster import A4
from bot.report.export import build_public, export_files
from bot.report.noticeboard import BLUE, _content, _fonts, _pictogram
from bot.report.queries import ReportQueries
from bot.report.synth import write
from tests.test_report_loop import people
from tests.test_report_plain import WEEK, consultation, published_consultation

CATALOGUE = load_catalogue()
NOTO = Path("/usr/share/fonts/truetype/noto")
needs_noto = pytest.mark.skipif(
    not (NOTO / "NotoSansBengali-Regular.ttf").exists(), reason="needs fonts-noto-core"
)


async def filled(store, flows) -> None:
    crowd = published_consultation()
    for person, other in zip(crowd, people(), strict=False):
        person.answers |= other.answers
    await write(store, flows, crowd)
    await ReportQueries(store).add_update(
        "We now see new people within a week.", "2026-11-18", themes=["waiting_times"]
    )


async def test_export_writes_a_png_and_a_pdf_page_per_language(store, settings, flows, tmp_path):
    await filled(store, flows)
    files = await export_files(
        store,
        settings,
        WEEK,
        audience="network",
        formats=["pdf", "png"],
        out_dir=tmp_path,
        qr_site="wisbech_hub",
    )
    names = sorted(p.name for p in files)
    assert names == ["network.en.pdf", "network.en.png"]
    assert files[0].read_bytes().startswith(b"%PDF")
    png = next(p for p in files if p.suffix == ".png").read_bytes()
    image = Image.open(io.BytesIO(png))
    assert image.size == A4
    found = [f.text for f in zxingcpp.read_barcodes(image)]
    assert found == ["https://t.me/your_feedback_bot?start=site_wisbech_hub"]


async def test_the_page_holds_the_top_results_and_the_pairs(store, settings, flows):
    await filled(store, flows)
    report = await build_public(store, settings, WEEK)
    lines = _content(report, CATALOGUE, "en").lines
    assert ("sentence", "About 7 in 10 people agreed (83 of 115)") in lines
    assert ("picto:7", "") in lines
    assert ("said", "You said: Waiting times (12 people)") in lines
    assert ("did", "We did: We now see new people within a week.") in lines


async def test_a_hidden_result_is_not_on_the_page(store, settings, flows):
    people = ["agree"] * 3 + ["disagree"] * 5
    await write(store, flows, [consultation(a) for a in people])
    report = await build_public(store, settings, WEEK)
    lines = _content(report, CATALOGUE, "en").lines
    assert not any(k.startswith("picto") or k == "sentence" for k, _ in lines)


async def test_pdf_and_png_are_for_the_network_audience_only(store, settings, flows, tmp_path):
    with pytest.raises(ValueError, match="use --audience network"):
        await export_files(store, settings, WEEK, formats=["pdf"], out_dir=tmp_path)
    with pytest.raises(ValueError, match="no site 'nowhere'"):
        await export_files(
            store, settings, WEEK, audience="network", formats=["png"], qr_site="nowhere"
        )


@pytest.mark.parametrize(("rtl", "first_filled"), [(False, 0), (True, 9)])
def test_the_pictogram_fills_from_where_the_reader_starts(rtl, first_filled):
    """Seven of ten figures: from the left in English, from the right in Arabic and Urdu."""
    image = Image.new("RGB", A4, "white")
    bottom = _pictogram(ImageDraw.Draw(image), 7, 100, 1.0, rtl)
    step = 64
    left = (A4[0] - 10 * step) // 2
    body = (100 + bottom) // 2 + 10
    solid = [image.getpixel((left + i * step + step // 2, body)) == BLUE for i in range(10)]
    assert solid.count(True) == 7
    assert solid[first_filled]
    assert solid == (sorted(solid) if rtl else sorted(solid, reverse=True))


def test_noto_fonts_only_for_the_scripts_on_the_page():
    english = _fonts("en", set(), "What you told us")
    assert not any("Arabic" in f or "Bengali" in f for f in english)
    if (NOTO / "NotoSansBengali-Regular.ttf").exists():
        assert any("Bengali" in f for f in _fonts("bn", set(), "আপনি বলেছেন"))
        # An English page quoting an update as written in Bengali needs Bengali too.
        assert any("Bengali" in f for f in _fonts("en", {"bn"}, "We did: আমরা করেছি"))


@needs_noto
@pytest.mark.parametrize("lang", ["ar", "ur", "bn"])
async def test_pages_in_arabic_urdu_and_bengali_render_and_scan(store, settings, flows, lang):
    from bot.report.noticeboard import noticeboard

    await filled(store, flows)
    report = await build_public(store, settings, WEEK)
    png = noticeboard(report, CATALOGUE, lang, "https://t.me/your_feedback_bot")
    image = Image.open(io.BytesIO(png))
    assert [f.text for f in zxingcpp.read_barcodes(image)] == ["https://t.me/your_feedback_bot"]
