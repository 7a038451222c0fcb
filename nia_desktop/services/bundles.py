"""Bundles and trust: the officer's trust store, signing bundles out, verifying and receiving them.

Policy: officers manage trust; analysts sign bundles of their reports;
anyone may verify; couriers receive. Every step is audited, refusals too.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nia_desktop.core.bundles import container, sealed
from nia_desktop.core.bundles.manifest import Manifest
from nia_desktop.core.bundles.verify import TrustedKey, Verified, verify_bundle, verify_stream
from nia_desktop.core.bundles.write import Signer, Source, bundle_bytes, write_bundle
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import BadInput, BundleRejected
from nia_desktop.core.roles import Action
from nia_desktop.core.signing import fingerprint, load_public_pem, public_from_raw, public_pem
from nia_desktop.core.store import audit_log, users
from nia_desktop.core.store import trust as store
from nia_desktop.core.store.reports import missing as missing_reports
from nia_desktop.core.store.workstation_keys import transport_identity
from nia_desktop.services.progress import CancelToken, Progress, no_progress
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
                "recipients": manifest.recipients,
                "custody": [{**h.to_json(), "trusted_as": h.signer_name} for h in self.verified.custody],
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
    """Stop trusting a key: one in the trust store, or a key one of this workstation's users rotated away from."""
    session.require(Action.TRUST_MANAGE, fp)
    wanted = fp.replace(" ", "")
    with session.db.transaction():
        matches = [r for r in store.listing(session.db) if r.fingerprint.startswith(wanted)]
        retired = [k for k in store.retired(session.db) if k.fingerprint.startswith(wanted)]
        if not matches and len(retired) == 1 and wanted:
            if not store.revoke_retired(session.db, retired[0].fingerprint, iso_utc(session.clock.now())):
                raise BadInput(f"key {retired[0].fingerprint[:16]}… is already revoked")
            session.audit("trust.revoke", retired[0].user, details={"fingerprint": retired[0].fingerprint,
                                                                    "rotated": True})
            return
        if len(matches) != 1:
            raise BadInput(f"no single key in the trust store starts with {fp!r}")
        if not store.revoke(session.db, matches[0].fingerprint, session.name, iso_utc(session.clock.now())):
            raise BadInput(f"key {matches[0].fingerprint[:16]}… is already revoked")
        session.audit("trust.revoke", matches[0].name, details={"fingerprint": matches[0].fingerprint})


def trusted_keys(session: Session) -> list[store.TrustRow]:
    session.require(Action.BUNDLE_VERIFY, "trust store")
    return store.listing(session.db)


def _lookup(session: Session) -> Any:
    """Trusted: this vault's trust store, and this vault's own users (a workstation trusts itself), including
    keys they rotated away from (marked rotated, refused once revoked)."""
    def find(fp: str) -> TrustedKey | None:
        row = store.find(session.db, fp)
        if row is not None:
            return TrustedKey(row.name, fp, load_public_pem(row.public_pem.encode("ascii")),
                              row.revoked_at is not None, row.superseded_by is not None)
        for user in users.all_users(session.db):
            if user.fingerprint == fp:
                return TrustedKey(user.name, fp, user.public_key)
        for old in store.retired(session.db, fp):
            return TrustedKey(f"{old.user} (rotated key)", fp, public_from_raw(old.public_raw),
                              old.revoked_at is not None, True)
        return None
    return find


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
             recipients: list[str] | None = None, file_name: str = "") -> Manifest:
    """Sign a bundle with this user's key and the next sequence number; with recipients, encrypted to them.
    Written to ``out``, or with ``out`` None kept in the vault's outbound queue for a courier to write to media
    (``file_name`` is the name it will have there)."""
    head = audit_log.last(session.db)
    fp = fingerprint(session.signing_key.public_key())
    signer = Signer(session.name, session.signing_key)
    audit_head = {"seq": head.seq if head else 0, "hash": head.hash if head else ""}
    with session.db.transaction():
        sequence = store.next_sequence(session.db, fp)
    if out is not None:
        manifest = write_bundle(out, kind, sources, signer, sequence, iso_utc(session.clock.now()), audit_head,
                                recipients)
        session.audit("bundle.export", str(out), details={
            "uuid": manifest.uuid, "kind": kind, "sequence": sequence, "files": len(manifest.files),
            "recipients": manifest.recipients})
        return manifest
    manifest, data = bundle_bytes(kind, sources, signer, sequence, iso_utc(session.clock.now()), audit_head,
                                  recipients)
    name = _file_name(file_name or f"{kind}-{manifest.uuid[:8]}.nia")
    digest = hashlib.sha256(data).hexdigest()
    with session.db.transaction():
        store.queue_out(session.db, manifest.uuid, kind, name, data, digest, bool(recipients), session.name,
                        iso_utc(session.clock.now()))
        session.audit("bundle.queue_out", name, details={"uuid": manifest.uuid, "kind": kind, "sequence": sequence,
                                                         "sha256": digest, "recipients": manifest.recipients})
    return manifest


def _file_name(name: str) -> str:
    """A plain file name for media: no folders, no control characters."""
    cleaned = "".join(c for c in Path(name).name if c.isprintable() and c not in "/\\:")[:120]
    if not cleaned or cleaned.startswith("."):
        raise BadInput(f"not a usable file name for media: {name!r}")
    return cleaned if cleaned.endswith(".nia") else cleaned + ".nia"


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


# -- couriers: custody hops and the outbound queue ------------------------------------------------
def _countersigned(session: Session, data: bytes, volume: str) -> tuple[bytes, Verified]:
    """The bundle with this courier's custody hop added; checked before (and the result checked after)."""
    from nia_desktop.core.bundles import custody

    if sealed.is_encrypted(data[:len(sealed.MAGIC)]):
        raise BadInput("this bundle is encrypted to its recipients: a courier cannot add a custody hop inside it; "
                       "the hand-over is recorded in this workstation's audit log")
    now = iso_utc(session.clock.now())
    verified = verify_stream(io.BytesIO(data), len(data), _lookup(session), now)
    number = len(verified.custody) + 1
    previous = None
    if verified.custody:
        last = custody.entry_names(number - 1)[0]
        previous = b"".join(container.read_entry(io.BytesIO(data), verified.entries[last], 1 << 16))
    hop = custody.new_hop(session.signing_key, session.name, now, volume, verified.manifest.uuid,
                          verified.manifest_bytes, previous, number)
    out = io.BytesIO()
    custody.append_hop(io.BytesIO(data), verified.entries, out, hop, number)
    result = out.getvalue()
    return result, verify_stream(io.BytesIO(result), len(result), _lookup(session), now)


def carry(session: Session, path: Path, volume: str, out: Path | None = None) -> Verified:
    """A courier countersigns a bundle they carry (their key, the time, the volume); the signer's manifest and
    signature are untouched. Written to ``out``, or in place (atomically)."""
    session.require(Action.BUNDLE_WRITE_OUT, str(path))
    target = out or path
    if out is not None and out.exists():
        raise BadInput(f"{out} already exists: choose another name")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"cannot read {path}: {exc.strerror}") from exc
    try:
        carried, verified = _countersigned(session, data, volume)
    except BundleRejected as exc:
        session.audit("bundle.carry", path.name, "refused", {"reason": exc.user_message})
        raise
    _write_durably(target, carried)
    session.audit("bundle.carry", target.name, details={"uuid": verified.manifest.uuid, "volume": volume,
                                                        "hop": len(verified.custody)})
    return verified


def _write_durably(target: Path, data: bytes) -> str:
    """Write through a hidden partial file, fsync it, rename it into place, fsync the folder, then read it back
    and compare hashes; returns the SHA-256. Removable media lie about writes more often than disks do."""
    partial = target.with_name(f".{target.name}.partial")
    digest = hashlib.sha256(data).hexdigest()
    try:
        with partial.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
        directory = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BadInput(f"cannot write {target}: {exc.strerror}") from exc
    reread = hashlib.sha256()
    with target.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            reread.update(chunk)
    if reread.hexdigest() != digest:
        raise BadInput(f"{target} reads back differently from what was written: the medium is faulty")
    return digest


def outbound(session: Session) -> list[store.Outbound]:
    """Bundles analysts queued for couriers: metadata only."""
    session.require(Action.BUNDLE_WRITE_OUT, "outbound queue")
    return store.outbound(session.db)


def write_out(session: Session, bundle_uuid: str, directory: Path, volume: str = "") -> Path:
    """A courier writes a queued bundle to removable media: their custody hop added (plain bundles), written
    with fsync and read back, then marked delivered. Returns the file written."""
    from nia_desktop.core.ingest.media import volume_of

    session.require(Action.BUNDLE_WRITE_OUT, bundle_uuid)
    found = store.outbound_bytes(session.db, bundle_uuid)
    if found is None:
        raise BadInput(f"no queued bundle {bundle_uuid}")
    row, data = found
    if row.status != "queued":
        raise BadInput(f"bundle {bundle_uuid} was already {row.status} ({row.volume} {row.delivered_at})")
    if not directory.is_dir():
        raise BadInput(f"{directory} is not a folder")
    target = directory / row.file_name
    if target.exists():
        raise BadInput(f"{target} already exists: the bundle may already be on this medium")
    label = volume or volume_of(directory)[1] or str(directory)
    if not row.encrypted:
        data, _ = _countersigned(session, data, label)
    digest = _write_durably(target, data)
    with session.db.transaction():
        store.delivered(session.db, bundle_uuid, session.name, iso_utc(session.clock.now()), label, str(target))
        session.audit("bundle.write_out", row.file_name, details={"uuid": bundle_uuid, "volume": label,
                                                                  "path": str(target), "sha256": digest})
    return target


@dataclass(frozen=True)
class MediaBundle:
    """A bundle file found on a medium, and what verifying it said (metadata only: couriers read no content)."""

    path: Path
    size: int
    ok: bool
    kind: str
    signer: str
    hops: int
    detail: str  # the refusal reason, or the warnings


def scan_media(session: Session, root: Path, progress: Progress = no_progress,
               cancel: CancelToken | None = None) -> list[MediaBundle]:
    """Every *.nia file in ``root`` and its sub-folders (two levels), each verified (and audited) as it is."""
    session.require(Action.BUNDLE_VERIFY, str(root))
    found = sorted(p for pattern in ("*.nia", "*/*.nia", "*/*/*.nia") for p in root.glob(pattern)
                   if p.is_file() and not p.is_symlink() and not p.name.startswith("."))
    results = []
    for n, path in enumerate(found):
        if cancel is not None:
            cancel.raise_if_cancelled()
        progress(n, len(found), path.name)
        size = path.stat().st_size
        try:
            result = verify(session, path)
        except BundleRejected as exc:
            results.append(MediaBundle(path, size, False, "", "", 0, exc.user_message))
            continue
        manifest = result.verified.manifest
        results.append(MediaBundle(path, size, True, manifest.kind, manifest.signer_name,
                                   len(result.verified.custody), "; ".join(result.warnings)))
    progress(len(found), len(found), "")
    return results
