"""Benchmark of multistage and replicate-weight designs against R survey's svyby.

The data of benchmarks/engine.py (200,000 households, 30 binary indicators, 3 groups × 2 sexes
= 6 domains, 20 strata, 2,000 PSUs), analysed with:

* ``onestage``: today's one-stage design (``ids=~psu``), the reference;
* ``multistage``: two stages, PSUs then households, with an FPC at both stages
  (``ids=~psu+hh, fpc=~N1+N2``);
* ``replicates``: 80 replicate weights supplied as columns (bootstrap multipliers of the PSUs
  times the weight, ``svrepdesign(type="bootstrap")``);
* ``replicates_rows``: the same, each household's replicate weights perturbed (as replicate
  weights calibrated one replicate at a time are): no two rows share their multipliers.

    .venv/bin/python benchmarks/engine_designs.py [--rows 200000] [--cases …] [--no-r]
        [--r-timeout 240]

For each case: our best time of ``--repeat`` runs, the peak memory traced during one run
(tracemalloc) against the input frame's size, and — when ``Rscript`` with survey is installed
— R's ``svyby(~y1+…+y30, ~group+sex, design, svymean, covmat=TRUE)`` + the 120 contrasts on
the same data in the same run, and the ratio. R is stopped after ``--r-timeout`` seconds (its
multistage recursion takes many minutes): the ratio is then a lower bound (``≥``), which is
enough to pass a target it already meets.

For information, not a target, each case also prints the time of the part that matches what
R's script times: the design (groups, fine cells and, for replicates, the compression of the
replicate columns — R builds its ``svrepdesign`` before its clock starts) and the domain
estimates, SEs and covariances from which the 120 contrasts follow.

Targets (issue 17), each printed PASS/FAIL: ``multistage`` ≥ 50× R (as the one-stage design),
``replicates`` ≥ 20× R, every case's peak memory ≤ 2× its input frame. ``onestage`` and
``replicates_rows`` are reported for reference (ratio and memory).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from engine import make_data, make_frame, measure, time_r  # type: ignore[import-not-found]

from workbench.stats.blas import one_blas_thread
from workbench.stats.context import build_context
from workbench.stats.estimates import linear_estimates
from workbench.stats.frame import AnalysisFrame, DesignSpec, ReplicateSpec

R_REPS = 80
CASES = ("onestage", "multistage", "replicates", "replicates_rows")
TARGET_RATIO = {"multistage": 50.0, "replicates": 20.0}
TARGET_MEMORY = 2.0

R_SCRIPT = r"""
suppressPackageStartupMessages(library(survey))
args <- commandArgs(TRUE)
d <- read.csv(args[1]); case <- args[2]
d$group <- factor(d$group); d$sex <- factor(d$sex)
des <- switch(case,
  onestage = svydesign(ids = ~psu, strata = ~stratum, weights = ~w, data = d, nest = TRUE),
  multistage = svydesign(ids = ~psu + hh, strata = ~stratum, fpc = ~N1 + N2, weights = ~w,
                         data = d, nest = TRUE),
  svrepdesign(weights = ~w, repweights = "^rep[0-9]+$", data = d, type = "bootstrap",
              combined.weights = TRUE))
f <- as.formula(paste0("~", paste0("y", 1:30, collapse = "+")))
t0 <- proc.time()[["elapsed"]]
b <- svyby(f, ~group + sex, des, svymean, covmat = TRUE)
for (s in levels(d$sex)) for (g in c("1", "2")) for (k in 1:30) {
  w <- setNames(c(1, -1), c(paste0(g, ".", s, ":y", k), paste0("3.", s, ":y", k)))
  cc <- svycontrast(b, w)
}
cat(proc.time()[["elapsed"]] - t0, "\n")
"""


def add_design_columns(df: pd.DataFrame, case: str, seed: int = 2) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    out = df.copy()
    out["hh"] = np.arange(len(df))
    if case == "multistage":
        # 2,000 PSUs, 100 of 150 per stratum; households drawn from those listed in the PSU
        out["N1"] = 150.0
        listed = np.bincount(df["psu"].to_numpy()) * rng.uniform(3, 8, 2000)
        out["N2"] = np.ceil(listed[df["psu"].to_numpy()])
    if case.startswith("replicates"):
        draws = rng.poisson(1.0, (2000, R_REPS)).astype(np.float64)  # bootstrap-like per PSU
        mult = draws[df["psu"].to_numpy()]
        if case == "replicates_rows":
            mult = mult * rng.uniform(0.97, 1.03, mult.shape)
        w = df["w"].to_numpy()[:, None]
        reps = pd.DataFrame(mult * w, columns=[f"rep{r + 1}" for r in range(R_REPS)])
        out = pd.concat([out, reps], axis=1)
    return out


def frame_for(df: pd.DataFrame, case: str):  # type: ignore[no-untyped-def]
    frame = make_frame(df.drop(columns=[c for c in df if c.startswith("rep")]))
    uf = frame.units["household"]
    if case == "multistage":
        uf.frame = uf.frame.rename(columns={"hh": "_psu2", "N1": "_fpc", "N2": "_fpc2"})
        uf.design = DesignSpec(has_fpc=True, stages=2)
    elif case.startswith("replicates"):
        reps = df[[c for c in df if c.startswith("rep")]]
        reps.columns = [f"_rep{r + 1}" for r in range(reps.shape[1])]
        uf.frame = pd.concat([uf.frame, reps], axis=1)
        uf.design = DesignSpec(replicates=ReplicateSpec("bootstrap", columns=reps.shape[1]))
    return frame


def like_for_like(frame: AnalysisFrame, repeat: int) -> tuple[float, float]:
    """Best times of what R's script computes, for information (the targets judge the full
    ``analyze()``): the design (for replicates, the compression of the replicate columns;
    R's timing starts after ``svrepdesign``) and the domain means, SEs, variances and
    covariances with the comparator from which the 120 contrasts follow
    (``linear_estimates``)."""
    uf = frame.units["household"]
    best_design, best_est = float("inf"), float("inf")
    for _ in range(repeat):
        with one_blas_thread():  # as analyze() runs them
            t0 = time.perf_counter()
            ctx = build_context(frame, uf, ["sex"])
            t1 = time.perf_counter()
            linear_estimates(ctx, frame.indicators)
            t2 = time.perf_counter()
        best_design, best_est = min(best_design, t1 - t0), min(best_est, t2 - t1)
    return best_design, best_est


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--cases", nargs="+", choices=CASES, default=list(CASES))
    ap.add_argument("--no-r", action="store_true")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--r-timeout", type=float, default=240.0)
    args = ap.parse_args()
    base = make_data(args.rows)
    verdicts: list[str] = []
    for case in args.cases:
        df = add_design_columns(base, case)
        frame = frame_for(df, case)
        size = frame.units["household"].frame.memory_usage(deep=True).sum()
        ours, peak, res = measure(frame, args.repeat)
        print(
            f"[{case}] rows={args.rows} estimates={len(res.estimates)} "
            f"comparisons={len(res.comparisons)}: workbench {ours:.3f} s (best of "
            f"{args.repeat}); peak memory {peak / 2**20:.1f} MiB = {peak / size:.2f} x input "
            f"frame ({size / 2**20:.1f} MiB)",
            flush=True,
        )
        ctx_s, est_s = like_for_like(frame, args.repeat)
        print(
            f"[{case}] like-for-like part (information, not a target): groups, fine cells and "
            f"design {ctx_s:.3f} s + domain estimates, SEs and covariances for the contrasts "
            f"{est_s:.3f} s",
            flush=True,
        )
        mem_ok = peak / size <= TARGET_MEMORY
        verdicts.append(
            f"{'PASS' if mem_ok else 'FAIL'} [{case}] peak memory {peak / size:.2f}x the input "
            f"frame (target <= {TARGET_MEMORY:g}x)"
        )
        if args.no_r:
            continue
        r = time_r(df, R_SCRIPT, case, timeout=args.r_timeout)
        if r is None:
            print(f"[{case}] R survey: not available")
            continue
        bound = r == float("inf")
        r_s = args.r_timeout if bound else r
        sign = ">=" if bound else ""
        print(
            f"[{case}] R svyby(covmat=TRUE) + svycontrast: {'> ' if bound else ''}{r_s:.2f} s; "
            f"ratio {sign}{r_s / ours:.1f}x",
            flush=True,
        )
        print(
            f"[{case}] like-for-like ratio (information): R / domain estimates "
            f"{sign}{r_s / est_s:.1f}x; R / (design + domain estimates) "
            f"{sign}{r_s / (ctx_s + est_s):.1f}x",
            flush=True,
        )
        if case in TARGET_RATIO:
            ok = r_s / ours >= TARGET_RATIO[case]
            verdicts.append(
                f"{'PASS' if ok else 'FAIL'} [{case}] {sign}{r_s / ours:.1f}x faster than R "
                f"(target >= {TARGET_RATIO[case]:g}x)"
            )
    print("\n".join(verdicts))


if __name__ == "__main__":
    main()
