"""Every error a user can meet in the CLI is shown in the user's language: a dozen real failures
through ``workbench.cli.main`` with a real (fast-KDF) vault, in French, plus Arabic samples with
their isolates. The language comes from ``--lang`` or, without it, from the settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.cli import main
from workbench.errors import Cancelled
from workbench.messages import LRI, PDI
from workbench.settings import Settings
from workbench.vault import KdfParams, Vault

FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)  # tests only


@pytest.fixture
def vault(tmp_path: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch) -> str:
    path = tmp_path / "survey.dsv"
    Vault.create(path, passphrase, kdf=FAST_KDF).lock()
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", passphrase)
    return str(path)


def fails(capsys: pytest.CaptureFixture[str], *argv: str, rc: int = 1) -> str:
    """The one error line of a failing command (without the ``workbench: error:`` prefix)."""
    assert main(list(argv)) == rc
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert err.startswith("workbench: error: ")
    return err.removeprefix("workbench: error: ").strip()


def test_a_dozen_cli_errors_are_shown_in_french(
    vault: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fr = ("--lang", "fr")
    seen: list[str] = []

    def check(line: str, french: str, *english: str) -> None:
        assert french in line, line
        for text in english:
            assert text not in line, line
        seen.append(line)

    # unknown dataset, unknown plan, report of an unknown run
    line = fails(capsys, *fr, "datasets", "show", "--vault", vault, "nope")
    check(line, "Aucun jeu de données nommé « nope » dans le coffre", "No dataset", "vault")
    line = fails(capsys, *fr, "plan", "show", "--vault", vault, "--plan", "nope")
    check(line, "Aucun plan", "No plan", "in the vault")
    report = str(tmp_path / "r.pdf")
    line = fails(capsys, "report", "--vault", vault, "--run", "99", "--out", report, *fr)
    check(line, "Aucune exécution de résultats 99 dans le coffre", "No results run")
    # a bad key in an imported plan file; a file that is not TOML
    bad = tmp_path / "bad.toml"
    bad.write_text('plan_version = 1\nname = "x"\ncolour = "red"\n', encoding="utf-8")
    line = fails(capsys, *fr, "plan", "check", "--vault", vault, "--file", str(bad))
    check(line, "bad.toml : [plan] clé inconnue « colour » (clés connues : ", "unknown key")
    bad.write_text("plan_version = = 1\n", encoding="utf-8")
    line = fails(capsys, *fr, "plan", "import", "--vault", vault, "--file", str(bad))
    check(line, " : TOML invalide (", "not valid")
    # a missing file to import, an unreadable CSV
    missing = str(tmp_path / "missing.csv")
    line = fails(capsys, *fr, "import", "--vault", vault, missing)
    check(line, "missing.csv : fichier introuvable", "no such file")
    ragged = tmp_path / "ragged.csv"
    ragged.write_text("a,b,c\n1,2,3\n4,5\n6,7,8,9\n", encoding="utf-8")
    line = fails(capsys, *fr, "import", "--vault", vault, str(ragged))
    check(line, "ragged.csv : la ligne", "fields but the header")
    # a wrong --out suffix (a usage error: exit 2)
    out = str(tmp_path / "results.txt")
    line = fails(capsys, *fr, "analyze", "--vault", vault, "--plan", "p", "--out", out, rc=2)
    check(line, "--out doit se terminer par .csv ou .xlsx, et non results.txt.", "must end")
    # not a vault, a damaged vault, the wrong passphrase
    empty = tmp_path / "empty.dsv"
    empty.write_bytes(b"")
    line = fails(capsys, *fr, "vault", "info", "--vault", str(empty))
    check(line, "empty.dsv est vide (0 octet) ; ce n’est pas un coffre.", "is empty")
    data = bytearray(Path(vault).read_bytes())
    data[100:4000] = bytes(3900)
    damaged = tmp_path / "damaged.dsv"
    damaged.write_bytes(bytes(data))
    Path(str(damaged) + ".header").write_bytes(Path(vault + ".header").read_bytes())
    line = fails(capsys, *fr, "vault", "info", "--vault", str(damaged))
    check(line, "Restaurez la dernière sauvegarde (workbench vault restore).", "Restore the")
    assert line.startswith("Le coffre damaged.dsv a été déverrouillé mais")
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", "not the passphrase")
    line = fails(capsys, *fr, "vault", "info", "--vault", vault)
    check(
        line, "Phrase secrète incorrecte : la clé du coffre n’a pas pu être déverrouillée.", "Wrong"
    )
    # no passphrase at all (no terminal to prompt in)
    monkeypatch.delenv("WORKBENCH_PASSPHRASE")
    line = fails(capsys, *fr, "vault", "info", "--vault", vault)
    check(line, "Pas de phrase secrète : définissez WORKBENCH_PASSPHRASE", "No passphrase")
    # interrupted and cancelled work
    monkeypatch.setattr("workbench.cli.common.passphrase", _raise(KeyboardInterrupt()))
    line = fails(capsys, *fr, "vault", "info", "--vault", vault)
    check(line, "Interrompu ; rien n’a été modifié.", "Interrupted")
    monkeypatch.setattr("workbench.cli.common.passphrase", _raise(Cancelled()))
    line = fails(capsys, *fr, "vault", "info", "--vault", vault)
    check(line, "Annulé ; rien n’a été modifié.", "Cancelled")
    assert len(seen) >= 12


def _raise(exc: BaseException):
    def raiser(*_args: object, **_kwargs: object) -> str:
        raise exc

    return raiser


def test_the_settings_language_is_the_default_and_arabic_keeps_names_in_order(
    vault: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    settings = Settings.load()
    settings.language = "ar"
    settings.save()
    line = fails(capsys, "datasets", "show", "--vault", vault, "nope")
    assert f"«{LRI}nope{PDI}»" in line and "مجموعة بيانات" in line and "No dataset" not in line
    line = fails(capsys, "import", "--vault", vault, str(tmp_path / "missing.csv"))
    assert line.startswith(f"{LRI}missing.csv{PDI}: الملف غير موجود"), line
    line = fails(capsys, "--lang", "en", "datasets", "show", "--vault", vault, "nope")
    assert line == "No dataset named 'nope' in the vault (known: none)."


def test_findings_are_printed_in_the_chosen_language(
    vault: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = tmp_path / "empty.toml"
    plan.write_text('plan_version = 1\nname = "x"\n', encoding="utf-8")
    assert main(["plan", "check", "--vault", vault, "--file", str(plan), "--lang", "es"]) == 1
    out = capsys.readouterr().out
    assert "ERROR plan.dataset_not_set: Falta un conjunto de datos (datasets): el plan" in out


def test_a_global_lang_is_kept_by_commands_with_their_own(
    capsys: pytest.CaptureFixture[str],
) -> None:
    line = fails(capsys, "--lang", "fr", "library", "show", "no_such_indicator")
    assert line.startswith("Indicateur inconnu « no_such_indicator »"), line
    line = fails(capsys, "library", "show", "no_such_indicator", "--lang", "es")
    assert line.startswith("Indicador desconocido «no_such_indicator»"), line
