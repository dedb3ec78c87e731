"""Measure importing a 1,000,000-row × 40-column CSV: time and peak memory vs the result's size.

Run: .venv/bin/python tests/datasets/bench_large_csv.py [ROWS]   (not collected by pytest)
The import runs in a fresh subprocess; peak memory is its VmHWM (Linux) minus the baseline
after imports.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

CHILD = r"""
import sys, time
from pathlib import Path
import pandas as pd
from workbench.datasets.importing import ImportOptions, read_datasets

def hwm():  # peak resident set of this process (kB); unlike ru_maxrss it resets at exec
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])

base = hwm()
t0 = time.perf_counter()
(ds,) = read_datasets(Path(sys.argv[1]), ImportOptions(default_identifier_action="keep"))
dt = time.perf_counter() - t0
peak = hwm()
size = ds.frame.memory_usage(deep=True).sum()
print(f"rows={ds.n_rows} cols={ds.n_cols} seconds={dt:.1f} result_MB={size/2**20:.0f} "
      f"baseline_MB={base/1024:.0f} peak_MB={peak/1024:.0f} "
      f"peak_over_baseline_MB={(peak-base)/1024:.0f} ratio={(peak-base)*1024/size:.2f}")
"""


def write_csv(path: Path, rows: int) -> None:
    rng = np.random.default_rng(1)
    cols: dict[str, object] = {}
    for i in range(20):
        cols[f"code{i}"] = rng.integers(1, 9, rows)
    for i in range(12):
        cols[f"amount{i}"] = np.round(rng.uniform(0, 1000, rows), 2)
    towns = np.array(["Aden", "Ibb", "Taiz", "Marib", "Sanaa", "Hodeidah"])
    for i in range(8):
        cols[f"text{i}"] = towns[rng.integers(0, len(towns), rows)]
    pd.DataFrame(cols).to_csv(path, index=False, chunksize=100_000)


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "large.csv"
        t0 = time.perf_counter()
        write_csv(path, rows)
        print(f"wrote {path.stat().st_size / 2**20:.0f} MB in {time.perf_counter() - t0:.0f} s")
        subprocess.run([sys.executable, "-c", CHILD, str(path)], check=True)


if __name__ == "__main__":
    main()
