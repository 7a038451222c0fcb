#!/usr/bin/env bash
# Remove an installed NIA Desktop: the program folder, its commands, desktop entry and icon. Vaults (yours
# and every user's) are left alone: they are data, not the program.
#   sudo /opt/nia-desktop/uninstall.sh [--prefix /opt/nia-desktop]
set -euo pipefail
prefix=$(cd "$(dirname "$0")" && pwd)
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix="$2"; shift 2 ;;
        *) echo "usage: uninstall.sh [--prefix DIR]" >&2; exit 2 ;;
    esac
done
[ -f "$prefix/.installed" ] && [ -x "$prefix/nia" ] || { echo "uninstall.sh: no NIA Desktop installed in $prefix" >&2; exit 1; }
bindir=$(sed -n 's/^bindir=//p' "$prefix/.installed")
datadir=$(sed -n 's/^datadir=//p' "$prefix/.installed")
for command in nia nia-desktop; do
    link="$bindir/$command"
    if [ -L "$link" ] && [ "$(readlink "$link")" = "$prefix/$command" ]; then rm -f "$link"; fi
done
rm -f "$datadir/applications/nia-desktop.desktop" "$datadir/icons/hicolor/scalable/apps/nia-desktop.svg"
rm -rf "$prefix"
echo "removed NIA Desktop from $prefix; vaults were not touched"
