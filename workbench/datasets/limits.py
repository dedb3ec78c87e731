"""The limits a spreadsheet must respect before any reader allocates memory for it.

XLSX/XLSM files (plain, Kobo exports, DART workbooks, XLSForms) are zip archives of XML. The
reader (python-calamine) builds one dense, in-memory range per sheet from the first to the last
cell that holds a value, so a 1.5 KB file with cells ``A1`` and ``XFD1048576`` asks for
16,384 × 1,048,576 cells (512 GiB) and aborts the process; a 4 MB zip bomb expands to 1.5 GB of
XML and keeps the reader busy for minutes. :mod:`workbench.datasets.zipguard` therefore reads the
zip central directory and streams every XML part through a small byte scanner (standard library
and numpy, constant memory) and compares what it finds with the numbers below. A file over any of
them is refused with one line naming the file, the part or sheet, and the limit.

How the numbers were chosen (measured on this project's 2-core test machine, calamine 0.4):

* **Cells per sheet — 6,000,000** (rows × columns of the sheet's *used range*, i.e. from A1 to
  the last cell holding a value; a declared ``<dimension>`` is not trusted, the cells are). Reading
  a sheet costs 50–110 bytes of memory per cell (calamine's range plus the Python values the
  typing pass needs), so 6 M cells peak at about 0.7 GB on top of the 170 MB the program needs,
  which keeps the worst file that passes every limit under 1 GB. A 20,000-household Kobo export
  with its 97,000-member roster has 2.0 M and 3.8 M cells. Larger tables: export CSV, which is read
  in chunks with no such limit.
* **Cells in the workbook — 15,000,000** (all sheets together): Kobo and DART workbooks read every
  sheet and keep each as a dataset.
* **Rows 1,048,576 and columns 16,384**: the limits of the file format itself (Excel's).
* **Shared strings — 6,000,000** (the table of distinct texts loaded in full before any cell):
  no sheet can use more distinct texts than it has cells.
* **Uncompressed size — 512 MiB per part, 1 GiB in all**: a 6 M-cell sheet is 100–250 MB of XML
  (``<c r="AB12" t="n"><v>1</v></c>``); the parts are decompressed as a stream, so this bounds
  time, not memory (the scan added 2.4 s of CPU to the 15.3 s import of 110 MB of sheet XML).
* **Compression ratio — 200:1 for parts larger than 8 MiB**: real sheets compress 10–25:1
  (measured: Kobo-style exports 12.6:1 and 22.6:1), a sheet of repeated empty rows about 100:1;
  zip bombs 300–1000:1. Small parts (styles, relationships) may compress better and are harmless.
* **Parts in the archive — 10,000; sheets — 1,000**: a workbook has about five parts plus two per
  sheet; each sheet costs the reader a directory entry and a pass.
* **XML nesting depth — 100**: SpreadsheetML nests about 7 deep (worksheet, sheetData, row, c,
  is, r, t), drawings about 20; a hostile file nests hundreds of thousands deep to exhaust
  recursive parsers.

SPSS and Stata files are parsed first in a helper process whose address space is limited to
:func:`helper_data_bytes` (see :mod:`workbench.datasets.sandbox`).
"""

from __future__ import annotations

MAX_SHEET_CELLS = 6_000_000
MAX_WORKBOOK_CELLS = 15_000_000
MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
MAX_SHARED_STRINGS = 6_000_000
MAX_PART_BYTES = 512 * 2**20
MAX_TOTAL_BYTES = 2**30
MAX_RATIO = 200
RATIO_MIN_BYTES = 8 * 2**20
MAX_PARTS = 10_000
MAX_SHEETS = 1_000
MAX_XML_DEPTH = 100

#: memory the SPSS/Stata helper process may map for parsing, beyond what it maps once started:
#: at least 512 MiB, else 64 × the file (SPSS compresses a number to one byte, 8:1, and a short
#: text to one byte that becomes a ~50-byte Python string)
HELPER_MIN_DATA_BYTES = 512 * 2**20
HELPER_BYTES_PER_FILE_BYTE = 64


def helper_data_bytes(file_size: int) -> int:
    """Address space (bytes) the helper may add while parsing a file of ``file_size`` bytes."""
    return max(HELPER_MIN_DATA_BYTES, HELPER_BYTES_PER_FILE_BYTE * file_size)
