"""Two workstations, as their users work: an analyst queues a bundle, a courier writes it to media with a custody
hop, the other workstation's courier receives it and its analyst accepts it; audit entries on both sides."""

from __future__ import annotations

from pathlib import Path

from tests import samples
from tests.e2e.conftest import Nia

ANNA = {"user": "anna", "passphrase": "anna-passphrase-1"}
OLIVE = {"user": "olive", "passphrase": "olive-passphrase-1"}
CARL = {"user": "carl", "passphrase": "carl-passphrase-1"}
DANA = {"user": "dana", "passphrase": "dana-passphrase-1"}
DAVE = {"user": "dave", "passphrase": "dave-passphrase-1"}


def workstation_b(tmp_path: Path) -> Nia:
    there = Nia(tmp_path / "vault-b", tmp_path)
    assert there("init", "--officer", "olive", "--kdf-memory", "19", "--kdf-time", "2",
                 passphrase="olive-passphrase-1").code == 0
    for name, role in (("dave", "courier"), ("dana", "analyst")):
        assert there("user", "add", name, "--role", role, new_passphrase=f"{name}-passphrase-1", **OLIVE).code == 0
    return there


def test_round_trip_between_two_vaults_with_custody(nia_vault: Nia, tmp_path: Path) -> None:
    media = nia_vault.tmp / "in"
    media.mkdir()
    (media / "npa.txt").write_text(samples.EN_REPORT)
    (media / "ciro.txt").write_text(samples.JA_REPORT)
    ids = [r["id"] for r in nia_vault("import", str(media), "--json", **ANNA).json()["imported"]]
    queued = nia_vault("bundle", "reports", *map(str, ids), "--queue", "--json", **ANNA)
    assert queued.code == 0, queued.err
    uuid = queued.json()["uuid"]
    listed = nia_vault("bundle", "outbound", "--json", **CARL).json()
    assert [r["uuid"] for r in listed] == [uuid] and listed[0]["status"] == "queued"
    assert "Kanmon" not in str(listed)  # couriers see metadata, never report text
    assert nia_vault("bundle", "outbound", **ANNA).code == 1  # analysts queue, couriers write out
    usb = nia_vault.tmp / "usb"
    usb.mkdir()
    written = nia_vault("bundle", "write-out", uuid, "--to", str(usb), "--volume", "USB-7", "--json", **CARL)
    assert written.code == 0, written.err
    bundle = Path(written.json()["path"])
    assert bundle.parent == usb and not list(usb.glob(".*"))
    again = nia_vault("bundle", "write-out", uuid, "--to", str(usb), **CARL)
    assert again.code == 1 and "already delivered" in again.err
    assert nia_vault("bundle", "outbound", "--json", **CARL).json()[0]["volume"] == "USB-7"

    anna_pem, carl_pem = nia_vault.tmp / "anna.pem", nia_vault.tmp / "carl.pem"
    assert nia_vault("key", "export", "--out", str(anna_pem), **ANNA).code == 0
    assert nia_vault("key", "export", "--out", str(carl_pem), **CARL).code == 0
    alone = nia_vault("bundle", "verify", str(bundle), "--trust", str(anna_pem))  # the courier's hop unchecked
    assert alone.code == 4 and "custody hop 1" in alone.err
    both = nia_vault("bundle", "verify", str(bundle), "--trust", str(anna_pem), "--trust", str(carl_pem), "--json")
    assert both.code == 0 and [h["courier"] for h in both.json()["custody"]["hops"]] == ["carl"], both.err
    there = workstation_b(tmp_path)
    assert there("trust", "add", str(anna_pem), "--name", "anna@ws-a", "--role", "analyst", **OLIVE).code == 0
    unknown_courier = there("bundle", "receive", str(bundle), **DAVE)
    assert unknown_courier.code == 4 and "custody hop 1" in unknown_courier.err and "not trusted" in unknown_courier.err
    added = there("trust", "add", str(carl_pem), "--name", "carl@ws-a", "--role", "courier", "--json", **OLIVE)
    carl_fp = added.json()["fingerprint"]
    shown = there("bundle", "verify", str(bundle), "--json", **DAVE)
    assert shown.code == 0, shown.err
    hops = shown.json()["custody"]["hops"]
    assert [(h["n"], h["courier"], h["volume"], h["trusted_as"]) for h in hops] == [(1, "carl", "USB-7", "carl@ws-a")]
    assert "custody hop 1: carried by carl" in there("bundle", "verify", str(bundle), **DAVE).out

    # Dave carries it on to the analysts' desk: a second hop, the signer's manifest untouched.
    desk = nia_vault.tmp / "desk.nia"
    assert there("bundle", "carry", str(bundle), "--volume", "DESK", "--out", str(desk), **DAVE).code == 0
    assert [h["courier"] for h in there("bundle", "verify", str(desk), "--json", **DAVE).json()["custody"]["hops"]] \
        == ["carl", "dave"]
    received = there("bundle", "receive", str(desk), "--json", **DAVE)
    assert received.code == 0, received.err
    accepted = there("bundle", "accept", uuid, "--json", **DANA)
    assert accepted.code == 0 and len(accepted.json()["imported"]) == 2, accepted.err

    log_a = [e["action"] for e in nia_vault("audit", "log", "--json", **OLIVE).json()]
    assert {"bundle.queue_out", "bundle.write_out"} <= set(log_a)
    log_b = [e["action"] for e in there("audit", "log", "--json", **OLIVE).json()]
    assert {"bundle.carry", "bundle.receive", "bundle.accept"} <= set(log_b)

    # The courier's key revoked: every bundle they carried is refused from now on.
    assert there("trust", "revoke", carl_fp[:12], **OLIVE).code == 0
    revoked = there("bundle", "verify", str(bundle), **DAVE)
    assert revoked.code == 4 and "custody hop 1" in revoked.err and "revoked" in revoked.err
