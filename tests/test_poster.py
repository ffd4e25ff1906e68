"""Site posters: A4, the site's deep link in a QR code that really decodes, every language."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
import zxingcpp
from PIL import Image, ImageDraw, ImageFont

from bot import cli
from bot.config import Settings
from bot.i18n import load_catalogue
from bot.poster import A4, PosterError, _fonts_for, make_poster

CATALOGUE = load_catalogue()


def decoded(png: bytes) -> list[str]:
    return [found.text for found in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def with_username(settings: Settings, name: str) -> Settings:
    telegram = settings.telegram.model_copy(update={"bot_username": name})
    return settings.model_copy(update={"telegram": telegram})


@pytest.mark.parametrize("lang", ["en", "pl", "ru", "ar"])
def test_png_poster_is_a4_and_its_qr_opens_the_sites_deep_link(
    settings: Settings, lang: str
) -> None:
    poster = make_poster(
        with_username(settings, "CambsFeedbackBot"), CATALOGUE, "wisbech_hub", lang
    )
    image = Image.open(io.BytesIO(poster.data))
    assert image.size == A4 and image.info["dpi"] == pytest.approx((150, 150), abs=0.1)
    assert decoded(poster.data) == ["https://t.me/CambsFeedbackBot?start=site_wisbech_hub"]


def test_cli_writes_pdf_a4_and_warns_about_the_placeholder_username(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    out = tmp_path / "hub.pdf"
    assert cli.main(["poster", "--site", "cambridge_hub", "--out", str(out)]) == 0
    printed = capsys.readouterr()
    assert "placeholder" in printed.err
    assert "start=site_cambridge_hub" in printed.out
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/MediaBox [ 0 0 595.2 841.92 ]" in data  # A4 in points


def test_cli_png_decodes_and_bad_site_or_language_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    out = tmp_path / "p.png"
    assert (
        cli.main(["poster", "--site", "peterborough_hub", "--lang", "ro", "--out", str(out)]) == 0
    )
    assert decoded(out.read_bytes()) == [
        "https://t.me/your_feedback_bot?start=site_peterborough_hub"
    ]
    assert cli.main(["poster", "--site", "nowhere"]) == 2
    assert "no site 'nowhere'" in capsys.readouterr().err
    assert cli.main(["poster", "--site", "wisbech_hub", "--lang", "xx"]) == 2
    assert "not enabled" in capsys.readouterr().err


def test_a_language_no_installed_font_can_write_is_refused_not_boxed() -> None:
    with pytest.raises(PosterError, match="fonts-noto-core"):
        _fonts_for("xx", "\U0001e900")  # Adlam: in no font we look for


NOTO = Path("/usr/share/fonts/truetype/noto")


@pytest.mark.skipif(
    not (NOTO / "NotoSansBengali-Regular.ttf").exists(), reason="needs fonts-noto-core"
)
@pytest.mark.parametrize("lang", ["bn", "pa", "gu", "ur"])
def test_scripts_that_need_noto_mix_fonts_and_still_decode(settings: Settings, lang: str) -> None:
    """Bengali with "Telegram" in it: no one font has both, so the text is drawn in runs."""
    poster = make_poster(settings, CATALOGUE, "peterborough_hub", lang)
    assert decoded(poster.data) == ["https://t.me/your_feedback_bot?start=site_peterborough_hub"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--format", "pdf", "--out", "x.png"], "ends in .png but --format is pdf"),
        (["--out", "x.jpg"], "written as .png or .pdf"),
    ],
)
def test_cli_refuses_a_file_name_that_lies_about_its_format(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv,
    message,
) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    argv = [a if not a.startswith("x.") else str(tmp_path / a) for a in argv]
    assert cli.main(["poster", "--site", "cambridge_hub", *argv]) == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_cli_writes_into_a_folder_given_as_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    folder = tmp_path / "posters"
    folder.mkdir()
    args = ["poster", "--site", "cambridge_hub", "--format", "pdf", "--out", str(folder)]
    assert cli.main(args) == 0
    written = folder / "poster-cambridge_hub-en.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert str(written) in capsys.readouterr().out
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert cli.main(["poster", "--site", "cambridge_hub", "--out", str(blocker / "p.png")]) == 2
    assert "could not write" in capsys.readouterr().err


# Right-to-left posters: every helpline line reads right to left, name first.

_MIRROR = str.maketrans("()[]", ")(][")


def _visual(runs: list) -> str:
    """The characters as they stand on the page, left to right (brackets mirrored in
    right-to-left runs, as the shaper draws them)."""
    return "".join(r.text[::-1].translate(_MIRROR) if r.rtl else r.text for r in runs)


@pytest.mark.parametrize("lang", ["ar", "ur"])
def test_rtl_helpline_lines_put_name_right_then_number_then_bracketed_note(
    settings: Settings, lang: str
) -> None:
    """The order the renderer is given, for every helpline of every right-to-left
    language (fonts are irrelevant to the order, so this runs without Noto)."""
    from bot.helplines import helpline_line
    from bot.poster import _candidates, _runs

    fonts = [str(p) for p in _candidates(lang)]
    for line in settings.helplines_for(lang):
        note = CATALOGUE.pick(line.note, lang).translate(dict.fromkeys(range(0x2066, 0x206A)))
        assert any("\u0600" <= ch <= "\u06ff" for ch in note), "the note is translated"
        shown = _visual(_runs(helpline_line(CATALOGUE, line, lang), fonts, True))
        # The name (English, or the catalogue's) and number, as they stand alone.
        bare = line.model_copy(update={"note": {}})
        tail = _visual(_runs(helpline_line(CATALOGUE, bare, lang), fonts, True))
        assert tail.startswith(f"{line.number} :"), tail
        assert shown.endswith(tail), shown
        assert shown.startswith("("), shown  # the note's closing bracket, leftmost
        assert shown.index(")") == len(shown) - len(tail) - 2


def _ink(draw_line) -> np.ndarray:

    page = Image.new("L", (A4[0], 200), 255)
    draw_line(ImageDraw.Draw(page))
    ink = np.array(page) < 128
    rows, cols = np.where(ink.any(1))[0], np.where(ink.any(0))[0]
    return ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]


def _overlap(a: np.ndarray, b: np.ndarray) -> float:
    """Ink in common over ink in either, at the best of a pixel's shift each way."""
    h, w = max(a.shape[0], b.shape[0]) + 2, max(a.shape[1], b.shape[1]) + 2
    best = 0.0
    for dy in (0, 1, 2):
        for dx in (0, 1, 2):
            big_a, big_b = np.zeros((h, w), bool), np.zeros((h, w), bool)
            big_a[1 : 1 + a.shape[0], 1 : 1 + a.shape[1]] = a
            big_b[dy : dy + b.shape[0], dx : dx + b.shape[1]] = b
            best = max(best, (big_a & big_b).sum() / max((big_a | big_b).sum(), 1))
    return best


def _rows(part: np.ndarray) -> np.ndarray:
    """``part`` cropped to the rows with ink."""
    rows = np.where(part.any(1))[0]
    return part[rows[0] : rows[-1] + 1]


@pytest.mark.parametrize("lang", ["ar", "ur"])
def test_rtl_poster_draws_the_note_in_brackets_left_of_the_helpline_name(
    settings: Settings, lang: str
) -> None:
    """Rendered, not just ordered: the leftmost thing drawn is the note's bracket,
    the rightmost the end of the helpline's name (an Arabic reader meets the name
    first).  Before, the line ran left to right from the English name."""
    from bot.helplines import helpline_line
    from bot.poster import _candidates, _para, _runs

    if lang == "ur" and not (NOTO / "NotoSansArabic-Regular.ttf").exists():
        pytest.skip("needs fonts-noto-core")
    fonts = [str(p) for p in _candidates(lang)]

    def drawn(text: str, rtl: bool):
        return _ink(lambda d: _para(d, text, fonts, 22, 0, 10, A4[0], rtl))  # one line

    def alone(text: str, font: str, direction: str | None = None):
        face = ImageFont.truetype(font, 22, layout_engine=ImageFont.Layout.RAQM)
        return _ink(
            lambda d: d.text((100, 100), text, font=face, fill=0, anchor="ls", direction=direction)
        )

    for line in settings.helplines_for(lang):
        text = helpline_line(CATALOGUE, line, lang)
        runs = _runs(text, fonts, True)
        ink = drawn(text, True)
        opening, closing = alone("(", runs[0].font), alone(")", runs[0].font)
        leftmost = _rows(ink[:, : opening.shape[1]])
        assert _overlap(leftmost, opening) > 0.8 > _overlap(leftmost, closing), line.name
        shown_name = CATALOGUE.pick({**line.name_translations, "en": line.name}, lang)
        # A name with a translation in brackets reads right to left as a whole.
        plain = shown_name.translate(dict.fromkeys(range(0x2066, 0x206A)))
        name = alone(plain, runs[-1].font, None if plain.isascii() else "rtl")
        assert _overlap(_rows(ink[:, -name.shape[1] :]), name) > 0.6, (
            line.name
        )  # blurred by subpixel x
