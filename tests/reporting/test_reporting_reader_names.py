"""Words where readers met internal names (issue 20): the methodology said "Households without
consent (column consent)", the validation annex "Dataset fingerprint: freedonia_household" and
"as R's svyciprop does"; a household measure broken down by "Sex" did not say it is the head's.
Read back from the PDF (en, fr, ar) and the Word report (en, ar)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest
from reporting_testkit import FIXED, sentinel_results
from test_reporting_validation_annex import _docx_text, _flat, _lines, _pdf_text

from workbench.export_writer import AuditList
from workbench.reporting import ReportOptions, build_report
from workbench.stats.snapshot import RunSnapshot, snapshot_from_meta

DATASETS = {"freedonia_household": "household", "freedonia_individual": "individual"}
CONSENT = {"en": "Does the respondent agree to be interviewed?",
           "fr": "La personne interrogée accepte-t-elle l’entretien ?"}  # fmt: skip
HEAD = {"en": "Sex of household head", "fr": "Sexe du chef de ménage", "ar": "جنس رب الأسرة"}
# what a reader sees, per language: the consent line, the datasets, the R function, the head
SEEN = {
    "en": ("Households that did not consent to the interview: 1 (question “Does the respondent "
           "agree to be interviewed?”, named “consent” in the questionnaire).",
           "Dataset fingerprint: household data", "Cleaning log of the individual data",
           "the svyciprop function of R's survey package"),
    "fr": ("Ménages qui n’ont pas consenti à l’entretien : 1 (question « La personne interrogée "
           "accepte-t-elle l’entretien ? », nommée « consent » dans le questionnaire).",
           "Empreinte du jeu de données : données des ménages",
           "Journal de nettoyage des données individuelles",
           "la fonction svyciprop du paquet survey de R"),
    "ar": ("الأسر التي لم توافق على إجراء المقابلة",
           "بصمة مجموعة البيانات: بيانات الأسر", "سجل تنظيف البيانات الفردية",
           "حزمة survey للغة R"),
}  # fmt: skip


def _results():
    r = sentinel_results()
    snap = r.snapshot
    sex = next(d for d in snap.texts.disaggregations if d.id == "sex")
    heads = tuple(
        replace(d, head=True, head_labels=HEAD) if d is sex else d
        for d in snap.texts.disaggregations
    )
    # logs with entries: an empty one reads "empty", without a count to keep on its line
    logs = {name: {"entries": 12, "sha256": "e3" * 32} for name in DATASETS}
    r.snapshot = replace(
        snap,
        texts=replace(snap.texts, disaggregations=heads),
        dataset_fingerprints={"freedonia_household": "cd" * 32, "freedonia_individual": "ef" * 32},
        datasets=DATASETS,
        cleaning_logs=logs,
        exclusions={
            "households_without_consent": 1, "individuals_excluded": 3,
            "consent_column": "consent", "consent_labels": CONSENT,
        },
    )  # fmt: skip
    return r


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, tuple[Path, Path | None]]:
    out: dict[str, tuple[Path, Path | None]] = {}
    folder = tmp_path_factory.mktemp("names")
    for lang in ("en", "fr", "ar"):
        docx = folder / f"{lang}.docx" if lang != "fr" else None
        opts = ReportOptions(
            language=lang, fixed_timestamp=FIXED, docx_path=docx,
            sections=("solutions", "methodology", "validation"),
        )  # fmt: skip
        pdf = build_report(_results(), folder / f"{lang}.pdf", opts, audit=AuditList())
        out[lang] = (pdf, docx)
    return out


def _texts(reports, lang: str) -> list[str]:
    pdf, docx = reports[lang]
    texts = [_flat(_pdf_text(pdf) if lang != "ar" else " ".join(_lines(pdf)))]
    if docx is not None:  # Word's Latin runs in Arabic carry direction marks: read without them
        texts.append(_flat(re.sub("[\u200e\u200f\u202a-\u202e]", "", _docx_text(docx))))
    return texts


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_annexes_name_the_consent_question_and_the_datasets_in_words(reports, lang):
    for text in _texts(reports, lang):
        for words in SEEN[lang]:
            assert _flat(words) in text, (lang, words)
        assert "freedonia_household" not in text and "freedonia_individual" not in text
        assert "column consent" not in text and "colonne consent" not in text
        assert "R's svyciprop" not in text and "svyciprop de R" not in text


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_longer_dataset_name_keeps_the_log_s_count_on_its_line(reports, lang):
    """ "Cleaning log of the household data (entries: 0)" broke after "entries:" (en demo)."""
    with pdfplumber.open(str(reports[lang][0])) as doc:
        lines = [_flat(ln["text"]) for page in doc.pages for ln in page.extract_text_lines()]
    count = {"en": "(entries: 12)", "fr": "(entrées : 12)"}[lang]
    assert sum(count in line for line in lines) == 2, lang


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_household_measure_by_sex_says_it_is_the_head_s(reports, lang):
    """The solutions measure counts households: its breakdown by the head's sex is named so;
    the indicators of people keep "Sex"."""
    for text in _texts(reports, lang):
        assert HEAD[lang] in text, lang


def test_an_arabic_report_without_the_question_in_arabic_names_the_column_alone():
    """The data label the consent question in English and French only; the catalogue knows the
    Arabic words of the demo's question; another English question is not printed in Arabic."""
    from workbench.reporting.context import build_context

    r = _results()
    assert build_context(r, ReportOptions(language="ar")).consent_question == (
        "هل يوافق المستجيب على إجراء المقابلة؟"
    )
    ex = {**r.snapshot.exclusions, "consent_labels": {"en": "Agrees to the interview"}}
    r.snapshot = replace(r.snapshot, exclusions=ex)
    assert build_context(r, ReportOptions(language="ar")).consent_question == ""
    assert build_context(r, ReportOptions(language="en")).consent_question


def test_the_snapshot_records_each_dataset_s_unit():
    meta = {"household_dataset": "hh", "individual_dataset": "ind", "designs": {}}
    snap = snapshot_from_meta(meta, sentinel_results().snapshot.texts)
    assert snap.datasets == {"hh": "household", "ind": "individual"}
    assert RunSnapshot.from_dict(snap.to_dict()).datasets == snap.datasets
    sex = next(d for d in _results().snapshot.texts.disaggregations if d.id == "sex")
    snap = replace(snap, texts=replace(snap.texts, disaggregations=(sex,)))
    again = RunSnapshot.from_dict(snap.to_dict())
    assert again.texts.disaggregations == (sex,)
