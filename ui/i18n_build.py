"""Update and compile the interface catalogs: ``python -m ui.i18n_build``.

1. ``pyside6-lupdate`` extracts every ``tr()`` / ``QCoreApplication.translate()`` string of ``ui/``
   into ``resources/translations/workbench_<lang>.ts`` (Qt Linguist files, editable by translators).
2. Untranslated entries are filled from ``resources/translations/<lang>_seed.json`` (source text →
   translation, or a list of plural forms for ``%n`` strings); English gets only its plural forms.
   Translations already in a ``.ts`` (e.g. made in Qt Linguist) are kept.
3. ``pyside6-lrelease`` compiles each ``.ts`` to the ``.qm`` the app loads with ``QTranslator``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from workbench.languages import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "translations"
#: language → Qt Linguist target locale, from the language registry (workbench/languages.py)
LANGS = {lang.code: lang.ts_locale for lang in LANGUAGES if "app" in lang.catalogues}


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (pip install PySide6-Essentials).")
    return found


def english_forms(source: str) -> list[str]:
    if "(s)" in source:
        return [source.replace("(s)", ""), source.replace("(s)", "s")]
    if source == "%n entries":
        return ["%n entry", "%n entries"]
    return [source, source]


def fill(ts: Path, lang: str, seed: dict[str, object]) -> tuple[int, int]:
    tree = ET.parse(ts)
    done = total = 0
    for msg in tree.iter("message"):
        total += 1
        src = msg.findtext("source") or ""
        tr = msg.find("translation")
        assert tr is not None
        numerus = msg.get("numerus") == "yes"
        have = [f.text for f in tr.findall("numerusform")] if numerus else [tr.text]
        if tr.get("type") != "unfinished" and any(have):
            done += 1
            continue
        value = english_forms(src) if lang == "en" and numerus else seed.get(src)
        if value is None:
            continue
        for child in list(tr):
            tr.remove(child)
        if numerus:
            forms = value if isinstance(value, list) else [value, value]
            for form in forms:
                ET.SubElement(tr, "numerusform").text = str(form)
        else:
            tr.text = str(value[0] if isinstance(value, list) else value)
        tr.attrib.pop("type", None)
        done += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return done, total


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    for lang, locale in LANGS.items():
        seed_file = OUT / f"{lang}_seed.json"
        if lang != "en" and not seed_file.exists():
            continue  # not translated yet: the app offers only languages with a catalog
        ts = OUT / f"workbench_{lang}.ts"
        args = [_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none"]
        if lang == "en":
            args.append("-pluralonly")
        subprocess.run(
            [*args, "-target-language", locale, "-ts", str(ts)], check=True, capture_output=True
        )
        seed = json.loads(seed_file.read_text(encoding="utf-8")) if seed_file.exists() else {}
        done, total = fill(ts, lang, seed)
        subprocess.run(
            [_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=True,
            capture_output=True,
        )
        print(f"{lang}: {done}/{total} translated → {ts.with_suffix('.qm').name}")
    return 0


def untranslated(lang: str) -> list[str]:
    """Source texts of ``lang``'s catalog still without a translation (for tests and CI)."""
    tree = ET.parse(OUT / f"workbench_{lang}.ts")
    return [
        m.findtext("source") or ""
        for m in tree.iter("message")
        if (tr := m.find("translation")) is not None and tr.get("type") == "unfinished"
    ]


if __name__ == "__main__":
    sys.exit(main())
