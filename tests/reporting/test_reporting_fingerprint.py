"""The results hash: canonical, order-free, blind to suppressed values, sensitive to the rest."""

from __future__ import annotations

import pytest
from reporting_fixture import make_results

from workbench.reporting.fingerprint import canonical_bytes, results_hash


def test_hash_ignores_row_and_column_order():
    a = make_results()
    b = make_results()
    b.estimates = b.estimates.sample(frac=1.0, random_state=3)[list(reversed(b.estimates.columns))]
    b.stock = b.stock.iloc[::-1]
    assert results_hash(a) == results_hash(b)
    assert len(results_hash(a)) == 64


@pytest.mark.slow
def test_hash_changes_with_a_published_value_but_not_a_suppressed_one():
    base = make_results()
    h = results_hash(base)
    changed = make_results()
    i = changed.estimates.index[changed.estimates["flag"] == ""][0]
    changed.estimates.loc[i, "estimate"] += 1e-6
    assert results_hash(changed) != h
    hidden = make_results()
    j = hidden.estimates.index[hidden.estimates["flag"] == "suppressed"][0]
    hidden.estimates.loc[j, "estimate"] = 0.123456
    assert results_hash(hidden) == h
    assert b"0.123456" not in canonical_bytes(hidden)
