"""The mapping workflow in the user's language (issue 22): ``plan suggest --save --out``,
``plan check``, ``plan export --template``, the template imported for a new round and
``plan design`` say every line in --lang — "Saved plan … version …", "Wrote …", the check's
tally, the import's line, ``plan versions`` / ``list`` and each finding's severity word and
where ("WARNING … [dataset=ind, column=hh_id]") were English whatever the language."""

from __future__ import annotations

from pathlib import Path

import plan_testdata as td
import pytest
from plan_testdata import run

ENGLISH = ("Saved plan", "Wrote ", "error(s)", "warning(s)", "no longer match", "(draft)",
           "DRAFT", "WARNING", "ERROR", "dataset=", "column=", "indicator=",
           "group=")  # fmt: skip


def _workflow(vault: str, capsys, tmp_path: Path, lang: str) -> list[str]:
    """The outputs of the workflow's steps, in --lang."""
    v = ["--vault", vault, "--lang", lang]
    out_file, template = tmp_path / f"s-{lang}.toml", tmp_path / f"t-{lang}.toml"
    plan_file = tmp_path / "tiny.toml"
    plan_file.write_text(td.PLAN_TOML, encoding="utf-8")
    steps = [
        ["plan", "suggest", *v, "--dataset", "hh", "--dataset", "ind", "--name", f"s{lang}",
         "--save", "--out", str(out_file)],
        ["plan", "import", *v, "--file", str(plan_file)],
        ["plan", "check", *v, "--plan", "tiny"],
        ["plan", "export", *v, "--plan", "tiny", "--out", str(template), "--template"],
        ["plan", "import", *v, "--file", str(template)],
        ["plan", "design", *v, "tiny", "--weight", "weight"],
        ["plan", "versions", *v, "--plan", "tiny"],
        ["plan", "list", *v],
    ]  # fmt: skip
    outs = []
    for argv in steps:
        rc, out, err = run(capsys, *argv)
        assert rc == 0, (argv, err)
        outs.append(out)
    return outs


def test_plan_workflow_lines_in_the_users_language(vault: str, capsys, tmp_path: Path) -> None:
    en = _workflow(vault, capsys, tmp_path, "en")
    assert "Saved plan 'sen' version 1." in en[0] and f"Wrote {tmp_path / 's-en.toml'}" in en[0]
    for lang in ("fr", "ar"):
        outs = _workflow(vault, capsys, tmp_path, lang)
        for out in outs:
            assert not any(w in out for w in ENGLISH), (lang, out)
        fr = {"fr": "Plan « sfr » enregistré, version 1.", "ar": "حُفظت الخطة «\u2066sar\u2069»"}
        assert fr[lang] in outs[0], outs[0]
        # plan check's findings: severity word and where in the language, code as it is
        warned = {"fr": "AVERTISSEMENT plan.link_orphans: ",
                  "ar": "تحذير \u2066plan.link_orphans\u2069: "}  # fmt: skip
        assert warned[lang] in outs[2], outs[2]
        where = {"fr": "jeu de données=ind, colonne=hh_id]",
                 "ar": "مجموعة البيانات=\u2066ind\u2069، العمود=\u2066hh_id\u2069]"}  # fmt: skip
        assert where[lang] in outs[2], outs[2]
        # plan versions / list: headers and status words ("ready" in every language before)
        heads = {
            "fr": ["version", "statut", "enregistrée", "le", "note", "sha256"],
            "ar": ["الإصدار", "الحالة", "تاريخ", "الحفظ", "الملاحظة", "sha256"],
        }
        assert outs[6].splitlines()[0].split() == heads[lang], outs[6]
        ready = {"fr": " prête ", "ar": " جاهزة "}[lang]
        assert all(ready in ln for ln in outs[6].splitlines()[1:] + outs[7].splitlines()[1:])
        assert not any(w in out for out in outs[6:] for w in (" ready", "saved_at", "status"))


@pytest.mark.slow
def test_plan_suggest_lists_with_the_languages_punctuation(
    tmp_path: Path, capsys, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the Freedonia sample: a reason's pieces, a candidate's confidence and its codes are
    joined with the language's semicolon (French "nom « x » ; valeurs …" with its no-break
    space, Arabic "؛"), the candidates with its comma ("،"), the input before its candidates
    with French "input :"; a confidence under 0.005 is "< 0,01", never "0,00" (the table said
    "; " and ", " in every language and "0,00" for candidates not known to be wrong)."""
    from freedonia_testkit import make_freedonia_vault

    path = tmp_path / "f.vault"
    make_freedonia_vault(path, passphrase)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", passphrase)
    base = ["plan", "suggest", "--vault", str(path), "--dataset", "freedonia_household"]
    base += ["--dataset", "freedonia_individual", "--name", "p", "--no-confirmed"]
    out = {lang: run(capsys, *base, "--lang", lang)[1] for lang in ("en", "fr", "ar")}
    table, _, candidates = out["fr"].partition("\n\n")
    assert "»\u00a0; " in table and "»; " not in table, table
    lines = [ln for ln in candidates.splitlines() if ln.startswith("  ")]
    assert lines and all(" : " in ln.split("(")[0] for ln in lines), lines
    assert any("\u00a0; codes" in ln for ln in lines), lines
    assert any("< 0,01" in ln for ln in lines), lines
    ar = out["ar"].partition("\n\n")[2]
    assert "؛ " in ar and "), " not in ar and "أقل من \u20660.01\u2069" in ar, ar
    for lang, text in out.items():
        assert not any(z in text for z in ("0,00", "0.00", "1,00", "1.00")), (lang, text)
