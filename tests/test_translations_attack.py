"""A hostile or careless translator's file, and an operator's hand edit: refused with
file and line, and nothing changed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.translations.catalog import LOCALE_ENV, translations
from bot.translations.exchange import ImportRefused, import_catalogue
from tests.conftest import ROOT


@pytest.fixture
def locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "locale"
    shutil.copytree(ROOT / "locale", copy)
    monkeypatch.setenv(LOCALE_ENV, str(copy))
    return copy


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _break_a_quote(text: str) -> tuple[str, int]:
    """A msgstr whose opening quote was deleted (Babel read it as the text minus its
    first letter)."""
    needle = 'msgstr "Skierowanie lub znalezienie pomocy"'
    return text.replace(needle, needle.replace('"', "", 1)), _line_of(text, needle)


def test_a_po_with_a_syntax_error_is_refused_naming_file_and_line(locale, tmp_path):
    before = (locale / "pl.po").read_bytes()
    broken, line = _break_a_quote(before.decode())
    file = tmp_path / "pl.po"
    file.write_text(broken, encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        import_catalogue(file)
    assert refused.value.problems == [
        f'{file}:{line}: msgstr: the text must be in double quotes, with any " inside written \\"'
    ]
    assert (locale / "pl.po").read_bytes() == before


def test_a_po_giving_one_text_twice_is_refused_not_silently_the_last(locale, tmp_path):
    before = (locale / "pl.po").read_bytes()
    text = before.decode()
    start = text.index('msgctxt "msg:likert.agree.agree"')
    entry = text[start : text.index("\n\n", start)]
    file = tmp_path / "pl.po"
    file.write_text(text + "\n" + entry.replace("Zgadzam się", "Zmienione") + "\n", "utf-8")
    with pytest.raises(ImportRefused) as refused:
        import_catalogue(file)
    [problem] = refused.value.problems
    first = _line_of(text, entry) + 1  # the msgid line
    assert problem.startswith(f"{file}:")
    assert f"'msg:likert.agree.agree' is given twice (also at line {first}); keep one" in problem
    assert (locale / "pl.po").read_bytes() == before


def test_a_hand_edit_that_breaks_a_catalogue_stops_start_up_with_file_and_line(locale, capsys):
    broken, line = _break_a_quote((locale / "pl.po").read_text(encoding="utf-8"))
    (locale / "pl.po").write_text(broken, encoding="utf-8")
    assert main(["--config", str(ROOT / "config.yaml"), "check-flows"]) == 1
    err = capsys.readouterr().err
    assert "a translation catalogue is not valid PO" in err
    assert f"{locale / 'pl.po'}:{line}: msgstr" in err and "Traceback" not in err


def test_a_catalogue_broken_while_the_bot_runs_keeps_what_it_said(locale):
    good = translations("pl")
    assert good.entries
    broken, _ = _break_a_quote((locale / "pl.po").read_text(encoding="utf-8"))
    (locale / "pl.po").write_text(broken + "\n", encoding="utf-8")
    stat = (locale / "pl.po").stat()
    os.utime(locale / "pl.po", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert translations("pl") == good


def _xlsx(locale: Path, tmp_path: Path, lang: str, edits: dict[str, tuple[str, str]]) -> Path:
    """Export ``lang`` as XLSX and put ``edits`` (context → translation, reviewed) in."""
    from openpyxl import load_workbook

    from bot.translations.exchange import export_catalogue

    out = tmp_path / f"{lang}.xlsx"
    export_catalogue(lang, "xlsx", out)
    book = load_workbook(out)
    for row in book.active.iter_rows(min_row=2):
        if row[0].value in edits:
            row[2].value, row[3].value = edits[row[0].value]
    book.save(out)
    return out


def test_an_xlsx_with_formulas_is_refused_whatever_they_would_show(locale, tmp_path):
    """Read as cached values, =HYPERLINK(...) imported whatever the sheet last showed,
    or nothing at all, with a message about a missing translation."""
    before = (locale / "pl.po").read_bytes()
    file = _xlsx(
        locale,
        tmp_path,
        "pl",
        {
            "msg:likert.agree.agree": ('=HYPERLINK("http://x.example","Zgadzam się")', "yes"),
            "msg:likert.agree.disagree": ("=1+1", "no"),
        },
    )
    with pytest.raises(ImportRefused) as refused:
        import_catalogue(file)
    assert len(refused.value.problems) == 2
    assert all("a formula; type the translation as plain text" in p for p in refused.value.problems)
    assert (locale / "pl.po").read_bytes() == before


def test_a_translation_that_starts_like_a_formula_is_refused_and_exported_as_text(locale, tmp_path):
    from openpyxl import load_workbook

    from bot.translations.catalog import read_catalog
    from bot.translations.exchange import export_catalogue
    from bot.translations.po import write_catalog

    catalog = read_catalog(locale / "pl.po")
    [entry] = [m for m in catalog if m.context == "msg:likert.agree.agree"]
    entry.string = "=1+1"  # by hand, past the import checks
    write_catalog(catalog, locale / "pl.po")
    out = tmp_path / "pl.xlsx"
    export_catalogue("pl", "xlsx", out)
    sheet = load_workbook(out).active
    [cell] = [r[2] for r in sheet.iter_rows(min_row=2) if r[0].value == "msg:likert.agree.agree"]
    assert cell.value == "=1+1" and cell.data_type == "s"  # shown, never run
    assert "msg:likert.agree.agree" in translations("pl").broken  # and not used by the bot
    po = tmp_path / "mine.po"
    po.write_bytes((locale / "pl.po").read_bytes())
    with pytest.raises(ImportRefused, match="spreadsheet runs as a formula"):
        import_catalogue(po)


def _relabelled(locale: Path, tmp_path: Path, source: str, header: str) -> Path:
    text = (locale / f"{source}.po").read_text(encoding="utf-8")
    file = tmp_path / f"{source}-as-{header}.po"
    file.write_text(text.replace(f'"Language: {source}\\n"', f'"Language: {header}\\n"'), "utf-8")
    return file


@pytest.mark.parametrize(
    ("source", "target", "says"),
    [
        ("pl", "lt", "the translations read as 'pl', not 'lt'"),
        ("ur", "ar", "the translations read as 'ur', not 'ar'"),
        ("ru", "ar", "mostly in Cyrillic script, but 'ar' is written in Arabic"),
        ("bn", "pa", "mostly in Bengali script, but 'pa' is written in Gurmukhi"),
    ],
)
def test_a_file_for_another_language_is_refused(locale, tmp_path, source, target, says):
    before = (locale / f"{target}.po").read_bytes()
    with pytest.raises(ImportRefused) as refused:
        import_catalogue(_relabelled(locale, tmp_path, source, target))
    assert says in str(refused.value)
    with pytest.raises(ImportRefused, match=f"this file is for '{source}'"):
        import_catalogue(locale / f"{source}.po", target)
    assert (locale / f"{target}.po").read_bytes() == before


def test_every_shipped_catalogue_imports_as_its_own_language(locale):
    for po in sorted(locale.glob("*.po")):
        import_catalogue(po)


def test_a_huge_file_is_refused_before_it_is_read(locale, tmp_path):
    file = tmp_path / "pl.po"
    with file.open("wb") as fh:
        fh.write((locale / "pl.po").read_bytes())
        fh.write(b"#. padding\n" * 600_000)
    with pytest.raises(ImportRefused, match="MB is far larger than a catalogue"):
        import_catalogue(file)


def test_message_length_counts_as_telegram_does(locale):
    """Emoji are two UTF-16 units to Telegram: 4,000 of them are 8,000 characters."""
    from bot.translations.po import problems

    assert problems("msg:privacy.notice", "Hello", "\U0001f600" * 2100, rtl=False) == [
        "4200 characters is too long for a message (at most 4096)"
    ]


def test_a_hand_edited_placeholder_is_not_used_and_status_says_so(locale, capsys):
    from bot.translations.catalog import read_catalog
    from bot.translations.po import write_catalog

    catalog = read_catalog(locale / "pl.po")
    [entry] = [m for m in catalog if m.context == "msg:progress"]
    english = str(entry.id)
    entry.string = "{nn} z {total}"
    entry.flags.discard("fuzzy")
    write_catalog(catalog, locale / "pl.po")
    assert translations("pl").text("msg:progress", english) is None  # English, no crash
    assert main(["--config", str(ROOT / "config.yaml"), "translations", "status"]) == 0
    out = capsys.readouterr().out
    assert "Translations the bot cannot use (it shows the English), edited by hand:" in out
    assert "pl: msg:progress: keep the placeholder(s) {n}" in out


def test_rtl_isolates_removed_by_a_translator_are_put_back_by_the_bot(locale, tmp_path):
    """Isolates are the bot's job: a translation without them is accepted, and what
    the bot says still isolates its numbers."""
    from bot.i18n import FSI, PDI, load_catalogue

    file = _xlsx(locale, tmp_path, "ar", {"msg:progress": ("السؤال {n} من {total}", "yes")})
    import_catalogue(file)
    load_catalogue.cache_clear()
    try:
        said = load_catalogue().text("progress", "ar", n=3, total=9)
    finally:
        load_catalogue.cache_clear()
    assert said == f"السؤال {FSI}3{PDI} من {FSI}9{PDI}"


def test_a_full_disk_during_an_import_changes_nothing_and_says_so(
    locale, tmp_path, monkeypatch, capsys
):
    """The catalogue is written beside itself and moved into place: when the disk is
    full the old one is whole, no temporary file is left, and there is no traceback."""
    import bot.translations.po as po

    before = (locale / "pl.po").read_bytes()
    file = _xlsx(locale, tmp_path, "pl", {"msg:likert.agree.agree": ("Zgadzam się!", "yes")})

    def full(fh, *args, **kwargs):
        fh.write(b"# half")
        raise OSError(28, "No space left on device", str(locale / "pl.po.tmp"))

    monkeypatch.setattr(po, "write_po", full)
    assert main(["--config", str(ROOT / "config.yaml"), "translations", "import", str(file)]) == 1
    err = capsys.readouterr().err
    assert "No space left on device; nothing was changed" in err and "Traceback" not in err
    assert (locale / "pl.po").read_bytes() == before
    assert not (locale / "pl.po.tmp").exists()
