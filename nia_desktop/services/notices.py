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
prominently until a user marks it seen (audited); a notice refused for what it
names orders nothing and names no product anywhere it is shown (``NoticeView``):
it is shown as the security event it is, with its signer and the reason.

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
from nia_desktop.core.errors import BadInput, BundleRejected, NiaError
from nia_desktop.core.markings import Caveat, CaveatKind, Marking, release_list
from nia_desktop.core.roles import Action, Role
from nia_desktop.core.store import clearances, holdings, ledger
from nia_desktop.core.store import trust as trust_store
from nia_desktop.core.store.holdings import STATUS_OF, STATUS_RANK, HeldProduct, ReceivedNotice
from nia_desktop.services.bundles import sign_out
from nia_desktop.services.paging import Page, check_window
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
    file's stem and the consumer; or, an existing folder, one file each in it), or to the courier's queue.

    Every refusal is audited once (``notice.issue`` refused, with the reason shown and, for a product this
    analyst may not read, that it was one): the permission check audits its own, the rest are audited here,
    after anything the refused step began has rolled back."""
    session.require(Action.NOTICE_ISSUE, product[:64])
    noted: dict[str, Any] = {}
    try:
        return _issue(session, action, product, why, superseded_by, out, noted)
    except NiaError as exc:
        session.audit("notice.issue", product.strip()[:64], Outcome.REFUSED, {
            "reason": exc.user_message, "action": action[:16], "product": product.strip()[:64],
            "superseded_by": superseded_by.strip()[:64] if superseded_by else None, **noted})
        raise


def _issue(session: Session, action: str, product: str, why: str, superseded_by: str | None, out: Path | None,
           noted: dict[str, Any]) -> Issued:
    if action not in STATUS_OF:
        raise BadInput(f"unknown notice {action!r}: say correct or recall")
    why = why.strip()
    if not why:
        raise BadInput("say why (--why): the consumer's workstation shows it with the notice")
    found = _product(session, product, noted)
    successor = _product(session, superseded_by, noted).digest if superseded_by else None
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
    sent: list[SentNotice] = []
    noted["sent_before_failing"] = []  # should a later copy fail (a full disk), the copies already out are named
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
        noted["sent_before_failing"].append({"consumer": consumer.name, "uuid": manifest.uuid})
    return Issued(payload, digest, found, sent)


def _product(session: Session, given: str, noted: dict[str, Any]) -> ledger.Product:
    """A released product by digest or a unique start of one (8+ hex digits), among those this analyst may
    read. One they may not read is answered exactly as one that does not exist (not even its existence
    shows; a prefix never counts it); the attempt is noted for the refusal's audit entry."""
    wanted = given.strip().lower()
    if len(wanted) < MIN_PREFIX or len(wanted) > 64 or not all(c in "0123456789abcdef" for c in wanted):
        raise BadInput(f"{given[:70]!r} is not a product digest: give its hex digits, at least the first "
                       f"{MIN_PREFIX}")
    absent = BadInput(f"no released product starts with {wanted[:16]}: the ledger knows only what was released "
                      "from here")
    reader = session.access()
    found = [p for p in ledger.products_like(session.db, wanted, 2, ledger.visible_sql(reader))
             if reader.may_read(_product_marking(session, p))]  # the clause, and the rule itself (defence in depth)
    if not found:
        hidden = ledger.products_like(session.db, wanted, 1)
        if hidden:
            noted.setdefault("need_to_know", []).append(hidden[0].digest)
        raise absent
    if len(found) > 1:
        raise BadInput(f"more than one product starts with {wanted}: give more of its digest")
    return found[0]


def _product_marking(session: Session, product: ledger.Product) -> Marking:
    return Marking.of(product.classification, (Caveat(name, _kind(session, name)) for name in product.caveats))


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


APPLIED, REFUSED, NOT_HELD = "applied", "refused", "not held"
REFUSED_SIGNER = ("signed neither by the key that signed the product nor by a key trusted here as a security "
                  "officer's")
REFUSED_THEN = ("refused when it came: its key had not signed the product and was not then trusted here as a "
                "security officer's")


@dataclass(frozen=True)
class Refusal:
    """A held product a notice names but was not allowed to mark, and why (the signer rule)."""

    product: HeldView
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"bundle": self.product.product.bundle_uuid, "digest": self.product.product.digest,
                "reason": self.reason}


@dataclass(frozen=True)
class NoticeView:
    """A received notice as the desktop and `nia notice list` show it.

    ``applies``: the held products it stands for (it marked them, or it was allowed to and they already are at
    or past what it asks); ``refused``: the held products it names but was not allowed to mark. A notice that
    applies to nothing held and was refused for something held is ``state`` refused: it orders nothing, and
    nothing here names a product for it (label, JSON "held"); it is shown as a security event instead, with
    who signed it and why it was refused."""

    notice: ReceivedNotice
    applies: list[HeldView] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    signer_name: str = ""  # as the trust store here names the notice's key; "" when it knows it no longer

    @property
    def state(self) -> str:
        """applied (stands for something held), refused (only refused here), or not held (names nothing held)."""
        if self.applies:
            return APPLIED
        return REFUSED if self.refused else NOT_HELD

    @property
    def marked(self) -> list[HeldView]:
        return [p for p in self.applies if p.product.notice_uuid == self.notice.uuid]

    @property
    def left_alone(self) -> list[HeldView]:
        """Held products it names but did not mark: refused, or already marked as far by another notice."""
        return [p for p in self.applies if p.product.notice_uuid != self.notice.uuid] + \
            [r.product for r in self.refused]

    @property
    def signer(self) -> str:
        """Who signed it, in words: the trust store's name and the key's fingerprint."""
        short = self.notice.signer[:16]
        return f"{self.signer_name} ({short}…)" if self.signer_name else f"an unknown key ({short}…)"

    @property
    def label(self) -> str:
        """What the notice is about, in words: the held products it stands for, or the digest it names when
        nothing it names is held here. A refused notice names no product: its label says it orders nothing."""
        if self.applies:
            more = len(self.applies) - 1
            return self.applies[0].label + (f" and {more} more" if more else "")
        if self.refused:
            return f"nothing (refused notice from {self.signer}: {self.refused[0].reason})"
        return f"product {self.notice.products[0][:16]} (not held here)"

    def to_json(self) -> dict[str, Any]:
        return {**self.notice.to_json(), "state": self.state, "signer_name": self.signer_name or None,
                "held": [p.to_json() for p in self.applies], "refused": [r.to_json() for r in self.refused],
                "marked": [p.product.bundle_uuid for p in self.marked],
                "left_alone": [p.product.bundle_uuid for p in self.left_alone]}


def held_products(session: Session) -> list[HeldView]:
    """Every product this workstation holds, newest first, with its status."""
    session.require(Action.BUNDLE_VERIFY, "held products")
    return _views(session, holdings.held(session.db))


def received_notices(session: Session, unseen_only: bool = False) -> list[NoticeView]:
    """Notices received here: unseen first, then those that stand for something before refused ones (a refused
    notice must not hide a real one in the banner), recalls before corrections, then newest first."""
    session.require(Action.BUNDLE_VERIFY, "received notices")
    return _notice_views(session, holdings.received_notices(session.db, unseen_only))


def held_page(session: Session, limit: int = 100, offset: int = 0) -> Page[HeldView]:
    """A page of the products this workstation holds, newest first."""
    session.require(Action.BUNDLE_VERIFY, "held products")
    check_window(limit, offset)
    page = Page.cut(holdings.held(session.db, limit + 1, offset), limit, offset)
    return Page(_views(session, page.items), limit, offset, page.more)


def notices_page(session: Session, unseen_only: bool = False, limit: int = 100,
                 offset: int = 0) -> Page[NoticeView]:
    """A page of the notices received, in received_notices' order (unseen first, recalls first, newest first;
    refused ones after the others within the page)."""
    session.require(Action.BUNDLE_VERIFY, "received notices")
    check_window(limit, offset)
    page = Page.cut(holdings.received_notices(session.db, unseen_only, limit + 1, offset), limit, offset)
    return Page(_notice_views(session, page.items), limit, offset, page.more)


def _notice_views(session: Session, notices: list[ReceivedNotice]) -> list[NoticeView]:
    trusted = lookup(session)
    found = []
    for notice in notices:
        key = trusted(notice.signer)
        officer = key is not None and key.officer and not key.revoked
        named = _views(session, [h for digest in notice.products for h in holdings.held_digest(session.db, digest)])
        applies, refused = [], []
        for view in named:
            reason = _refusal(notice, view.product, officer)
            if reason:
                refused.append(Refusal(view, reason))
            else:
                applies.append(view)
        found.append(NoticeView(notice, applies, refused, key.name if key is not None else ""))
    return sorted(found, key=lambda v: (bool(v.notice.seen_at), v.state == REFUSED))


def _refusal(notice: ReceivedNotice, held: HeldProduct, officer: bool) -> str:
    """Why a notice does not stand for a held product it names, or "" when it does: it set the product's status,
    or its key may mark the product (the signer rule of ``_apply_one``, with who is an officer now) and the
    product already is at or past what the notice asks (marked so by another notice). A product it was allowed
    to mark that is still short of that was refused when the notice came (an officer's key trusted since)."""
    if held.notice_uuid == notice.uuid:
        return ""
    if held.signer != notice.signer and not officer:
        return REFUSED_SIGNER
    if STATUS_RANK[held.status] < STATUS_RANK[STATUS_OF[notice.action]]:
        return REFUSED_THEN
    return ""


def mark_seen(session: Session, notice_uuid: str) -> bool:
    """A user acknowledges a notice (the desktop stops showing it prominently); False when it already was."""
    session.require(Action.RECEIPT_ISSUE, notice_uuid)
    notice = holdings.received_notice(session.db, notice_uuid)
    if notice is None:
        refused = BadInput(f"no notice {notice_uuid[:64]} was received here")
        session.audit("notice.seen", notice_uuid[:64], Outcome.REFUSED, {"reason": refused.user_message})
        raise refused
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
