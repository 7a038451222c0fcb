"""LUKS-style keyslots: each user's passphrase opens the one database key.

The keyslot file lies outside the encrypted database, so nothing in it is
trusted until the database has been opened and agrees with it
(core/vault/folder.py). It names nobody:

* each slot is found by a *locator*, an HMAC under a key derived with Argon2id
  from the user name and passphrase together, so the file does not tell who
  works at this workstation and an unknown user name costs exactly what a
  wrong passphrase costs;
* the Argon2id key-encryption key (KEK) wraps, with AES-256-GCM bound to the
  vault id and user name, the slot's X25519 private key and the user's Ed25519
  signing key;
* the database key is sealed with HPKE (RFC 9180: DHKEM-X25519, HKDF-SHA256,
  AES-256-GCM) to the slot's X25519 public key, which is kept *inside* the
  database: a rotation seals only to keys the database holds, never to one
  read from this file.

Each slot is parsed on its own: a damaged slot locks out its own user and is
reported, the others still open. Version 1 files (slots named in clear) are
read so that older vaults open; a legacy slot is converted at its user's next
unlock.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from nia_desktop.core.errors import AuthFailed, VaultTampered
from nia_desktop.core.vault.kdf import SALT_BYTES, KdfParams, derive_kek
from nia_desktop.core.vault.layout import read_folder_file

FORMAT = "nia-keyslots"
VERSION = 2
LEGACY_VERSION = 1
FILE_NAME = "keyslots.json"
# Unlock tries the Argon2id parameters slots use, most common first, and at most this many sets: a forged
# slot with odd parameters can slow a failed unlock a little, never lock anyone out.
MAX_PARAMETER_SETS = 3
MAX_EPOCH = 2**62
MAX_SLOTS = 4096
_HPKE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, what: str) -> bytes:
    if not isinstance(text, str) or len(text) > 4096:
        raise VaultTampered(f"{FILE_NAME}: field {what} is malformed")
    try:
        return base64.b64decode(text, validate=True)
    except ValueError as exc:
        raise VaultTampered(f"{FILE_NAME}: field {what} is malformed") from exc


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _aad(vault_id: str, user: str, item: str) -> bytes:
    return b"\x00".join([b"nia-keyslot-v1", vault_id.encode(), _nfc(user).encode(), item.encode()])


def _seal_info(vault_id: str, user: str, epoch: int) -> bytes:
    return b"\x00".join([b"nia-dbkey-v1", vault_id.encode(), _nfc(user).encode(), str(epoch).encode()])


def raw_public(key: X25519PrivateKey | Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _raw_private(key: X25519PrivateKey | Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def _epoch(value: Any) -> int:
    if type(value) is not int or not (1 <= value <= MAX_EPOCH):
        raise VaultTampered(f"{FILE_NAME}: a key epoch is malformed")
    return value


def _seals(items: Any) -> dict[int, bytes]:
    if not isinstance(items, list) or len(items) > 8:
        raise VaultTampered(f"{FILE_NAME}: db_keys is malformed")
    seals = {}
    for item in items:
        if not isinstance(item, dict):
            raise VaultTampered(f"{FILE_NAME}: db_keys is malformed")
        seals[_epoch(item.get("epoch"))] = _unb64(item.get("sealed"), "db_keys")
    return seals


@dataclass(frozen=True)
class SlotKeys:
    """What the user name and passphrase derive, for one set of Argon2id parameters."""

    locator: str
    wrap_key: bytes


def slot_salt(vault_id: str, user: str) -> bytes:
    """Per vault and user; the vault id is a random UUID, so no two vaults share a salt."""
    return hashlib.sha256(b"\x00".join([b"nia-slot-salt-v2", vault_id.encode(), _nfc(user).encode()])).digest()[
        :SALT_BYTES]


def derive_slot_keys(vault_id: str, user: str, passphrase: str, params: KdfParams) -> SlotKeys:
    """One Argon2id derivation over name and passphrase; the locator and the wrapping key are HMACs of it."""
    kek = derive_kek(_nfc(user) + "\x00" + passphrase, slot_salt(vault_id, user), params)
    locator = hmac.new(kek, b"nia-slot-locator-v2", hashlib.sha256).hexdigest()[:32]
    return SlotKeys(locator, hmac.new(kek, b"nia-slot-wrap-v2", hashlib.sha256).digest())


@dataclass
class Slot:
    """One slot as stored: a locator, its parameters, and ciphertext. No name, no public key."""

    locator: str
    kdf: KdfParams
    slot_key_nonce: bytes
    slot_key_ct: bytes
    signing_nonce: bytes
    signing_ct: bytes
    db_seals: dict[int, bytes] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.locator,
            "kdf": self.kdf.to_json(),
            "slot_key": {"nonce": _b64(self.slot_key_nonce), "ct": _b64(self.slot_key_ct)},
            "signing_key": {"nonce": _b64(self.signing_nonce), "ct": _b64(self.signing_ct)},
            "db_keys": [{"epoch": e, "sealed": _b64(s)} for e, s in sorted(self.db_seals.items())],
        }

    @classmethod
    def from_json(cls, data: Any) -> Slot:
        if not isinstance(data, dict):
            raise VaultTampered(f"{FILE_NAME}: a slot is not an object")
        locator = data.get("id")
        if not isinstance(locator, str) or len(locator) != 32 or any(c not in "0123456789abcdef" for c in locator):
            raise VaultTampered(f"{FILE_NAME}: a slot id is malformed")
        try:
            return cls(
                locator=locator,
                kdf=KdfParams.from_json(data.get("kdf")),
                slot_key_nonce=_unb64(data["slot_key"]["nonce"], "slot_key"),
                slot_key_ct=_unb64(data["slot_key"]["ct"], "slot_key"),
                signing_nonce=_unb64(data["signing_key"]["nonce"], "signing_key"),
                signing_ct=_unb64(data["signing_key"]["ct"], "signing_key"),
                db_seals=_seals(data.get("db_keys")),
            )
        except (KeyError, TypeError) as exc:
            raise VaultTampered(f"{FILE_NAME}: a slot is missing a field") from exc


@dataclass
class LegacySlot:
    """A version 1 slot: named in clear, found by name; converted to a :class:`Slot` at its user's next unlock."""

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
    def from_json(cls, data: Any) -> LegacySlot:
        try:
            kdf = data["kdf"]
            user = data["user"]
            if not isinstance(user, str) or not user:
                raise VaultTampered(f"{FILE_NAME}: a legacy slot's user is malformed")
            return cls(
                user=user, kdf=KdfParams.from_json(kdf), salt=_unb64(kdf["salt"], "salt"),
                slot_key_nonce=_unb64(data["slot_key"]["nonce"], "slot_key"),
                slot_key_ct=_unb64(data["slot_key"]["ct"], "slot_key"),
                slot_public=_unb64(data["slot_public"], "slot_public"),
                signing_nonce=_unb64(data["signing_key"]["nonce"], "signing_key"),
                signing_ct=_unb64(data["signing_key"]["ct"], "signing_key"),
                signing_public=_unb64(data["signing_public"], "signing_public"),
                db_seals=_seals(data["db_keys"]),
            )
        except (KeyError, TypeError) as exc:
            raise VaultTampered(f"{FILE_NAME}: a legacy slot is missing a field") from exc


@dataclass
class OpenedSlot:
    """What a correct name and passphrase yield: the secrets of one slot, in memory only."""

    user: str
    locator: str
    db_keys: dict[int, bytes]
    slot_private: X25519PrivateKey
    signing_private: Ed25519PrivateKey

    @property
    def slot_public(self) -> bytes:
        return raw_public(self.slot_private)

    @property
    def signing_public(self) -> bytes:
        return raw_public(self.signing_private)


def _wrap(key: bytes, plaintext: bytes, aad: bytes) -> tuple[bytes, bytes]:
    nonce = os.urandom(12)
    return nonce, AESGCM(key).encrypt(nonce, plaintext, aad)


def seal_db_key(vault_id: str, user: str, slot: Slot | LegacySlot, slot_public: bytes, epoch: int,
                db_key: bytes) -> None:
    """Seal ``db_key`` to ``slot_public``, which the caller takes from the database, never from the file."""
    public = X25519PublicKey.from_public_bytes(slot_public)
    slot.db_seals[epoch] = _HPKE.encrypt(db_key, public, info=_seal_info(vault_id, user, epoch))


def create_slot(
    vault_id: str,
    user: str,
    passphrase: str,
    params: KdfParams,
    db_keys: dict[int, bytes],
    signing_private: Ed25519PrivateKey | None = None,
    slot_private: X25519PrivateKey | None = None,
) -> tuple[Slot, OpenedSlot]:
    """A new slot for ``user`` and what it opens to. Fresh signing and slot keys unless given (passphrase change)."""
    signing_private = signing_private or Ed25519PrivateKey.generate()
    slot_private = slot_private or X25519PrivateKey.generate()
    keys = derive_slot_keys(vault_id, user, passphrase, params)
    sk_nonce, sk_ct = _wrap(keys.wrap_key, _raw_private(slot_private), _aad(vault_id, user, "slot-key"))
    sg_nonce, sg_ct = _wrap(keys.wrap_key, _raw_private(signing_private), _aad(vault_id, user, "signing-key"))
    slot = Slot(keys.locator, params, sk_nonce, sk_ct, sg_nonce, sg_ct)
    opened = OpenedSlot(user, keys.locator, dict(db_keys), slot_private, signing_private)
    for epoch, key in db_keys.items():
        seal_db_key(vault_id, user, slot, opened.slot_public, epoch, key)
    return slot, opened


def _open_seals(vault_id: str, user: str, seals: dict[int, bytes], private: X25519PrivateKey) -> dict[int, bytes]:
    db_keys: dict[int, bytes] = {}
    for epoch, sealed in seals.items():
        try:
            db_keys[epoch] = _HPKE.decrypt(sealed, private, info=_seal_info(vault_id, user, epoch))
        except (InvalidTag, ValueError) as exc:
            raise VaultTampered(f"{FILE_NAME}: the database key sealed in your slot does not open; the file was "
                                "altered. Ask a security officer to reset your passphrase") from exc
    return db_keys


def open_slot(vault_id: str, user: str, slot: Slot, keys: SlotKeys) -> OpenedSlot:
    """Unwrap a slot whose locator matched: a failure now means the slot was altered, not a wrong passphrase."""
    try:
        slot_raw = AESGCM(keys.wrap_key).decrypt(slot.slot_key_nonce, slot.slot_key_ct,
                                                 _aad(vault_id, user, "slot-key"))
        signing_raw = AESGCM(keys.wrap_key).decrypt(slot.signing_nonce, slot.signing_ct,
                                                    _aad(vault_id, user, "signing-key"))
        slot_private = X25519PrivateKey.from_private_bytes(slot_raw)
        signing_private = Ed25519PrivateKey.from_private_bytes(signing_raw)
    except (InvalidTag, ValueError) as exc:
        raise VaultTampered(f"{FILE_NAME}: your keyslot is damaged or was altered. Ask a security officer to reset "
                            "your passphrase") from exc
    return OpenedSlot(user, slot.locator, _open_seals(vault_id, user, slot.db_seals, slot_private), slot_private,
                      signing_private)


def open_legacy_slot(vault_id: str, slot: LegacySlot, passphrase: str) -> OpenedSlot:
    """A version 1 slot: KEK over the passphrase alone, with the slot's own salt."""
    kek = derive_kek(passphrase, slot.salt, slot.kdf)
    aad = (b"\x00".join([b"nia-keyslot-v1", vault_id.encode(), slot.user.encode(), b"slot-key"]),
           b"\x00".join([b"nia-keyslot-v1", vault_id.encode(), slot.user.encode(), b"signing-key"]))
    try:
        slot_raw = AESGCM(kek).decrypt(slot.slot_key_nonce, slot.slot_key_ct, aad[0])
        signing_raw = AESGCM(kek).decrypt(slot.signing_nonce, slot.signing_ct, aad[1])
    except InvalidTag as exc:
        raise AuthFailed() from exc
    slot_private = X25519PrivateKey.from_private_bytes(slot_raw)
    return OpenedSlot(slot.user, "", _open_seals(vault_id, slot.user, slot.db_seals, slot_private), slot_private,
                      Ed25519PrivateKey.from_private_bytes(signing_raw))


def rewrap_slot(vault_id: str, opened: OpenedSlot, seals: dict[int, bytes], passphrase: str,
                params: KdfParams) -> Slot:
    """Same keys, new passphrase or stronger parameters: the seals carry over, the locator changes."""
    keys = derive_slot_keys(vault_id, opened.user, passphrase, params)
    sk_nonce, sk_ct = _wrap(keys.wrap_key, _raw_private(opened.slot_private),
                            _aad(vault_id, opened.user, "slot-key"))
    sg_nonce, sg_ct = _wrap(keys.wrap_key, _raw_private(opened.signing_private),
                            _aad(vault_id, opened.user, "signing-key"))
    opened.locator = keys.locator
    return Slot(keys.locator, params, sk_nonce, sk_ct, sg_nonce, sg_ct, dict(seals))


@dataclass
class SlotFile:
    """The keyslot file: anonymous slots by locator, legacy named slots, and what could not be parsed."""

    vault_id: str
    slots: dict[str, Slot] = field(default_factory=dict)
    legacy: dict[str, LegacySlot] = field(default_factory=dict)
    damaged: list[str] = field(default_factory=list)

    def to_bytes(self) -> bytes:
        payload: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "slots": [s.to_json() for s in sorted(self.slots.values(), key=lambda s: s.locator)],
        }
        if self.legacy:
            payload["legacy_slots"] = [s.to_json() for s in sorted(self.legacy.values(), key=lambda s: s.user)]
        return json.dumps(payload, indent=1, sort_keys=True).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> SlotFile:
        try:
            payload = json.loads(data)
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise VaultTampered(f"{FILE_NAME} is not valid JSON: refused as tampered") from exc
        if not isinstance(payload, dict) or payload.get("format") != FORMAT:
            raise VaultTampered(f"{FILE_NAME} has an unknown format: refused as tampered")
        version = payload.get("version")
        if version not in (VERSION, LEGACY_VERSION) or type(version) is not int:
            raise VaultTampered(f"{FILE_NAME}: version {version!r} is not supported")
        vault_id = payload.get("vault_id")
        if not isinstance(vault_id, str) or not vault_id or len(vault_id) > 100:
            raise VaultTampered(f"{FILE_NAME}: the vault id is malformed")
        found = cls(vault_id)
        raw_slots = payload.get("slots")
        raw_legacy = payload.get("legacy_slots", [])
        if not isinstance(raw_slots, list) or not raw_slots:
            raise VaultTampered(f"{FILE_NAME}: the slot list is missing or empty: refused as tampered")
        if len(raw_slots) + (len(raw_legacy) if isinstance(raw_legacy, list) else 0) > MAX_SLOTS:
            raise VaultTampered(f"{FILE_NAME} holds more than {MAX_SLOTS} slots, more than this application writes: "
                                "refused as tampered")
        if version == LEGACY_VERSION:
            raw_slots, raw_legacy = [], raw_slots
        if not isinstance(raw_slots, list) or not isinstance(raw_legacy, list):
            raise VaultTampered(f"{FILE_NAME}: the slot list is malformed")
        for number, raw in enumerate(raw_slots, 1):
            try:
                slot = Slot.from_json(raw)
            except VaultTampered as exc:
                found.damaged.append(f"slot {number}: {exc.user_message}")
                continue
            if slot.locator in found.slots:
                found.damaged.append(f"slot {number}: a second slot with the same id")
                continue
            found.slots[slot.locator] = slot
        for number, raw in enumerate(raw_legacy, 1):
            try:
                legacy = LegacySlot.from_json(raw)
            except VaultTampered as exc:
                found.damaged.append(f"legacy slot {number}: {exc.user_message}")
                continue
            found.legacy[legacy.user] = legacy
        return found

    @classmethod
    def load(cls, path: Path) -> SlotFile:
        try:
            return cls.from_bytes(read_folder_file(path))
        except FileNotFoundError as exc:
            raise VaultTampered(f"{FILE_NAME} is missing from the vault folder") from exc

    def parameter_sets(self, hint: KdfParams | None = None) -> list[KdfParams]:
        """The Argon2id parameters in use: the vault's target first when slots use it (``hint``, from vault.json:
        forged, it only reorders), then the most common; bounded (see MAX_PARAMETER_SETS)."""
        counts = Counter(slot.kdf for slot in self.slots.values())
        ordered = sorted(counts, key=lambda p: (p != hint, -counts[p], p))
        return ordered[:MAX_PARAMETER_SETS]

    def too_many_parameter_sets(self) -> bool:
        """More sets than this application ever leaves behind: slots were added to push the real ones out."""
        return len({slot.kdf for slot in self.slots.values()}) > MAX_PARAMETER_SETS

    def find(self, user: str, passphrase: str, hint: KdfParams | None = None) -> tuple[Slot, SlotKeys] | None:
        """The slot this name and passphrase open, or None: one Argon2id derivation per parameter set tried."""
        for params in self.parameter_sets(hint):
            keys = derive_slot_keys(self.vault_id, user, passphrase, params)
            slot = self.slots.get(keys.locator)
            if slot is not None and slot.kdf == params:
                return slot, keys
        return None
