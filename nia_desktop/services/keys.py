"""A user's own signing key: exporting its public half, rotating it."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nia_desktop.core.atomic import atomic_write, staged_file
from nia_desktop.core.canonical import canonical_json
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import BadInput
from nia_desktop.core.roles import Action
from nia_desktop.core.signing import SigningContext, fingerprint, public_pem, public_raw, sign
from nia_desktop.core.store import trust, users
from nia_desktop.core.vault import folder, keyslots
from nia_desktop.services.session import Session, changing_own_slot, confirm_own_passphrase


def own_fingerprint(session: Session) -> str:
    return fingerprint(session.signing_key.public_key())


def export_public_key(session: Session, out: Path) -> str:
    """Write the PEM (SubjectPublicKeyInfo); return the SHA-256 fingerprint."""
    session.require(Action.OWN_KEY_EXPORT, str(out))
    public = session.signing_key.public_key()
    fp = fingerprint(public)
    with staged_file(out, replace=True) as partial:  # the file appears only once its entry is committed
        atomic_write(partial, public_pem(public))
        session.audit("self.key_export", str(out), details={"fingerprint": fp})
    return fp


def rotate_own_key(session: Session, passphrase: str) -> tuple[str, str]:
    """A new signing key for this user; returns (old, new) fingerprints.

    The old key signs a statement naming its successor (``NIA-KEY-ROTATION-v1``), kept with it in the vault and
    carried in keys bundles, so other workstations can follow the rotation. Bundles signed with the old key
    still verify, marked as signed by a rotated key, until an officer revokes it.
    """
    session.require(Action.OWN_KEY_ROTATE, session.name)
    meta = session.vault.meta
    old_key = session.signing_key
    new_key = Ed25519PrivateKey.generate()
    old_fp, new_fp = fingerprint(old_key.public_key()), fingerprint(new_key.public_key())
    now = iso_utc(session.clock.now())
    statement = canonical_json({"user": session.name, "old": old_fp, "new": new_fp, "at": now,
                                "new_public": public_raw(new_key.public_key()).hex()})
    confirm_own_passphrase(session, passphrase, "self.key_rotate")
    with changing_own_slot(session) as slot_file:
        old_slot = slot_file.slots.pop(session.slot.locator, None)
        if old_slot is None:
            raise BadInput("your keyslot is missing from keyslots.json: ask an officer to reset your passphrase")
        params = max(old_slot.kdf, folder.kdf_target(session.db, meta.kdf_target))
        rotated = keyslots.OpenedSlot(session.name, "", {}, session.slot.slot_private, new_key)
        slot = keyslots.rewrap_slot(meta.vault_id, rotated, old_slot.db_seals, passphrase, params)
        trust.retire(session.db, trust.RetiredKey(old_fp, session.name, public_raw(old_key.public_key()), new_fp,
                                                  statement.decode("utf-8"),
                                                  sign(old_key, SigningContext.KEY_ROTATION, statement), now, None))
        users.set_credentials(session.db, session.name, rotated.signing_public, rotated.slot_public, slot.locator,
                              None, now)
        session.audit("self.key_rotate", session.name, details={"old_fingerprint": old_fp,
                                                                "new_fingerprint": new_fp})
        slot_file.slots[slot.locator] = slot
    session.slot.locator = slot.locator
    session.slot.signing_private = new_key
    return old_fp, new_fp
