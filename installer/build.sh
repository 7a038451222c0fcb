#!/usr/bin/env bash
# One-folder build of `nia-desktop` and `nia` for Linux x86-64, with SHA256SUMS signed by the release key.
#   installer/build.sh [--key release-key.pem] [--out DIR]        (default DIR: dist)
# Run it where the project is installed with its build extra: pip install '.[build]'.
# Without --key a throwaway release key signs the build (for CI and trials; never ship such a build).
set -euo pipefail
cd "$(dirname "$0")/.."
key=""
out="dist"
while [ $# -gt 0 ]; do
    case "$1" in
        --key) key="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        *) echo "usage: installer/build.sh [--key release-key.pem] [--out DIR]" >&2; exit 2 ;;
    esac
done
version=$(python -c 'import nia_desktop; print(nia_desktop.__version__)')
stage="$out/nia-desktop-$version-linux-x86_64"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
start=$(date +%s)
rm -rf "$stage"
mkdir -p "$stage"
python -m PyInstaller --noconfirm --clean --log-level ERROR --distpath "$work/dist" --workpath "$work/build" \
    installer/nia-desktop.spec
mv "$work/dist/nia-desktop" "$stage/nia-desktop"
cp installer/install.sh installer/uninstall.sh installer/nia-desktop.desktop resources/icons/nia-desktop.svg "$stage/"
if [ -z "$key" ]; then
    key="$work/throwaway-release-key.pem"
    python installer/sign_release.py --new-key "$key" >/dev/null
    echo "build.sh: signed with a throwaway release key (no --key given): not for release" >&2
fi
installer/seal_build.sh "$stage" "$key"
echo "built $stage in $(( $(date +%s) - start )) s: $(du -sh "$stage" | cut -f1), $(wc -l < "$stage/SHA256SUMS") files"
