"""What anonymisation cost the estimates: the plan's indicators on the extract against the same
indicators on the original data (docs/sharing.md, "Utility").

For each published estimate (the rows both runs publish; suppressed cells stay blank) the table
gives both estimates, the difference, the ratio of confidence-interval widths and the
confidence-interval overlap of Karr et al. (2006):
``J = ½ (overlap / width_original + overlap / width_extract)`` — 1 when the intervals coincide,
0 (or less) when they no longer meet. ``answerable`` is False when the original publishes an
estimate the extract cannot (every value it needs was removed or suppressed).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

_ON = ["indicator_id", "group", "disaggregation", "disaggregation_value"]
#: columns of the comparison table, in order
COLUMNS = [
    *_ON, "estimate_original", "estimate_extract", "difference", "ci_low_original",
    "ci_high_original", "ci_low_extract", "ci_high_extract", "ci_width_ratio", "ci_overlap",
    "answerable",
]  # fmt: skip


def compare(original: pd.DataFrame, extract: pd.DataFrame) -> pd.DataFrame:
    """Estimates of the same plan on the original data and on the extract, side by side."""
    keep = [*_ON, "estimate", "ci_low", "ci_high"]
    a = original[keep].rename(columns={c: f"{c}_original" for c in keep[4:]})
    b = extract[keep].rename(columns={c: f"{c}_extract" for c in keep[4:]})
    both = a.merge(b, on=_ON, how="left")
    both = both[both["estimate_original"].notna()].reset_index(drop=True)
    both["difference"] = both["estimate_extract"] - both["estimate_original"]
    w_o = both["ci_high_original"] - both["ci_low_original"]
    w_e = both["ci_high_extract"] - both["ci_low_extract"]
    overlap = np.minimum(both["ci_high_original"], both["ci_high_extract"]) - np.maximum(
        both["ci_low_original"], both["ci_low_extract"]
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        both["ci_width_ratio"] = np.where(w_o > 0, w_e / w_o, np.nan)
        both["ci_overlap"] = np.where(
            (w_o > 0) & (w_e > 0), 0.5 * (overlap / w_o + overlap / w_e), np.nan
        )
    both["answerable"] = both["estimate_extract"].notna()
    return both[COLUMNS]


def summary(table: pd.DataFrame) -> dict[str, float | int]:
    """The comparison in a few numbers: estimates compared, how many the extract cannot
    answer, the largest absolute difference and the mean and smallest CI overlap."""
    ok = table[table["answerable"]]
    diff = ok["difference"].abs()
    return {
        "estimates": len(table),
        "not_answerable": int((~table["answerable"]).sum()),
        "max_abs_difference": float(diff.max()) if len(diff) else 0.0,
        "mean_ci_overlap": float(ok["ci_overlap"].mean()) if ok["ci_overlap"].notna().any()
        else float("nan"),
        "min_ci_overlap": float(ok["ci_overlap"].min()) if ok["ci_overlap"].notna().any()
        else float("nan"),
    }  # fmt: skip
