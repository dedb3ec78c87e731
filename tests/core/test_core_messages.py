"""The message registry (workbench/messages.py): every code has a template in every catalogue with
the same placeholders, and coded errors render in the user's language."""

from __future__ import annotations

import pytest

from workbench.errors import Cancelled, PlanError, WorkbenchError
from workbench.messages import CATALOG_LANGUAGES, LRI, PDI, catalog, codes, placeholders, render


@pytest.mark.parametrize("language", [lang for lang in CATALOG_LANGUAGES if lang != "en"])
def test_every_code_has_a_template_with_the_same_placeholders(language: str) -> None:
    cat = catalog(language)
    missing = [c for c in codes() if c not in cat]
    assert not missing, f"{language}: no template for {missing[:10]}"
    extra = sorted(set(cat) - set(codes()))
    assert not extra, f"{language}: codes not in the English registry: {extra[:10]}"
    differ = [c for c in codes() if placeholders(cat[c]) != placeholders(catalog("en")[c])]
    assert not differ, f"{language}: placeholders differ for {differ[:10]}"


def test_a_coded_error_renders_in_each_language() -> None:
    err = WorkbenchError.of("error.unexpected", kind="MemoryError")
    assert err.code == "error.unexpected"
    assert err.message == "Unexpected error (MemoryError). Please report it."
    assert err.render("fr") == "Erreur inattendue (MemoryError). Merci de la signaler."
    assert err.render("ar") == render("error.unexpected", {"kind": "MemoryError"}, "ar")
    assert f"{LRI}MemoryError{PDI}" in err.render("ar")
    assert isinstance(PlanError.of("error.cancelled"), PlanError)


def test_plain_errors_keep_their_text_and_cancelled_is_translated() -> None:
    assert PlanError("free text").render("fr") == "free text"
    assert Cancelled().render("es") == "Cancelado; no se ha cambiado nada."


def test_an_unregistered_code_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        WorkbenchError.of("no.such.code")


def test_a_value_from_a_file_never_breaks_the_one_line_message() -> None:
    from workbench.errors import ImportError_

    err = ImportError_.of("import.duplicate_column_line", name="a.csv", line=1, dups="x\ny")
    assert "\n" not in err.message and "'x\\ny'" in err.message
    assert "\n" not in err.render("fr") and "\n" not in err.render("ar")


def test_an_empty_listing_says_none_in_the_users_language() -> None:
    from workbench.errors import NotFound

    err = NotFound.of("vault.dataset_unknown", name="hh", listing=[])
    assert err.message.endswith("none).") or "none" in err.message
    assert "aucun" in err.render("fr") and "none" not in err.render("fr")
    assert "ninguno" in err.render("es")
    full = NotFound.of("vault.dataset_unknown", name="hh", listing=["a", "b"])
    assert "a, b" in full.render("fr")


def test_a_confidence_never_reads_as_certainly_wrong_or_right() -> None:
    """The mapping editor's "Suggestion:" line (plan.suggest_said) said "confiance 0 %" for a
    suggestion whose calibrated confidence rounds to 0 — the shared ``pct`` format; a
    confidence is "< 1" / "> 99", while a message showing another share keeps ``pct``."""
    from workbench.messages import Message

    why = Message.of("plan.why_name", column="age")
    said = {
        lang: [render("plan.suggest_said", {"why": why, "confidence": c}, lang)
               for c in (0.003, 0.62, 0.998)]
        for lang in ("en", "fr", "ar")
    }  # fmt: skip
    assert said["en"] == ["name 'age' (confidence < 1%)", "name 'age' (confidence 62%)",
                          "name 'age' (confidence > 99%)"]  # fmt: skip
    assert said["fr"][0].endswith("(confiance < 1 %)") and said["fr"][2].endswith("> 99 %)")
    # in words in Arabic, where a "<" between Arabic words is mirrored to ">"
    assert f"(الثقة أقل من {LRI}1{PDI}٪)" in said["ar"][0], said["ar"]
    assert f"(الثقة أكثر من {LRI}99{PDI}٪)" in said["ar"][2] and "<" not in said["ar"][0]
    assert not any(" 0 %" in s or " 0%" in s or "100" in s for ss in said.values() for s in ss)
    other = {"title": "t", "group_name": "g", "rate": 0.003, "threshold": 0.2}
    assert "0% of g" in render("plan.missing_rate_high", other, "en")  # a share, not a confidence
