"""The socket filter on its own: its BPF program, and what a process that installed it can still do."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from nia_desktop.core.ingest import seccomp


@pytest.mark.parametrize("machine", sorted(seccomp.ARCHES))
def test_program_jumps_land_on_allow_or_deny(machine: str) -> None:
    arch = seccomp.ARCHES[machine]
    instructions = seccomp.program(arch)
    deny = len(instructions) - 1
    assert instructions[-1] == (seccomp.BPF_RET_K, 0, 0, seccomp.SECCOMP_RET_ERRNO | seccomp.EPERM)
    assert instructions[-2] == (seccomp.BPF_RET_K, 0, 0, seccomp.SECCOMP_RET_ALLOW)
    assert instructions[0] == (seccomp.BPF_LD_W_ABS, 0, 0, seccomp.OFFSET_ARCH)
    assert instructions[1][3] == arch.audit and 2 + instructions[1][2] == deny  # another ABI: denied
    denied = {k for code, _jt, _jf, k in instructions[3:-2] if code == seccomp.BPF_JEQ_K}
    assert set(arch.denied) <= denied
    for position, (code, jt, jf, _k) in enumerate(instructions[3:-2], start=3):
        assert position + 1 + jt == deny and jf == 0, (position, code)
    assert any(code == seccomp.BPF_JGE_K and k == seccomp.X32_SYSCALL_BIT
               for code, _jt, _jf, k in instructions) is arch.x32


CHILD = textwrap.dedent("""
    import ctypes, errno, json, os, socket
    from nia_desktop.core.ingest import seccomp
    state = seccomp.deny_sockets()
    out = {"state": state}
    for name, family, kind in [("inet", socket.AF_INET, socket.SOCK_DGRAM), ("unix", socket.AF_UNIX, socket.SOCK_DGRAM),
                               ("netlink", socket.AF_NETLINK, socket.SOCK_RAW)]:
        try:
            socket.socket(family, kind).close()
            out[name] = "ok"
        except OSError as exc:
            out[name] = errno.errorcode[exc.errno]
    try:
        socket.socketpair()
        out["socketpair"] = "ok"
    except OSError as exc:
        out["socketpair"] = errno.errorcode[exc.errno]
    libc = ctypes.CDLL(None, use_errno=True)
    if seccomp.native_arch() is seccomp.ARCHES.get("x86_64"):  # getpid through the x32 ABI
        result = libc.syscall(ctypes.c_long(seccomp.X32_SYSCALL_BIT | 39))
        out["x32"] = "ok" if result >= 0 else errno.errorcode[ctypes.get_errno()]
    with open(os.devnull, "rb") as handle:  # everything else still works
        out["read"] = handle.read()
    out["pid"] = os.getpid() > 0
    print(json.dumps(out, default=str))
""")


@pytest.mark.skipif(seccomp.native_arch() is None, reason="no socket filter is written for this architecture")
def test_a_filtered_process_can_create_no_socket_but_runs() -> None:
    import json

    done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=60, check=True)
    out = json.loads(done.stdout)
    assert out["state"] == "sockets-denied"
    assert (out["inet"], out["unix"], out["netlink"], out["socketpair"]) == ("EPERM",) * 4
    if "x32" in out:
        assert out["x32"] == "EPERM"  # refused by the filter (without it: ENOSYS, or the pid where x32 is on)
    assert out["read"] == "b''" and out["pid"] is True


def test_unknown_architecture_installs_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(seccomp, "ARCHES", {})
    assert seccomp.native_arch() is None
    assert seccomp.deny_sockets() == "unsupported-arch"
