"""Custody hops cannot be cut or replaced unseen (issue #10, point 7), through the real CLI on two workstations.

Workstation A: anna (analyst) queues bundles, carl (courier) writes them out and hands them to dave. Workstation B:
dave carries them on, handing them to workstation B itself; erin, B's other courier, checks and receives. Each
attack is made the way a courier with their own key could make it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nia_desktop.core.bundles import custody
from nia_desktop.core.bundles.custody import WORKSTATION, HandTo
from nia_desktop.core.bundles.manifest import MANIFEST
from nia_desktop.core.signing import fingerprint, load_public_pem
from nia_desktop.services.session import unlock
from tests import samples
from tests.e2e.conftest import Nia, Result
from tests.helpers import bundle_entries, rebuild_bundle

ANNA = {"user": "anna", "passphrase": "anna-passphrase-1"}
CARL = {"user": "carl", "passphrase": "carl-passphrase-1"}
OLIVE = {"user": "olive", "passphrase": "olive-passphrase-1"}
DAVE = {"user": "dave", "passphrase": "dave-passphrase-1"}
ERIN = {"user": "erin", "passphrase": "erin-passphrase-1"}


def forged_hop(path: Path, out: Path, key: Ed25519PrivateKey, courier: str, to: HandTo) -> Path:
    """The next hop on ``path``'s chain, signed with ``key``: what a courier's own tool could write."""
    entries = bundle_entries(path)
    count = sum(1 for n in entries if n.endswith(".json") and custody.is_custody(n))
    manifest = entries[MANIFEST]
    previous = entries[custody.entry_names(count)[0]] if count else None
    hop = custody.new_hop(key, courier, "2026-11-26T09:00:00.000000Z", "USB", json.loads(manifest)["uuid"],
                          manifest, previous, count + 1, to)
    return rebuild_bundle(out, {**entries, **dict(zip(custody.entry_names(count + 1), hop, strict=True))})


def without_hops(path: Path, out: Path, *numbers: int) -> Path:
    return rebuild_bundle(out, {n: v for n, v in bundle_entries(path).items()
                         if not any(n in custody.entry_names(k) for k in numbers)})


def custody_of(result: Result) -> dict:  # type: ignore[type-arg]
    assert result.code == 0, result.err
    return result.json()["custody"]  # type: ignore[no-any-return]


def key_of(nia: Nia, user: str) -> Ed25519PrivateKey:
    with unlock(nia.vault, user, f"{user}-passphrase-1") as session:
        return session.signing_key


@pytest.fixture
def two_workstations(nia_vault: Nia, tmp_path: Path) -> tuple[Nia, Nia, dict[str, Path]]:
    b = Nia(tmp_path / "vault-b", tmp_path)
    assert b("init", "--officer", "olive", "--kdf-memory", "19", "--kdf-time", "2",
             passphrase="olive-passphrase-1").code == 0
    for name in ("dave", "erin"):
        assert b("user", "add", name, "--role", "courier", new_passphrase=f"{name}-passphrase-1", **OLIVE).code == 0
    pems = {name: tmp_path / f"{name}.pem" for name in ("anna", "carl", "dave")}
    for name, who in (("anna", ANNA), ("carl", CARL)):
        assert nia_vault("key", "export", "--out", str(pems[name]), **who).code == 0
        role = "courier" if name == "carl" else "analyst"
        assert b("trust", "add", str(pems[name]), "--name", f"{name}@ws-a", "--role", role, **OLIVE).code == 0
    assert b("key", "export", "--out", str(pems["dave"]), **DAVE).code == 0
    dave_fp = fingerprint(load_public_pem(pems["dave"].read_bytes()))  # unknown at A: the fingerprint says who
    media = tmp_path / "in"
    media.mkdir()
    (media / "npa.txt").write_text(samples.EN_REPORT)
    ids = [str(r["id"]) for r in nia_vault("import", str(media), "--json", **ANNA).json()["imported"]]
    usb = tmp_path / "usb"
    usb.mkdir()
    files = {}
    for label in ("x", "y"):
        queued = nia_vault("bundle", "reports", *ids, "--queue", "--json", **ANNA)
        assert queued.code == 0, queued.err
        written = nia_vault("bundle", "write-out", queued.json()["uuid"], "--to", str(usb), "--volume", "USB-7",
                            "--hand-to", dave_fp, "--json", **CARL)
        assert written.code == 0, written.err
        files[label] = Path(written.json()["path"])
    return nia_vault, b, files


def test_custody_hand_overs(two_workstations: tuple[Nia, Nia, dict[str, Path]], tmp_path: Path) -> None:
    a, b, files = two_workstations
    one = files["y"]  # carl's hop 1, handing the bundle to dave
    chain = custody_of(b("bundle", "verify", str(one), "--json", **DAVE))
    assert chain["complete"] and chain["warnings"] == []  # dave sees the chain reach him
    assert chain["hops"][0]["to"]["kind"] == "courier" and chain["hops"][0]["trusted_as"] == "carl@ws-a"

    recipient = b("key", "recipient", **OLIVE).out.strip()
    two = tmp_path / "two.nia"
    carried = b("bundle", "carry", str(one), "--volume", "DESK", "--to", recipient, "--out", str(two), **DAVE)
    assert carried.code == 0, carried.err
    assert "handed to workstation" in carried.out

    # The happy path: erin, at the workstation dave delivered to, sees a complete chain.
    shown = b("bundle", "verify", str(two), **ERIN)
    assert shown.code == 0 and "custody: complete" in shown.out and "warning" not in shown.out + shown.err

    # A courier cannot carry on a bundle handed to somebody else (carl gave it to dave).
    stolen = a("bundle", "carry", str(one), "--volume", "USB-9", "--out", str(tmp_path / "c.nia"), **CARL)
    assert stolen.code == 1 and "handed this bundle to" in stolen.err and "not to you" in stolen.err

    # The last hop (dave's) cut: flagged, naming whom the chain stops at.
    cut = without_hops(two, tmp_path / "cut.nia", 2)
    flagged = b("bundle", "verify", str(cut), "--json", **ERIN)
    chain = custody_of(flagged)
    assert not chain["complete"] and chain["warnings"][0].startswith("custody gap: hop 1 (carl")
    assert any(w.startswith("custody gap") for w in flagged.json()["warnings"])
    text = b("bundle", "verify", str(cut), **ERIN)
    assert "custody: INCOMPLETE" in text.out and "warning: custody gap" in text.out

    # dave's hop replaced by one carl signs himself (he kept a copy after hop 1): refused.
    carl = key_of(a, "carl")
    replaced = forged_hop(one, tmp_path / "replaced.nia", carl, "carl", HandTo(WORKSTATION, recipient))
    refused = b("bundle", "verify", str(replaced), **ERIN)
    assert refused.code == 4 and "custody hop 2 is signed by carl" in refused.err and "replaced" in refused.err

    # A hop that names dave but is signed by erin: refused.
    erin = key_of(b, "erin")
    impostor = forged_hop(one, tmp_path / "impostor.nia", erin, "dave", HandTo(WORKSTATION, recipient))
    refused = b("bundle", "verify", str(impostor), **ERIN)
    assert refused.code == 4 and "custody hop 2 is signed by erin" in refused.err

    # Hops swapped: refused.
    entries = bundle_entries(two)
    (j1, s1), (j2, s2) = custody.entry_names(1), custody.entry_names(2)
    swapped = rebuild_bundle(tmp_path / "swapped.nia", {**entries, j1: entries[j2], s1: entries[s2], j2: entries[j1],
                                                  s2: entries[s1]})
    refused = b("bundle", "verify", str(swapped), **ERIN)
    assert refused.code == 4 and "custody hop 1" in refused.err and "Traceback" not in refused.err

    # Every hop stripped: received, but flagged, never silent; the audit log keeps the verdict.
    bare = without_hops(files["x"], tmp_path / "bare.nia", 1)  # x is sequence 1: received before y
    got = b("bundle", "receive", str(bare), "--json", **ERIN)
    assert got.code == 0, got.err
    assert not got.json()["custody"]["complete"]
    assert any(w.startswith("no custody: who carried it is not shown") for w in got.json()["warnings"])
    again = b("bundle", "receive", str(two), "--json", **ERIN)
    assert again.code == 0 and again.json()["custody"]["complete"], again.err
    log = [e for e in b("audit", "log", "--json", **OLIVE).json() if e["action"] == "bundle.receive"]
    assert sorted(e["details"]["custody"]["complete"] for e in log) == [False, True]


def test_without_a_vault_the_end_of_the_chain_is_named(two_workstations: tuple[Nia, Nia, dict[str, Path]],
                                                       tmp_path: Path) -> None:
    a, _, files = two_workstations
    pems = [tmp_path / "anna.pem", tmp_path / "carl.pem"]
    shown = a("bundle", "verify", str(files["x"]), *[arg for p in pems for arg in ("--trust", str(p))], "--json")
    chain = custody_of(shown)
    assert not chain["complete"] and "checked without a vault" in chain["warnings"][0]
    bare = without_hops(files["x"], tmp_path / "bare.nia", 1)
    shown = a("bundle", "verify", str(bare), "--trust", str(pems[0]), "--json")
    assert custody_of(shown)["warnings"][0].startswith("no custody")
