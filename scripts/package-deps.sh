#!/bin/sh
# Build tools `make package` uses on Linux to keep the bundle under 250 MB: binutils (strip, as,
# ld) and ICU's icupkg (Debian/Ubuntu package icu-devtools) to trim Qt's ICU data. Installed only
# when missing and we may use apt-get; without them the build still succeeds, with a warning, and
# the bundle is about 35 MB larger.
[ "$(uname -s)" = "Linux" ] || exit 0
pkgs=""
for tool in strip as ld; do
  command -v "$tool" >/dev/null 2>&1 || { pkgs="binutils"; break; }
done
command -v icupkg >/dev/null 2>&1 || pkgs="$pkgs icu-devtools"
[ -z "$pkgs" ] && exit 0
sh "$(dirname "$0")/apt-install.sh" "packaging tools (the bundle will be larger without them)" $pkgs
