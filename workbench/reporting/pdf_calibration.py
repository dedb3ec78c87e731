"""The methodology annex's calibration section: which unit's weights were calibrated, how, to
which population totals (every margin's cells), trimming and the final weights' range — all
from the run's snapshot (``UnitDesign.calibration``), never from the current plan."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.platypus import Flowable

from workbench.reporting.fmt import _num, fmt_count
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_tables import make_table


def _method(tr: Any, cal: Mapping[str, Any]) -> str:
    method = str(cal.get("method", ""))
    if method == "rake":
        return str(tr("calibration_method_rake", iterations=int(cal.get("iterations") or 0)))
    if method == "calibrate":
        calfun = str(cal.get("calfun") or "linear")
        return str(tr("calibration_method_calibrate", calfun=tr(f"calibration_calfun_{calfun}")))
    return str(tr(f"calibration_method_{method}"))


def _number(x: Any, lang: str) -> str:
    v = float(x)
    return fmt_count(v, lang) if v.is_integer() or abs(v) >= 100 else _num(v, 3, lang)


def calibration(b: Builder) -> list[Flowable]:
    """The section (empty when no unit of the run was calibrated)."""
    tr, lang = b.tr, b.lang
    out: list[Flowable] = []
    for unit, cal in sorted(b.ctx.calibration.items()):
        if not out:
            out.append(b.h(tr("calibration"), 1, "calibration"))
        source = str(cal.get("source") or "plan")
        out.append(
            b.p(
                tr(
                    "calibration_text",
                    unit=tr(f"universe_unit_{unit}").split(":")[-1].strip(),
                    method=_method(tr, cal),
                    source=tr("calibration_source_plan") if source == "plan" else source,
                )
            )
        )
        bounds = cal.get("bounds") or [None, None]
        if cal.get("method") == "calibrate" and any(x is not None for x in bounds):
            lo, hi = (("−∞" if x is None else _number(x, lang)) for x in bounds)
            out.append(b.p(tr("calibration_bounds", lower=lo, upper=hi)))
        trim = cal.get("trim")
        if trim:
            out.append(
                b.p(
                    tr(
                        "calibration_trim",
                        lower=_number(trim[0], lang),
                        upper=_number(trim[1], lang),
                        count=int(cal.get("trimmed") or 0),
                    )
                )
            )
        low, high = cal.get("weight_range") or [float("nan")] * 2
        out.append(
            b.p(
                tr(
                    "calibration_weights",
                    low=_number(low, lang),
                    high=_number(high, lang),
                    total=_number(cal.get("weight_total", float("nan")), lang),
                )
            )
        )
        rows = []
        for m in cal.get("margins", []):
            name = " × ".join(m["variables"])
            for cell, total in m["cells"]:
                rows.append([name, " × ".join(map(str, cell)), _number(total, lang)])
        for var, total in cal.get("numeric", []):
            rows.append([str(var), tr("calibration_numeric"), _number(total, lang)])
        widths = [0.35 * b.width, 0.35 * b.width, 0.3 * b.width]
        head = [tr("calibration_margin"), tr("calibration_level"), tr("calibration_total")]
        out.append(make_table(head, rows, widths, b.styles, b.lang))
    return out
