"""Coverage of the 95% intervals of the change in the gap, over the Freedonia generator.

Each replicate draws both rounds (:func:`workbench.sample.round2.generate_rounds`, a new seed:
new EAs, households, panel and answers), estimates the change in the gap with the host
community of each displaced group for several indicators on the stacked panel design
(:func:`workbench.stats.change_stacked.stacked_changes`) — and, for comparison, as if the
rounds were independent — and checks whether the t interval covers the known truth
(:func:`workbench.sample.round2.truth_of_changes`).

    .venv/bin/python benchmarks/rounds_coverage.py [--reps 200] [--households 3000]

Prints the coverage of the panel intervals (target 93–97%) with its binomial SE, the
independent-samples intervals' coverage and the mean ratio of SEs panel / independent.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.sample.generate import FreedoniaSample
from workbench.sample.indicators import observe
from workbench.sample.round2 import RENAMED, generate_rounds, truth_of_changes
from workbench.stats.change_stacked import stacked_changes
from workbench.stats.frame import (
    AnalysisFrame,
    DesignSpec,
    GroupSpec,
    IndicatorSpec,
    UnitFrame,
)
from workbench.stats.tdist import t_crit

#: indicators whose gaps close, widen or stay (truth_of_changes), household and individual
INDICATORS = {
    "safe_walking": "household",
    "tenure_documented": "household",
    "food_insecure": "household",
    "national_id": "individual",
    "birth_registered_u5": "individual",
    "unemployment_rate": "individual",
}
GROUPS = [
    GroupSpec("1", "IDPs in camps", "displaced"),
    GroupSpec("2", "IDPs outside camps", "displaced"),
    GroupSpec("3", "Returnees", "displaced"),
    GroupSpec("4", "Host community", "comparator"),
    GroupSpec("99", "Unknown", "exclude"),
]


def _frame(sample: FreedoniaSample, unit: str) -> AnalysisFrame:
    cols: dict[str, pd.Series] = {}
    base = None
    for ind, u in INDICATORS.items():
        if u != unit:
            continue
        obs = observe(sample, ind)
        base = obs if base is None else base
        cols[ind] = obs["y"].astype(float).where(obs["universe"])
    assert base is not None
    df = pd.DataFrame(
        {
            "_weight": base["weight"].to_numpy(),
            "_stratum": base["stratum"].astype(int).astype(str).to_numpy(),
            "_psu": base["ea_id"].astype(int).astype(str).to_numpy(),
            "_group": base["pop_group"].astype(int).astype(str).to_numpy(),
            **{k: v.to_numpy() for k, v in cols.items()},
        }
    )
    specs = [IndicatorSpec(k, k, "1", unit) for k, u in INDICATORS.items() if u == unit]  # type: ignore[arg-type]
    return AnalysisFrame({unit: UnitFrame(unit, df, DesignSpec())}, GROUPS, [], specs)  # type: ignore[arg-type]


def _follow_up_as_baseline(s: FreedoniaSample) -> FreedoniaSample:
    """The follow-up with the renamed question under its baseline name (the observers')."""
    s.individuals = s.individuals.rename(columns={RENAMED[1]: RENAMED[0]})
    return s


def replicate(households: int, seed: int) -> pd.DataFrame:
    base, follow = generate_rounds(households, seed, plant=False)
    follow = _follow_up_as_baseline(follow)
    parts = []
    for unit in ("household", "individual"):
        frames = [_frame(base, unit), _frame(follow, unit)]
        specs = frames[0].indicators
        for panel in (True, False):
            out, _ = stacked_changes(frames, unit, specs, panel=panel)
            out = out[(out["disaggregation"] == "total") & out["group"].isin(["1", "2", "3"])]
            parts.append(out.assign(panel=panel))
    return pd.concat(parts, ignore_index=True)


def coverage(reps: int, households: int, seed0: int = 1000) -> dict[str, float]:
    truth = truth_of_changes()
    rows = []
    for r in range(reps):
        rows.append(replicate(households, seed0 + r).assign(rep=r))
    d = pd.concat(rows, ignore_index=True)
    d["truth"] = [
        truth[i]["gap_change"][g] for i, g in zip(d["indicator_id"], d["group"], strict=True)
    ]
    se = np.sqrt(d["var_gap_change"].to_numpy(float))
    t = t_crit(0.05, d["df"].to_numpy(float))
    d["covered"] = np.abs(d["gap_change"] - d["truth"]) <= t * se
    d["se"] = se
    p, i = d[d["panel"]], d[~d["panel"]]
    cov = float(p["covered"].mean())
    return {
        "intervals": float(len(p)),
        "coverage_panel": cov,
        "coverage_panel_se": float(np.sqrt(cov * (1 - cov) / len(p))),
        "coverage_independent": float(i["covered"].mean()),
        "se_ratio_panel_over_independent": float(np.mean(p["se"].to_numpy() / i["se"].to_numpy())),
        "mean_bias": float((p["gap_change"] - p["truth"]).mean()),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=200)
    ap.add_argument("--households", type=int, default=3000)
    args = ap.parse_args()
    t0 = time.perf_counter()
    res = coverage(args.reps, args.households)
    print(f"replicates={args.reps} households per round={args.households} "
          f"intervals={int(res['intervals'])} ({time.perf_counter() - t0:.0f} s)")  # fmt: skip
    cov, se = 100 * res["coverage_panel"], 100 * res["coverage_panel_se"]
    print(
        f"panel (stacked design) 95% CI coverage of the change in the gap: {cov:.1f}% (SE {se:.1f})"
    )
    print(f"same intervals as if the rounds were independent: "
          f"{100 * res['coverage_independent']:.1f}%")  # fmt: skip
    print(f"mean SE ratio panel / independent: {res['se_ratio_panel_over_independent']:.3f}; "
          f"mean bias {res['mean_bias']:+.4f}")  # fmt: skip


if __name__ == "__main__":
    main()
