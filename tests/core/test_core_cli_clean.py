"""``workbench clean add|list|undo|export|import`` on a real vault: exit codes, one-line errors."""

from __future__ import annotations

import json

import pytest
from cleaning_testkit import make_vault

from workbench.cli import main


@pytest.fixture
def vault(tmp_path, passphrase, monkeypatch):
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", passphrase)
    return str(make_vault(tmp_path / "v.dsv", passphrase))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def test_add_list_undo_export_import(vault, tmp_path, capsys, passphrase) -> None:
    base = ("clean", "add", "--vault", vault, "--dataset", "hh")
    rc, out, _ = run(capsys, *base, "--uuid", "u01", "--question", "age", "--value", "12",
                     "--reason", "typo", "--check", "check.age_range")  # fmt: skip
    assert rc == 0 and out.startswith("entry 1: change hh u01 age")
    assert run(capsys, *base, "--uuid", "u04", "--drop", "--reason", "duplicate")[0] == 0
    assert run(capsys, *base, "--uuid", "u02", "--question", "age", "--set-missing",
               "--reason", "child head")[0] == 0  # fmt: skip
    rc, out, _ = run(capsys, *base, "--question", "sex", "--recode", "99=", "--reason", "refused")
    assert rc == 0 and "(2 answer(s))" in out
    rc, out, _ = run(capsys, "clean", "undo", "--vault", vault, "2", "--reason", "not a duplicate")
    assert rc == 0 and "undo of entry 2" in out

    rc, out, _ = run(capsys, "clean", "list", "--vault", vault, "--json")
    entries = json.loads(out)
    assert [e["kind"] for e in entries] == ["change", "drop", "missing", "recode", "undo"]
    assert entries[0]["old"] == 120 and entries[0]["check"] == "check.age_range"
    rc, out, _ = run(capsys, "clean", "list", "--vault", vault, "--summary", "--json")
    hh = next(s for s in json.loads(out) if s["dataset"] == "hh")
    assert (hh["entries"], hh["changed"], hh["dropped"], hh["undone"]) == (5, 1, 0, 1)

    xlsx = tmp_path / "log.xlsx"
    rc, out, _ = run(capsys, "clean", "export", "--vault", vault, "--out", str(xlsx))
    assert rc == 0 and "3 change(s)" in out and xlsx.is_file()

    other = str(make_vault(tmp_path / "other.dsv", passphrase))
    rc, out, _ = run(capsys, "clean", "import", "--vault", other, str(xlsx))
    assert rc == 0 and "imported 3 change(s)" in out
    rc, out, err = run(capsys, "clean", "import", "--vault", other, str(xlsx))
    assert rc == 1 and out == "" and len(err.splitlines()) == 1  # old values no longer match
    assert "row 2" in err and "u01" in err and "“120”" in err and "“12”" in err


def test_errors_are_one_line_in_the_chosen_language(vault, tmp_path, capsys) -> None:
    base = ("clean", "add", "--vault", vault, "--dataset", "hh", "--uuid", "u01")
    rc, _, err = run(capsys, *base, "--question", "age", "--value", "old", "--reason", "x",
                     "--lang", "fr")  # fmt: skip
    assert rc == 1 and err.count("\n") == 1 and "n'est ni un nombre" in err
    rc, _, err = run(capsys, *base, "--question", "sex", "--recode", "oops", "--reason", "x")
    assert rc == 2 and "OLD=NEW" in err
    rc, _, err = run(capsys, "clean", "undo", "--vault", vault, "7", "--reason", "x")
    assert rc == 1 and "no entry 7" in err
    rc, _, err = run(capsys, "clean", "export", "--vault", vault, "--out", str(tmp_path / "x.csv"))
    assert rc == 2 and ".xlsx" in err
    with pytest.raises(SystemExit):
        main(["clean", "add", "--vault", vault, "--dataset", "hh", "--drop", "--value", "1",
              "--reason", "x"])  # fmt: skip
    assert "not allowed with" in capsys.readouterr().err
