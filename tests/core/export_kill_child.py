"""Child process of test_core_export_kill.py: export the audit log of a vault and stop at one
point of the export (writing / renamed-not-committed / done), announce it by creating READY,
then wait to be killed with SIGKILL.

    python export_kill_child.py VAULT OUT MODE READY      (passphrase: WORKBENCH_PASSPHRASE)
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from workbench import export_writer
from workbench.service import Workbench
from workbench.settings import Settings


def _hold(ready: Path) -> None:
    ready.touch()
    time.sleep(120)  # killed long before


def main() -> None:
    vault, out, mode, ready = sys.argv[1], Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4])
    if mode == "writing":  # half of the bytes on disk under the temporary name
        real = export_writer._write_temp

        def half(target: export_writer.OutFile) -> Path:
            cut = export_writer.OutFile(target.path, target.data[: len(target.data) // 2])
            tmp = real(cut)
            _hold(ready)
            return tmp

        export_writer._write_temp = half
    elif mode == "renamed":  # files under their names, the completed entry not committed
        export_writer._sync_dir = lambda folder: _hold(ready)
    wb = Workbench(Settings())
    wb.open_vault(vault, os.environ["WORKBENCH_PASSPHRASE"])
    wb.export_audit(out)
    if mode == "done":
        _hold(ready)


if __name__ == "__main__":
    main()
