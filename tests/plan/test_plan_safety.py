"""Issue 15, finding 9: a plan with errors is saved only as a draft that ``analyze`` refuses
(``plan import``, ``suggest --save``, the façade's ``save_plan``); expressions have size and
depth limits with a clear message; a TOML file nested too deep or not UTF-8 is one message
naming the file and the line."""

from __future__ import annotations

import json
import time

import plan_testdata as td
import pytest
from plan_testdata import run

from workbench.errors import LibraryError, PlanError
from workbench.library.expr import MAX_CHARS, MAX_DEPTH, MAX_NODES, parse
from workbench.library.loader import read_toml
from workbench.plan.model import Plan

BAD_UNIVERSE = td.PLAN_TOML.replace(
    '[[indicators]]\nid = "hlp_documentation"\n',
    '[[indicators]]\nid = "hlp_documentation"\nuniverse = "no_such_input == 1"\n',
)


def versions(capsys, vault: str) -> list[tuple[int, str]]:
    rc, out, _ = run(capsys, "plan", "versions", "--vault", vault, "--plan", "tiny", "--json")
    return [(v["version"], v["status"]) for v in json.loads(out)] if rc == 0 else []


def test_plan_import_saves_a_plan_with_errors_only_as_a_draft_analyze_refuses(vault, capsys,
                                                                             tmp_path):  # fmt: skip
    good = tmp_path / "good.toml"
    good.write_text(td.PLAN_TOML, encoding="utf-8")
    assert run(capsys, "plan", "import", "--vault", vault, "--file", str(good))[0] == 0
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD_UNIVERSE, encoding="utf-8")
    rc, out, err = run(capsys, "plan", "import", "--vault", vault, "--file", str(bad))
    assert rc == 1 and "version 2 as a DRAFT: 1 error (listed above)" in out
    assert "no_such_input" in out  # every error is listed
    assert "Traceback" not in err and "Unexpected" not in err
    assert versions(capsys, vault) == [(1, "ready"), (2, "draft (1 errors)")]
    rc, out, err = run(
        capsys, "analyze", "--vault", vault, "--plan", "tiny", "--out", str(tmp_path / "r.csv")
    )
    assert rc == 1 and "Version 2 of plan 'tiny' is a draft" in err
    assert "analyse version 1" in err and "--plan-version 1" in err
    rc, _, err = run(
        capsys,
        "analyze",
        "--vault",
        vault,
        "--plan",
        "tiny",
        "--out",
        str(tmp_path / "r.csv"),
        "--lang",
        "fr",
    )
    assert "est un brouillon" in err
    rc, out, _ = run(capsys, "plan", "import", "--vault", vault, "--file", str(bad), "--json")
    assert rc == 1 and json.loads(out)["draft_errors"] == 1
    rc, out, _ = run(capsys, "plan", "versions", "--vault", vault, "--plan", "tiny")
    assert "draft (1 error)" in out and "ready" in out


def test_the_facade_saves_a_plan_with_errors_as_a_draft(vault, passphrase):
    from workbench.errors import PlanError
    from workbench.service import Workbench

    wb = Workbench()
    wb.open_vault(vault, passphrase)
    try:
        rec = wb.save_plan(Plan.from_toml(BAD_UNIVERSE), note="x")
        assert rec.is_draft and rec.draft_errors == 1
        with pytest.raises(PlanError, match="no version without errors"):
            wb.analyze("tiny")
        assert not wb.save_plan(td.plan(), note="ok").is_draft
        entries = wb.vault.audit_log(action="plan.save")
        assert [e.params.get("draft_errors") for e in entries] == [1, None]
    finally:
        wb.lock()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (" + ".join(["age"] * 100_000), "library.expression_too_long"),
        ("not " * 4_000 + "age", "library.expression_too_deep"),
        ("-" * 5_000 + "age", "library.expression_too_deep"),
        ("coalesce(" * 500 + "age" + ")" * 500, "library.expression_too_deep"),
        (" + ".join(["age"] * (MAX_DEPTH + 5)), "library.expression_too_deep"),
        (" or ".join(["age > 1"] * 800), "library.expression_too_complex"),
    ],
)
def test_expression_limits_answer_quickly_and_clearly(text, code):
    t0 = time.perf_counter()
    with pytest.raises(LibraryError) as info:
        parse(text)
    assert time.perf_counter() - t0 < 5.0  # milliseconds when idle; generous for a loaded CI
    assert info.value.code == code
    message = info.value.render("en")
    assert len(message) < 400 and "…" in message  # the expression is quoted by its start only


def test_expressions_inside_the_limits_still_parse():
    assert MAX_CHARS >= 10_000 and MAX_NODES >= 1_000
    parse(" + ".join(["age"] * 80))  # a long sum
    parse("count_true(" + ", ".join(f"a{i}" for i in range(300)) + ")")
    parse("age in (" + ", ".join(str(i) for i in range(3_000)) + ")")  # a long code list


def test_a_100000_term_custom_expression_is_refused_by_plan_import(vault, capsys, tmp_path):
    huge = " + ".join(["age"] * 100_000)
    text = td.PLAN_TOML.replace(
        '[[indicators]]\nid = "household_cert"\n',
        '[[indicators]]\nid = "household_cert"\n\n[[indicators]]\nid = "my_sum"\ncustom = true\n'
        'title = "Sum"\ncriterion = "standard_of_living"\nunit = "individual"\n'
        f'statistic = "mean"\nnumerator = "{huge}"\n',
    )
    path = tmp_path / "huge.toml"
    path.write_text(text, encoding="utf-8")
    t0 = time.perf_counter()
    rc, out, err = run(capsys, "plan", "import", "--vault", vault, "--file", str(path))
    assert rc == 1 and "as a DRAFT" in out and "characters long; the limit is 20000" in out
    assert time.perf_counter() - t0 < 20  # was 34 s in analyse, after saving it
    assert versions(capsys, vault) == [(1, "draft (1 errors)")]
    t0 = time.perf_counter()
    rc, _, err = run(
        capsys, "analyze", "--vault", vault, "--plan", "tiny", "--out", str(tmp_path / "r.csv")
    )
    assert rc == 1 and "is a draft" in err and time.perf_counter() - t0 < 10


@pytest.mark.parametrize("command", ["import", "check"])
def test_toml_nested_too_deep_and_invalid_utf8_name_the_file_and_line(vault, capsys, tmp_path,
                                                                      command):  # fmt: skip
    deep = tmp_path / "deep.toml"
    deep.write_text('plan_version = 1\nname = "x"\n\nbad = ' + "[" * 5000 + "]" * 5000 + "\n")
    rc, _, err = run(capsys, "plan", command, "--vault", vault, "--file", str(deep))
    assert rc == 1 and "deep.toml" in err and "nested too deeply (from line 4)" in err
    assert "Recursion" not in err and "Unexpected" not in err
    latin = tmp_path / "latin1.toml"
    latin.write_bytes(td.PLAN_TOML.replace("Communauté", "Communaut\xe9").encode("latin-1"))
    rc, _, err = run(capsys, "plan", command, "--vault", vault, "--file", str(latin))
    line = td.PLAN_TOML.split("Communauté")[0].count("\n") + 1
    assert rc == 1 and f"latin1.toml is not UTF-8 text (line {line}," in err
    assert "\\xe9" not in err and "UnicodeDecodeError" not in err and "Unexpected" not in err


def test_a_deep_or_non_utf8_library_file_is_one_clear_message(tmp_path):
    deep = tmp_path / "criteria.toml"
    deep.write_text("a = 1\nb = " + "[" * 3000 + "]" * 3000 + "\n")
    with pytest.raises(LibraryError, match=r"criteria.toml: arrays or tables .* \(from line 2\)"):
        read_toml(deep)
    latin = tmp_path / "inputs.toml"
    latin.write_bytes('x = "caf\xe9"\n'.encode("latin-1"))
    with pytest.raises(LibraryError, match=r"inputs.toml is not UTF-8 text \(line 1, byte 9"):
        read_toml(latin)


def test_a_plan_text_nested_too_deep_is_a_plan_error():
    with pytest.raises(PlanError, match="nested too deeply"):
        Plan.from_toml("plan_version = 1\nx = " + "{a = " * 2000 + "1" + "}" * 2000)
