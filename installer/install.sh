#!/usr/bin/env bash
# Install NIA Desktop for all users on an offline machine, after checking the build's signature and checksums.
#   sudo ./install.sh --fingerprint SHA256_OF_RELEASE_KEY [--prefix /opt/nia-desktop] [--bindir /usr/local/bin]
#                     [--datadir /usr/share] [--no-self-test]
# The release key's fingerprint comes from the release manager by another channel: release.pem beside this
# script is trusted only if its fingerprint matches. Nothing is fetched; vaults are never touched.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
prefix=/opt/nia-desktop
bindir=/usr/local/bin
datadir=/usr/share
expected=""
self_test=1
while [ $# -gt 0 ]; do
    case "$1" in
        --fingerprint) expected="${2// /}"; shift 2 ;;
        --prefix) prefix="$2"; shift 2 ;;
        --bindir) bindir="$2"; shift 2 ;;
        --datadir) datadir="$2"; shift 2 ;;
        --no-self-test) self_test=0; shift ;;
        *) echo "usage: install.sh --fingerprint SHA256 [--prefix DIR] [--bindir DIR] [--datadir DIR] [--no-self-test]" >&2
           exit 2 ;;
    esac
done
fail() { echo "install.sh: $*" >&2; exit 1; }
for tool in openssl sha256sum; do command -v "$tool" >/dev/null || fail "$tool is needed (apt-get install $tool)"; done
cd "$here"
for file in SHA256SUMS SHA256SUMS.sig release.pem; do [ -f "$file" ] || fail "$file is missing: not a complete build"; done
actual=$(openssl pkey -pubin -in release.pem -outform DER 2>/dev/null | sha256sum | cut -d' ' -f1)
if [ -z "$expected" ]; then
    echo "The release key's SHA-256 fingerprint is:"
    echo "  $actual"
    echo "Compare it with the fingerprint the release manager gave you, then run again with --fingerprint."
    exit 1
fi
[ "$actual" = "$expected" ] || fail "release key fingerprint $actual is not the expected $expected: refusing"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
printf 'NIA-RELEASE-SUMS-v1\0' | cat - SHA256SUMS > "$scratch/signed"
openssl pkeyutl -verify -pubin -inkey release.pem -rawin -in "$scratch/signed" -sigfile SHA256SUMS.sig >/dev/null 2>&1 \
    || fail "SHA256SUMS is not signed by the release key: refusing"
sha256sum --quiet --strict -c SHA256SUMS 2>/dev/null || fail "a file does not match SHA256SUMS: refusing"
find . \( -type f -o -type l \) ! -name SHA256SUMS ! -name SHA256SUMS.sig ! -name release.pem | sed 's|^\./||' \
    | LC_ALL=C sort > "$scratch/present"
sed 's/^[0-9a-f]\{64\}  //' SHA256SUMS | LC_ALL=C sort > "$scratch/listed"
cmp -s "$scratch/present" "$scratch/listed" || fail "files not listed in SHA256SUMS: $(comm -23 "$scratch/present" "$scratch/listed" | head -3 | tr '\n' ' ')"
while IFS= read -r -d '' link; do
    case "$(readlink -f "$link")" in
        "$here"/*) ;;
        *) fail "$link points outside the build: refusing" ;;
    esac
done < <(find . -type l -print0)
echo "signature and $(wc -l < SHA256SUMS) checksums verified"

mkdir -p "$(dirname "$prefix")" "$bindir" "$datadir/applications" "$datadir/icons/hicolor/scalable/apps"
staging="$prefix.new.$$"
rm -rf "$staging"
cp -R nia-desktop "$staging"
cp uninstall.sh "$staging/uninstall.sh"
chmod -R u=rwX,go=rX "$staging"
printf 'bindir=%s\ndatadir=%s\n' "$bindir" "$datadir" > "$staging/.installed"
if [ -e "$prefix" ]; then mv "$prefix" "$prefix.old.$$"; fi
mv "$staging" "$prefix"
rm -rf "$prefix.old.$$"
ln -sfn "$prefix/nia" "$bindir/nia"
ln -sfn "$prefix/nia-desktop" "$bindir/nia-desktop"
sed "s|/opt/nia-desktop|$prefix|g" nia-desktop.desktop > "$datadir/applications/nia-desktop.desktop"
cp nia-desktop.svg "$datadir/icons/hicolor/scalable/apps/nia-desktop.svg"
chmod 644 "$datadir/applications/nia-desktop.desktop" "$datadir/icons/hicolor/scalable/apps/nia-desktop.svg"
echo "installed in $prefix; commands in $bindir"
if [ "$self_test" = 1 ]; then
    env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen "$prefix/nia-desktop" --self-test >/dev/null 2>&1 \
        || fail "installed, but the self-test failed: run $prefix/nia-desktop --self-test to see why"
    echo "self-test passed"
fi
