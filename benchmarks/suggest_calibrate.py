"""Fit the auto-suggest confidence (workbench/plan/suggest_confidence.py) on the development
surveys (tests/plan/suggest_devsets.py) and print the coefficients to paste there.

    .venv/bin/python benchmarks/suggest_calibrate.py

Every ranked candidate of every input is one example (right: it is the input's true column).
The model is a logistic regression (Newton's method, a small ridge penalty) of the features
listed in suggest_confidence. It also prints, per set, how the fitted confidence separates
right from wrong chosen columns at the accepted threshold. The questionnaire corpus is never
used here: it measures the result (benchmarks/suggest.py).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "plan"))

from suggest_devsets import devsets  # noqa: E402

from workbench.library import load_library  # noqa: E402
from workbench.plan.suggest import ranked_candidates  # noqa: E402
from workbench.plan.suggest_assign import assign  # noqa: E402
from workbench.plan.suggest_confidence import COEFFICIENTS, Features  # noqa: E402
from workbench.plan.suggest_frame import dataset_roles  # noqa: E402

NAMES = list(Features(0, 0, 0, 0, 0).as_dict())


def examples() -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    lib = load_library()
    rows, ys, chosen_flags, sets = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for name, datasets, truth in devsets(Path(tmp)):
            hh, ind = dataset_roles(datasets)
            _wg, ranked, _profiles = ranked_candidates(lib, hh, ind)
            chosen = assign(ranked)
            for inp, cands in ranked.items():
                pick = chosen.get(inp)
                for c in cands:
                    assert c.features is not None
                    rows.append([c.features.as_dict()[k] for k in NAMES])
                    ys.append(float((c.column.name,) == tuple(truth.get(inp, ()))[:1]))
                    chosen_flags.append(pick is not None and pick.column is c.column)
                    sets.append(name)
    return np.asarray(rows), np.asarray(ys), np.asarray(chosen_flags), sets


def fit(x: np.ndarray, y: np.ndarray, ridge: float = 0.5) -> np.ndarray:
    a = np.column_stack([np.ones(len(x)), x])
    beta = np.zeros(a.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-(a @ beta)))
        w = p * (1 - p)
        grad = a.T @ (y - p) - ridge * np.r_[0, beta[1:]]
        hess = (a * w[:, None]).T @ a + ridge * np.diag(np.r_[0, np.ones(a.shape[1] - 1)])
        step = np.linalg.solve(hess, grad)
        beta += step
        if np.abs(step).max() < 1e-8:
            break
    return beta


def cross_validated(
    x: np.ndarray, y: np.ndarray, chosen: np.ndarray, sets: list[str]
) -> np.ndarray:
    """Each set's confidences from a model fitted on the other sets (leave one survey out):
    how the confidence transfers to a survey it has not seen, which picks the threshold."""
    names = np.asarray(sets)
    p = np.zeros(len(y))
    for held in sorted(set(sets)):
        out = names == held
        beta = fit(x[~out], y[~out])
        p[out] = 1 / (1 + np.exp(-(np.column_stack([np.ones(out.sum()), x[out]]) @ beta)))
    return p


def table(title: str, p: np.ndarray, y: np.ndarray, chosen: np.ndarray) -> None:
    print(title)
    total_true = int((chosen & (y == 1)).sum())
    for t in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9):
        ok = chosen & (p >= t)
        right = int((ok & (y == 1)).sum())
        print(f"  threshold {t:.2f}: ok {int(ok.sum())}, right {right} "
              f"(precision {right / max(1, ok.sum()):.1%}), "
              f"share of right chosen that are ok {right / max(1, total_true):.1%}")  # fmt: skip


def main() -> None:
    x, y, chosen, sets = examples()
    beta = fit(x, y)
    coef = {"intercept": float(beta[0])}
    coef |= {k: float(b) for k, b in zip(NAMES, beta[1:], strict=True)}
    print("COEFFICIENTS = {")
    for k, v in coef.items():
        print(f'    "{k}": {v:.3f},')
    print("}")
    p = 1 / (1 + np.exp(-(np.column_stack([np.ones(len(x)), x]) @ beta)))
    print(f"examples: {len(y)} candidates, {int(y.sum())} right; chosen: {int(chosen.sum())}")
    table("fitted on every set, scored on the same sets:", p, y, chosen)
    table(
        "leave one survey out (scored on the set left out):",
        cross_validated(x, y, chosen, sets),
        y,
        chosen,
    )
    print("now shipped:", COEFFICIENTS)


if __name__ == "__main__":
    main()
