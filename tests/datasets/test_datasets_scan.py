"""The fast byte scan agrees with the exact csv-module checking pass whenever it vouches for a file,
also when its blocks cut records, quotes and CRLF line ends in two."""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import workbench.datasets.scan as scan_mod
from workbench.datasets.scan import ByteScan
from workbench.datasets.textfile import check_pass
from workbench.errors import ImportError_
from workbench.progress import NULL_PROGRESS


def _scan(path: Path, n_fields: int, delim: str = ",", header_row: int = 0) -> ByteScan:
    s = ByteScan(path, "utf-8", delim, header_row, n_fields)
    s.start()
    s.join()
    return s


def _scan_in_blocks(
    text: str, n_fields: int, block: int, check: Callable[[ByteScan, Path], None]
) -> None:
    """Scan ``text`` written to a temporary file, reading ``block`` bytes at a time, and hand
    the scan and the file to ``check`` while the file exists."""
    old = scan_mod._BLOCK
    scan_mod._BLOCK = block
    try:
        with tempfile.TemporaryDirectory() as d:
            path = Path(d) / "p.csv"
            path.write_text(text, encoding="utf-8", newline="")
            check(_scan(path, n_fields), path)
    finally:
        scan_mod._BLOCK = old


def _exact(path: Path, delim: str = ",", header_row: int = 0) -> int | None:
    try:
        size = path.stat().st_size
        return check_pass(path, "utf-8", delim, header_row, NULL_PROGRESS, None, size).n_rows
    except ImportError_:
        return None


@pytest.mark.parametrize(
    ("text", "ok", "rows"),
    [
        ("a,b\n1,2\n3,4\n", True, 2),
        ("a,b\r\n1,2\r\n\r\n3,4", True, 2),
        ('a,b\n1,"x, y"\n2,"l1\nl2"\n', True, 2),
        ('a,b\n1,"x ""q"""\n', True, 1),
        ("a,b\n1, \n", True, 1),
        ('a,b\n1,x"y\n', False, None),  # a quote inside a field: the exact pass decides
        ("a,b,c\n1,2,3\n4,5\n", False, None),
        ("a,b\n1,2\n   \n", False, None),
        ("a,b\r1,2\r", False, None),  # old Mac line ends
        ("a,b\n1,\x00\n", False, None),
    ],
)
def test_scan_cases(tmp_path: Path, text: str, ok: bool, rows: int | None) -> None:
    path = tmp_path / "s.csv"
    path.write_text(text, encoding="utf-8", newline="")
    s = _scan(path, len(text.split("\n")[0].split("\r")[0].split(",")))
    assert s.ok is ok
    if ok:
        assert s.records == rows == _exact(path)


def test_scan_rejects_bad_utf8_and_hashes(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes("a,b\n1,é\n".encode("cp1252"))
    s = _scan(path, 2)
    assert not s.ok
    import hashlib

    assert s.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


cell = st.text(alphabet=st.sampled_from(list('ab1,;"\n\r 9.-é')), max_size=6)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.lists(cell, min_size=1, max_size=4), min_size=1, max_size=10),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONE]),
    crlf=st.booleans(),
    block=st.sampled_from([1, 2, 3, 7, 64]),
)
@pytest.mark.slow
def test_scan_never_vouches_for_what_the_exact_pass_rejects(
    rows: list[list[str]], quoting: int, crlf: bool, block: int
) -> None:
    buf = io.StringIO()
    try:
        csv.writer(
            buf, quoting=quoting, escapechar="\\", lineterminator="\r\n" if crlf else "\n"
        ).writerows([[f"c{i}" for i in range(len(rows[0]))], *rows])
    except csv.Error:
        return

    def check(s: ByteScan, path: Path) -> None:
        if s.ok:
            assert s.records == _exact(path)

    _scan_in_blocks(buf.getvalue(), len(rows[0]), block, check)


_SIGNED_VALUE = __import__("re").compile(r"\+|-?0[0-9]")


def _signed_fields_by_csv(path: Path) -> set[int]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return {i for row in rows[1:] for i, v in enumerate(row) if _SIGNED_VALUE.match(v)}


signed_cell = st.text(alphabet=st.sampled_from(list('0+-17a,"\n ')), max_size=5)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.lists(signed_cell, min_size=3, max_size=3), min_size=1, max_size=8),
    crlf=st.booleans(),
    block=st.sampled_from([1, 2, 3, 5, 64]),
)
@pytest.mark.slow
def test_scan_finds_every_field_with_a_leading_zero_or_a_sign(
    rows: list[list[str]], crlf: bool, block: int
) -> None:
    """Whatever the block size cuts, every field holding ``007``, ``-05`` or ``+1`` in some
    row is reported (a quoted field holding a delimiter then such a value may be reported too:
    the reader then checks the whole column itself)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n" if crlf else "\n").writerows([["x", "y", "z"], *rows])
    quoted = {i for row in rows for i, v in enumerate(row) if any(c in v for c in ',"\n')}

    def check(s: ByteScan, path: Path) -> None:
        if s.ok:
            expected = _signed_fields_by_csv(path)
            assert expected <= s.signed_fields
            assert s.signed_fields - expected <= quoted

    _scan_in_blocks(buf.getvalue(), 3, block, check)


def test_scan_signed_values_in_the_header_are_not_data(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("+a,007\n1,2\n3,+4\n", encoding="utf-8")
    assert _scan(path, 2).signed_fields == {1}


plain_cell = st.text(alphabet=st.sampled_from(list("ab10 .-")), max_size=4)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    n_fields=st.integers(min_value=1, max_value=5),
    rows=st.lists(
        st.tuples(
            st.sampled_from([0, 0, 0, 0, -1, 1]), st.lists(plain_cell, min_size=6, max_size=6)
        ),
        max_size=40,
    ),
    blank_at=st.integers(min_value=-1, max_value=40),
    block=st.sampled_from([1, 5, 32, 64, 128, 1 << 12]),
)
@pytest.mark.slow
def test_scan_proves_exactly_the_plain_files_the_exact_pass_accepts(
    n_fields: int, rows: list[tuple[int, list[str]]], blank_at: int, block: int
) -> None:
    """Without quotes the scan decides alone (its line check on the delimiters and line ends
    kept from each block, with work arrays and a read buffer reused block after block): it
    vouches for a file exactly when the csv-module pass accepts it, with the same row count.
    Rows have a field too few or too many now and then, and a blank line may sit anywhere."""
    lines = [",".join(f"h{i}" for i in range(n_fields))]
    for extra, cells in rows:
        lines.append(",".join(cells[: max(1, n_fields + extra)]))
    if 0 < blank_at < len(lines):
        lines.insert(blank_at, "")
    text = "\n".join(lines) + "\n"

    def check(s: ByteScan, path: Path) -> None:
        exact = _exact(path)
        if exact is not None and "\n\n" not in text:
            assert s.ok and s.records == exact
        if s.ok:
            assert s.records == exact

    _scan_in_blocks(text, n_fields, block, check)


@pytest.mark.parametrize("block", [8, 16, 32, 64, 1 << 12])
def test_scan_refuses_lines_whose_field_counts_only_add_up(block: int) -> None:
    """A line a field short beside one a field long: the block's delimiter total is right, the
    lines are not."""
    good = "1,2,3\n" * 12
    text = "a,b,c\n" + good + "1,2\n1,2,3,4\n" + good

    def refused(s: ByteScan, path: Path) -> None:
        assert _exact(path) is None
        assert not s.ok

    def proved(s: ByteScan, path: Path) -> None:
        assert s.ok and s.records == 26 == _exact(path)

    _scan_in_blocks(text, 3, block, refused)
    _scan_in_blocks(text.replace("1,2\n1,2,3,4\n", "1,2,3\n1,2,3\n"), 3, block, proved)
