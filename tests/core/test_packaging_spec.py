"""The PyInstaller spec ships every data folder the app reads at run time."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import workbench.paths as paths

ROOT = Path(__file__).resolve().parents[2]


def _datas() -> ModuleType:
    spec = importlib.util.spec_from_file_location("datas", ROOT / "packaging" / "datas.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _runtime_data() -> list[str]:
    return list(_datas().RUNTIME_DATA)


def _package_data() -> list[str]:
    return list(_datas().PACKAGE_DATA)


def test_spec_uses_the_data_lists() -> None:
    text = (ROOT / "packaging" / "workbench.spec").read_text(encoding="utf-8")
    assert "RUNTIME_DATA" in text and "PACKAGE_DATA" in text and "datas=datas" in text


def test_every_folder_the_paths_helper_resolves_is_bundled(monkeypatch) -> None:
    monkeypatch.setenv("WORKBENCH_ROOT", str(ROOT))
    needed = {
        paths.library_dir(), paths.sample_dir(), paths.fonts_dir(), paths.translations_dir(),
        paths.resource("plan_templates"), paths.resource("icons"),
    }  # fmt: skip
    bundled = {ROOT / d for d in _runtime_data()}
    assert needed <= bundled, sorted(str(p) for p in needed - bundled)


def test_every_resources_subfolder_in_the_repo_is_bundled() -> None:
    bundled = set(_runtime_data())
    present = {f"resources/{p.name}" for p in (ROOT / "resources").iterdir() if p.is_dir()}
    assert present <= bundled, sorted(present - bundled)
    assert "indicator_library" in bundled


def test_every_data_file_inside_the_packages_is_bundled() -> None:
    """A non-Python file under workbench/ or ui/ (JSON catalogs …) is read next to its module;
    PyInstaller does not collect it unless a PACKAGE_DATA folder holds it."""
    folders = [ROOT / d for d in _package_data()]
    missing = []
    for pkg in ("workbench", "ui"):
        for f in (ROOT / pkg).rglob("*"):
            if not f.is_file() or "__pycache__" in f.parts:
                continue
            if f.suffix in (".py", ".pyc", ".pyi") or f.name == "py.typed":
                continue
            if not any(folder in f.parents for folder in folders):
                missing.append(str(f.relative_to(ROOT)))
    assert not missing, missing


def test_package_data_folders_exist() -> None:
    for d in _package_data():
        assert (ROOT / d).is_dir() and any((ROOT / d).iterdir()), d


def test_packaging_is_not_part_of_make_test() -> None:
    """`make test` must stay fast and need no PyInstaller: it never runs the bundle build."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lines = makefile.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("test:"))
    recipe = []
    for line in lines[start + 1 :]:
        if not line.startswith("\t") and line.strip() and not line.startswith(" "):
            break
        recipe.append(line)
    assert "package" not in lines[start] and not any("packaging" in r for r in recipe)


def _packaging_module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        f"packaging_{name}", ROOT / "packaging" / f"{name}.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


def test_linux_launcher_picks_the_program_by_the_name_it_was_started_by(tmp_path) -> None:
    """One executable on Linux: `workbench-gui` (a link to `workbench`, or a link to that link)
    starts the app, anything else the command line."""
    started_as_gui = _packaging_module("launch").started_as_gui
    exe = tmp_path / "bundle" / "workbench"
    exe.parent.mkdir()
    exe.write_text("")
    gui = exe.parent / "workbench-gui"
    gui.symlink_to("workbench")
    mine = tmp_path / "dsw"  # a user's own link to the app
    mine.symlink_to(gui)
    other = tmp_path / "wb"  # … and to the command line
    other.symlink_to(exe)
    assert started_as_gui(str(gui)) and started_as_gui(str(mine))
    assert started_as_gui("workbench-gui")  # started through PATH
    assert not started_as_gui(str(exe)) and not started_as_gui(str(other))
    assert not started_as_gui("workbench") and not started_as_gui("/nonexistent/x")


def test_the_spec_ships_one_executable_on_linux_only() -> None:
    text = (ROOT / "packaging" / "workbench.spec").read_text(encoding="utf-8")
    assert 'ONE_EXECUTABLE = sys.platform.startswith("linux")' in text
    assert "launch_gui.py" in text and "launch_cli.py" in text and "launch.py" in text
    assert 'symlink_to("workbench")' in text


def _cnv(max_bytes: int) -> bytes:
    header = (32).to_bytes(2, "little") + bytes(30)  # ICU data header, 32 bytes
    static = bytearray(100)
    static[71] = max_bytes  # UConverterStaticData.maxBytesPerChar
    return header + bytes(static)


def test_icu_trim_keeps_what_qt_can_reach_for_the_app_languages() -> None:
    icu = _packaging_module("icu_trim")

    def reason(name: str, data: bytes = b"") -> str | None:
        return icu.drop_reason(icu.Item(name, data))

    kept = ["root.res", "pool.res", "res_index.res", "supplementalData.res", "likelySubtags.res",
            "zoneinfo64.res", "metaZones.res", "coll/ucadata.icu", "coll/root.res", "coll/ar.res",
            "coll/es__TRADITIONAL.res", "coll/en_US_POSIX.res", "zone/fr_CA.res", "zone/root.res",
            "zone/tzdbNames.res", "es_419.res", "ar_001.res", "uprops.icu", "nfkc.nrm",
            "cnvalias.icu"]  # fmt: skip
    for name in kept:
        assert reason(name) is None, name
    assert reason("windows-1256.cnv", _cnv(1)) is None  # single-byte charsets stay
    assert reason("gb18030.cnv", _cnv(4)) == "multi-byte charset"
    dropped = ["de.res", "zh_Hant_TW.res", "coll/zh.res", "coll/sr_Latn_BA.res", "zone/ja.res",
               "brkitr/cjdict.dict", "brkitr/root.res", "translit/root.res", "lang/ar.res",
               "region/fr.res", "curr/pool.res", "unit/en.res", "rbnf/es.res",
               "no_NO_NY.res"]  # fmt: skip
    for name in dropped:
        assert reason(name), name


def test_icu_trim_falls_back_when_the_library_is_not_icu_data(tmp_path) -> None:
    icu = _packaging_module("icu_trim")
    fake = tmp_path / "libicudata.so.73"
    fake.write_bytes(b"not an ELF file")
    path, why = icu.trim(fake, tmp_path / "work")
    assert path is None and why


def test_strip_keeps_a_file_whose_loaded_image_would_change(tmp_path) -> None:
    """binaries.load_image covers the ELF header (less the section-header fields), the program
    headers and every PT_LOAD segment's bytes; anything outside the segments may change."""
    import struct

    binaries = _packaging_module("binaries")
    ehdr = bytearray(64)
    ehdr[:6] = b"\x7fELF\x02\x01"
    struct.pack_into("<Q", ehdr, 32, 64)  # e_phoff
    struct.pack_into("<HH", ehdr, 54, 56, 1)  # e_phentsize, e_phnum
    phdr = struct.pack("<IIQQQQQQ", 1, 4, 0, 0, 0, 200, 200, 0x1000)  # one PT_LOAD, 200 bytes
    body = bytes(range(80))
    a = tmp_path / "a.so"
    a.write_bytes(bytes(ehdr) + phdr + body + b"symbols outside the segment")
    b = tmp_path / "b.so"
    shifted = bytearray(ehdr)
    struct.pack_into("<Q", shifted, 40, 999)  # another e_shoff: not mapped, not compared
    b.write_bytes(bytes(shifted) + phdr + body)
    assert binaries.load_image(a) == binaries.load_image(b)
    c = tmp_path / "c.so"
    c.write_bytes(bytes(ehdr) + phdr + body[:-1] + b"X")  # a mapped byte changed
    assert binaries.load_image(a) != binaries.load_image(c)
    assert binaries.load_image(tmp_path / "a.so") is not None
    (tmp_path / "t.txt").write_text("text")
    assert binaries.load_image(tmp_path / "t.txt") is None


def test_the_bundle_lock_pins_every_runtime_dependency() -> None:
    """``packaging/requirements-lock-*.txt`` rebuilds the bundle offline: a dependency added to
    pyproject.toml but not to the lock (python-docx and threadpoolctl were, once) would be missing
    from an offline rebuild. Re-run ``packaging/lock.py`` after adding one."""
    import re
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra in ("gui", "package"):
        wanted += project["optional-dependencies"][extra]

    def canonical(name: str) -> str:
        return re.sub(r"[-_.]+", "-", name).lower()

    names = {canonical(re.split(r"[\[<>=!~; ]", req, maxsplit=1)[0]) for req in wanted}
    for lock in sorted((ROOT / "packaging").glob("requirements-lock-*.txt")):
        pinned = {
            canonical(line.split("==", 1)[0])
            for line in lock.read_text(encoding="utf-8").splitlines()
            if "==" in line and not line.startswith((" ", "#"))
        }
        missing = sorted(names - pinned)
        assert not missing, f"{lock.name} lacks {missing}: re-run packaging/lock.py"
