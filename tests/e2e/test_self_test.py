"""`nia --self-test` and `nia-desktop --self-test` pass with no network at all (inside `unshare -n`)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.e2e.conftest import NIA

DESKTOP = str(Path(NIA).with_name("nia-desktop"))


def without_network() -> list[str]:
    """A prefix that runs a command in a new network namespace: loopback down, no route anywhere."""
    for prefix in (["unshare", "-n"], ["unshare", "-rn"]):
        if subprocess.run([*prefix, "true"], capture_output=True, check=False).returncode == 0:
            return prefix
    pytest.fail("cannot make a network namespace (unshare -n, or -rn with user namespaces): the test needs one")


def run(*command: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NIA_", "DISPLAY", "WAYLAND"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([*without_network(), *command], capture_output=True, text=True, env=env, timeout=300,
                          check=False, stdin=subprocess.DEVNULL)


def test_cli_self_test_offline() -> None:
    probe = run("python3", "-c", "import socket; socket.create_connection(('192.0.2.1', 80), timeout=2)")
    assert probe.returncode != 0 and "unreachable" in probe.stderr.lower()  # really no network in there
    done = run(NIA, "--self-test", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    body = json.loads(done.stdout)
    assert body["ok"] and [s["name"] for s in body["steps"]] == ["vault", "import", "fuse", "briefing", "bundle"]


def test_desktop_self_test_offline() -> None:
    done = run(DESKTOP, "--self-test")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok    desktop" in done.stdout and "Japanese interface" in done.stdout
    assert done.stdout.strip().endswith("self-test passed")
