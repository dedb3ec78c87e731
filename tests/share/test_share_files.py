"""The written extract of every format (issue 18, "Tests that must exist"): it satisfies the
requested k for every key combination when read back by an independent reader, and no direct
identifier or dropped variable is in any byte of any written file (compressed parts opened)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd
import pikepdf
import pyreadstat
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from share_testkit import SECRET_NAMES, SECRET_NOTE, SECRET_PHONE, dataset, export, spec

from workbench.errors import ExportError
from workbench.export_writer import AuditList
from workbench.share.anonymise import build
from workbench.share.export import write
from workbench.share.spec import Recipient

FORMATS = ("sav", "dta", "csv", "xlsx")
KEYS = ["sex", "region", "age", "size"]


def read_independently(path: Path) -> pd.DataFrame:
    """The file as a partner opens it (not through the Workbench's read-back)."""
    if path.suffix == ".sav":
        return pyreadstat.read_sav(str(path))[0]
    if path.suffix == ".dta":
        return pyreadstat.read_dta(str(path))[0]
    if path.suffix == ".csv":
        return pd.read_csv(path, encoding="utf-8-sig")
    return pd.read_excel(path, sheet_name="data", engine="openpyxl")


def brute_min_fk(frame: pd.DataFrame) -> int:
    rows = [tuple(None if pd.isna(v) else v for v in r)
            for r in frame[KEYS].itertuples(index=False, name=None)]  # fmt: skip
    return min(sum(all(x is None or y is None or x == y for x, y in zip(a, b, strict=True))
                   for b in rows) for a in rows)  # fmt: skip


people = st.lists(
    st.tuples(st.sampled_from([1, 2]), st.sampled_from(["north", "south", "=east", "west"]),
              st.integers(0, 90), st.integers(1, 9)),
    min_size=6, max_size=50,
)  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=5, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(rows=people, k=st.sampled_from([2, 3, 5]))
def test_the_written_file_is_k_anonymous(fmt: str, rows: list, k: int, tmp_path: Path) -> None:
    if len(rows) < k:
        return
    out = tmp_path / f"x{len(rows)}_{k}.{fmt}"
    shared, stored = export(dataset(rows), spec(k), out)
    written = read_independently(out)
    assert len(written) == len(rows)
    assert brute_min_fk(written) >= k
    assert shared.after.violations[k] == 0 and stored[0]["sha256"] == shared.sha256


@pytest.mark.parametrize("fmt", FORMATS)
def test_identifiers_and_dropped_variables_are_in_no_byte(fmt: str, tmp_path: Path) -> None:
    rows = [(1 + i % 2, "north" if i % 3 else "south", 20 + i % 5, 3) for i in range(30)]
    shared, _ = export(dataset(rows), spec(3), tmp_path / f"x.{fmt}", langs=("en", "ar"))
    secrets = [*SECRET_NAMES, SECRET_PHONE, SECRET_NOTE, "Quaxley", "555 0199", "blue mosque"]
    assert len(shared.paths) >= 3  # the data file (+ codebook), a report per language
    for path in shared.paths:
        for blob in _contents(path):
            for secret in secrets:
                assert secret.encode("utf-8") not in blob, (path.name, secret)
                assert secret.encode("utf-16-le") not in blob, (path.name, secret)


def _contents(path: Path) -> list[bytes]:
    """The file's bytes and, for compressed containers, every decompressed part."""
    data = path.read_bytes()
    parts = [data]
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts += [z.read(n) for n in z.namelist()]
    if path.suffix == ".pdf":
        with pikepdf.open(io.BytesIO(data)) as pdf:
            for obj in pdf.objects:
                if isinstance(obj, pikepdf.Stream):
                    parts.append(obj.read_bytes())
    return parts


def test_an_export_without_recipient_or_purpose_writes_nothing(tmp_path: Path) -> None:
    rows = [(1, "north", 30, 2)] * 6
    data = dataset(rows)
    extract = build(data, spec(3))
    sink = AuditList()
    for who, why, code in (("", "analysis", "share.no_recipient"),
                           ("NGO", "  ", "share.no_purpose")):  # fmt: skip
        with pytest.raises(ExportError) as err:
            write(extract, spec(3), Recipient(who, why), tmp_path / "x.csv", audit=sink,
                  store=lambda *a: None)  # fmt: skip
        assert err.value.code == code
    assert list(tmp_path.iterdir()) == [] and sink.entries == []


def test_formula_like_text_stays_text_and_labels_travel(tmp_path: Path) -> None:
    rows = [(1 + i % 2, "=east" if i % 2 else "north", 30, 2) for i in range(12)]
    export(dataset(rows), spec(2), tmp_path / "x.csv")
    text = (tmp_path / "x.csv").read_text(encoding="utf-8-sig")
    assert "'=east" in text and "\n=east" not in text
    book = (tmp_path / "x_codebook.csv").read_text(encoding="utf-8-sig")
    assert "Female" in book and "name" not in book.split("\n")[1:][0]
    export(dataset(rows), spec(2), tmp_path / "x.sav")
    _frame, meta = pyreadstat.read_sav(str(tmp_path / "x.sav"))
    assert meta.variable_value_labels["sex"] == {1.0: "Male", 2.0: "Female"}
    assert "name" not in meta.column_names and "note" not in meta.column_names
