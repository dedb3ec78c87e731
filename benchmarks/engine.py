"""Benchmark of the analysis engine against R survey's svyby.

200,000 households, 30 binary indicators, 3 groups (2 displaced + comparator) × 2 sexes,
20 strata, 2,000 PSUs: estimates, SEs and all group-vs-comparator differences.

    .venv/bin/python benchmarks/engine.py [--rows 200000] [--no-r]

Prints our time and peak memory (tracemalloc) vs the input data frame's size, and — when
``Rscript`` with survey is installed — the time of
``svyby(~y1+…+y30, ~group+sex, design, svymean, covmat=TRUE)`` + the contrasts, and the ratio.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.stats import analyze
from workbench.stats.frame import (
    AnalysisFrame,
    DesignSpec,
    DisaggregationSpec,
    GroupSpec,
    IndicatorSpec,
    UnitFrame,
)
from workbench.stats.options import AnalysisOptions
from workbench.stats.results import AnalysisResults

K = 30

R_SCRIPT = r"""
suppressPackageStartupMessages(library(survey))
args <- commandArgs(TRUE)
d <- read.csv(args[1])
d$group <- factor(d$group); d$sex <- factor(d$sex)
des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~w, data = d, nest = TRUE)
f <- as.formula(paste0("~", paste0("y", 1:30, collapse = "+")))
t0 <- proc.time()[["elapsed"]]
b <- svyby(f, ~group + sex, des, svymean, covmat = TRUE)
n <- names(coef(b))
for (s in levels(d$sex)) for (g in c("1", "2")) for (k in 1:30) {
  w <- setNames(c(1, -1), c(paste0(g, ".", s, ":y", k), paste0("3.", s, ":y", k)))
  cc <- svycontrast(b, w)
}
cat(proc.time()[["elapsed"]] - t0, "\n")
"""


def make_data(rows: int, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    psu = rng.integers(0, 2000, rows)
    stratum = psu // 100
    group = rng.choice(np.array(["1", "2", "3"]), rows, p=[0.3, 0.3, 0.4])
    sex = rng.choice(np.array(["female", "male"]), rows)
    psu_effect = rng.normal(0, 0.5, 2000)[psu]
    data = {
        "psu": psu,
        "stratum": stratum,
        "w": rng.uniform(50, 150, rows),
        "group": group,
        "sex": sex,
    }
    shift = np.where(group == "3", 0.0, 0.2)
    for k in range(1, K + 1):
        eta = -1.0 + 0.05 * k + psu_effect + shift
        data[f"y{k}"] = (rng.random(rows) < 1 / (1 + np.exp(-eta))).astype(np.float64)
    return pd.DataFrame(data)


def make_frame(df: pd.DataFrame) -> AnalysisFrame:
    frame = df.rename(
        columns={"psu": "_psu", "stratum": "_stratum", "w": "_weight", "group": "_group"}
    )
    inds = [
        IndicatorSpec(
            id=f"y{k}",
            title=f"y{k}",
            criterion=str(1 + k % 8),
            unit="household",
            disaggregations=("sex",),
        )
        for k in range(1, K + 1)
    ]
    return AnalysisFrame(
        units={"household": UnitFrame("household", frame, DesignSpec())},
        groups=[
            GroupSpec("1", "IDPs in camps", "displaced"),
            GroupSpec("2", "IDPs outside camps", "displaced"),
            GroupSpec("3", "Host community", "comparator"),
        ],
        disaggregations=[DisaggregationSpec("sex", "Sex", ("female", "male"))],
        indicators=inds,
    )


def measure(frame: AnalysisFrame, repeat: int) -> tuple[float, int, AnalysisResults]:
    """Best time of ``repeat`` runs (after a warm-up) and the peak traced memory of one run."""
    analyze(frame, AnalysisOptions())  # warm-up (imports)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        res = analyze(frame, AnalysisOptions())
        times.append(time.perf_counter() - t0)
    tracemalloc.start()
    analyze(frame, AnalysisOptions())
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return min(times), peak, res


def time_r(
    df: pd.DataFrame, r_script: str = R_SCRIPT, *args: str, timeout: float | None = None
) -> float | None:
    """Seconds R reports for ``r_script`` on ``df`` (written to CSV; ``args`` follow the file);
    ``inf`` when R has not finished after ``timeout`` seconds (the caller reports a bound)."""
    if shutil.which("Rscript") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        csv, script = Path(tmp) / "d.csv", Path(tmp) / "b.R"
        df.to_csv(csv, index=False)
        script.write_text(r_script)
        try:
            res = subprocess.run(
                ["Rscript", str(script), str(csv), *args],
                capture_output=True,
                text=True,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            return float("inf")
        if res.returncode != 0:
            print("R failed:", res.stderr.strip().splitlines()[-1:])
            return None
        return float(res.stdout.split()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--no-r", action="store_true")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    df = make_data(args.rows)
    frame = make_frame(df)
    size = frame.units["household"].frame.memory_usage(deep=True).sum()
    ours, peak, res = measure(frame, args.repeat)
    print(
        f"rows={args.rows} indicators={K} estimates={len(res.estimates)} "
        f"comparisons={len(res.comparisons)}"
    )
    print(
        f"workbench: {ours:.3f} s (best of {args.repeat}); peak memory {peak / 2**20:.1f} MiB "
        f"= {peak / size:.2f} x input data frame ({size / 2**20:.1f} MiB)"
    )
    if args.no_r:
        return
    r = time_r(df)
    if r is None:
        print("R survey: not available (Rscript with survey not found)")
        return
    print(f"R survey svyby(covmat=TRUE) + svycontrast: {r:.2f} s")
    print(f"ratio R / workbench: {r / ours:.1f}x")


if __name__ == "__main__":
    main()
