"""Corrections and recalls, on both workstations.

Sending side (the NIA): ``issue`` signs a notice naming a released product and
sends one copy to every consumer the ledger says holds it, each encrypted to
that consumer's workstation and recorded as a copy (kind notice) inside the
export's own transaction, so the ledger can list who has not acknowledged it.

Receiving side (a consumer's NIA Desktop): a courier's ``nia bundle receive``
records every briefing as a held product (``hold_product``) and applies every
notice (``apply_notice``): it marks the held products it names, superseded or
withdrawn, but only those signed by the same key as the notice, or when the
notice's key is trusted here as a security officer's; any other is left alone,
and that refusal is audited. A notice that arrives before its product is
applied when the product comes. The desktop shows an unseen notice
prominently until a user marks it seen (audited).

Who sees what: a held product's case and title are the product's content, so
only an analyst cleared for its marking sees them; couriers and officers see
its digest, status and the notice's reason.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from nia_desktop.core.audit import Outcome
from nia_desktop.core.bundles import container
from nia_desktop.core.bundles.manifest import MANIFEST, Manifest
from nia_desktop.core.bundles.manifest import parse as parse_manifest
from nia_desktop.core.bundles.notices import NOTICE_FILE, carried, new_notice, parse_notice, payload_digest
from nia_desktop.core.bundles.notices import Notice as NoticePayload
from nia_desktop.core.bundles.product import HeldBriefing, read_product
from nia_desktop.core.bundles.verify import Verified
from nia_desktop.core.bundles.write import Source
from nia_desktop.core.classification import Level
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import BadInput, BundleRejected, PermissionRefused
from nia_desktop.core.markings import Caveat, CaveatKind, Marking, release_list
from nia_desktop.core.roles import Action, Role
from nia_desktop.core.store import clearances, holdings, ledger
from nia_desktop.core.store import trust as trust_store
from nia_desktop.core.store.holdings import STATUS_OF, STATUS_RANK, HeldProduct, ReceivedNotice
from nia_desktop.services.bundles import sign_out
from nia_desktop.services.session import Session
from nia_desktop.services.trust import lookup

MIN_PREFIX = 8


# -- sending side ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class SentNotice:
    consumer: str
    uuid: str
    path: Path | None  # None: queued for a courier

    def to_json(self) -> dict[str, Any]:
        return {"consumer": self.consumer, "uuid": self.uuid, "path": str(self.path) if self.path else None,
                "queued": self.path is None}


@dataclass(frozen=True)
class Issued:
    notice: NoticePayload
    digest: str
    product: ledger.Product
    sent: list[SentNotice]

    def to_json(self) -> dict[str, Any]:
        return {"notice": self.digest, **self.notice.to_json(), "product": self.product.to_json(),
                "sent": [s.to_json() for s in self.sent]}


def issue(session: Session, action: str, product: str, why: str, superseded_by: str | None = None,
          out: Path | None = None) -> Issued:
    """Sign a correction or recall of ``product`` (a digest, or a unique start of one) and send it to every
    consumer holding a copy: to ``out`` (a file with one holder; with several, one file each named after the
    file's stem and the consumer; or, an existing folder, one file each in it), or to the courier's queue."""
    session.require(Action.NOTICE_ISSUE, product)
    if action not in STATUS_OF:
        raise BadInput(f"unknown notice {action!r}: say correct or recall")
    why = why.strip()
    if not why:
        raise BadInput("say why (--why): the consumer's workstation shows it with the notice")
    found = _product(session, product)
    successor = _product(session, superseded_by).digest if superseded_by else None
    if successor == found.digest:
        raise BadInput("a product cannot supersede itself")
    if action == "correct" and successor is None:
        raise BadInput("a correction names the product that supersedes it (--superseded-by DIGEST)")
    holders = sorted({c.consumer for c in ledger.copies_of(session.db, found.digest)
                      if c.kind == "product" and c.consumer})
    if not holders:
        raise BadInput(f"no consumer holds product {found.digest[:16]}…: there is nobody to notify")
    consumers = [_consumer(session, name) for name in holders]
    now = iso_utc(session.clock.now())
    try:
        payload = new_notice(action, [found.digest], why, successor, session.name, now)
    except BundleRejected as exc:  # the same rules the receiver applies: a reason it would refuse
        raise BadInput(exc.user_message.replace("notice.json is malformed: ", "")) from exc
    digest = payload.digest()
    targets = _targets(out, holders, action, found.digest)
    sent = []
    for consumer, target in zip(consumers, targets, strict=True):
        def record(manifest: Manifest, name: str = consumer.name, target: Path | None = target) -> None:
            ledger.record_notice(session.db, ledger.Notice(digest, action, why, successor or "", (found.digest,),
                                                           session.name, now))
            ledger.record_copy(session.db, manifest.uuid, "notice", digest, name, session.name, now,
                               f"file {target}" if target else "queued")
            session.audit("notice.issue", found.digest[:16], details={
                "notice": digest, "action": action, "product": found.digest, "superseded_by": successor,
                "consumer": name, "uuid": manifest.uuid})

        manifest = sign_out(session, "notice", [Source("notice.json", data=payload.encode())], target,
                            [consumer.recipient], f"notice-{action}-{found.digest[:12]}-{_safe(consumer.name)}.nia",
                            record)
        sent.append(SentNotice(consumer.name, manifest.uuid, target))
    return Issued(payload, digest, found, sent)


def _product(session: Session, given: str) -> ledger.Product:
    """A released product by digest or a unique start of one (8+ hex digits), that this user may read."""
    wanted = given.strip().lower()
    if len(wanted) < MIN_PREFIX or len(wanted) > 64 or not all(c in "0123456789abcdef" for c in wanted):
        raise BadInput(f"{given[:70]!r} is not a product digest: give its hex digits, at least the first "
                       f"{MIN_PREFIX}")
    found = ledger.products_like(session.db, wanted, 2)
    if not found:
        raise BadInput(f"no released product starts with {wanted[:16]}: the ledger knows only what was released "
                       "from here")
    if len(found) > 1:
        raise BadInput(f"more than one product starts with {wanted}: give more of its digest")
    product = found[0]
    marking = Marking.of(product.classification, (Caveat(name, _kind(session, name)) for name in product.caveats))
    if not session.access().may_read(marking):
        session.audit("notice.issue", product.digest[:16], Outcome.REFUSED,
                      {"reason": "not cleared for the product's marking", "product": product.digest})
        raise PermissionRefused(f"refused: your clearance does not cover product {product.digest[:16]}… "
                                "(need to know)")
    return product


def _kind(session: Session, name: str) -> CaveatKind:
    """A product's caveat as this vault defines it; one it does not know is unknown (restricts reading), unless
    it is a release list (combine() may have made that list anew from its parts')."""
    record = clearances.resolve(session.db, name)
    if record is not None:
        return record.kind
    return CaveatKind.RELEASE if release_list(name) is not None else CaveatKind.UNKNOWN


def _consumer(session: Session, name: str) -> ledger.Consumer:
    consumer = ledger.consumer(session.db, name)
    if consumer is None:  # a copy names a consumer the registry lost: the ledger is damaged
        raise BadInput(f"the ledger names consumer {name!r}, whom the consumer registry does not know")
    return consumer


def _targets(out: Path | None, holders: list[str], action: str, digest: str) -> list[Path | None]:
    """Where each consumer's copy goes: see ``issue``. Every target is checked before anything is written."""
    if out is None:
        return [None] * len(holders)
    if out.is_dir():
        targets = [out / f"notice-{action}-{digest[:12]}-{_safe(h)}.nia" for h in holders]
    elif len(holders) == 1:
        targets = [out]
    else:
        targets = [out.with_name(f"{out.stem}-{_safe(h)}{out.suffix or '.nia'}") for h in holders]
    if len({str(t) for t in targets}) != len(targets):
        raise BadInput("two consumers' names give the same file name: use --out with a folder of its own, or --queue")
    for target in targets:
        if target.exists():
            raise BadInput(f"{target} already exists: choose another name (nothing was written)")
        if not target.parent.is_dir():
            raise BadInput(f"{target.parent} is not a folder")
    return list(targets)


def _safe(name: str) -> str:
    """A consumer's name in a file name: letters, digits and ._- kept, anything else an underscore."""
    cleaned = "".join(c if c.isalnum() or c in "-_" else "_" for c in name)[:60].strip("_")
    return cleaned or "consumer"


# -- receiving side: bundles coming in ------------------------------------------------------------
Apply = Callable[[], dict[str, Any]]


def hold_product(session: Session, verified: Verified, plain: bytes) -> Apply:
    """For a briefing being received: read its product (BundleRejected if briefing.json is malformed), and
    return what records it, inside the receive's transaction: the held product, and any notice received
    earlier that names it."""
    manifest = verified.manifest
    product = _read_held(session, verified, plain)

    def apply() -> dict[str, Any]:
        now = iso_utc(session.clock.now())
        holdings.hold(session.db, manifest.uuid, product.digest, manifest.signer_fingerprint, product.case,
                      product.title, product.marking.level, now)
        held = holdings.held_bundle(session.db, manifest.uuid)
        marked = []
        if held is not None:
            for notice in holdings.notices_naming(session.db, product.digest):
                outcome = _apply_one(session, notice, held, _officer(session, notice.signer))
                if outcome == "marked":
                    marked.append(notice.uuid)
                held = holdings.held_bundle(session.db, manifest.uuid) or held
        return {"product": product.digest, "marked_by_earlier_notices": marked}

    return apply


def _read_held(session: Session, verified: Verified, plain: bytes) -> HeldBriefing:
    floor = verified.release.level if verified.release is not None else Level.UNCLASSIFIED
    return read_product(io.BytesIO(plain), verified.manifest, verified.entries, floor,
                        lambda name: _known_kind(session, name))


def _known_kind(session: Session, name: str) -> CaveatKind | None:
    record = clearances.resolve(session.db, name)
    return record.kind if record is not None else None


def apply_notice(session: Session, verified: Verified, plain: bytes) -> Apply:
    """For a notice being received: parse it (BundleRejected if malformed), and return what records it and marks
    the held products it names, inside the receive's transaction (audited ``notice.receive``)."""
    manifest = verified.manifest
    payload = parse_notice(carried(io.BytesIO(plain), manifest, verified.entries))
    received = ReceivedNotice(manifest.uuid, payload_digest(manifest, NOTICE_FILE), payload.action, payload.why,
                              payload.superseded_by or "", payload.products, manifest.signer_fingerprint,
                              session.name, iso_utc(session.clock.now()), "", "")
    officer = verified.signer.officer

    def apply() -> dict[str, Any]:
        holdings.record_notice(session.db, received)
        marked: list[str] = []
        refused: list[str] = []
        kept: list[str] = []
        not_held: list[str] = []
        for digest in received.products:
            copies = holdings.held_digest(session.db, digest)
            if not copies:
                not_held.append(digest)
            for held in copies:
                outcome = _apply_one(session, received, held, officer)
                {"marked": marked, "refused": refused, "kept": kept}[outcome].append(held.bundle_uuid)
        details = {"uuid": received.uuid, "notice": received.digest, "action": received.action,
                   "signer": received.signer, "products": list(received.products),
                   "superseded_by": received.superseded_by or None, "marked": marked, "refused": refused,
                   "already_final": kept, "not_held": len(not_held)}
        session.audit("notice.receive", received.uuid, details=details)
        return details

    return apply


def _apply_one(session: Session, notice: ReceivedNotice, held: HeldProduct, officer: bool) -> str:
    """Mark one held product: "marked", "refused" (the notice's key neither signed the product nor is trusted
    here as an officer's: audited), or "kept" (a withdrawn product stays withdrawn)."""
    if notice.signer != held.signer and not officer:
        session.audit("notice.apply", held.bundle_uuid, Outcome.REFUSED, {
            "notice": notice.uuid, "product": held.digest, "reason": "the notice is signed neither by the key that "
            "signed the product nor by a key trusted here as a security officer's",
            "notice_signer": notice.signer, "product_signer": held.signer})
        return "refused"
    status = STATUS_OF[notice.action]
    if STATUS_RANK[status] < STATUS_RANK[held.status]:
        return "kept"
    holdings.mark(session.db, held.bundle_uuid, status, notice.uuid, notice.why, notice.superseded_by or None)
    return "marked"


def _officer(session: Session, fingerprint: str) -> bool:
    """Whether a key is trusted here as a security officer's now (for a notice applied after it arrived)."""
    key = lookup(session)(fingerprint)
    return key is not None and key.officer and not key.revoked


# -- receiving side: what the desktop and `nia notice list` show ------------------------------------
@dataclass(frozen=True)
class HeldView:
    """A held product as this user may see it: case and title blank when ``withheld``."""

    product: HeldProduct
    withheld: bool

    @property
    def label(self) -> str:
        return self.product.title or f"product {self.product.digest[:16]}"

    def to_json(self) -> dict[str, Any]:
        shown = self.product.to_json()
        if self.withheld:
            shown.update(case=None, title=None)
        return {**shown, "withheld": self.withheld}


@dataclass(frozen=True)
class NoticeView:
    notice: ReceivedNotice
    products: list[HeldView] = field(default_factory=list)  # the held products it names

    @property
    def marked(self) -> list[HeldView]:
        return [p for p in self.products if p.product.notice_uuid == self.notice.uuid]

    @property
    def left_alone(self) -> list[HeldView]:
        """Held products it names but did not mark: refused (another signer), or marked by another notice."""
        return [p for p in self.products if p.product.notice_uuid != self.notice.uuid]

    @property
    def label(self) -> str:
        """What the notice is about, in words: the first held product, or the first digest it names."""
        return self.products[0].label if self.products else f"product {self.notice.products[0][:16]}"

    def to_json(self) -> dict[str, Any]:
        return {**self.notice.to_json(), "held": [p.to_json() for p in self.products],
                "marked": [p.product.bundle_uuid for p in self.marked],
                "left_alone": [p.product.bundle_uuid for p in self.left_alone]}


def held_products(session: Session) -> list[HeldView]:
    """Every product this workstation holds, newest first, with its status."""
    session.require(Action.BUNDLE_VERIFY, "held products")
    return _views(session, holdings.held(session.db))


def received_notices(session: Session, unseen_only: bool = False) -> list[NoticeView]:
    """Notices received here: unseen first, recalls before corrections, then newest first."""
    session.require(Action.BUNDLE_VERIFY, "received notices")
    found = []
    for notice in holdings.received_notices(session.db, unseen_only):
        named = [h for digest in notice.products for h in holdings.held_digest(session.db, digest)]
        found.append(NoticeView(notice, _views(session, named)))
    return found


def mark_seen(session: Session, notice_uuid: str) -> bool:
    """A user acknowledges a notice (the desktop stops showing it prominently); False when it already was."""
    session.require(Action.RECEIPT_ISSUE, notice_uuid)
    notice = holdings.received_notice(session.db, notice_uuid)
    if notice is None:
        raise BadInput(f"no notice {notice_uuid} was received here")
    with session.db.transaction():
        first = holdings.see(session.db, notice_uuid, session.name, iso_utc(session.clock.now()))
        session.audit("notice.seen", notice_uuid, details={"action": notice.action, "notice": notice.digest,
                                                           "already_seen_by": None if first else notice.seen_by})
    return first


def _views(session: Session, products: list[HeldProduct]) -> list[HeldView]:
    """Case and title only for an analyst cleared for the product's marking (read from the bundle held)."""
    reader = session.access() if session.role is Role.ANALYST else None
    views = []
    for product in products:
        shown = reader is not None and reader.may_read(_marking(session, product))
        views.append(HeldView(product if shown else replace(product, case="", title=""), not shown))
    return views


_STATED: dict[tuple[str, str], Marking] = {}
_UNREADABLE = Marking(Level.TOP_SECRET, (Caveat("(unreadable)", CaveatKind.UNKNOWN),))


def _marking(session: Session, product: HeldProduct) -> Marking:
    """A held product's full marking: the level and caveats its verified bundle, kept since it was received,
    states (a bundle never changes: that is kept for the process), each caveat's kind as this workstation
    defines it now. Fail closed: a bundle that is gone or does not read counts as above every clearance."""
    key = (session.vault.meta.vault_id, product.bundle_uuid)
    if key not in _STATED:
        found = trust_store.received_bundle(session.db, product.bundle_uuid)
        stated = _UNREADABLE
        if found is not None:
            data = found[0]
            handle = io.BytesIO(data)
            try:
                entries = {e.name: e for e in container.read_directory(handle, len(data), 10_000)}
                manifest = parse_manifest(b"".join(container.read_entry(handle, entries[MANIFEST], 16 << 20)))
                stated = read_product(handle, manifest, entries, product.classification).marking
            except (BundleRejected, KeyError):
                stated = _UNREADABLE
        if len(_STATED) > 4096:
            _STATED.clear()
        _STATED[key] = stated
    stated = _STATED[key]
    return Marking.of(stated.level, (Caveat(c.name, _known_kind(session, c.name) or c.kind) for c in stated.caveats))
