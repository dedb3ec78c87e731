"""End to end: ``workbench import`` and ``workbench datasets …`` against a real vault."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        rc = main(list(argv))
    except SystemExit as exc:  # argparse usage errors
        rc = int(exc.code or 0)
    out, err = capsys.readouterr()
    return rc, out, err


def test_import_list_show_check_delete(
    vault: Path, kobo_xlsx: Path, xlsform_path: Path, capsys
) -> None:
    rc, out, err = run(
        capsys,
        "import",
        "--vault",
        str(vault),
        str(kobo_xlsx),
        "--xlsform",
        str(xlsform_path),
        "--keep",
        "_geolocation",
        "--hash",
        "phone,resp_name",
    )
    assert rc == 0, err
    assert "stored hh_survey: 10 rows × 13 columns (household, key _index)" in out
    assert "stored hh_survey_member: 25 rows × 5 columns" in out and "linked to hh_survey" in out
    assert (
        "dropped _submitted_by (enumerator or user account, a direct identifier) — use --keep "
        "_submitted_by or --hash _submitted_by to keep it" in out
    )
    assert "kept start (date of the interview, a quasi-identifier, kept by default)" in out
    assert "hashed phone (phone number): values replaced by a salted hash" in out
    assert "kept _geolocation (GPS location): it identifies people" in out

    rc, out, _ = run(capsys, "datasets", "list", "--vault", str(vault), "--json")
    listed = {d["name"]: d for d in json.loads(out)}
    assert rc == 0 and listed["hh_survey_member"]["parent"] == "hh_survey"

    rc, out, _ = run(capsys, "datasets", "show", "--vault", str(vault), "hh_survey", "--json")
    info = json.loads(out)
    by_name = {v["name"]: v for v in info["variables"]}
    assert (
        by_name["displaced"]["label"] == "Displacement status"
        and by_name["displaced"]["value_labels"] == 2
    )
    assert (
        by_name["phone"]["identifier"] == "phone"
        and by_name["phone"]["identifier_action"] == "hash"
    )
    assert info["languages"] == ["en", "fr"]
    rc, out, _ = run(capsys, "datasets", "show", "--vault", str(vault), "hh_survey")
    assert rc == 0 and "Displacement status" in out and "phone number (hash)" in out

    rc, out, _ = run(
        capsys, "datasets", "check-link", "--vault", str(vault), "hh_survey", "hh_survey_member"
    )
    assert rc == 0 and "link.ok" in out

    rc, out, err = run(capsys, "import", "--vault", str(vault), str(kobo_xlsx))
    assert rc == 1 and len(err.strip().splitlines()) == 1 and "already" in err
    rc, out, err = run(capsys, "import", "--vault", str(vault), str(kobo_xlsx), "--replace")
    assert rc == 0, err

    rc, out, _ = run(capsys, "datasets", "delete", "--vault", str(vault), "hh_survey_member")
    assert rc == 0 and "deleted hh_survey_member" in out
    rc, _, err = run(capsys, "datasets", "show", "--vault", str(vault), "hh_survey_member")
    assert rc == 1 and "hh_survey_member" in err and "Traceback" not in err


def test_broken_link_and_bad_files_exit_1_with_one_line(
    vault: Path, tmp_path: Path, capsys
) -> None:
    hh = tmp_path / "hh.csv"
    hh.write_text("hh_id,size\nH1,3\nH2,4\nH2,5\n", encoding="utf-8")
    ind = tmp_path / "ind.csv"
    ind.write_text("pid,hh_id,age\n1,H1,30\n2,H9,4\n", encoding="utf-8")
    assert (
        run(
            capsys,
            "import",
            "--vault",
            str(vault),
            str(hh),
            "--unit",
            "household",
            "--key",
            "hh_id",
        )[0]
        == 0
    )
    rc, out, err = run(
        capsys,
        "import",
        "--vault",
        str(vault),
        str(ind),
        "--unit",
        "individual",
        "--parent",
        "hh",
        "--parent-key",
        "hh_id",
    )
    assert rc == 0, err
    rc, out, err = run(capsys, "datasets", "check-link", "--vault", str(vault), "hh", "ind")
    assert rc == 1 and "link.duplicate_household_keys" in out and "link.orphan_individuals" in out
    assert len(err.strip().splitlines()) == 1

    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2,3\n", encoding="utf-8")
    rc, _, err = run(capsys, "import", "--vault", str(vault), str(bad))
    assert rc == 1 and err.strip() == (
        "workbench: error: bad.csv: line 2 has 3 fields but the header has 2; "
        "check the delimiter (comma) and quoting."
    )
    rc, _, err = run(capsys, "import", "--vault", str(vault), str(hh), "--keep", "nope")
    assert rc == 1 and "no column 'nope'" in err
    rc, _, err = run(
        capsys, "import", "--vault", str(vault), str(hh), "--keep", "size", "--hash", "size"
    )
    assert rc == 2 and "both" in err
    rc, _, err = run(capsys, "import", "--vault", str(vault), str(hh), "--parent", "x")
    assert rc == 2
    rc, _, err = run(capsys, "import", "--vault", str(vault), str(hh), "--unit", "village")
    assert rc == 2 and "invalid choice" in err


@pytest.mark.slow
def test_subprocess_exit_codes(vault: Path, tmp_path: Path) -> None:
    f = tmp_path / "x.csv"
    f.write_text("a\n1\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "workbench.cli"]
    ok = subprocess.run(
        [*cmd, "import", "--vault", str(vault), str(f)], capture_output=True, text=True
    )
    assert ok.returncode == 0 and "stored x: 1 rows × 1 columns" in ok.stdout
    wrong = subprocess.run(
        [*cmd, "datasets", "list", "--vault", str(vault)],
        capture_output=True,
        text=True,
        env={"WORKBENCH_PASSPHRASE": "nope", "PATH": "/usr/bin"},
    )
    assert wrong.returncode == 1 and len(wrong.stderr.strip().splitlines()) == 1
    usage = subprocess.run([*cmd, "datasets"], capture_output=True, text=True)
    assert usage.returncode == 2


def test_import_missing_markers_na_and_no_default_na(
    vault: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "r.csv"
    f.write_text("yn,cat,n\n1,NA,5\nNA,a,missing\n0,NA,7\nNA,b,8\n")
    rc, out, _ = run(capsys, "import", "--vault", str(vault), str(f), "--na", "missing")
    assert rc == 0
    assert "missing markers in yn: NA ×2 (50.0%) (now missing)" in out
    assert "missing markers in n: missing ×1 (25.0%) (now missing)" in out
    assert "column cat is text, so its values 'NA' (2) were kept as values" in out
    rc, out, _ = run(capsys, "datasets", "show", "--vault", str(vault), "r")
    line = next(x for x in out.splitlines() if x.startswith("yn "))
    assert "50.0%" in line and "NA×2" in line
    rc, out, _ = run(capsys, "datasets", "show", "--vault", str(vault), "r", "--json")
    shown = json.loads(out)
    assert shown["missing_markers"] == {"yn": {"NA": 2}, "n": {"missing": 1}}
    yn = next(v for v in shown["variables"] if v["name"] == "yn")
    assert yn["missing_rate"] == 0.5 and yn["missing_markers"] == {"NA": 2}
    args = ("import", "--vault", str(vault), str(f), "--name", "plain", "--no-default-na")
    rc, out, _ = run(capsys, *args)
    assert rc == 0 and "missing markers" not in out
    rc, out, _ = run(capsys, "datasets", "show", "--vault", str(vault), "plain", "--json")
    assert {v["name"]: v["type"] for v in json.loads(out)["variables"]}["yn"] == "string"


def test_import_summary_in_the_chosen_language(vault: Path, kobo_xlsx: Path, capsys) -> None:
    rc, out, err = run(capsys, "import", "--vault", str(vault), str(kobo_xlsx), "--lang", "fr")
    assert rc == 0, err
    assert "colonne start conservée (date de l'entretien, un quasi-identifiant" in out
    assert (
        "colonne phone supprimée (numéro de téléphone, un identifiant direct) — utilisez "
        "--keep phone ou --hash phone pour la garder" in out
    )
