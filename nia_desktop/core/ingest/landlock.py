"""Landlock: take away a process's access to every file (and TCP) it has not opened yet.

Linux 5.13+ lets an unprivileged process restrict itself. The parser child
calls :func:`deny_all` after loading its code and before reading any
untrusted byte: an exploited parser then cannot open a file, read the vault,
or bind or connect a TCP socket (ABI 4+), whatever its user may do. Uses the
raw system calls through ctypes: there is no primitive to invent here, only
three syscalls to make.
"""

from __future__ import annotations

import ctypes
import os
import sys

SYS_CREATE_RULESET, SYS_ADD_RULE, SYS_RESTRICT_SELF = 444, 445, 446
CREATE_RULESET_VERSION = 1 << 0
PR_SET_NO_NEW_PRIVS = 38


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64), ("handled_access_net", ctypes.c_uint64),
                ("scoped", ctypes.c_uint64)]


def abi_version() -> int:
    """0 when Landlock is unavailable (not Linux, old kernel, or disabled)."""
    if not sys.platform.startswith("linux"):
        return 0
    libc = ctypes.CDLL(None, use_errno=True)
    version = libc.syscall(SYS_CREATE_RULESET, None, ctypes.c_size_t(0), ctypes.c_uint32(CREATE_RULESET_VERSION))
    return max(0, int(version))


def deny_all() -> int:
    """Restrict this process: no new file access of any kind, no TCP. Returns the ABI used (0: not possible)."""
    abi = abi_version()
    if abi < 1:
        return 0
    fs = (1 << 13) - 1  # ABI 1: execute, write, read, readdir, remove, make_* ...
    if abi >= 2:
        fs |= 1 << 13  # refer
    if abi >= 3:
        fs |= 1 << 14  # truncate
    if abi >= 5:
        fs |= 1 << 15  # ioctl on devices
    attr = _RulesetAttr(handled_access_fs=fs)
    size = 8
    if abi >= 4:
        attr.handled_access_net = 0b11  # bind and connect TCP
        size = 16
    if abi >= 6:
        attr.scoped = 0b11  # abstract UNIX sockets and signals outside this domain
        size = 24
    libc = ctypes.CDLL(None, use_errno=True)
    ruleset = libc.syscall(SYS_CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(size), ctypes.c_uint32(0))
    if ruleset < 0:
        return 0
    try:
        libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
        if libc.syscall(SYS_RESTRICT_SELF, ctypes.c_int(ruleset), ctypes.c_uint32(0)) != 0:
            return 0
    finally:
        os.close(ruleset)
    return abi
