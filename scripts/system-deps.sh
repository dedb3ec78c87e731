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
sh "$(dirname "$0")/apt-install.sh" "system libraries for Qt (missing:$missing)" $pkgs
