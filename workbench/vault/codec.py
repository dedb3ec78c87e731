"""Columnar codec: one pandas column ⇄ a list of typed, chunked byte blobs.

Why: survey exports exceed SQLite's 2,000-column limit, and analyses load whole columns. Each
column is stored as chunks of ``CHUNK_ROWS`` values in the narrowest exact physical type:

- ``num``: float columns whose values are all whole numbers in range are stored as int8/16/32
  plus a NaN bitmask (survey codes 1..99 take 1 byte instead of 8); other floats as float64;
  integer columns in the narrowest integer type. Restored to the original dtype, bit for bit.
- ``bool``: bit-packed. ``masked`` (pandas Int64/Float64/boolean): values + NA bitmask.
- ``datetime``: int64 ticks in the column's own unit (NaT is int64 min), timezone in meta.
- ``text``: dictionary-encoded: the distinct strings once (zlib'd JSON) + int8/16/32 codes per row
  (-1 = missing). ``category`` the same with its categories and order.
- ``json``: fallback for object columns mixing plain scalars (str/int/float/bool/None).

Chunks are zlib level 1-compressed when that saves at least 10% (see docs/vault.md for numbers).
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from workbench.errors import VaultError

CHUNK_ROWS = 1 << 18
COMPRESS_LEVEL = 1
COMPRESS = False
MIN_SAVING = 0.10
_INT_TYPES = (np.int8, np.int16, np.int32, np.int64)


@dataclass
class Chunk:
    n: int
    physical: str  # numpy dtype name of ``data``
    data: bytes
    compressed: bool = False
    mask: bytes | None = None  # packed bits, 1 = missing


@dataclass
class EncodedColumn:
    name: str
    dtype: str
    codec: str
    meta: dict[str, Any] = field(default_factory=dict)
    dictionary: bytes | None = None
    chunks: list[Chunk] = field(default_factory=list)
    #: :func:`column_digest` when already taken (an encoding done ahead of the save), else None
    digest: bytes | None = None


# ------------------------------------------------------------------ helpers
def _pack(data: bytes, compress: bool) -> tuple[bytes, bool]:
    if not compress or len(data) < 256:
        return data, False
    z = zlib.compress(data, COMPRESS_LEVEL)
    if len(z) <= len(data) * (1 - MIN_SAVING):
        return z, True
    return data, False


def _unpack(data: bytes, compressed: bool) -> bytes:
    return zlib.decompress(data) if compressed else data


def _smallest_int(lo: float, hi: float) -> type[np.signedinteger[Any]]:
    for t in _INT_TYPES:
        info = np.iinfo(t)
        if info.min <= lo and hi <= info.max:
            return t
    return np.int64


def _chunks(arr: np.ndarray, mask: np.ndarray | None, compress: bool) -> Iterator[Chunk]:
    for start in range(0, max(len(arr), 1), CHUNK_ROWS):
        part = arr[start : start + CHUNK_ROWS]
        data, z = _pack(np.ascontiguousarray(part).tobytes(), compress)
        m = None
        if mask is not None:
            mpart = mask[start : start + CHUNK_ROWS]
            if mpart.any():
                m = np.packbits(mpart).tobytes()
        yield Chunk(len(part), part.dtype.str, data, z, m)


def _pack_json(obj: Any) -> bytes:
    return zlib.compress(json.dumps(obj, ensure_ascii=False).encode("utf-8"), COMPRESS_LEVEL)


def _unpack_json(blob: bytes) -> Any:
    return json.loads(zlib.decompress(blob).decode("utf-8"))


# ------------------------------------------------------------------ encode
def encode_column(name: str, s: pd.Series, *, compress: bool = COMPRESS) -> EncodedColumn:
    dtype = s.dtype
    col = EncodedColumn(name=name, dtype=str(dtype), codec="")
    if isinstance(dtype, pd.CategoricalDtype):
        return _encode_category(col, s, compress)
    if isinstance(dtype, pd.DatetimeTZDtype) or (
        isinstance(dtype, np.dtype) and dtype.kind in "mM"
    ):
        col.codec = "datetime"
        arr = np.asarray(s.array.asi8 if hasattr(s.array, "asi8") else s.to_numpy()).view("int64")
        col.chunks = list(_chunks(arr, None, compress))
        return col
    if isinstance(dtype, np.dtype) and dtype.kind == "b":
        col.codec = "bool"
        col.chunks = list(_chunks(np.packbits(s.to_numpy()), None, compress))
        col.meta["bits"] = True
        return col
    if isinstance(dtype, np.dtype) and dtype.kind in "iuf":
        col.codec = "num"
        col.chunks = list(_encode_numeric(s.to_numpy(), compress))
        return col
    if (
        isinstance(dtype, pd.api.extensions.ExtensionDtype)
        and dtype.kind in "iufb"
        and not isinstance(dtype, pd.StringDtype)
    ):
        return _encode_masked(col, s, compress)
    if isinstance(dtype, pd.StringDtype) or (isinstance(dtype, np.dtype) and dtype.kind == "O"):
        return _encode_text(col, s, compress)
    raise VaultError.of("vault.column_type_unsupported", name=name, dtype=dtype)


def _encode_numeric(arr: np.ndarray, compress: bool) -> Iterator[Chunk]:
    if arr.dtype.kind in "iu":
        if len(arr) and arr.dtype.itemsize > 1:
            lo, hi = int(arr.min()), int(arr.max())
            if arr.dtype.kind == "i" or hi <= np.iinfo(np.int64).max:
                arr = arr.astype(_smallest_int(lo, hi), copy=False)
        yield from _chunks(arr, None, compress)
        return
    if arr.dtype == np.float64 and len(arr):
        small = _whole_numbers(arr)
        if small is not None:
            yield from _chunks(small[0], small[1], compress)
            return
    yield from _chunks(arr, None, compress)


#: rows per block of the whole-number test: the float temporaries stay in the CPU's cache
_TEST_ROWS = 1 << 15


def _whole_numbers(arr: np.ndarray) -> tuple[np.ndarray, np.ndarray | None] | None:
    """A float64 column as the narrowest integer type (NaN as 0) and its NaN mask (None without
    NaN), when every present value is a whole number in int32's range, exactly to the bit (a
    ``-0.0`` or a fraction says no); else None. The range comes from ``fmin``/``fmax``, which
    skip NaN, and the test runs block by block: no column-sized float copies (a 1M × 114 save
    spent half its encoding time on them)."""
    nan = np.isnan(arr)
    has_nan = bool(nan.any())
    if has_nan and bool(nan.all()):
        flo = fhi = 0.0
    else:
        flo, fhi = float(np.fmin.reduce(arr)), float(np.fmax.reduce(arr))
    if not (flo >= -(2**31) and fhi < 2**31):  # also false for ±inf
        return None
    ints = np.empty(len(arr), dtype=_smallest_int(flo, fhi))
    for start in range(0, len(arr), _TEST_ROWS):
        block = arr[start : start + _TEST_ROWS]
        if has_nan:
            block = np.where(nan[start : start + _TEST_ROWS], 0.0, block)
        out = ints[start : start + _TEST_ROWS]
        np.copyto(out, block, casting="unsafe")
        if not np.array_equal(out.astype(np.float64).view(np.int64), block.view(np.int64)):
            return None
    return ints, (nan if has_nan else None)


def _encode_masked(col: EncodedColumn, s: pd.Series, compress: bool) -> EncodedColumn:
    col.codec = "masked"
    mask = s.isna().to_numpy()
    np_dtype = s.dtype.numpy_dtype  # type: ignore[union-attr]
    fill = False if np_dtype.kind == "b" else 0
    values = s.to_numpy(dtype=np_dtype, na_value=fill)
    col.chunks = list(_chunks(values, mask if mask.any() else None, compress))
    return col


def _codes_dtype(n: int) -> type[np.signedinteger[Any]]:
    return _smallest_int(-1, n)


def _mostly_unique(obj: np.ndarray) -> bool:
    """Identifier-like text (sampled): store as a plain list, not a dictionary."""
    sample = obj[:20000]
    return len(sample) >= 1000 and len(pd.unique(sample)) > 0.5 * len(sample)


def _encode_text(col: EncodedColumn, s: pd.Series, compress: bool) -> EncodedColumn:
    obj = s.to_numpy(dtype=object)
    if not isinstance(s.dtype, pd.StringDtype):
        kind = pd.api.types.infer_dtype(obj, skipna=True) if len(obj) else "empty"
        if kind not in ("string", "empty"):
            return _encode_json(col, obj, pd.isna(obj), compress)
    if _mostly_unique(obj):
        plain = _encode_plain(col, s, obj, compress)
        if plain is not None:
            return plain
    codes, uniques_arr = pd.factorize(obj, use_na_sentinel=True)
    uniques: list[str] = uniques_arr.tolist()
    col.codec = "text"
    _note_na(col, s, obj, codes < 0)
    col.dictionary = _pack_json(uniques)
    col.chunks = list(_chunks(codes.astype(_codes_dtype(len(uniques))), None, compress))
    return col


def _encode_plain(
    col: EncodedColumn, s: pd.Series, obj: np.ndarray, compress: bool
) -> EncodedColumn | None:
    """Per chunk: the values joined by NUL as UTF-8, plus a missing bitmask. None if a value
    itself contains NUL (then the dictionary codec is used)."""
    missing = pd.isna(obj)
    has_missing = bool(missing.any())
    values = obj.tolist()
    if has_missing:
        for i in np.flatnonzero(missing):
            values[i] = ""
    chunks = []
    for start in range(0, max(len(values), 1), CHUNK_ROWS):
        part = values[start : start + CHUNK_ROWS]
        joined = "\x00".join(part)
        if joined.count("\x00") != max(len(part) - 1, 0):
            return None
        data, z = _pack(joined.encode("utf-8"), compress)
        m = missing[start : start + CHUNK_ROWS]
        chunks.append(
            Chunk(len(part), "utf8", data, z, np.packbits(m).tobytes() if m.any() else None)
        )
    col.codec = "plain"
    _note_na(col, s, obj, missing)
    col.chunks = chunks
    return col


def _note_na(col: EncodedColumn, s: pd.Series, obj: np.ndarray, missing: np.ndarray) -> None:
    """Object columns: remember which missing marker they used (None, pd.NA or NaN)."""
    if isinstance(s.dtype, np.dtype) and missing.any():
        first = obj[np.argmax(missing)]
        col.meta["na"] = "none" if first is None else ("pd.NA" if first is pd.NA else "nan")


def _encode_json(
    col: EncodedColumn, obj: np.ndarray, missing: np.ndarray, compress: bool
) -> EncodedColumn:
    col.codec = "json"
    out: list[Any] = []
    for v in obj:
        if v is None or (v is not pd.NA and isinstance(v, float) and np.isnan(v)) or v is pd.NA:
            out.append(None if v is None else ({"na": "pd.NA"} if v is pd.NA else {"na": "nan"}))
        elif isinstance(v, bool | int | float | str):
            out.append(v)
        elif isinstance(v, np.generic):
            out.append(v.item())
        else:
            raise VaultError.of("vault.value_type_unsupported", col=col.name, kind=type(v).__name__)
    col.dictionary = _pack_json(out)
    col.chunks = []
    col.meta["n"] = len(out)
    return col


def _encode_category(col: EncodedColumn, s: pd.Series, compress: bool) -> EncodedColumn:
    col.codec = "category"
    cat = s.cat
    cats = [c.item() if isinstance(c, np.generic) else c for c in cat.categories]
    col.meta.update({"ordered": bool(cat.ordered), "categories_dtype": str(cat.categories.dtype)})
    col.dictionary = _pack_json(cats)
    codes = cat.codes.to_numpy()
    col.chunks = list(_chunks(codes.astype(_codes_dtype(len(cats))), None, compress))
    return col


def column_digest(col: EncodedColumn) -> bytes:
    """SHA-256 of everything a column stores, taken before compression: dtype, codec, meta, the
    dictionary and every chunk's row count, physical type, values and missing mask. The encoding
    is a deterministic function of the column (its dtype and values), so equal columns give equal
    digests on any machine and any change to a value changes the digest."""
    h = hashlib.sha256()

    def part(data: bytes | memoryview) -> None:
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)

    part(col.dtype.encode("utf-8"))
    part(col.codec.encode("utf-8"))
    part(json.dumps(col.meta, sort_keys=True).encode("utf-8"))
    part(b"-" if col.dictionary is None else b"+" + zlib.decompress(col.dictionary))
    for ch in col.chunks:
        part(f"{ch.n}:{ch.physical}".encode())
        part(_unpack(ch.data, ch.compressed))
        part(b"-" if ch.mask is None else b"+" + ch.mask)
    return h.digest()


# ------------------------------------------------------------------ decode
def _decode_chunks(chunks: list[Chunk]) -> tuple[np.ndarray, np.ndarray | None]:
    parts: list[np.ndarray] = []
    masks: list[np.ndarray] = []
    any_mask = False
    for ch in chunks:
        arr = np.frombuffer(_unpack(ch.data, ch.compressed), dtype=np.dtype(ch.physical))
        parts.append(arr)
        if ch.mask is not None:
            any_mask = True
            masks.append(np.unpackbits(np.frombuffer(ch.mask, np.uint8), count=ch.n).astype(bool))
        else:
            masks.append(np.zeros(ch.n, dtype=bool))
    values = np.concatenate(parts) if len(parts) != 1 else parts[0]
    return values, (np.concatenate(masks) if any_mask else None)


def _masks(chunks: list[Chunk]) -> np.ndarray | None:
    if all(ch.mask is None for ch in chunks):
        return None
    return np.concatenate([
        np.unpackbits(np.frombuffer(ch.mask, np.uint8), count=ch.n).astype(bool)
        if ch.mask is not None else np.zeros(ch.n, dtype=bool)
        for ch in chunks
    ])  # fmt: skip


def _decode_num(chunks: list[Chunk], target: np.dtype) -> np.ndarray:
    """A numeric column written straight into one fresh array, chunk by chunk (no concatenated
    copies of the narrow values or of the masks); masked rows are NaN."""
    total = sum(ch.n for ch in chunks)
    out = np.empty(total, dtype=target)
    pos = 0
    for ch in chunks:
        part = out[pos : pos + ch.n]
        part[...] = np.frombuffer(_unpack(ch.data, ch.compressed), dtype=np.dtype(ch.physical))
        if ch.mask is not None:
            bits = np.unpackbits(np.frombuffer(ch.mask, np.uint8), count=ch.n).view(bool)
            np.copyto(part, np.nan, where=bits)
        pos += ch.n
    return out


def decode_column(col: EncodedColumn, n_rows: int) -> pd.Series:
    name = col.name
    if col.codec == "json":
        vals = [_json_value(v) for v in _unpack_json(col.dictionary or b"")]
        return pd.Series(np.array([*vals], dtype=object) if vals else [], dtype=object, name=name)
    if col.codec == "plain":
        values, mask = np.array([]), _masks(col.chunks)
    elif col.codec == "num":
        values, mask = np.array([]), None  # decoded chunk by chunk into the result below
    else:
        values, mask = _decode_chunks(col.chunks) if col.chunks else (np.array([]), None)
    if col.codec == "num":
        return pd.Series(_decode_num(col.chunks, np.dtype(col.dtype)), name=name, copy=False)
    if col.codec == "bool":
        bits = np.unpackbits(values.view(np.uint8), count=n_rows).astype(bool)
        return pd.Series(bits, name=name, copy=False)
    if col.codec == "datetime":
        ticks = values.astype(np.int64)
        dt = pd.api.types.pandas_dtype(col.dtype)
        if isinstance(dt, pd.DatetimeTZDtype):
            unit = dt.unit
            naive = pd.Series(ticks.view(f"datetime64[{unit}]"), name=name)
            return naive.dt.tz_localize("UTC").dt.tz_convert(dt.tz)
        return pd.Series(ticks.view(dt), name=name, copy=True)
    if col.codec == "masked":
        dt = pd.api.types.pandas_dtype(col.dtype)
        m = mask if mask is not None else np.zeros(len(values), dtype=bool)
        arr = pd.array(values.copy(), dtype=dt)
        if m.any():
            arr[m] = pd.NA
        return pd.Series(arr, name=name)
    if col.codec in ("text", "plain"):
        na = {"none": None, "pd.NA": pd.NA}.get(col.meta.get("na", "nan"), np.nan)
        if col.codec == "plain":
            obj = np.empty(n_rows, dtype=object)
            pos = 0
            for ch in col.chunks:
                if ch.n:
                    obj[pos : pos + ch.n] = (
                        _unpack(ch.data, ch.compressed).decode("utf-8").split("\x00")
                    )
                pos += ch.n
            miss = mask if mask is not None else np.zeros(n_rows, dtype=bool)
        else:
            uniques = np.array(_unpack_json(col.dictionary or b""), dtype=object)
            codes = values.astype(np.intp)
            miss = codes < 0
            if len(uniques):
                obj = uniques.take(np.where(miss, 0, codes))
            else:
                obj = np.empty(len(codes), dtype=object)
        if miss.any():
            obj[miss] = na
        if col.dtype == "object":
            return pd.Series(obj, dtype=object, name=name)
        return pd.Series(obj, dtype=pd.api.types.pandas_dtype(col.dtype), name=name)
    if col.codec == "category":
        cats = _unpack_json(col.dictionary or b"")
        cat_index = pd.Index(cats, dtype=col.meta.get("categories_dtype"))
        cat = pd.Categorical.from_codes(
            values.astype(np.int64), categories=cat_index, ordered=col.meta.get("ordered", False)
        )
        return pd.Series(cat, name=name)
    raise VaultError.of("vault.unknown_codec", name=name, codec=col.codec)


def _json_value(v: Any) -> Any:
    if isinstance(v, dict) and "na" in v:
        return pd.NA if v["na"] == "pd.NA" else np.nan
    return v
