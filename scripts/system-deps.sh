#!/bin/sh
# Installs the few Debian libraries PySide6's wheels load at run time (offscreen Qt needs
# fontconfig, EGL/GL and xkbcommon), only when they are missing and we may use apt-get.
missing=""
for lib in libEGL.so.1 libGL.so.1 libxkbcommon.so.0 libfontconfig.so.1 libdbus-1.so.3 libglib-2.0.so.0; do
  ldconfig -p 2>/dev/null | grep -q "$lib" || missing="$missing $lib"
done
pkgs="libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0"
# Qt draws text with system fonts; a bare container may have none (the PDF embeds its own).
if ! fc-list 2>/dev/null | grep -q .; then
  missing="$missing fonts"; pkgs="$pkgs fontconfig fonts-dejavu-core"
fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system libraries for Qt:$missing"
  (apt-get install -y -qq $pkgs >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq $pkgs)) >/dev/null 2>&1 \
    || echo "warning: could not install $pkgs; GUI tests may fail" >&2
else
  echo "warning: missing system libraries for Qt:$missing; install: sudo apt-get install $pkgs" >&2
fi
exit 0
