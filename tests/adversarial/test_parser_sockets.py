"""An exploited parser cannot talk: no socket of any family from a confined child, and nothing arrives.

The review sent UDP datagrams and pathname UNIX datagrams (to /dev/log) from a
child that Landlock already confined; these tests set up real listeners of
every kind and have a child try each (a test-only request the parent sends;
no file can ask for it).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nia_desktop.core.ingest import sandbox, seccomp
from nia_desktop.core.ingest.sandbox import SandboxPool
from tests import samples

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the child's confinement is Linux's")
FILTERED = seccomp.native_arch() is not None


class Listeners:
    """One listener per way out the test knows of; ``received`` drains them all."""

    def __init__(self, folder: Path) -> None:
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", 0))
        self.udp6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        try:
            self.udp6.bind(("::1", self.udp.getsockname()[1]))
        except OSError:  # no IPv6 loopback here
            self.udp6.close()
            self.udp6 = None  # type: ignore[assignment]
        self.tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.tcp.bind(("127.0.0.1", 0))
        self.tcp.listen()
        self.unix_stream_path = str(folder / "stream.sock")
        self.unix_stream = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.unix_stream.bind(self.unix_stream_path)
        self.unix_stream.listen()
        self.unix_dgram_path = str(folder / "log.sock")  # like /dev/log
        self.unix_dgram = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.unix_dgram.bind(self.unix_dgram_path)
        self.abstract_name = f"nia-test-{os.getpid()}-{id(self)}"
        self.abstract = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.abstract.bind("\0" + self.abstract_name)
        self.all = [s for s in (self.udp, self.udp6, self.tcp, self.unix_stream, self.unix_dgram, self.abstract) if s]
        for listener in self.all:
            listener.setblocking(False)

    def targets(self) -> dict[str, Any]:
        return {"udp_port": self.udp.getsockname()[1], "tcp_port": self.tcp.getsockname()[1],
                "unix_stream": self.unix_stream_path, "unix_dgram": self.unix_dgram_path,
                "abstract": self.abstract_name}

    def received(self) -> list[str]:
        """What reached any listener: datagrams, or a connection accepted."""
        got = []
        for listener in self.all:
            try:
                if listener.type == socket.SOCK_STREAM:
                    connection, _ = listener.accept()
                    connection.close()
                    got.append(f"connection on {listener}")
                else:
                    got.append(f"{listener.recv(100)!r} on {listener}")
            except BlockingIOError:
                pass
        return got

    def close(self) -> None:
        for listener in self.all:
            listener.close()


@pytest.fixture
def listeners(tmp_path: Path) -> Iterator[Listeners]:
    folder = Path(os.path.realpath(tmp_path)) / "s"  # AF_UNIX paths are limited to 107 bytes
    folder.mkdir()
    found = Listeners(folder)
    yield found
    found.close()


def _tries(targets: dict[str, Any]) -> dict[str, str]:
    """Every socket tried from a process confined by the parser children's own child.confine()."""
    path = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    done = subprocess.run([sys.executable, "-m", "tests.adversarial.socket_probe", json.dumps(targets)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60, check=True,
                          env={**os.environ, "PYTHONPATH": path})
    answer = json.loads(done.stdout)
    assert "seccomp=sockets-denied" in answer["confinement"]
    tries: dict[str, str] = answer["sockets"]
    return tries


def test_listeners_hear_an_unconfined_sender(listeners: Listeners) -> None:
    """The listeners work: the same datagrams sent from this (unconfined) test process do arrive."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sender:
        sender.sendto(b"leak", listeners.unix_dgram_path)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sender:
        sender.sendto(b"leak", ("127.0.0.1", listeners.targets()["udp_port"]))
    assert len(listeners.received()) == 2


@pytest.mark.skipif(not FILTERED, reason="no socket filter is written for this architecture")
def test_confined_child_creates_no_socket_and_nothing_arrives(listeners: Listeners) -> None:
    tries = _tries(listeners.targets())
    expected = ["tcp", "udp", "udp6", "unix_stream", "unix_dgram", "unix_abstract", "netlink", "raw", "ping",
                "packet", "socketpair", "pidfd_open", "process_vm_readv"]
    assert sorted(tries) == sorted(expected)
    assert tries == dict.fromkeys(expected, "EPERM")
    assert listeners.received() == []


@pytest.mark.skipif(not FILTERED, reason="no socket filter is written for this architecture")
def test_child_reports_its_confinement() -> None:
    with SandboxPool(size=1) as pool:
        confinement = pool.confinement()
        probe = pool.parse(b"", "probe", {"test_probe": True}).detected_type
    assert "seccomp=sockets-denied" in confinement
    assert confinement.startswith("landlock=") and " netns=" in confinement
    assert probe.startswith(confinement)  # the test probe adds what it could open


# A child whose kernel offers none of the mechanisms: the import must go on, and say so.
DEGRADED = textwrap.dedent("""
    import ctypes, os, sys
    from nia_desktop.core.ingest import child, landlock, seccomp
    from nia_desktop.core.ingest.limits import Limits
    child._preload()
    seccomp.ARCHES = {}  # an architecture without a filter
    landlock.abi_version = lambda: 0  # a kernel without Landlock

    class NoNamespaces:  # Debian, or a container: unshare(CLONE_NEWUSER) is refused
        def __init__(self, libc): self.libc = libc
        def __getattr__(self, name): return getattr(self.libc, name)
        def unshare(self, flags): return -1

    real = ctypes.CDLL
    child.ctypes.CDLL = lambda name, *a, **k: NoNamespaces(real(name, *a, **k)) if name is None else real(name, *a, **k)
    limits = Limits.from_json({k: int(v) for k, v in (a.split("=", 1) for a in sys.argv[1:])})
    os.umask(0o077)
    child.confine(limits)
    child.serve(sys.stdin.buffer, sys.stdout.buffer)
""")


def test_a_kernel_without_the_mechanisms_still_parses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "child_command", lambda limits: [sys.executable, "-c", DEGRADED, *(
        f"{k}={int(v)}" for k, v in limits.to_json().items())])
    with SandboxPool(size=1) as pool:
        assert pool.confinement() == "landlock=0 seccomp=off netns=0"
        assert pool.parse(samples.EN_REPORT.encode(), "fine.txt").ok


def test_a_file_cannot_ask_for_a_test_hook() -> None:
    """The hooks are keys of the request the parent writes; a file's bytes and name are only values in it."""
    hostile = b'{"test_sockets": {}, "test_reply": "00"}'
    with SandboxPool(size=1) as pool:
        result = pool.parse(hostile, '"test_reply": "00"')
        again = pool.parse(samples.EN_REPORT.encode(), "test_sockets.txt")
    assert result.ok or "malformed" not in result.reason
    assert again.ok and "sockets" not in again.documents[0]


@pytest.mark.skipif(not FILTERED, reason="no socket filter is written for this architecture")
def test_an_import_records_the_parser_confinement(vault_dir: Path, tmp_path: Path) -> None:
    import json

    from nia_desktop.services.importing import import_paths
    from nia_desktop.services.session import unlock
    from tests.conftest import ANALYST, ANALYST_PASS

    (tmp_path / "r.txt").write_text(samples.EN_REPORT)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        outcome = import_paths(session, [tmp_path / "r.txt"])
        rows = session.db.query("SELECT details FROM audit WHERE action = 'report.import' ORDER BY seq DESC")
    assert "seccomp=sockets-denied" in outcome.to_json()["confinement"]
    assert "seccomp=sockets-denied" in json.loads(rows[0][0])["confinement"]
