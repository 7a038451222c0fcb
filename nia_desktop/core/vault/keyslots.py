"""LUKS-style keyslots: each user's passphrase opens the one database key.

Per user, an Argon2id key-encryption key (KEK) wraps with AES-256-GCM, bound to
the vault id and user name as associated data:

* the slot's X25519 private key, and
* the user's Ed25519 signing key (so nobody else, an officer included, can sign
  as that user).

The database key itself is sealed to the slot's X25519 *public* key with HPKE
(RFC 9180: DHKEM-X25519, HKDF-SHA256, AES-256-GCM), its info string naming the
vault, the user and the key epoch. Sealing to a public key is what lets an
officer rotate the database key when a user is disabled and re-seal it for
every remaining user without knowing their passphrases.

A slot may hold seals for two epochs while a rotation is in flight, so a crash
between writing this file and finishing the SQLCipher rekey leaves a vault that
opens (see services/users.py).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from nia_desktop.core.atomic import atomic_write
from nia_desktop.core.errors import AuthFailed, VaultTampered
from nia_desktop.core.vault.kdf import SALT_BYTES, KdfParams, derive_kek

FORMAT = "nia-keyslots"
VERSION = 1
_HPKE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, what: str) -> bytes:
    if not isinstance(text, str):
        raise VaultTampered(f"keyslot field {what} is malformed: refused as tampered")
    try:
        return base64.b64decode(text, validate=True)
    except ValueError as exc:
        raise VaultTampered(f"keyslot field {what} is malformed: refused as tampered") from exc


def _aad(vault_id: str, user: str, item: str) -> bytes:
    return b"\x00".join([b"nia-keyslot-v1", vault_id.encode(), user.encode(), item.encode()])


def _seal_info(vault_id: str, user: str, epoch: int) -> bytes:
    return b"\x00".join([b"nia-dbkey-v1", vault_id.encode(), user.encode(), str(epoch).encode()])


def _raw_private(key: X25519PrivateKey | Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


@dataclass
class Slot:
    """One user's keyslot as stored (everything but the public keys is ciphertext)."""

    user: str
    kdf: KdfParams
    salt: bytes
    slot_key_nonce: bytes
    slot_key_ct: bytes
    slot_public: bytes
    signing_nonce: bytes
    signing_ct: bytes
    signing_public: bytes
    db_seals: dict[int, bytes] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "user": self.user,
            "kdf": {**self.kdf.to_json(), "salt": _b64(self.salt)},
            "slot_key": {"nonce": _b64(self.slot_key_nonce), "ct": _b64(self.slot_key_ct)},
            "slot_public": _b64(self.slot_public),
            "signing_key": {"nonce": _b64(self.signing_nonce), "ct": _b64(self.signing_ct)},
            "signing_public": _b64(self.signing_public),
            "db_keys": [{"epoch": e, "sealed": _b64(s)} for e, s in sorted(self.db_seals.items())],
        }

    @classmethod
    def from_json(cls, data: Any) -> Slot:
        try:
            kdf = data["kdf"]
            seals = {}
            for item in data["db_keys"]:
                if type(item["epoch"]) is not int:
                    raise VaultTampered("keyslot epoch is malformed: refused as tampered")
                seals[item["epoch"]] = _unb64(item["sealed"], "db_keys")
            user = data["user"]
            if not isinstance(user, str):
                raise VaultTampered("keyslot user is malformed: refused as tampered")
            return cls(
                user=user,
                kdf=KdfParams.from_json(kdf),
                salt=_unb64(kdf["salt"], "salt"),
                slot_key_nonce=_unb64(data["slot_key"]["nonce"], "slot_key"),
                slot_key_ct=_unb64(data["slot_key"]["ct"], "slot_key"),
                slot_public=_unb64(data["slot_public"], "slot_public"),
                signing_nonce=_unb64(data["signing_key"]["nonce"], "signing_key"),
                signing_ct=_unb64(data["signing_key"]["ct"], "signing_key"),
                signing_public=_unb64(data["signing_public"], "signing_public"),
                db_seals=seals,
            )
        except (KeyError, TypeError) as exc:
            raise VaultTampered("keyslot is missing a field: refused as tampered") from exc


@dataclass
class OpenedSlot:
    """What a correct passphrase yields: the secrets of one slot, in memory only."""

    user: str
    db_keys: dict[int, bytes]
    slot_private: X25519PrivateKey
    signing_private: Ed25519PrivateKey


def _wrap(kek: bytes, plaintext: bytes, aad: bytes) -> tuple[bytes, bytes]:
    nonce = os.urandom(12)
    return nonce, AESGCM(kek).encrypt(nonce, plaintext, aad)


def seal_db_key(vault_id: str, slot: Slot, epoch: int, db_key: bytes) -> None:
    """Seal ``db_key`` to the slot's public key; needs no passphrase."""
    public = X25519PublicKey.from_public_bytes(slot.slot_public)
    slot.db_seals[epoch] = _HPKE.encrypt(db_key, public, info=_seal_info(vault_id, slot.user, epoch))


def create_slot(
    vault_id: str,
    user: str,
    passphrase: str,
    params: KdfParams,
    db_keys: dict[int, bytes],
    signing_private: Ed25519PrivateKey | None = None,
    slot_private: X25519PrivateKey | None = None,
) -> Slot:
    """A new slot for ``user``. Fresh signing and slot keys unless given (passphrase change)."""
    signing_private = signing_private or Ed25519PrivateKey.generate()
    slot_private = slot_private or X25519PrivateKey.generate()
    salt = os.urandom(SALT_BYTES)
    kek = derive_kek(passphrase, salt, params)
    sk_nonce, sk_ct = _wrap(kek, _raw_private(slot_private), _aad(vault_id, user, "slot-key"))
    sg_nonce, sg_ct = _wrap(kek, _raw_private(signing_private), _aad(vault_id, user, "signing-key"))
    slot = Slot(
        user=user,
        kdf=params,
        salt=salt,
        slot_key_nonce=sk_nonce,
        slot_key_ct=sk_ct,
        slot_public=slot_private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        ),
        signing_nonce=sg_nonce,
        signing_ct=sg_ct,
        signing_public=signing_private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        ),
    )
    for epoch, key in db_keys.items():
        seal_db_key(vault_id, slot, epoch, key)
    return slot


def open_slot(vault_id: str, slot: Slot, passphrase: str) -> OpenedSlot:
    """Derive the KEK and unwrap everything; any mismatch is AuthFailed."""
    kek = derive_kek(passphrase, slot.salt, slot.kdf)
    try:
        slot_raw = AESGCM(kek).decrypt(
            slot.slot_key_nonce, slot.slot_key_ct, _aad(vault_id, slot.user, "slot-key")
        )
        signing_raw = AESGCM(kek).decrypt(
            slot.signing_nonce, slot.signing_ct, _aad(vault_id, slot.user, "signing-key")
        )
    except InvalidTag as exc:
        raise AuthFailed() from exc
    slot_private = X25519PrivateKey.from_private_bytes(slot_raw)
    db_keys: dict[int, bytes] = {}
    for epoch, sealed in slot.db_seals.items():
        try:
            db_keys[epoch] = _HPKE.decrypt(
                sealed, slot_private, info=_seal_info(vault_id, slot.user, epoch)
            )
        except (InvalidTag, ValueError) as exc:
            raise VaultTampered(f"the database key sealed for {slot.user} does not open: refused as tampered") from exc
    return OpenedSlot(
        user=slot.user,
        db_keys=db_keys,
        slot_private=slot_private,
        signing_private=Ed25519PrivateKey.from_private_bytes(signing_raw),
    )


def rewrap_slot(vault_id: str, opened: OpenedSlot, old: Slot, passphrase: str, params: KdfParams) -> Slot:
    """Same keys, new passphrase or stronger parameters: the slot's seals carry over."""
    new = create_slot(
        vault_id,
        opened.user,
        passphrase,
        params,
        db_keys={},
        signing_private=opened.signing_private,
        slot_private=opened.slot_private,
    )
    new.db_seals = dict(old.db_seals)
    return new


def burn_kdf(vault_id: str, user: str, passphrase: str, params: KdfParams) -> None:
    """Spend the same Argon2id work as a real slot, for users that do not exist.

    The salt is derived from the vault id and name, so repeated attempts on a
    missing user look like attempts on one stable slot.
    """
    salt = hmac.new(vault_id.encode(), user.encode(), hashlib.sha256).digest()[:SALT_BYTES]
    derive_kek(passphrase, salt, params)


@dataclass
class SlotFile:
    """The keyslot file: every user's slot and the current key epoch."""

    vault_id: str
    epoch: int
    slots: dict[str, Slot]

    def to_bytes(self) -> bytes:
        payload = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "epoch": self.epoch,
            "slots": [s.to_json() for s in sorted(self.slots.values(), key=lambda s: s.user)],
        }
        return json.dumps(payload, indent=1, sort_keys=True).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> SlotFile:
        try:
            payload = json.loads(data)
        except (ValueError, UnicodeDecodeError) as exc:
            raise VaultTampered("the keyslot file is not valid JSON: refused as tampered") from exc
        if not isinstance(payload, dict) or payload.get("format") != FORMAT:
            raise VaultTampered("the keyslot file has an unknown format: refused as tampered")
        if payload.get("version") != VERSION:
            raise VaultTampered(f"keyslot file version {payload.get('version')!r} is not supported")
        vault_id, epoch, raw_slots = payload.get("vault_id"), payload.get("epoch"), payload.get("slots")
        if not isinstance(vault_id, str) or type(epoch) is not int or not isinstance(raw_slots, list):
            raise VaultTampered("the keyslot file is malformed: refused as tampered")
        slots = {}
        for raw in raw_slots:
            slot = Slot.from_json(raw)
            slots[slot.user] = slot
        return cls(vault_id=vault_id, epoch=epoch, slots=slots)

    @classmethod
    def load(cls, path: Path) -> SlotFile:
        return cls.from_bytes(path.read_bytes())

    def save(self, path: Path) -> None:
        atomic_write(path, self.to_bytes())
