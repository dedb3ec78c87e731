"""Report checks name an indicator by its title, as the report does (issue 21 finding 7: the app
listed ids such as ``c4_hlp_documents``); the id stays in ``where``."""

from __future__ import annotations

from types import SimpleNamespace

from workbench.findings import Finding
from workbench.reporting.validation import _titled


def test_a_finding_about_an_indicator_names_its_title():
    view = SimpleNamespace(info=SimpleNamespace(title=SimpleNamespace(
        shown=lambda: "Has documents for the house or land")))  # fmt: skip
    where = {"indicator": "c4_hlp_documents"}
    finding = Finding.of("report.sections_have_data", "warning", where=where, **where)
    titled = _titled(finding, {"c4_hlp_documents": view})  # type: ignore[dict-item]
    assert "Has documents for the house or land" in titled.render("en")
    assert "c4_hlp_documents" not in titled.render("en")
    assert titled.where["indicator"] == "c4_hlp_documents"
    other = _titled(finding, {})
    assert other is finding
