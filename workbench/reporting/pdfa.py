"""Post-processing with pikepdf: language, dates, document metadata, and PDF/A-2b.

PDF/A-2b: sRGB output intent, XMP metadata declaring part 2 / conformance B and agreeing with
the document information, no empty ``/Trans`` entries. All fonts are already embedded (reportlab
embeds subsets of the bundled TrueType fonts). When ``pikepdf.pdfa`` (pikepdf's own allow-list
validator, extra ``pikepdf[pdfa]``) is importable, the written file is checked with it and a
failure raises :class:`ReportError`.
"""

from __future__ import annotations

import io
from datetime import datetime

import pikepdf

from workbench.errors import ReportError


def _pdf_date(when: datetime) -> str:
    s = when.strftime("D:%Y%m%d%H%M%S")
    off = when.utcoffset()
    if off is None:
        return s + "Z"
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return s + f"{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"


def _strip_trans(pdf: pikepdf.Pdf) -> None:
    for page in pdf.pages:
        trans = page.obj.get("/Trans")
        if trans is not None and len(trans.keys()) == 0:
            del page.obj["/Trans"]


def _pdfa_module():
    try:
        import pikepdf.pdfa as pdfa
    except ImportError:
        return None
    return pdfa


def finish_pdf(raw: bytes, *, lang: str, when: datetime, pdfa: bool, check: bool = True) -> bytes:
    """The final file's bytes (checked as PDF/A-2b by pikepdf.pdfa when asked and available;
    ``check=False``: the caller checks it, :func:`pdfa_finding`)."""
    pdf = pikepdf.open(io.BytesIO(raw))
    pdf.Root.Lang = pikepdf.String(lang)
    _strip_trans(pdf)
    date = _pdf_date(when)
    pdf.docinfo["/CreationDate"] = pikepdf.String(date)
    pdf.docinfo["/ModDate"] = pikepdf.String(date)
    if pdfa:
        mod = _pdfa_module()
        if mod is not None:
            mod.prepare(pdf, "2b")
        else:
            _manual_pdfa(pdf)
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            iso = when.isoformat()
            meta["xmp:MetadataDate"] = iso
            meta["xmp:CreateDate"] = iso
            meta["xmp:ModifyDate"] = iso
            meta["dc:language"] = [lang]
    buf = io.BytesIO()
    pdf.save(buf, deterministic_id=True)
    data = buf.getvalue()
    if pdfa and check:
        raise_if_not_pdfa(pdfa_finding(data))
    return data


def pdfa_finding(data: bytes) -> str | None:
    """pikepdf.pdfa's first finding on the file as PDF/A-2b (None: it passes, or the validator
    is not installed). A plain function of bytes: a chart worker can run it."""
    mod = _pdfa_module()
    if mod is None:
        return None
    report = mod.check(pikepdf.open(io.BytesIO(data)), "2b")
    if report.passed:
        return None
    return str(report.findings[0] if report.findings else report.verdict)


def raise_if_not_pdfa(finding: str | None) -> None:
    if finding is not None:
        raise ReportError.of("report.pdfa_failed", first=finding)


def _manual_pdfa(pdf: pikepdf.Pdf) -> None:
    """PDF/A-2b declaration without pikepdf.pdfa: sRGB output intent + XMP identification."""
    from importlib.resources import files

    icc = files("pikepdf").joinpath("pdfa", "data", "sRGB.icc").read_bytes()
    profile = pdf.make_stream(icc)
    profile.N = 3
    intent = pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent,
        S=pikepdf.Name.GTS_PDFA1,
        OutputConditionIdentifier=pikepdf.String("sRGB"),
        Info=pikepdf.String("sRGB IEC61966-2.1"),
        DestOutputProfile=profile,
    )
    pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(intent)])
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta.load_from_docinfo(pdf.docinfo)
        meta["pdfaid:part"] = "2"
        meta["pdfaid:conformance"] = "B"
