"""Run one `nia` command and kill it with SIGKILL at its Nth "moment", as a power cut or `kill -9` would.

A moment is every SQL statement the vault connection starts (trigger steps
included) and every os.replace / os.rename / os.fsync: the points where what
is on disk changes. ``python -m tests.adversarial.crash_runner N COUNT_FILE
BATCH_FILES -- ARGS...``: with N = 0 nothing is killed and the number of
moments is written to COUNT_FILE, so a test can spread its kills over the
whole command. BATCH_FILES > 0 makes imports commit every that many files, so
a small import crosses several batch commits.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any


def main() -> int:
    crash_at, count_file, batch_files = int(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    argv = sys.argv[sys.argv.index("--") + 1:]
    seen = [0]
    pid = os.getpid()

    def moment() -> None:
        if os.getpid() != pid:  # a parser child: not the process under test
            return
        seen[0] += 1
        if seen[0] == crash_at:
            os.kill(pid, signal.SIGKILL)

    from nia_desktop.core.vault import connection

    real_init = connection.VaultConnection.__init__

    def init(self: Any, conn: Any, *args: Any, **kwargs: Any) -> None:
        real_init(self, conn, *args, **kwargs)
        conn.set_trace_callback(lambda _sql: moment())

    connection.VaultConnection.__init__ = init  # type: ignore[method-assign]
    for name in ("replace", "rename", "fsync"):
        real = getattr(os, name)

        def wrapped(*args: Any, _real: Any = real) -> Any:
            moment()
            result = _real(*args)
            moment()
            return result

        setattr(os, name, wrapped)
    if batch_files:
        from nia_desktop.services import importing

        importing._Batch.FILES = batch_files

    from nia_desktop.cli.main import main as nia

    try:
        code = nia(argv)
    finally:
        count_file.write_text(str(seen[0]))
    return int(code or 0)


if __name__ == "__main__":
    sys.exit(main())
