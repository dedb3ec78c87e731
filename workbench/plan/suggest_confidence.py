"""Calibrated confidence: the probability that a suggested column is the right one.

The evidence of a column (``suggest_columns.score``) is not a probability: a column with a label
can reach 1 where a bare name cannot, and a strong match means little when another column or
another input scores as well. The confidence is a logistic model of these features:

- ``evidence``: the column's score for the input;
- ``margin``: how far it is ahead of the input's next column (negative for a runner-up);
- ``rival``: the best score another input has on the same column;
- ``text``: 1 when the column has a label (or is an option of a labelled question);
- ``shared``: 1 when the column is already taken by another input;
- ``explained``: the share of the column's name words (or label words) that the input accounts
  for (``school_satisfaction`` for "satisfied with remedy": half);
- ``fit``: how well the column's values fit the input (``suggest_columns.type_factor``: a 0/1
  answer for a condition, a small count for a household size, a unique key …);
- ``specific``: the share of the words the column and the input share that are not generic
  ("number of household members" shares only generic words with "number of separated members");
- ``option``: 1 for one option of a multiple-choice question (rarely the fact itself);
- ``unit``: 1 when the column is in the input's unit (a member's sex in the member file, not
  the respondent's on the household row);
- ``cover``: how fully the column's words say the input's name or one of its keyword phrases
  (``suggest_columns.input_cover``).

The coefficients were fitted once (``benchmarks/suggest_calibrate.py``: logistic regression,
each survey weighing the same, on the development surveys written for the project — the
Freedonia sample with and without labels, French-only, a descriptive-name survey, a French Kobo
form — and the six questionnaires of the corpus in tests/plan/corpus/) and ship here; nothing is
learned at run time. Because the corpus is in the fit, the corpus figures of
``benchmarks/suggest.py`` are in-sample; ``--held-out`` gives each questionnaire's figures with
coefficients fitted without it. ``OK_THRESHOLD`` is the confidence from which a mapping is
accepted: chosen so that accepted mappings were right ≥ 95% of the time over every survey, each
scored by a fit that left it out (leave one survey out: 95.1% at 0.7; on the corpus alone the
held-out precision is lower, about 84%, which the benchmark reports).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

#: fitted by benchmarks/suggest_calibrate.py (see the module docstring)
COEFFICIENTS: dict[str, float] = {
    "intercept": -6.778,
    "evidence": 2.983,
    "margin": 2.807,
    "rival": -2.261,
    "text": -0.323,
    "shared": -1.488,
    "explained": 2.726,
    "fit": 0.016,
    "specific": 0.040,
    "option": -2.128,
    "unit": 0.480,
    "cover": 3.034,
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
    fit: float = 1.0
    specific: float = 1.0
    option: float = 0.0
    unit: float = 1.0
    cover: float = 1.0

    def as_dict(self) -> dict[str, float]:
        return {
            "evidence": self.evidence,
            "margin": self.margin,
            "rival": self.rival,
            "text": self.text,
            "shared": self.shared,
            "explained": self.explained,
            "fit": self.fit,
            "specific": self.specific,
            "option": self.option,
            "unit": self.unit,
            "cover": self.cover,
        }


def confidence(f: Features, coef: dict[str, float] | None = None) -> float:
    c = coef or COEFFICIENTS
    z = c["intercept"] + sum(c.get(k, 0.0) * v for k, v in f.as_dict().items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
