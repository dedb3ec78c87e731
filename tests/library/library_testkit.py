"""Helpers for the indicator-library tests (writing broken mini-libraries)."""

# ruff: noqa: E501 - TOML templates read best one field per line

from __future__ import annotations

from pathlib import Path

GOOD_INDICATOR = """
[[indicator]]
id = "{id}"
criterion = "{criterion}"
title = {{ en = "Test indicator", fr = "Indicateur de test", es = "Indicador de prueba", ar = "مؤشر اختبار" }}
definition = {{ en = "Share who test.", fr = "Part qui teste.", es = "Proporción que prueba.", ar = "نسبة الاختبار." }}
unit = "individual"
statistic = "proportion"
numerator = "{numerator}"
direction = "higher_is_worse"
disaggregations = ["sex"]
source = "workbench"
"""


def add_indicator(root: Path, text: str, name: str = "zz_test.toml") -> Path:
    path = root / "indicators" / name
    path.write_text(text, encoding="utf-8")
    return path


def good_indicator(
    id: str = "zz_test", criterion: str = "1", numerator: str = "experienced_violence"
) -> str:
    return GOOD_INDICATOR.format(id=id, criterion=criterion, numerator=numerator)
