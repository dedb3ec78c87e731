"""Raking 1,000,000 individuals on three margins, against named baselines.

The frame is what ``plan.evaluate`` hands the engine for a calibrated unit: design columns
(weights, 2,000 PSUs in 40 strata) and three calibration variables as categorical code text
(``_cal_region`` with 20 levels, ``_cal_sex`` 2, ``_cal_age`` 8). Population totals come from
a "true" weight, so the margins agree and raking converges. Measured (median of ``--rounds``,
one process):

- **rake**: ``calibrate_weights`` with ``method = "rake"`` (R's stopping rule, ``epsilon = 1``):
  the margins' codes, the raked weights *and* the variance residualiser — everything the engine
  adds to a run;
- **baseline**: one weighted total over the frame (``np.dot(w, y)``) — the cheapest pass over
  the rows, to read the figure on another machine;
- **R**: ``rake()`` of survey on the same data when ``Rscript`` is on the PATH (``--no-r`` to
  skip), timed inside R (``system.time``), reading the CSV excluded.

Peak memory of the calibration (tracemalloc: numpy's buffers included) is reported against the
frame's size. Targets (issue 17): ≤ 2 s, peak ≤ 2 × the frame. Prints PASS/FAIL.

Usage: python benchmarks/calibration.py [--rows N] [--rounds R] [--no-r]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_S = 2.0
TARGET_MEMORY = 2.0
LEVELS = {"region": 20, "sex": 2, "age": 8}


def make_frame(rows: int, seed: int = 17) -> tuple[pd.DataFrame, object]:
    from workbench.stats.calibration_spec import CalibrationSpec, Margin

    rng = np.random.default_rng(seed)
    stratum = rng.integers(0, 40, rows)
    psu = stratum * 50 + rng.integers(0, 50, rows)
    codes = {v: rng.integers(1, k + 1, rows) for v, k in LEVELS.items()}
    true_w = rng.uniform(50, 150, rows)
    design_w = true_w * rng.uniform(0.7, 1.3, rows) * (1 + 0.05 * (codes["sex"] == 2))
    df = pd.DataFrame({"_weight": design_w, "_stratum": stratum, "_psu": psu})
    margins = []
    for v, k in LEVELS.items():
        df[f"_cal_{v}"] = pd.Categorical(pd.Series(codes[v]).astype(str))  # as evaluate does
        totals = np.bincount(codes[v], true_w, k + 1)[1:]
        cells = tuple(((str(i + 1),), float(t)) for i, t in enumerate(totals))
        margins.append(Margin((v,), cells))
    return df, CalibrationSpec(method="rake", margins=tuple(margins), max_iterations=50)


def frame_bytes(df: pd.DataFrame) -> int:
    return int(df.memory_usage(deep=True).sum())


def time_rake(df: pd.DataFrame, spec: object, rounds: int) -> tuple[float, float, int, int]:
    from workbench.stats.calibration import calibrate_weights
    from workbench.stats.design import build_design
    from workbench.stats.frame import DesignSpec

    design = build_design(df, DesignSpec())
    times, cpu = [], []
    iterations = 0
    for _ in range(rounds):
        t, c = time.perf_counter(), time.process_time()
        out = calibrate_weights(df, design, spec)  # type: ignore[arg-type]
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        iterations = int(out.meta.get("iterations", 0))
    tracemalloc.start()
    calibrate_weights(df, design, spec)  # type: ignore[arg-type]
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(times), statistics.median(cpu), peak, iterations


def time_baseline(df: pd.DataFrame, rounds: int) -> float:
    w = df["_weight"].to_numpy()
    y = (df["_cal_sex"].to_numpy(dtype=object) == "2").astype(np.float64)
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        float(np.dot(w, y))
        times.append(time.perf_counter() - t)
    return statistics.median(times)


R_SCRIPT = """
suppressPackageStartupMessages(library(survey))
d <- read.csv(commandArgs(TRUE)[1], colClasses = c("numeric", "integer", "integer",
              "character", "character", "character"))
m <- read.csv(commandArgs(TRUE)[2], colClasses = c("character", "character", "numeric"))
pop <- lapply(c("region", "sex", "age"), function(v) {
  x <- m[m$variable == v, ]; out <- data.frame(x$level, x$total); names(out) <- c(v, "Freq"); out })
des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~w, data = d, nest = TRUE)
t <- system.time(r <- rake(des, list(~region, ~sex, ~age), pop,
                           control = list(maxit = 50, epsilon = 1)))
cat(t[["elapsed"]], sum(weights(r)), "\\n")
"""


def time_r(df: pd.DataFrame, spec: object) -> float | None:
    if shutil.which("Rscript") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        data, marg, script = Path(tmp, "d.csv"), Path(tmp, "m.csv"), Path(tmp, "r.R")
        out = pd.DataFrame(
            {
                "w": df["_weight"],
                "stratum": df["_stratum"],
                "psu": df["_psu"],
                **{v: df[f"_cal_{v}"].astype(str) for v in LEVELS},
            }
        )
        out.to_csv(data, index=False)
        rows = [
            (m.variables[0], c[0], t)
            for m in spec.margins  # type: ignore[attr-defined]
            for c, t in m.cells
        ]
        pd.DataFrame(rows, columns=["variable", "level", "total"]).to_csv(marg, index=False)
        script.write_text(R_SCRIPT, encoding="utf-8")
        res = subprocess.run(
            ["Rscript", str(script), str(data), str(marg)],
            capture_output=True,
            text=True,
            check=False,
        )
        if res.returncode != 0:
            print("R failed:", res.stderr.strip().splitlines()[-1:])
            return None
        return float(res.stdout.split()[0])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--no-r", action="store_true")
    args = ap.parse_args()
    df, spec = make_frame(args.rows)
    size = frame_bytes(df)
    rake_s, rake_cpu, peak, iterations = time_rake(df, spec, args.rounds)
    base_s = time_baseline(df, max(args.rounds, 5))
    print(f"rows: {args.rows:,}; margins: 20 × 2 × 8 levels; frame {size / 1e6:.0f} MB")
    print(
        f"rake (codes + weights + residualiser): {rake_s:.3f} s wall, {rake_cpu:.3f} s CPU, "
        f"{iterations} iterations"
    )
    print(f"baseline, one weighted total: {base_s * 1000:.2f} ms → rake = {rake_s / base_s:.0f}×")
    print(f"peak memory of the calibration: {peak / 1e6:.0f} MB = {peak / size:.2f} × the frame")
    r_s = None if args.no_r else time_r(df, spec)
    if r_s is not None:
        print(f"R survey rake(): {r_s:.2f} s → the workbench is {r_s / rake_s:.1f}× faster")
    ok = rake_s <= TARGET_S and peak <= TARGET_MEMORY * size
    print(f"target ≤ {TARGET_S} s and ≤ {TARGET_MEMORY}× the frame: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
