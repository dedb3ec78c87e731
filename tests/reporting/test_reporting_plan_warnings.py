"""The methodology lists the plan's warnings with their justifications (issue 20 finding 8 / b):
the run records the plan check's warnings in its snapshot (the check made when the plan was
saved, or made at the analysis), and the report names their indicators and groups in its
language, each beside the justification given for it."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest

from workbench.reporting import ReportOptions
from workbench.reporting.context import build_context, with_code
from workbench.reporting.pdf_annexes import plan_warning_text, plan_warnings
from workbench.reporting.pdf_doc import ReportDoc
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import make_styles
from workbench.stats.snapshot import RunSnapshot

pytestmark = pytest.mark.slow
PASS = "plan warnings test passphrase 7"


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Two runs of the bundled Freedonia plan: one right after saving the plan (its check is
    reused), one in a later unlock (checked again at the analysis)."""
    from freedonia_testkit import make_freedonia_vault

    from workbench.paths import sample_dir
    from workbench.service import Workbench
    from workbench.settings import Settings

    path = tmp_path_factory.mktemp("plan_warnings") / "f.wbv"
    make_freedonia_vault(path, PASS)
    wb = Workbench(Settings())
    wb.open_vault(path, PASS)
    # the bundled plan checks clean: compare one displaced-only indicator to get a warning
    text = (sample_dir() / "freedonia-plan.toml").read_text(encoding="utf-8")
    marked = 'id = "c4_hlp_documents"\ndisaggregations = ["location", "origin_location"]\n'
    assert marked + "comparable = false" in text
    text = text.replace(marked + "comparable = false", marked + "comparable = true")
    plan_file = path.parent / "plan.toml"
    plan_file.write_text(text, encoding="utf-8")
    rec, _errors = wb.import_plan_file(plan_file, note="compared")
    _run, first = wb.analyze(rec.name, rec.version)
    findings = wb.check_plan(wb.load_plan(rec.name, rec.version))
    wb.lock()
    wb.open_vault(path, PASS)
    _run, second = wb.analyze(rec.name, rec.version)
    wb.lock()
    return findings, first, second


def test_the_run_records_the_plan_check_warnings(runs):
    findings, first, second = runs
    expected = sorted((f.code, tuple(sorted(f.where.items()))) for f in findings
                      if f.severity == "warning")  # fmt: skip
    assert expected  # the comparator outside a compared indicator's universe
    for results in (first, second):
        got = sorted((w["code"], tuple(sorted(w["where"].items())))
                     for w in results.snapshot.plan_warnings)  # fmt: skip
        assert got == expected
    again = RunSnapshot.from_dict(first.snapshot.to_dict())
    assert again.plan_warnings == first.snapshot.plan_warnings


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_methodology_lists_them_with_justifications(runs, lang):
    _f, results, _s = runs
    why = "By design: the host community is outside these universes."
    code = "plan.universe_empty_comparator"
    opts = ReportOptions(language=lang, justifications={code: why})
    ctx = build_context(results, opts)
    # the sample's indicator has no library code: give it one, as the headings would print it
    ctx.indicators["c4_hlp_documents"] = replace(ctx.indicators["c4_hlp_documents"], code="DS 4.1")
    doc = ReportDoc(io.BytesIO(), opts.page_size, lang)
    b = Builder(ctx, opts, make_styles(lang), doc.width, results.publishable())
    texts = [plan_warning_text(b, dict(w)) for w in ctx.plan_warnings]
    empty = [t for t, w in zip(texts, ctx.plan_warnings, strict=True)
             if w["code"] == code]  # fmt: skip
    assert empty
    host = next(g for g in ctx.groups if g.role == "comparator").label.shown()
    title = ctx.indicators["c4_hlp_documents"].title.shown()
    assert any(title in t and host in t for t in empty), empty[:2]
    # named as the headings name it, with its code (rd16: the list read "Access to …" where
    # the section read "Access to … (DS 2.1.x)")
    info = ctx.indicators["c4_hlp_documents"]
    assert info.code and any(with_code(title, info.code, lang) in t for t in empty), empty[:2]
    assert not any("c4_hlp_documents" in t or "group 4" in t for t in texts)
    flow = plan_warnings(b)
    table = flow[-1]
    cells = [[str(getattr(c, "text", c)) for c in row] for row in table._cellvalues]
    assert sum(why in " ".join(row) for row in cells) == len(empty)
    # laid out and drawn (the Arabic one refused the message registry's isolate marks)
    doc.build([b.h(ctx.title, 0, "top"), *flow])
