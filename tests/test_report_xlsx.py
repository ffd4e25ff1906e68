"""The hand-written XLSX, read back by openpyxl as a spreadsheet program would read it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile

from openpyxl import load_workbook

from bot.report import xlsx


def test_a_workbook_reads_back_with_its_values_styles_widths_and_frozen_panes(tmp_path):
    table = xlsx.Sheet("Q one_service", freeze=(2, 3), widths={1: 28, 2: 28, 3: 14})
    table.append(["Staff & volunteers <all> sites"], xlsx.TITLE)
    table.append(["Hidden: '<5' counts, '*' percentages."])
    table.append(["Split", "Group", "n"], xlsx.HEADER)
    table.append(["overall", "  two leading spaces", 115, 0.72, None, "<5", "*"])
    table.append(["area", "Łódź \x07bell", 0, 1.0, 3])
    method = xlsx.Sheet("Method & notes", widths={1: 120})
    method.append(["Numbers under 5 are hidden."])
    path = tmp_path / "report.xlsx"
    xlsx.save([table, method], path)

    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            ET.fromstring(z.read(name))  # every part is well-formed XML
    book = load_workbook(path)
    assert book.sheetnames == ["Q one_service", "Method & notes"]
    sheet = book["Q one_service"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][0] == "Staff & volunteers <all> sites"
    assert rows[3] == ["overall", "  two leading spaces", 115, 0.72, None, "<5", "*"]
    assert rows[4][:5] == ["area", "Łódź bell", 0, 1.0, 3]
    assert (sheet["A1"].font.b, sheet["A1"].font.sz) == (True, 12)
    assert sheet["C3"].font.b and sheet["C3"].fill.fgColor.rgb == "00F3F5F8"
    assert not sheet["A4"].font.b and sheet["A4"].fill.fill_type is None
    assert sheet.freeze_panes == "C4"
    assert [sheet.column_dimensions[c].width for c in "ABC"] == [28, 28, 14]
    notes = book["Method & notes"]
    assert notes["A1"].value == "Numbers under 5 are hidden."
    assert notes.column_dimensions["A"].width == 120
    assert notes.freeze_panes is None


def test_cell_references_past_z():
    assert [xlsx._ref(c, 1) for c in (1, 26, 27, 52, 53, 702, 703)] == [
        "A1",
        "Z1",
        "AA1",
        "AZ1",
        "BA1",
        "ZZ1",
        "AAA1",
    ]
