"""Bundles and trust: the officer's trust store, signing bundles out, verifying and receiving them.

Policy: officers manage trust; analysts sign bundles of their reports;
anyone may verify; couriers receive. Every step is audited, refusals too.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nia_desktop.core.bundles import sealed
from nia_desktop.core.bundles.manifest import Manifest
from nia_desktop.core.bundles.verify import TrustedKey, Verified, verify_bundle, verify_stream
from nia_desktop.core.bundles.write import Signer, Source, write_bundle
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import BadInput, BundleRejected
from nia_desktop.core.roles import Action
from nia_desktop.core.signing import fingerprint, load_public_pem, public_pem
from nia_desktop.core.store import audit_log
from nia_desktop.core.store import trust as store
from nia_desktop.core.store.reports import missing as missing_reports
from nia_desktop.core.store.workstation_keys import transport_identity
from nia_desktop.services.session import Session


@dataclass(frozen=True)
class VerifyResult:
    verified: Verified
    warnings: list[str]

    def to_json(self) -> dict[str, Any]:
        manifest = self.verified.manifest
        return {"ok": True, "signer": manifest.signer_name, "fingerprint": manifest.signer_fingerprint,
                "uuid": manifest.uuid, "kind": manifest.kind, "sequence": manifest.sequence,
                "created": manifest.created, "files": [f.path for f in manifest.files], "warnings": self.warnings,
                "error": None}


# -- trust store (officer) ----------------------------------------------------
def trust_key(session: Session, pem: bytes, name: str, workstation: str = "", role: str = "") -> str:
    """Add a public key; returns its fingerprint, which the officer compares out of band before relying on it."""
    session.require(Action.TRUST_MANAGE, name)
    public = load_public_pem(pem)
    fp = fingerprint(public)
    with session.db.transaction():
        if store.find(session.db, fp) is not None:
            raise BadInput(f"key {fp[:16]}… is already in the trust store")
        store.add(session.db, store.TrustRow(fp, name, workstation, role, public_pem(public).decode("ascii"),
                                             session.name, iso_utc(session.clock.now()), None))
        session.audit("trust.add", name, details={"fingerprint": fp, "workstation": workstation, "role": role})
    return fp


def revoke_key(session: Session, fp: str) -> None:
    session.require(Action.TRUST_MANAGE, fp)
    with session.db.transaction():
        matches = [r for r in store.listing(session.db) if r.fingerprint.startswith(fp.replace(" ", ""))]
        if len(matches) != 1:
            raise BadInput(f"no single key in the trust store starts with {fp!r}")
        if not store.revoke(session.db, matches[0].fingerprint, session.name, iso_utc(session.clock.now())):
            raise BadInput(f"key {matches[0].fingerprint[:16]}… is already revoked")
        session.audit("trust.revoke", matches[0].name, details={"fingerprint": matches[0].fingerprint})


def trusted_keys(session: Session) -> list[store.TrustRow]:
    session.require(Action.BUNDLE_VERIFY, "trust store")
    return store.listing(session.db)


def _lookup(session: Session) -> Any:
    """Trusted: this vault's trust store, and this vault's own users (a workstation trusts itself)."""
    def find(fp: str) -> TrustedKey | None:
        row = store.find(session.db, fp)
        if row is not None:
            return TrustedKey(row.name, fp, load_public_pem(row.public_pem.encode("ascii")), row.revoked_at is not None)
        for name, raw in session.db.query("SELECT name, signing_public FROM users"):
            from nia_desktop.core.signing import public_from_raw

            public = public_from_raw(bytes(raw))
            if fingerprint(public) == fp:
                return TrustedKey(str(name), fp, public)
        return None
    return find


# -- out: a signed bundle of reports (analyst) --------------------------------------------
def export_reports(session: Session, report_ids: list[int], out: Path) -> Manifest:
    """The reports' original bytes and metadata in a signed "reports" bundle, for another workstation."""
    session.require(Action.BRIEF_COMPOSE, str(out))
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


def sign_out(session: Session, kind: str, sources: list[Source], out: Path,
             recipients: list[str] | None = None) -> Manifest:
    """Sign a bundle with this user's key and the next sequence number; with recipients, encrypted to them."""
    head = audit_log.last(session.db)
    fp = fingerprint(session.signing_key.public_key())
    with session.db.transaction():
        sequence = store.next_sequence(session.db, fp)
    manifest = write_bundle(out, kind, sources, Signer(session.name, session.signing_key), sequence,
                            iso_utc(session.clock.now()),
                            {"seq": head.seq if head else 0, "hash": head.hash if head else ""}, recipients)
    session.audit("bundle.export", str(out), details={"uuid": manifest.uuid, "kind": kind, "sequence": sequence,
                                                      "files": len(manifest.files), "recipients": manifest.recipients})
    return manifest


def workstation_recipient(session: Session) -> str:
    """The age recipient (age1...) other workstations encrypt bundles for this one to."""
    with session.db.transaction():
        return transport_identity(session.db)[1]


def _open(session: Session, path: Path, keep: bool = False) -> tuple[Verified, bytes | None]:
    """Verify a bundle file, decrypting it in memory first if it is encrypted; the plain bytes when it was, or
    when ``keep`` asks for them (read once, so what is kept is exactly what was verified). A bundle addressed
    to other workstations is refused here, whether it came encrypted or not."""
    try:
        with path.open("rb") as handle:
            encrypted = sealed.is_encrypted(handle.read(len(sealed.MAGIC)))
    except OSError as exc:
        raise BundleRejected(f"cannot read {path.name}: {exc.strerror}") from exc
    now = iso_utc(session.clock.now())
    with session.db.transaction():
        secret, recipient = transport_identity(session.db)
    plain = None
    if encrypted or keep:
        with path.open("rb") as handle:
            plain = sealed.decrypt(handle, [secret]) if encrypted else handle.read()
        verified = verify_stream(io.BytesIO(plain), len(plain), _lookup(session), now)
    else:
        verified = verify_bundle(path, _lookup(session), now)
    recipients = verified.manifest.recipients
    if recipients and recipient not in recipients:
        raise BundleRejected(f"addressed to another workstation: this one ({recipient[:16]}…) is not among the "
                             f"{len(recipients)} recipient(s) the signer named")
    return verified, plain


# -- in: verify and receive -----------------------------------------------------------------
def verify(session: Session, path: Path) -> VerifyResult:
    session.require(Action.BUNDLE_VERIFY, str(path))
    try:
        verified, _ = _open(session, path)
    except BundleRejected as exc:
        session.audit("bundle.verify", path.name, "refused", {"reason": exc.user_message})
        raise
    warnings = list(verified.warnings) + _sequence_warnings(session, verified.manifest)
    session.audit("bundle.verify", path.name, details={"uuid": verified.manifest.uuid,
                                                        "signer": verified.manifest.signer_fingerprint})
    return VerifyResult(verified, warnings)


def _sequence_warnings(session: Session, manifest: Manifest) -> list[str]:
    seen = store.last_seen(session.db, manifest.signer_fingerprint)
    if manifest.sequence <= seen and store.received(session.db, manifest.uuid) is None:
        raise BundleRejected(f"sequence number {manifest.sequence} from {manifest.signer_name} is not above the "
                             f"last one seen ({seen}): a replayed or withheld bundle")
    if seen and manifest.sequence > seen + 1:
        return [f"gap: bundles {seen + 1}-{manifest.sequence - 1} from {manifest.signer_name} were never received"]
    return []


def verify_with_key(path: Path, pem: bytes, now: str, identities: list[str] | None = None) -> VerifyResult:
    """No vault: the one key given is the only one trusted (`nia bundle verify --trust PEM`); an encrypted
    bundle needs an age identity (`--identity FILE`) and is decrypted in memory."""
    public = load_public_pem(pem)
    fp = fingerprint(public)

    def trusted(wanted: str) -> TrustedKey | None:
        return TrustedKey("the key given", fp, public) if wanted == fp else None

    with path.open("rb") as handle:
        if sealed.is_encrypted(handle.read(len(sealed.MAGIC))):
            if not identities:
                raise BundleRejected(f"{path.name} is encrypted: give the age identity that opens it (--identity)")
            handle.seek(0)
            plain = sealed.decrypt(handle, identities)
            verified = verify_stream(io.BytesIO(plain), len(plain), trusted, now)
            return VerifyResult(verified, list(verified.warnings))
    verified = verify_bundle(path, trusted, now)
    return VerifyResult(verified, list(verified.warnings))


@dataclass(frozen=True)
class Received:
    manifest: Manifest
    already: bool
    warnings: list[str]


def receive(session: Session, path: Path) -> Received:
    """Verify, then keep the bundle in the inbound queue for an analyst; the same bundle twice adds nothing."""
    session.require(Action.BUNDLE_RECEIVE, str(path))
    try:
        verified, plain = _open(session, path, keep=True)
        manifest = verified.manifest
        if store.received(session.db, manifest.uuid) is not None:
            session.audit("bundle.receive", path.name, details={"uuid": manifest.uuid, "already": True})
            return Received(manifest, True, [])
        warnings = list(verified.warnings) + _sequence_warnings(session, manifest)
    except BundleRejected as exc:
        session.audit("bundle.receive", path.name, "refused", {"reason": exc.user_message})
        raise
    assert plain is not None
    data = plain
    with session.db.transaction():
        store.queue(session.db, manifest.uuid, manifest.kind, manifest.signer_fingerprint, manifest.sequence,
                    manifest.encode().decode("utf-8"), data, session.name, iso_utc(session.clock.now()))
        store.see(session.db, manifest.signer_fingerprint, manifest.sequence)
        session.audit("bundle.receive", path.name, details={
            "uuid": manifest.uuid, "kind": manifest.kind, "signer": manifest.signer_fingerprint,
            "sequence": manifest.sequence, "warnings": warnings})
    return Received(manifest, False, warnings)


def inbound(session: Session) -> list[tuple[str, str, str, int, str, str]]:
    """Received bundles, oldest first: uuid, kind, signer fingerprint, sequence, received at, status."""
    session.require(Action.BUNDLE_VERIFY, "inbound queue")
    return store.inbound(session.db)


def accept(session: Session, bundle_uuid: str, agency: str = "", case: str = "") -> Any:
    """An analyst takes a received reports bundle into the vault: checked again (trust may have changed since it
    was received), then its files imported like files from media, deduplicated by hash, with custody naming the
    bundle and its signer. Returns the ImportOutcome."""
    import io

    from nia_desktop.core.bundles import container
    from nia_desktop.core.ingest.media import ScanItem
    from nia_desktop.services.importing import import_paths

    session.require(Action.REPORT_IMPORT, f"bundle {bundle_uuid}")
    rows = session.db.query("SELECT bundle, status FROM received_bundles WHERE uuid = ?", (bundle_uuid,))
    if not rows:
        raise BadInput(f"no received bundle {bundle_uuid}")
    data, status = bytes(rows[0][0]), str(rows[0][1])
    if status != "queued":
        raise BadInput(f"bundle {bundle_uuid} was already {status}")
    handle = io.BytesIO(data)
    try:
        verified = verify_stream(handle, len(data), _lookup(session), iso_utc(session.clock.now()))
    except BundleRejected as exc:
        session.audit("bundle.accept", bundle_uuid, "refused", {"reason": exc.user_message})
        raise
    manifest = verified.manifest
    if manifest.kind != "reports":
        raise BadInput(f"bundle {bundle_uuid} carries {manifest.kind}, not reports")
    items = []
    root = Path(f"bundle-{manifest.uuid}")
    for f in manifest.files:
        if not f.path.endswith("/original"):
            continue
        meta_name = f.path.rsplit("/", 1)[0] + "/meta.json"
        meta = json.loads(b"".join(container.read_entry(handle, verified.entries[meta_name], 1 << 20))) \
            if meta_name in verified.entries else {}
        content = b"".join(container.read_entry(handle, verified.entries[f.path], f.size))
        name = str(meta.get("original_name") or f.path.split("/")[-2])
        items.append(ScanItem(root / name, root, len(content), data=content))
    origin = (f"signed by {manifest.signer_name} ({manifest.signer_fingerprint[:16]})", f"bundle {manifest.uuid}")
    outcome = import_paths(session, [root], agency, case, carried=(items, origin))
    with session.db.transaction():
        session.db.execute("UPDATE received_bundles SET status = 'accepted' WHERE uuid = ?", (bundle_uuid,))
        session.audit("bundle.accept", bundle_uuid, details={"import_id": outcome.import_id,
                                                             "signer": manifest.signer_fingerprint,
                                                             **outcome.counts()})
    return outcome
