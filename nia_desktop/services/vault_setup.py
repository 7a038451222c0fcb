"""Creating a vault: `nia init`, the first-run flow and the demo vault."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from nia_desktop.core import audit as chain
from nia_desktop.core import freshness
from nia_desktop.core.atomic import atomic_write, fsync_dir
from nia_desktop.core.clock import Clock, SystemClock, iso_utc
from nia_desktop.core.errors import BadInput
from nia_desktop.core.names import check_new_passphrase, check_user_name
from nia_desktop.core.roles import Role
from nia_desktop.core.signing import SigningContext
from nia_desktop.core.store import audit_log, schema, users, workstation_keys
from nia_desktop.core.vault import folder, keyslots
from nia_desktop.core.vault.connection import open_database
from nia_desktop.core.vault.kdf import FLOOR, KdfParams, calibrate
from nia_desktop.core.vault.keyslots import SlotFile
from nia_desktop.core.vault.layout import VaultMeta, VaultPaths
from nia_desktop.services.session import (
    Session,
    anchor_bytes,
    append_audit,
    unlock,
    write_slot_file,
    write_vault_meta,
)


def init_vault(root: Path, officer: str, passphrase: str, params: KdfParams | None = None,
               name: str | None = None, clock: Clock | None = None) -> Path:
    """Create a vault whose first user is a security officer.

    Built in a sibling temporary directory and renamed into place, so a crash
    never leaves a half-made vault at ``root``. ``params`` defaults to a
    calibration at or above RFC 9106's 64 MiB, t=3.
    """
    clock = clock or SystemClock()
    check_user_name(officer)
    check_new_passphrase(passphrase)
    root = Path(root).absolute()
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise BadInput(f"{root} already exists and is not an empty directory")
    params = params or calibrate()
    params.check_bounds()
    root.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    staging = Path(tempfile.mkdtemp(prefix=f".{root.name}.creating-", dir=root.parent))
    try:
        _build(VaultPaths(staging), officer, passphrase, params, name or root.name, clock)
        if root.exists():
            root.rmdir()
        os.rename(staging, root)
        fsync_dir(root.parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return root


def _build(paths: VaultPaths, officer: str, passphrase: str, params: KdfParams, name: str,
           clock: Clock) -> None:
    vault_id = str(uuid.uuid4())
    db_key = os.urandom(32)
    epoch = 1
    slot, opened = keyslots.create_slot(vault_id, officer, passphrase, params, {epoch: db_key})
    meta = VaultMeta(vault_id, name, iso_utc(clock.now()), params)
    slot_file = SlotFile(vault_id, {slot.locator: slot})
    db = open_database(paths.database, db_key, create=True)
    try:
        schema.migrate(db)
        with db.transaction():
            audit_key = workstation_keys.create_audit_key(db)
            now = iso_utc(clock.now())
            users.insert(db, officer, Role.OFFICER, now, officer, opened.signing_public, opened.slot_public,
                         slot.locator, None)
            append_audit(db, vault_id, clock, officer, Role.OFFICER.value, "vault.init", name,
                         "ok", {"kdf": params.to_json(), "schema": schema.LATEST})
            db.execute("INSERT INTO vault_meta (key, value) VALUES ('epoch', ?)", (str(epoch),))
            write_vault_meta(db, paths, meta)
            write_slot_file(db, paths, slot_file)
        last = audit_log.last(db)
        assert last is not None
        head = chain.sign_head(audit_key, SigningContext.AUDIT_HEAD, vault_id, last.seq, last.hash,
                               iso_utc(clock.now()))
        with db.transaction():
            audit_log.add_seal(db, head)
            folder.record_file(db, "audit-anchor.json", anchor_bytes(head))
        atomic_write(paths.anchor, anchor_bytes(head))
        recorder = freshness.Recorder(paths, vault_id, freshness.mac_key(db), -1)
        recorder.sync(db)
    finally:
        db.close()


@dataclass(frozen=True)
class DemoUser:
    name: str
    role: Role
    passphrase: str


DEMO_USERS = (
    DemoUser("officer", Role.OFFICER, "demo-officer-pass"),
    DemoUser("reviewer", Role.OFFICER, "demo-reviewer-pass"),
    DemoUser("analyst", Role.ANALYST, "demo-analyst-pass"),
    DemoUser("courier", Role.COURIER, "demo-courier-pass"),
)


def create_demo_vault(root: Path) -> Path:
    """A throwaway vault with one user per role and two officers (README lists the passphrases).

    "officer" sets up the others, so "reviewer", the second officer, is the one who can approve the analyst's
    briefings under the two-person rule and witness officer changes. Uses the cheapest parameters allowed: it
    holds no real data.
    """
    from nia_desktop.core.resources import resource_path
    from nia_desktop.services.assessments import assess
    from nia_desktop.services.importing import import_paths
    from nia_desktop.services.users import add_user

    officer, analyst = DEMO_USERS[0], DEMO_USERS[2]
    init_vault(root, officer.name, officer.passphrase, params=FLOOR, name="Demo vault")
    session: Session = unlock(root, officer.name, officer.passphrase)
    with session:
        for user in DEMO_USERS[1:]:
            add_user(session, user.name, user.role, user.passphrase)
    samples = resource_path("samples")
    if samples.is_dir():
        with unlock(root, analyst.name, analyst.passphrase) as session:
            outcome = import_paths(session, [samples], case="Demo: Kestrel Bay")
            cited = sorted(int(r["id"]) for r in outcome.imported)[:2]
            if cited:  # a key judgement, so the demo case has a briefing to compose
                assess(session, "Demo: Kestrel Bay", "Kestrel Bay logistics staff are likely being cultivated by "
                       "a foreign intelligence service.", "likely", "moderate", cited)
    return root
