"""Issue 21 finding 10: on a machine without Qt's system libraries the app names the Debian
packages to install instead of Qt's abort (simulated: the loader is told a library is absent)."""

from __future__ import annotations

import pytest

from ui import app as app_module
from ui import syscheck

X11 = {"DISPLAY": ":0"}


def _without(*absent: str):
    return lambda soname: soname not in absent


def test_every_library_present_is_fine():
    assert syscheck.check(X11, loads=lambda _s: True, platform="linux") is None
    assert syscheck.check({}, loads=lambda _s: False, platform="win32") is None


def test_missing_xcb_cursor_names_its_package():
    code, params = syscheck.check(X11, loads=_without("libxcb-cursor.so.0"), platform="linux")
    assert code == "app.qt_libraries_missing"
    assert params["platform"] == "xcb"
    assert params["libraries"] == "libxcb-cursor.so.0"
    assert params["command"] == "sudo apt-get install libxcb-cursor0"


def test_offscreen_needs_only_the_base_libraries():
    env = {"QT_QPA_PLATFORM": "offscreen"}
    assert syscheck.check(env, loads=_without("libxcb-cursor.so.0"), platform="linux") is None
    _code, params = syscheck.check(env, loads=_without("libEGL.so.1", "libGL.so.1"),
                                  platform="linux")  # fmt: skip
    assert params["packages"] == "libegl1 libgl1"


def test_wayland_and_no_display():
    env = {"WAYLAND_DISPLAY": "wayland-0"}
    assert syscheck.platform_plugin(env) == "wayland"
    _code, params = syscheck.check(env, loads=_without("libwayland-client.so.0"), platform="linux")
    assert params["packages"] == "libwayland-client0"
    assert syscheck.check({}, loads=lambda _s: True, platform="linux") == ("app.no_display", {})


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_main_prints_the_packages_and_never_builds_qt(monkeypatch, capsys, language):
    real = syscheck.check
    monkeypatch.setattr(
        syscheck, "check",
        lambda: real(X11, loads=_without("libxcb-cursor.so.0", "libxcb-icccm.so.4"),
                     platform="linux"),
    )  # fmt: skip

    def no_qt(*_a, **_k):
        raise AssertionError("Qt must not start")

    monkeypatch.setattr(app_module, "build", no_qt)
    assert app_module.main(["--language", language]) == 1
    err = capsys.readouterr().err
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in err
    assert "Traceback" not in err and "could not load" not in err
    if language == "fr":
        assert "bibliothèques système" in err
    if language == "ar":
        assert "مكتبات" in err


def test_this_machine_passes_the_check_offscreen(monkeypatch):
    """The real loader on this machine: the test environment itself runs Qt offscreen."""
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert syscheck.check() is None
