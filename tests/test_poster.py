"""Site posters: A4, the site's deep link in a QR code that really decodes, every language."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

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
