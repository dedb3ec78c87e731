"""Write golden_lp.json: linear programmes and their bounds by scipy's HiGHS, for test_stats_lp.py.

    pip install --target /tmp/scipy-only --no-deps scipy   # not a project dependency
    PYTHONPATH=.:tests/stats:/tmp/scipy-only python tests/reference/make_lp_golden.py

Each entry is one system ``A·x = b``, ``lower ≤ x ≤ upper`` (``null`` for an infinite bound) with,
for every variable, its least and greatest value by HiGHS (``linprog(method="highs")`` with
tight tolerances, or its defaults where those fail; ``null`` when unbounded). Two kinds:

* ``random``: seeded systems of every shape the engine meets and some it does not — equations
  that are combinations of others, variables bounded on one side only or free, unbounded
  directions, many variables at a bound (degenerate vertices), coefficients of very different
  sizes (counts beside weighted proportions);
* ``survey``: the systems the test attacker (``tests/stats/attacker.py``) forms from a published
  results file of generated small-cell surveys (``suppression_synth.small_cells_frame``): one
  per group of relations linked through suppressed cells, from the file as the engine publishes
  it and from the same file with the complementary suppressions put back (where cells are
  pinned). Stored as systems, so the test does not depend on how the engine decides later.

The test needs neither scipy nor this script.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import numpy as np
import scipy
from scipy.optimize import linprog

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent.parent), str(HERE.parent / "stats")]

OPTIONS = {"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10}


def _finite(v: float) -> float | None:
    return float(v) if np.isfinite(v) else None


def highs_bounds(a: np.ndarray, b: np.ndarray, lower: np.ndarray, upper: np.ndarray):
    n = a.shape[1]
    bounds = [(_finite(lo), _finite(hi)) for lo, hi in zip(lower, upper, strict=True)]
    lo, hi = [], []
    for j in range(n):
        e = np.zeros(n)
        e[j] = 1.0
        for sign, out in ((1.0, lo), (-1.0, hi)):
            r = linprog(sign * e, A_eq=a, b_eq=b, bounds=bounds, method="highs", options=OPTIONS)
            if r.status not in (0, 3):  # tight tolerances can fail to converge: HiGHS' defaults
                r = linprog(sign * e, A_eq=a, b_eq=b, bounds=bounds, method="highs")
            if r.status == 3:  # unbounded
                out.append(None)
            elif r.status == 0:
                out.append(float(sign * r.fun))
            else:
                return None  # HiGHS could not solve it: the system is left out
    return lo, hi


def entry(kind: str, name: str, a, b, lower, upper) -> dict | None:
    found = highs_bounds(a, b, lower, upper)
    if found is None:
        print(f"{name}: HiGHS failed, left out")
        return None
    lo, hi = found
    rows, cols = np.nonzero(a)
    return {
        "kind": kind,
        "name": name,
        "shape": list(a.shape),
        "a": [[int(r), int(c), float(a[r, c])] for r, c in zip(rows, cols, strict=True)],
        "b": [float(v) for v in b],
        "lower": [_finite(v) for v in lower],
        "upper": [_finite(v) for v in upper],
        "min": lo,
        "max": hi,
    }


def random_systems(count: int = 150) -> list[dict]:
    rng = np.random.default_rng(20261206)
    out = []
    for k in range(count):
        m, n = int(rng.integers(1, 14)), int(rng.integers(2, 22))
        a = rng.integers(-3, 4, (m, n)).astype(float)
        a *= rng.choice([1.0, 1.0, 1.0, 250.0, 0.01], (m, n))
        if m > 2 and k % 3 == 0:  # an equation that is a combination of two others
            a[-1] = a[0] - 2.0 * a[1]
        kind = rng.integers(0, 5, n)  # ≥0, [0,1], [−5, ∞), free, (−∞, 3]
        lower = np.select([kind == 2, kind == 3, kind == 4], [-5.0, -np.inf, -np.inf], 0.0)
        upper = np.select([kind == 1, kind == 4], [1.0, 3.0], np.inf)
        upper = np.where((kind == 0) & (rng.random(n) < 0.3), 10.0, upper)
        x0 = np.clip(rng.random(n) * 4 - 1, lower, upper)
        at_bound = rng.random(n) < 0.35
        x0 = np.where(at_bound & np.isfinite(lower), lower, x0)  # degenerate vertices
        out.append(entry("random", f"random-{k}", a, a @ x0, lower, upper))
    return [e for e in out if e is not None]


def survey_systems() -> list[dict]:
    from attacker import attack, lp_systems
    from suppression_synth import small_cells_frame

    from workbench.export_writer import AuditList
    from workbench.stats import analyze
    from workbench.stats.export import write_results
    from workbench.stats.options import AnalysisOptions

    out = []
    tmp = Path(tempfile.mkdtemp())
    for preset, seed in (("dhs", 1), ("statcan", 1), ("nchs", 3)):
        for variant in ("published", "no_complements"):
            res = analyze(small_cells_frame(seed), AnalysisOptions(disclosure_preset=preset))
            if variant == "no_complements":
                for table in ("estimates", "solutions", "stock"):
                    df = getattr(res, table)
                    if len(df):
                        df.loc[df["suppression"] == "complementary", "flag"] = ""
            path = write_results(res.publishable(), tmp / f"{preset}{seed}{variant}.xlsx",
                                 audit=AuditList())  # fmt: skip
            for i, (a, b, _cols, lower, upper) in enumerate(lp_systems(attack(path, res))):
                out.append(entry("survey", f"{preset}-{seed}-{variant}-{i}", a, b, lower, upper))
    return [e for e in out if e is not None]


def main() -> None:
    data = {
        "scipy": scipy.__version__,
        "method": "highs",
        "options": OPTIONS,
        "systems": random_systems() + survey_systems(),
    }
    path = HERE / "golden_lp.json"
    path.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    sizes = [s["shape"] for s in data["systems"]]
    print(f"{len(sizes)} systems, largest {max(sizes, key=lambda s: s[0] * s[1])}; "
          f"scipy {scipy.__version__}; {path.stat().st_size} bytes")  # fmt: skip


if __name__ == "__main__":
    main()
