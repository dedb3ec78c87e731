"""The byte scan of XML parts (xmlscan) and the workbook limits (zipguard), in-process and fast."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from datasets_files import make_dart_xlsx, make_kobo_xlsx, make_xlsform
from hostile_files import HEADER_ROW, far_cell_xlsx, ordinary_xlsx, sheet_xml, write_workbook

from workbench.datasets import limits as L
from workbench.datasets import xmlscan
from workbench.datasets.xmlscan import Extent, XmlScan
from workbench.datasets.zipguard import check_workbook
from workbench.errors import ImportError_

MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
X = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def scan(xml: str, block: int) -> XmlScan:
    data, sc = xml.encode(), XmlScan()
    for i in range(0, len(data), block):
        sc.feed(data[i : i + block])
    sc.close()
    return sc


def far(cell: str) -> str:
    head = f'<?xml version="1.0"?><worksheet {MAIN} {X}><sheetData>{HEADER_ROW}'
    return f"{head}{cell}</sheetData></worksheet>"


# what python-calamine allocates for each (checked by hand against calamine 0.4: rows × columns)
CASES = {
    "reference": (far('<row r="900"><c r="ZZ900"><v>1</v></c></row>'), Extent(900, 702)),
    "prefixed cell": (
        far('<row r="900"><x:c r="ZZ900"><x:v>1</x:v></x:c></row>'),
        Extent(900, 702),
    ),
    "long prefix": (
        far(f'<row r="900"><{"p" * 40}:c r="ZZ900"><v>1</v></{"p" * 40}:c></row>'),
        Extent(900, 702),
    ),
    "lower case": (far('<row r="900"><c r="zz900"><v>1</v></c></row>'), Extent(900, 702)),
    "spaces": (far('<row r="900"><c r = "ZZ900"><v>1</v></c></row>'), Extent(900, 702)),
    "r not first": (
        far('<row spans="1:2" r="900"><c s="1" t="n" r="ZZ900"><v>1</v></c></row>'),
        Extent(900, 702),
    ),
    "formatting only": (far('<row r="900"><c r="ZZ900" s="1"/></row>'), Extent(1, 2)),
    "positional": (
        f"<worksheet {MAIN}><sheetData><row><c><v>1</v></c><c/><c><v>1</v></c></row>"
        '<row><c><v>1</v></c></row><row r="10"><c><v>2</v></c></row></sheetData></worksheet>',
        Extent(12, 3),  # an upper bound: 10 rows × 3 columns really
    ),
}


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("block", [1, 7, 1 << 20])
def test_the_scan_finds_the_used_range_across_block_boundaries(case: str, block: int) -> None:
    xml, extent = CASES[case]
    sc = scan(xml, block)
    assert sc.extent() == extent
    assert sc.max_depth in (5, 6)


def test_depth_counts_nesting_not_siblings() -> None:
    assert scan("<a>" + "<b/>" * 1000 + "</a>", 5).max_depth == 2
    assert scan("<a>" * 300 + "</a>" * 300, 11).max_depth == 300


def test_a_tag_without_end_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xmlscan, "MAX_TAG_BYTES", 1000)
    with pytest.raises(xmlscan.TagTooLong):
        scan("<a x='" + "y" * 5000, 100)


def test_real_workbooks_pass(tmp_path: Path) -> None:
    for path in (
        make_kobo_xlsx(tmp_path),
        make_xlsform(tmp_path),
        make_dart_xlsx(tmp_path),
        ordinary_xlsx(tmp_path / "o.xlsx"),
    ):
        check_workbook(path)


def _refused(path: Path, code: str) -> ImportError_:
    with pytest.raises(ImportError_) as info:
        check_workbook(path)
    assert info.value.code == code and str(info.value).startswith(f"{path.name}: ")
    return info.value


def test_each_limit_has_its_own_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(L, "MAX_SHARED_STRINGS", 3)
    sst = "<sst>" + "<si><t>x</t></si>" * 4 + "</sst>"
    _refused(
        write_workbook(tmp_path / "sst.xlsx", [sheet_xml(HEADER_ROW)], sst), "import.shared_strings"
    )
    monkeypatch.setattr(L, "MAX_WORKBOOK_CELLS", 10)
    sheet = sheet_xml(HEADER_ROW + '<row r="4"><c r="B4"><v>1</v></c></row>')
    _refused(write_workbook(tmp_path / "cells.xlsx", [sheet, sheet]), "import.workbook_too_large")
    monkeypatch.setattr(L, "MAX_TOTAL_BYTES", 1000)
    _refused(ordinary_xlsx(tmp_path / "total.xlsx", rows=50), "import.zip_total_size")


def test_a_damaged_archive_is_named(tmp_path: Path) -> None:
    path = ordinary_xlsx(tmp_path / "ok.xlsx", rows=200)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    at = info.header_offset + 30 + len(info.filename) + 20  # inside the compressed sheet
    data[at] ^= 0xFF
    path.write_bytes(bytes(data))
    _refused(path, "import.zip_damaged")


def test_the_message_is_translated(tmp_path: Path) -> None:
    err = _refused(far_cell_xlsx(tmp_path / "far.xlsx"), "import.sheet_too_large")
    assert err.render("fr").startswith("far.xlsx : la feuille Sheet1 s’étend sur 1,048,576 lignes")
    assert "Sheet1" in err.render("es") and "Sheet1" in err.render("ar")
