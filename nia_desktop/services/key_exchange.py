"""Keys bundles: an officer sends this workstation's public keys and trust store to another workstation, whose
officer reviews the changes and applies them. Audit bundles: the log, signed, for whoever checks it.

A keys bundle is an ordinary signed bundle (kind "keys"): it is only read once
its signer is trusted, and each key rotation inside it is checked against the
old key's own signature before the new key replaces it.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nia_desktop.core.bundles import container
from nia_desktop.core.bundles.manifest import Manifest
from nia_desktop.core.bundles.write import Source
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import BadInput, BundleRejected
from nia_desktop.core.roles import Action
from nia_desktop.core.signing import (
    SigningContext,
    fingerprint,
    load_public_pem,
    public_from_raw,
    public_pem,
    verify,
)
from nia_desktop.core.store import trust as store
from nia_desktop.core.store import users
from nia_desktop.core.untrusted import Malformed, load_json, mapping, sequence, text
from nia_desktop.services.bundles import _open, sign_out
from nia_desktop.services.session import Session

KEYS_FILE = "keys.json"


def export_keys(session: Session, out: Path) -> Manifest:
    """This workstation's users' public keys, their rotations, and its trust store, signed by the officer."""
    session.require(Action.TRUST_MANAGE, str(out))
    body = {
        "users": [{"name": u.name, "role": u.role.value, "fingerprint": u.fingerprint, "active": u.active,
                   "public_pem": public_pem(u.public_key).decode("ascii")} for u in users.all_users(session.db)],
        "rotations": [{"user": k.user, "fingerprint": k.fingerprint, "successor": k.successor,
                       "public_pem": public_pem(public_from_raw(k.public_raw)).decode("ascii"),
                       "statement": k.statement, "signature": k.signature.hex(), "revoked_at": k.revoked_at}
                      for k in store.retired(session.db)],
        "trusted": [{"name": r.name, "workstation": r.workstation, "role": r.role, "fingerprint": r.fingerprint,
                     "public_pem": r.public_pem, "revoked_at": r.revoked_at, "superseded_by": r.superseded_by}
                    for r in store.listing(session.db)],
    }
    data = json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    return sign_out(session, "keys", [Source(KEYS_FILE, data=data)], out)


@dataclass
class KeysChange:
    """What importing a keys bundle would do (or did): one line per change, and what was left alone."""

    signer: str
    add: list[tuple[str, str, str, str]] = field(default_factory=list)  # name, role, fingerprint, pem
    revoke: list[tuple[str, str]] = field(default_factory=list)  # name, fingerprint
    supersede: list[tuple[str, str, str]] = field(default_factory=list)  # name, old, new
    refused: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return ([f"add {n} ({role}) {fp[:16]}…" for n, role, fp, _ in self.add]
                + [f"revoke {n} {fp[:16]}…" for n, fp in self.revoke]
                + [f"rotate {n}: {old[:16]}… -> {new[:16]}…" for n, old, new in self.supersede]
                + [f"ignored: {why}" for why in self.refused])

    def to_json(self) -> dict[str, Any]:
        return {"signer": self.signer, "add": [{"name": n, "role": r, "fingerprint": f} for n, r, f, _ in self.add],
                "revoke": [{"name": n, "fingerprint": f} for n, f in self.revoke],
                "rotate": [{"name": n, "old": o, "new": w} for n, o, w in self.supersede],
                "ignored": self.refused}


def import_keys(session: Session, path: Path, apply: bool = False) -> KeysChange:
    """Read a keys bundle from a trusted officer; with ``apply`` make the changes (each audited)."""
    session.require(Action.TRUST_MANAGE, str(path))
    try:
        verified, plain = _open(session, path, keep=True)
    except BundleRejected as exc:
        session.audit("trust.import", path.name, "refused", {"reason": exc.user_message})
        raise
    manifest = verified.manifest
    if manifest.kind != "keys":
        raise BadInput(f"{path.name} is a {manifest.kind} bundle, not a keys bundle")
    assert plain is not None
    entry = verified.entries.get("payload/" + KEYS_FILE)
    if entry is None:
        raise BundleRejected(f"the keys bundle has no {KEYS_FILE}")
    try:
        body = _checked_body(load_json(b"".join(container.read_entry(io.BytesIO(plain), entry, 16 << 20)),
                                       KEYS_FILE))
    except Malformed as exc:
        raise BundleRejected(f"{KEYS_FILE} is malformed: {exc}") from exc
    change = _plan(session, body, manifest.signer_name)
    if apply:
        _apply(session, change, manifest)
    return change


_FIELDS = {  # list in keys.json -> its items' text fields; None marks a field that may also be null
    "users": {"name": False, "role": False, "fingerprint": False, "public_pem": False},
    "trusted": {"name": False, "role": False, "fingerprint": False, "public_pem": False, "revoked_at": True,
                "workstation": True, "superseded_by": True},
    "rotations": {"user": False, "fingerprint": False, "successor": False, "public_pem": False, "statement": False,
                  "signature": False, "revoked_at": True},
}


def _checked_body(value: object) -> dict[str, Any]:
    """keys.json with every field checked by type before anything is read from it (the signer is trusted, but a
    damaged or hostile file must be refused with its field named, not fail half way through)."""
    body = mapping(value, KEYS_FILE)
    for key, fields in _FIELDS.items():
        for n, item in enumerate(sequence(body.get(key, []), key, 10_000)):
            item = mapping(item, f"{key}[{n}]")
            for name, nullable in fields.items():
                if name not in item and nullable:
                    continue
                if name not in item:
                    raise Malformed(f"{key}[{n}] has no {name}")
                if not (nullable and item[name] is None):
                    text(item[name], f"{key}[{n}].{name}", 64 << 10)
            if "active" in item and not isinstance(item["active"], bool):
                raise Malformed(f"{key}[{n}].active must be true or false")
    return body


def _plan(session: Session, body: dict[str, Any], signer: str) -> KeysChange:
    change = KeysChange(signer)
    known = {r.fingerprint: r for r in store.listing(session.db)}
    own = {u.fingerprint for u in users.all_users(session.db)}
    seen: set[str] = set()
    offered = [(u["name"], u["role"], u["public_pem"], None if u.get("active", True) else "disabled")
               for u in body.get("users", [])]
    offered += [(t["name"], t["role"], t["public_pem"], t.get("revoked_at")) for t in body.get("trusted", [])]
    for name, role, pem, revoked in offered:
        try:
            fp = fingerprint(load_public_pem(str(pem).encode("ascii")))
        except BadInput as exc:
            change.refused.append(f"{name}: {exc.user_message}")
            continue
        if fp in own or fp in seen:
            continue
        seen.add(fp)
        here = known.get(fp)
        if revoked and here is not None and here.revoked_at is None:
            change.revoke.append((here.name, fp))
        elif not revoked and here is None:
            change.add.append((f"{name}@{signer}" if "@" not in name else str(name), str(role), fp, str(pem)))
    for rotation in body.get("rotations", []):
        old_fp, new_fp = str(rotation["fingerprint"]), str(rotation["successor"])
        try:
            old_key = load_public_pem(str(rotation["public_pem"]).encode("ascii"))
            statement = str(rotation["statement"]).encode("utf-8")
            said = mapping(load_json(statement, "the rotation statement"), "the rotation statement")
            good = (fingerprint(old_key) == old_fp and said.get("old") == old_fp and said.get("new") == new_fp
                    and verify(old_key, SigningContext.KEY_ROTATION, statement, bytes.fromhex(rotation["signature"])))
        except (BadInput, ValueError, KeyError, TypeError) as exc:
            change.refused.append(f"rotation of {old_fp[:16]}…: malformed ({exc})")
            continue
        if not good:
            change.refused.append(f"rotation of {old_fp[:16]}…: the old key's signature does not hold")
            continue
        here = known.get(old_fp)
        if here is not None and here.superseded_by is None:
            change.supersede.append((here.name, old_fp, new_fp))
        if rotation.get("revoked_at") and here is not None and here.revoked_at is None:
            change.revoke.append((here.name, old_fp))
    return change


def _apply(session: Session, change: KeysChange, manifest: Manifest) -> None:
    now = iso_utc(session.clock.now())
    with session.db.transaction():
        for name, role, fp, pem in change.add:
            store.add(session.db, store.TrustRow(fp, name, "", role, pem, session.name, now, None))
            session.audit("trust.add", name, details={"fingerprint": fp, "from_bundle": manifest.uuid})
        for name, fp in change.revoke:
            store.revoke(session.db, fp, session.name, now)
            session.audit("trust.revoke", name, details={"fingerprint": fp, "from_bundle": manifest.uuid})
        for name, old, new in change.supersede:
            store.supersede(session.db, old, new)
            session.audit("trust.rotate", name, details={"old": old, "new": new, "from_bundle": manifest.uuid})
        session.audit("trust.import", manifest.uuid, details={"signer": manifest.signer_fingerprint,
                                                              **{k: len(v) for k, v in change.to_json().items()
                                                                 if isinstance(v, list)}})


def export_audit_bundle(session: Session, out: Path) -> Manifest:
    """The whole audit log (the same JSON Lines as `nia audit export`) in a signed "audit" bundle."""
    from nia_desktop.services.auditing import export_lines

    session.require(Action.AUDIT_EXPORT, str(out))
    session.audit("audit.export", str(out), details={"bundle": True})
    lines, head = export_lines(session)
    manifest = sign_out(session, "audit", [Source("audit.jsonl", data=lines),
                                           Source("audit-head.txt", data=head.short_text().encode("utf-8"))], out)
    return manifest
