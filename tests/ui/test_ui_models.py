"""Item models without views: qtmodeltester plus behaviour (lazy rows, labels, sort, filter)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QModelIndex, Qt

from ui.models.audit_model import AuditModel
from ui.models.data_table_model import DataTableModel
from ui.models.dataset_list_model import DatasetListModel
from ui.models.variables_model import VariablesModel, missing_rates
from workbench.dataset_model import Dataset, Variable
from workbench.vault.records import AuditEntry, DatasetInfo


def _dataset(n: int = 5000) -> Dataset:
    rng = np.random.default_rng(1)
    frame = pd.DataFrame(
        {
            "hhid": np.arange(1, n + 1, dtype="float64"),
            "sex": rng.choice([1.0, 2.0, 99.0], size=n),
            "size": rng.integers(1, 12, size=n).astype("float64"),
            "district": pd.Series(rng.choice(["North", "South", None], size=n), dtype=object),
        }
    )
    frame.loc[3, "size"] = np.nan
    variables = {
        "hhid": Variable("hhid"),
        "sex": Variable(
            "sex",
            label="Sex of head",
            value_labels={1.0: "Male", 2.0: "Female"},
            missing_codes=[99.0],
        ),
        "size": Variable("size", label="Household size"),
        "district": Variable("district", kind="string", identifier=None),
    }
    return Dataset("households", frame, variables, unit="household", key="hhid")


def test_data_table_model_passes_modeltester_and_fetches_in_chunks(qtmodeltester):
    model = DataTableModel(chunk=1000)
    model.set_dataset(_dataset())
    assert model.rowCount() == 1000
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2000
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 5000
    model.clear()
    assert model.rowCount() == 0 and model.columnCount() == 0
    model = DataTableModel(chunk=100)
    model.set_dataset(_dataset(300))
    qtmodeltester.check(model, force_py=True)


def test_value_labels_on_off_missing_codes_and_blanks(qapp):
    ds = _dataset()
    model = DataTableModel()
    model.set_dataset(ds)
    sex = list(ds.frame.columns).index("sex")
    row = int(np.flatnonzero(ds.frame["sex"].to_numpy() == 2.0)[0])
    idx = model.index(row, sex)
    assert model.data(idx) == "Female"
    model.set_show_labels(False)
    assert model.data(idx) == "2"
    miss = int(np.flatnonzero(ds.frame["sex"].to_numpy() == 99.0)[0])
    assert model.data(model.index(miss, sex), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(3, 2)) == ""  # system-missing shows blank
    assert model.headerData(sex, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
        "Sex of head"
    )


def test_sort_and_filter_build_a_row_order(qtmodeltester):
    ds = _dataset()
    model = DataTableModel(chunk=500)
    model.set_dataset(ds)
    model.sort(2, Qt.SortOrder.DescendingOrder)
    shown = [model.data(model.index(r, 2)) for r in range(5)]
    assert shown == ["11"] * 5
    model.set_filter(1, "fem")
    expected = int((ds.frame["sex"] == 2.0).sum())
    assert model.total_rows() == expected
    assert {model.data(model.index(r, 1)) for r in range(model.rowCount())} == {"Female"}
    # sorted by size (descending) inside the filter, the vertical header keeps the stored row number
    sizes = [int(model.data(model.index(r, 2)) or 0) for r in range(model.rowCount())]
    assert sizes == sorted(sizes, reverse=True)
    model.set_filter(None, "")
    assert model.total_rows() == 5000


def test_large_sort_goes_through_the_runner(qapp):
    ds = _dataset(150_000)
    model = DataTableModel()
    model.set_dataset(ds)
    calls = []

    def runner(fn, done):
        calls.append(fn)
        done(fn())

    model.runner = runner
    model.sort(3, Qt.SortOrder.AscendingOrder)
    assert len(calls) == 1
    assert model.data(model.index(0, 3)) == "North"


def test_variables_model(qtmodeltester):
    ds = _dataset()
    ds.variables["district"].identifier = "free_text"
    ds.variables["district"].identifier_action = "hash"
    model = VariablesModel()
    model.set_variables(list(ds.variables.values()), missing_rates(ds))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 4
    assert model.data(model.index(1, 1)) == "Sex of head"
    assert model.data(model.index(1, 4)) == "1=Male; 2=Female"
    rate = model.data(model.index(1, 3))
    assert rate.endswith("%") and rate != "0.0%"  # the 99 code counts as missing
    assert "free text" in model.data(model.index(3, 5))
    assert "hashed" in model.data(model.index(3, 5))


def test_dataset_list_and_audit_models(qtmodeltester):
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale("en_GB"))  # what ui.i18n.install sets for English
    infos = [
        DatasetInfo("households", "household", 1200, 40, "2026-01-02T10:00:00", "abc"),
        DatasetInfo(
            "members",
            "individual",
            6000,
            25,
            "2026-01-02T10:00:01",
            "def",
            key="pid",
            parent="households",
            parent_key="hhid",
        ),
    ]
    model = DatasetListModel()
    model.set_datasets(infos)
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(0, 2)) == "1,200"
    assert model.data(model.index(1, 1)) == "Individual → households"
    QLocale.setDefault(QLocale("fr"))  # issue 21 finding 6: numbers in the interface language
    assert model.data(model.index(0, 2)) == "1\u202f200"
    QLocale.setDefault(QLocale("en_GB"))
    audit = AuditModel()
    audit.set_entries([AuditEntry("2026-01-02T10:00:00", "ana", "dataset.import", "hh", {"n": 1})])
    qtmodeltester.check(audit, force_py=True)
    assert audit.data(audit.index(0, 2)) == "dataset.import"
    # issue 21 finding 7: details in words (the page passes each entry's sentence), never JSON
    assert audit.data(audit.index(0, 4)) == "n: 1"
    audit.set_entries(audit._rows, ["Dataset hh imported."])
    assert audit.data(audit.index(0, 4)) == "Dataset hh imported."
    assert audit.data(audit.index(0, 4), Qt.ItemDataRole.ToolTipRole) == "n: 1"


def test_traffic_light_takes_the_report_palette_and_says_described_only(qtmodeltester):
    """The overview's cells: the report's Okabe–Ito fills, text colours and symbols (one source,
    workbench/reporting/palette.py); a criterion described but compared nowhere (displaced-only
    questions) says so instead of "not assessable"."""
    from ui.models.results_models import CriteriaSummaryModel, RatingRole
    from workbench.reporting.palette import RATING_STYLE

    zero = {"better": 0, "no_significant_difference": 0, "small_difference": 0, "equivalent": 0}
    rows = [
        {**zero, "criterion": "1", "group": "1", "worse": 2, "assessed": 3, "rating": "red",
         "insufficient_data": 0, "not_compared": 0},
        {**zero, "criterion": "1", "group": "2", "worse": 0, "assessed": 3, "rating": "green",
         "insufficient_data": 0, "not_compared": 0},
        {**zero, "criterion": "7", "group": "1", "worse": 0, "assessed": 0, "rating": "grey",
         "insufficient_data": 0, "not_compared": 5},
        {**zero, "criterion": "7", "group": "2", "worse": 0, "assessed": 0, "rating": "grey",
         "insufficient_data": 2, "not_compared": 0},
    ]  # fmt: skip
    m = CriteriaSummaryModel()
    m.set_summary(pd.DataFrame(rows), {"1": "Safety", "7": "Public affairs"}, {"1": "A", "2": "B"})
    qtmodeltester.check(m)
    for r in range(2):
        for c in range(2):
            ix = m.index(r, c)
            fill, symbol, text = RATING_STYLE[m.data(ix, RatingRole)]
            assert m.data(ix, Qt.ItemDataRole.BackgroundRole).color().name() == fill.lower()
            assert m.data(ix, Qt.ItemDataRole.ForegroundRole).color().name() == text.lower()
            assert m.data(ix).startswith(symbol + " ")
    assert m.data(m.index(0, 0)) == "■ Worse (2/3)"
    assert m.data(m.index(1, 0)) == "○ Described, not compared"
    assert m.data(m.index(1, 1)) == "○ Not assessable"
    assert all(RATING_STYLE[r][1] in m.legend() for r in RATING_STYLE)
    # the engine's rating, re-read: a cell stored green without every indicator shown not
    # worse is inconclusive (issue 20); 'No gap' only when each was shown equivalent or better
    assert m.data(m.index(0, 1)) == "◆ Inconclusive · 3 assessed"  # none worse: no "(0/3)"
    assert m.data(m.index(0, 1), RatingRole) == "inconclusive"
    assert "◆" in m.legend()
    # each rating named by its cell's word, never by a colour: the legend said "Amber" (French
    # "Orange") beside yellow cells once the palette was Okabe–Ito's
    for word in ("Worse:", "Mixed:", "Inconclusive:", "No gap:", "Not assessable:"):
        assert word in m.legend()
    assert not any(c in m.legend() for c in ("Red", "Amber", "Green", "Grey", "Orange"))
    rows[1] = {**rows[1], "equivalent": 2, "better": 1}
    m.set_summary(pd.DataFrame(rows), {"1": "Safety", "7": "Public affairs"}, {"1": "A", "2": "B"})
    assert m.data(m.index(0, 1)) == "● No gap (0/3) · 1 better"


def test_traffic_light_says_better_and_hatches_limited_evidence(qtmodeltester):
    """Issue 20: the overview's "■ Worse (11/13)" hid the one indicator significantly better,
    and "■ Worse (1/1)" with 4 of the criterion's 5 indicators not compared looked as firm as
    "(9/9)". The cell now says "1 better", and a rating the engine marks as resting on limited
    evidence says "limited evidence: 1 of 5 assessed" over a hatched fill, as in the report."""
    from ui.models.results_models import CriteriaSummaryModel
    from workbench.stats.results import GROUP_TOTAL
    from workbench.stats.summary import criteria_summary

    cells = {
        ("2", "1"): ["worse"] * 11 + ["better", "no_significant_difference"],
        ("4", "1"): ["worse"] + ["not_compared"] * 4,
        ("5", "1"): ["worse", "worse", "not_compared", "not_compared"],
    }
    cmp_ = pd.DataFrame(
        [
            {"criterion": c, "group": g, "disaggregation": GROUP_TOTAL, "assessment": a}
            for (c, g), assessments in cells.items()
            for a in assessments
        ]
    )
    m = CriteriaSummaryModel()
    m.set_summary(criteria_summary(cmp_), {"2": "Living", "4": "HLP", "5": "Docs"}, {"1": "A"})
    qtmodeltester.check(m)
    text = [m.data(m.index(r, 0)) for r in range(3)]
    assert text == [
        "■ Worse (11/13) · 1 better",
        "■ Worse (1/1) · limited evidence: 1 of 5 assessed",
        "■ Worse (2/2)",  # 2 of 4: half, not limited
    ]
    styles = [m.data(m.index(r, 0), Qt.ItemDataRole.BackgroundRole).style() for r in range(3)]
    solid = Qt.BrushStyle.SolidPattern
    assert styles[0] == styles[2] == solid and styles[1] not in (solid, Qt.BrushStyle.NoBrush)
    assert "better" in m.legend() and "limited evidence" in m.legend()


def test_findings_name_the_check_and_write_numbers_in_the_interface_language(qtmodeltester):
    """The data checks table showed raw codes (check.outlier) and English decimals in French."""
    from ui.models.findings_model import CHECK, MESSAGE, FindingsModel
    from workbench.findings import Finding

    where = {"dataset": "hh", "column": "hh_size", "record": "7"}
    f = Finding.of("check.outlier", "warning", where=where, value=13.0, z=3.8, k=3.0)
    m = FindingsModel(language="fr")
    m.set_findings([f])
    qtmodeltester.check(m)
    assert m.data(m.index(0, CHECK)) == "Valeur aberrante"
    assert m.data(m.index(0, CHECK), Qt.ItemDataRole.ToolTipRole) == "check.outlier"
    assert "3,80" in m.data(m.index(0, MESSAGE))
    assert m.check_name("check.not_a_named_check") == "check.not_a_named_check"


def test_traffic_light_counts_inconclusive_indicators(qtmodeltester):
    """rd17 p.23: "Victims of violence who reported it" (−19.5 pp, p ≈ 0.1, 5 pp minimum) was
    counted as assessed and not worse without a word; the engine now calls it inconclusive and
    the overview's cell says "· 1 inconclusive", as it says "· 1 better", the legend saying how
    it counts. A summary stored before the count says nothing of it."""
    from ui.models.results_models import CriteriaSummaryModel

    zero = {"better": 0, "no_significant_difference": 0, "small_difference": 0, "equivalent": 0}
    rows = [
        {**zero, "criterion": "1", "group": "1", "worse": 3, "assessed": 4, "rating": "red",
         "insufficient_data": 0, "not_compared": 0, "inconclusive": 1},
    ]  # fmt: skip
    m = CriteriaSummaryModel()
    m.set_summary(pd.DataFrame(rows), {"1": "Safety"}, {"1": "A"})
    qtmodeltester.check(m)
    assert m.data(m.index(0, 0)) == "■ Worse (3/4) · 1 inconclusive"
    assert "1 inconclusive (not significant" in m.data(m.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "“k inconclusive”" in m.legend()
    old = pd.DataFrame(rows).drop(columns=["inconclusive"])
    m.set_summary(old, {"1": "Safety"}, {"1": "A"})
    assert m.data(m.index(0, 0)) == "■ Worse (3/4)"
    assert "inconclusive" not in m.data(m.index(0, 0), Qt.ItemDataRole.ToolTipRole)


def test_traffic_light_describes_profile_modules_and_reads_inconclusive_once(qtmodeltester):
    """The app's Criteria tab rated Module A (a profile module) "◆ Inconclusive (0/3)" for
    returnees, hatched "limited evidence", while the report says profile modules are described,
    never rated: the engine calls such a cell "described" — a stored run's too — and the
    overview says "Described, not rated" with no counts and no hatching. An inconclusive cell
    reads once: "◆ Inconclusive · 2 of 2 inconclusive", not "(0/2) · 2 inconclusive" (rd19)."""
    from ui.models.results_models import CriteriaSummaryModel, RatingRole
    from workbench.stats.summary import DESCRIBED

    zero = {"better": 0, "no_significant_difference": 0, "small_difference": 0, "equivalent": 0}
    rows = [  # a run stored before: Module A rated inconclusive on limited evidence
        {**zero, "criterion": "7", "group": "3", "worse": 0, "assessed": 2,
         "rating": "inconclusive", "insufficient_data": 0, "not_compared": 0, "inconclusive": 2,
         "indicators": 2, "limited_evidence": False},
        {**zero, "criterion": "A", "group": "3", "worse": 0, "assessed": 3,
         "rating": "inconclusive", "insufficient_data": 0, "not_compared": 0, "inconclusive": 1,
         "equivalent": 1, "no_significant_difference": 1, "indicators": 3,
         "limited_evidence": False},
        {**zero, "criterion": "A", "group": "2", "worse": 0, "assessed": 1,
         "rating": "inconclusive", "insufficient_data": 0, "not_compared": 3, "inconclusive": 1,
         "indicators": 4, "limited_evidence": True},
    ]  # fmt: skip
    m = CriteriaSummaryModel()
    m.set_summary(pd.DataFrame(rows), {"7": "Public affairs", "A": "Core"}, {"3": "R", "2": "O"})
    qtmodeltester.check(m)
    assert m.data(m.index(0, 0)) == "◆ Inconclusive · 2 of 2 inconclusive"
    for col in range(2):
        ix = m.index(1, col)
        assert m.data(ix, RatingRole) == DESCRIBED
        assert m.data(ix) == "Described, not rated"
        brush = m.data(ix, Qt.ItemDataRole.BackgroundRole)
        assert brush.style() == Qt.BrushStyle.SolidPattern  # no "limited evidence" hatching
        assert "never rated" in m.data(ix, Qt.ItemDataRole.ToolTipRole)
    assert "Described, not rated" in m.legend() and "“k of n inconclusive”" in m.legend()
