"""Calibrated confidence: the probability that a suggested column is the right one.

The evidence of a column (``suggest_columns.score``) is not a probability: a column with a label
can reach 1 where a bare name cannot, and a strong match means little when another column or
another input scores as well. The confidence is a logistic model of five features:

- ``evidence``: the column's score for the input;
- ``margin``: how far it is ahead of the input's next column (negative for a runner-up);
- ``rival``: the best score another input has on the same column;
- ``text``: 1 when the column has a label (or is an option of a labelled question);
- ``shared``: 1 when the column is already taken by another input;
- ``explained``: the share of the column's name words (or label words) that the input accounts
  for (``school_satisfaction`` for "satisfied with remedy": half).

The coefficients were fitted once (``benchmarks/suggest_calibrate.py``: logistic regression on
development surveys written for the project — the Freedonia sample with and without labels, a
descriptive-name survey, French-only data — never on the questionnaire corpus, which stays a
hold-out) and ship here; nothing is learned at run time. ``OK_THRESHOLD`` is the confidence from
which a mapping is accepted: chosen so that accepted mappings were right ≥ 95% of the time on the
development surveys.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

#: fitted by benchmarks/suggest_calibrate.py (see the module docstring)
COEFFICIENTS: dict[str, float] = {
    "intercept": -4.598,
    "evidence": 2.306,
    "margin": 4.193,
    "rival": -2.360,
    "text": -0.470,
    "shared": -2.029,
    "explained": 4.578,
}
OK_THRESHOLD = 0.7


@dataclass(frozen=True)
class Features:
    evidence: float
    margin: float
    rival: float
    text: float
    shared: float
    explained: float = 1.0

    def as_dict(self) -> dict[str, float]:
        return {
            "evidence": self.evidence,
            "margin": self.margin,
            "rival": self.rival,
            "text": self.text,
            "shared": self.shared,
            "explained": self.explained,
        }


def confidence(f: Features, coef: dict[str, float] | None = None) -> float:
    c = coef or COEFFICIENTS
    z = c["intercept"] + sum(c[k] * v for k, v in f.as_dict().items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
