"""Peak memory of a chunked CSV import stays within 3× the imported frame (Linux VmHWM)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

CHILD = r"""
import sys
from pathlib import Path
from workbench.datasets.importing import ImportOptions, read_datasets

def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024

base = hwm()
opts = ImportOptions(chunk_rows=20_000, default_identifier_action="keep")
(ds,) = read_datasets(Path(sys.argv[1]), opts)
print(ds.n_rows, hwm() - base, ds.frame.memory_usage(deep=True).sum())
"""


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_chunked_csv_import_memory_is_bounded(tmp_path: Path) -> None:
    rows = 150_000
    rng = np.random.default_rng(3)
    cols = {f"c{i}": rng.integers(1, 9, rows) for i in range(12)}
    cols |= {f"x{i}": np.round(rng.uniform(0, 100, rows), 3) for i in range(6)}
    cols |= {
        "town": rng.choice(["Aden", "Ibb", "Taiz"], rows),
        "note": rng.choice(["a b", "c"], rows),
    }
    path = tmp_path / "mem.csv"
    pd.DataFrame(cols).to_csv(path, index=False)
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True
    )
    n, peak, size = (int(v) for v in out.stdout.split())
    assert n == rows
    print(f"peak/size = {peak / size:.2f}")
    assert peak < 3 * size, f"peak {peak / 2**20:.0f} MB for a {size / 2**20:.0f} MB frame"
