#!/usr/bin/env bash
# On a connected build machine: download every wheel the project needs (with the test and build extras) into
# a wheelhouse, plus the project's own wheel, so an air-gapped machine installs with no index at all:
#   installer/wheelhouse.sh [DIR]                     (default: wheelhouse)
#   then, offline:  pip install --no-index --find-links DIR 'nia-desktop[test,build]'
# Same Python version and platform (CPython 3.11+, Linux x86-64) on both machines.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-wheelhouse}"
mkdir -p "$out"
python -m pip download --quiet --dest "$out" --only-binary=:all: '.[test,build]' 2>/dev/null \
    || python -m pip download --quiet --dest "$out" '.[test,build]'
python -m pip wheel --quiet --no-deps --wheel-dir "$out" .
python -m pip download --quiet --dest "$out" pip setuptools wheel
(cd "$out" && sha256sum -- *.whl *.tar.gz 2>/dev/null > SHA256SUMS || true)
echo "wheelhouse $out: $(ls "$out" | grep -c '\.whl$') wheels, $(du -sh "$out" | cut -f1)"
