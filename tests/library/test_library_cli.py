"""``workbench library …``: exit codes, translations with a visible fall-back marker, JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from library_testkit import add_indicator, good_indicator

from workbench.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    rc = main(["library", *argv])
    out, err = capsys.readouterr()
    return rc, out, err


def test_library_cli_validate_ok(capsys) -> None:
    rc, out, _ = run(capsys, "validate")
    assert rc == 0
    assert "0 error(s), 0 warning(s)" in out


def test_library_cli_validate_errors_exit_1(capsys, lib_copy: Path) -> None:
    add_indicator(lib_copy, good_indicator(numerator="mood and age > 3"))
    rc, out, _ = run(capsys, "validate", "--library", str(lib_copy))
    assert rc == 1
    assert "ERROR library.unknown_input" in out and "mood" in out
    rc, out, _ = run(capsys, "validate", "--library", str(lib_copy), "--json")
    data = json.loads(out)
    assert rc == 1 and data["errors"] == 1


def test_library_cli_validate_structural_error_is_one_line(capsys, lib_copy: Path) -> None:
    add_indicator(lib_copy, "[[indicator]]\nid = 3\n", name="bad.toml")
    rc, out, err = run(capsys, "validate", "--library", str(lib_copy))
    assert rc == 1 and out == ""
    assert err.startswith("workbench: error: indicators/bad.toml") and err.count("\n") == 1


def test_library_cli_validate_all_shows_info(capsys, lib_copy: Path) -> None:
    add_indicator(lib_copy, good_indicator().replace(', ar = "نسبة الاختبار."', ""))
    rc, out, _ = run(capsys, "validate", "--library", str(lib_copy))
    assert rc == 0 and "INFO" not in out and "1 info (--all shows" in out
    rc, out, _ = run(capsys, "validate", "--library", str(lib_copy), "--all")
    assert rc == 0 and "INFO library.missing_translation" in out and "lang=ar" in out


def test_library_cli_list(capsys) -> None:
    rc, out, _ = run(capsys, "list", "--criterion", "5", "--lang", "fr")
    assert rc == 0
    assert "ds_5_1_1_personal_id" in out and "Possède une pièce d'identité" in out
    assert "c1_" not in out
    rc, out, _ = run(capsys, "list", "--iris", "2.2", "--json")
    rows = json.loads(out)
    assert {r["iris"] for r in rows} == {"2.2 recommended", "2.2 alternative"}


def test_library_cli_list_marks_fallback(capsys, lib_copy: Path) -> None:
    add_indicator(lib_copy, good_indicator().replace(', es = "Indicador de prueba"', ""))
    rc, out, _ = run(capsys, "list", "--library", str(lib_copy), "--criterion", "1", "--lang", "es")
    assert rc == 0
    assert "[en] Test indicator" in out
    assert "[en] Se siente" not in out and "Se siente seguro/a" in out


def test_library_cli_show(capsys, lib_copy: Path) -> None:
    rc, out, _ = run(capsys, "show", "ds_2_1_2_food_insecurity_fies", "--lang", "ar")
    assert rc == 0
    assert "DS 2.1.2" in out and "IRIS:        2.1 (recommended)" in out
    assert "[en]" not in out and "نموذج راش" in out
    text = good_indicator().replace(
        'source = "workbench"', 'source = "workbench"\nnotes.en = "Only English."'
    )
    add_indicator(lib_copy, text)
    rc, out, _ = run(capsys, "show", "zz_test", "--lang", "ar", "--library", str(lib_copy))
    assert rc == 0 and "notes:       [en] Only English." in out and "مؤشر اختبار" in out
    rc, out, _ = run(capsys, "show", "c3_below_poverty_line", "--json")
    d = json.loads(out)
    assert d["code"] == "DS 3.2.2" and d["code_confirmed"] is False
    assert d["inputs"] == ["household_income", "household_size", "poverty_line"]
    assert d["notes_fell_back"] is False


def test_library_cli_show_unknown_exit_1(capsys) -> None:
    rc, _, err = run(capsys, "show", "ds_5_1_1_personl_id")
    assert rc == 1 and "Did you mean: ds_5_1_1_personal_id" in err


def test_library_cli_unknown_language_exit_1(capsys) -> None:
    rc, _, err = run(capsys, "list", "--lang", "de")
    assert rc == 1 and "Unknown language 'de'" in err


def test_library_cli_inputs_and_schema(capsys, tmp_path: Path) -> None:
    rc, out, _ = run(capsys, "inputs", "--json")
    rows = json.loads(out)
    safe = next(r for r in rows if r["name"] == "feels_safe_walking_alone")
    assert rc == 0 and "أمان" in safe["keywords"]["ar"] and safe["kind"] == "condition"
    target = tmp_path / "schema.json"
    rc, _, _ = run(capsys, "schema", "--out", str(target))
    assert rc == 0 and json.loads(target.read_text(encoding="utf-8"))["$defs"]["indicator"]


def test_library_cli_usage_exit_2(capsys) -> None:
    rc, _, _ = run(
        capsys,
    )
    assert rc == 2
    with pytest.raises(SystemExit) as exc:
        main(["library", "show"])
    assert exc.value.code == 2


def test_library_cli_validate_speaks_french(capsys, lib_copy: Path) -> None:
    """Validation findings are worded by the message registry in the user's language."""
    text = good_indicator().replace(', fr = "Indicateur de test"', "") + 'colour = "red"\n'
    add_indicator(lib_copy, text)
    rc = main(["--lang", "fr", "library", "validate", "--library", str(lib_copy)])
    out = capsys.readouterr().out
    assert rc == 1
    assert "ERREUR library.stray_field: Champ inconnu « colour » dans indicator « zz_test »." in out
    assert "library.missing_translation: title : pas de traduction « fr » ; l'anglais" in out
    assert "Unknown field" not in out and "English is shown" not in out
    _, en, _ = run(capsys, "validate", "--library", str(lib_copy))
    assert "ERROR library.stray_field: Unknown field 'colour' in indicator 'zz_test'." in en
    assert "title: no 'fr' translation; English is shown (indicator=zz_test" in en
