"""The trust service: who counts as an officer, disabled users' keys refused even without a revocation row, any key
revocable (a user's, one known only by fingerprint), and officers' keys changed only under dual control."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nia_desktop.core.bundles.write import Signer, Source, write_bundle
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import BadInput, BundleRejected, PermissionRefused
from nia_desktop.core.roles import Role
from nia_desktop.core.signing import fingerprint, public_pem
from nia_desktop.core.store import audit_log, users
from nia_desktop.core.store import trust as store
from nia_desktop.services import key_exchange, trust
from nia_desktop.services.dual_control import authenticate_witness
from nia_desktop.services.session import Session, unlock
from nia_desktop.services.users import add_user
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS

OSCAR, OSCAR_PASS = "oscar", "oscar-passphrase-4444"


def pem_of(key: Ed25519PrivateKey) -> bytes:
    return public_pem(key.public_key())


def test_who_counts_as_an_officer(officer: Session) -> None:
    find = trust.lookup(officer)
    me, anna = users.get(officer.db, OFFICER), users.get(officer.db, ANALYST)
    assert me is not None and anna is not None
    own, analyst = find(me.fingerprint), find(anna.fingerprint)
    assert own is not None and own.officer and not own.revoked
    assert analyst is not None and not analyst.officer and not analyst.revoked
    boss, clerk = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    boss_fp = trust.trust_key(officer, pem_of(boss), "boss@ws-b", "ws-b", " Officer")
    clerk_fp = trust.trust_key(officer, pem_of(clerk), "clerk@ws-b", "ws-b", "analyst")
    found_boss, found_clerk = find(boss_fp), find(clerk_fp)
    assert found_boss is not None and found_boss.officer
    assert found_clerk is not None and not found_clerk.officer
    trust.revoke_key(officer, boss_fp)
    revoked = find(boss_fp)
    assert revoked is not None and revoked.revoked and not revoked.officer


def test_a_disabled_users_key_is_revoked_even_without_a_revocation_row(officer: Session) -> None:
    anna = users.get(officer.db, ANALYST)
    assert anna is not None
    with officer.db.transaction():  # the user row alone, as an older vault or a partial write would leave it
        users.disable(officer.db, ANALYST, iso_utc(officer.clock.now()))
    assert store.find(officer.db, anna.fingerprint) is None
    key = trust.lookup(officer)(anna.fingerprint)
    assert key is not None and key.revoked and not key.officer


def test_any_key_can_be_revoked(officer: Session) -> None:
    anna = users.get(officer.db, ANALYST)
    assert anna is not None
    # A local user's current key: "no single key" before, now a revocation row every lookup sees.
    assert trust.revoke_key(officer, anna.fingerprint[:12]) == anna.fingerprint
    key = trust.lookup(officer)(anna.fingerprint)
    assert key is not None and key.revoked
    with pytest.raises(BadInput, match="already revoked"):
        trust.revoke_key(officer, anna.fingerprint)
    # A key known nowhere, by its full fingerprint: revoked in advance, refused when it turns up.
    later = Ed25519PrivateKey.generate()
    later_fp = fingerprint(later.public_key())
    assert trust.revoke_key(officer, later_fp.upper()) == later_fp
    in_advance = trust.lookup(officer)(later_fp)
    assert in_advance is not None and in_advance.revoked
    with pytest.raises(BadInput, match="already in the trust store"):
        trust.trust_key(officer, pem_of(later), "later")
    # Not the full fingerprint of an unknown key, or not a fingerprint at all: refused, saying why.
    with pytest.raises(BadInput, match="full 64-digit fingerprint"):
        trust.revoke_key(officer, fingerprint(Ed25519PrivateKey.generate().public_key())[:20])
    with pytest.raises(BadInput, match="not a fingerprint"):
        trust.revoke_key(officer, "anna")
    revocations = [e for e in audit_log.iter_entries(officer.db) if e.action == "trust.revoke"]
    assert [e.details["key"] for e in revocations] == ["user", "unknown"]


def test_an_ambiguous_prefix_lists_the_candidates(officer: Session) -> None:
    keys: dict[str, str] = {}
    while True:  # two keys whose fingerprints share their first digit
        key = Ed25519PrivateKey.generate()
        fp = fingerprint(key.public_key())
        if fp[0] in keys:
            break
        keys[fp[0]] = trust.trust_key(officer, pem_of(key), f"key-{len(keys)}")
    trust.trust_key(officer, pem_of(key), "twin")
    with pytest.raises(BadInput, match="keys start with") as caught:
        trust.revoke_key(officer, fp[0])
    assert "twin" in caught.value.user_message and keys[fp[0]][:16] in caught.value.user_message


@pytest.fixture
def two_officers(vault_dir: Path) -> Session:
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        add_user(session, OSCAR, Role.OFFICER, OSCAR_PASS)
    return unlock(vault_dir, OFFICER, OFFICER_PASS)


def test_officers_keys_change_only_with_a_witness(two_officers: Session) -> None:
    session = two_officers
    try:
        boss = Ed25519PrivateKey.generate()
        with pytest.raises(PermissionRefused, match="dual control"):
            trust.trust_key(session, pem_of(boss), "boss@ws-b", role="officer")
        assert store.listing(session.db) == []
        witness = authenticate_witness(session, OSCAR, OSCAR_PASS)
        boss_fp = trust.trust_key(session, pem_of(boss), "boss@ws-b", role="officer", witness=witness)
        trust.trust_key(session, pem_of(Ed25519PrivateKey.generate()), "clerk@ws-b", role="analyst")  # no witness
        with pytest.raises(PermissionRefused, match="dual control"):
            trust.revoke_key(session, boss_fp)
        oscar = users.get(session.db, OSCAR)
        assert oscar is not None
        with pytest.raises(PermissionRefused, match="dual control"):  # a local officer's key, too
            trust.revoke_key(session, oscar.fingerprint)
        trust.revoke_key(session, boss_fp, witness)
        found = trust.lookup(session)(boss_fp)
        assert found is not None and found.revoked
        refusals = [e for e in audit_log.iter_entries(session.db) if e.action == "dual_control"]
        assert len(refusals) == 3 and all(e.outcome == "refused" for e in refusals)
    finally:
        session.close()


def keys_bundle(path: Path, key: Ed25519PrivateKey, body: Mapping[str, object], sequence: int = 1) -> Path:
    write_bundle(path, "keys", [Source("keys.json", data=json.dumps(body).encode())], Signer("someone", key),
                 sequence, "2026-11-25T10:00:00.000000Z", {"seq": 1, "hash": "ab" * 32})
    return path


def test_keys_bundles_are_taken_only_from_officers(officer: Session, vault_dir: Path, tmp_path: Path) -> None:
    boss, clerk, newcomer = (Ed25519PrivateKey.generate() for _ in range(3))
    trust.trust_key(officer, pem_of(boss), "boss@ws-b", role="officer")
    trust.trust_key(officer, pem_of(clerk), "clerk@ws-b", role="analyst")
    body = {"users": [{"name": "new", "role": "analyst", "fingerprint": fingerprint(newcomer.public_key()),
                       "public_pem": pem_of(newcomer).decode()}]}
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        analyst_key = anna.signing_key
    for n, signer in enumerate((clerk, analyst_key)):
        for apply in (False, True):
            with pytest.raises(BundleRejected, match="only from security officers"):
                key_exchange.import_keys(officer, keys_bundle(tmp_path / f"k{n}{apply}.nia", signer, body), apply)
    assert len(store.listing(officer.db)) == 2
    refused = [e for e in audit_log.iter_entries(officer.db) if e.action == "trust.import"]
    assert len(refused) == 4 and all(e.outcome == "refused" for e in refused)
    change = key_exchange.import_keys(officer, keys_bundle(tmp_path / "boss.nia", boss, body), apply=True)
    assert change.signer_trusted_as == "boss@ws-b" and [a[0] for a in change.add] == ["new@someone"]


def test_revocations_travel_and_unknown_keys_are_revoked_in_advance(officer: Session, tmp_path: Path) -> None:
    boss, known, unseen, blind = (Ed25519PrivateKey.generate() for _ in range(4))
    trust.trust_key(officer, pem_of(boss), "boss@ws-b", role="officer")
    known_fp = trust.trust_key(officer, pem_of(known), "known@ws-b", role="analyst")
    blind_fp = fingerprint(blind.public_key())
    body = {"users": [{"name": "known", "role": "analyst", "fingerprint": known_fp, "active": False,
                       "public_pem": pem_of(known).decode()}],
            "trusted": [{"name": "unseen", "role": "courier", "fingerprint": fingerprint(unseen.public_key()),
                         "public_pem": pem_of(unseen).decode(), "revoked_at": "2026-11-20T00:00:00Z"},
                        {"name": "blind", "role": "", "fingerprint": blind_fp, "public_pem": "",
                         "revoked_at": "2026-11-20T00:00:00Z"},
                        {"name": "liar", "role": "", "fingerprint": "0" * 64, "public_pem": pem_of(blind).decode(),
                         "revoked_at": "2026-11-20T00:00:00Z"}]}
    change = key_exchange.import_keys(officer, keys_bundle(tmp_path / "k.nia", boss, body), apply=True)
    assert {(r.fingerprint, r.known) for r in change.revoke} == {
        (known_fp, True), (fingerprint(unseen.public_key()), False), (blind_fp, False)}
    assert any("liar" in line for line in change.refused)
    find = trust.lookup(officer)
    for fp in (known_fp, fingerprint(unseen.public_key()), blind_fp):
        found = find(fp)
        assert found is not None and found.revoked, fp
