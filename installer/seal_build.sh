#!/usr/bin/env bash
# SHA256SUMS over every file of a build folder, signed with the release key (installer/sign_release.py).
#   installer/seal_build.sh STAGE_DIR RELEASE_KEY_PEM
set -euo pipefail
stage="$1"
key="$2"
here=$(cd "$(dirname "$0")" && pwd)
sums=$(mktemp)
trap 'rm -f "$sums"' EXIT
rm -f "$stage/SHA256SUMS" "$stage/SHA256SUMS.sig" "$stage/release.pem"
# Symbolic links are listed too (PyInstaller links libraries into place): their checksum is their target's.
(cd "$stage" && find . \( -type f -o -type l \) | sed 's|^\./||' | LC_ALL=C sort | tr '\n' '\0' | xargs -0 sha256sum > "$sums")
mv "$sums" "$stage/SHA256SUMS"
chmod 644 "$stage/SHA256SUMS"
python "$here/sign_release.py" "$stage/SHA256SUMS" --key "$key"
