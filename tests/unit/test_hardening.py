"""Process hardening at start: umask 077, no core dumps, not dumpable."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import os, resource
from nia_desktop.core.hardening import harden_process, is_dumpable
harden_process()
mask = os.umask(0); os.umask(mask)
print(oct(mask), resource.getrlimit(resource.RLIMIT_CORE), is_dumpable())
"""


def test_harden_process() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == "0o77"
    assert " ".join(out[1:3]) == "(0, 0)"
    assert out[3] == "False"


def test_cli_applies_hardening(tmp_path) -> None:  # type: ignore[no-untyped-def]
    probe = ("import sys, os; from nia_desktop.cli import main as m; "
             "sys.exit(m.main(['init', '--officer', 'xo', '--kdf-memory', '19', '--kdf-time', '2'])) ")
    env = {"NIA_VAULT": str(tmp_path / "v"), "NIA_PASSPHRASE": "harden-passphrase", "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-c", probe], env=env, check=True, capture_output=True)
    for path in (tmp_path / "v").iterdir():
        assert path.stat().st_mode & 0o077 == 0, path
