"""install.sh and uninstall.sh on a small stand-in build (the real build is made and smoke-tested by .ci/run with
installer/build.sh and installer/smoke.sh): signature, checksums and fingerprint checked before anything is
installed; uninstall leaves vaults alone."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"


def sh(*command: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in command], capture_output=True, text=True, check=False, cwd=cwd,
                          env={"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin"})


@pytest.fixture
def build(tmp_path: Path) -> tuple[Path, str]:
    """A build folder laid out as build.sh lays it out, its programs replaced by scripts that pass a self-test."""
    stage = tmp_path / "nia-desktop-0.0.0-linux-x86_64"
    program = stage / "nia-desktop"
    (program / "_internal").mkdir(parents=True)
    for name in ("nia", "nia-desktop"):
        (program / name).write_text("#!/bin/sh\necho 'self-test passed'\n")
        (program / name).chmod(0o755)
    (program / "_internal" / "library with spaces.so").write_bytes(b"\x7fELF stand-in")
    (program / "_internal" / "libQt6Core.so.6").symlink_to("library with spaces.so")  # as PyInstaller links
    for name in ("install.sh", "uninstall.sh", "nia-desktop.desktop"):
        shutil.copy2(INSTALLER / name, stage / name)
    shutil.copy2(ROOT / "resources" / "icons" / "nia-desktop.svg", stage)
    key = tmp_path / "release-key.pem"
    assert sh(sys.executable, INSTALLER / "sign_release.py", "--new-key", key).returncode == 0
    sealed = sh(INSTALLER / "seal_build.sh", stage, key)
    assert sealed.returncode == 0, sealed.stderr
    fingerprint = sealed.stdout.split("fingerprint ")[1].strip()
    return stage, fingerprint


def install(stage: Path, target: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return sh(stage / "install.sh", "--prefix", target / "opt" / "nia-desktop", "--bindir", target / "bin",
              "--datadir", target / "share", *extra)


def test_install_checks_everything_then_uninstall_keeps_vaults(build: tuple[Path, str], tmp_path: Path) -> None:
    stage, fingerprint = build
    target = tmp_path / "root"
    asked = install(stage, target)
    assert asked.returncode == 1 and fingerprint in asked.stdout  # shown for comparison, nothing installed
    assert not (target / "opt").exists()
    wrong = install(stage, target, "--fingerprint", "0" * 64)
    assert wrong.returncode == 1 and "not the expected" in wrong.stderr and not (target / "opt").exists()
    done = install(stage, target, "--fingerprint", fingerprint)
    assert done.returncode == 0, done.stderr
    assert "signature and" in done.stdout and "self-test passed" in done.stdout
    prefix = target / "opt" / "nia-desktop"
    assert (target / "bin" / "nia").resolve() == (prefix / "nia").resolve()
    assert (prefix / "_internal" / "libQt6Core.so.6").is_symlink()  # links stay links, inside the install
    entry = (target / "share" / "applications" / "nia-desktop.desktop").read_text()
    assert f"Exec={prefix}/nia-desktop" in entry
    assert (target / "share" / "icons" / "hicolor" / "scalable" / "apps" / "nia-desktop.svg").exists()
    vault = tmp_path / "home" / ".local" / "share" / "nia-desktop" / "vault"
    vault.mkdir(parents=True)
    (vault / "vault.json").write_text("{}")
    removed = sh(prefix / "uninstall.sh")
    assert removed.returncode == 0, removed.stderr
    assert not prefix.exists() and not (target / "bin" / "nia").exists()
    assert not (target / "share" / "applications" / "nia-desktop.desktop").exists()
    assert (vault / "vault.json").read_text() == "{}"


@pytest.mark.parametrize("damage", ["altered file", "extra file", "bad signature", "missing sums", "re-pointed link",
                                    "extra link"])
def test_a_damaged_build_is_refused_before_anything_is_installed(build: tuple[Path, str], tmp_path: Path,
                                                                  damage: str) -> None:
    stage, fingerprint = build
    if damage == "altered file":
        (stage / "nia-desktop" / "nia").write_text("#!/bin/sh\necho trojan\n")
    elif damage == "extra file":
        (stage / "nia-desktop" / "_internal" / "extra.so").write_bytes(b"not listed")
    elif damage == "bad signature":
        signature = bytearray((stage / "SHA256SUMS.sig").read_bytes())
        signature[0] ^= 1
        (stage / "SHA256SUMS.sig").write_bytes(bytes(signature))
    elif damage == "re-pointed link":
        evil = tmp_path / "evil.so"
        evil.write_bytes(b"\x7fELF stand-in")  # even the same bytes: outside the build is refused
        link = stage / "nia-desktop" / "_internal" / "libQt6Core.so.6"
        link.unlink()
        link.symlink_to(evil)
    elif damage == "extra link":
        (stage / "nia-desktop" / "_internal" / "libextra.so").symlink_to("library with spaces.so")
    else:
        (stage / "SHA256SUMS").unlink()
    refused = install(stage, tmp_path / "root", "--fingerprint", fingerprint)
    assert refused.returncode == 1 and "install.sh:" in refused.stderr, refused.stdout + refused.stderr
    assert not (tmp_path / "root" / "opt").exists() and not (tmp_path / "root" / "bin").exists()
