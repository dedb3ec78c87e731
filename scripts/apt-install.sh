#!/bin/sh
# apt-install.sh WHAT PACKAGE...: installs Debian packages the build needs when we may (root with
# apt-get), else prints the command to run. Never fails the build: the callers degrade with a
# warning. Used by system-deps.sh (Qt's run-time libraries) and package-deps.sh (bundle tools).
what="$1"; shift
pkgs="$*"
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing $what: $pkgs"
  (apt-get install -y -qq $pkgs >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq $pkgs)) >/dev/null 2>&1 \
    || echo "warning: could not install $pkgs ($what)" >&2
else
  echo "warning: missing $what; install: sudo apt-get install $pkgs" >&2
fi
exit 0
