"""Small, deterministic hostile input files, written by the tests (nothing large is committed).

Each builder writes a file of a few kilobytes (the zip bomb: about 2 MB) that used to crash the
process, exhaust memory or confuse the readers: a sheet with one far-away cell, a zip bomb, deeply
nested XML, a huge shared-strings table, a workbook with thousands of sheets or members.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

_ZIP_TIME = (2026, 3, 1, 0, 0, 0)
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def _content_types(n_sheets: int, shared: bool) -> str:
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>',
        f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>',
    ]
    parts += [
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_CT}.worksheet+xml"/>'
        for i in range(1, n_sheets + 1)
    ]
    if shared:
        parts.append(
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/>'
        )
    return "".join(parts) + "</Types>"


def _workbook(n_sheets: int) -> str:
    sheets = "".join(
        f'<sheet name="Sheet{i}" sheetId="{i}" r:id="rId{i}"/>' for i in range(1, n_sheets + 1)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook {_NS} xmlns:r="{_REL_NS}">'
        f"<sheets>{sheets}</sheets></workbook>"
    )


def _workbook_rels(n_sheets: int, shared: bool) -> str:
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{_REL_NS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, n_sheets + 1)
    )
    if shared:
        rels += (
            f'<Relationship Id="rId{n_sheets + 1}" Type="{_REL_NS}/sharedStrings" '
            'Target="sharedStrings.xml"/>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        f'openxmlformats.org/package/2006/relationships">{rels}</Relationships>'
    )


_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
    'org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)


def sheet_xml(body: str, dimension: str | None = None) -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_NS}>{dim}'
        f"<sheetData>{body}</sheetData></worksheet>"
    )


def _put(zf: zipfile.ZipFile, name: str, data: str | bytes | Iterable[bytes]) -> None:
    info = zipfile.ZipInfo(name, _ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    if isinstance(data, str | bytes):
        zf.writestr(info, data, compresslevel=9)
        return
    with zf.open(info, "w", force_zip64=True) as out:
        for block in data:
            out.write(block)


def write_workbook(
    path: Path,
    sheets: list[str | Iterable[bytes]],
    shared_strings: str | Iterable[bytes] | None = None,
    extra: dict[str, str] | None = None,
) -> Path:
    """An XLSX holding the given sheet XML (text or a stream of byte blocks)."""
    shared = shared_strings is not None
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        _put(zf, "[Content_Types].xml", _content_types(len(sheets), shared))
        _put(zf, "_rels/.rels", _ROOT_RELS)
        _put(zf, "xl/workbook.xml", _workbook(len(sheets)))
        _put(zf, "xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets), shared))
        for i, sheet in enumerate(sheets, 1):
            _put(zf, f"xl/worksheets/sheet{i}.xml", sheet)
        if shared_strings is not None:
            _put(zf, "xl/sharedStrings.xml", shared_strings)
        for name, text in (extra or {}).items():
            _put(zf, name, text)
    return path


def _cells_ab(rows: int) -> str:
    return "".join(
        f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="B{r}"><v>{r % 3}</v></c></row>'
        for r in range(2, rows + 2)
    )


HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>b</t></is></c></row>'
)


def ordinary_xlsx(path: Path, rows: int = 5) -> Path:
    """A plain two-column sheet (the control: it must import)."""
    return write_workbook(path, [sheet_xml(HEADER_ROW + _cells_ab(rows), f"A1:B{rows + 1}")])


def far_cell_xlsx(path: Path, dimension: str | None = "A1:XFD1048576") -> Path:
    """Cells A1 and XFD1048576 only: 1.5 KB on disk, a 16,384 × 1,048,576 dense range in memory."""
    body = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>'
        '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    )
    return write_workbook(path, [sheet_xml(body, dimension)])


def lying_dimension_xlsx(path: Path) -> Path:
    """The dimension says A1:B3; a cell far away says otherwise."""
    body = HEADER_ROW + _cells_ab(2) + '<row r="900000"><c r="ZZ900000"><v>1</v></c></row>'
    return write_workbook(path, [sheet_xml(body, "A1:B3")])


def _bomb_rows(target_bytes: int) -> Iterator[bytes]:
    yield sheet_xml("").split("<sheetData>")[0].encode() + b"<sheetData>"
    yield HEADER_ROW.encode()
    row = b"<row>" + b"<c><v>0</v></c>" * 2 + b"</row>"
    block = row * (1 << 16)
    done = 0
    while done < target_bytes:
        yield block
        done += len(block)
    yield b"</sheetData></worksheet>"


def zip_bomb_xlsx(path: Path, expanded_bytes: int = 1_500_000_000) -> Path:
    """A sheet of identical rows expanding to ``expanded_bytes`` of XML (1.5 GB → about 1.5 MB)."""
    return write_workbook(path, [_bomb_rows(expanded_bytes)])


def deep_xml_xlsx(path: Path, depth: int = 100_000) -> Path:
    """A cell whose inline string is nested ``depth`` elements deep."""
    nested = "<r>" * depth + "x" + "</r>" * depth
    body = HEADER_ROW + f'<row r="2"><c r="A2" t="inlineStr"><is>{nested}</is></c></row>'
    return write_workbook(path, [sheet_xml(body, "A1:B2")])


def _shared_strings(count: int, length: int) -> Iterator[bytes]:
    yield (
        f'<?xml version="1.0" encoding="UTF-8"?><sst {_NS} count="{count}" uniqueCount="{count}">'
    ).encode()
    item = b"<si><t>" + b"x" * length + b"</t></si>"
    block = item * max(1, (1 << 20) // len(item))
    per_block = (1 << 20) // len(item) or 1
    for _ in range(0, count, per_block):
        yield block
    yield b"</sst>"


def huge_shared_strings_xlsx(path: Path, count: int = 20_000_000, length: int = 8) -> Path:
    """A shared-strings table of ``count`` strings referenced by no cell."""
    body = HEADER_ROW + _cells_ab(2)
    return write_workbook(path, [sheet_xml(body, "A1:B3")], _shared_strings(count, length))


def many_sheets_xlsx(path: Path, n_sheets: int = 5_000) -> Path:
    sheet = sheet_xml(HEADER_ROW + _cells_ab(1), "A1:B2")
    return write_workbook(path, [sheet] * n_sheets)


def many_members_xlsx(path: Path, n_members: int = 20_000) -> Path:
    extra = {f"xl/media/pad{i}.xml": "<a/>" for i in range(n_members)}
    return ordinary_xlsx_with(path, extra)


def ordinary_xlsx_with(path: Path, extra: dict[str, str]) -> Path:
    return write_workbook(path, [sheet_xml(HEADER_ROW + _cells_ab(3), "A1:B4")], extra=extra)


def utf16_csv(path: Path, codec: str = "utf-16-le") -> Path:
    """A CSV in UTF-16/32 without a byte-order mark (``codec``: utf-16-le, utf-32-be, …)."""
    text = "id,town,size\n1,Aden,3\n2,Ibb,4\n3,شمال,5\n"
    path.write_bytes(text.encode(codec))
    return path


def damaged_sav(path: Path, good: bytes) -> Path:
    """A real SPSS file cut in the middle of its dictionary, with a few flipped bytes."""
    data = bytearray(good[: len(good) // 2])
    for i in range(200, min(len(data), 400), 7):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    return path
