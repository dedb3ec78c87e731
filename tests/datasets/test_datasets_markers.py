"""Missing-value markers (``NA`` from R, ``.`` from Stata, blanks): the same data whatever the
writer, markers made missing only where a column is otherwise numeric, counted and kept."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.datasets import csv_parse
from workbench.datasets.importing import ImportOptions, read_datasets
from workbench.datasets.markers import DEFAULT_NA, marker_set
from workbench.vault import KdfParams, Vault
from workbench.vault.fingerprint import fingerprint_frame

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plan"))
import plan_testdata as td

FAST_KDF = KdfParams(8192, 1, 1)


def _write(frame: pd.DataFrame, path: Path, marker: str, quote_text: bool = False) -> Path:
    """A CSV as R's ``write.csv(row.names = FALSE)`` (quoted names and text, ``NA``), Stata's
    export (``.``) or a blank-writing tool would write it."""

    def cell(v: object) -> str:
        if v is None or (isinstance(v, float) and np.isnan(v)):
            return marker
        if isinstance(v, float):
            return repr(int(v)) if v.is_integer() else repr(v)
        return f'"{v}"' if quote_text else str(v)

    q = (lambda s: f'"{s}"') if quote_text else str
    lines = [",".join(q(c) for c in frame.columns)]
    lines += [",".join(cell(v) for v in row) for row in frame.itertuples(index=False)]
    path.write_text("\n".join(lines) + "\n")
    return path


def _import(path: Path, name: str, **kw: object) -> object:
    opts = ImportOptions(name=name, default_identifier_action="keep", **kw)  # type: ignore[arg-type]
    (ds,) = read_datasets(path, opts)
    return ds


WRITERS = {"r": ("NA", True), "stata": (".", False), "blank": ("", False)}


def test_r_stata_and_blank_files_give_identical_datasets_and_estimates(tmp_path: Path) -> None:
    from workbench.plan.evaluate import evaluate
    from workbench.plan.model import Plan
    from workbench.stats import analyze
    from workbench.stats.options import AnalysisOptions

    plan = Plan.from_toml(td.PLAN_TOML)
    results = {}
    datasets = {}
    for who, (marker, quoted) in WRITERS.items():
        hh = _write(td.households().frame, tmp_path / f"hh_{who}.csv", marker, quoted)
        ind = _write(td.individuals().frame, tmp_path / f"ind_{who}.csv", marker, quoted)
        got = {"hh": _import(hh, "hh"), "ind": _import(ind, "ind")}
        datasets[who] = got
        for name, made in (("hh", td.households()), ("ind", td.individuals())):
            got[name].variables = made.variables  # type: ignore[attr-defined]  # labels, codes
            got[name].unit, got[name].parent = made.unit, made.parent  # type: ignore[attr-defined]
            got[name].key, got[name].parent_key = made.key, made.parent_key  # type: ignore[attr-defined]
        frame = evaluate(plan, td.library(), got)  # type: ignore[arg-type]
        results[who] = analyze(frame, AnalysisOptions()).estimates
    for who in ("r", "stata"):
        for name in ("hh", "ind"):
            a, b = datasets[who][name], datasets["blank"][name]
            pd.testing.assert_frame_equal(a.frame, b.frame, check_exact=True)  # type: ignore[attr-defined]
            assert fingerprint_frame(a.frame) == fingerprint_frame(b.frame)  # type: ignore[attr-defined]
        pd.testing.assert_frame_equal(results[who], results["blank"], check_exact=True)
    # the values are the hand-made survey's, and the markers were counted per column
    pd.testing.assert_frame_equal(
        datasets["blank"]["hh"].frame,  # type: ignore[attr-defined]
        td.households().frame,
        check_exact=True,
    )
    assert datasets["r"]["hh"].missing_markers == {"food_worry": {"NA": 1}, "hlp_doc": {"NA": 4}}  # type: ignore[attr-defined]
    assert datasets["stata"]["hh"].missing_markers == {"food_worry": {".": 1}, "hlp_doc": {".": 4}}  # type: ignore[attr-defined]
    assert datasets["blank"]["hh"].missing_markers == {}  # type: ignore[attr-defined]


def test_markers_are_kept_in_the_vault_and_shown(tmp_path: Path, passphrase: str) -> None:
    frame = pd.DataFrame({"x": [1.0, np.nan, 0.0, np.nan], "cat": ["a", "NA", "b", "NA"]})
    path = _write(frame, tmp_path / "r.csv", "NA")
    ds = _import(path, "r")
    assert ds.missing_markers == {"x": {"NA": 2}}  # type: ignore[attr-defined]
    assert ds.frame["cat"].tolist() == ["a", "NA", "b", "NA"]  # type: ignore[attr-defined]
    kept = [w for w in ds.source["warnings"] if w["code"] == "dataset.marker_kept_as_text"]  # type: ignore[attr-defined]
    assert kept and kept[0]["params"]["column"] == "cat" and "'NA' (2)" in kept[0]["message"]
    v = Vault.create(tmp_path / "v.dsv", passphrase, kdf=FAST_KDF)
    (info,) = v.save_datasets([ds])  # type: ignore[list-item]
    assert info.source["missing_markers"] == {"x": {"NA": 2}}
    back = v.load_dataset("r")
    assert back.missing_markers == {"x": {"NA": 2}} and "missing_markers" not in back.source
    assert fingerprint_frame(back.frame) == info.fingerprint


def test_marker_options(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("a,b,c\n1,NA,-9\n2,3,unknown\n.,4,5\n")
    ds = _import(path, "m", na_values=("unknown",))
    assert ds.missing_markers == {"a": {".": 1}, "b": {"NA": 1}, "c": {"unknown": 1}}  # type: ignore[attr-defined]
    assert ds.frame["c"].tolist()[::2] == [-9.0, 5.0]  # type: ignore[attr-defined]
    plain = _import(path, "m", default_na=False)
    assert plain.frame.dtypes.map(str).tolist() == ["str", "str", "str"]  # type: ignore[attr-defined]
    assert plain.missing_markers == {}  # type: ignore[attr-defined]
    assert marker_set((), True) == frozenset(m for m in DEFAULT_NA if m)


def test_xlsx_markers(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["x", "cat"], [1, "a"], ["#N/A", "NA"], [0, "b"], ["NA", "NA"]):
        ws.append(row)
    path = tmp_path / "m.xlsx"
    wb.save(path)
    ds = _import(path, "m")
    assert ds.frame["x"].dtype == np.float64  # type: ignore[attr-defined]
    # an error cell (#N/A written by openpyxl) reaches us empty from calamine: missing, uncounted
    assert ds.missing_markers == {"x": {"NA": 1}}  # type: ignore[attr-defined]
    assert ds.frame["x"].isna().tolist() == [False, True, False, True]  # type: ignore[attr-defined]
    assert ds.frame["cat"].tolist() == ["a", "NA", "b", "NA"]  # type: ignore[attr-defined]


_markers = st.sampled_from([m for m in DEFAULT_NA if m])


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    n=st.integers(30, 26_000),
    seed=st.integers(0, 2**31),
    placed=st.lists(st.tuples(st.floats(0, 1), _markers), min_size=1, max_size=6),
    late=st.booleans(),
    parallel=st.booleans(),
)
def test_property_markers_anywhere_give_numbers_and_counts(
    tmp_path_factory: pytest.TempPathFactory,
    n: int,
    seed: int,
    placed: list[tuple[float, str]],
    late: bool,
    parallel: bool,
) -> None:
    """A numeric column with markers anywhere (past the 20,000-row type sample too) is numeric
    with NaN there and the counts are right; a text column with a category ``NA`` stays text."""
    rng = np.random.default_rng(seed)
    values = rng.integers(0, 5, n).astype(str).astype(object)
    expected: dict[str, int] = {}
    rows = set()
    for where, marker in placed:
        lo = min(20_001, n - 1) if late else 0
        i = lo + int(where * (n - 1 - lo))
        if i in rows:
            continue
        rows.add(i)
        values[i] = marker
        expected[marker] = expected.get(marker, 0) + 1
    cats = rng.choice(np.array(["yes", "no", "NA"], dtype=object), n)
    path = tmp_path_factory.mktemp("m") / "m.csv"
    path.write_text("v,cat\n" + "\n".join(f"{a},{b}" for a, b in zip(values, cats, strict=True)))
    old = csv_parse.PARALLEL_MIN_BYTES
    csv_parse.PARALLEL_MIN_BYTES = 0 if parallel else 1 << 62
    try:
        ds = _import(path, "m", chunk_rows=4_000)
    finally:
        csv_parse.PARALLEL_MIN_BYTES = old
    v = ds.frame["v"]  # type: ignore[attr-defined]
    assert v.dtype == np.float64
    assert np.isnan(v.to_numpy()[sorted(rows)]).all()
    assert int(v.isna().sum()) == len(rows)
    assert ds.missing_markers == {"v": expected}  # type: ignore[attr-defined]
    assert ds.frame["cat"].dtype == "str"  # type: ignore[attr-defined]
    assert ds.frame["cat"].tolist() == cats.tolist()  # type: ignore[attr-defined]
