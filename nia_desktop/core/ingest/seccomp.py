"""seccomp-BPF: a parser child may not create a socket of any family.

Landlock (landlock.py) stops opening files, TCP, and signals, but an exploited
parser could still create a UDP or UNIX datagram socket and send to a
listener on this machine (/dev/log, a local daemon). This filter makes
socket(2) and socketpair(2) fail with EPERM, and io_uring too, since an
io_uring request can create a socket without calling socket(2). Every other
call is allowed: the child needs nothing else denied to parse.

It is a classic BPF program of a dozen instructions, loaded with the
seccomp(2) system call through ctypes: no library, and no cryptography. It
checks the architecture field first, so a 32-bit (int 0x80) or x32 system
call, whose numbers differ, is refused instead of slipping past the numbers
checked here. On an architecture not listed the filter is not installed and
the child relies on Landlock and a network namespace alone.
"""

from __future__ import annotations

import ctypes
import platform
import struct
import sys
from typing import NamedTuple

PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2
SECCOMP_SET_MODE_FILTER = 1
SECCOMP_FILTER_FLAG_TSYNC = 1  # every thread of the process, not only the caller

SECCOMP_RET_ALLOW = 0x7FFF0000
SECCOMP_RET_ERRNO = 0x00050000
EPERM = 1
ENOSYS = 38

# struct seccomp_data { int nr; __u32 arch; ... }
OFFSET_NR, OFFSET_ARCH = 0, 4
BPF_LD_W_ABS = 0x20
BPF_JEQ_K = 0x15
BPF_JGE_K = 0x35
BPF_RET_K = 0x06

AUDIT_ARCH_X86_64 = 0xC000003E
AUDIT_ARCH_AARCH64 = 0xC00000B7
X32_SYSCALL_BIT = 0x40000000
IO_URING = (425, 426, 427)  # io_uring_setup, _enter, _register: the same numbers on every architecture


class Arch(NamedTuple):
    audit: int
    denied: tuple[int, ...]  # refused with EPERM (see ARCHES)
    seccomp_nr: int  # the seccomp(2) system call
    x32: bool  # whether numbers with X32_SYSCALL_BIT set must be refused


PIDFD = (434, 438)  # pidfd_open, pidfd_getfd: the same numbers on every architecture
ARCHES = {
    # socket, socketpair, io_uring; and what would reach into another process of the same user (to take a
    # socket it holds, or read its memory): ptrace, process_vm_readv/writev, kcmp, pidfd_open/getfd
    "x86_64": Arch(AUDIT_ARCH_X86_64, (41, 53, *IO_URING, 101, 310, 311, 312, *PIDFD), 317, True),
    "aarch64": Arch(AUDIT_ARCH_AARCH64, (198, 199, *IO_URING, 117, 270, 271, 272, *PIDFD), 277, False),
}


class _SockFilter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint16), ("jt", ctypes.c_uint8), ("jf", ctypes.c_uint8), ("k", ctypes.c_uint32)]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_SockFilter))]


def native_arch() -> Arch | None:
    """The table entry for this process's system call ABI; None where no filter is written for it.

    A 32-bit interpreter on a 64-bit kernel reports the kernel's machine: the
    pointer size tells it apart (its calls would all be refused by the filter).
    """
    if not sys.platform.startswith("linux") or struct.calcsize("P") != 8:
        return None
    return ARCHES.get(platform.machine())


def program(arch: Arch) -> list[tuple[int, int, int, int]]:
    """The BPF instructions (code, jt, jf, k): deny the listed calls and any call of another ABI."""
    checks: list[tuple[int, int]] = []  # (opcode, k): jump to DENY when true
    if arch.x32:
        checks.append((BPF_JGE_K, X32_SYSCALL_BIT))
    checks += [(BPF_JEQ_K, nr) for nr in arch.denied]
    total = 3 + len(checks) + 2  # load arch, check arch, load nr, checks, allow, deny
    deny = total - 1
    out: list[tuple[int, int, int, int]] = [(BPF_LD_W_ABS, 0, 0, OFFSET_ARCH)]
    out.append((BPF_JEQ_K, 0, deny - (len(out) + 1), arch.audit))  # another ABI: deny
    out.append((BPF_LD_W_ABS, 0, 0, OFFSET_NR))
    for code, k in checks:
        out.append((code, deny - (len(out) + 1), 0, k))
    out.append((BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW))
    out.append((BPF_RET_K, 0, 0, SECCOMP_RET_ERRNO | EPERM))
    assert len(out) == total
    return out


def deny_sockets() -> str:
    """Install the filter on this process (irreversibly). Returns the state for the child's status line:
    'sockets-denied', or why not ('unsupported-arch', 'failed-errno-N')."""
    arch = native_arch()
    if arch is None:
        return "unsupported-arch"
    instructions = program(arch)
    filters = (_SockFilter * len(instructions))(*(_SockFilter(*i) for i in instructions))
    prog = _SockFprog(len(instructions), filters)
    libc = ctypes.CDLL(None, use_errno=True)
    zero = ctypes.c_ulong(0)
    if libc.prctl(PR_SET_NO_NEW_PRIVS, ctypes.c_ulong(1), zero, zero, zero) != 0:
        return f"failed-errno-{ctypes.get_errno()}"  # without it an unprivileged filter is refused
    done = libc.syscall(ctypes.c_long(arch.seccomp_nr), ctypes.c_ulong(SECCOMP_SET_MODE_FILTER),
                        ctypes.c_ulong(SECCOMP_FILTER_FLAG_TSYNC), ctypes.byref(prog))
    if done == 0:
        return "sockets-denied"
    if done > 0:  # the id of a thread that could not be synchronised: nothing was installed
        return "failed-threads"
    if ctypes.get_errno() != ENOSYS:
        return f"failed-errno-{ctypes.get_errno()}"
    # A kernel older than 3.17 has no seccomp(2); prctl filters the calling thread (the child has one).
    if libc.prctl(PR_SET_SECCOMP, ctypes.c_ulong(SECCOMP_MODE_FILTER), ctypes.byref(prog), zero, zero) == 0:
        return "sockets-denied"
    return f"failed-errno-{ctypes.get_errno()}"
