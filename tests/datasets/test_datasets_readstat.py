"""SPSS .sav and Stata .dta import: labels, value labels, user-missing codes kept as values."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from workbench.datasets.importing import ImportOptions, read_datasets
from workbench.datasets.readstat import STATA_MISSING_BASE
from workbench.errors import ImportError_


def test_sav_labels_missing_codes_and_measure(sav_path: Path) -> None:
    (ds,) = read_datasets(sav_path, ImportOptions())
    assert ds.source["format"] == "sav"
    status = ds.variables["status"]
    assert status.label == "Displacement status"
    assert status.value_labels == {1.0: "IDP", 2.0: "Host", 98.0: "Don't know", 99.0: "Refused"}
    assert sorted(status.missing_codes) == [98.0, 99.0]
    assert status.measure == "nominal"
    # user-missing codes stay in the data, system-missing is NaN
    values = ds.frame["status"].tolist()
    assert values[:5] == [1.0, 2.0, 98.0, 1.0, 99.0] and np.isnan(values[5])
    assert status.is_missing(ds.frame["status"]).tolist() == [False, False, True, False, True, True]
    income = ds.variables["income"]
    assert income.missing_ranges == [(999.0, 1000.0)] and income.measure == "scale"
    assert ds.frame["income"].iloc[2] == 999.0
    assert ds.frame["region"].dtype == "str" and ds.frame["region"].isna().tolist()[2]
    assert income.extra["spss_format"].startswith("F")


def test_dta_extended_missing_stay_distinguishable(dta_path: Path) -> None:
    (ds,) = read_datasets(dta_path, ImportOptions())
    status = ds.variables["status"]
    a, b = STATA_MISSING_BASE - 1, STATA_MISSING_BASE - 2
    assert status.extra["stata_missing"] == {".a": a, ".b": b}
    assert sorted(status.missing_codes) == sorted([a, b])
    values = ds.frame["status"].tolist()
    assert values[:5] == [1.0, 2.0, a, 1.0, b] and np.isnan(values[5])
    assert status.label == "Displacement status"
    assert status.value_labels == {1.0: "IDP", 2.0: "Host"}
    assert ds.frame["status"].dtype == np.float64


def test_truncated_files_name_the_file(tmp_path: Path, sav_path: Path, dta_path: Path) -> None:
    for src in (sav_path, dta_path):
        cut = tmp_path / f"cut{src.suffix}"
        cut.write_bytes(src.read_bytes()[: len(src.read_bytes()) // 2])
        with pytest.raises(ImportError_, match=rf"cut\{src.suffix}"):
            read_datasets(cut, ImportOptions())


def test_unknown_and_random_files(tmp_path: Path) -> None:
    f = tmp_path / "data.bin"
    f.write_bytes(bytes(range(256)))
    with pytest.raises(ImportError_, match=r"data\.bin: unknown file type \.bin"):
        read_datasets(f, ImportOptions())
    with pytest.raises(ImportError_, match="no such file"):
        read_datasets(tmp_path / "missing.csv", ImportOptions())
    g = tmp_path / "noext"
    g.write_bytes(b"$FL2 not really spss")
    with pytest.raises(ImportError_, match="noext"):
        read_datasets(g, ImportOptions())
