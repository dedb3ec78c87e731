"""Write a small Freedonia analysis frame (freedonia_*.csv) for make_golden_freedonia.R.

    .venv/bin/python tests/reference/make_freedonia_data.py

Deterministic: the Freedonia generator (workbench.sample) with a fixed seed, the suggested plan
and workbench.plan.evaluate produce the frame; only the columns the goldens need are written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from workbench.library import load_library
from workbench.plan.evaluate import evaluate
from workbench.plan.suggest import suggest_plan
from workbench.sample.generate import generate

HERE = Path(__file__).resolve().parent
DISAGG = {"household": "location", "individual": "sex"}
DESIGN = ["_weight", "_stratum", "_psu", "_group"]


def main() -> None:
    sample = generate(households=400, seed=7)
    datasets = {d.name: d for d in sample.datasets()}
    lib = load_library()
    frame = evaluate(suggest_plan(lib, datasets, name="freedonia"), lib, datasets)
    specs = []
    for unit, uf in frame.units.items():
        inds = [i for i in frame.indicators if i.unit == unit]
        cols = [i.id for i in inds] + [f"{i.id}__den" for i in inds if i.statistic == "ratio"]
        out = uf.frame[[*DESIGN, DISAGG[unit], *cols]]
        out.to_csv(HERE / f"freedonia_{unit}.csv", index=False)
        d = uf.design
        specs += [
            {
                "id": i.id,
                "unit": unit,
                "statistic": i.statistic,
                "direction": i.direction,
                "criterion": i.criterion,
                "disagg": DISAGG[unit],
                "lonely_psu": d.lonely_psu,
                "has_strata": d.has_strata,
                "has_psu": d.has_psu,
            }
            for i in inds
        ]
    pd.DataFrame(specs).to_csv(HERE / "freedonia_indicators.csv", index=False)
    groups = [{"code": g.code, "label": g.label, "role": g.role} for g in frame.groups]
    (HERE / "freedonia_groups.json").write_text(json.dumps(groups, indent=1) + "\n")


if __name__ == "__main__":
    main()
