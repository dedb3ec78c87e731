"""Reading TOML written by people (plans, templates, indicator libraries) with one clear message
for each way it can fail, naming the file and the line: not UTF-8 text, nested deeper than the
parser's stack (``a = [[[[…]]]]`` made ``tomllib`` raise RecursionError), or invalid TOML.

The error class and the message codes are the caller's (``PlanError`` and ``plan.*`` for plans,
``LibraryError`` and ``library.*`` for the library), so each face renders them in its area's
words: ``<area>.not_utf8``, ``<area>.toml_too_deep`` and ``<area>.toml``/``toml_invalid``.
"""

from __future__ import annotations

import tomllib
from typing import Any

from workbench.errors import WorkbenchError

#: deeper than this many nested arrays / inline tables, the line is named as the culprit
REPORT_DEPTH = 64


def decode(raw: bytes, source: str, error: type[WorkbenchError], area: str) -> str:
    """``raw`` as text (UTF-8, an optional BOM dropped); the error names the line and the byte's
    position in it, never the byte itself."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise error.of(f"{area}.not_utf8", file=source, line=line, column=column) from None


def loads(text: str, source: str, error: type[WorkbenchError], area: str) -> dict[str, Any]:
    """Parse TOML text. A structure nested too deep for the parser is ``<area>.toml_too_deep``
    naming the line; TOMLDecodeError is left to the caller (each area words it already)."""
    try:
        return tomllib.loads(text)
    except (RecursionError, MemoryError):
        raise error.of(f"{area}.toml_too_deep", file=source, line=deep_line(text)) from None


def deep_line(text: str, limit: int = REPORT_DEPTH) -> int:
    """The first line where arrays / inline tables nest deeper than ``limit`` (strings and
    comments skipped; 1 when no such line is found)."""
    depth = 0
    quote = ""
    for number, line in enumerate(text.splitlines(), start=1):
        i = 0
        while i < len(line):
            c = line[i]
            if quote:
                if c == "\\" and quote == '"':
                    i += 2
                    continue
                if line.startswith(quote, i):
                    i += len(quote)
                    quote = ""
                    continue
            elif c == "#":
                break
            elif c in "\"'":
                quote = c * 3 if line.startswith(c * 3, i) else c
                i += len(quote)
                continue
            elif c in "[{":
                depth += 1
                if depth > limit:
                    return number
            elif c in "]}":
                depth = max(depth - 1, 0)
            i += 1
        if len(quote) == 1:
            quote = ""  # a one-line string ends with its line
    return 1
