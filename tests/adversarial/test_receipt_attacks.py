"""Attacks on receipts and notices (issue 14): a consumer's key acknowledges only the copies sent to that consumer,
only for what they carried, from its own workstation, and signs nothing but receipts; a notice changes a held
product only when its signer signed the product or is trusted as an officer's. Every refusal: exit 4 for a bundle
that does not verify, exit 1 for a receipt that does not match, audited, nothing changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nia_desktop.core.bundles.notices import new_notice, new_receipt
from nia_desktop.core.bundles.write import Signer, Source, write_bundle
from nia_desktop.core.errors import BadInput, BundleRejected
from nia_desktop.core.store import audit_log, holdings, ledger
from nia_desktop.core.store import trust as trust_store
from nia_desktop.services import notices, receipts
from nia_desktop.services.bundles import sign_out
from tests.conftest import ANALYST, COURIER, OFFICER
from tests.notices_pair import Pair, Workstation, ministry, pair

NOW = "2026-12-07T10:00:00.000000Z"


@pytest.fixture
def two(vault_dir: Path, tmp_path: Path) -> Pair:
    return pair(vault_dir, tmp_path)


def delivered(two: Pair, tmp_path: Path, name: str = "harbour") -> tuple[str, str]:
    """A product sent to mofa and received there: (its digest, the bundle's uuid)."""
    digest = two.release(tmp_path / f"{name}.nia", title=name)
    return digest, two.receive(tmp_path / f"{name}.nia").manifest.uuid


def receipt_bundle(out: Path, key: Ed25519PrivateKey, signer: str, sequence: int, for_uuid: str, item: str,
                   workstation: str, kind: str = "briefing") -> Path:
    """A receipt as anyone holding ``key`` could write it, whatever it claims."""
    payload = new_receipt(for_uuid, kind, item, NOW, signer, workstation)
    write_bundle(out, "receipt", [Source("receipt.json", data=payload.encode())], Signer(signer, key), sequence, NOW,
                 {"seq": 1, "hash": "ab" * 32})
    return out


def key_of(workstation: Workstation, user: str) -> Ed25519PrivateKey:
    with workstation.session(user) as session:
        return session.signing_key


def nothing_acknowledged(two: Pair) -> None:
    with two.nia.session(ANALYST) as session:
        assert ledger.count_outstanding(session.db) == len(session.db.query("SELECT 1 FROM copies"))
        assert not session.db.query("SELECT 1 FROM received_bundles WHERE kind = 'receipt'")


def refusals(two: Pair, action: str) -> list[dict]:  # type: ignore[type-arg]
    with two.nia.session(OFFICER) as session:
        return [e.details for e in audit_log.iter_entries(session.db) if e.action == action
                and e.outcome == "refused"]


def test_a_receipt_signed_by_another_consumers_key_is_refused(two: Pair, tmp_path: Path) -> None:
    pmo = ministry(tmp_path / "pmo", "p")
    two.register("pmo", pmo)
    digest, bundle_uuid = delivered(two, tmp_path)
    # pmo's registered key signs a receipt for mofa's copy, even claiming mofa's workstation.
    forged = receipt_bundle(tmp_path / "forged.nia", key_of(pmo, "p-analyst"), "p-analyst", 1, bundle_uuid, digest,
                            two.consumer.recipient())
    with pytest.raises(BadInput, match=r"signed by consumer pmo's key, but bundle .* was sent to consumer mofa") as no:
        two.nia_receive(forged)
    assert no.value.exit_code == 1
    nothing_acknowledged(two)
    assert refusals(two, "receipt.receive")[-1]["for"] == bundle_uuid


def test_a_receipt_by_an_unknown_key_does_not_verify(two: Pair, tmp_path: Path) -> None:
    digest, bundle_uuid = delivered(two, tmp_path)
    stranger = receipt_bundle(tmp_path / "stranger.nia", Ed25519PrivateKey.generate(), "m-analyst", 1, bundle_uuid,
                              digest, two.consumer.recipient())
    with pytest.raises(BundleRejected, match="untrusted signer") as no:
        two.nia_receive(stranger)
    assert no.value.exit_code == 4
    # Another user of the consumer's own workstation, whose key the NIA never registered: the same.
    with two.consumer.session(two.courier) as session:
        receipts.issue(session, bundle_uuid, tmp_path / "courier.nia")
    with pytest.raises(BundleRejected, match="untrusted signer"):
        two.nia_receive(tmp_path / "courier.nia")
    nothing_acknowledged(two)
    assert any("untrusted signer" in r["reason"] for r in refusals(two, "bundle.receive"))


def test_a_receipt_for_a_copy_sent_to_someone_else_is_refused(two: Pair, tmp_path: Path) -> None:
    pmo = ministry(tmp_path / "pmo", "p")
    two.register("pmo", pmo)
    two.trust(workstation=pmo)
    digest = two.release(tmp_path / "harbour.nia", to=("mofa", "pmo"))
    with two.nia.session(ANALYST) as session:
        pmo_copy = next(c for c in ledger.copies_of(session.db, digest) if c.consumer == "pmo")
    # mofa acknowledges pmo's copy, with its own key and workstation: the copy was never sent to mofa.
    wrong = receipt_bundle(tmp_path / "wrong.nia", key_of(two.consumer, two.analyst), two.analyst, 1,
                           pmo_copy.bundle_uuid, digest, two.consumer.recipient())
    with pytest.raises(BadInput, match="sent to consumer pmo"):
        two.nia_receive(wrong)
    # A receipt naming a bundle never sent from here.
    never = receipt_bundle(tmp_path / "never.nia", key_of(two.consumer, two.analyst), two.analyst, 2,
                           "0f0e0d0c-0b0a-4908-8706-050403020100", digest, two.consumer.recipient())
    with pytest.raises(BadInput, match="never sent from here"):
        two.nia_receive(never)
    nothing_acknowledged(two)


def test_a_receipt_with_a_wrong_digest_kind_or_workstation_is_refused(two: Pair, tmp_path: Path) -> None:
    digest, bundle_uuid = delivered(two, tmp_path)
    key, me, here = key_of(two.consumer, two.analyst), two.analyst, two.consumer.recipient()
    cases = [("digest", receipt_bundle(tmp_path / "d.nia", key, me, 1, bundle_uuid, "0" * 64, here),
              "does not match"),
             ("kind", receipt_bundle(tmp_path / "k.nia", key, me, 2, bundle_uuid, digest, here, "notice"),
              "does not match"),
             ("workstation", receipt_bundle(tmp_path / "w.nia", key, me, 3, bundle_uuid, digest,
                                            ministry(tmp_path / "elsewhere", "e").recipient()), "from workstation")]
    for _, path, words in cases:
        with pytest.raises(BadInput, match=words):
            two.nia_receive(path)
    nothing_acknowledged(two)
    assert len(refusals(two, "receipt.receive")) == 3
    # The genuine receipt still counts afterwards.
    good = receipt_bundle(tmp_path / "good.nia", key, me, 4, bundle_uuid, digest, here)
    assert two.nia_receive(good).effect["already_acknowledged"] is False


def test_a_replayed_receipt_sequence_is_refused(two: Pair, tmp_path: Path) -> None:
    digest, bundle_uuid = delivered(two, tmp_path)
    key, me, here = key_of(two.consumer, two.analyst), two.analyst, two.consumer.recipient()
    two.nia_receive(receipt_bundle(tmp_path / "r5.nia", key, me, 5, bundle_uuid, digest, here))
    old = receipt_bundle(tmp_path / "r4.nia", key, me, 4, bundle_uuid, digest, here)
    with pytest.raises(BundleRejected, match="replayed or withheld"):
        two.nia_receive(old)


def test_a_consumer_key_signs_nothing_but_receipts(two: Pair, tmp_path: Path) -> None:
    # mofa's registered key signs a reports bundle and a notice for the NIA: neither verifies there.
    with two.consumer.session(two.analyst) as session:
        sign_out(session, "reports", [Source("reports/1/original", data=b"planted report")], tmp_path / "r.nia")
        payload = new_notice("recall", ["a" * 64], "planted", None, two.analyst, NOW)
        sign_out(session, "notice", [Source("notice.json", data=payload.encode())], tmp_path / "n.nia")
    for path in (tmp_path / "r.nia", tmp_path / "n.nia"):
        with pytest.raises(BundleRejected, match="counts only for receipts") as no:
            two.nia_receive(path)
        assert no.value.exit_code == 4
    with two.nia.session(COURIER) as session:
        from nia_desktop.services.bundles import verify

        with pytest.raises(BundleRejected, match="counts only for receipts"):
            verify(session, tmp_path / "r.nia")
        assert trust_store.inbound(session.db) == []


def test_a_consumer_key_revoked_in_the_trust_store_is_refused(two: Pair, tmp_path: Path) -> None:
    from nia_desktop.services.trust import revoke_key

    _, bundle_uuid = delivered(two, tmp_path)
    with two.consumer.session(two.analyst) as session:
        receipts.issue(session, bundle_uuid, tmp_path / "receipt.nia")
    with two.nia.session(OFFICER) as session:
        fp = ledger.consumer(session.db, "mofa").key_fingerprint  # type: ignore[union-attr]
        revoke_key(session, fp)
    with pytest.raises(BundleRejected, match="revoked"):
        two.nia_receive(tmp_path / "receipt.nia")
    nothing_acknowledged(two)


def test_a_notice_signed_by_an_untrusted_key_is_refused(two: Pair, tmp_path: Path) -> None:
    digest, _ = delivered(two, tmp_path)
    stranger = Ed25519PrivateKey.generate()
    payload = new_notice("recall", [digest], "destroy everything", None, "anna", NOW)
    write_bundle(tmp_path / "forged.nia", "notice", [Source("notice.json", data=payload.encode())],
                 Signer("anna", stranger), 99, NOW, {"seq": 1, "hash": "ab" * 32}, [two.consumer.recipient()])
    with pytest.raises(BundleRejected, match="untrusted signer"):
        two.receive(tmp_path / "forged.nia")
    with two.consumer.session(two.analyst) as session:
        assert holdings.held_digest(session.db, digest)[0].status == "current"
        assert holdings.received_notices(session.db) == []


def test_a_notice_from_a_trusted_non_officer_that_did_not_sign_the_product_is_left_alone(two: Pair,
                                                                                          tmp_path: Path) -> None:
    from nia_desktop.core.roles import Role
    from nia_desktop.services.users import add_user

    digest, held_uuid = delivered(two, tmp_path)
    with two.nia.session(OFFICER) as session:
        add_user(session, "bob", Role.ANALYST, "bob-passphrase-44")
    two.nia.passphrases["bob"] = "bob-passphrase-44"
    two.trust("bob", "analyst")  # trusted at the ministry, but not as an officer's, and he did not sign it
    with two.nia.session("bob") as session:
        payload = new_notice("recall", [digest], "bob says so", None, "bob", NOW)
        sign_out(session, "notice", [Source("notice.json", data=payload.encode())], tmp_path / "bob.nia",
                 [two.consumer.recipient()])
    got = two.receive(tmp_path / "bob.nia")
    assert got.effect["refused"] == [held_uuid] and got.effect["marked"] == []
    with two.consumer.session(two.analyst) as session:
        assert holdings.held_digest(session.db, digest)[0].status == "current"
        view = notices.received_notices(session)[0]
        assert view.marked == [] and [v.product.bundle_uuid for v in view.left_alone] == [held_uuid]
        assert view.state == notices.REFUSED and view.to_json()["held"] == []
        refused = [e for e in audit_log.iter_entries(session.db) if e.action == "notice.apply"]
        assert refused and refused[0].outcome == "refused" and refused[0].details["product"] == digest
    # The same notice from a key trusted as an officer's does change it.
    two.trust(OFFICER, "officer")
    with two.nia.session(OFFICER) as session:
        payload = new_notice("recall", [digest], "the officer says so", None, OFFICER, NOW)
        sign_out(session, "notice", [Source("notice.json", data=payload.encode())], tmp_path / "olive.nia",
                 [two.consumer.recipient()])
    assert two.receive(tmp_path / "olive.nia").effect["marked"] == [held_uuid]


def test_a_notice_bundle_carrying_anything_else_is_refused(two: Pair, tmp_path: Path) -> None:
    digest, _ = delivered(two, tmp_path)
    payload = new_notice("recall", [digest], "recanted", None, "anna", NOW)
    with two.nia.session(ANALYST) as session:
        sign_out(session, "notice", [Source("notice.json", data=payload.encode()),
                                     Source("briefing.pdf", data=b"%PDF-1.7 smuggled")], tmp_path / "extra.nia",
                 [two.consumer.recipient()])
    with pytest.raises(BundleRejected, match=r"carries notice\.json and nothing else"):
        two.receive(tmp_path / "extra.nia")
    with two.consumer.session(two.analyst) as session:
        assert holdings.held_digest(session.db, digest)[0].status == "current"


def bob_trusted_at_the_ministry(two: Pair) -> None:
    """bob, an NIA analyst who did not sign the products, trusted at the ministry as an analyst (not an officer)."""
    from nia_desktop.core.roles import Role
    from nia_desktop.services.users import add_user

    with two.nia.session(OFFICER) as session:
        add_user(session, "bob", Role.ANALYST, "bob-passphrase-44")
    two.nia.passphrases["bob"] = "bob-passphrase-44"
    two.trust("bob", "analyst")


def test_a_recall_that_comes_before_its_product_orders_nothing_once_the_product_shows_it_is_refused(
        two: Pair, tmp_path: Path) -> None:
    """Variation of the refused recall: bob's recall arrives before anna's product. Until the product comes it
    names only a digest not held here; once it comes, the signer rule refuses it, and from then on nothing (the
    banner, `nia notice list`, its JSON) names the product for it, while a real recall is shown before it."""
    from nia_desktop.cli.notice_cmds import _notice_line
    from nia_desktop.ui.views.notices_banner import notice_text

    bob_trusted_at_the_ministry(two)
    digest = two.release(tmp_path / "harbour.nia", title="Harbour visits")
    with two.nia.session("bob") as session:
        payload = new_notice("recall", [digest], "Compromised: destroy it now.", None, "bob", NOW)
        sign_out(session, "notice", [Source("notice.json", data=payload.encode())], tmp_path / "bob.nia",
                 [two.consumer.recipient()])
    early = two.receive(tmp_path / "bob.nia")
    assert early.effect["not_held"] == 1
    with two.consumer.session(two.analyst) as session:
        view = notices.received_notices(session)[0]
        assert view.state == notices.NOT_HELD and view.label == f"product {digest[:16]} (not held here)"
    held = two.receive(tmp_path / "harbour.nia")
    assert held.effect["marked_by_earlier_notices"] == []
    with two.consumer.session(two.analyst) as session:
        assert holdings.held_digest(session.db, digest)[0].status == "current"
        view = notices.received_notices(session, unseen_only=True)[0]
        assert view.state == notices.REFUSED and view.applies == [] and view.marked == []
        assert [r.product.product.bundle_uuid for r in view.refused] == [held.manifest.uuid]
        assert view.signer.startswith("bob@nia ")
        shown = view.to_json()
        assert shown["held"] == [] and [r["digest"] for r in shown["refused"]] == [digest]
        for text in (view.label, notice_text(view), _notice_line(view)):
            assert "Harbour" not in text and digest[:16] not in text, text
        assert "destroy" not in notice_text(view) and notice_text(view).startswith("Refused recall from bob@nia")
        applied = [e for e in audit_log.iter_entries(session.db) if e.action == "notice.apply"]
        assert [(e.outcome, e.details["product"]) for e in applied] == [("refused", digest)]
    # anna's own recall of it stands, and is shown first though bob's came earlier.
    with two.nia.session(ANALYST) as session:
        notices.issue(session, "recall", digest, "the source recanted", out=tmp_path / "anna.nia")
    two.receive(tmp_path / "anna.nia")
    with two.consumer.session(two.courier) as session:
        first, second = notices.received_notices(session, unseen_only=True)
        assert (first.state, first.notice.why) == (notices.APPLIED, "the source recanted")
        assert notice_text(first).startswith(f"RECALL: destroy all copies of product {digest[:16]}")
        assert second.state == notices.REFUSED  # the product is withdrawn now, by anna: bob's still orders nothing


def test_a_recall_refused_at_the_consumer_is_never_acknowledged_at_the_nia(two: Pair, tmp_path: Path) -> None:
    """A colleague of the product's signer recalls it with `nia notice recall`: every holder refuses it (signer
    rule) and keeps the product current. Were a receipt signed for it, the NIA's ledger would show the recall
    acknowledged while the product stays in use: the consumer refuses to sign one, and the recall stays
    outstanding at the NIA (found by the review of issue 14)."""
    from nia_desktop.core.roles import Role
    from nia_desktop.services import ledger as questions
    from nia_desktop.services.users import add_user

    digest, held_uuid = delivered(two, tmp_path)
    with two.nia.session(OFFICER) as session:
        add_user(session, "bob", Role.ANALYST, "bob-passphrase-44")
    two.nia.passphrases["bob"] = "bob-passphrase-44"
    two.trust("bob", "analyst")
    with two.nia.session("bob") as session:
        issued = notices.issue(session, "recall", digest, "bob withdraws it", out=tmp_path / "bob-recall.nia")
    notice_uuid = issued.sent[0].uuid
    got = two.receive(tmp_path / "bob-recall.nia")
    assert got.effect["refused"] == [held_uuid] and got.effect["marked"] == []
    with two.consumer.session(two.analyst) as session:
        with pytest.raises(BadInput, match="refused here and marked nothing"):
            receipts.issue(session, notice_uuid, tmp_path / "receipt.nia")
        refused = [e for e in audit_log.iter_entries(session.db) if e.action == "receipt.issue"]
        assert [e.outcome for e in refused] == ["refused"]
        assert holdings.held_digest(session.db, digest)[0].status == "current"
    assert not (tmp_path / "receipt.nia").exists()
    with two.nia.session(OFFICER) as session:
        waiting = [(h.copy.kind, h.copy.consumer) for h in questions.outstanding(session).items]
        assert ("notice", two.name) in waiting
