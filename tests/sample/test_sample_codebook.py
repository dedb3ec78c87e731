"""The Freedonia codebook: names, labels, choices, skips and coverage of the criteria."""

from __future__ import annotations

import re

from workbench.sample import codebook
from workbench.sample.choices import CHOICE_LISTS
from workbench.sample.skips import ASKED

NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,31}$")
STATA_RESERVED = {"_all", "_n", "_N", "byte", "double", "end", "float", "if", "in", "int",
                  "long", "using", "with", "_b", "_cons", "_pi", "_rc", "_se", "_skip"}  # fmt: skip


def test_column_names_unique_and_valid_for_spss_and_stata() -> None:
    for ds in ("household", "individual"):
        names = codebook.column_names(ds)
        assert len(names) == len(set(names)), ds
        bad = [n for n in names if not NAME.match(n) or n in STATA_RESERVED]
        assert bad == [], bad


def test_every_question_has_both_labels_and_known_choices() -> None:
    for q in codebook.QUESTIONS:
        assert q.en.strip() and q.fr.strip(), q.name
        if q.qtype in ("select_one", "select_multiple"):
            assert q.list_name in CHOICE_LISTS, q.name
        for code in q.missing:
            if q.list_name and q.qtype == "select_one" and q.name != "pop_group":
                assert code in CHOICE_LISTS[q.list_name].codes(), (q.name, code)
    for cl in CHOICE_LISTS.values():
        assert all(c.en and c.fr for c in cl.choices), cl.name


def test_relevant_expressions_and_skip_rules_agree() -> None:
    with_relevant = {q.name for q in codebook.QUESTIONS
                     if q.relevant and q.module not in ("identifier",)}  # fmt: skip
    assert with_relevant == set(ASKED), with_relevant ^ set(ASKED)
    for q in codebook.QUESTIONS:
        assert bool(q.relevant) == bool(q.skip) or q.module == "identifier", q.name


def test_all_eight_criteria_and_ten_iris_subcriteria_are_served() -> None:
    criteria = {q.criterion for q in codebook.QUESTIONS if q.criterion}
    assert criteria == set(range(1, 9))
    iris = {q.iris for q in codebook.QUESTIONS if q.iris}
    assert iris == {"1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "4.1", "5.1"}
    modules = {q.module for q in codebook.QUESTIONS}
    assert {"A", "B", "C", "design", "identifier", "meta"} <= modules


def test_variables_carry_labels_value_labels_missing_and_identifier_flags() -> None:
    hh = codebook.variables("household")
    v = hh["safe_walk"]
    assert v.labels["fr"].startswith("Dans quelle mesure")
    assert v.value_labels[1.0] == "Very safe" and v.value_labels_i18n["fr"][99.0]
    assert v.missing_codes == [98.0, 99.0]
    assert v.extra["criterion"] == 1 and v.extra["iris_subcriterion"] == "1.1"
    assert hh["settle_cond_safety"].parent_question == "settle_cond"
    assert hh["settle_cond_safety"].extra["kobo_header"] == "future/settle_cond/safety"
    flagged = {n: v.identifier for n, v in hh.items() if v.identifier}
    for name in ("resp_name", "resp_phone", "hh_gps_lat", "hh_gps_lon", "submitted_by",
                 "settle_cond_specify"):  # fmt: skip
        assert name in flagged, name
    ind = codebook.variables("individual")
    assert ind["member_name"].identifier == "name"
    assert ind["age"].identifier is None
    roles = {v.extra["role"] for v in hh.values() if v.extra["role"]}
    assert {"household_id", "stratum", "psu", "weight", "fpc", "population_group"} <= roles
