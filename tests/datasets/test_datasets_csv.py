"""CSV / TSV import with real files written in tmp_path."""

from __future__ import annotations

import codecs
import itertools
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from workbench.datasets.importing import ImportOptions, preview, read_datasets
from workbench.errors import Cancelled, ImportError_
from workbench.progress import CancelToken

OPTS = ImportOptions(default_identifier_action="keep")


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _one(path: Path, **kw: object) -> pd.DataFrame:
    opts = ImportOptions(default_identifier_action="keep", **kw)  # type: ignore[arg-type]
    (ds,) = read_datasets(path, opts)
    return ds.frame


def test_numeric_codes_are_float_and_text_is_str(tmp_path: Path) -> None:
    f = _write(tmp_path / "a.csv", "id,status,region,code\n1,1,North,007\n2,2,South,010\n3,,, \n")
    frame = _one(f)
    assert frame["id"].dtype == np.float64 and frame["status"].tolist()[:2] == [1.0, 2.0]
    assert np.isnan(frame["status"].iloc[2])
    assert (frame["region"].dtype == "str" and frame["region"].iloc[2] is None) or pd.isna(
        frame["region"].iloc[2]
    )
    assert frame["code"].tolist()[:2] == ["007", "010"]  # leading zeros keep the column as text
    g = _write(tmp_path / "ids.csv", "nid\n1234567890123456789\n1\n")
    assert _one(g)["nid"].tolist() == ["1234567890123456789", "1"]


def test_semicolon_and_decimal_comma_are_sniffed(tmp_path: Path) -> None:
    f = _write(tmp_path / "b.csv", "id;income;town\n1;12,5;Aden\n2;3,25;Ibb\n")
    frame = _one(f)
    assert list(frame.columns) == ["id", "income", "town"]
    assert frame["income"].tolist() == [12.5, 3.25]


def test_tab_delimited_tsv(tmp_path: Path) -> None:
    f = _write(tmp_path / "c.tsv", "a\tb\n1\tx y\n2\tz\n")
    frame = _one(f)
    assert frame["b"].tolist() == ["x y", "z"]


def test_quoted_fields_with_delimiters_and_newlines(tmp_path: Path) -> None:
    f = _write(tmp_path / "q.csv", 'a,b\n1,"x, y"\n2,"line1\nline2"\n')
    assert _one(f)["b"].tolist() == ["x, y", "line1\nline2"]


def test_bom_utf8_and_utf16(tmp_path: Path) -> None:
    f = tmp_path / "bom.csv"
    f.write_bytes(codecs.BOM_UTF8 + "nom,âge\nÉlodie,3\n".encode())
    assert list(_one(f).columns) == ["nom", "âge"]
    g = tmp_path / "u16.csv"
    g.write_bytes("a,b\n1,مرحبا\n".encode("utf-16"))
    assert _one(g)["b"].tolist() == ["مرحبا"]


def test_legacy_code_page_asks_the_user_with_a_hint(tmp_path: Path) -> None:
    f = _write(tmp_path / "ar.csv", "a,b\n1,ok\n2,مدينة الحديدة\n", "cp1256")
    with pytest.raises(ImportError_) as err:
        read_datasets(f, OPTS)
    msg = str(err.value)
    assert "ar.csv" in msg and "line 3" in msg and "cp1256" in msg.split("looks like")[1]
    frame = _one(f, encoding="cp1256")
    assert frame["b"].tolist()[1] == "مدينة الحديدة"
    w = _write(tmp_path / "fr.csv", "a,b\n1,café\n", "cp1252")
    with pytest.raises(ImportError_, match="looks like cp1252"):
        read_datasets(w, OPTS)


def test_wrong_field_count_names_file_and_line(tmp_path: Path) -> None:
    f = _write(tmp_path / "bad.csv", "a,b,c\n1,2,3\n4,5\n6,7,8\n")
    with pytest.raises(ImportError_, match=r"bad\.csv: line 3 has 2 fields but the header has 3"):
        read_datasets(f, OPTS)
    g = _write(tmp_path / "more.csv", "a,b\n1,2\n3,4\n5,6,7\n")
    with pytest.raises(ImportError_, match=r"more\.csv: line 4 has 3 fields"):
        read_datasets(g, OPTS)


def test_duplicate_and_empty(tmp_path: Path) -> None:
    with pytest.raises(ImportError_, match="column name 'age' appears more than once"):
        read_datasets(_write(tmp_path / "d.csv", "age,sex,age\n1,2,3\n"), OPTS)
    with pytest.raises(ImportError_, match=r"e\.csv: the file is empty"):
        read_datasets(_write(tmp_path / "e.csv", ""), OPTS)
    with pytest.raises(ImportError_, match="no header"):
        read_datasets(_write(tmp_path / "blank.csv", "\n\n"), OPTS)


def test_header_row_and_header_only(tmp_path: Path) -> None:
    f = _write(tmp_path / "h.csv", "Survey export\nid,x\n1,2\n")
    assert list(_one(f, header_row=1).columns) == ["id", "x"]
    g = _write(tmp_path / "only.csv", "id,x\n")
    frame = _one(g)
    assert list(frame.columns) == ["id", "x"] and len(frame) == 0


def test_chunks_mixed_column_progress_and_cancel(tmp_path: Path) -> None:
    lines = ["id,val,txt,nid"] + [f"{i},{i * 0.5},t{i},{i}" for i in range(30_000)]
    lines.append("30000,oops,t,1234567890123456789")  # text appears only after the typing sample
    f = _write(tmp_path / "big.csv", "\n".join(lines) + "\n")
    seen: list[tuple[float, float | None]] = []

    class Sink:
        def update(self, done: float, total: float | None = None, message: str = "") -> None:
            seen.append((done, total))

    (ds,) = read_datasets(f, ImportOptions(chunk_rows=4_000), progress=Sink())
    assert ds.n_rows == 30_001
    assert ds.frame["id"].dtype == np.float64 and ds.frame["id"].iloc[-1] == 30000.0
    assert ds.frame["val"].iloc[1] == "0.5" and ds.frame["val"].iloc[-1] == "oops"
    assert ds.frame["nid"].iloc[-1] == "1234567890123456789" and ds.frame["nid"].iloc[2] == "2"
    assert seen and seen[-1][0] == seen[-1][1]
    assert all(b[0] >= a[0] for a, b in itertools.pairwise(seen))
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        read_datasets(f, ImportOptions(chunk_rows=4_000), cancel=token)


def test_preview_reads_only_the_first_rows(tmp_path: Path) -> None:
    lines = ["id,phone,note"] + [f"{i},+2526100{i:05d},ok" for i in range(200)]
    f = _write(tmp_path / "p.csv", "\n".join(lines) + "\n")
    pv = preview(f, ImportOptions(), n_rows=10)
    assert len(pv.frame) == 10 and pv.columns == ["id", "phone", "note"]
    assert pv.format == "csv" and pv.delimiter == "," and pv.encoding == "utf-8"
    assert pv.identifiers == {"phone": "phone"}


def test_options_are_checked(tmp_path: Path) -> None:
    f = _write(tmp_path / "o.csv", "a,b\n1,2\n")
    with pytest.raises(ImportError_, match="unknown encoding"):
        read_datasets(f, ImportOptions(encoding="klingon"))
    with pytest.raises(ImportError_, match="key column 'zz'"):
        read_datasets(f, ImportOptions(key="zz"))
    with pytest.raises(ImportError_, match="unknown unit"):
        read_datasets(f, ImportOptions(unit="village"))
    (ds,) = read_datasets(f, ImportOptions(name="hh", unit="household", key="a"))
    assert (ds.name, ds.unit, ds.key) == ("hh", "household", "a")
    assert ds.source["format"] == "csv" and len(ds.source["sha256"]) == 64


def test_preview_of_a_legacy_file_asks_for_the_code_page(tmp_path: Path) -> None:
    f = _write(tmp_path / "legacy.csv", "ville,nb\nSéville,1\n", "cp1252")
    with pytest.raises(ImportError_, match=r"legacy\.csv: the file is not UTF-8 \(line 2\)"):
        preview(f, ImportOptions())
    hdr = _write(tmp_path / "hdr.csv", "ville\xe9,nb\nx,1\n", "cp1252")
    with pytest.raises(ImportError_, match=r"hdr\.csv: the file is not UTF-8 \(line 1\)"):
        preview(hdr, ImportOptions())
    assert preview(f, ImportOptions(encoding="cp1252")).frame["ville"].tolist() == ["Séville"]


def test_full_precision_decimals_stay_numeric_but_long_ids_stay_text(tmp_path) -> None:
    """Weights exported by R or Stata carry 17 significant digits; they must not become text.
    A 16-digit national ID must not become a float (it would lose digits)."""
    from workbench.datasets.importing import ImportOptions, read_datasets

    f = tmp_path / "w.csv"
    f.write_text(
        "hh_id,weight,lat,national_id\n"
        "1,123.45678901234567,-1.2345678901234567,1234567890123456\n"
        "2,98.765432109876543,0.98765432109876543,2234567890123456\n",
        encoding="utf-8",
    )
    ds = read_datasets(f, ImportOptions(default_identifier_action="keep"))[0]
    assert ds.frame["weight"].dtype == "float64"
    assert ds.frame["lat"].dtype == "float64"
    assert ds.frame["weight"].iloc[0] == 123.45678901234567
    assert ds.variables["national_id"].kind == "string"
    assert list(ds.frame["national_id"]) == ["1234567890123456", "2234567890123456"]


@pytest.mark.parametrize("parallel", [False, True])
def test_leading_zeros_and_plus_signs_past_the_type_sample_keep_text(
    tmp_path: Path, monkeypatch, parallel: bool
) -> None:
    """The rule that a number written with a leading zero or a plus keeps a column as text
    holds for the whole file, not only for the rows the types were decided on: here the sample
    is the first 50 rows, and ``007`` / ``+252…`` appear only later (a file sorted by code)."""
    from workbench.datasets import csv_parse, csv_reader

    monkeypatch.setattr(csv_reader, "_TYPE_SAMPLE_ROWS", 50)
    if parallel:
        monkeypatch.setattr(csv_parse, "PARALLEL_MIN_BYTES", 0)
    rows = ["id,code,phone,neg,size"]
    for i in range(400):
        late = i >= 300
        code = f"{i % 9:03d}" if late else str(10 + i % 80)
        phone = f"+2526{i:05d}" if i == 399 else f"6{i:05d}"
        rows.append(f"{i},{code},{phone},{-0.5 if i % 2 else -7},{i % 7 + 1}")
    f = tmp_path / "sorted.csv"
    f.write_text("\n".join(rows) + "\n", encoding="utf-8")
    (ds,) = read_datasets(f, ImportOptions(default_identifier_action="keep", chunk_rows=60))
    frame = ds.frame
    assert frame["code"].dtype == "str" and frame["code"].iloc[300] == "003"
    assert (
        frame["code"].iloc[0] == "10"
    )  # the whole column is text, as the sample would have made it
    assert frame["phone"].dtype == "str" and frame["phone"].iloc[-1] == "+252600399"
    # "-0.5" is a minus sign before a zero and a point: a number, the column stays numeric
    assert frame["neg"].dtype == np.float64 and frame["size"].dtype == np.float64
    assert frame["id"].dtype == np.float64


def test_leading_zeros_past_the_sample_in_a_utf16_file(tmp_path: Path, monkeypatch) -> None:
    """UTF-16 (Excel's "Unicode text") cannot be checked byte by byte: the exact csv-module pass
    decides, and it applies the same rule past the sample."""
    from workbench.datasets import csv_reader

    monkeypatch.setattr(csv_reader, "_TYPE_SAMPLE_ROWS", 20)
    lines = ["id\tcode"] + [f"{i}\t{10 + i % 50 if i < 90 else f'0{i % 9}'}" for i in range(100)]
    f = tmp_path / "u16.txt"
    f.write_bytes(("\n".join(lines) + "\n").encode("utf-16"))
    (ds,) = read_datasets(f, ImportOptions(format="tsv", default_identifier_action="keep"))
    assert ds.frame["code"].dtype == "str" and ds.frame["code"].iloc[-2] == "08"
    assert ds.frame["id"].dtype == np.float64
