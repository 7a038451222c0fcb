"""The dissemination ledger, sending side: consumers, released products, what they derive from, each copy's
custody and receipt, and notices (corrections and recalls) naming earlier products.

A product's digest is the SHA-256 of its briefing.json payload: the same for every copy of it, and what a
receiving workstation computes from the bundle it holds, so a notice or a receipt names a product the same
way on both sides. A copy is one signed bundle to one consumer; its custody is where it went when released
("file PATH" or "queued"), and the courier's delivery of a queued copy is read from the outbound queue.
Every query here is indexed (schema v13) so it answers at 100,000 reports and 10,000 products without a scan
of either (tests/bench/bench_ledger.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from nia_desktop.core.classification import Level
from nia_desktop.core.markings import Access, Caveat, CaveatKind, Marking, release_list
from nia_desktop.core.vault.connection import VaultConnection


# -- consumers -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Consumer:
    name: str
    organisation: str
    recipient: str  # age1...: every copy for them is encrypted to it
    key_fingerprint: str  # their workstation's signing key (receipts), "" when none was given
    max_level: Level
    caveats: tuple[str, ...]  # the compartments, controls and release lists they may receive
    added_by: str
    added_at: str
    removed_at: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "organisation": self.organisation, "recipient": self.recipient,
                "key_fingerprint": self.key_fingerprint or None, "max_level": self.max_level.english,
                "caveats": list(self.caveats), "added_by": self.added_by, "added_at": self.added_at,
                "removed_at": self.removed_at or None}


_CONSUMER = ("name, organisation, recipient, coalesce(key_fingerprint, ''), max_level, added_by, added_at, "
             "coalesce(removed_at, '')")


def _consumer(db: VaultConnection, row: Any) -> Consumer:
    caveats = tuple(str(c) for (c,) in db.query(
        "SELECT caveat FROM consumer_caveats WHERE consumer = ? ORDER BY caveat", (row[0],)))
    return Consumer(str(row[0]), str(row[1]), str(row[2]), str(row[3]), Level(int(row[4])), caveats, str(row[5]),
                    str(row[6]), str(row[7]))


def add_consumer(db: VaultConnection, consumer: Consumer, key_pem: str | None) -> None:
    db.execute("INSERT INTO consumers (name, organisation, recipient, key_pem, key_fingerprint, max_level, added_by, "
               "added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               (consumer.name, consumer.organisation, consumer.recipient, key_pem,
                consumer.key_fingerprint or None, int(consumer.max_level), consumer.added_by, consumer.added_at))
    db.executemany("INSERT INTO consumer_caveats (consumer, caveat) VALUES (?, ?)",
                   [(consumer.name, c) for c in consumer.caveats])


def remove_consumer(db: VaultConnection, name: str, by: str, at: str) -> None:
    """Removed consumers stay (the ledger still names them), marked, and receive nothing more."""
    db.execute("UPDATE consumers SET removed_by = ?, removed_at = ? WHERE name = ?", (by, at, name))


def consumer(db: VaultConnection, name: str) -> Consumer | None:
    rows = db.query(f"SELECT {_CONSUMER} FROM consumers WHERE name = ?", (name,))
    return _consumer(db, rows[0]) if rows else None


def consumer_key(db: VaultConnection, name: str) -> str | None:
    """The PEM of a consumer's workstation signing key, if one was registered."""
    rows = db.query("SELECT key_pem FROM consumers WHERE name = ?", (name,))
    return str(rows[0][0]) if rows and rows[0][0] else None


def consumer_by_key(db: VaultConnection, fingerprint: str) -> Consumer | None:
    rows = db.query(f"SELECT {_CONSUMER} FROM consumers WHERE key_fingerprint = ? "
                    "ORDER BY removed_at IS NOT NULL, added_at DESC LIMIT 1", (fingerprint,))
    return _consumer(db, rows[0]) if rows else None


def consumers(db: VaultConnection, include_removed: bool = False) -> list[Consumer]:
    where = "" if include_removed else " WHERE removed_at IS NULL"
    return [_consumer(db, r) for r in db.query(f"SELECT {_CONSUMER} FROM consumers{where} ORDER BY name")]


# -- products and copies ----------------------------------------------------------------------
@dataclass(frozen=True)
class Product:
    digest: str
    case: str
    title: str
    classification: Level
    caveats: tuple[str, ...]
    tearline: str  # "" for a full product, else the level its tearline version was cut at
    author: str
    created_at: str

    def to_json(self) -> dict[str, Any]:
        return {"digest": self.digest, "case": self.case, "title": self.title,
                "classification": self.classification.english, "caveats": list(self.caveats),
                "tearline": self.tearline or None, "author": self.author, "created_at": self.created_at}


@dataclass(frozen=True)
class Derivation:
    """One report a product derives from, as it stood at release."""

    report_id: int
    classification: Level
    caveats: tuple[str, ...]
    grading: str


_PRODUCT = "p.digest, p.case_name, p.title, p.classification, p.caveats, p.tearline, p.author, p.created_at"


def _product(row: Any, offset: int = 0) -> Product:
    r = row[offset:offset + 8]
    return Product(str(r[0]), str(r[1]), str(r[2]), Level(int(r[3])), tuple(json.loads(str(r[4]))), str(r[5]),
                   str(r[6]), str(r[7]))


def record_product(db: VaultConnection, product: Product, derives_from: Iterable[Derivation],
                   assessment_ids: Iterable[int]) -> bool:
    """Record a product the first time it is released; False when it was already known (same digest)."""
    if db.query("SELECT 1 FROM products WHERE digest = ?", (product.digest,)):
        return False
    db.execute("INSERT INTO products (digest, case_name, title, classification, caveats, tearline, author, "
               "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               (product.digest, product.case, product.title, int(product.classification),
                json.dumps(list(product.caveats), ensure_ascii=False), product.tearline, product.author,
                product.created_at))
    db.executemany("INSERT INTO product_reports (product, report_id, classification, caveats, grading) "
                   "VALUES (?, ?, ?, ?, ?)",
                   [(product.digest, d.report_id, int(d.classification),
                     json.dumps(list(d.caveats), ensure_ascii=False), d.grading) for d in derives_from])
    db.executemany("INSERT OR IGNORE INTO product_assessments (product, assessment_id) VALUES (?, ?)",
                   [(product.digest, a) for a in assessment_ids])
    return True


def product(db: VaultConnection, digest: str) -> Product | None:
    rows = db.query(f"SELECT {_PRODUCT} FROM products p WHERE p.digest = ?", (digest,))
    return _product(rows[0]) if rows else None


def products_like(db: VaultConnection, prefix: str, limit: int = 5,
                  visible: tuple[str, list[Any]] = ("1", [])) -> list[Product]:
    """Products whose digest starts with ``prefix`` (a user may type the first characters), among those
    ``visible`` (visible_sql) lets through."""
    clause, params = visible
    rows = db.query(f"SELECT {_PRODUCT} FROM products p WHERE p.digest >= ? AND p.digest < ? AND {clause} "
                    "ORDER BY p.digest LIMIT ?", (prefix, prefix + "g", *params, limit))
    return [_product(r) for r in rows]


def derivations(db: VaultConnection, digest: str) -> list[Derivation]:
    return [Derivation(int(r), Level(int(c)), tuple(json.loads(str(cv))), str(g)) for r, c, cv, g in db.query(
        "SELECT report_id, classification, caveats, grading FROM product_reports WHERE product = ? "
        "ORDER BY report_id", (digest,))]


def product_assessments(db: VaultConnection, digest: str) -> list[int]:
    return [int(a) for (a,) in db.query(
        "SELECT assessment_id FROM product_assessments WHERE product = ? ORDER BY assessment_id", (digest,))]


@dataclass(frozen=True)
class Copy:
    """One copy of a product or notice, sent to one consumer, and what became of it."""

    bundle_uuid: str
    kind: str  # "product" or "notice"
    item: str  # the product's or notice's digest
    consumer: str  # "" when sent to recipients named by key only
    released_by: str
    released_at: str
    custody: str  # "file PATH", "queued"
    delivered_by: str  # the courier who wrote a queued copy to media, and where
    delivered_at: str
    volume: str
    receipt_uuid: str
    receipt_signer: str
    acknowledged_at: str

    @property
    def state(self) -> str:
        """acknowledged (a signed receipt came back), delivered (on a file or media), or queued."""
        if self.acknowledged_at:
            return "acknowledged"
        if self.custody.startswith("file ") or self.delivered_at:
            return "delivered"
        return "queued"

    def to_json(self) -> dict[str, Any]:
        return {"bundle": self.bundle_uuid, "kind": self.kind, "item": self.item, "consumer": self.consumer or None,
                "released_by": self.released_by, "released_at": self.released_at, "custody": self.custody,
                "state": self.state, "delivered_by": self.delivered_by or None,
                "delivered_at": self.delivered_at or None, "volume": self.volume or None,
                "receipt": self.receipt_uuid or None, "acknowledged_at": self.acknowledged_at or None}


_COPY = ("c.bundle_uuid, c.kind, c.item, coalesce(c.consumer, ''), c.released_by, c.released_at, c.custody, "
         "coalesce(o.delivered_by, ''), coalesce(o.delivered_at, ''), coalesce(o.volume, ''), "
         "coalesce(c.receipt_uuid, ''), coalesce(c.receipt_signer, ''), coalesce(c.acknowledged_at, '')")
_COPY_FROM = "copies c LEFT JOIN outbound_bundles o ON o.uuid = c.bundle_uuid"


def _copy(row: Any) -> Copy:
    return Copy(*(str(v) for v in row[:13]))


def record_copy(db: VaultConnection, bundle_uuid: str, kind: str, item: str, consumer: str | None, by: str,
                at: str, custody: str) -> None:
    db.execute("INSERT INTO copies (bundle_uuid, kind, item, consumer, released_by, released_at, custody) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)", (bundle_uuid, kind, item, consumer, by, at, custody))


def copy_of(db: VaultConnection, bundle_uuid: str) -> Copy | None:
    rows = db.query(f"SELECT {_COPY} FROM {_COPY_FROM} WHERE c.bundle_uuid = ?", (bundle_uuid,))
    return _copy(rows[0]) if rows else None


def copies_of(db: VaultConnection, item: str) -> list[Copy]:
    """Every copy of one product or notice, by consumer."""
    return [_copy(r) for r in db.query(f"SELECT {_COPY} FROM {_COPY_FROM} WHERE c.item = ? "
                                       "ORDER BY c.consumer, c.released_at", (item,))]


def acknowledge(db: VaultConnection, bundle_uuid: str, receipt_uuid: str, signer: str, at: str, note: str) -> None:
    db.execute("UPDATE copies SET receipt_uuid = ?, receipt_signer = ?, acknowledged_at = ?, receipt_note = ? "
               "WHERE bundle_uuid = ?", (receipt_uuid, signer, at, note, bundle_uuid))


# -- notices -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Notice:
    digest: str  # SHA-256 of its notice.json payload
    action: str  # "correct" or "recall"
    why: str
    superseded_by: str
    products: tuple[str, ...]
    author: str
    created_at: str

    def to_json(self) -> dict[str, Any]:
        return {"digest": self.digest, "action": self.action, "why": self.why,
                "superseded_by": self.superseded_by or None, "products": list(self.products),
                "author": self.author, "created_at": self.created_at}


def record_notice(db: VaultConnection, notice: Notice) -> None:
    if db.query("SELECT 1 FROM notices WHERE digest = ?", (notice.digest,)):
        return
    db.execute("INSERT INTO notices (digest, action, why, superseded_by, author, created_at) VALUES (?, ?, ?, ?, ?, ?)",
               (notice.digest, notice.action, notice.why, notice.superseded_by or None, notice.author,
                notice.created_at))
    db.executemany("INSERT INTO notice_products (notice, product) VALUES (?, ?)",
                   [(notice.digest, p) for p in notice.products])


def notices_about(db: VaultConnection, product_digest: str) -> list[Notice]:
    rows = db.query("SELECT n.digest, n.action, n.why, coalesce(n.superseded_by, ''), n.author, n.created_at "
                    "FROM notice_products np JOIN notices n ON n.digest = np.notice WHERE np.product = ? "
                    "ORDER BY n.created_at", (product_digest,))
    return [Notice(str(d), str(a), str(w), str(s), tuple(_notice_products(db, str(d))), str(au), str(at))
            for d, a, w, s, au, at in rows]


def notice(db: VaultConnection, digest: str) -> Notice | None:
    rows = db.query("SELECT digest, action, why, coalesce(superseded_by, ''), author, created_at FROM notices "
                    "WHERE digest = ?", (digest,))
    if not rows:
        return None
    d, a, w, s, au, at = rows[0]
    return Notice(str(d), str(a), str(w), str(s), tuple(_notice_products(db, str(d))), str(au), str(at))


def _notice_products(db: VaultConnection, digest: str) -> list[str]:
    return [str(p) for (p,) in db.query("SELECT product FROM notice_products WHERE notice = ? ORDER BY product",
                                        (digest,))]


# -- the questions -------------------------------------------------------------------------------
Clause = tuple[str, list[Any]]
EVERY_PRODUCT: Clause = ("1", [])  # officers: every product (they review releases; no report content shows)


def visible_sql(access: Access | None, alias: str = "p") -> Clause:
    """A WHERE clause true for the products (alias ``alias``) a reader with ``access`` may read: at or below their
    level, and every compartment or unknown marking on it held. A caveat name the vault does not know is unknown
    (fail closed) unless it is a release list, which combine() may have made anew from the parts' lists."""
    if access is None:
        return EVERY_PRODUCT
    held = sorted(access.compartments)
    not_held = f"c.value NOT IN ({','.join('?' * len(held))})" if held else "1"
    clause = (f"{alias}.classification <= ? AND NOT EXISTS (SELECT 1 FROM json_each({alias}.caveats) c "
              "LEFT JOIN caveats k ON k.name = c.value WHERE " + not_held + " AND coalesce(k.kind, CASE WHEN "
              "c.value LIKE 'REL TO %' THEN 'release' ELSE 'unknown' END) IN ('compartment', 'unknown'))")
    return clause, [int(access.level), *held]


def marking_of(db: VaultConnection, found: Product) -> Marking:
    """A product's marking with each caveat's kind as the vault knows it now (release lists by their form)."""
    kinds = {str(n): CaveatKind(str(k)) for n, k in db.query("SELECT name, kind FROM caveats")}
    return Marking.of(found.classification, (
        Caveat(n, kinds.get(n, CaveatKind.RELEASE if release_list(n) is not None else CaveatKind.UNKNOWN))
        for n in found.caveats))


@dataclass(frozen=True)
class Holding:
    """A copy of a product (or of a notice naming it), with the product: an answer to "who holds what"."""

    product: Product
    copy: Copy
    via: str  # "report" (the product cites it), "assessment N" (it carries a judgement resting on it), "product",
    #           or "notice <digest[:16]>" (a notice's copy, shown with the first product it names)
    organisation: str = ""  # the consumer's

    def to_json(self) -> dict[str, Any]:
        return {"product": self.product.to_json(), **self.copy.to_json(), "via": self.via,
                "organisation": self.organisation or None}


_ORGANISATION = "(SELECT k.organisation FROM consumers k WHERE k.name = c.consumer)"


def _holdings(rows: list[Any]) -> list[Holding]:
    return [Holding(_product(r, 13), _copy(r), str(r[21]), str(r[22] or "")) for r in rows]


def who_has(db: VaultConnection, report_id: int, visible: Clause = EVERY_PRODUCT, limit: int = 1000,
            offset: int = 0) -> list[Holding]:
    """Every copy of every product deriving from the report: citing it, or carrying an assessment that rests
    on it (both named in ``via`` when both hold), newest product first. Indexed: product_reports by report,
    product_assessments by assessment, copies by item."""
    clause, params = visible
    rows = db.query(
        f"SELECT {_COPY}, {_PRODUCT}, d.via, {_ORGANISATION} FROM ("
        "  SELECT product, group_concat(via, ', ') AS via FROM ("
        "    SELECT product, 'report' AS via, 0 AS rank FROM product_reports WHERE report_id = ?"
        "    UNION ALL SELECT product, 'assessment ' || assessment_id, assessment_id FROM product_assessments"
        "      WHERE assessment_id IN (SELECT a.id FROM assessments a, json_each(a.reports) j WHERE j.value = ?)"
        "    ORDER BY rank) GROUP BY product) d "
        "JOIN products p ON p.digest = d.product "
        "JOIN copies c ON c.item = d.product AND c.kind = 'product' "
        "LEFT JOIN outbound_bundles o ON o.uuid = c.bundle_uuid "
        f"WHERE {clause} ORDER BY p.created_at DESC, p.digest, c.consumer, c.released_at, c.bundle_uuid "
        "LIMIT ? OFFSET ?", (report_id, report_id, *params, limit, offset))
    return _holdings(rows)


# A copy's product: its own, or the first product its notice names.
_ITEM_PRODUCT = ("JOIN products p ON p.digest = CASE c.kind WHEN 'product' THEN c.item "
                 "ELSE (SELECT min(np.product) FROM notice_products np WHERE np.notice = c.item) END")
_ITEM_VIA = "CASE c.kind WHEN 'product' THEN 'product' ELSE 'notice ' || substr(c.item, 1, 16) END"


def sent_to(db: VaultConnection, consumer_name: str, limit: int = 1000, offset: int = 0,
            visible: Clause = EVERY_PRODUCT) -> list[Holding]:
    """What one consumer was sent (products and notices), newest first."""
    clause, params = visible
    rows = db.query(f"SELECT {_COPY}, {_PRODUCT}, {_ITEM_VIA}, {_ORGANISATION} FROM {_COPY_FROM} {_ITEM_PRODUCT} "
                    f"WHERE c.consumer = ? AND {clause} ORDER BY c.released_at DESC, c.bundle_uuid LIMIT ? OFFSET ?",
                    (consumer_name, *params, limit, offset))
    return _holdings(rows)


def outstanding(db: VaultConnection, limit: int = 1000, offset: int = 0,
                visible: Clause = EVERY_PRODUCT) -> list[Holding]:
    """Copies no signed receipt has acknowledged, oldest first: notices as well as products."""
    clause, params = visible
    rows = db.query(f"SELECT {_COPY}, {_PRODUCT}, {_ITEM_VIA}, {_ORGANISATION} FROM {_COPY_FROM} {_ITEM_PRODUCT} "
                    f"WHERE c.acknowledged_at IS NULL AND {clause} ORDER BY c.released_at, c.bundle_uuid "
                    "LIMIT ? OFFSET ?", (*params, limit, offset))
    return _holdings(rows)


def count_outstanding(db: VaultConnection) -> int:
    return int(db.query("SELECT count(*) FROM copies WHERE acknowledged_at IS NULL")[0][0])


@dataclass(frozen=True)
class Stale:
    """A released product resting on a report that changed since: re-marked, re-graded, or now a duplicate."""

    product: Product
    report_id: int
    reasons: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"product": self.product.to_json(), "report": self.report_id, "reasons": list(self.reasons)}


GRADING_SQL = "coalesce(r.reliability, '') || coalesce(r.credibility, '')"


def report_caveats(db: VaultConnection, report_ids: Iterable[int] | None = None) -> dict[int, list[str]]:
    """Each report's caveat names, sorted (reports with none are absent); every report's when ``report_ids`` is
    None (one pass over report_caveats, which only marked reports are in)."""
    found: dict[int, list[str]] = {}
    if report_ids is None:
        rows = db.query("SELECT report_id, caveat FROM report_caveats ORDER BY report_id, caveat")
    else:
        ids = sorted(set(report_ids))
        rows = []
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            rows += db.query(f"SELECT report_id, caveat FROM report_caveats WHERE report_id IN "
                             f"({','.join('?' * len(chunk))}) ORDER BY report_id, caveat", chunk)
    for report_id, caveat in rows:
        found.setdefault(int(report_id), []).append(str(caveat))
    return found


def stale(db: VaultConnection, duplicates: dict[int, int] | None = None,
          visible: Clause = EVERY_PRODUCT) -> list[Stale]:
    """Products whose reports were re-marked (level or caveats) or re-graded since release, or are now found to
    duplicate another report (``duplicates``: report id -> the report it duplicates, from fusion), newest
    product first.

    Only released reports revised since are compared (report_revisions, kept by triggers on reports and
    report_caveats: schema v13), each against the products resting on it through the covering report index; a
    report changed and changed back compares equal and is not listed."""
    dup = duplicates or {}
    rows = db.query(
        f"SELECT pr.product, pr.report_id, pr.classification != r.classification, pr.grading != {GRADING_SQL}, "
        "pr.caveats FROM report_revisions rv JOIN product_reports pr ON pr.report_id = rv.report_id "
        "JOIN reports r ON r.id = rv.report_id")
    marked = report_caveats(db, {int(r[1]) for r in rows})
    changed: dict[tuple[str, int], list[str]] = {}
    for digest, report_id, level_changed, grading_changed, was_caveats in rows:
        reasons = []
        if level_changed or sorted(json.loads(str(was_caveats))) != marked.get(int(report_id), []):
            reasons.append("re-marked")
        if grading_changed:
            reasons.append("re-graded")
        if reasons:
            changed[(str(digest), int(report_id))] = reasons
    for later in sorted(dup):  # a near-duplicate found since: by the report index
        for (digest,) in db.query("SELECT product FROM product_reports WHERE report_id = ?", (later,)):
            changed.setdefault((str(digest), later), []).append(f"duplicate of report {dup[later]}")
    digests = sorted({d for d, _ in changed})
    clause, params = visible
    products: dict[str, Product] = {}
    for start in range(0, len(digests), 500):
        chunk = digests[start:start + 500]
        products.update({str(r[0]): _product(r) for r in db.query(
            f"SELECT {_PRODUCT} FROM products p WHERE p.digest IN ({','.join('?' * len(chunk))}) "
            f"AND {clause}", [*chunk, *params])})
    found = [Stale(products[d], r, tuple(why)) for (d, r), why in changed.items() if d in products]
    found.sort(key=lambda s: (s.product.created_at, s.product.digest, -s.report_id), reverse=True)
    return found
