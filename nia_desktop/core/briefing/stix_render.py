"""The briefing as a STIX 2.1 bundle (the `stix2` library), for partners' threat-intelligence tools.

A report whose object_refs reach identities, threat actors and campaigns for
the named entities, an indicator and an observable for every selector, a note
for every key judgement, and one observed-data object over the observables.
Portion marking: one statement marking-definition per distinct marking
(level and caveats) the briefing holds; every object carries its own portion's
marking in ``object_marking_refs``, and the report, which holds several
portions, carries the banner with granular markings on its name (the title)
and description (the summary). Domain objects get UUIDv4 identifiers drawn
from the briefing's hash (the same briefing renders to the same bytes, which a
release approval names) and cyber observables the deterministic UUIDv5 ones
that `stix2` derives, as the specification recommends, so the OASIS validator
passes them without warnings.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import uuid
from typing import Any

import stix2

from nia_desktop.core.briefing.content import Briefing, EntityLine
from nia_desktop.core.markings import Marking, combine

_ACCOUNT_TYPES = {"x": "twitter", "twitter": "twitter", "facebook": "facebook"}  # account-type-ov


def _time(value: str) -> str:
    """A report date (YYYY, YYYY-MM or YYYY-MM-DD) or timestamp as a STIX timestamp."""
    if "T" in value:
        return value
    parts = [*value[:10].split("-"), "01", "01"][:3]
    return f"{parts[0]}-{parts[1]:0>2}-{parts[2]:0>2}T00:00:00Z"


def _observable(entity: EntityLine, marking_refs: list[str]) -> tuple[Any, str] | None:
    """The cyber observable for a selector (marked as its entity line) and its indicator pattern; None for kinds
    STIX has no object for."""
    value = entity.name
    marks = {"object_marking_refs": marking_refs}
    if entity.kind == "ip":
        cls, kind = (stix2.IPv6Address, "ipv6-addr") if ":" in value else (stix2.IPv4Address, "ipv4-addr")
        return cls(value=value, **marks), f"[{kind}:value = '{_quoted(value)}']"
    if entity.kind == "domain":
        return (stix2.DomainName(value=value, **marks),
                f"[domain-name:value = '{_quoted(value)}']")
    if entity.kind == "url":
        return stix2.URL(value=value, **marks), f"[url:value = '{_quoted(value)}']"
    if entity.kind == "email":
        return (stix2.EmailAddress(value=value, **marks),
                f"[email-addr:value = '{_quoted(value)}']")
    if entity.kind in ("social_handle", "telegram_channel"):
        platform, _, login = value.rpartition(":")
        account_type = _ACCOUNT_TYPES.get(platform.lower())
        account = stix2.UserAccount(account_login=login or value, **({"account_type": account_type}
                                                                       if account_type else {}), **marks)
        return account, f"[user-account:account_login = '{_quoted(login or value)}']"
    return None


def _quoted(value: str) -> str:
    return value.replace("\\", "\\\\").replace("'", "\\'")


def render_stix(briefing: Briefing) -> str:
    created = _time(briefing.created)
    author = stix2.Identity(name="National Intelligence Agency (Japan)",
                            identity_class="organization", created=created, modified=created)
    definitions: dict[Marking, Any] = {}

    def marked(marking: Marking | None) -> str:
        """The id of the marking-definition for this marking, made the first time it is needed."""
        value = marking if marking is not None else briefing.marking
        if value not in definitions:
            definitions[value] = stix2.MarkingDefinition(
                created=created, definition_type="statement", created_by_ref=author.id,
                name=value.portion_mark(),
                definition=stix2.StatementMarking(statement=f"Classification: {value.banner()}. "
                                                  "Handle and release only as this marking allows."))
        return str(definitions[value].id)

    banner = marked(briefing.marking)

    def common(marking: Marking | None) -> dict[str, Any]:
        return {"created_by_ref": author.id, "object_marking_refs": [marked(marking)], "created": created,
                "modified": created}

    objects: list[Any] = []
    observables: list[Any] = []
    observed_markings: list[Marking] = []
    for entity in briefing.entities:
        described = f"Reported by {', '.join(entity.agencies) or 'unknown'} in reports " + \
            ", ".join(f"#{r}" for r in entity.reports)
        if entity.kind in ("person", "organization"):
            if entity.threat:
                objects.append(stix2.ThreatActor(name=entity.name, aliases=entity.aliases or None,
                                                 description=described, **common(entity.marking)))
            else:
                objects.append(stix2.Identity(name=entity.name,
                                              identity_class="individual" if entity.kind == "person"
                                              else "organization", description=described,
                                              **common(entity.marking)))
        elif entity.kind == "operation":
            objects.append(stix2.Campaign(name=entity.name, aliases=entity.aliases or None, description=described,
                                          **common(entity.marking)))
        else:
            found = _observable(entity, [marked(entity.marking)])
            if found is None:
                continue
            observable, pattern = found
            observables.append(observable)
            if entity.marking is not None:
                observed_markings.append(entity.marking)
            objects.append(stix2.Indicator(name=entity.name, pattern=pattern,
                                           pattern_type="stix", valid_from=created, description=described,
                                           indicator_types=["attribution"], **common(entity.marking)))
    dates = sorted(s.date for s in briefing.sources if s.date)
    if observables:
        first, last = _time(dates[0]) if dates else created, _time(dates[-1]) if dates else created
        observed = combine([*observed_markings, *(s.portion for s in briefing.sources)])
        objects.append(stix2.ObservedData(first_observed=first,
                                          last_observed=max(first, last), number_observed=max(1, len(briefing.sources)),
                                          object_refs=[o.id for o in observables], **common(observed)))
    report_id = f"report--{uuid.uuid4()}"
    notes = [stix2.Note(content=f"{j.text} ({j.likelihood}; {j.confidence} confidence)",
                        abstract=f"Key judgement {n}", object_refs=[report_id], **common(j.marking))
             for n, j in enumerate(briefing.judgements, 1)]
    summary = briefing.shown_summary
    granular = [{"marking_ref": marked(briefing.summary_marking), "selectors": ["name"]}]
    if summary:
        granular.append({"marking_ref": marked(briefing.summary_marking), "selectors": ["description"]})
    report = stix2.Report(id=report_id, name=briefing.title, published=created,
                          report_types=["threat-report"], granular_markings=granular,
                          object_refs=[author.id] + [o.id for o in objects] + [n.id for n in notes]
                          + [o.id for o in observables],
                          **({"description": summary} if summary else {}),
                          **{**common(None), "object_marking_refs": [banner]})
    bundle = stix2.Bundle(author, *definitions.values(), report, *notes, *objects, *observables,
                          allow_custom=False)
    return _stable_ids(str(bundle.serialize(pretty=True, ensure_ascii=False)), briefing.encode())


_ID = re.compile(r"(?<=--)[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def _stable_ids(document: str, briefing: bytes) -> str:
    """The random UUIDv4s stix2 gave, replaced in order of first appearance by UUIDv4s drawn from the briefing's
    own hash: the same briefing renders to the same bytes (a release approval names them), references stay
    consistent, and the ids are still version 4 as STIX 2.1 asks."""
    seed = hashlib.sha256(b"nia-stix-ids-v1\x00" + briefing).digest()
    mapping: dict[str, str] = {}

    def stable(match: re.Match[str]) -> str:
        found = match.group(0)
        if found not in mapping:
            raw = hmac.new(seed, str(len(mapping)).encode(), hashlib.sha256).digest()[:16]
            mapping[found] = str(uuid.UUID(bytes=raw, version=4))
        return mapping[found]

    return _ID.sub(stable, document)
