"""Charts drawn in worker processes are byte-identical to charts drawn in-process."""

from __future__ import annotations

import pytest
from reporting_fixture import make_results

from workbench.reporting import ReportOptions
from workbench.reporting.chart_pool import render, render_all
from workbench.reporting.context import build_context
from workbench.reporting.views import build_views


@pytest.mark.slow
def test_pool_and_in_process_give_the_same_images(monkeypatch):
    r = make_results()
    ctx = build_context(r, ReportOptions())
    views = build_views(r.publishable(), ctx)
    jobs = {
        k: (v.chart, [(lbl, c) for _d, lbl, _t, c in v.disaggregations], 6.5, "Total", False, "en")
        for k, v in list(views.items())[:12]
    }
    monkeypatch.setenv("WORKBENCH_CHART_WORKERS", "2")
    pooled = render_all(jobs)
    assert list(pooled) == list(jobs)
    for k in ("hh_size", "food_insecure"):
        if k in jobs:
            assert pooled[k] == render(jobs[k])
    assert all(img[:2] == b"\xff\xd8" for img in pooled.values())  # JPEG
