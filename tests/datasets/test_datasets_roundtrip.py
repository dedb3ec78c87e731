"""Round trips: file → reader → identical values, labels and codes; then → vault → identical."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from datasets_files import kobo_rows, sav_frame

from workbench.dataset_model import Dataset
from workbench.datasets.importing import ImportOptions, read_datasets
from workbench.datasets.readstat import STATA_MISSING_BASE

KEEP = ImportOptions(default_identifier_action="keep")


def _csv_frame() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    return pd.DataFrame(
        {
            "hh_id": np.arange(1, 51, dtype=float),
            "weight": np.round(rng.uniform(0.5, 3.0, 50), 6),
            "status": rng.choice([1.0, 2.0, 98.0], 50),
            "region": pd.Series(
                rng.choice(["Nord", "Sud", "Est, centre", 'dit "x"', "شمال"], 50), dtype="str"
            ),
        }
    )


def test_csv_round_trip(tmp_path: Path) -> None:
    src = _csv_frame()
    path = tmp_path / "rt.csv"
    src.to_csv(path, index=False)
    (ds,) = read_datasets(path, KEEP)
    pd.testing.assert_frame_equal(ds.frame, src, check_dtype=False)
    assert ds.frame["weight"].dtype == np.float64


def test_kobo_round_trip(kobo_xlsx: Path) -> None:
    main, roster = kobo_rows()
    hh, member = read_datasets(kobo_xlsx, KEEP)
    src = pd.DataFrame(main[1:], columns=main[0])
    assert hh.frame["hh_size"].tolist() == [float(v) for v in src["grp_hh/hh_size"]]
    assert hh.frame["needs"].tolist() == src["grp_hh/needs"].tolist()
    assert hh.frame["phone"].tolist() == src["grp_contact/phone"].tolist()
    assert hh.frame["_uuid"].tolist() == src["_uuid"].tolist()
    rsrc = pd.DataFrame(roster[1:], columns=roster[0])
    assert member.frame["_parent_index"].tolist() == [float(v) for v in rsrc["_parent_index"]]


def test_sav_round_trip(sav_path: Path) -> None:
    (ds,) = read_datasets(sav_path, KEEP)
    src = sav_frame()
    src["region"] = src["region"].replace("", None).astype("str")
    pd.testing.assert_frame_equal(ds.frame, src, check_dtype=False)
    v = ds.variables["status"]
    assert v.value_labels == {1.0: "IDP", 2.0: "Host", 98.0: "Don't know", 99.0: "Refused"}
    assert sorted(v.missing_codes) == [98.0, 99.0]


def test_dta_round_trip(dta_path: Path) -> None:
    (ds,) = read_datasets(dta_path, KEEP)
    a, b = STATA_MISSING_BASE - 1, STATA_MISSING_BASE - 2
    assert ds.frame["hh_id"].tolist() == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
    assert ds.frame["status"].tolist()[:5] == [1.0, 2.0, a, 1.0, b]
    assert ds.frame["region"].tolist() == ["North", "South", "West", "North", "East", "South"]


def _vault(tmp_path: Path):  # type: ignore[no-untyped-def]
    vault_mod = pytest.importorskip("workbench.vault")
    fast = vault_mod.KdfParams(memory_kib=8192, iterations=1, lanes=1)
    return vault_mod.Vault.create(tmp_path / "v.db", "pw", kdf=fast)


def _same(a: Dataset, b: Dataset) -> None:
    pd.testing.assert_frame_equal(a.frame.reset_index(drop=True), b.frame.reset_index(drop=True))
    assert [v.to_dict() for v in a.variables.values()] == [
        v.to_dict() for v in b.variables.values()
    ]
    assert (a.unit, a.key, a.parent, a.parent_key, a.languages) == (
        b.unit,
        b.key,
        b.parent,
        b.parent_key,
        b.languages,
    )


@pytest.mark.parametrize("fixture", ["sav_path", "dta_path", "kobo_xlsx", "dart_xlsx", "csv"])
def test_round_trip_through_the_vault(
    tmp_path: Path, request: pytest.FixtureRequest, fixture: str, xlsform_path: Path
) -> None:
    if fixture == "csv":
        path = tmp_path / "rt.csv"
        _csv_frame().to_csv(path, index=False)
    else:
        path = request.getfixturevalue(fixture)
    opts = ImportOptions(
        xlsform=xlsform_path if fixture == "kobo_xlsx" else None,
        identifier_actions={"phone": "hash"} if fixture == "kobo_xlsx" else {},
    )
    datasets = read_datasets(path, opts)
    vault = _vault(tmp_path)
    try:
        infos = vault.save_datasets(datasets)
        assert [i.name for i in infos] == [d.name for d in datasets]
        for ds in datasets:
            _same(ds, vault.load_dataset(ds.name))
    finally:
        vault.lock()
