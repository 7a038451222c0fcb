"""Process hardening applied once at start by both faces (CLI and GUI).

umask 077 so every file we create is private; no core dumps and not dumpable,
so a crash or a debugger attach by another user cannot pull keys or report
text out of memory.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import resource
import sys

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3


def harden_process() -> None:
    os.umask(0o077)
    with contextlib.suppress(ValueError, OSError):  # a platform may refuse; nothing else to do
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
        except OSError:  # pragma: no cover - no libc (unusual)
            pass


def is_dumpable() -> bool:
    """True unless PR_SET_DUMPABLE=0 is in force (Linux only)."""
    if not sys.platform.startswith("linux"):
        return True
    libc = ctypes.CDLL(None, use_errno=True)
    return bool(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))
