"""Receipts, on both workstations.

Consumer side: ``issue`` signs a "receipt" bundle for a briefing or notice
bundle this workstation received, naming that bundle's UUID and the digest of
what it carried, with the signing user's key.

Sending side (the NIA): a courier receives the receipt like any bundle
(services/bundles.receive). It verifies with the trust store, or with the
signing key registered for a consumer (``ConsumerTrust``), which counts for
a receipt and nothing else: any other bundle, or a custody hop of one, that
needed a consumer's key is refused. ``check`` then holds the receipt to the
ledger: it must name a copy sent to exactly the consumer whose key signed it,
carrying the item it names, from that consumer's workstation; only then is
the copy acknowledged. A receipt for a copy already acknowledged changes
nothing.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import UnsupportedAlgorithm

from nia_desktop.core.audit import Outcome
from nia_desktop.core.bundles.manifest import Manifest
from nia_desktop.core.bundles.notices import Receipt, carried, new_receipt, parse_receipt
from nia_desktop.core.bundles.verify import TrustedKey, Verified
from nia_desktop.core.bundles.write import Source
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import BadInput, BundleRejected, NiaError
from nia_desktop.core.roles import Action
from nia_desktop.core.signing import fingerprint, load_public_pem
from nia_desktop.core.store import holdings, ledger
from nia_desktop.services.bundles import sign_out, workstation_recipient
from nia_desktop.services.session import Session

_COPY_KIND = {"briefing": "product", "notice": "notice"}  # a receipt's kind -> the ledger's copy kind


# -- consumer side: signing a receipt ---------------------------------------------------------------
@dataclass(frozen=True)
class Signed:
    manifest: Manifest
    receipt: Receipt
    path: Path | None

    def to_json(self) -> dict[str, Any]:
        return {"uuid": self.manifest.uuid, **self.receipt.to_json(),
                "path": str(self.path) if self.path else None, "queued": self.path is None}


def issue(session: Session, bundle_uuid: str, out: Path | None, again: bool = False) -> Signed:
    """Sign a receipt for a received briefing or notice bundle: to ``out``, or queued for a courier. A second
    receipt for the same bundle only with ``again``. Every refusal is audited once (``receipt.issue`` refused):
    the permission check audits its own, the rest are audited here, after anything begun has rolled back."""
    session.require(Action.RECEIPT_ISSUE, bundle_uuid[:64])
    wanted = bundle_uuid.strip().lower()
    try:
        return _issue(session, wanted, out, again)
    except NiaError as exc:
        session.audit("receipt.issue", wanted[:64], Outcome.REFUSED, {
            "reason": exc.user_message, "again": again, "out": str(out) if out else None})
        raise


def _issue(session: Session, wanted: str, out: Path | None, again: bool) -> Signed:
    kind, item, accepted = _received(session, wanted)
    earlier = holdings.receipt_for(session.db, wanted)
    if earlier is not None and not again:
        raise BadInput(f"a receipt for bundle {wanted} was already signed ({earlier.receipt_uuid}, by "
                       f"{earlier.sent_by} at {earlier.sent_at[:19]}): use --again to sign another")
    receipt = new_receipt(wanted, kind, item, accepted, session.name, workstation_recipient(session))

    def record(manifest: Manifest) -> None:  # in the export's own transaction (services/bundles.sign_out)
        now = iso_utc(session.clock.now())
        holdings.record_receipt(session.db, wanted, manifest.uuid, session.name, now)
        session.audit("receipt.issue", wanted, details={"receipt": manifest.uuid, "kind": kind, "item": item,
                                                        "again": earlier is not None})

    manifest = sign_out(session, "receipt", [Source("receipt.json", data=receipt.encode())], out,
                        file_name=f"receipt-{wanted[:8]}.nia", also=record)
    return Signed(manifest, receipt, out)


def _received(session: Session, bundle_uuid: str) -> tuple[str, str, str]:
    """(kind, item digest, when it was received) of a received briefing or notice bundle; BadInput otherwise."""
    held = holdings.held_bundle(session.db, bundle_uuid)
    if held is not None:
        return "briefing", held.digest, held.received_at
    notice = holdings.received_notice(session.db, bundle_uuid)
    if notice is not None:
        from nia_desktop.services.notices import REFUSED, received_notices

        view = next((v for v in received_notices(session) if v.notice.uuid == notice.uuid), None)
        if view is not None and view.state == REFUSED:  # a receipt would tell the sender it was acted on
            raise BadInput(f"notice {bundle_uuid[:40]} was refused here and marked nothing (not signed by the key "
                           "that signed the product, nor by a key trusted here as a security officer's): no receipt "
                           "is signed for it, so the sender's ledger keeps it outstanding")
        return "notice", notice.digest, notice.received_at
    other = holdings.received_kind(session.db, bundle_uuid)
    if other is not None:
        raise BadInput(f"bundle {bundle_uuid} carries {other}: receipts are signed for briefings and notices")
    raise BadInput(f"no briefing or notice bundle {bundle_uuid[:40]} was received here")


# -- sending side: trusting consumers' keys for receipts ----------------------------------------------
class ConsumerTrust:
    """The trust store's lookup, and after it the signing keys registered for consumers. A consumer key it
    vouches for is remembered, so ``refuse_outside_receipts`` can refuse every bundle but a receipt that needed
    one (signer, custody hop or anything else the verification looked up)."""

    def __init__(self, session: Session, base: Callable[[str], TrustedKey | None]) -> None:
        self.session = session
        self.base = base
        self.used: dict[str, str] = {}  # fingerprint -> consumer name

    def __call__(self, fp: str) -> TrustedKey | None:
        key = self.base(fp)
        if key is not None:
            return key  # the trust store first: a key revoked there stays revoked for receipts too
        consumer = ledger.consumer_by_key(self.session.db, fp)
        if consumer is None:
            return None
        pem = ledger.consumer_key(self.session.db, consumer.name)
        try:
            public = load_public_pem(pem.encode("ascii")) if pem else None
        except (BadInput, UnicodeEncodeError, UnsupportedAlgorithm, ValueError):
            public = None
        if public is None or fingerprint(public) != fp:
            return None  # a damaged registration trusts nothing
        self.used[fp] = consumer.name
        return TrustedKey(f"consumer {consumer.name}", fp, public)

    def refuse_outside_receipts(self, manifest: Manifest) -> None:
        if self.used and manifest.kind != "receipt":
            names = ", ".join(sorted(set(self.used.values())))
            raise BundleRejected(f"a {manifest.kind} bundle that relies on consumer {names}'s key: a consumer's key "
                                 "counts only for receipts")


def consumer_trust(session: Session) -> ConsumerTrust:
    from nia_desktop.services.trust import lookup

    return ConsumerTrust(session, lookup(session))


# -- sending side: a receipt received ------------------------------------------------------------------
@dataclass(frozen=True)
class Checked:
    receipt: Receipt
    copy: ledger.Copy
    consumer: str


def check(session: Session, verified: Verified, plain: bytes) -> Callable[[], dict[str, Any]]:
    """Hold a verified receipt to the ledger, before anything is written: BundleRejected for a malformed one,
    BadInput (audited ``receipt.receive`` refused) for one that names a copy it may not acknowledge. Returns what
    acknowledges the copy inside the receive's transaction (audited ``receipt.receive``)."""
    manifest = verified.manifest
    receipt = parse_receipt(carried(io.BytesIO(plain), manifest, verified.entries))
    try:
        checked = _match(session, manifest, receipt)
    except BadInput as exc:
        session.audit("receipt.receive", manifest.uuid, Outcome.REFUSED, {
            "reason": exc.user_message, "for": receipt.for_uuid, "signer": manifest.signer_fingerprint})
        raise

    def apply() -> dict[str, Any]:
        already = bool(checked.copy.acknowledged_at)
        if not already:
            ledger.acknowledge(session.db, checked.copy.bundle_uuid, manifest.uuid, manifest.signer_fingerprint,
                               iso_utc(session.clock.now()), f"accepted {receipt.accepted_at} by {receipt.by}")
        details = {"receipt": manifest.uuid, "for": receipt.for_uuid, "kind": receipt.kind, "item": receipt.item,
                   "consumer": checked.consumer, "already_acknowledged": already}
        session.audit("receipt.receive", manifest.uuid, details=details)
        return details

    return apply


def _match(session: Session, manifest: Manifest, receipt: Receipt) -> Checked:
    consumer = ledger.consumer_by_key(session.db, manifest.signer_fingerprint)
    if consumer is None:
        raise BadInput(f"the receipt is signed by {manifest.signer_name} ({manifest.signer_fingerprint[:16]}…), "
                       "whose key is no consumer's: only a consumer's registered key may acknowledge its copies")
    copy = ledger.copy_of(session.db, receipt.for_uuid)
    if copy is None:
        raise BadInput(f"the receipt names bundle {receipt.for_uuid}, which was never sent from here")
    if copy.consumer != consumer.name:
        raise BadInput(f"the receipt is signed by consumer {consumer.name}'s key, but bundle {receipt.for_uuid} was "
                       "sent to " + (f"consumer {copy.consumer}" if copy.consumer else "recipients named by key only"))
    if _COPY_KIND[receipt.kind] != copy.kind or receipt.item != copy.item:
        raise BadInput(f"the receipt does not match bundle {receipt.for_uuid}: it names {receipt.kind} "
                       f"{receipt.item[:16]}…, the bundle carried {copy.kind} {copy.item[:16]}…")
    if receipt.workstation != consumer.recipient:
        raise BadInput(f"the receipt comes from workstation {receipt.workstation[:16]}…, not consumer "
                       f"{consumer.name}'s ({consumer.recipient[:16]}…)")
    return Checked(receipt, copy, consumer.name)
