"""A small TOML writer that keeps plan files short and readable for people.

Top-level scalars first, then one ``[section]`` per table (``[inputs.<name>]`` for tables of
tables), ``[[array]]`` for arrays of tables. Inside a section, lists of scalars and small tables
are written inline; lists of tables one inline table per line. The output is plain TOML 1.0 and
reads back with :mod:`tomllib`.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

_BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def key(k: str) -> str:
    return k if _BARE.match(k) else string(k)


def string(s: str) -> str:
    return json.dumps(s, ensure_ascii=False).replace("\x7f", "\\u007f")


def scalar(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return repr(v)
    if isinstance(v, str):
        return string(v)
    raise TypeError(f"cannot write {type(v).__name__} to TOML")


def inline(v: Any) -> str:
    if isinstance(v, dict):
        if not v:
            return "{}"
        return "{ " + ", ".join(f"{key(k)} = {inline(x)}" for k, x in v.items()) + " }"
    if isinstance(v, list | tuple):
        return "[" + ", ".join(inline(x) for x in v) + "]"
    return scalar(v)


def _body(table: dict[str, Any]) -> list[str]:
    lines = []
    for k, v in table.items():
        if isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
            lines.append(f"{key(k)} = [")
            lines.extend(f"    {inline(x)}," for x in v)
            lines.append("]")
        else:
            lines.append(f"{key(k)} = {inline(v)}")
    return lines


def dumps(doc: dict[str, Any], header: str = "") -> str:
    lines: list[str] = [f"# {h}" if h else "#" for h in header.splitlines()] if header else []
    if lines:
        lines.append("")
    scalars = {k: v for k, v in doc.items() if not _is_section(v)}
    lines.extend(_body(scalars))
    for k, v in doc.items():
        if isinstance(v, dict):
            if v and all(isinstance(x, dict) for x in v.values()):
                for sub, table in v.items():
                    lines += ["", f"[{key(k)}.{key(sub)}]", *_body(table)]
            else:
                lines += ["", f"[{key(k)}]", *_body(v)]
        elif _is_section(v):
            for table in v:
                lines += ["", f"[[{key(k)}]]", *_body(table)]
    return "\n".join(lines) + "\n"


def _is_section(v: Any) -> bool:
    if isinstance(v, dict):
        return True
    return isinstance(v, list) and bool(v) and all(isinstance(x, dict) for x in v)
