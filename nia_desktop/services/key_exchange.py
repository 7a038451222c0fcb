"""Keys bundles: an officer sends this workstation's public keys and trust store to another workstation, whose
officer reviews the changes and applies them. Audit bundles: the log, signed, for whoever checks it.

A keys bundle is an ordinary signed bundle (kind "keys"): it is only read once
its signer is trusted as a security officer's (trust changes come only from
officers), and each key rotation inside it is checked against the old key's
own signature before the new key replaces it. It carries every revocation this
workstation knows (trust-store keys, its disabled users' keys, keys revoked in
advance by fingerprint); the importing side applies them, storing a revocation
of a key it has never seen so that the key is refused if it ever turns up.
Adding or revoking an officer's key needs a second officer on the importing
side (services/dual_control.py).
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
from nia_desktop.services.dual_control import Witness, require_witness
from nia_desktop.services.session import Session
from nia_desktop.services.trust import is_officer_role

KEYS_FILE = "keys.json"


def export_keys(session: Session, out: Path) -> Manifest:
    """This workstation's users' public keys, their rotations, and its trust store (revocations included: a
    disabled user's keys go out revoked), signed by the officer."""
    session.require(Action.TRUST_MANAGE, str(out))
    disabled = {u.name: u.disabled_at or "disabled" for u in users.all_users(session.db) if not u.active}
    body = {
        "users": [{"name": u.name, "role": u.role.value, "fingerprint": u.fingerprint, "active": u.active,
                   "public_pem": public_pem(u.public_key).decode("ascii")} for u in users.all_users(session.db)],
        "rotations": [{"user": k.user, "fingerprint": k.fingerprint, "successor": k.successor,
                       "public_pem": public_pem(public_from_raw(k.public_raw)).decode("ascii"),
                       "statement": k.statement, "signature": k.signature.hex(),
                       "revoked_at": k.revoked_at or disabled.get(k.user)}
                      for k in store.retired(session.db)],
        "trusted": [{"name": r.name, "workstation": r.workstation, "role": r.role, "fingerprint": r.fingerprint,
                     "public_pem": r.public_pem, "revoked_at": r.revoked_at, "superseded_by": r.superseded_by}
                    for r in store.listing(session.db)],
    }
    data = json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    return sign_out(session, "keys", [Source(KEYS_FILE, data=data)], out)


@dataclass(frozen=True)
class Revocation:
    """A key the bundle says is revoked: known here (in the trust store), or stored as revoked in advance."""

    name: str
    fingerprint: str
    role: str = ""
    public_pem: str = ""
    known: bool = True
    officer: bool = False  # this workstation trusts it as an officer's: revoking it needs a second officer


@dataclass
class KeysChange:
    """What importing a keys bundle would do (or did): one line per change, and what was left alone."""

    signer: str
    add: list[tuple[str, str, str, str]] = field(default_factory=list)  # name, role, fingerprint, pem
    revoke: list[Revocation] = field(default_factory=list)
    supersede: list[tuple[str, str, str]] = field(default_factory=list)  # name, old, new
    refused: list[str] = field(default_factory=list)
    signer_trusted_as: str = ""  # the name this workstation trusts the signer's key under, as an officer's

    @property
    def officer_changes(self) -> list[str]:
        """The changes to officers' keys: each needs a second officer to witness the import."""
        return ([f"add {n} (officer)" for n, role, _, _ in self.add if is_officer_role(role)]
                + [f"revoke {r.name} (officer)" for r in self.revoke if r.officer])

    @property
    def needs_witness(self) -> bool:
        return bool(self.officer_changes)

    def lines(self) -> list[str]:
        witness = "  [officer key: a second officer must witness]"
        return ([f"add {n} ({role or 'no role'}) {fp[:16]}…" + (witness if is_officer_role(role) else "")
                 for n, role, fp, _ in self.add]
                + [(f"revoke {r.name} ({r.role or 'no role'}) {r.fingerprint[:16]}…" if r.known else
                    f"revoke in advance {r.name} {r.fingerprint[:16]}… (never seen here)")
                   + (witness if r.officer else "") for r in self.revoke]
                + [f"rotate {n}: {old[:16]}… -> {new[:16]}…" for n, old, new in self.supersede]
                + [f"ignored: {why}" for why in self.refused])

    def to_json(self) -> dict[str, Any]:
        return {"signer": self.signer, "signer_trusted_as": self.signer_trusted_as,
                "add": [{"name": n, "role": r, "fingerprint": f, "officer": is_officer_role(r)}
                        for n, r, f, _ in self.add],
                "revoke": [{"name": r.name, "role": r.role, "fingerprint": r.fingerprint, "in_advance": not r.known,
                            "officer": r.officer} for r in self.revoke],
                "rotate": [{"name": n, "old": o, "new": w} for n, o, w in self.supersede],
                "ignored": self.refused, "needs_witness": self.needs_witness}


def import_keys(session: Session, path: Path, apply: bool = False, witness: Witness | None = None) -> KeysChange:
    """Read a keys bundle signed by a key this workstation trusts as an officer's (anything else is refused and
    audited); with ``apply`` make the changes (each audited), officers' keys only with a second officer."""
    session.require(Action.TRUST_MANAGE, str(path))
    try:
        verified, plain = _open(session, path, keep=True)
        if verified.manifest.kind == "keys" and not verified.signer.officer:
            raise BundleRejected(
                f"trust changes come only from security officers: this keys bundle is signed by "
                f"{verified.manifest.signer_name} ({verified.manifest.signer_fingerprint[:16]}…), whose key this "
                f"workstation trusts as {verified.signer.name}, not as a security officer's")
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
    change.signer_trusted_as = verified.signer.name
    if apply:
        if change.needs_witness:
            require_witness(session, witness, "importing a keys bundle that changes security officers' keys ("
                            + "; ".join(change.officer_changes) + ")")
        _apply(session, change, manifest, witness)
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
    local = {u.fingerprint: u for u in users.all_users(session.db)}
    own = set(local) | {k.fingerprint for k in store.retired(session.db)}
    offered = [(u["name"], u["role"], u["public_pem"], u["fingerprint"],
                None if u.get("active", True) else "disabled") for u in body.get("users", [])]
    offered += [(t["name"], t["role"], t["public_pem"], t["fingerprint"], t.get("revoked_at"))
                for t in body.get("trusted", [])]
    offered += [(r["user"], "", r["public_pem"], r["fingerprint"], r.get("revoked_at"))
                for r in body.get("rotations", []) if r.get("revoked_at")]
    checked: dict[str, tuple[str, str, str, Any]] = {}
    for name, role, pem, listed, revoked in offered:
        try:
            fp = _offered_fingerprint(str(pem), str(listed), bool(revoked))
        except BadInput as exc:
            change.refused.append(f"{name}: {exc.user_message}")
            continue
        if fp not in checked or (revoked and not checked[fp][3]):  # a revocation wins over the same key offered
            checked[fp] = (str(name), str(role), str(pem), revoked)
    for fp, (name, role, pem, revoked) in checked.items():
        here = known.get(fp)
        if fp in own:
            user = local.get(fp)
            if revoked and user is not None and user.active and (here is None or here.revoked_at is None):
                change.refused.append(f"revocation of {user.name}'s key: a user of this workstation, whose officers "
                                      "revoke it here (nia trust revoke)")
            continue
        shown = f"{name}@{signer}" if "@" not in name else str(name)
        if revoked and here is None:
            change.revoke.append(Revocation(shown, fp, str(role), str(pem), known=False))
        elif revoked and here is not None and here.revoked_at is None:
            change.revoke.append(Revocation(here.name, fp, here.role, here.public_pem, True,
                                            is_officer_role(here.role)))
        elif not revoked and here is None:
            change.add.append((shown, str(role), fp, str(pem)))
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
    return change


def _offered_fingerprint(pem: str, listed: str, revoked: bool) -> str:
    """The key's fingerprint, from its public key when the bundle gives one (and then it must match the one
    listed); a revocation of a key known only by fingerprint has none, and names it in full."""
    if pem:
        fp = fingerprint(load_public_pem(pem.encode("ascii", "replace")))
        if listed and listed != fp:
            raise BadInput(f"the fingerprint listed ({listed[:16]}…) is not its key's ({fp[:16]}…)")
        return fp
    if revoked and len(listed) == 64 and set(listed) <= set("0123456789abcdef"):
        return listed
    raise BadInput("no public key" + ("" if revoked else " for a key to trust"))


def _apply(session: Session, change: KeysChange, manifest: Manifest, witness: Witness | None) -> None:
    now = iso_utc(session.clock.now())
    by = {"from_bundle": manifest.uuid, "witness": witness.name if witness else None}
    with session.db.transaction():
        for name, role, fp, pem in change.add:
            store.add(session.db, store.TrustRow(fp, name, "", role, pem, session.name, now, None))
            session.audit("trust.add", name, details={"fingerprint": fp, "role": role, **by})
        for revocation in change.revoke:
            store.revoke_any(session.db, revocation.fingerprint, revocation.name, revocation.role,
                             revocation.public_pem, session.name, now)
            session.audit("trust.revoke", revocation.name, details={
                "fingerprint": revocation.fingerprint, "in_advance": not revocation.known, **by})
        for name, old, new in change.supersede:
            store.supersede(session.db, old, new)
            session.audit("trust.rotate", name, details={"old": old, "new": new, **by})
        session.audit("trust.import", manifest.uuid, details={"signer": manifest.signer_fingerprint,
                                                              "witness": by["witness"],
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
