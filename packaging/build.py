"""Build the one-folder bundle for this platform, report its size, then run the smoke test.

    python packaging/build.py [--skip-smoke]

Prints the unpacked size and the largest parts of the bundle, so a change that bloats it shows.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUNDLE = DIST / "DurableSolutionsWorkbench"
TARGET_MB = 250


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def report_size(bundle: Path, top: int = 15) -> int:
    """Total unpacked size and the largest parts: the executables next to ``_internal`` (each
    embeds its own archive of Python modules) and the entries inside it. Symbolic links (the
    top-level aliases PyInstaller makes for libraries in sub-folders) count zero."""
    total = folder_size(bundle)
    internal = bundle / "_internal"
    children = [c for c in bundle.iterdir() if c != internal]
    if internal.exists():
        children += list(internal.iterdir())
    parts: list[tuple[int, str]] = []
    for child in children:
        if child.is_symlink():
            continue
        size = folder_size(child) if child.is_dir() else child.stat().st_size
        parts.append((size, str(child.relative_to(bundle))))
    parts.sort(reverse=True)
    print(f"bundle: {bundle}")
    print(f"unpacked size: {total / 1e6:.1f} MB (target < {TARGET_MB} MB)")
    print("largest parts:")
    for size, name in parts[:top]:
        print(f"  {size / 1e6:8.1f} MB  {name}")
    for child in sorted(bundle.iterdir()):
        if child.is_symlink():  # Linux: workbench-gui is the workbench executable by another name
            print(f"  {child.name} -> {child.readlink()} (symbolic link)")
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--skip-smoke", action="store_true")
    args = ap.parse_args()
    t0 = time.perf_counter()
    cmd = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
        "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller"),
        str(ROOT / "packaging" / "workbench.spec"),
    ]  # fmt: skip
    rc = subprocess.call(cmd, cwd=ROOT)
    if rc != 0:
        print("PyInstaller failed", file=sys.stderr)
        return rc
    print(f"built in {time.perf_counter() - t0:.0f} s")
    total = report_size(BUNDLE)
    if total > TARGET_MB * 1e6:
        print(f"WARNING: bundle exceeds {TARGET_MB} MB")
    if args.skip_smoke:
        return 0
    return subprocess.call([sys.executable, str(ROOT / "packaging" / "smoke_test.py"), str(BUNDLE)])


if __name__ == "__main__":
    sys.exit(main())
