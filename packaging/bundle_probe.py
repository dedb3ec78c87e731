"""Probes ``smoke_test.py`` runs with the build interpreter against the bundle's libraries (Linux).

    python packaging/bundle_probe.py dlopen BUNDLE   # every ELF file in BUNDLE/_internal loads
    python packaging/bundle_probe.py icu             # Qt's ICU-backed results, as JSON

``dlopen``: each ELF file is loaded with ``RTLD_NOW`` (every symbol resolved at once), with
``LD_LIBRARY_PATH`` set to the bundle by the caller; prints one JSON object per file. Python
extension modules resolve the C API from this interpreter, which must be the same Python version
as the bundle's.

``icu``: collation (QCollator, also behind the file dialogs' sorting), case mapping, time-zone
display names, date formats and charset decoders for the app's languages, computed by the
PySide6 of this interpreter; ``smoke_test.py`` runs it once with the wheel's ICU data and once with
the bundle's ``libicudata`` preloaded, and compares.
"""

from __future__ import annotations

import ctypes
import json
import os
import sys
from functools import cmp_to_key
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LOCALES = ("C", "en", "en_US", "en_GB", "fr", "fr_FR", "fr_CA", "es", "es_ES", "es_MX", "ar",
           "ar_EG", "ar_SA", "ar_SY", "ar_IQ")  # fmt: skip
WORDS = ["été", "Ete", "eté", "ÉTÉ", "zèbre", "Zoé", "côte", "coté", "abc10", "abc9", "ñandú",
         "nube", "chico", "llama", "luz", "Öl", "ost", "حلب", "أحمد", "إبراهيم", "آمنة", "بيت",
         "ياسمين", "ﻻ", "١٢", "12", "", "a-b", "ab", "ǅ", "İstanbul", "ıi"]  # fmt: skip
ZONES = ("Europe/Paris", "America/Mexico_City", "Asia/Riyadh", "Africa/Cairo", "UTC",
         "America/New_York", "Asia/Damascus", "Africa/Khartoum")  # fmt: skip
CHARSETS = ("UTF-8", "UTF-16LE", "ISO-8859-1", "US-ASCII", "windows-1252", "windows-1256",
            "ISO-8859-6", "ISO-8859-15", "IBM437", "UTF-7")  # fmt: skip


def dlopen_all(bundle: Path) -> int:
    root = bundle / "_internal"
    for path in sorted(root.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as fh:
            if fh.read(4) != b"\x7fELF":
                continue
        try:
            ctypes.CDLL(str(path), mode=os.RTLD_NOW | os.RTLD_LOCAL)
            error = None
        except OSError as exc:
            error = str(exc)
        print(json.dumps({"file": str(path.relative_to(root)), "error": error}), flush=True)
    os._exit(0)  # no finalisation: the libraries were never initialised as Python modules


def icu_results() -> dict[str, object]:
    from PySide6.QtCore import (
        QCollator,
        QDate,
        QDateTime,
        QLocale,
        QStringDecoder,
        Qt,
        QTime,
        QTimeZone,
    )

    out: dict[str, object] = {}
    for name in LOCALES:
        loc = QLocale(name)
        for numeric in (False, True):
            for case in (Qt.CaseSensitivity.CaseSensitive, Qt.CaseSensitivity.CaseInsensitive):
                c = QCollator(loc)
                c.setNumericMode(numeric)
                c.setCaseSensitivity(case)
                key = f"collate/{name}/{numeric}/{case.name}"
                out[key] = sorted(WORDS, key=cmp_to_key(c.compare))
                out[key + "/keys"] = [c.sortKey(w).compare(c.sortKey("m")) for w in WORDS]
        out[f"upper/{name}"] = loc.toUpper("istanbul ǆ straße ﬁ ıi été حلب")
        out[f"lower/{name}"] = loc.toLower("İSTANBUL ǅ ΣΑΣ ÉTÉ")
        for zone in ZONES:
            tz = QTimeZone(zone.encode())
            for t in QTimeZone.TimeType:
                for n in QTimeZone.NameType:
                    out[f"zone/{name}/{zone}/{t.name}/{n.name}"] = tz.displayName(t, n, loc)
        when = QDateTime(QDate(2026, 7, 14), QTime(13, 5, 9), QTimeZone(b"Europe/Paris"))
        for f in QLocale.FormatType:
            out[f"datetime/{name}/{f.name}"] = loc.toString(when, f)
        out[f"numbers/{name}"] = [loc.toString(1234567.891, "f", 2), loc.toCurrencyString(1234.5),
                                  loc.nativeLanguageName(), loc.nativeTerritoryName()]  # fmt: skip
    for cs in CHARSETS:
        d = QStringDecoder(cs)
        out[f"charset/{cs}"] = d.name() if d.isValid() else None
    maps = Path("/proc/self/maps").read_text(encoding="utf-8").splitlines()
    out["icudata"] = sorted({line.split()[-1] for line in maps if "libicudata" in line})
    return out


if __name__ == "__main__":
    if sys.argv[1:2] == ["dlopen"]:
        dlopen_all(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["icu"]:
        print(json.dumps(icu_results(), ensure_ascii=False))
    else:
        sys.exit(__doc__)
