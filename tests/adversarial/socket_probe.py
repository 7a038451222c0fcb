"""A process confined exactly as a parser child is (child.confine), then trying every kind of socket.

The probe lives here, not in the product: the application has no network code at all, not even a test hook.
``python -m tests.adversarial.socket_probe TARGETS_JSON`` prints {"confinement": ..., "sockets": {...}}.
"""

from __future__ import annotations

import ctypes
import errno
import json
import os
import socket
import sys
from typing import Any

from nia_desktop.core.ingest import child
from nia_desktop.core.ingest.limits import Limits


def try_sockets(targets: dict[str, Any]) -> dict[str, str]:
    """Try to reach the listeners the test set up, and every other kind of socket: 'ok' (a hole) or the errno's name."""
    attempts: dict[str, tuple[int, int, int, Any, Any]] = {  # family, type, protocol, connect to, send to
        "tcp": (socket.AF_INET, socket.SOCK_STREAM, 0, ("127.0.0.1", targets.get("tcp_port", 9)), None),
        "udp": (socket.AF_INET, socket.SOCK_DGRAM, 0, None, ("127.0.0.1", targets.get("udp_port", 9))),
        "udp6": (socket.AF_INET6, socket.SOCK_DGRAM, 0, None, ("::1", targets.get("udp_port", 9))),
        "unix_stream": (socket.AF_UNIX, socket.SOCK_STREAM, 0, str(targets.get("unix_stream", "")), None),
        "unix_dgram": (socket.AF_UNIX, socket.SOCK_DGRAM, 0, None, str(targets.get("unix_dgram", ""))),
        "unix_abstract": (socket.AF_UNIX, socket.SOCK_DGRAM, 0, None, "\0" + str(targets.get("abstract", ""))),
        "netlink": (socket.AF_NETLINK, socket.SOCK_RAW, 0, None, None),
        "raw": (socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP, None, None),
        "ping": (socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_ICMP, None, None),
        "packet": (socket.AF_PACKET, socket.SOCK_RAW, 0, None, None),
    }
    results: dict[str, str] = {}
    for name, (family, kind, protocol, connect, send) in attempts.items():
        try:
            with socket.socket(family, kind, protocol) as sock:
                sock.settimeout(2)
                if connect is not None:
                    sock.connect(connect)
                    sock.sendall(b"leak")
                if send is not None:
                    sock.sendto(b"leak", send)
            results[name] = "ok"
        except OSError as exc:
            results[name] = errno.errorcode.get(exc.errno or 0, type(exc).__name__)
    try:
        left, right = socket.socketpair()
        left.close()
        right.close()
        results["socketpair"] = "ok"
    except OSError as exc:
        results["socketpair"] = errno.errorcode.get(exc.errno or 0, type(exc).__name__)
    for name, reach in (("pidfd_open", lambda: os.pidfd_open(os.getppid())),
                        ("process_vm_readv", lambda: _process_vm_readv(os.getppid()))):
        try:
            reach()
            results[name] = "ok"
        except OSError as exc:
            results[name] = errno.errorcode.get(exc.errno or 0, type(exc).__name__)
    return results


def _process_vm_readv(pid: int) -> None:
    """Read one byte of another process's memory (its own address of a string is as good as any)."""
    libc = ctypes.CDLL(None, use_errno=True)
    buffer = ctypes.create_string_buffer(1)
    local = (ctypes.c_void_p * 2)(ctypes.cast(buffer, ctypes.c_void_p), ctypes.c_void_p(1))
    remote = (ctypes.c_void_p * 2)(ctypes.cast(buffer, ctypes.c_void_p), ctypes.c_void_p(1))
    if libc.process_vm_readv(pid, local, 1, remote, 1, 0) < 0:
        number = ctypes.get_errno()
        raise OSError(number, os.strerror(number))


def main() -> None:
    targets = json.loads(sys.argv[1])
    child.confine(Limits())
    print(json.dumps({"confinement": child.confinement(), "sockets": try_sockets(targets)}))


if __name__ == "__main__":
    main()
