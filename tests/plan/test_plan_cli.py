"""``workbench plan …`` through a real (fast-KDF) vault: suggest, save, versions, show, check,
export as template and import back; plan versions are kept by the vault."""

from __future__ import annotations

import json
from pathlib import Path

import plan_testdata as td
from plan_testdata import run

from workbench.plan.model import Plan
from workbench.vault import Vault


def test_plan_cli_suggest_save_and_versions(vault: str, capsys, tmp_path: Path) -> None:
    out_file = tmp_path / "suggested.toml"
    argv = ["plan", "suggest", "--vault", vault, "--dataset", "hh", "--dataset", "ind",
            "--name", "tiny", "--save", "--out", str(out_file)]  # fmt: skip
    rc, out, err = run(capsys, *argv)
    assert rc == 0, err
    assert "food_worry" in out and "Saved plan 'tiny' version 1" in out
    suggested = Plan.from_toml(out_file.read_text(encoding="utf-8"))
    assert suggested.input("has_birth_cert").column == "birth_cert"  # type: ignore[union-attr]

    plan_file = tmp_path / "tiny.toml"
    plan_file.write_text(td.PLAN_TOML, encoding="utf-8")
    rc, out, err = run(capsys, "plan", "import", "--vault", vault, "--file", str(plan_file))
    assert rc == 0, err
    assert "Saved plan 'tiny' version 2; 0 questions no longer match" in out

    rc, out, _ = run(capsys, "plan", "versions", "--vault", vault, "--plan", "tiny", "--json")
    versions = json.loads(out)
    assert [v["version"] for v in versions] == [1, 2]
    assert [v["note"] for v in versions] == ["suggested", "imported"]

    rc, out, _ = run(capsys, "plan", "show", "--vault", vault, "--plan", "tiny", "--version", "1")
    assert Plan.from_toml(out) == suggested  # earlier versions are kept unchanged
    rc, out, _ = run(capsys, "plan", "show", "--vault", vault, "--plan", "tiny", "--json")
    assert json.loads(out)["indicators"][0]["id"] == "food_insecurity"
    rc, out, _ = run(capsys, "plan", "list", "--vault", vault, "--json")
    assert [(r["name"], r["version"]) for r in json.loads(out)] == [("tiny", 2)]


def test_plan_cli_check_exit_codes(vault: str, capsys, tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text(td.PLAN_TOML, encoding="utf-8")
    rc, out, err = run(capsys, "plan", "check", "--vault", vault, "--file", str(good))
    assert rc == 0, err
    assert "0 errors, " in out and "link_orphans" in out
    bad = tmp_path / "bad.toml"
    bad.write_text(td.PLAN_TOML.replace('weight = "weight"', 'weight = "wgt"'), encoding="utf-8")
    rc, out, _ = run(capsys, "plan", "check", "--vault", vault, "--file", str(bad), "--json")
    assert rc == 1
    assert any(f["code"] == "plan.column_unknown" for f in json.loads(out))
    broken = tmp_path / "broken.toml"
    broken.write_text("plan_version = 7\nname = 'x'\n", encoding="utf-8")
    rc, _, err = run(capsys, "plan", "check", "--vault", vault, "--file", str(broken))
    assert rc == 1 and err.startswith("workbench: error: broken.toml: [plan] plan_version 7")
    rc, _, err = run(capsys, "plan", "show", "--vault", vault, "--plan", "nope")
    assert rc == 1 and "Traceback" not in err


def test_plan_cli_export_template_and_import(
    vault: str, capsys, tmp_path: Path, passphrase: str
) -> None:
    plan_file = tmp_path / "tiny.toml"
    plan_file.write_text(td.PLAN_TOML, encoding="utf-8")
    assert run(capsys, "plan", "import", "--vault", vault, "--file", str(plan_file))[0] == 0
    template = tmp_path / "template.toml"
    argv = [
        "plan",
        "export",
        "--vault",
        vault,
        "--plan",
        "tiny",
        "--out",
        str(template),
        "--template",
    ]
    rc, out, err = run(capsys, *argv)
    assert rc == 0, err
    text = template.read_text(encoding="utf-8")
    assert "[template.columns]" in text and 'household = "hh"' not in text
    assert "Worried about not having enough food" in text  # labels travel with the template
    rc, out, err = run(capsys, "plan", "import", "--vault", vault, "--file", str(template))
    assert rc == 0, err
    assert "version 2" in out
    plain = tmp_path / "plain.toml"
    assert (
        run(capsys, "plan", "export", "--vault", vault, "--plan", "tiny", "--out", str(plain))[0]
        == 0
    )
    assert Plan.from_toml(plain.read_text(encoding="utf-8")) == td.plan()
    # every export is audited once, by the service (suggest --out goes the same way)
    suggested = tmp_path / "suggested.toml"
    argv = ["plan", "suggest", "--vault", vault, "--dataset", "hh", "--name", "s"]
    argv += ["--out", str(suggested)]
    assert run(capsys, *argv)[0] == 0
    with Vault.open(Path(vault), passphrase) as v:
        done = [e.params for e in v.audit_log(action="export.completed")]
    exports = [(e["files"][0]["path"], e["template"]) for e in done if e["kind"] == "plan"]
    assert exports == [(str(template), True), (str(plain), False), (str(suggested), False)]


def test_plan_cli_suggest_offers_candidates_and_accepts(vault: str, capsys) -> None:
    """Every match lists its ranked candidates (with the codes that would count) in --json; a
    candidate is accepted with --accept INPUT=COLUMN; a wrong --accept is one coded line."""
    base = ["plan", "suggest", "--vault", vault, "--dataset", "hh", "--dataset", "ind"]
    rc, out, err = run(capsys, *base, "--name", "c", "--json")
    assert rc == 0, err
    matches = {m["input"]: m for m in json.loads(out)["matches"]}
    birth = matches["has_birth_cert"]
    assert birth["candidates"][0]["column"] == "birth_cert"
    assert birth["candidates"][0]["codes"] == [1]
    rc, out, err = run(capsys, *base, "--name", "c", "--accept", "food_worry=left_land", "--json")
    assert rc == 0, err
    doc = json.loads(out)
    food = next(m for m in doc["matches"] if m["input"] == "food_worry")
    assert (food["column"], food["status"]) == ("left_land", "ok")
    rc, _out, err = run(capsys, *base, "--name", "c", "--accept", "food_worry")
    assert rc == 1 and "--accept takes INPUT=COLUMN" in err and "Traceback" not in err
    rc, _out, err = run(capsys, *base, "--name", "c", "--accept", "food_worry=nope")
    assert rc == 1 and "no column 'nope'" in err


def test_plan_cli_suggest_matches_confirmed_plans_first(vault: str, capsys, tmp_path: Path) -> None:
    """A plan saved in the vault (here imported) is a confirmation: its mappings come first,
    unless --no-confirmed; a template file given with --template likewise."""
    plan_file = tmp_path / "team.toml"
    plan_file.write_text(td.PLAN_TOML, encoding="utf-8")
    rc, _out, err = run(capsys, "plan", "import", "--vault", vault, "--file", str(plan_file))
    assert rc == 0, err
    base = ["plan", "suggest", "--vault", vault, "--dataset", "hh", "--dataset", "ind"]
    base += ["--name", "next", "--json"]

    def food(*extra: str) -> dict:
        rc, out, err = run(capsys, *base, *extra)
        assert rc == 0, err
        return next(m for m in json.loads(out)["matches"] if m["input"] == "food_worry")

    assert "as confirmed in 'tiny v1'" in food()["reason"]
    assert "confirmed" not in food("--no-confirmed")["reason"]
    got = food("--no-confirmed", "--template", str(plan_file))
    assert "as confirmed in 'team.toml'" in got["reason"] and got["status"] == "ok"
    rc, _out, err = run(capsys, *base, "--template", str(tmp_path / "missing.toml"))
    assert rc == 1 and "missing.toml" in err and "Traceback" not in err


def test_plan_cli_report_info_sets_the_cover_facts(vault: str, capsys, tmp_path: Path) -> None:
    """Area, reference period, currency, office and contact are plan fields the CLI sets (a new
    version each time); texts are per language."""
    plan_file = tmp_path / "tiny.toml"
    plan_file.write_text(td.PLAN_TOML, encoding="utf-8")
    rc, _out, err = run(capsys, "plan", "import", "--vault", vault, "--file", str(plan_file))
    assert rc == 0, err
    argv = ["plan", "report-info", "--vault", vault, "--plan", "tiny", "--area",
            "Northern districts", "--period", "May 2026", "--currency", "FRD", "--office", "NSO",
            "--contact", "nso@example.org"]  # fmt: skip
    rc, out, err = run(capsys, *argv)
    assert rc == 0, err
    assert "Saved plan 'tiny' version 2" in out
    rc, out, err = run(capsys, "plan", "report-info", "--vault", vault, "--plan", "tiny",
                       "--lang", "fr", "--area", "Districts du Nord", "--json")  # fmt: skip
    assert rc == 0, err
    facts = json.loads(out)
    assert facts["version"] == 3
    assert facts["area"] == {"en": "Northern districts", "fr": "Districts du Nord"}
    assert facts["reference_period"] == {"en": "May 2026"}
    assert (facts["currency"], facts["office"], facts["contact"]) == (
        "FRD",
        {"en": "NSO"},  # a text by language, like the area
        "nso@example.org",
    )
    rc, out, _ = run(capsys, "plan", "show", "--vault", vault, "--plan", "tiny")
    assert Plan.from_toml(out).report.area["fr"] == "Districts du Nord"


def test_plan_cli_suggest_says_why_in_the_users_language(vault: str, capsys) -> None:
    """Each match's reason (name, label words, what the values say, …) is a registered message
    rendered in --lang: no English piece left in the French or Arabic table."""
    base = ["plan", "suggest", "--vault", vault, "--dataset", "hh", "--dataset", "ind"]
    base += ["--name", "w"]
    rc, out, err = run(capsys, *base, "--json")
    assert rc == 0, err
    english = {m["input"]: m["reason"] for m in json.loads(out)["matches"]}
    assert "name 'birth_cert'" in english["has_birth_cert"]
    english_words = ("name '", "label words", "label has", "values:", "values fit", "weak name",
                     "unique per household", "no candidate", "shares the column")  # fmt: skip
    for lang, said in (("fr", "nom « birth_cert »"), ("ar", "الاسم «")):
        rc, out, err = run(capsys, *base, "--json", "--lang", lang)
        assert rc == 0, err
        reasons = {m["input"]: m["reason"] for m in json.loads(out)["matches"]}
        assert said in reasons["has_birth_cert"], reasons["has_birth_cert"]
        assert reasons.keys() == english.keys()
        for inp, why in reasons.items():
            assert not any(w in why for w in english_words), (lang, inp, why)
        rc, out, err = run(capsys, *base, "--lang", lang)
        assert rc == 0, err
        table = out.split("\n\n")[0]
        assert not any(w in table for w in english_words), (lang, table)
        assert "input(s) mapped" not in out and ("couvert" in out or "مؤشرات" in out), out


def test_plan_cli_suggest_table_headers_and_status_in_the_users_language(
    vault: str, capsys
) -> None:
    """The table's headers and status words are said in --lang (they were English in every
    language), the confidence with the language's decimal separator; --json keeps its stable
    words ("ok", "review") and numbers for scripts."""
    base = ["plan", "suggest", "--vault", vault, "--dataset", "hh", "--dataset", "ind"]
    base += ["--name", "h"]
    rc, out, err = run(capsys, *base)
    assert rc == 0, err
    head = out.splitlines()[0].split()
    assert head == ["input", "column", "confidence", "status", "reason"], head
    expected = {
        "fr": (["entrée", "colonne", "confiance", "statut", "motif"], "acceptée", ","),
        "es": (["entrada", "columna", "confianza", "estado", "motivo"], "aceptada", ","),
        "ar": (["المُدخل", "العمود", "الثقة", "الحالة", "السبب"], "مقبولة", "."),
    }
    for lang, (heads, accepted, sep) in expected.items():
        rc, out, err = run(capsys, *base, "--lang", lang)
        assert rc == 0, err
        lines = out.split("\n\n")[0].splitlines()
        assert lines[0].split() == heads, (lang, lines[0])
        rows = lines[1:]
        assert any(f" {accepted} " in r for r in rows), (lang, rows[:3])
        assert not any(f" {w} " in r for r in rows for w in ("ok", "review")), (lang, rows)
        conf = rows[0].split()[2].strip("\u2066\u2069")  # kept left to right in Arabic
        assert conf[1] == sep and conf.replace(sep, "").isdigit(), (lang, conf)
    rc, out, err = run(capsys, *base, "--lang", "fr", "--json")
    assert rc == 0, err
    matches = json.loads(out)["matches"]
    assert {m["status"] for m in matches} <= {"ok", "review", "-"}
    assert all(m["confidence"] is None or "." in m["confidence"] for m in matches)
