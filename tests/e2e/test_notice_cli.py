"""`nia notice` and `nia bundle receipt` as people type them, between two workstations: a recall issued, received
and listed (--json and text), marked seen, receipted; the receipt received back at the NIA; refusals exit 1 or 4."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ANALYST, ANALYST_PASS, COURIER, COURIER_PASS
from tests.e2e.conftest import Nia
from tests.notices_pair import pair


def test_a_recall_and_its_receipt_through_the_command_line(vault_dir: Path, tmp_path: Path) -> None:
    two = pair(vault_dir, tmp_path)
    digest = two.release(tmp_path / "harbour.nia")
    nia, ministry = Nia(vault_dir, tmp_path), Nia(two.consumer.root, tmp_path)
    anna = {"user": ANALYST, "passphrase": ANALYST_PASS}
    courier = {"user": two.courier, "passphrase": two.consumer.passphrases[two.courier]}
    mina = {"user": two.analyst, "passphrase": two.consumer.passphrases[two.analyst]}
    got = ministry("bundle", "receive", str(tmp_path / "harbour.nia"), **courier)
    assert got.code == 0 and f"holding product {digest[:16]}" in got.out, got.err

    # Usage and refusals first: nothing is written.
    assert nia("notice", "recall", digest, "--why", "x", **anna).code == 2  # --out or --queue is required
    bad = nia("notice", "recall", "f" * 64, "--why", "x", "--out", str(tmp_path / "n.nia"), "--json", **anna)
    assert bad.code == 1 and "no released product" in bad.json()["error"]
    assert nia("notice", "recall", digest, "--why", "x", "--queue", user=COURIER, passphrase=COURIER_PASS).code == 1

    issued = nia("notice", "recall", digest[:10], "--why", "the source recanted", "--out", str(tmp_path / "recall.nia"),
                 "--json", **anna)
    assert issued.code == 0, issued.err
    body = issued.json()
    assert body["action"] == "recall" and body["products"] == [digest]
    assert [s["consumer"] for s in body["sent"]] == ["mofa"] and body["sent"][0]["path"] == str(tmp_path / "recall.nia")
    notice_uuid = body["sent"][0]["uuid"]

    got = ministry("bundle", "receive", str(tmp_path / "recall.nia"), "--json", **courier)
    assert got.code == 0, got.err
    assert got.json()["kind"] == "notice" and len(got.json()["effect"]["marked"]) == 1
    shown = ministry("notice", "list", **mina)
    assert shown.code == 0 and "RECALL: destroy all copies of Harbour visits — the source recanted" in shown.out
    assert "WITHDRAWN" in shown.out and "NOT SEEN" in shown.out
    listed = ministry("notice", "list", "--json", **courier).json()
    assert listed["held"][0]["status"] == "withdrawn" and listed["held"][0]["title"] is None  # a courier: no title
    assert listed["notices"][0]["uuid"] == notice_uuid
    assert ministry("notice", "seen", notice_uuid, **courier).code == 0
    assert ministry("notice", "list", "--unseen", "--json", **mina).json()["notices"] == []

    # The ministry's analyst (the key the NIA registered for mofa) signs the receipt; the NIA's courier receives it.
    receipt = ministry("bundle", "receipt", notice_uuid, "--out", str(tmp_path / "receipt.nia"), "--json", **mina)
    assert receipt.code == 0, receipt.err
    assert receipt.json()["kind"] == "notice" and receipt.json()["for"] == notice_uuid
    again = ministry("bundle", "receipt", notice_uuid, "--out", str(tmp_path / "again.nia"), **mina)
    assert again.code == 1 and "--again" in again.err and not (tmp_path / "again.nia").exists()
    back = nia("bundle", "receive", str(tmp_path / "receipt.nia"), user=COURIER, passphrase=COURIER_PASS)
    assert back.code == 0 and "acknowledged: consumer mofa" in back.out, back.err

    # A receipt signed by a key the NIA does not know: exit 4, with the reason.
    ministry("bundle", "receipt", notice_uuid, "--out", str(tmp_path / "courier.nia"), "--again", **courier)
    refused = nia("bundle", "receive", str(tmp_path / "courier.nia"), "--json", user=COURIER, passphrase=COURIER_PASS)
    assert refused.code == 4 and "untrusted signer" in refused.json()["error"]
