"""Bundles out and in: signing (to a file, or the courier's outbound queue), verifying, receiving, accepting.

Policy: analysts sign bundles of their reports; anyone may verify; couriers
receive; analysts accept received reports into the vault. Every step is
audited, refusals too. The trust store is services/trust.py; couriers' custody
hops and media writes are services/couriers.py.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nia_desktop.core import settings as declared
from nia_desktop.core.atomic import staged_file
from nia_desktop.core.bundles import container, custody, sealed
from nia_desktop.core.bundles.manifest import Manifest
from nia_desktop.core.bundles.verify import (
    REVIEW_FROM,
    TrustedKey,
    Verified,
    open_bundle_file,
    verify_file,
    verify_stream,
)
from nia_desktop.core.bundles.write import Signer, Source, bundle_bytes, write_bundle
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import BadInput, BundleRejected
from nia_desktop.core.roles import Action
from nia_desktop.core.signing import fingerprint, load_public_pem
from nia_desktop.core.store import audit_log, settings_store, users
from nia_desktop.core.store import trust as store
from nia_desktop.core.store.reports import missing as missing_reports
from nia_desktop.core.store.workstation_keys import transport_identity
from nia_desktop.core.untrusted import Malformed, load_json, mapping, text
from nia_desktop.services.importing import CarriedMarking
from nia_desktop.services.paging import Page, check_window
from nia_desktop.services.session import Session
from nia_desktop.services.trust import lookup


@dataclass(frozen=True)
class VerifyResult:
    verified: Verified
    warnings: list[str]  # every warning, the custody chain's included
    chain: custody.Custody | None = None  # the custody chain as the one checking sees it

    def to_json(self) -> dict[str, Any]:
        manifest = self.verified.manifest
        return {"ok": True, "signer": manifest.signer_name, "fingerprint": manifest.signer_fingerprint,
                "uuid": manifest.uuid, "kind": manifest.kind, "sequence": manifest.sequence,
                "created": manifest.created, "files": [f.path for f in manifest.files], "warnings": self.warnings,
                "recipients": manifest.recipients,
                "custody": (self.chain or custody.Custody(self.verified.custody, False, [])).to_json(),
                "release": self.verified.release.to_json() if self.verified.release else None,
                "error": None}


# -- out: a signed bundle of reports (analyst) --------------------------------------------
def export_reports(session: Session, report_ids: list[int], out: Path | None) -> Manifest:
    """The reports' original bytes and metadata in a signed "reports" bundle, for another workstation: written to
    ``out``, or queued for a courier when ``out`` is None."""
    session.require(Action.BRIEF_COMPOSE, str(out or "outbound queue"))
    absent = missing_reports(session.db, report_ids)
    if absent:
        raise BadInput(f"no such report: {', '.join(map(str, absent))}")
    from nia_desktop.services.reports import open_report, original_bytes

    sources = []
    for report_id in sorted(set(report_ids)):
        report = open_report(session, report_id)
        summary = report.summary
        meta = {"id": report_id, **summary.to_json(), "original_name": summary.path.rsplit("/", 1)[-1]}
        sources.append(Source(f"reports/{report_id}/meta.json", data=json.dumps(meta, ensure_ascii=False,
                                                                                  sort_keys=True).encode()))
        sources.append(Source(f"reports/{report_id}/original", data=original_bytes(session, report_id)))
    return sign_out(session, "reports", sources, out)


def sign_out(session: Session, kind: str, sources: list[Source], out: Path | None,
             recipients: list[str] | None = None, file_name: str = "",
             also: Callable[[Manifest], None] | None = None) -> Manifest:
    """Sign a bundle with this user's key and the next sequence number; with recipients, encrypted to them.
    Written to ``out``, or with ``out`` None kept in the vault's outbound queue for a courier to write to media
    (``file_name`` is the name it will have there).

    The sequence number, the audit entry and ``also`` (a caller's own rows and entry) commit in one
    transaction, and a file written to ``out`` appears only once that has committed: no bundle leaves without
    its entry, and a failed audit write (a full disk) leaves no file."""
    fp = fingerprint(session.signing_key.public_key())
    signer = Signer(session.name, session.signing_key)
    if out is not None:
        with staged_file(out) as partial, session.db.transaction():
            sequence, audit_head = _next(session, fp)
            manifest = write_bundle(partial, kind, sources, signer, sequence, iso_utc(session.clock.now()),
                                    audit_head, recipients)
            session.audit("bundle.export", str(out), details={
                "uuid": manifest.uuid, "kind": kind, "sequence": sequence, "files": len(manifest.files),
                "recipients": manifest.recipients, "sha256": _file_digest(partial)})
            if also is not None:
                also(manifest)
        return manifest
    with session.db.transaction():
        sequence, audit_head = _next(session, fp)
        manifest, data = bundle_bytes(kind, sources, signer, sequence, iso_utc(session.clock.now()), audit_head,
                                      recipients)
        name = _file_name(file_name or f"{kind}-{manifest.uuid[:8]}.nia")
        digest = hashlib.sha256(data).hexdigest()
        store.queue_out(session.db, manifest.uuid, kind, name, data, digest, bool(recipients), session.name,
                        iso_utc(session.clock.now()))
        session.audit("bundle.queue_out", name, details={"uuid": manifest.uuid, "kind": kind, "sequence": sequence,
                                                         "sha256": digest, "recipients": manifest.recipients})
        if also is not None:
            also(manifest)
    return manifest


def _next(session: Session, fp: str) -> tuple[int, dict[str, Any]]:
    """Inside the export's transaction: this signer's next sequence number and the audit head it follows."""
    head = audit_log.last(session.db)
    return store.next_sequence(session.db, fp), {"seq": head.seq if head else 0, "hash": head.hash if head else ""}


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _file_name(name: str) -> str:
    """A plain file name for media: no folders, no control characters."""
    cleaned = "".join(c for c in Path(name).name if c.isprintable() and c not in "/\\:")[:120]
    if not cleaned or cleaned.startswith("."):
        raise BadInput(f"not a usable file name for media: {name!r}")
    return cleaned if cleaned.endswith(".nia") else cleaned + ".nia"


def workstation_recipient(session: Session) -> str:
    """The age recipient (age1...) other workstations encrypt bundles for this one to."""
    return transport_identity(session.db)[1]


def _open(session: Session, path: Path, keep: bool = False) -> tuple[Verified, bytes | None]:
    """Verify a bundle file, decrypting it in memory first if it is encrypted; the plain bytes when it was, or
    when ``keep`` asks for them (read once, so what is kept is exactly what was verified). A bundle addressed
    to other workstations is refused here, whether it came encrypted or not. Consumers' registered keys are
    trusted for receipts alone (services/receipts.py): any other bundle that needed one is refused."""
    from nia_desktop.services.receipts import consumer_trust

    secret, recipient = transport_identity(session.db)
    trusted = consumer_trust(session)
    verified, plain = verify_file(path, trusted, iso_utc(session.clock.now()), [secret], keep,
                                  review_from=review_level(session))
    trusted.refuse_outside_receipts(verified.manifest)
    recipients = verified.manifest.recipients
    if recipients and recipient not in recipients:
        raise BundleRejected(f"addressed to another workstation: this one ({recipient[:16]}…) is not among the "
                             f"{len(recipients)} recipient(s) the signer named")
    return verified, plain


def review_level(session: Session) -> int:
    """This workstation's release review level: a received briefing at or above it needs an officer's approval
    that this workstation can check (core/bundles/approval.py), whatever the sender's own rule was."""
    return settings_store.get_int(session.db, declared.RELEASE_REVIEW_FROM)


# -- in: verify and receive -----------------------------------------------------------------
def holder(session: Session) -> custody.Holder:
    """This user on this workstation, as the end of a custody chain: a chain is complete when its last hop hands
    the bundle to them (their key) or to this workstation (its age recipient)."""
    own = {u.fingerprint for u in users.all_users(session.db)}
    return custody.Holder(fingerprint(session.signing_key.public_key()), session.name, workstation_recipient(session),
                          session.vault.name, own.__contains__)


def custody_of(session: Session | None, verified: Verified, path: Path | None) -> custody.Custody:
    """The custody chain judged for whoever checks it now (nobody in particular without a vault);
    BundleRejected when it shows a hop replaced after a delivery here."""
    encrypted = False
    if path is not None:
        try:
            with open_bundle_file(path) as handle:
                encrypted = sealed.is_encrypted(handle.read(len(sealed.MAGIC)))
        except (OSError, BundleRejected):
            encrypted = False
    return custody.assess(verified.custody, holder(session) if session else custody.Holder(),
                          verified.manifest.signer_fingerprint, encrypted)


def verify(session: Session, path: Path) -> VerifyResult:
    session.require(Action.BUNDLE_VERIFY, str(path))
    try:
        verified, _ = _open(session, path)
        chain = custody_of(session, verified, path)
    except BundleRejected as exc:
        session.audit("bundle.verify", path.name, "refused", {"reason": exc.user_message})
        raise
    warnings = list(verified.warnings) + chain.warnings + _sequence_warnings(session, verified.manifest)
    session.audit("bundle.verify", path.name, details={"uuid": verified.manifest.uuid,
                                                        "signer": verified.manifest.signer_fingerprint,
                                                        "custody": _custody_summary(chain)})
    return VerifyResult(verified, warnings, chain)


def _custody_summary(chain: custody.Custody) -> dict[str, Any]:
    """For the audit log: who countersigned, in order, whom the last hop named, and whether the chain reaches
    the one who checked it."""
    last = chain.hops[-1].to if chain.hops else None
    return {"hops": [h.fingerprint for h in chain.hops], "to": last.to_json() if last else None,
            "complete": chain.complete}


def _sequence_warnings(session: Session, manifest: Manifest) -> list[str]:
    seen = store.last_seen(session.db, manifest.signer_fingerprint)
    if manifest.sequence <= seen and store.received(session.db, manifest.uuid) is None:
        raise BundleRejected(f"sequence number {manifest.sequence} from {manifest.signer_name} is not above the "
                             f"last one seen ({seen}): a replayed or withheld bundle")
    if seen and manifest.sequence > seen + 1:
        return [f"gap: bundles {seen + 1}-{manifest.sequence - 1} from {manifest.signer_name} were never received"]
    return []


def verify_with_key(path: Path, pems: list[bytes], now: str, identities: list[str] | None = None,
                    officer_pems: list[bytes] | None = None, review_from: int = REVIEW_FROM) -> VerifyResult:
    """No vault: the keys given are the only ones trusted (`nia bundle verify --trust PEM`, repeatable for a
    carried bundle's couriers; `--trust-officer PEM` for a key trusted as a security officer's, which may
    approve a briefing's release); an encrypted bundle needs an age identity (`--identity FILE`) and is
    decrypted in memory. Briefings are held to ``review_from`` (default SECRET, `--review-from`)."""
    given = {fingerprint(key): (key, False) for key in (load_public_pem(pem) for pem in pems)}
    given |= {fingerprint(key): (key, True) for key in (load_public_pem(pem) for pem in officer_pems or [])}

    def trusted(wanted: str) -> TrustedKey | None:
        found = given.get(wanted)
        if found is None:
            return None
        return TrustedKey(f"key {wanted[:16]}… given" + (" as an officer's" if found[1] else ""), wanted, found[0],
                          officer=found[1])

    verified, _ = verify_file(path, trusted, now, identities or [], review_from=review_from)
    chain = custody_of(None, verified, path)
    return VerifyResult(verified, list(verified.warnings) + chain.warnings, chain)


@dataclass(frozen=True)
class Received:
    manifest: Manifest
    already: bool
    warnings: list[str]
    chain: custody.Custody | None = None
    effect: dict[str, Any] = field(default_factory=dict)  # what a briefing, notice or receipt changed here


def receive(session: Session, path: Path) -> Received:
    """Verify, then keep the bundle in the inbound queue for an analyst; the same bundle twice adds nothing.

    In the same transaction: a briefing becomes a held product and a notice marks the held products it names
    (services/notices.py); a receipt acknowledges the copy it names in the ledger (services/receipts.py), and is
    refused, with nothing kept, when it names a copy its signer may not acknowledge (BadInput, exit 1)."""
    session.require(Action.BUNDLE_RECEIVE, str(path))
    try:
        verified, plain = _open(session, path, keep=True)
        manifest = verified.manifest
        if store.received(session.db, manifest.uuid) is not None:
            session.audit("bundle.receive", path.name, details={"uuid": manifest.uuid, "already": True})
            return Received(manifest, True, [])
        chain = custody_of(session, verified, path)
        warnings = list(verified.warnings) + chain.warnings + _sequence_warnings(session, manifest)
        assert plain is not None
        effect = _effect(session, verified, plain)
    except BundleRejected as exc:
        session.audit("bundle.receive", path.name, "refused", {"reason": exc.user_message})
        raise
    data = plain
    with session.db.transaction():
        store.queue(session.db, manifest.uuid, manifest.kind, manifest.signer_fingerprint, manifest.sequence,
                    manifest.encode().decode("utf-8"), data, session.name, iso_utc(session.clock.now()))
        store.see(session.db, manifest.signer_fingerprint, manifest.sequence)
        changed = effect() if effect is not None else {}
        if manifest.kind in _DONE_ON_RECEIPT:  # nothing waits for an analyst
            store.set_received_status(session.db, manifest.uuid, _DONE_ON_RECEIPT[manifest.kind])
        session.audit("bundle.receive", path.name, details={
            "uuid": manifest.uuid, "kind": manifest.kind, "signer": manifest.signer_fingerprint,
            "sequence": manifest.sequence, "warnings": warnings, "custody": _custody_summary(chain),
            **({"product": changed["product"]} if "product" in changed else {})})
    return Received(manifest, False, warnings, chain, changed)


# Kinds whose whole effect happens when a courier receives them: their inbound status says so.
_DONE_ON_RECEIPT = {"briefing": "held", "notice": "recorded", "receipt": "recorded"}


def _effect(session: Session, verified: Verified, plain: bytes) -> Callable[[], dict[str, Any]] | None:
    """What a bundle of this kind changes once received, checked now (before anything is written)."""
    kind = verified.manifest.kind
    if kind == "briefing":
        from nia_desktop.services.notices import hold_product

        return hold_product(session, verified, plain)
    if kind == "notice":
        from nia_desktop.services.notices import apply_notice

        return apply_notice(session, verified, plain)
    if kind == "receipt":
        from nia_desktop.services.receipts import check

        return check(session, verified, plain)
    return None


def inbound(session: Session) -> list[tuple[str, str, str, int, str, str]]:
    """Received bundles, oldest first: uuid, kind, signer fingerprint, sequence, received at, status."""
    session.require(Action.BUNDLE_VERIFY, "inbound queue")
    return store.inbound(session.db)


def inbound_page(session: Session, limit: int = 100, offset: int = 0) -> Page[tuple[str, str, str, int, str, str]]:
    """A page of the received bundles, oldest first."""
    session.require(Action.BUNDLE_VERIFY, "inbound queue")
    check_window(limit, offset)
    return Page.cut(store.inbound(session.db, limit + 1, offset), limit, offset)


def accept(session: Session, bundle_uuid: str, agency: str = "", case: str = "") -> Any:
    """An analyst takes a received reports bundle into the vault: checked again (trust may have changed since it
    was received), then its files imported like files from media, deduplicated by hash, with custody naming the
    bundle and its signer. Returns the ImportOutcome."""
    from nia_desktop.services.importing import import_paths

    session.require(Action.REPORT_IMPORT, f"bundle {bundle_uuid}")
    found = store.received_bundle(session.db, bundle_uuid)
    if found is None:
        raise BadInput(f"no received bundle {bundle_uuid}")
    data, status = found
    if status != "queued":
        raise BadInput(f"bundle {bundle_uuid} was already {status}")
    handle = io.BytesIO(data)
    try:
        verified = verify_stream(handle, len(data), lookup(session), iso_utc(session.clock.now()),
                                 review_from=review_level(session))
    except BundleRejected as exc:
        session.audit("bundle.accept", bundle_uuid, "refused", {"reason": exc.user_message})
        raise
    manifest = verified.manifest
    if manifest.kind != "reports":
        raise BadInput(f"bundle {bundle_uuid} carries {manifest.kind}, not reports")
    try:
        items, markings = _carried_items(handle, verified)
    except BundleRejected as exc:
        session.audit("bundle.accept", bundle_uuid, "refused", {"reason": exc.user_message})
        raise
    origin = (f"signed by {manifest.signer_name} ({manifest.signer_fingerprint[:16]})", f"bundle {manifest.uuid}")
    outcome = import_paths(session, [Path(f"bundle-{manifest.uuid}")], agency, case, carried=(items, origin),
                           carried_markings=markings)
    with session.db.transaction():
        store.set_received_status(session.db, bundle_uuid, "accepted")
        session.audit("bundle.accept", bundle_uuid, details={"import_id": outcome.import_id,
                                                             "signer": manifest.signer_fingerprint,
                                                             **outcome.counts()})
    return outcome


def _carried_items(handle: io.BytesIO, verified: Verified) -> tuple[list[Any], dict[str, CarriedMarking]]:
    """Each report in a verified reports bundle as an import item, named as it was imported at the sender, and
    the marking the sender held it under (its level and caveats: a compartment never falls off in transit)."""
    from nia_desktop.core.ingest.media import ScanItem

    manifest, items, markings = verified.manifest, [], {}
    root = Path(f"bundle-{manifest.uuid}")
    for f in manifest.files:
        if not f.path.endswith("/original"):
            continue
        meta_name = f.path.rsplit("/", 1)[0] + "/meta.json"
        meta = _meta(handle, verified, meta_name) if meta_name in verified.entries else {}
        original_name = _original_name(meta, meta_name)
        content = b"".join(container.read_entry(handle, verified.entries[f.path], f.size))
        name = original_name or f.path.split("/")[-2]
        item = ScanItem(root / name, root, len(content), data=content)
        items.append(item)
        markings[str(item.path)] = _carried_marking(meta, meta_name)
    return items, markings


def _meta(handle: io.BytesIO, verified: Verified, meta_name: str) -> dict[str, Any]:
    data = b"".join(container.read_entry(handle, verified.entries[meta_name], 1 << 20))
    try:
        return dict(mapping(load_json(data, meta_name), meta_name))
    except Malformed as exc:
        raise BundleRejected(f"{exc}") from exc


def _carried_marking(meta: dict[str, Any], meta_name: str) -> CarriedMarking:
    """The sender's marking from meta.json; BundleRejected naming the file when it is malformed."""
    from nia_desktop.core.classification import parse_level

    try:
        level = parse_level(text(meta.get("classification") or "UNCLASSIFIED", f"{meta_name}: classification", 40))
        caveats = meta.get("caveats") or []
        if not isinstance(caveats, list) or len(caveats) > 16:
            raise Malformed(f"{meta_name}: caveats must be a list of at most 16 names")
        names = [text(c, f"{meta_name}: caveat", 64) for c in caveats]
    except (Malformed, BadInput) as exc:
        raise BundleRejected(f"{exc}") from exc
    return CarriedMarking(level, tuple(names))


def _original_name(meta: dict[str, Any], meta_name: str) -> str:
    """The report's original file name from its meta.json; BundleRejected naming the file when it is malformed."""
    try:
        return text(meta.get("original_name") or "", f"{meta_name}: original_name", 255)
    except Malformed as exc:
        raise BundleRejected(f"{exc}") from exc
