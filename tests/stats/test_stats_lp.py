"""The engine's simplex (workbench.stats.lp) against scipy's HiGHS and against hand-made cases.

tests/reference/golden_lp.json (make_lp_golden.py; scipy 1.17.1, not a dependency) holds 285
systems with HiGHS's least and greatest value of every variable: 148 seeded random ones
(dependent equations, free and one-sided variables, unbounded directions, degenerate vertices,
coefficients from 0.01 to 750) and 137 formed by the test attacker from the published results of
generated small-cell surveys — as the engine publishes them and with the complements put back
(where the LP pins cells that propagation does not). Measured when the table was made: ours
within 5e-11 of HiGHS relative to max(1, |bound|) everywhere. Neither scipy nor the script is
needed to run these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from workbench.stats.lp import BoundedSimplex, InfeasibleSystem, cell_bounds
from workbench.stats.suppression_audit import Relation, attack_bounds
from workbench.stats.suppression_lp import lp_bounds, lp_exposed, protection_targets

GOLDEN = Path(__file__).resolve().parents[1] / "reference" / "golden_lp.json"


def _systems() -> list[dict]:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))["systems"]


def _bound(v: float | None, sign: float) -> float:
    return sign * np.inf if v is None else float(v)


def _arrays(s: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    a = np.zeros(s["shape"])
    for r, c, v in s["a"]:
        a[r, c] = v
    lower = np.array([_bound(v, -1) for v in s["lower"]])
    upper = np.array([_bound(v, 1) for v in s["upper"]])
    return a, np.array(s["b"]), lower, upper


SYSTEMS = _systems()


@pytest.mark.parametrize("kind", ["random", "survey"])
def test_stats_lp_bounds_match_highs(kind: str) -> None:
    chosen = [s for s in SYSTEMS if s["kind"] == kind]
    assert len(chosen) > 100
    worst = 0.0
    for s in chosen:
        a, b, lower, upper = _arrays(s)
        lo, hi = cell_bounds(a, b, lower, upper)
        for mine, ref in ((lo, s["min"]), (hi, s["max"])):
            want = np.array([_bound(v, 1 if mine is hi else -1) for v in ref])
            assert (np.isinf(mine) == np.isinf(want)).all(), s["name"]
            fin = np.isfinite(want)
            err = np.abs(mine[fin] - want[fin]) / np.maximum(1.0, np.abs(want[fin]))
            worst = max(worst, float(err.max(initial=0.0)))
            assert (err <= 1e-9).all(), (s["name"], float(err.max()))
    assert worst <= 1e-9


def test_stats_lp_is_tighter_than_propagation_on_generated_surveys() -> None:
    """On the survey systems the LP bounds 58 cells more tightly than elimination and interval
    propagation do (the seed-1 solutions-measure zeros among them) — why the engine's audit is
    an LP."""
    tighter = 0
    for s in SYSTEMS:
        if s["kind"] != "survey":
            continue
        a, b, lower, upper = _arrays(s)
        n = a.shape[1]
        rels = [
            Relation(np.flatnonzero(row), row[row != 0], float(bi))
            for row, bi in zip(a, b, strict=True)
        ]
        rels = [r for r in rels if r.cells.size]
        lo_p, hi_p = attack_bounds(rels, np.zeros(n), np.ones(n, bool), lower, upper)
        lo, hi = cell_bounds(a, b, lower, upper)
        # the LP's bounds are never looser than propagation's (both are sound)
        assert (lo >= lo_p - 1e-7 * np.maximum(1, np.abs(lo_p))).all()
        assert (hi <= hi_p + 1e-7 * np.maximum(1, np.abs(hi_p))).all()
        tighter += int(((hi - lo) < (hi_p - lo_p) - 1e-6).sum())
    assert tighter > 40


# ------------------------------------------------------------------ hand-made cases
def test_stats_lp_one_subtraction() -> None:
    # IDPs in camps × Disaster × 2018 = all − outside − returnees (issue 15, finding 1)
    lo, hi = cell_bounds(
        np.array([[1.0, 1.0]]), np.array([10767.89 - 6230.67]), [0, 0], [np.inf] * 2
    )
    assert lo[0] == 0 and hi[0] == pytest.approx(4537.22)
    lo, hi = cell_bounds(np.array([[1.0]]), np.array([790.33]), [0], [np.inf])
    assert lo[0] == hi[0] == pytest.approx(790.33)


def test_stats_lp_bounds_and_signs() -> None:
    # x + y = 1, x − z = 0.25, all ≥ 0, y ≤ 0.5 → x ∈ [0.5, 1], z ∈ [0.25, 0.75]
    a = np.array([[1.0, 1.0, 0.0], [1.0, 0.0, -1.0]])
    lo, hi = cell_bounds(a, [1.0, 0.25], [0, 0, 0], [np.inf, 0.5, np.inf])
    assert np.allclose(lo, [0.5, 0, 0.25]) and np.allclose(hi, [1, 0.5, 0.75])
    # a free variable: x − w = 3 with x ∈ [0, 1] → w ∈ [−3, −2]; unbounded direction: v
    a = np.array([[1.0, -1.0, 0.0], [0.0, 0.0, 1.0]])
    lo, hi = cell_bounds(a, [3.0, 0.0], [0, -np.inf, -np.inf], [1, np.inf, np.inf])
    assert np.allclose([lo[1], hi[1]], [-3, -2]) and lo[2] == hi[2] == 0
    lo, hi = cell_bounds(np.array([[1.0, -1.0]]), [2.0], [0, 0], [np.inf, np.inf])
    assert lo[0] == 2 and hi[0] == np.inf and hi[1] == np.inf


def test_stats_lp_dependent_and_contradictory_equations() -> None:
    a = np.array([[1.0, 1.0, 0.0], [0.0, 1.0, 1.0], [1.0, 2.0, 1.0]])  # row 3 = row 1 + row 2
    lo, hi = cell_bounds(a, [2.0, 3.0, 5.0], [0, 0, 0], [np.inf] * 3)
    assert np.allclose(lo, [0, 0, 1]) and np.allclose(hi, [2, 2, 3])
    with pytest.raises(InfeasibleSystem):
        cell_bounds(a, [2.0, 3.0, 6.0], [0, 0, 0], [np.inf] * 3)
    with pytest.raises(InfeasibleSystem):
        cell_bounds(np.array([[1.0, 1.0]]), [3.0], [0, 0], [1, 1])
    with pytest.raises(InfeasibleSystem):
        BoundedSimplex(np.array([[1.0]]), [1.0], [2.0], [1.0])


def test_stats_lp_stops_early_at_a_feasible_point() -> None:
    rng = np.random.default_rng(7)
    a = rng.integers(-2, 3, (6, 12)).astype(float)
    x0 = rng.random(12)
    lp = BoundedSimplex(a, a @ x0, np.zeros(12), np.ones(12))
    e = np.zeros(12)
    e[3] = 1.0
    best = cell_bounds(a, a @ x0, np.zeros(12), np.ones(12))[0][3]
    stop = best + 0.5 * (x0[3] - best)
    got = lp.minimize(e, stop=stop)
    assert got <= stop + 1e-12 and got >= best - 1e-12
    x = lp.x  # the point reached is feasible
    assert np.allclose(a @ x, a @ x0) and (x >= -1e-12).all() and (x <= 1 + 1e-12).all()
    assert lp.minimize(e) == pytest.approx(best, abs=1e-12)


# ------------------------------------------------------------------ the audit built on it
def test_stats_lp_audit_judges_each_side() -> None:
    """x + y = 10 (published), x, y ≥ 0, y ≤ 4 (say a published bound): x ∈ [6, 10]. With
    x = 7 and a 20% protection ratio the targets are 5.6 and 8.4: the lower side fails."""
    rels = [Relation(np.array([0, 1, 2]), np.array([1.0, 1.0, -1.0]), 0.0)]
    value = np.array([7.0, 3.0, 10.0])
    hidden = np.array([True, True, False])
    lower, upper = np.zeros(3), np.array([np.inf, 4.0, np.inf])
    targets = protection_targets(value, np.zeros(3, bool), 0.2, lower, upper)
    assert np.allclose(targets[0][:2], [5.6, 2.4]) and np.allclose(targets[1][:2], [8.4, 3.6])
    lo, hi = lp_bounds(rels, value, hidden, lower, upper)
    assert np.allclose([lo[0], hi[0]], [6, 10]) and np.allclose([lo[1], hi[1]], [0, 4])
    exposed, fallbacks = lp_exposed(rels, value, hidden, lower, upper, targets, hidden)
    assert exposed.tolist() == [True, False, False] and fallbacks == 0
    # a wider cap on y gives x its lower side back
    upper[1] = 5.0
    assert not lp_exposed(rels, value, hidden, lower, upper, targets, hidden)[0].any()
    # proportions: base min(p, 1 − p); targets clipped to [0, 1]
    t_lo, t_hi = protection_targets(
        np.array([0.9, 0.001]), np.ones(2, bool), 0.2, np.zeros(2), np.ones(2)
    )
    assert np.allclose(t_lo, [0.88, 0.0]) and np.allclose(t_hi, [0.92, 0.003])


def test_stats_lp_audit_falls_back_on_propagation_and_counts_it(monkeypatch) -> None:
    """Should the simplex fail on a group (it never has), that group is judged by elimination
    and interval propagation — still sound — and the failure is counted, not hidden."""
    import workbench.stats.suppression_lp as audit

    def fail(*_a: object, **_k: object) -> None:
        raise InfeasibleSystem("numerically hard")

    rels = [Relation(np.array([0, 1, 2]), np.array([1.0, 1.0, -1.0]), 0.0)]
    value = np.array([7.0, 3.0, 10.0])
    hidden = np.array([True, False, False])  # one subtraction away
    lower, upper = np.zeros(3), np.full(3, np.inf)
    targets = protection_targets(value, np.zeros(3, bool), 0.2, lower, upper)
    monkeypatch.setattr(audit, "BoundedSimplex", fail)
    exposed, fallbacks = lp_exposed(rels, value, hidden, lower, upper, targets, hidden)
    assert exposed.tolist() == [True, False, False] and fallbacks == 1
