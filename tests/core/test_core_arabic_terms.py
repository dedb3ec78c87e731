"""Arabic statistical terms, one word for one thing in every catalogue (issue 20): Taylor
linearisation was "التخطيط الخطي" — linear *planning* — in the report's methodology, the
engine's messages and the app; it is "التقريب الخطي" (linear approximation)."""

from __future__ import annotations

import json

import pytest

from workbench.messages import CATALOG_DIR as MESSAGES
from workbench.paths import resource
from workbench.reporting.i18n import CATALOG_DIR as REPORT

CATALOGUES = [
    REPORT / "ar.json",
    MESSAGES / "messages_ar.json",
    resource("translations", "ar_seed.json"),
]


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.name)
def test_linearisation_is_an_approximation_not_planning(path) -> None:
    texts = json.loads(path.read_text(encoding="utf-8")).values()
    flat = " ".join(t if isinstance(t, str) else " ".join(t) for t in texts)
    assert "التخطيط الخطي" not in flat
    assert "التقريب الخطي" in flat
