"""Several `nia` processes on one vault: each change waits its turn, nothing is lost, a long wait is refused."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

from nia_desktop.core.vault.writer_lock import WriterLock
from tests.e2e.conftest import NIA, Nia

ANNA = {"user": "anna", "passphrase": "anna-passphrase-1"}
OLIVE = {"user": "olive", "passphrase": "olive-passphrase-1"}


def _media(root: Path, n: int, files: int) -> Path:
    media = root / f"media{n}"
    media.mkdir()
    for k in range(files):
        (media / f"r{k}.txt").write_text(
            f"UNCLASSIFIED\n\nImport {n}, report {k}: harbour visit number {n * 100 + k}.\n")
    return media


def test_ten_concurrent_imports_lose_nothing(nia_vault: Nia) -> None:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("NIA_")}
    environment.update({"NIA_VAULT": str(nia_vault.vault), "NIA_USER": "anna", "NIA_PASSPHRASE": "anna-passphrase-1"})
    processes = [subprocess.Popen([NIA, "import", str(_media(nia_vault.tmp, n, 6)), "--json"], env=environment,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
                 for n in range(10)]
    results = [(p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in processes]  # type: ignore[union-attr]
    for code, _out, err in results:
        assert code == 0, err
    assert sum(len(json.loads(out)["imported"]) for _code, out, _err in results) == 60
    listed = nia_vault("reports", "--json", **ANNA)  # every report, streamed
    assert listed.code == 0, listed.err
    assert len(listed.json()) == 60
    verified = nia_vault("audit", "verify", "--json", **OLIVE)
    assert verified.code == 0 and verified.json()["ok"], verified.out + verified.err
    log = nia_vault("audit", "log", "--json", **OLIVE).json()
    named = [h for e in log if e["action"] == "report.import.batch" for h in e["details"]["imported"]]
    assert len(named) == len(set(named)) == 60
    assert sum(e["action"] == "report.import" for e in log) == 10


def test_a_second_process_waits_with_a_message_then_goes_on(nia_vault: Nia) -> None:
    media = _media(nia_vault.tmp, 1, 2)
    lock = WriterLock.for_file(nia_vault.vault / ".lock")
    lock.acquire()  # the desktop, say, in the middle of a change
    try:
        environment = {k: v for k, v in os.environ.items() if not k.startswith("NIA_")}
        environment.update({"NIA_VAULT": str(nia_vault.vault), "NIA_USER": "anna",
                            "NIA_PASSPHRASE": "anna-passphrase-1"})
        waiting = subprocess.Popen([NIA, "import", str(media)], env=environment, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
        time.sleep(3)
        assert waiting.poll() is None, "it did not wait for the lock"
    finally:
        lock.release()
    assert waiting.wait(timeout=60) == 0
    assert "waiting for another program using the vault" in waiting.stderr.read()  # type: ignore[union-attr]


def test_a_wait_past_the_limit_is_refused_clearly_and_changes_nothing(nia_vault: Nia) -> None:
    media = _media(nia_vault.tmp, 2, 2)
    lock = WriterLock.for_file(nia_vault.vault / ".lock")
    lock.acquire()
    try:
        refused = nia_vault("import", str(media), env={"NIA_LOCK_WAIT": "1"}, **ANNA)
    finally:
        lock.release()
    assert refused.code == 1 and "busy" in refused.err and "internal error" not in refused.err, refused.err
    assert nia_vault("reports", "--json", **ANNA).json() == []
    assert nia_vault("import", str(media), env={"NIA_LOCK_WAIT": "soon"}, **ANNA).code == 1
