"""Before Qt starts: are the system libraries its platform plugin loads present? (issue 21, 10)

PySide6 installed with pip brings Qt but not the Debian libraries Qt's platform plugins load at
run time. Without them Qt prints "could not load the Qt platform plugin xcb" and aborts the
process. This module tries to load each of them first (``ctypes``, the same loader Qt uses, no
Qt import) and names the packages that provide the missing ones, so ``workbench-gui`` can say
what to install instead of aborting. It imports nothing from Qt, so it costs a few milliseconds.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

#: soname → Debian package, for every platform plugin (fonts, OpenGL, keyboard, D-Bus)
BASE = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}
#: what the xcb (X11) plugin loads besides (Qt 6.5+: xcb-cursor is the one most often missing)
XCB = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11-xcb.so.1": "libx11-xcb1",
}
WAYLAND = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def platform_plugin(env: Mapping[str, str]) -> str:
    """The plugin Qt will pick: ``QT_QPA_PLATFORM``'s first choice, else wayland or xcb."""
    chosen = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen
    if env.get("WAYLAND_DISPLAY") and not env.get("DISPLAY"):
        return "wayland"
    return "xcb"


def needed(plugin: str) -> dict[str, str]:
    extra = {"xcb": XCB, "wayland": WAYLAND}.get(plugin, {})
    return {**BASE, **extra}


def check(
    env: Mapping[str, str] | None = None,
    loads: Callable[[str], bool] = _loads,
    platform: str = sys.platform,
) -> tuple[str, dict[str, str]] | None:
    """None when Qt can start; else (message code, params) for the user.

    Only Linux is checked (Windows and macOS wheels carry what they need)."""
    if not platform.startswith("linux"):
        return None
    env = os.environ if env is None else env
    plugin = platform_plugin(env)
    missing = {so: pkg for so, pkg in needed(plugin).items() if not loads(so)}
    if missing:
        packages = " ".join(dict.fromkeys(missing.values()))
        return "app.qt_libraries_missing", {
            "platform": plugin,
            "libraries": ", ".join(missing),
            "packages": packages,
            "command": f"sudo apt-get install {packages}",
        }
    if plugin == "xcb" and not env.get("DISPLAY"):
        return "app.no_display", {}
    if plugin == "wayland" and not env.get("WAYLAND_DISPLAY"):
        return "app.no_display", {}
    return None
