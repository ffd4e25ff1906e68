"""Export a catalogue for a translator (PO or XLSX) and import their file back.

The XLSX is for people without Poedit: one row per entry with its context, the
English, the current translation, ``reviewed`` (yes/no) and the notes.  An import
checks every entry (the English it was made for, placeholders, lengths,
direction marks) and writes nothing unless all are right, so a half-good file
never leaves a catalogue half-changed.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font

from bot.translations.catalog import po_path, read_catalog
from bot.translations.po import problems, write_catalog
from bot.translations.pocheck import PoSyntaxError

COLUMNS = ("context", "English", "translation", "reviewed", "notes")
MAX_ROWS = 20_000
YES, NO = "yes", "no"


class ImportRefused(Exception):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Imported:
    path: Path
    changed: int
    reviewed: int
    unreviewed: int


def export_catalogue(lang: str, fmt: str, out: Path) -> int:
    path = po_path(lang)
    if not path.exists():
        raise FileNotFoundError(f"no catalogue for {lang!r} ({path}); run `translations update`")
    catalog = read_catalog(path)
    entries = [m for m in catalog if m.id and m.context]
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "po":
        shutil.copyfile(path, out)
        return len(entries)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = lang
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for m in entries:
        notes = [c for c in m.auto_comments if not c.startswith("English: ")]
        sheet.append(
            [
                m.context,
                str(m.id),
                m.string or "",
                NO if m.fuzzy or not m.string else YES,
                "\n".join(notes),
            ]
        )
    for column, width in zip("ABCDE", (34, 50, 50, 10, 50), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(cell.value, str) and cell.value.startswith("="):
                # Text, never a formula: a translation is shown, not run.
                cell.data_type = "s"
    sheet.freeze_panes = "C2"
    book.save(out)
    return len(entries)


@dataclass(frozen=True)
class _Row:
    where: str
    context: str
    english: str
    text: str
    reviewed: bool


MAX_IMPORT_BYTES = 5_000_000
"""A whole catalogue is about 0.1 MB as PO; a file fifty times that is not one."""


def import_catalogue(file: Path, lang: str | None = None) -> Imported:
    rows, file_lang = _read(file)
    if lang and file_lang and lang != file_lang:
        raise ImportRefused(
            [
                f"{file}: this file is for {file_lang!r} (its "
                f"{'Language header' if file.suffix.lower() == '.po' else 'sheet name'}),"
                f" not {lang!r}: import it without --lang, or check it is the right file"
            ]
        )
    lang = lang or file_lang
    if not lang:
        raise ImportRefused([f"{file}: cannot tell the language; pass --lang"])
    path = po_path(lang)
    if not path.exists():
        raise ImportRefused([f"{file}: no catalogue for {lang!r} ({path})"])
    wrong = _another_language(file, lang, [r.text for r in rows if r.text.strip()])
    if wrong:
        raise ImportRefused([wrong])
    catalog = read_catalog(path)
    current = {m.context: m for m in catalog if m.id and m.context}
    found: list[str] = []
    seen: set[str] = set()
    for row in rows:
        message = current.get(row.context)
        if row.context in seen:
            found.append(f"{row.where}: {row.context}: given twice; keep one")
            continue
        seen.add(row.context)
        if message is None:
            found.append(
                f"{row.where}: {row.context}: no such text in the bot (a typo in the context?)"
            )
            continue
        if row.english != message.id:
            found.append(
                f"{row.where}: {row.context}: the English has changed since this file was"
                " exported; export a fresh file and translate the new English"
            )
            continue
        if row.reviewed and not row.text.strip():
            found.append(f"{row.where}: {row.context}: marked reviewed but has no translation")
        for problem in problems(row.context, row.english, row.text, rtl=False):
            found.append(f"{row.where}: {row.context}: {problem}")
    if found:
        raise ImportRefused(found)
    changed = reviewed = unreviewed = 0
    for row in rows:
        if not row.text.strip():
            continue
        message = current[row.context]
        was = (message.string, message.fuzzy)
        message.string = row.text
        if row.reviewed:
            message.flags.discard("fuzzy")
            reviewed += 1
        else:
            message.flags.add("fuzzy")
            unreviewed += 1
        changed += was != (message.string, message.fuzzy)
    write_catalog(catalog, path)
    return Imported(path, changed, reviewed, unreviewed)


def _another_language(file: Path, lang: str, texts: list[str]) -> str:
    """Why the translations look like another language's, or "" if they do not.

    A file saved for the wrong language (a Polish file imported as Lithuanian, an Urdu
    one as Arabic) would pass every per-entry check and replace a whole language.
    Judged on the letters of all the texts together: the script first, then the
    language, only when the detector is sure.
    """
    from bot.detect import SCRIPT_OF_LANGUAGE, detector_for, script_counts

    joined = "\n".join(texts)
    counts = script_counts(joined)
    letters = sum(counts.values())
    if letters < 200:
        return ""
    want = SCRIPT_OF_LANGUAGE.get(lang)
    script, most = counts.most_common(1)[0]
    if want and script != want and most > letters / 2:
        return (
            f"{file}: the translations are mostly in {script} script, but {lang!r} is written"
            f" in {want}: is this the file for another language?"
        )
    found = detector_for(tuple(sorted(SCRIPT_OF_LANGUAGE))).detect(joined)
    if found is not None and found.clear and found.lang != lang and found.lang != "en":
        return (
            f"{file}: the translations read as {found.lang!r}, not {lang!r}: is this the file"
            " for another language? (import it with the right --lang)"
        )
    return ""


def _read(file: Path) -> tuple[list[_Row], str | None]:
    if not file.exists():
        raise ImportRefused([f"{file}: no such file"])
    size = file.stat().st_size
    if size > MAX_IMPORT_BYTES:
        raise ImportRefused(
            [
                f"{file}: {size / 1e6:.1f} MB is far larger than a catalogue (under"
                f" {MAX_IMPORT_BYTES // 1_000_000} MB); is this the right file?"
            ]
        )
    if file.suffix.lower() == ".xlsx":
        return _read_xlsx(file)
    if file.suffix.lower() == ".po":
        return _read_po(file)
    raise ImportRefused([f"{file}: give a .po or .xlsx file"])


def _read_po(file: Path) -> tuple[list[_Row], str | None]:
    try:
        catalog: Catalog = read_catalog(file)
    except PoSyntaxError as exc:
        raise ImportRefused(exc.problems) from None
    except (PoFileError, ValueError, UnicodeDecodeError) as exc:
        raise ImportRefused([f"{file}: not a readable PO file: {exc}"]) from None
    rows = [
        _Row(
            f"{file}:{m.lineno}",
            m.context or "",
            str(m.id),
            m.string or "",
            bool(m.string) and not m.fuzzy,
        )
        for m in catalog
        if m.id
    ]
    missing = [r for r in rows if not r.context]
    if missing:
        raise ImportRefused(
            [f"{r.where}: entry without msgctxt; keep each entry's msgctxt line" for r in missing]
        )
    lang = str(catalog.locale) if catalog.locale else None
    return rows, lang


def _read_xlsx(file: Path) -> tuple[list[_Row], str | None]:
    try:
        # Formulas as written, not their last results: a formula is refused, never run.
        book = load_workbook(file, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ImportRefused([f"{file}: not a readable XLSX file ({type(exc).__name__})"]) from None
    sheet = book.worksheets[0]
    rows: list[_Row] = []
    problems_found: list[str] = []
    header = [str(c or "").strip() for c in next(sheet.iter_rows(max_row=1, values_only=True), ())]
    if tuple(header[: len(COLUMNS)]) != COLUMNS:
        raise ImportRefused(
            [f"{file}: row 1: expected the columns {', '.join(COLUMNS)} (export a fresh file)"]
        )
    for number, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        if number > MAX_ROWS:
            problems_found.append(f"{file}: more than {MAX_ROWS} rows; is this the right file?")
            break
        cells = [("" if v is None else str(v)) for v in (*values, *[None] * 5)[:5]]
        context, english, text, reviewed, _notes = cells
        if not any(cells[:4]):
            continue
        if any(c.startswith("=") for c in cells[:4]):
            problems_found.append(
                f"{file}: row {number}: {context}: a formula; type the translation as plain text"
            )
            continue
        flag = reviewed.strip().lower()
        if flag not in (YES, NO, ""):
            problems_found.append(f"{file}: row {number}: {context}: reviewed must be yes or no")
        rows.append(_Row(f"{file}: row {number}", context.strip(), english, text, flag == YES))
    book.close()
    if problems_found:
        raise ImportRefused(problems_found)
    return rows, sheet.title or None
