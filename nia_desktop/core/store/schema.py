"""Versioned schema: an ordered list of migrations, applied in one transaction each.

``PRAGMA user_version`` holds the schema version. A vault made by an older
build is upgraded on unlock; a vault from a newer build is refused rather than
half-understood. tests/data/vault_v1 is a vault frozen at version 1.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from nia_desktop.core.errors import VaultTampered
from nia_desktop.core.store.ach import v18_ach
from nia_desktop.core.store.ach_marking_schema import v21_ach_hypothesis_markings
from nia_desktop.core.store.fusion_schema import v14_fusion_state
from nia_desktop.core.store.judgement_schema import v20_text_judgements
from nia_desktop.core.store.link_charts import v19_link_charts
from nia_desktop.core.store.report_indexes import v15_report_sizes, v17_report_filters
from nia_desktop.core.vault.connection import VaultConnection

Migration = Callable[[VaultConnection], None]


def _v1_users_audit(db: VaultConnection) -> None:
    db.execute(
        """CREATE TABLE users (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL CHECK (role IN ('analyst', 'courier', 'officer')),
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            disabled_at TEXT,
            signing_public BLOB NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE audit (
            seq INTEGER PRIMARY KEY,
            ts TEXT NOT NULL,
            actor TEXT NOT NULL,
            role TEXT NOT NULL,
            action TEXT NOT NULL,
            object TEXT NOT NULL,
            outcome TEXT NOT NULL,
            details TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE workstation_keys (
            name TEXT PRIMARY KEY,
            private_raw BLOB NOT NULL,
            public_raw BLOB NOT NULL
        )"""
    )


def _v2_settings_seals(db: VaultConnection) -> None:
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute(
        """CREATE TABLE audit_seals (
            seq INTEGER PRIMARY KEY,
            head TEXT NOT NULL,
            sealed_at TEXT NOT NULL,
            signature BLOB NOT NULL
        )"""
    )


def _v3_reports_imports_cases(db: VaultConnection) -> None:
    db.execute(
        """CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            agency TEXT NOT NULL,
            classification INTEGER NOT NULL,
            classification_stated INTEGER NOT NULL,
            reliability TEXT NOT NULL,
            credibility TEXT NOT NULL,
            language TEXT NOT NULL,
            report_date TEXT NOT NULL,
            detected_type TEXT NOT NULL,
            encoding TEXT NOT NULL,
            original_name TEXT NOT NULL,
            path TEXT NOT NULL,
            inner_path TEXT NOT NULL,
            size INTEGER NOT NULL,
            volume_label TEXT NOT NULL,
            volume_path TEXT NOT NULL,
            imported_by TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            import_id INTEGER NOT NULL,
            parent_id INTEGER REFERENCES reports(id),
            fields TEXT NOT NULL,
            structured TEXT
        )"""
    )
    db.execute("CREATE INDEX reports_agency ON reports (agency, report_date)")
    db.execute("CREATE INDEX reports_date ON reports (report_date)")
    db.execute("CREATE INDEX reports_parent ON reports (parent_id)")
    # Text and original bytes live apart from the metadata row, so listing and filtering never
    # walk the overflow pages of a long body.
    db.execute("CREATE TABLE report_texts (report_id INTEGER PRIMARY KEY REFERENCES reports(id), body TEXT NOT NULL)")
    db.execute("CREATE TABLE report_blobs (report_id INTEGER PRIMARY KEY REFERENCES reports(id), data BLOB NOT NULL)")
    # Contentless: the index holds no copy of the text; the rowid is the report id.
    db.execute("CREATE VIRTUAL TABLE reports_fts USING fts5 (title, body, content='', contentless_delete=1, "
               "tokenize='unicode61 remove_diacritics 2')")
    db.execute(
        """CREATE TABLE imports (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            user TEXT NOT NULL,
            agency TEXT NOT NULL,
            case_name TEXT NOT NULL,
            sources TEXT NOT NULL,
            status TEXT NOT NULL,
            counts TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE import_items (
            import_id INTEGER NOT NULL REFERENCES imports(id),
            seq INTEGER NOT NULL,
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            detected_type TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT NOT NULL,
            report_id INTEGER,
            PRIMARY KEY (import_id, seq)
        )"""
    )
    db.execute(
        """CREATE TABLE cases (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE case_reports (
            case_id INTEGER NOT NULL REFERENCES cases(id),
            report_id INTEGER NOT NULL REFERENCES reports(id),
            added_by TEXT NOT NULL,
            added_at TEXT NOT NULL,
            PRIMARY KEY (case_id, report_id)
        )"""
    )


def _v4_fusion_assessments_requirements(db: VaultConnection) -> None:
    # Analysts' resolution judgements: revoked, never deleted, so every merge can be undone and its history read.
    db.execute(
        """CREATE TABLE fusion_judgements (
            id INTEGER PRIMARY KEY,
            verdict TEXT NOT NULL CHECK (verdict IN ('same', 'different', 'split')),
            a TEXT NOT NULL,
            b TEXT NOT NULL,
            reports TEXT NOT NULL,
            reason TEXT NOT NULL,
            user TEXT NOT NULL,
            at TEXT NOT NULL,
            revoked_by TEXT,
            revoked_at TEXT
        )"""
    )
    # The latest full fusion per scope ('' = every report), so views open without re-running it.
    db.execute(
        """CREATE TABLE fusion_runs (
            scope TEXT PRIMARY KEY,
            at TEXT NOT NULL,
            user TEXT NOT NULL,
            result TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE assessments (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            judgement TEXT NOT NULL,
            likelihood TEXT NOT NULL,
            confidence TEXT NOT NULL CHECK (confidence IN ('low', 'moderate', 'high')),
            reports TEXT NOT NULL,
            user TEXT NOT NULL,
            at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE requirements (
            id INTEGER PRIMARY KEY,
            question TEXT NOT NULL,
            priority INTEGER NOT NULL,
            due TEXT NOT NULL,
            user TEXT NOT NULL,
            at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE requirement_reports (
            requirement_id INTEGER NOT NULL REFERENCES requirements(id),
            report_id INTEGER NOT NULL REFERENCES reports(id),
            user TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (requirement_id, report_id)
        )"""
    )


def _v5_watchlist(db: VaultConnection) -> None:
    # Known entities analysts keep, with aliases; removed ones stay, marked, so fusion history can be explained.
    db.execute(
        """CREATE TABLE watchlist (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            aliases TEXT NOT NULL,
            user TEXT NOT NULL,
            at TEXT NOT NULL,
            removed_by TEXT,
            removed_at TEXT
        )"""
    )


def _v6_extractions(db: VaultConnection) -> None:
    # What extraction found per report, for one extractor-and-watchlist version: the next fusion reuses it.
    db.execute("CREATE TABLE report_extractions (report_id INTEGER PRIMARY KEY REFERENCES reports(id), "
               "version TEXT NOT NULL, data TEXT NOT NULL)")


def _v7_trust_bundles(db: VaultConnection) -> None:
    # Keys of other signers this workstation trusts (revoked ones stay, marked), the sequence numbers
    # this workstation's users have signed and seen, and the bundles couriers received.
    db.execute(
        """CREATE TABLE trusted_keys (
            fingerprint TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            workstation TEXT NOT NULL,
            role TEXT NOT NULL,
            public_pem TEXT NOT NULL,
            added_by TEXT NOT NULL,
            added_at TEXT NOT NULL,
            revoked_by TEXT,
            revoked_at TEXT
        )"""
    )
    db.execute("CREATE TABLE bundle_sequences (signer TEXT PRIMARY KEY, last_signed INTEGER NOT NULL DEFAULT 0, "
               "last_seen INTEGER NOT NULL DEFAULT 0)")
    db.execute(
        """CREATE TABLE received_bundles (
            uuid TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            signer TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            manifest TEXT NOT NULL,
            bundle BLOB NOT NULL,
            received_by TEXT NOT NULL,
            received_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'queued'
        )"""
    )


def _v8_release_reviews(db: VaultConnection) -> None:
    # A briefing waiting for, or past, its second person: the exact briefing JSON reviewed, and the
    # reviewer's signed approval that travels in the bundle.
    db.execute(
        """CREATE TABLE release_requests (
            id INTEGER PRIMARY KEY,
            case_name TEXT NOT NULL,
            author TEXT NOT NULL,
            requested_at TEXT NOT NULL,
            briefing TEXT NOT NULL,
            content_sha256 TEXT NOT NULL,
            classification INTEGER NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending',
            reviewer TEXT,
            decided_at TEXT,
            reason TEXT,
            approval TEXT,
            approval_sig BLOB
        )"""
    )


def _v9_outbound(db: VaultConnection) -> None:
    # Signed bundles analysts queued for a courier to write to removable media.
    db.execute(
        """CREATE TABLE outbound_bundles (
            uuid TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            file_name TEXT NOT NULL,
            bundle BLOB NOT NULL,
            sha256 TEXT NOT NULL,
            encrypted INTEGER NOT NULL,
            queued_by TEXT NOT NULL,
            queued_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'queued',
            delivered_by TEXT,
            delivered_at TEXT,
            volume TEXT,
            path TEXT
        )"""
    )


def _v10_key_rotation(db: VaultConnection) -> None:
    # Signing keys users have rotated away from: bundles they signed still verify, marked as signed by a
    # rotated key, until the key is revoked. The statement is the old key's signature naming its successor.
    db.execute(
        """CREATE TABLE retired_keys (
            fingerprint TEXT PRIMARY KEY,
            user TEXT NOT NULL,
            public_raw BLOB NOT NULL,
            successor TEXT NOT NULL,
            statement TEXT NOT NULL,
            signature BLOB NOT NULL,
            retired_at TEXT NOT NULL,
            revoked_at TEXT
        )"""
    )
    db.execute("ALTER TABLE trusted_keys ADD COLUMN superseded_by TEXT")


def _v11_authenticated_slots(db: VaultConnection) -> None:
    # What authenticates the vault folder (core/vault/folder.py): each user's slot public key and the
    # locator of their slot in keyslots.json, who set their credentials (the two-person rule refuses an
    # approver who did), and one row of security-state freshness (core/freshness.py). Public keys of slots
    # made before this version are taken from keyslots.json once, here (trust on first use; docs/security.md).
    db.execute("ALTER TABLE users ADD COLUMN slot_public BLOB")
    db.execute("ALTER TABLE users ADD COLUMN slot_locator TEXT")
    db.execute("ALTER TABLE users ADD COLUMN credentials_by TEXT")
    db.execute("ALTER TABLE users ADD COLUMN credentials_at TEXT")
    db.execute("ALTER TABLE users ADD COLUMN bootstrap INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE users ADD COLUMN name_tag BLOB")
    db.execute("ALTER TABLE users ADD COLUMN previous_locator TEXT")  # while a user's own slot is being replaced
    db.execute("UPDATE users SET credentials_by = created_by, credentials_at = created_at WHERE created_by != name")
    db.execute("CREATE TABLE vault_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("CREATE TABLE security_state (id INTEGER PRIMARY KEY CHECK (id = 1), generation INTEGER NOT NULL, "
               "digest TEXT NOT NULL, dirty INTEGER NOT NULL DEFAULT 1)")
    db.execute("INSERT INTO security_state (id, generation, digest, dirty) VALUES (1, 1, '', 1)")
    # What an unlock found wrong in the vault folder, kept until an officer has been shown it.
    db.execute("CREATE TABLE folder_findings (id INTEGER PRIMARY KEY, found_at TEXT NOT NULL, found_by TEXT NOT NULL, "
               "message TEXT NOT NULL, shown_to TEXT, shown_at TEXT)")
    # Each table's own digest, so a commit re-hashes only the tables it changed (core/freshness.py).
    db.execute("CREATE TABLE security_tables (name TEXT PRIMARY KEY, digest TEXT NOT NULL DEFAULT '', "
               "dirty INTEGER NOT NULL DEFAULT 1)")
    for table in _V11_SECURITY_TABLES:
        _watch_security_table(db, table)


def _watch_security_table(db: VaultConnection, table: str) -> None:
    db.execute("INSERT INTO security_tables (name) VALUES (?)", (table,))
    for event in ("INSERT", "UPDATE", "DELETE"):
        db.execute(f"CREATE TRIGGER security_{table}_{event.lower()} AFTER {event} ON {table} BEGIN "
                   "UPDATE security_state SET generation = generation + 1, dirty = 1 WHERE id = 1; "
                   f"UPDATE security_tables SET dirty = 1 WHERE name = '{table}'; END")


def _v12_need_to_know(db: VaultConnection) -> None:
    # Need-to-know (core/markings.py): the caveats this vault knows (built-in, added by officers, or found in a
    # header and kept as unknown), each report's caveats, each user's clearance level and compartment grants.
    from nia_desktop.core.markings import BUILT_IN

    db.execute(
        """CREATE TABLE caveats (
            name TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('compartment', 'control', 'release', 'unknown')),
            aliases TEXT NOT NULL DEFAULT '[]',
            description TEXT NOT NULL DEFAULT '',
            added_by TEXT NOT NULL,
            added_at TEXT NOT NULL
        )"""
    )
    for name, kind, aliases, description in BUILT_IN:
        db.execute("INSERT INTO caveats (name, kind, aliases, description, added_by, added_at) VALUES (?,?,?,?,?,?)",
                   (name, kind.value, json.dumps(list(aliases), ensure_ascii=False), description, "(built in)", ""))
    db.execute("CREATE TABLE report_caveats (report_id INTEGER NOT NULL REFERENCES reports(id), "
               "caveat TEXT NOT NULL REFERENCES caveats(name), PRIMARY KEY (report_id, caveat))")
    db.execute("CREATE INDEX report_caveats_caveat ON report_caveats (caveat, report_id)")
    # The reports above a reader's level, found without a scan (store/clearances.hidden_rows_sql).
    db.execute("CREATE INDEX reports_classification ON reports (classification)")
    # Analysts and officers start fully cleared by level (DESIGN.md); couriers never read content.
    db.execute("ALTER TABLE users ADD COLUMN clearance INTEGER NOT NULL DEFAULT 3")
    db.execute("UPDATE users SET clearance = 0 WHERE role = 'courier'")
    db.execute(
        """CREATE TABLE user_grants (
            user TEXT NOT NULL REFERENCES users(name),
            compartment TEXT NOT NULL REFERENCES caveats(name),
            until TEXT,
            granted_by TEXT NOT NULL,
            granted_at TEXT NOT NULL,
            PRIMARY KEY (user, compartment)
        )"""
    )
    for table in ("caveats", "user_grants"):
        _watch_security_table(db, table)



def _v13_dissemination(db: VaultConnection) -> None:
    # Dissemination (docs/dissemination.md). Sending side: the consumers this workstation releases to, the
    # products it released (digest = SHA-256 of the briefing.json payload, the same for every copy), what each
    # derives from, as it stood at release, and each copy's custody and receipt; notices (corrections, recalls)
    # naming earlier products. Receiving side: the products this workstation holds and the notices it received.
    db.execute(
        """CREATE TABLE consumers (
            name TEXT PRIMARY KEY,
            organisation TEXT NOT NULL,
            recipient TEXT NOT NULL,
            key_pem TEXT,
            key_fingerprint TEXT,
            max_level INTEGER NOT NULL,
            added_by TEXT NOT NULL,
            added_at TEXT NOT NULL,
            removed_by TEXT,
            removed_at TEXT
        )"""
    )
    db.execute("CREATE TABLE consumer_caveats (consumer TEXT NOT NULL REFERENCES consumers(name), "
               "caveat TEXT NOT NULL REFERENCES caveats(name), PRIMARY KEY (consumer, caveat))")
    db.execute(
        """CREATE TABLE products (
            digest TEXT PRIMARY KEY,
            case_name TEXT NOT NULL,
            title TEXT NOT NULL,
            classification INTEGER NOT NULL,
            caveats TEXT NOT NULL DEFAULT '[]',
            tearline TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL,
            created_at TEXT NOT NULL
        )"""
    )
    # What a product derives from, as it stood when released: a later re-mark, re-grade or duplicate finding
    # is found by comparing (store/ledger.stale).
    db.execute(
        """CREATE TABLE product_reports (
            product TEXT NOT NULL REFERENCES products(digest),
            report_id INTEGER NOT NULL REFERENCES reports(id),
            classification INTEGER NOT NULL,
            caveats TEXT NOT NULL DEFAULT '[]',
            grading TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (product, report_id)
        )"""
    )
    # Covering: who-has and stale read a report's derivations from the index alone, never the table's pages.
    db.execute("CREATE INDEX product_reports_report ON product_reports (report_id, product, classification, grading, "
               "caveats)")
    db.execute("CREATE TABLE product_assessments (product TEXT NOT NULL REFERENCES products(digest), "
               "assessment_id INTEGER NOT NULL, PRIMARY KEY (product, assessment_id))")
    db.execute("CREATE INDEX product_assessments_assessment ON product_assessments (assessment_id, product)")
    # Released reports whose marking or grading changed since, kept by triggers so that "which products rest on a
    # report changed since" (store/ledger.stale) reads only those, never every derivation. A report no product
    # rests on yet (caveats set at import) is not recorded: its products will be compared from their release on.
    db.execute("CREATE TABLE report_revisions (report_id INTEGER PRIMARY KEY)")
    released = "EXISTS (SELECT 1 FROM product_reports WHERE report_id = {})"
    db.execute("CREATE TRIGGER report_revised AFTER UPDATE OF classification, reliability, credibility ON reports "
               "WHEN (OLD.classification IS NOT NEW.classification OR OLD.reliability IS NOT NEW.reliability "
               f"OR OLD.credibility IS NOT NEW.credibility) AND {released.format('NEW.id')} "
               "BEGIN INSERT OR IGNORE INTO report_revisions (report_id) VALUES (NEW.id); END")
    db.execute(f"CREATE TRIGGER report_caveat_added AFTER INSERT ON report_caveats "
               f"WHEN {released.format('NEW.report_id')} "
               "BEGIN INSERT OR IGNORE INTO report_revisions (report_id) VALUES (NEW.report_id); END")
    db.execute(f"CREATE TRIGGER report_caveat_removed AFTER DELETE ON report_caveats "
               f"WHEN {released.format('OLD.report_id')} "
               "BEGIN INSERT OR IGNORE INTO report_revisions (report_id) VALUES (OLD.report_id); END")
    db.execute(
        """CREATE TABLE notices (
            digest TEXT PRIMARY KEY,
            action TEXT NOT NULL CHECK (action IN ('correct', 'recall')),
            why TEXT NOT NULL,
            superseded_by TEXT,
            author TEXT NOT NULL,
            created_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE TABLE notice_products (notice TEXT NOT NULL REFERENCES notices(digest), "
               "product TEXT NOT NULL, PRIMARY KEY (notice, product))")
    db.execute("CREATE INDEX notice_products_product ON notice_products (product, notice)")
    # One copy = one signed bundle to one consumer (or to recipients named by key alone: consumer NULL).
    # ``item`` is a product digest (kind 'product') or a notice digest (kind 'notice').
    db.execute(
        """CREATE TABLE copies (
            bundle_uuid TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('product', 'notice')),
            item TEXT NOT NULL,
            consumer TEXT REFERENCES consumers(name),
            released_by TEXT NOT NULL,
            released_at TEXT NOT NULL,
            custody TEXT NOT NULL,
            receipt_uuid TEXT,
            receipt_signer TEXT,
            acknowledged_at TEXT,
            receipt_note TEXT
        )"""
    )
    db.execute("CREATE INDEX copies_item ON copies (item, consumer)")
    db.execute("CREATE INDEX copies_consumer ON copies (consumer, released_at)")
    db.execute("CREATE INDEX copies_outstanding ON copies (acknowledged_at, released_at)")
    db.execute(
        """CREATE TABLE held_products (
            bundle_uuid TEXT PRIMARY KEY,
            digest TEXT NOT NULL,
            signer TEXT NOT NULL,
            case_name TEXT NOT NULL,
            title TEXT NOT NULL,
            classification INTEGER NOT NULL,
            received_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'current' CHECK (status IN ('current', 'superseded', 'withdrawn')),
            notice_uuid TEXT,
            notice_why TEXT,
            superseded_by TEXT
        )"""
    )
    db.execute("CREATE INDEX held_products_digest ON held_products (digest)")
    db.execute(
        """CREATE TABLE received_notices (
            uuid TEXT PRIMARY KEY,
            digest TEXT NOT NULL,
            action TEXT NOT NULL,
            why TEXT NOT NULL,
            superseded_by TEXT,
            products TEXT NOT NULL,
            signer TEXT NOT NULL,
            received_by TEXT NOT NULL,
            received_at TEXT NOT NULL,
            seen_by TEXT,
            seen_at TEXT
        )"""
    )
    db.execute("CREATE TABLE receipts_sent (for_uuid TEXT PRIMARY KEY, receipt_uuid TEXT NOT NULL, "
               "sent_by TEXT NOT NULL, sent_at TEXT NOT NULL)")
    for table in ("consumers", "consumer_caveats"):
        _watch_security_table(db, table)

# Every table whose rows decide who may do what, which keys count, what the log vouches for, or what was
# already received (replay): a change to any of them moves the security-state generation
# (core/freshness.py), inside the same transaction. The digest covers the columns named (all by default):
# a received bundle's bytes and a briefing's text are not re-hashed at every change, their identity, hash
# and status are.
_V11_SECURITY_TABLES = ("users", "trusted_keys", "retired_keys", "settings", "release_requests", "workstation_keys",
                        "vault_meta", "audit_seals", "bundle_sequences", "received_bundles")
# Who may read what is security state too (v12): caveats' kinds and users' compartment grants.
# Who may receive what is too (v13): consumers, their levels, caveats and keys.
SECURITY_TABLES = (*_V11_SECURITY_TABLES, "caveats", "user_grants", "consumers", "consumer_caveats")
SECURITY_COLUMNS = {
    "received_bundles": "uuid, kind, signer, sequence, received_by, received_at, status",
    # The briefing text itself is covered by its content_sha256 (and an approval names its hash).
    "release_requests": "id, case_name, author, requested_at, content_sha256, classification, status, reviewer, "
                        "decided_at, reason, approval, approval_sig",
}

def _v16_report_orders(db: VaultConnection) -> None:
    """The Reports view's title and language orders read their own index a page at a time, as the date, agency and
    classification orders do: without one, each page sorted every report the reader may read (1.3 s to the first
    rows at a million reports)."""
    db.execute("CREATE INDEX reports_title ON reports (title)")
    db.execute("CREATE INDEX reports_language ON reports (language)")


MIGRATIONS: list[Migration] = [_v1_users_audit, _v2_settings_seals, _v3_reports_imports_cases,
                               _v4_fusion_assessments_requirements, _v5_watchlist, _v6_extractions,
                               _v7_trust_bundles, _v8_release_reviews, _v9_outbound,
                               _v10_key_rotation, _v11_authenticated_slots, _v12_need_to_know,
                               _v13_dissemination, v14_fusion_state, v15_report_sizes, _v16_report_orders,
                               v17_report_filters, v18_ach, v19_link_charts, v20_text_judgements,
                               v21_ach_hypothesis_markings]
LATEST = len(MIGRATIONS)


def schema_version(db: VaultConnection) -> int:
    return int(db.query("PRAGMA user_version")[0][0])


def migrate(db: VaultConnection, target: int = LATEST) -> int:
    """Bring the schema up to ``target``; returns the version found before."""
    found = schema_version(db)
    if found > LATEST:
        raise VaultTampered(
            f"this vault has schema version {found}, newer than this build understands ({LATEST}): "
            "open it with a newer NIA Desktop"
        )
    for version in range(found + 1, target + 1):
        with db.transaction():
            MIGRATIONS[version - 1](db)
            db.execute(f"PRAGMA user_version = {version}")
    return found
