"""Issue 20, final readers (fr, "10 ménages (Statut inconnu)"): a group's name placed inside a
sentence — in brackets, in a list after "it counts" — is written in lower case, as the summary's
stock sentence already did ("ensemble des groupes déplacés (PDI dans les camps, … et personnes
retournées)"); a name that starts a sentence or a line ("Communauté hôte : …"), a table's
header and its rows keep their capital."""

from __future__ import annotations

import dataclasses
import re

import pytest
from reporting_testkit import FIXED, sentinel_results, with_host_outside_by_definition
from test_reporting_pdf import page_texts

from workbench.export_writer import AuditList
from workbench.reporting import ReportOptions, build_report
from workbench.settings import Settings
from workbench.stats.snapshot import GroupText


@pytest.fixture(scope="module")
def fr_pdfs(tmp_path_factory):
    out = tmp_path_factory.mktemp("in_sentence")
    r = sentinel_results()
    with_host_outside_by_definition(r)  # a note names the comparison group in brackets
    unknown = GroupText("99", "exclude", {"en": "Unknown status", "fr": "Statut inconnu"})
    texts = dataclasses.replace(r.snapshot.texts, groups=(*r.snapshot.texts.groups, unknown))
    ex = {"households_no_group": 10, "individuals_no_group": 49, "no_group_codes": ["99"]}
    r.snapshot = dataclasses.replace(r.snapshot, texts=texts, exclusions=ex)
    brief = out / "fr-brief.pdf"
    build_report(
        r,
        out / "fr.pdf",
        ReportOptions(
            language="fr",
            fixed_timestamp=FIXED,
            briefing_paths=(brief,),
            sections=("summary", "criteria", "methodology"),
        ),
        settings=Settings(office_name="Office"),
        audit=AuditList(),
    )
    flat = [re.sub(r"\s+", " ", " ".join(page_texts(p))) for p in (out / "fr.pdf", brief)]
    return flat[0], flat[1]


@pytest.mark.slow
def test_french_group_names_inside_sentences_are_in_lower_case(fr_pdfs):
    report, brief = fr_pdfs
    # the households in no group: the methodology's line and the briefing's sample line
    assert "de ce rapport (statut inconnu)" in report, report
    assert "10 ménages (statut inconnu) n’appartiennent" in brief, brief
    assert "Statut inconnu" not in report + brief
    # the comparison group in a table note's brackets; the grid heading keeps its label
    assert "le groupe de comparaison (communauté hôte) est hors de l’univers" in report
    assert "(Communauté hôte)" not in report
