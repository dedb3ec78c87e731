"""Dataset fingerprints: SHA-256 over what the vault stores for each column.

A fingerprint is the SHA-256 of, per column in order, the column's name and
:func:`workbench.vault.codec.column_digest` of its encoding (dtype, codec, dictionary, and every
chunk's values and missing mask, before compression; each part length-prefixed). The codec is a
deterministic function of the column, so the fingerprint of a frame, of the same frame after a
round trip through the vault, and the one recorded at import are equal (tests check it), and a
change to any value, dtype, name or column order changes it.

Why over the encoding and not over float64 values and text cell by cell (the first definition):
at import the encoded bytes already exist, and they are small (a survey code is one byte, not
eight), so the fingerprint costs ~0.03 s instead of ~0.25 s for 1,000,000 × 40
(``benchmarks/import_load.py``). Fingerprints recorded by earlier versions stay as they were
recorded; they are compared only with each other (results remember the fingerprint of the data
they were computed from).
"""

from __future__ import annotations

import hashlib

import pandas as pd

from workbench.vault.codec import EncodedColumn, column_digest, encode_column


class FrameDigest:
    """Feed encoded columns in order; ``hexdigest()`` is the dataset fingerprint."""

    def __init__(self) -> None:
        self._h = hashlib.sha256(b"workbench-dataset-fingerprint-2\x00")

    def add(self, name: str, enc: EncodedColumn) -> None:
        label = str(name).encode("utf-8")
        self._h.update(len(label).to_bytes(8, "little") + label)
        self._h.update(enc.digest if enc.digest is not None else column_digest(enc))

    def hexdigest(self) -> str:
        return self._h.hexdigest()


def fingerprint_frame(frame: pd.DataFrame) -> str:
    """The fingerprint the vault records when ``frame`` is imported."""
    digest = FrameDigest()
    for pos, col in enumerate(frame.columns):
        digest.add(str(col), encode_column(str(col), frame.iloc[:, pos]))
    return digest.hexdigest()
