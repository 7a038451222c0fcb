"""Couriers: custody hops on the bundles they carry, the outbound queue written to media, media scanned for
bundles. Couriers see metadata (kind, signer, size, custody), never content.

Each hop names whom the courier hands the bundle to (``to``: the next courier's key, or the destination
workstation's age recipient), so the next courier's hop is checked against it and the receiving side can tell
whether the chain reaches it (core/bundles/custody.py)."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from nia_desktop.core.atomic import atomic_write, staged_file
from nia_desktop.core.bundles import container, custody, sealed
from nia_desktop.core.bundles.verify import Verified, verify_stream
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import BadInput, BundleRejected
from nia_desktop.core.ingest.media import volume_of
from nia_desktop.core.roles import Action
from nia_desktop.core.signing import fingerprint
from nia_desktop.core.store import trust as store
from nia_desktop.core.store import users
from nia_desktop.services.bundles import review_level, verify, workstation_recipient
from nia_desktop.services.paging import Page, check_window
from nia_desktop.services.progress import CancelToken, Progress, no_progress
from nia_desktop.services.session import Session
from nia_desktop.services.trust import lookup


def hand_to(session: Session, named: str) -> custody.HandTo | None:
    """Whom ``--to`` names: an age recipient (age1...) is the destination workstation; otherwise the name or
    fingerprint (at least 16 hex digits) of a key this workstation trusts or of one of its users, not revoked, or
    the full fingerprint of a key unknown here (another workstation's courier). '' names nobody (the hop is then
    flagged wherever it is checked)."""
    named = named.strip()
    if not named:
        return None
    if named.startswith("age1"):
        recipient = sealed.parse_recipient(named)
        here = recipient == workstation_recipient(session)
        return custody.HandTo(custody.WORKSTATION, recipient, session.vault.name if here else "")
    found: dict[str, str] = {}
    wanted = named.replace(" ", "").lower()
    by_fingerprint = len(wanted) >= 16 and all(c in "0123456789abcdef" for c in wanted)
    candidates = [(r.fingerprint, r.name) for r in store.listing(session.db)
                  if r.revoked_at is None and r.superseded_by is None]
    candidates += [(u.fingerprint, u.name) for u in users.all_users(session.db) if u.active]
    for fp, name in candidates:
        if (by_fingerprint and fp.startswith(wanted)) or (not by_fingerprint and name == named):
            found.setdefault(fp, name)
    if not found and by_fingerprint and len(wanted) == 64:  # a courier of another workstation, unknown here
        return custody.HandTo(custody.COURIER, wanted, "")
    if len(found) != 1:
        raise BadInput(f"--to {named!r}: " + ("names more than one key; give its fingerprint" if found else
                       "no trusted key or user of that name or fingerprint (see nia trust list), and not an age "
                       "recipient (age1..., the destination workstation's `nia key recipient`)"))
    [(fp, name)] = found.items()
    return custody.HandTo(custody.COURIER, fp, name)


def _countersigned(session: Session, data: bytes, volume: str,
                   to: custody.HandTo | None = None) -> tuple[bytes, Verified]:
    """The bundle with this courier's custody hop added; checked before (and the result checked after). Refused
    when the last hop handed the bundle to someone else: that courier must countersign first."""
    if sealed.is_encrypted(data[:len(sealed.MAGIC)]):
        raise BadInput("this bundle is encrypted to its recipients: a courier cannot add a custody hop inside it; "
                       "the hand-over is recorded in this workstation's audit log")
    now = iso_utc(session.clock.now())
    level = review_level(session)  # this workstation's own release rule, as verify and receive apply it
    verified = verify_stream(io.BytesIO(data), len(data), lookup(session), now, review_from=level)
    me = fingerprint(session.signing_key.public_key())
    if to is not None and to.kind == custody.COURIER and to.id == me:
        raise BadInput("--to names you: give the courier or workstation you hand the bundle to")
    if verified.custody and verified.custody[-1].to is not None:
        number, given = verified.custody[-1].number, verified.custody[-1].to
        if given.kind == custody.COURIER and given.id != me:
            raise BadInput(f"custody hop {number} handed this bundle to {given.describe()}, not to you: they "
                           "must countersign it (nia bundle carry) before it is handed on")
        if given.kind == custody.WORKSTATION and given.id != workstation_recipient(session):
            raise BadInput(f"custody hop {number} delivered this bundle to {given.describe()}, not to this "
                           "workstation: it is carried on from there")
    number = len(verified.custody) + 1
    previous = None
    if verified.custody:
        last = custody.entry_names(number - 1)[0]
        previous = b"".join(container.read_entry(io.BytesIO(data), verified.entries[last], 1 << 16))
    hop = custody.new_hop(session.signing_key, session.name, now, volume, verified.manifest.uuid,
                          verified.manifest_bytes, previous, number, to)
    out = io.BytesIO()
    custody.append_hop(io.BytesIO(data), verified.entries, out, hop, number)
    result = out.getvalue()
    return result, verify_stream(io.BytesIO(result), len(result), lookup(session), now, review_from=level)


def carry(session: Session, path: Path, volume: str, out: Path | None = None, to: str = "") -> Verified:
    """A courier countersigns a bundle they carry (their key, the time, the volume, and whom they hand it to:
    ``to``, see hand_to); the signer's manifest and signature are untouched. Written to ``out``, or in place
    (atomically)."""
    session.require(Action.BUNDLE_WRITE_OUT, str(path))
    target = out or path
    if out is not None and out.exists():
        raise BadInput(f"{out} already exists: choose another name")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"cannot read {path}: {exc.strerror}") from exc
    try:
        given = hand_to(session, to)
        carried, verified = _countersigned(session, data, volume, given)
        with staged_file(target, replace=out is None) as partial:  # appears only once its entry is committed
            digest = _write_durably(partial, carried, target)
            session.audit("bundle.carry", target.name, details={"uuid": verified.manifest.uuid, "volume": volume,
                                                                "hop": len(verified.custody), "sha256": digest,
                                                                "to": given.to_json() if given else None})
    except (BundleRejected, BadInput) as exc:
        session.audit("bundle.carry", path.name, "refused", {"reason": exc.user_message})
        raise
    return verified


def _write_durably(target: Path, data: bytes, named: Path) -> str:
    """Write atomically (hidden temporary file, fsync, rename, fsync of the folder), then read it back and
    compare hashes; returns the SHA-256. Removable media lie about writes more often than disks do. ``named``
    is the file the user will see (``target`` is its staged name, see core/atomic.staged_file)."""
    digest = hashlib.sha256(data).hexdigest()
    try:
        atomic_write(target, data)
    except OSError as exc:
        raise BadInput(f"cannot write {named}: {exc.strerror}") from exc
    reread = hashlib.sha256()
    with target.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            reread.update(chunk)
    if reread.hexdigest() != digest:
        target.unlink(missing_ok=True)  # nothing half-good is left on the medium
        raise BadInput(f"{named} read back differently from what was written (the medium is faulty); removed")
    return digest


def outbound(session: Session) -> list[store.Outbound]:
    """Bundles analysts queued for couriers: metadata only."""
    session.require(Action.BUNDLE_WRITE_OUT, "outbound queue")
    return store.outbound(session.db)


def outbound_page(session: Session, limit: int = 100, offset: int = 0) -> Page[store.Outbound]:
    """A page of the outbound queue, oldest first: metadata only."""
    session.require(Action.BUNDLE_WRITE_OUT, "outbound queue")
    check_window(limit, offset)
    return Page.cut(store.outbound(session.db, limit + 1, offset), limit, offset)


def write_out(session: Session, bundle_uuid: str, directory: Path, volume: str = "", to: str = "") -> Path:
    """A courier writes a queued bundle to removable media: their custody hop added (plain bundles, naming whom
    they hand it to: ``to``, see hand_to), written with fsync and read back, then marked delivered. Returns the
    file written."""
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
    given = None
    try:
        given = hand_to(session, to)
        if not row.encrypted:
            data, _ = _countersigned(session, data, label, given)
        with staged_file(target) as partial:  # on the medium only once it is marked delivered and audited
            digest = _write_durably(partial, data, target)
            with session.db.transaction():
                store.delivered(session.db, bundle_uuid, session.name, iso_utc(session.clock.now()), label,
                                str(target))
                session.audit("bundle.write_out", row.file_name, details={
                    "uuid": bundle_uuid, "volume": label, "path": str(target), "sha256": digest,
                    "to": given.to_json() if given else None})
    except (BundleRejected, BadInput) as exc:
        session.audit("bundle.write_out", row.file_name, "refused", {"uuid": bundle_uuid, "volume": label,
                                                                     "reason": exc.user_message})
        raise
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
    detail: str  # the refusal reason, or the warnings (custody gaps included)
    custody_complete: bool = False  # the chain reaches this courier or workstation


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
                                   len(result.verified.custody), "; ".join(result.warnings),
                                   result.chain is not None and result.chain.complete))
    progress(len(found), len(found), "")
    return results
