"""The CSV parse cut into byte ranges parsed on two threads gives exactly the one-thread result.

Real files in tmp_path; the size threshold is lowered so small files take the two-range path.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.datasets import csv_parse
from workbench.datasets.csv_parse import split_points
from workbench.datasets.importing import ImportOptions, read_datasets
from workbench.datasets.scan import ByteScan
from workbench.errors import Cancelled, ImportError_
from workbench.progress import CancelToken


def _read(path: Path, *, parallel: bool, **kw: object) -> pd.DataFrame:
    old = csv_parse.PARALLEL_MIN_BYTES
    csv_parse.PARALLEL_MIN_BYTES = 0 if parallel else 1 << 62
    try:
        opts = ImportOptions(default_identifier_action="keep", chunk_rows=7, **kw)  # type: ignore[arg-type]
        (ds,) = read_datasets(path, opts)
        return ds.frame
    finally:
        csv_parse.PARALLEL_MIN_BYTES = old


def _same(path: Path, **kw: object) -> pd.DataFrame:
    one = _read(path, parallel=False, **kw)
    two = _read(path, parallel=True, **kw)
    pd.testing.assert_frame_equal(two, one, check_exact=True)
    return two


def _kw(encoding: str = "utf-8", skiprows: int = 0) -> dict[str, object]:
    return {"encoding": encoding, "skiprows": skiprows}


def _quote_parity_ok(data: bytes, cuts: list[int]) -> None:
    for c in cuts[1:]:
        assert data[c - 1 : c] == b"\n" and data[:c].count(b'"') % 2 == 0


def test_split_points_cut_after_a_line_end_outside_quotes(tmp_path: Path) -> None:
    rows = ["id,note"] + [f'{i},"line one\nline ""two"", {i}"' for i in range(200)]
    data = "\n".join(rows).encode() + b"\n"
    p = tmp_path / "q.csv"
    p.write_bytes(data)
    for n in (2, 3, 5):
        cuts = split_points(p, _kw(), len(data), n)
        assert cuts[0] == 0 and len(cuts) == n and cuts == sorted(set(cuts))
        _quote_parity_ok(data, cuts)
        # every range starts a record: it parses to whole rows
        for a, b in zip(cuts, [*cuts[1:], len(data)], strict=True):
            if a:
                part = list(csv.reader(io.StringIO(data[a:b].decode())))
                assert all(len(r) == 2 and r[1].startswith("line one\n") for r in part)


def test_split_points_keep_the_preamble_and_header_in_the_first_range(tmp_path: Path) -> None:
    p = tmp_path / "h.csv"
    data = b"Survey export\nsecond preamble line\na,b\n1,2\n"
    p.write_bytes(data)
    cuts = split_points(p, _kw(skiprows=2), len(data), 2)
    assert cuts == [0] or cuts[1] >= data.index(b"a,b\n") + 4


def test_split_points_one_range_for_encodings_with_multibyte_line_ends(tmp_path: Path) -> None:
    p = tmp_path / "u16.csv"
    data = ("a,b\n" + "1,2\n" * 1000).encode("utf-16")
    p.write_bytes(data)
    assert split_points(p, _kw("utf-16"), len(data), 2) == [0]


def test_split_points_no_cut_inside_one_long_quoted_field(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(csv_parse, "_MAX_LOOKAHEAD", 1 << 10)
    p = tmp_path / "long.csv"
    data = b'a,b\n1,"' + b"x\n" * 5000 + b'"\n'
    p.write_bytes(data)
    assert split_points(p, _kw(), len(data), 2) == [0]


def test_split_points_without_quotes_near_the_target_read_only_a_window(
    tmp_path: Path, monkeypatch
) -> None:
    """No quote near the middle: the cut is the first line end after it, found without counting
    the quotes of the first half (which the file has, far from the middle)."""
    p = tmp_path / "w.csv"
    data = b'id,note\n1,"a ""b"""\n' + b"".join(b"%d,plain\n" % i for i in range(40_000))
    p.write_bytes(data)
    counted: list[int] = []
    monkeypatch.setattr(csv_parse, "_counted_cuts", lambda *a: counted.append(1) or [0])
    cuts = split_points(p, _kw(), len(data), 2)
    assert not counted and len(cuts) == 2
    assert cuts[1] == data.index(b"\n", len(data) // 2) + 1
    _quote_parity_ok(data, cuts)


def _long_quoted_field_in_the_middle(tmp_path: Path) -> tuple[Path, bytes]:
    """A quoted field of many lines across the file's middle, without a quote byte within
    ``_QUIET`` bytes of the middle: the quick cut lands inside it."""
    inner = b"x\n" * (3 * csv_parse._QUIET // 2)
    head = b"".join(b"%d,plain\n" % i for i in range(4000))
    data = b"id,note\n" + head + b'4000,"' + inner + b'"\n' + head
    p = tmp_path / "mid.csv"
    p.write_bytes(data)
    return p, data


def test_a_cut_inside_a_quoted_field_is_caught_by_the_scan(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(csv_parse, "_QUIET", 1 << 12)
    p, data = _long_quoted_field_in_the_middle(tmp_path)
    cuts = split_points(p, _kw(), len(data), 2)
    assert len(cuts) == 2 and data[: cuts[1]].count(b'"') % 2 == 1  # inside the field
    bad = ByteScan(p, "utf-8", ",", 0, 2, cuts=cuts)
    bad.run()
    assert not bad.ok
    good = ByteScan(p, "utf-8", ",", 0, 2, cuts=[0, data.rindex(b'"\n') + 2])
    good.run()
    assert good.ok and good.records == 8001
    out = _same(p)  # parsed again on one thread: the field is whole
    assert len(out) == 8001 and out["note"].iloc[4000] == ("x\n" * (3 * csv_parse._QUIET // 2))


@pytest.mark.slow
def test_two_ranges_equal_one_on_a_survey_like_file(tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    n = 3000
    frame = pd.DataFrame(
        {
            "hh_id": [f"HH-{i:05d}" for i in range(n)],
            "region": rng.choice(["North", "South", " ", "East West"], n),
            "q1": np.where(rng.random(n) < 0.1, np.nan, rng.integers(1, 6, n)),
            "w": rng.gamma(2.0, 100.0, n),
            "note": rng.choice(['said "no"', "a, b", "two\nlines", ""], n),
        }
    )
    frame.loc[2500, "q1"] = np.nan
    p = tmp_path / "s.csv"
    frame.to_csv(p, index=False)
    size = p.stat().st_size
    assert len(split_points(p, _kw(), size, 2)) == 2  # the two-range path is the one taken
    out = _same(p)
    assert len(out) == n and out["w"].dtype == np.float64
    assert out["region"].isna().sum() == (frame["region"] == " ").sum()  # blank → missing


def test_two_ranges_a_column_that_turns_to_text_in_the_second_range(tmp_path: Path) -> None:
    lines = ["id,code"] + [f"{i},{i % 7}" for i in range(400)] + ["400,none"]
    p = tmp_path / "m.csv"
    p.write_text("\n".join(lines) + "\n")
    out = _same(p)
    assert out["code"].iloc[-1] == "none" and out["code"].iloc[0] == "0"


@pytest.mark.parametrize(
    ("encoding", "text"),
    [("utf-8-sig", "é"), ("cp1252", "é"), ("cp1256", "ب")],
)
def test_two_ranges_with_bom_and_code_pages(tmp_path: Path, encoding: str, text: str) -> None:
    body = "".join(f"{i},{text}{i % 5}\n" for i in range(500))
    p = tmp_path / "e.csv"
    p.write_bytes(("id,name\n" + body).encode(encoding))
    kw = {} if encoding == "utf-8-sig" else {"encoding": encoding}
    out = _same(p, **kw)
    assert out["name"].iloc[1] == f"{text}1" and len(out) == 500


def test_two_ranges_with_a_preamble_crlf_and_blank_lines(tmp_path: Path) -> None:
    body = "\r\n".join(f"{i},{i * 2}" + ("\r\n" if i % 50 == 0 else "") for i in range(600))
    p = tmp_path / "c.csv"
    p.write_bytes(("Exported 2026\r\nid,v\r\n" + body + "\r\n").encode())
    out = _same(p, header_row=1)
    assert list(out.columns) == ["id", "v"] and len(out) == 600


def test_two_ranges_a_wrong_field_count_in_the_second_range_names_the_line(tmp_path: Path) -> None:
    lines = ["a,b"] + [f"{i},{i}" for i in range(500)]
    lines[450] = "449,1,extra"
    p = tmp_path / "bad.csv"
    p.write_text("\n".join(lines) + "\n")
    with pytest.raises(ImportError_) as e:
        _read(p, parallel=True)
    assert "bad.csv" in str(e.value) and "451" in str(e.value)


def test_two_ranges_cancel_stops_both_threads(tmp_path: Path) -> None:
    p = tmp_path / "big.csv"
    p.write_text("a,b\n" + "".join(f"{i},{i}\n" for i in range(5000)))
    token = CancelToken()
    token.cancel()
    old = csv_parse.PARALLEL_MIN_BYTES
    csv_parse.PARALLEL_MIN_BYTES = 0
    try:
        with pytest.raises(Cancelled):
            read_datasets(p, ImportOptions(chunk_rows=7), cancel=token)
    finally:
        csv_parse.PARALLEL_MIN_BYTES = old


_cell = st.one_of(
    st.integers(-50, 50).map(str),
    st.floats(-1e6, 1e6, allow_nan=False).map(lambda x: f"{x:.3f}"),
    st.text(alphabet='ab ,"\n\r;é', max_size=6),
    st.just(""),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@pytest.mark.slow
@given(rows=st.lists(st.tuples(_cell, _cell, _cell), min_size=1, max_size=60))
def test_two_ranges_equal_one_on_random_quoted_files(tmp_path: Path, rows) -> None:  # type: ignore[no-untyped-def]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["x", "y", "z"])
    w.writerows(rows)
    p = tmp_path / "r.csv"
    p.write_text(buf.getvalue(), encoding="utf-8")
    try:
        one = _read(p, parallel=False)
    except ImportError_ as e1:
        with pytest.raises(ImportError_) as e2:
            _read(p, parallel=True)
        assert str(e2.value) == str(e1)
        return
    two = _read(p, parallel=True)
    pd.testing.assert_frame_equal(two, one, check_exact=True)
