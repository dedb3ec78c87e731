"""The plan's [analysis] table, the per-indicator judging keys, custom indicators in the
solutions measure, and docs/plans.md documenting every key (its examples are loaded here)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from workbench.errors import PlanError
from workbench.library import load_library
from workbench.plan import toml_io
from workbench.plan.analysis import apply_analysis, option_types
from workbench.plan.indicators import resolve_indicator, spec_for
from workbench.plan.model import IndicatorUse, Plan
from workbench.stats.options import AnalysisOptions

DOC = Path(__file__).resolve().parents[2] / "docs" / "plans.md"
HEAD = 'plan_version = 1\nname = "p"\n'


def _examples() -> list[str]:
    """The TOML blocks of the "Worked examples" section (other sections test their own)."""
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## Worked examples", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```toml\n(.*?)```", section, re.S)


def test_plan_doc_examples_load_and_round_trip() -> None:
    blocks = _examples()
    assert len(blocks) >= 3
    for block in blocks:
        plan = Plan.from_toml(HEAD + block, "docs/plans.md")
        assert Plan.from_toml(plan.to_toml()) == plan
    nso = Plan.from_toml(HEAD + blocks[1])
    opts = apply_analysis(AnalysisOptions(), nso.analysis)
    assert (opts.p_adjust, opts.use_adjusted_p, opts.red_share) == ("holm", True, 0.34)
    assert (opts.proportion_ci, opts.total_ci) == ("beta", "log")
    assert nso.indicators[0].comparable is True
    sol = apply_analysis(AnalysisOptions(), Plan.from_toml(HEAD + blocks[2]).analysis)
    assert sol.missing_by_design == "missing" and sol.solutions_benchmark == "national"
    assert sol.benchmark_values["c3_below_poverty_line"] == 0.41
    assert sol.solutions_methods == ("iris_layered", "composite_score")


def test_plan_doc_documents_every_key() -> None:
    text = DOC.read_text(encoding="utf-8")
    keys = set(toml_io.TOP_KEYS) | toml_io._LINK_KEYS | toml_io._DESIGN_KEYS | toml_io._DIS_KEYS
    keys |= toml_io._IND_KEYS | toml_io._INPUT_KEYS | toml_io._STOCK_KEYS
    keys |= toml_io._CONSENT_KEYS | toml_io._CHECK_KEYS | set(option_types())
    keys |= {"code", "role", "label", "expression"}
    forms = ("`{}`", "`[{}]`", "`[[{}]]`", ".{}`", "`[{}.", ".{}]`")
    missing = sorted(k for k in keys if not any(f.format(k) in text for f in forms))
    assert not missing, f"document these plan keys in docs/plans.md: {missing}"


@pytest.mark.parametrize(
    ("table", "needle"),
    [
        ("alpah = 0.1", "unknown key 'alpah'"),
        ('p_adjust = "sidak"', "p_adjust = 'sidak': expected BH|holm"),
        ('use_adjusted_p = "yes"', "expected bool"),
        ("red_share = 0", "share of indicators worse"),
        ("solutions_methods = [1]", "expected list"),
        ('solutions_methods = ["magic"]', "magic"),
        ("benchmark_values = { a = 'x' }", "expected table"),
    ],
)
def test_plan_analysis_table_is_checked(table: str, needle: str) -> None:
    with pytest.raises(PlanError) as err:
        Plan.from_toml(HEAD + "[analysis]\n" + table + "\n", "my-plan.toml")
    text = err.value.render("en")
    assert "my-plan.toml" in text and needle in text, text
    fr = err.value.render("fr")
    assert "my-plan.toml" in fr and fr != text


def test_plan_indicator_margins_and_comparability() -> None:
    lib = load_library()
    plan = Plan(name="p")
    lost = lib.indicator("c5_lost_documents")
    use = IndicatorUse(id=lost.id)
    spec = spec_for(resolve_indicator(use, lib, plan), use, "en", lib)
    assert spec.min_important_difference == 0.05 and spec.comparable is False
    over = dataclasses.replace(use, min_important_difference=0.0, comparable=True)
    spec = spec_for(resolve_indicator(over, lib, plan), over, "en", lib)
    assert spec.min_important_difference is None and spec.comparable is True
    mean = next(i for i in lib.indicators if i.statistic == "mean")
    use = IndicatorUse(id=mean.id)
    assert spec_for(mean, use, "en", lib).min_important_difference is None


def test_plan_custom_indicator_names_an_iris_subcriterion() -> None:
    lib = load_library()
    block = _examples()[0]
    plan = Plan.from_toml(HEAD + block)
    use = plan.indicators[0]
    ind = resolve_indicator(use, lib, plan)
    assert (ind.iris, ind.iris_role) == ("3.2", "alternative")
    spec = spec_for(ind, use, "en", lib)
    assert spec.iris_subcriterion == "3.2" and spec.min_important_difference == 0.10
    with pytest.raises(PlanError) as err:
        Plan.from_toml(HEAD + block.replace('"alternative"', '"main"'))
    assert "iris_role 'main'" in err.value.render("en")
