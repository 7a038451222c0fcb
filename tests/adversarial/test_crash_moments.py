"""Kill -9 at 200+ moments of seven operations; after each, the vault opens, its audit chain verifies, every
committed change has its audit entry and every entry its change, and no output file exists without its entry.

The operations are the ones that change the vault or leave it: import, bundle receive and accept, a courier's
write-out, disabling a user (which re-keys the database), importing a keys bundle, and exporting a briefing.
Each runs as the real `nia` in a subprocess (tests/adversarial/crash_runner.py), first once to count its
moments, then killed at moments spread evenly over the whole run.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from nia_desktop.services import auditing
from nia_desktop.services.session import unlock
from tests.e2e.conftest import Nia

ROOT = Path(__file__).resolve().parents[2]
OLIVE = {"user": "olive", "passphrase": "olive-passphrase-1"}
ANNA = {"user": "anna", "passphrase": "anna-passphrase-1"}
CARL = {"user": "carl", "passphrase": "carl-passphrase-1"}
DAVE = {"user": "dave", "passphrase": "dave-passphrase-1"}
DANA = {"user": "dana", "passphrase": "dana-passphrase-1"}
KILLS_PER_OPERATION = 30  # 7 operations: 210 moments


def _report(n: int) -> str:
    return (f"UNCLASSIFIED\n\nReport {n}: a delegation from the Kestrel Bay trading house met harbour staff in "
            f"Moji on day {n}; shipment {n * 7919} was discussed and payment {n * 104729} yen recorded.\n")


def _workstation(root: Path, tmp: Path, users: tuple[tuple[str, str], ...]) -> Nia:
    nia = Nia(root, tmp)
    assert nia("init", "--officer", "olive", "--kdf-memory", "19", "--kdf-time", "2", **OLIVE).code == 0
    for name, role in users:
        done = nia("user", "add", name, "--role", role, new_passphrase=f"{name}-passphrase-1", **OLIVE)
        assert done.code == 0, done.err
    return nia


@dataclass
class World:
    a: Path  # the sending workstation's vault
    b: Path  # the receiving workstation's vault, trusting anna and A's officer
    b_received: Path  # b with the reports bundle received, waiting to be accepted
    files: Path
    queued: str  # a bundle anna queued at A for a courier
    received: str  # the bundle waiting at b_received


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    tmp = tmp_path_factory.mktemp("crash-world")
    files = tmp / "files"
    for name, count, start in (("media1", 3, 0), ("media2", 7, 100)):
        (files / name).mkdir(parents=True)
        for n in range(start, start + count):
            (files / name / f"report-{n}.txt").write_text(_report(n))
    a = _workstation(tmp / "a", tmp, (("anna", "analyst"), ("carl", "courier"), ("zed", "analyst")))
    imported = a("import", str(files / "media1"), "--case", "kestrel", "--json", **ANNA)
    assert imported.code == 0, imported.err
    ids = [str(r["id"]) for r in imported.json()["imported"]]
    queued = a("bundle", "reports", ids[0], "--queue", "--json", **ANNA)
    assert queued.code == 0, queued.err
    sent = a("bundle", "reports", *ids, "--out", str(files / "reports.nia"), "--json", **ANNA)
    assert sent.code == 0, sent.err
    for who, pem in ((ANNA, "anna.pem"), (OLIVE, "olive.pem")):
        assert a("key", "export", "--out", str(files / pem), **who).code == 0
    assert a("trust", "export", "--out", str(files / "keys.nia"), **OLIVE).code == 0
    b = _workstation(tmp / "b", tmp, (("dave", "courier"), ("dana", "analyst")))
    for name, pem, role in (("anna@a", "anna.pem", "analyst"), ("olive@a", "olive.pem", "officer")):
        added = b("trust", "add", str(files / pem), "--name", name, "--role", role, **OLIVE)
        assert added.code == 0, added.err
    shutil.copytree(tmp / "b", tmp / "b-received")
    received = Nia(tmp / "b-received", tmp)("bundle", "receive", str(files / "reports.nia"), "--json", **DAVE)
    assert received.code == 0, received.err
    return World(tmp / "a", tmp / "b", tmp / "b-received", files, queued.json()["uuid"], sent.json()["uuid"])


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@dataclass(frozen=True)
class Operation:
    name: str
    vault: str  # which World vault it starts from
    args: tuple[str, ...]
    who: dict[str, str]
    outputs: str = ""  # a folder (under the run's folder) the operation writes a file into


def _operations(world: World) -> list[Operation]:
    return [
        Operation("import", "a", ("import", str(world.files / "media2")), ANNA),
        Operation("receive", "b", ("bundle", "receive", str(world.files / "reports.nia")), DAVE),
        Operation("accept", "b_received", ("bundle", "accept", world.received), DANA),
        Operation("write-out", "a", ("bundle", "write-out", world.queued, "--to", "{out}", "--volume", "USB-1"),
                  CARL, "out"),
        Operation("disable", "a", ("user", "disable", "zed"), OLIVE),
        Operation("trust-import", "b", ("trust", "import", str(world.files / "keys.nia"), "--yes"), OLIVE),
        Operation("brief", "a", ("brief", "kestrel", "--out", "{out}/briefing.nia"), ANNA, "out"),
    ]


OPERATION_NAMES = ("import", "receive", "accept", "write-out", "disable", "trust-import", "brief")


def _run(vault: Path, op: Operation, out: Path, crash_at: int, count_file: Path) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("NIA_")}
    environment.update({"NIA_VAULT": str(vault), "NIA_USER": op.who["user"], "NIA_PASSPHRASE": op.who["passphrase"],
                        "PYTHONPATH": os.pathsep.join([str(ROOT), environment.get("PYTHONPATH", "")])})
    args = [a.replace("{out}", str(out)) for a in op.args]
    return subprocess.run([sys.executable, "-m", "tests.adversarial.crash_runner", str(crash_at), str(count_file),
                           "2", "--", *args], cwd=ROOT, env=environment, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=120, check=False)


@dataclass
class State:
    """What the vault holds that an audit entry must account for."""

    reports: set[str]
    received: set[str]
    accepted: set[str]
    delivered: set[str]
    disabled: set[str]
    trusted: set[str]
    last_seq: int


def _state(vault: Path) -> tuple[State, list[dict[str, Any]]]:
    """Unlock as the officer (which also finishes what a crash interrupted), verify the chain, read the state."""
    with unlock(vault, OLIVE["user"], OLIVE["passphrase"]) as session:
        report = auditing.verify(session, full=True)
        assert report.ok, report.reason
        db = session.db
        state = State(
            reports={r[0] for r in db.query("SELECT sha256 FROM reports")},
            received={r[0] for r in db.query("SELECT uuid FROM received_bundles")},
            accepted={r[0] for r in db.query("SELECT uuid FROM received_bundles WHERE status = 'accepted'")},
            delivered={r[0] for r in db.query("SELECT uuid FROM outbound_bundles WHERE status != 'queued'")},
            disabled={r[0] for r in db.query("SELECT name FROM users WHERE disabled_at IS NOT NULL")},
            trusted={r[0] for r in db.query("SELECT fingerprint FROM trusted_keys")},
            last_seq=0)
        entries = [{"seq": r[0], "action": r[1], "object": r[2], "outcome": r[3], "details": json.loads(r[4])}
                   for r in db.query("SELECT seq, action, object, outcome, details FROM audit ORDER BY seq")]
    # The entries before this check's own unlock (whatever finishing an interrupted change wrote included)
    mine = max(e["seq"] for e in entries if e["action"] == "unlock" and e["details"].get("pid") == os.getpid())
    state.last_seq = mine - 1
    return state, [e for e in entries if e["seq"] < mine]


def _check_accounted(before: State, after: State, entries: list[dict[str, Any]], out: Path) -> None:
    new = [e for e in entries if e["seq"] > before.last_seq and e["outcome"] == "ok"]

    def named(action: str, key: str) -> set[Any]:
        return {e["details"].get(key) for e in new if e["action"] == action and not e["details"].get("already")}

    imported = {h for e in new if e["action"] == "report.import.batch" for h in e["details"]["imported"]}
    assert after.reports - before.reports == imported, "reports and report.import.batch entries differ"
    assert after.received - before.received == named("bundle.receive", "uuid")
    assert after.accepted - before.accepted == {e["object"] for e in new if e["action"] == "bundle.accept"}
    assert after.delivered - before.delivered == named("bundle.write_out", "uuid")
    assert after.disabled - before.disabled == {e["object"] for e in new if e["action"] == "user.disable"}
    mentioned = {v for e in new if e["action"].startswith(("trust.", "user.")) for v in _strings(e["details"])}
    assert after.trusted - before.trusted <= mentioned, "a key trusted without a trust entry naming it"
    assert named("trust.add", "fingerprint") <= after.trusted, "a trust.add entry without its key"
    if any(e["action"] == "trust.add" for e in new):
        assert any(e["action"] == "trust.import" for e in new), "trust.add without its trust.import"
    written = {e["details"].get("sha256") for e in new if e["action"] in ("bundle.export", "bundle.write_out")}
    for path in out.glob("*") if out.is_dir() else ():
        if path.name.startswith("."):
            continue  # a staged file the kill left: never under the output's name
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert digest in written, f"{path.name} exists without the audit entry of its writing"


def _moments(world: World, op: Operation, tmp: Path) -> int:
    vault = tmp / "count-vault"
    shutil.copytree(getattr(world, op.vault), vault)
    (tmp / "count-out").mkdir()
    count_file = tmp / "count"
    done = _run(vault, op, tmp / "count-out", 0, count_file)
    assert done.returncode == 0, done.stderr
    return int(count_file.read_text())


def _spread(total: int, kills: int) -> Iterator[int]:
    """Moments 1..total, evenly spread, the first and last included."""
    if total <= kills:
        yield from range(1, total + 1)
        return
    for k in range(kills):
        yield 1 + round(k * (total - 1) / (kills - 1))


@pytest.mark.parametrize("name", OPERATION_NAMES)
def test_killed_at_any_moment_every_change_keeps_its_audit_entry(world: World, name: str, tmp_path: Path) -> None:
    op = next(o for o in _operations(world) if o.name == name)
    before, _ = _state(_copy(getattr(world, op.vault), tmp_path / "baseline"))
    total = _moments(world, op, tmp_path)
    assert total >= KILLS_PER_OPERATION, f"{name}: only {total} moments"
    killed = 0
    for moment in _spread(total, KILLS_PER_OPERATION):
        vault = _copy(getattr(world, op.vault), tmp_path / f"v{moment}")
        out = tmp_path / f"out{moment}"
        out.mkdir()
        done = _run(vault, op, out, moment, tmp_path / f"count{moment}")
        assert done.returncode in (-9, 0), f"{name} at moment {moment}: exit {done.returncode}\n{done.stderr}"
        killed += done.returncode == -9
        try:
            after, entries = _state(vault)
            _check_accounted(before, after, entries, out)
        except AssertionError as exc:
            raise AssertionError(f"{name} killed at moment {moment} of {total}: {exc}") from exc
        shutil.rmtree(vault)
    assert killed >= KILLS_PER_OPERATION - 1, f"{name}: only {killed} runs were killed"


def _copy(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target
