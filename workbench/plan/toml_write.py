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
                lines += _nested(key(k), v)
        elif _is_section(v):
            for table in v:
                lines += ["", f"[[{key(k)}]]", *_body(table)]
    return "\n".join(lines) + "\n"


def _tables(v: Any) -> bool:
    return isinstance(v, list) and bool(v) and all(isinstance(x, dict) for x in v)


def _holds_arrays(v: Any) -> bool:
    """A table holding arrays of tables (``[design.calibration]`` and its margins): written as
    a section of its own so each margin's totals get one line per cell."""
    return isinstance(v, dict) and any(_tables(x) for x in v.values())


def _sub_section(path: str, table: dict[str, Any]) -> list[str]:
    """``[path]`` with its plain keys, then ``[[path.k]]`` per row, each row's non-empty
    tables as ``[path.k.t]`` (one line per key: a margin's totals)."""
    lines = ["", f"[{path}]", *_body({a: b for a, b in table.items() if not _tables(b)})]
    for name, rows in table.items():
        if not _tables(rows):
            continue
        for row in rows:
            big = {a: b for a, b in row.items() if isinstance(b, dict) and b}
            lines += ["", f"[[{path}.{key(name)}]]"]
            lines += _body({a: b for a, b in row.items() if a not in big})
            for a, b in big.items():
                lines += [f"[{path}.{key(name)}.{key(a)}]", *_body(b)]
    return lines


def _is_section(v: Any) -> bool:
    if isinstance(v, dict):
        return True
    return isinstance(v, list) and bool(v) and all(isinstance(x, dict) for x in v)


def _nested(name: str, table: dict[str, Any]) -> list[str]:
    """``[name]`` with its plain keys, then each array of tables as ``[[name.k]]`` whose own
    tables of tables (``inputs = {x = {...}}``) become ``[name.k.inputs.x]`` — how a person
    writes ``[rounds]``."""
    arrays = {k: v for k, v in table.items() if _is_section(v) and isinstance(v, list)}
    held = {k: v for k, v in table.items() if _holds_arrays(v)}  # [design.calibration]
    plain = {k: v for k, v in table.items() if k not in arrays and k not in held}
    lines = ["", f"[{name}]", *_body(plain)]
    for k, v in held.items():
        lines += _sub_section(f"{name}.{key(k)}", v)
    for k, rows in arrays.items():
        for row in rows:
            subs = {
                s: v
                for s, v in row.items()
                if isinstance(v, dict) and v and all(isinstance(x, dict) for x in v.values())
            }
            lines += [
                "",
                f"[[{name}.{key(k)}]]",
                *_body({s: v for s, v in row.items() if s not in subs}),
            ]
            for s, tables in subs.items():
                for sub, inner in tables.items():
                    lines += ["", f"[{name}.{key(k)}.{key(s)}.{key(sub)}]", *_body(inner)]
    return lines
