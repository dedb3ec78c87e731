"""Share page (issue 18, "Done when"): a user picks the quasi-identifiers the page suggests,
measures the risk, exports an extract at k = 3 for a named partner and sees the sharing in the
list and in the audit log; an export without a purpose is refused on the page; the page reads in
English, French and Arabic."""

from __future__ import annotations

import os
from pathlib import Path

import pyreadstat
import pytest
from ui_testdata import unlock

from ui import i18n
from ui.pages.share_page import SharePage

SHOTS = os.environ.get("WORKBENCH_SHOTS")  # a folder: save screenshots there to look at


def _shot(page, name: str) -> None:
    if SHOTS:
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        page.window().grab().save(str(Path(SHOTS) / f"share-{name}.png"))


@pytest.fixture
def share_page(window, make_vault, passphrase, qapp):
    from workbench.sample.generate import generate

    unlock(window, make_vault(), passphrase)
    service = window.service
    datasets = generate(households=150, seed=5).datasets()
    service.vault.save_datasets(datasets)
    service.save_plan(service.suggest_plan([d.name for d in datasets], name="freedonia"))
    window.resize(1400, 950)
    page = window.workspace.show_page(SharePage)
    page.dataset.setCurrentText("freedonia_individual")
    yield page
    i18n.install(qapp, "en")


def _keys(page) -> list[str]:
    from ui.widgets import checked_items

    return [str(k) for k in checked_items(page.keys)]


def test_measure_then_export_for_a_named_partner(share_page, tmp_path) -> None:
    page = share_page
    keys = _keys(page)
    assert {"sex", "age", "pop_group"} <= set(keys)  # suggested from the plan and the names
    assert not any(v["identifier"] and v["name"] in keys for v in page._variables)
    assert page.weight.currentData() == "weight" and page.household.currentData() == "hh_id"
    page.bands.setText("age=0,5,18,35,60")
    page.suda.setChecked(True)
    page.measure_button.click()
    cells = {page.risk.item(r, 0).text(): page.risk.item(r, 2).text()
             for r in range(page.risk.rowCount())}  # fmt: skip
    assert cells["Records violating 3-anonymity"] == "0"
    assert "Records with a minimal sample unique (SUDA score > 0)" in cells
    assert "Share of the SUDA scores due to sex" in cells
    # what it costs the indicators: the plan's overall estimates, original and extract, with
    # the indicators' titles and the groups' labels (the codes are in the tooltip)
    assert page.indicators.rowCount() > 10 and "freedonia" in page.indicator_note.text()
    plan = page.service.load_plan("freedonia")
    shown = _column(page.indicators, 0)
    codes = [page.indicators.item(r, 0).toolTip().rsplit("(", 1)[1].rstrip(")")
             for r in range(page.indicators.rowCount())]  # fmt: skip
    assert set(codes) <= {u.id for u in plan.indicators} and len(set(codes)) > 5
    assert not set(shown) & set(codes) and all(shown)
    groups = set(_column(page.indicators, 1))
    assert "All displaced" in groups
    assert not groups & {str(v.code) for v in plan.groups.values}
    _shot(page, "measured-en")
    page.tabs.setCurrentIndex(2)
    _shot(page, "indicators-en")
    page.recipient.setText("Partner NGO")
    page.export_to(str(tmp_path / "x.sav"))
    assert page.status.property("ok") is False and "purpose" in page.status.text()
    assert not (tmp_path / "x.sav").exists()
    page.purpose.setText("Joint analysis")
    page.agreement.setText("DSA-9")
    page.export_to(str(tmp_path / "x.sav"))
    assert page.status.property("ok") is True, page.status.text()
    assert (tmp_path / "x_risk_en.pdf").exists()
    frame, _meta = pyreadstat.read_sav(str(tmp_path / "x.sav"))
    assert len(frame) == len(page.service.load_dataset("freedonia_individual").frame)
    assert page.records.rowCount() == 1 and page.records.item(0, 2).text() == "Partner NGO"
    actions = [e.action for e in page.service.audit_log()]
    assert "share.record" in actions
    _shot(page, "exported-en")


def _column(table, col: int) -> list[str]:
    return [table.item(r, col).text() for r in range(table.rowCount())]


@pytest.mark.slow
def test_the_page_reads_in_french_and_arabic(window, share_page) -> None:
    """One vault for both languages: the second measure reuses the plan's comparison (the
    service keeps the last one), so only the words change."""
    page = share_page
    page.measure_button.click()
    english = set(_column(page.indicators, 0))
    english_groups = set(_column(page.indicators, 1))
    for lang, words, first in (
        ("fr", ("Partage des données", "Mesurer le risque"), "Enregistrements"),
        ("ar", ("مشاركة البيانات", "قياس المخاطر"), "السجلات"),
    ):
        window.set_language(lang)  # as Settings does: the pages are built again
        page = window.workspace.show_page(SharePage)
        page.dataset.setCurrentText("freedonia_individual")
        page.measure_button.click()
        assert page.risk.rowCount() > 10
        assert page.title() == words[0] and page.measure_button.text() == words[1]
        assert page.risk.item(0, 0).text() == first
        # the indicator table speaks the language too: titles and group labels
        assert page.indicators.rowCount() > 10
        assert len(set(_column(page.indicators, 0)) - english) > 5
        assert not set(_column(page.indicators, 1)) & english_groups
        page.tabs.setCurrentIndex(2)
        _shot(page, f"indicators-{lang}")
        page.tabs.setCurrentIndex(0)
        _shot(page, f"measured-{lang}")
