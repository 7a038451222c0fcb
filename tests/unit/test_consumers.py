"""Consumers (issue 14): officers register and remove them, analysts and officers list them, every change and
refusal is audited; what a consumer may hold (core/holding.py): level, compartments, controls, release lists."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nia_desktop.core.bundles.sealed import new_identity
from nia_desktop.core.classification import Level
from nia_desktop.core.errors import BadInput, PermissionRefused
from nia_desktop.core.holding import ConsumerLine, Holder, line_for
from nia_desktop.core.markings import Caveat, CaveatKind, Marking, combine
from nia_desktop.core.signing import fingerprint
from nia_desktop.core.store import audit_log, ledger
from nia_desktop.services import clearances
from nia_desktop.services.consumers import add_consumer, get_consumer, holder_of, list_consumers, remove_consumer
from nia_desktop.services.session import Session, unlock
from tests.conftest import ANALYST, ANALYST_PASS, COURIER, COURIER_PASS

SDS = Caveat("特定秘密", CaveatKind.COMPARTMENT)
ORCON = Caveat("ORCON", CaveatKind.CONTROL)
NOFORN = Caveat("NOFORN", CaveatKind.CONTROL)


def rel(*partners: str) -> Caveat:
    return Caveat("REL TO " + ", ".join(sorted(partners)), CaveatKind.RELEASE)


def pem() -> tuple[bytes, str]:
    key = Ed25519PrivateKey.generate().public_key()
    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo), \
        fingerprint(key)


def last(session: Session) -> tuple[str, str, dict[str, object]]:
    entry = audit_log.last(session.db)
    assert entry is not None
    return entry.action, entry.outcome, entry.details


def test_an_officer_registers_lists_and_removes_consumers_and_each_step_is_audited(officer: Session,
                                                                                  vault_dir: Path) -> None:
    data, fp = pem()
    recipient = new_identity()[1]
    added = add_consumer(officer, "kantei", "Prime Minister's  Office", recipient, Level.TOP_SECRET,
                         ["sds", "orcon"], data)
    assert added.organisation == "Prime Minister's Office" and added.caveats == ("ORCON", "特定秘密")
    assert added.key_fingerprint == fp and ledger.consumer_key(officer.db, "kantei") == data.decode()
    assert ledger.consumer_by_key(officer.db, fp) == added
    assert last(officer)[:2] == ("consumer.add", "ok")
    assert last(officer)[2]["caveats"] == ["ORCON", "特定秘密"] and last(officer)[2]["key_fingerprint"] == fp
    partner_recipient = new_identity()[1]
    partner = add_consumer(officer, "ukpartner", "UK liaison", partner_recipient, Level.SECRET, ["rel to gbr"])
    assert partner.caveats == ("REL TO GBR",) and partner.key_fingerprint == ""
    assert [c.name for c in list_consumers(officer)] == ["kantei", "ukpartner"]

    removed = remove_consumer(officer, "ukpartner")
    assert removed.removed_at and last(officer)[:2] == ("consumer.remove", "ok")
    assert [c.name for c in list_consumers(officer)] == ["kantei"]
    assert [c.name for c in list_consumers(officer, include_removed=True)] == ["kantei", "ukpartner"]
    assert get_consumer(officer, "ukpartner").removed_at  # the ledger still names it
    with pytest.raises(BadInput, match="already removed"):
        remove_consumer(officer, "ukpartner")
    with pytest.raises(BadInput, match=r"already registered.*removed"):
        add_consumer(officer, "ukpartner", "again", partner_recipient, Level.SECRET)
    assert last(officer)[:2] == ("consumer.add", "refused")

    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        assert [c.name for c in list_consumers(anna)] == ["kantei"]
        with pytest.raises(PermissionRefused):
            add_consumer(anna, "rogue", "x", recipient, Level.SECRET)
        assert last(anna)[:2] == ("consumer.manage", "refused")
        with pytest.raises(PermissionRefused):
            remove_consumer(anna, "kantei")
    with unlock(vault_dir, COURIER, COURIER_PASS) as carl, pytest.raises(PermissionRefused):
        list_consumers(carl)


@pytest.mark.parametrize(("change", "message"), [
    ({"name": "Bad Name"}, "consumer name"),
    ({"organisation": "  "}, "organisation"),
    ({"recipient": "age1notarecipient"}, "age X25519 recipient"),
    ({"caveats": ["NO-SUCH-COMPARTMENT"]}, "no caveat named"),
    ({"caveats": ["REL TO GBR", "NOFORN"]}, "cannot be registered for NOFORN"),
    ({"key_pem": b"-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n"}, "PEM public key"),
])
def test_a_bad_registration_is_refused_clearly_audited_and_adds_nothing(officer: Session, change: dict[str, object],
                                                                       message: str) -> None:
    values: dict[str, object] = {"name": "mofa", "organisation": "MOFA", "recipient": new_identity()[1],
                                 "max_level": Level.SECRET, "caveats": [], "key_pem": None}
    values.update(change)
    with pytest.raises(BadInput, match=message):
        add_consumer(officer, **values)  # type: ignore[arg-type]
    assert last(officer)[:2] == ("consumer.add", "refused") and message.split()[0] in str(last(officer)[2]["reason"])
    assert list_consumers(officer, include_removed=True) == []


def test_one_workstation_is_one_consumer_its_recipient_and_key_are_not_shared(officer: Session) -> None:
    """Two active consumers never share a receipt key (one could never acknowledge its copies) or an age recipient
    (a copy for one opens on the other); each refusal is audited and adds nothing. A removed consumer's workstation
    may come back under a new name."""
    data, fp = pem()
    recipient = new_identity()[1]
    add_consumer(officer, "mofa", "MOFA", recipient, Level.SECRET, key_pem=data)
    with pytest.raises(BadInput, match=r"consumer mofa is already registered with this signing key"):
        add_consumer(officer, "mofa-desk", "MOFA desk", new_identity()[1], Level.TOP_SECRET, key_pem=data)
    assert last(officer)[:2] == ("consumer.add", "refused") and "signing key" in str(last(officer)[2]["reason"])
    with pytest.raises(BadInput, match=r"consumer mofa is already registered with this age recipient"):
        add_consumer(officer, "press", "Press office", f"  {recipient.upper()}\n", Level.UNCLASSIFIED)
    assert last(officer)[:2] == ("consumer.add", "refused") and "age recipient" in str(last(officer)[2]["reason"])
    assert [c.name for c in list_consumers(officer, include_removed=True)] == ["mofa"]
    remove_consumer(officer, "mofa")
    again = add_consumer(officer, "mofa2", "MOFA", recipient, Level.CONFIDENTIAL, key_pem=data)
    assert again.recipient == recipient and ledger.consumer_by_key(officer.db, fp) == again


def test_an_officer_names_any_compartment_the_vault_knows(officer: Session) -> None:
    clearances.add_compartment(officer, "KESTREL", "an operation")
    added = add_consumer(officer, "nss", "National Security Secretariat", new_identity()[1], Level.TOP_SECRET,
                         ["kestrel", "特定秘密"])
    assert added.caveats == ("KESTREL", "特定秘密")
    assert holder_of(added).may_hold(Marking.of(Level.TOP_SECRET, [Caveat("KESTREL", CaveatKind.COMPARTMENT)]))


# -- what a consumer may hold ----------------------------------------------------------------------------------
DOMESTIC = Holder(Level.SECRET, frozenset({"ORCON"}))
PARTNER = Holder(Level.SECRET, frozenset({"REL TO GBR"}))


@pytest.mark.parametrize(("holder", "marking", "why"), [
    (DOMESTIC, Marking(Level.SECRET), None),
    (DOMESTIC, Marking(Level.TOP_SECRET), "above SECRET"),
    (DOMESTIC, Marking.of(Level.CONFIDENTIAL, [SDS]), "特定秘密"),
    (DOMESTIC, Marking.of(Level.CONFIDENTIAL, [ORCON]), None),  # registered for ORCON
    (DOMESTIC, Marking.of(Level.CONFIDENTIAL, [NOFORN]), "NOFORN, which they are not registered"),
    (DOMESTIC, Marking.of(Level.SECRET, [rel("USA")]), None),  # a release list limits what goes abroad only
    (PARTNER, Marking.of(Level.SECRET, [rel("GBR", "USA")]), None),
    (PARTNER, Marking.of(Level.SECRET, [rel("USA")]), "does not name GBR"),
    (PARTNER, Marking(Level.SECRET), "no release list naming GBR"),  # a classified part with no list: nobody
    (PARTNER, Marking(Level.UNCLASSIFIED), None),
    (PARTNER, Marking.of(Level.CONFIDENTIAL, [ORCON, rel("GBR")]), "ORCON"),
    (Holder(Level.SECRET, frozenset({"REL TO GBR", "NOFORN"})), Marking.of(Level.UNCLASSIFIED, [NOFORN]), "NOFORN"),
    (Holder(Level.SECRET, frozenset({"REL TO GBR, USA"})), Marking.of(Level.SECRET, [rel("GBR")]), "name USA"),
])
def test_what_a_consumer_may_hold(holder: Holder, marking: Marking, why: str | None) -> None:
    found = holder.refusal(marking)
    assert (found is None) == (why is None), found
    if why is not None:
        assert found is not None and why in found
    assert holder.may_hold(marking) is (why is None)


def test_a_consumers_line_keeps_only_the_portions_they_may_hold() -> None:
    parts = [Marking(Level.SECRET), Marking.of(Level.SECRET, [rel("GBR", "USA")]),
             Marking.of(Level.CONFIDENTIAL, [ORCON, rel("GBR")]), Marking.of(Level.TOP_SECRET, [SDS])]
    line = line_for(PARTNER, parts)
    assert isinstance(line, ConsumerLine) and not line.is_full and line.max_level is Level.SECRET
    assert line.without == frozenset({"ORCON", "特定秘密"})
    assert [line.allows(m) for m in parts] == [False, True, False, False]
    kept = combine(m for m in parts if line.allows(m))
    assert PARTNER.may_hold(kept)
    at_top = line_for(Holder(Level.TOP_SECRET, frozenset({"REL TO GBR"})), [Marking(Level.SECRET)])
    assert not at_top.is_full and not at_top.allows(Marking(Level.SECRET))  # still a tearline: not foreign-ready
