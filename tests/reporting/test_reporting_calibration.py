"""The methodology annex states the calibration of a run: method, unit, where the totals came
from, every margin's cells and totals, bounds, trimming and the final weights — in the report's
language, from the run's snapshot."""

from __future__ import annotations

import dataclasses

import arabic_reshaper
import pytest
from pypdf import PdfReader
from reporting_testkit import FIXED, sentinel_results

from workbench.export_writer import AuditList
from workbench.reporting import ReportOptions, build_report
from workbench.settings import Settings
from workbench.stats.snapshot import UnitDesign

pytestmark = pytest.mark.slow  # whole PDFs (en, fr, ar)

CALIBRATION = {
    "unit": "individual",
    "method": "calibrate",
    "calfun": "logit",
    "bounds": [0.5, 2.5],
    "margins": [
        {
            "variables": ["region"],
            "cells": [[["North"], 120500.0], [["South"], 80200.0]],
            "total": 200700.0,
        },
        {
            "variables": ["sex", "age_band"],
            "cells": [
                [["1", "0-14"], 50000.0],
                [["1", "15+"], 50350.0],
                [["2", "0-14"], 49000.0],
                [["2", "15+"], 51350.0],
            ],
            "total": 200700.0,
        },
    ],
    "numeric": [],
    "iterations": 6,
    "trim": [20.0, 900.0],
    "trim_strict": False,
    "trimmed": 3,
    "weight_total": 200700.0,
    "weight_range": [20.0, 900.0],
    "source": "census_2024.csv",
}


def _calibrated_results():
    r = sentinel_results()
    unit = UnitDesign("individual", 5000, 200, 10, 190.0, "adjust", calibration=CALIBRATION)
    others = tuple(d for d in r.snapshot.designs if d.unit != "individual")
    r.snapshot = dataclasses.replace(r.snapshot, designs=(*others, unit))
    return r


def _text(path) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)


def _report(tmp_path, lang: str) -> str:
    out = build_report(
        _calibrated_results(), tmp_path / f"{lang}.pdf",
        ReportOptions(language=lang, fixed_timestamp=FIXED, sections=("methodology",)),
        settings=Settings(), audit=AuditList(),
    )  # fmt: skip
    return _text(out)


def test_methodology_lists_the_calibration_totals(tmp_path) -> None:
    text = _report(tmp_path, "en")
    assert "Calibration to population totals" in text
    flat = " ".join(text.split())
    assert "population totals (census_2024.csv) by calibration with the logit distance" in flat
    assert "kept between 0.500 and 2.500" in flat
    assert "trimmed to the range 20 to 900" in flat and "(3 weights trimmed)" in flat
    assert "120,500" in text and "80,200" in text and "51,350" in text
    assert "sex × age_band" in text and "2 × 15+" in text


def test_methodology_calibration_in_french_and_arabic(tmp_path) -> None:
    fr = " ".join(_report(tmp_path, "fr").split())
    assert "Calage sur des totaux de population" in fr
    assert "calage avec la distance logit" in fr and "120 500" in fr.replace("\u202f", " ").replace(
        "\xa0", " "
    )
    ar = _report(tmp_path, "ar")
    assert arabic_reshaper.reshape("المعايرة على مجاميع السكان") in ar
    assert "census_2024.csv" in ar and "120,500" in ar  # Western digits (ar_001)
