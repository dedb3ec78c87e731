"""Whole DataFrames (analysis results) ⇄ one compressed blob, exact to the bit and dtype.

Each column goes through the columnar codec; the blob is zlib'd JSON with base64 chunk bytes.
Row index is a fresh RangeIndex (results tables carry no meaningful index).
"""

from __future__ import annotations

import base64
import json
import zlib
from typing import Any

import numpy as np
import pandas as pd

from workbench.errors import VaultError
from workbench.vault.codec import Chunk, EncodedColumn, decode_column, encode_column


def _b(data: bytes | None) -> str | None:
    return None if data is None else base64.b64encode(data).decode("ascii")


def _ub(text: str | None) -> bytes | None:
    return None if text is None else base64.b64decode(text)


def frame_to_dict(frame: pd.DataFrame) -> dict[str, Any]:
    cols = []
    for pos, name in enumerate(frame.columns):
        enc = encode_column(str(name), frame.iloc[:, pos], compress=False)
        cols.append({
            "name": enc.name, "dtype": enc.dtype, "codec": enc.codec, "meta": enc.meta,
            "dictionary": _b(enc.dictionary),
            "chunks": [[c.n, c.physical, _b(c.data), _b(c.mask)] for c in enc.chunks],
        })  # fmt: skip
    return {"n_rows": len(frame), "columns": cols}


def frame_from_dict(d: dict[str, Any]) -> pd.DataFrame:
    n = int(d["n_rows"])
    series = {}
    for c in d["columns"]:
        chunks = [
            Chunk(int(k), p, _ub(data) or b"", False, _ub(m)) for k, p, data, m in c["chunks"]
        ]
        enc = EncodedColumn(
            c["name"], c["dtype"], c["codec"], c["meta"], _ub(c["dictionary"]), chunks
        )
        series[c["name"]] = decode_column(enc, n)
    if not series:
        return pd.DataFrame(index=pd.RangeIndex(n))
    frame = pd.DataFrame(series)
    frame.index = pd.RangeIndex(n)
    return frame


def json_default(v: Any) -> Any:
    if isinstance(v, np.generic):
        return v.item()
    if isinstance(v, set | frozenset | tuple):
        return list(v)
    return str(v)


def pack_tables(tables: dict[str, pd.DataFrame], meta: dict[str, Any]) -> tuple[bytes, str]:
    """(compressed payload, sha256 of the uncompressed payload)."""
    import hashlib

    body = {"format": 1, "tables": {k: frame_to_dict(v) for k, v in tables.items()}, "meta": meta}
    raw = json.dumps(body, default=json_default, sort_keys=True, ensure_ascii=False).encode()
    return zlib.compress(raw, 6), hashlib.sha256(raw).hexdigest()


def unpack_tables(blob: bytes) -> tuple[dict[str, pd.DataFrame], dict[str, Any]]:
    try:
        body = json.loads(zlib.decompress(blob).decode("utf-8"))
    except (zlib.error, ValueError) as exc:
        raise VaultError.of("vault.results_unreadable", detail=str(exc)) from exc
    if int(body.get("format", 0)) != 1:
        raise VaultError.of("vault.results_format_unknown")
    tables = {k: frame_from_dict(v) for k, v in body["tables"].items()}
    return tables, body["meta"]
