"""Property tests: damaged or random input gives a whole dataset or ImportError_, nothing else."""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.dataset_model import Dataset
from workbench.datasets.importing import ImportOptions, read_datasets
from workbench.errors import ImportError_

SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _outcome(path: Path, opts: ImportOptions | None = None) -> list[Dataset] | None:
    try:
        datasets = read_datasets(path, opts or ImportOptions())
    except ImportError_ as err:
        assert path.name in str(err) and "\n" not in str(err)
        return None
    for ds in datasets:  # complete: every column described, all columns the same length
        assert list(ds.variables) == [str(c) for c in ds.frame.columns]
        assert all(len(ds.frame[c]) == ds.n_rows for c in ds.frame.columns)
        assert ds.source["sha256"]
    return datasets


@pytest.fixture(scope="module")
def workdir() -> Path:
    d = Path(tempfile.mkdtemp(prefix="wb-damaged-"))
    yield d
    shutil.rmtree(d, ignore_errors=True)


@SETTINGS
@given(
    data=st.binary(max_size=3000),
    ext=st.sampled_from([".csv", ".tsv", ".xlsx", ".sav", ".dta", ".bin"]),
)
@pytest.mark.slow
def test_random_bytes(workdir: Path, data: bytes, ext: str) -> None:
    path = workdir / f"random{ext}"
    path.write_bytes(data)
    _outcome(path)


@pytest.mark.parametrize("fixture", ["sav_path", "dta_path", "kobo_xlsx", "dart_xlsx", "csv"])
def test_truncated_and_flipped_real_files(
    request: pytest.FixtureRequest, tmp_path: Path, fixture: str
) -> None:
    if fixture == "csv":
        src = tmp_path / "real.csv"
        src.write_text('id,town,note\n1,Aden,"a, b"\n2,شمال,"x\ny"\n3,Ibb,\n', encoding="utf-8")
    else:
        src = request.getfixturevalue(fixture)
    data = src.read_bytes()

    @settings(max_examples=15, deadline=None)
    @given(cut=st.integers(0, len(data) - 1), flip=st.none() | st.integers(0, len(data) - 1))
    def run(cut: int, flip: int | None) -> None:
        damaged = bytearray(data)
        if flip is None:
            damaged = damaged[:cut]
        else:
            damaged[flip] ^= 0xFF
        path = tmp_path / f"damaged{src.suffix}"
        path.write_bytes(bytes(damaged))
        _outcome(path)

    run()


cell = st.text(alphabet=st.sampled_from(list('ab1,;"\t\n\r 9.-é')), max_size=6)


@SETTINGS
@given(
    rows=st.lists(st.lists(cell, min_size=0, max_size=5), min_size=0, max_size=12),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_NONE, csv.QUOTE_ALL]),
    delim=st.sampled_from([",", ";", "\t"]),
)
def test_random_csv_shapes(workdir: Path, rows: list[list[str]], quoting: int, delim: str) -> None:
    buf = io.StringIO()
    try:
        csv.writer(buf, delimiter=delim, quoting=quoting, escapechar="\\").writerows(rows)
    except csv.Error:
        return
    path = workdir / "shape.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    result = _outcome(path)
    if result is not None:
        (ds,) = result
        assert isinstance(ds.frame, pd.DataFrame)


@SETTINGS
@given(rows=st.lists(st.lists(st.integers(0, 99), min_size=3, max_size=3), min_size=1, max_size=30))
def test_well_formed_csv_always_imports_exactly(workdir: Path, rows: list[list[int]]) -> None:
    path = workdir / "good.csv"
    path.write_text(
        "a,b,c\n" + "".join(",".join(map(str, r)) + "\n" for r in rows), encoding="utf-8"
    )
    (ds,) = read_datasets(path, ImportOptions())
    assert ds.frame.to_numpy().tolist() == [[float(v) for v in r] for r in rows]
