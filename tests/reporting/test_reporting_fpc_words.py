"""The methodology says what the engine did with the finite population correction (issue 20):
the demo's report listed an FPC variable in its design table and then said the primary units
were "drawn with replacement" — both cannot be true. The engine records whether its counted
stages had an FPC (``fpc`` in the design meta, the snapshot's ``UnitDesign.fpc``) and the
report words the variance from that record."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
from reporting_fixture import make_results

from workbench.reporting import ReportOptions
from workbench.reporting.context import build_context
from workbench.reporting.i18n import Translator
from workbench.stats import analyze
from workbench.stats.frame import AnalysisFrame, DesignSpec, GroupSpec, IndicatorSpec, UnitFrame
from workbench.stats.snapshot import DesignVariables, UnitDesign


def _engine_design(spec: DesignSpec) -> dict:
    rng = np.random.default_rng(7)
    rows = [(h, p) for h in range(4) for p in range(3) for _ in range(6)]
    df = pd.DataFrame(rows, columns=["_stratum", "_psu"])
    n = len(df)
    df["_weight"] = rng.uniform(10, 30, n)
    df["_fpc"] = 10.0  # ten primary units in each stratum, three drawn
    df["_group"] = rng.choice(["1", "2"], n)
    df["p"] = (rng.random(n) < 0.4).astype(float)
    frame = AnalysisFrame(
        units={"household": UnitFrame("household", df, spec)},
        groups=[GroupSpec("1", "a", "displaced"), GroupSpec("2", "b", "comparator")],
        disaggregations=[],
        indicators=[IndicatorSpec("p", "p", "1", "household", "proportion")],
    )
    return analyze(frame).meta["designs"]["household"]


def _context(lang: str, fpc: bool | None, fpc_variable: str | None = "fpc_ea"):
    r = make_results()
    snap = r.snapshot
    design = DesignVariables(weight="weight", strata="stratum", psu="ea_id", fpc=fpc_variable)
    designs = tuple(replace(u, fpc=fpc) for u in snap.designs)
    r.snapshot = replace(snap, designs=designs, texts=replace(snap.texts, design=design))
    return build_context(r, ReportOptions(language=lang))


def test_the_engine_records_whether_it_used_a_finite_population_correction() -> None:
    with_fpc = _engine_design(DesignSpec(has_fpc=True))
    assert with_fpc["fpc"] is True and with_fpc["stages"] == 1
    assert UnitDesign.from_dict({"unit": "household", **with_fpc}).fpc is True
    assert _engine_design(DesignSpec())["fpc"] is False


def test_a_design_with_an_fpc_is_never_said_to_be_drawn_with_replacement() -> None:
    for lang, without, with_ in (
        ("en", "without replacement", "with replacement"),
        ("fr", "sans remise", "avec remise"),
        ("es", "sin reemplazo", "con reemplazo"),
        ("ar", "دون إرجاع", "مع الإرجاع"),
    ):
        ctx = _context(lang, True)
        tr = Translator(lang)
        method, row = tr(ctx.variance_key), list(ctx.design.values())[-1]
        for text in (method, row):
            assert without in text and with_ not in text, (lang, text)
        assert "(s)" not in row
        # a run without an FPC says "with replacement", and only that
        ctx = _context(lang, False, None)
        method, row = tr(ctx.variance_key), list(ctx.design.values())[-1]
        for text in (method, row):
            assert with_ in text and without not in text, (lang, text)


def test_a_run_made_before_the_record_is_worded_from_its_plan_s_fpc() -> None:
    tr = Translator("en")
    assert "without replacement" in tr(_context("en", None).variance_key)
    assert "without replacement" not in tr(_context("en", None, None).variance_key)


def test_the_methodology_says_an_interval_uses_its_domains_degrees_of_freedom() -> None:
    """The engine gives an estimate's interval its domain's degrees of freedom (R's
    ``degf(subset(design, …))``): a group in half the strata has fewer than the design's. The
    methodology said every interval used the design's (a French reader recomputed the demo's
    intervals with df 26–42, not the 137 it stated)."""
    rng = np.random.default_rng(7)
    rows = [(h, p) for h in range(4) for p in range(3) for _ in range(6)]
    df = pd.DataFrame(rows, columns=["_stratum", "_psu"])
    df["_weight"] = rng.uniform(10, 30, len(df))
    df["_group"] = np.where(df["_stratum"] < 2, "1", "2")  # each group in two of four strata
    df["p"] = (rng.random(len(df)) < 0.4).astype(float)
    frame = AnalysisFrame(
        units={"household": UnitFrame("household", df, DesignSpec())},
        groups=[GroupSpec("1", "a", "displaced"), GroupSpec("2", "b", "comparator")],
        disaggregations=[],
        indicators=[IndicatorSpec("p", "p", "1", "household", "proportion")],
    )
    res = analyze(frame)
    design_df = res.meta["designs"]["household"]["df"]
    assert design_df == 8 and set(res.estimates["df"]) == {4.0}  # 6 PSUs − 2 strata
    for lang, words in (
        ("en", "degrees of freedom of its own domain"),
        ("fr", "degrés de liberté de son propre domaine"),
        ("es", "grados de libertad de su propio dominio"),
        ("ar", "بدرجات حرية مجاله الخاص"),
    ):
        assert words in Translator(lang)("df_text")


def test_the_count_footnote_does_not_contradict_the_log_scale_intervals() -> None:
    """Count intervals are computed on the log scale and never go below zero (``total_ci_log``);
    the ‡ footnote said a withheld count interval "can run below zero" (a French reader)."""
    for lang, below in (
        ("en", "below zero"), ("fr", "sous zéro"), ("es", "bajar de cero"), ("ar", "تحت الصفر"),
    ):  # fmt: skip
        tr = Translator(lang)
        assert below not in tr("fn_no_interval")
