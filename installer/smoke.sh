#!/usr/bin/env bash
# Check the build carries none of Qt's networked parts; install it into a scratch prefix exactly as install.sh
# does on a target machine; run both self-tests inside `unshare -n` (no network at all); create a vault with
# the installed `nia`; uninstall, and check the vault is still there.
#   installer/smoke.sh dist/nia-desktop-VERSION-linux-x86_64
set -euo pipefail
build=$(cd "$1" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
networked=$(find "$build" \( -name 'libQt6Network*' -o -name 'libqvnc.so' -o -name 'libqtuiotouchplugin.so' \
    -o -name 'QtNetwork*' \) | head -3)
[ -z "$networked" ] || { echo "smoke: networked Qt parts in the build: $networked" >&2; exit 1; }
fingerprint=$(openssl pkey -pubin -in "$build/release.pem" -outform DER | sha256sum | cut -d' ' -f1)
"$build/install.sh" --fingerprint "$fingerprint" --prefix "$scratch/opt/nia-desktop" --bindir "$scratch/bin" \
    --datadir "$scratch/share" --no-self-test
offline="unshare -n"
$offline true 2>/dev/null || offline="unshare -rn"
export QT_QPA_PLATFORM=offscreen
env -u DISPLAY $offline "$scratch/bin/nia" --self-test
env -u DISPLAY $offline "$scratch/bin/nia-desktop" --self-test 2>/dev/null
NIA_PASSPHRASE=smoke-passphrase-1 "$scratch/bin/nia" init --vault "$scratch/vault" --officer olive \
    --kdf-memory 19 --kdf-time 2 >/dev/null
"$scratch/opt/nia-desktop/uninstall.sh"
[ ! -e "$scratch/opt/nia-desktop" ] && [ ! -e "$scratch/bin/nia" ] || { echo "smoke: uninstall left files" >&2; exit 1; }
[ -f "$scratch/vault/vault.json" ] || { echo "smoke: uninstall touched the vault" >&2; exit 1; }
echo "smoke test passed: installed, both self-tests offline, uninstalled, vault kept"
