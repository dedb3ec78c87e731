"""The gate's checks on a Word file, over its text read back with python-docx: the translation
check (``language_check``) on every paragraph and cell, and the file's tables equal, cell for
cell, to the tables of the story the PDF was laid out from (so no value, flag or footnote is
lost or altered between the two, and a value the gate kept out of the PDF is out of Word too).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from docx import Document
from reportlab.platypus import KeepTogether, Table

from workbench.findings import Finding
from workbench.reporting.context import ReportContext
from workbench.reporting.docx_cells import plain_text
from workbench.reporting.language_check import CODE, EXAMPLES, _leaks, known_translations
from workbench.reporting.rtl import is_rtl, without_marks
from workbench.reporting.typography import NBSP, typeset
from workbench.stats.snapshot import RunSnapshot


def read_docx(data: bytes) -> Any:
    return Document(io.BytesIO(data))


def docx_paragraphs(doc: Any) -> Iterator[str]:
    """Every paragraph's text: the body, each table cell (once per merged cell), the footers;
    without the bidi marks that isolate left-to-right runs in an Arabic file."""
    yield from (without_marks(p.text) for p in doc.paragraphs)
    for table in doc.tables:
        for row in docx_table_rows(table):
            yield from row
    for section in doc.sections:
        yield from (without_marks(p.text) for p in section.footer.paragraphs)


def docx_table_rows(table: Any) -> list[list[str]]:
    """A table's rows as texts, a merged cell once."""
    rows = []
    for row in table.rows:
        seen: set[int] = set()
        texts = []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            texts.append(without_marks(cell.text))
        rows.append(texts)
    return rows


def story_tables(flowables: list[Any], lang: str) -> list[list[list[str]]]:
    """The story's tables as the Word file must show them: logical column order, the column
    names first (no title row: a table's title is the heading or paragraph above it, a long
    table's pointer to its notes a paragraph before it), a spanning section row as its one
    text (the contents are Word's own field, not a table)."""
    from reportlab.platypus.tableofcontents import TableOfContents

    out: list[list[list[str]]] = []
    for f in flowables:
        if isinstance(f, KeepTogether):
            out += story_tables(list(f._content), lang)
        elif isinstance(f, Table) and not isinstance(f, TableOfContents):
            spans = {cmd[1][1] % len(f._cellvalues) for cmd in getattr(f, "_spanCmds", [])}
            rows = []
            for r, row in enumerate(f._cellvalues):
                texts = [typeset(plain_text(v), lang) for v in row]
                if is_rtl(lang):
                    texts = texts[::-1]
                rows.append([next((t for t in texts if t), "")] if r in spans else texts)
            out.append(rows)
    return out


def _spaced(tables: list[list[list[str]]]) -> list[list[list[str]]]:
    """The tables' texts with each no-break space and line break a space: Word may break an
    Arabic header's line before its last two words (``docx_cells._header_lines``: "فترة ثقة /
    95%" left the number alone) — a line break the story does not decide."""
    return [
        [[" ".join(cell.replace(NBSP, " ").split()) for cell in row] for row in table]
        for table in tables
    ]


def check_docx(
    data: bytes, flowables: list[Any], ctx: ReportContext, snap: RunSnapshot | None
) -> list[Finding]:
    doc = read_docx(data)
    out: list[Finding] = []
    got = _spaced([docx_table_rows(t) for t in doc.tables])
    want = _spaced(story_tables(flowables, ctx.language))
    if got != want:
        where = next(
            (i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b),
            min(len(got), len(want)),
        )
        out.append(
            Finding.of(
                "report.docx_same_tables",
                "error",
                tables=len(got),
                expected=len(want),
                table=where + 1,
            )
        )
    if ctx.language != "en" and snap is not None:
        leaked = _leaks(docx_paragraphs(doc), known_translations(snap, ctx.language))
        if leaked:
            examples = "; ".join(leaked[:EXAMPLES])
            out.append(
                Finding.of(CODE, "error", wording="leaked", count=len(leaked), examples=examples)
            )
    return out
