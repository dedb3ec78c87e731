"""Write golden_tdist.csv: Student t tail probabilities and quantiles for test_stats_tdist.py.

    pip install scipy mpmath     # not project dependencies: only this script needs them
    python tests/reference/make_tdist.py && (cd tests/reference && Rscript make_tdist.R)

Columns: ``kind`` (``two_sided_p``: 2·P(T > |x|); ``t_crit``: the quantile at 1 − x/2;
``qt``: the quantile at x), ``df``, ``x``, ``exact`` (mpmath, 40+ digits, rounded to the nearest
double), ``scipy`` (``scipy.special.stdtr``/``stdtrit``, which the engine used before) and ``r``
(R's ``pt``/``qt``, filled in by make_tdist.R). Inputs have 12 significant digits so that every
reader parses the same double; outputs are written with 17.
"""

from __future__ import annotations

import csv
from pathlib import Path

import mpmath as mp
import numpy as np
import scipy
from scipy.special import stdtr, stdtrit

HERE = Path(__file__).resolve().parent
DFS = [0.5, 0.75, 1, 1.5, 2, 2.5, 3, 4, 5, 7.3, 10, 15.5, 29, 30, 50, 99.9, 120, 500, 1000, 4000]
DFS += [1e4, 12345.6, 1e5, 4e5, 5e5, 1e6, 3.3e6, 1e7]
P_TARGETS = [0.999, 0.9, 0.5, 0.2, 0.05, 0.01, 1e-3, 1e-5, 1e-8, 1e-12, 1e-20, 1e-50, 1e-100]
P_TARGETS += [1e-200, 1e-300]
ALPHAS = [1e-6, 1e-5, 1e-4, 1e-3, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5]
LOWER_P = [1e-300, 1e-200, 1e-100, 1e-50, 1e-20, 1e-8, 1e-3, 0.01, 0.1, 0.3, 0.45, 0.4999]


def _hyp_series(a: mp.mpf, b: mp.mpf, z: mp.mpf, digits: int) -> mp.mpf:
    """2F1(a+b, 1; a+1; z): positive terms."""
    total, term, n, eps = mp.mpf(1), mp.mpf(1), 0, mp.mpf(10) ** (-digits)
    while True:
        term *= (a + b + n) / (a + 1 + n) * z
        total += term
        n += 1
        if term < eps * total and n > (a + b) * z:
            return total


def tail(t: float | mp.mpf, df: float) -> mp.mpf:
    """P(T > t), t ≥ 0: I_x(a, ½)/2 from the series in x when x < ½, else 1 − I_y(½, a) at a
    precision raised by the digits the subtraction cancels."""
    t, nu = mp.mpf(t), mp.mpf(df)
    if t == 0:
        return mp.mpf(1) / 2
    a, b = nu / 2, mp.mpf(1) / 2
    with mp.workdps(60):
        x = nu / (nu + t * t)
        if x < mp.mpf(1) / 2:
            y = t * t / (nu + t * t)
            front = mp.exp(a * mp.log(x) + b * mp.log(y) - mp.log(a) - mp.log(mp.beta(a, b)))
            return front * _hyp_series(a, b, x, 45) / 2
        lost = int(max(0, -mp.log10(mp.exp(-a * mp.log1p(t * t / nu)) / mp.sqrt(mp.pi * a)))) + 10
    with mp.workdps(60 + lost):
        x, y = nu / (nu + t * t), t * t / (nu + t * t)
        front = mp.exp(b * mp.log(y) + a * mp.log(x) - mp.log(b) - mp.log(mp.beta(a, b)))
        return (1 - front * _hyp_series(b, a, y, 60 + lost)) / 2


def density(t: mp.mpf, df: float) -> mp.mpf:
    nu = mp.mpf(df)
    with mp.workdps(60):
        log_f = mp.loggamma((nu + 1) / 2) - mp.loggamma(nu / 2) - mp.log(nu * mp.pi) / 2
        return mp.exp(log_f - (nu + 1) / 2 * mp.log1p(t * t / nu))


def upper_quantile(u: float, df: float, start: float) -> mp.mpf:
    """t > 0 with P(T > t) = u (u exactly as the double given) by Newton from ``start``."""
    t = mp.mpf(start)
    for _ in range(30):
        step = (tail(t, df) - mp.mpf(u)) / density(t, df)
        t += step
        if abs(step) < mp.mpf(10) ** -30 * t:
            return t
    raise RuntimeError(f"no convergence: u={u} df={df}")


def g12(v: float) -> float:
    return float(f"{v:.12g}")


def rows() -> list[dict[str, object]]:
    mp.mp.dps = 50
    out: list[dict[str, object]] = []
    for df in DFS:
        ts = {g12(-float(stdtrit(df, p / 2))) for p in P_TARGETS} | {1e-10, 1.0, 2.0}
        for t in sorted(v for v in ts if np.isfinite(v)):
            exact = 2 * tail(t, df)
            out.append(dict(kind="two_sided_p", df=df, x=t, exact=float(exact),
                            scipy=float(2 * stdtr(df, -t))))  # fmt: skip
        for alpha in ALPHAS:
            sp = float(stdtrit(df, 1 - alpha / 2))
            u = 1.0 - (1.0 - alpha / 2)  # the rounded probability qt(1 - alpha/2) sees
            out.append(dict(kind="t_crit", df=df, x=alpha,
                            exact=float(upper_quantile(u, df, sp)), scipy=sp))  # fmt: skip
        for p in LOWER_P:
            sp = float(stdtrit(df, p))
            if not np.isfinite(sp) or abs(sp) > 1e150:  # scipy stops near 5e153
                continue
            out.append(dict(kind="qt", df=df, x=p,
                            exact=-float(upper_quantile(p, df, -sp)), scipy=sp))  # fmt: skip
    return out


def main() -> None:
    data = rows()
    with open(HERE / "golden_tdist.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["kind", "df", "x", "exact", "scipy", "r"])
        for r in data:
            w.writerow(
                [r["kind"], repr(r["df"]), repr(r["x"]), repr(r["exact"]), repr(r["scipy"]), ""]
            )
    print(f"{len(data)} rows; scipy {scipy.__version__}, mpmath {mp.__version__}")


if __name__ == "__main__":
    main()
