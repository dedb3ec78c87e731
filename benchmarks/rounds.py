"""Benchmark of change over time: two rounds against one round's analysis (issue 19).

Two rounds of 200,000 households × 30 binary indicators × 6 domains (3 groups × 2 sexes; the
data of benchmarks/engine.py), 20 strata, 2,000 PSUs revisited in round 2; every change and
every change in the gap with the comparator, in every cell.

    .venv/bin/python benchmarks/rounds.py [--rows 200000] [--repeat 3]

Prints the best time of one round's analysis (``analyze``), of the two rounds with all changes
as independent samples and as a panel (the stacked design), and the ratios to one round. The
target is ≤ 2× for both; a PASS/FAIL line per target.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.engine import make_data, make_frame
from workbench.stats import analyze
from workbench.stats.options import AnalysisOptions
from workbench.stats.rounds import RoundInfo, analyze_rounds

ROUNDS = [RoundInfo("Baseline", "2024-04-15"), RoundInfo("Follow-up", "2026-04-15")]
TARGET = 2.0  # issue 19: two rounds with every change ≤ 2× one round's analysis


def best(fn, repeat: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    frames = [make_frame(make_data(args.rows, seed=s)) for s in (1, 2)]
    opts = AnalysisOptions()
    analyze(frames[0], opts)  # warm-up (imports)
    one, _ = best(lambda: analyze(frames[0], opts), args.repeat)
    two, _ = best(lambda: [analyze(f, opts) for f in frames], args.repeat)
    indep, _r_i = best(lambda: analyze_rounds(frames, ROUNDS, opts, panel=False), args.repeat)
    panel, r_p = best(lambda: analyze_rounds(frames, ROUNDS, opts, panel=True), args.repeat)
    n_c, n_g = len(r_p.changes), len(r_p.gap_changes)  # type: ignore[attr-defined]
    print(f"rows per round={args.rows} indicators=30 domains=6 changes={n_c} gap_changes={n_g}")
    print(f"one round (analyze):                     {one:.3f} s (best of {args.repeat})")
    print(
        f"both rounds analysed separately:         {two:.3f} s  ratio {two / one:.2f}x (the floor)"
    )
    print(f"two rounds + changes, independent:       {indep:.3f} s  ratio {indep / one:.2f}x")
    print(f"two rounds + changes, panel (stacked):   {panel:.3f} s  ratio {panel / one:.2f}x")
    print(f"changes beyond the two analyses: independent {100 * (indep / two - 1):+.0f}%, "
          f"panel {100 * (panel / two - 1):+.0f}%")  # fmt: skip
    for name, t in (("independent", indep), ("panel", panel)):
        verdict = "PASS" if t / one <= TARGET else "FAIL"
        print(f"target {name}: two rounds + changes <= {TARGET:.1f}x one round: "
              f"{t / one:.2f}x {verdict}")  # fmt: skip


if __name__ == "__main__":
    main()
