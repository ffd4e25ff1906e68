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
