"""Briefings: composed by an analyst from a case, reviewed by a second person when the two-person rule applies,
signed into a "briefing" bundle carrying the PDF, the HTML copy, the STIX 2.1 bundle and the reviewed JSON.

The bundle carries the exact briefing bytes the reviewer approved, with the
reviewer's signed approval; a briefing that changes after approval needs a new
review. An approval authorises one export.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from nia_desktop.core import settings as declared
from nia_desktop.core.briefing.content import Briefing, EntityLine, KeyJudgement, Link, Source, select
from nia_desktop.core.briefing.html_render import render_html
from nia_desktop.core.briefing.pdf_render import render_pdf
from nia_desktop.core.briefing.stix_render import render_stix
from nia_desktop.core.bundles.manifest import Manifest
from nia_desktop.core.bundles.write import Source as Payload
from nia_desktop.core.canonical import canonical_json
from nia_desktop.core.classification import Level
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import BadInput, PermissionRefused
from nia_desktop.core.fusion.model import Kind
from nia_desktop.core.fusion.selectors import fold
from nia_desktop.core.roles import Action, Role
from nia_desktop.core.signing import SigningContext, fingerprint, public_raw, sign
from nia_desktop.core.store import fusion as fusion_store
from nia_desktop.core.store import releases, settings_store, users
from nia_desktop.core.store.releases import ReleaseRequest
from nia_desktop.services.assessments import case_assessments
from nia_desktop.services.bundles import sign_out
from nia_desktop.services.dual_control import all_by_name, controllers, independent
from nia_desktop.services.fusion import case_reports, fusion_workspace
from nia_desktop.services.session import Session

MAX_ENTITIES = 40


def candidates(session: Session, case: str) -> Briefing:
    """Everything a briefing of this case could hold: its reports, its key judgements, the entities fusion found
    in them (most widely reported first), and the links between them. The composer chooses from these."""
    session.require(Action.BRIEF_COMPOSE, case)
    in_case = [int(r["id"]) for r in case_reports(session, case)]
    if not in_case:
        raise BadInput(f"case {case!r} has no reports: add some with nia case add")
    workspace = fusion_workspace(session, case)
    judgements = [KeyJudgement(a.judgement, a.likelihood, a.confidence, sorted(a.reports))
                  for a in case_assessments(session, case)]
    wanted = set(in_case) | {r for j in judgements for r in j.reports}
    sources = [Source(r, f.title, f.agency, f.date, f.grading, f.classification)
               for r, f in sorted(workspace.reports.items()) if r in wanted]
    watched = {fold(n).casefold() for w in fusion_store.watchlist(session.db) for n in (w.name, *w.aliases)}
    rows = sorted((e for e in workspace.entities if e.kind != Kind.DATE.value and set(e.reports) & wanted),
                  key=lambda e: (-len(e.seen.agencies), -len(e.reports), e.name))
    entities = [EntityLine(e.name, e.kind, e.aliases[:5], sorted(e.seen.agencies), sorted(set(e.reports) & wanted),
                           e.kind in (Kind.PERSON.value, Kind.ORGANIZATION.value)
                           and any(fold(n).casefold() in watched for n in (e.name, *e.aliases)))
                for e in rows]
    names = {e.id: e.name for e in workspace.entities}
    links = [Link(int(x["a"]), int(x["b"]), float(x["weight"]), [names[i] for i in x["entities"] if i in names])
             for x in workspace.result.links if x["a"] in wanted and x["b"] in wanted]
    return Briefing(case, f"Briefing: {case}", "", session.name, iso_utc(session.clock.now()), judgements, sources,
                    entities, links)


def compose(session: Session, case: str, title: str | None = None, summary: str | None = None,
            report_ids: list[int] | None = None, entity_names: list[str] | None = None) -> Briefing:
    """The briefing as `nia brief` makes it: chosen reports (default all of the case), chosen entities (default
    the most widely reported, up to MAX_ENTITIES)."""
    options = candidates(session, case)
    if report_ids is not None:
        unknown = sorted(set(report_ids) - {s.report_id for s in options.sources})
        if unknown:
            raise BadInput(f"report {', '.join(map(str, unknown))} is not in case {case!r}")
    chosen = select(options, report_ids, entity_names, title, summary)
    return chosen if entity_names is not None else replace(chosen, entities=chosen.entities[:MAX_ENTITIES])


def review_threshold(session: Session) -> int:
    return settings_store.get_int(session.db, declared.RELEASE_REVIEW_FROM)


def needs_review(session: Session, briefing: Briefing) -> bool:
    return int(briefing.classification) >= review_threshold(session)


def release_state(session: Session, briefing: Briefing) -> ReleaseRequest | None:
    """The latest release request by this user for exactly this briefing's content, if any."""
    session.require(Action.BRIEF_COMPOSE, briefing.case)
    return releases.latest(session.db, briefing.case, session.name, briefing.content_digest())


@dataclass(frozen=True)
class BriefOutcome:
    status: str  # "exported", "queued" (a new review), "pending" (still waiting)
    classification: Level
    request_id: int | None = None
    manifest: Manifest | None = None

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "classification": self.classification.english, "request": self.request_id,
                "uuid": self.manifest.uuid if self.manifest else None}


def brief(session: Session, briefing: Briefing, out: Path | None,
          recipients: list[str] | None = None) -> BriefOutcome:
    """Export a composed briefing (to ``out``, or to the courier's outbound queue when None), or, under the
    two-person rule, queue it for review (nothing written) and export it on a later call once approved."""
    session.require(Action.BRIEF_COMPOSE, briefing.case)
    if out is not None and out.exists():
        raise BadInput(f"{out} already exists: choose another name")
    level = briefing.classification
    if not needs_review(session, briefing):
        return BriefOutcome("exported", level, None, _export(session, briefing, None, out, recipients))
    digest = briefing.content_digest()
    latest = releases.latest(session.db, briefing.case, session.name, digest)
    if latest is not None and latest.status == "pending":
        return BriefOutcome("pending", level, latest.id)
    if latest is not None and latest.status == "rejected":
        raise BadInput(f"release request {latest.id} for this briefing was rejected by {latest.reviewer}: "
                       f"{latest.reason}. Change the briefing and run again.")
    if latest is not None and latest.status == "approved":
        # Checked again at export: a reset of the author's passphrase, or a disabled reviewer, since the
        # approval means it no longer shows two people.
        problem = second_person_problem(session, session.name, str(latest.reviewer))
        if problem is not None:
            session.audit("briefing.export", briefing.case, "refused", {"request": latest.id, "reason": problem})
            raise PermissionRefused(f"the approval of release request {latest.id} no longer counts: {problem}")
        approved = _load(session, latest.id)[1]
        manifest = _export(session, approved, releases.approval(session.db, latest.id), out, recipients, latest.id)
        return BriefOutcome("exported", level, latest.id, manifest)
    with session.db.transaction():
        request_id = releases.insert(session.db, briefing.case, session.name, iso_utc(session.clock.now()),
                                     briefing.encode().decode("utf-8"), digest, int(level))
        session.audit("release.request", briefing.case, details={
            "request": request_id, "classification": level.english, "reports": [s.report_id for s in
                                                                                briefing.sources]})
    return BriefOutcome("queued", level, request_id)


def rendered(briefing: Briefing) -> list[Payload]:
    """The briefing's payload files: the same bytes every time for the same briefing (the approval names them)."""
    return [Payload("briefing.pdf", data=render_pdf(briefing)),
            Payload("briefing.html", data=render_html(briefing).encode("utf-8")),
            Payload("briefing.stix.json", data=render_stix(briefing).encode("utf-8")),
            Payload("briefing.json", data=briefing.encode())]


def payload_digests(payload: list[Payload]) -> dict[str, str]:
    """Path inside the bundle -> SHA-256, as the manifest lists them."""
    return {f"payload/{p.name}": hashlib.sha256(p.data or b"").hexdigest() for p in payload}


def _export(session: Session, briefing: Briefing, approval: tuple[bytes, bytes] | None, out: Path | None,
            recipients: list[str] | None, request_id: int | None = None) -> Manifest:
    payload = rendered(briefing)
    if approval is not None:
        approved = json.loads(approval[0]).get("files")
        if approved is not None and approved != payload_digests(payload):
            raise BadInput("the briefing no longer renders to the files the reviewer approved (a different build?): "
                           "ask for a new release review")
        payload += [Payload("release/approval.json", data=approval[0]),
                    Payload("release/approval.sig", data=approval[1])]
    def record(manifest: Manifest) -> None:  # in the export's own transaction (services/bundles.sign_out)
        if request_id is not None:
            releases.mark_exported(session.db, request_id)
        session.audit("briefing.export", briefing.case, details={
            "uuid": manifest.uuid, "classification": briefing.classification.english, "request": request_id,
            "sha256": hashlib.sha256(briefing.encode()).hexdigest(), "recipients": recipients or []})

    return sign_out(session, "briefing", payload, out, recipients or [], f"briefing-{briefing.case}.nia", record)


# -- release review (officer) ---------------------------------------------------------------
def release_requests(session: Session, status: str | None = "pending") -> list[ReleaseRequest]:
    session.require(Action.RELEASE_REVIEW, "release requests")
    return releases.listing(session.db, status)


def release_preview(session: Session, request_id: int) -> tuple[ReleaseRequest, Briefing]:
    """The request and the exact briefing under review; opening it is audited."""
    session.require(Action.RELEASE_REVIEW, f"release {request_id}")
    request, briefing = _load(session, request_id)
    session.audit("release.view", str(request_id), details={"case": request.case})
    return request, briefing


def _load(session: Session, request_id: int) -> tuple[ReleaseRequest, Briefing]:
    found = releases.find(session.db, request_id)
    if found is None:
        raise BadInput(f"no release request {request_id}")
    return found[0], Briefing.from_json(json.loads(found[1]))


def _decide(session: Session, request_id: int) -> tuple[ReleaseRequest, Briefing]:
    request, briefing = _load(session, request_id)
    if request.status != "pending":
        raise BadInput(f"release request {request_id} is already {request.status}")
    if request.author == session.name:
        raise BadInput("two-person rule: the author of a briefing cannot review it")
    return request, briefing


def second_person_problem(session: Session, author: str, reviewer: str) -> str | None:
    """Why ``reviewer`` is not a second person for ``author``'s briefing, or None.

    The reviewer must be an active officer who is neither the author nor able to act as them: an officer who
    set the author's passphrase (an add or a reset) could have kept it, and a reviewer whose own passphrase the
    author's passphrase-setter chose is that same person again (services/dual_control.py).
    """
    author_record, reviewer_record = users.get(session.db, author), users.get(session.db, reviewer)
    if reviewer_record is None or not reviewer_record.active or reviewer_record.role is not Role.OFFICER:
        return f"two-person rule: {reviewer} is not an active security officer"
    if author_record is None:
        return f"two-person rule: the author {author} is not a user of this vault"
    if not independent(author_record, reviewer_record, all_by_name(session)):
        everyone = all_by_name(session)
        shared = sorted((controllers(author_record, everyone) & controllers(reviewer_record, everyone))
                        - {author, reviewer})
        by = author_record.credentials_by
        why = (f"{reviewer} set {author}'s passphrase" if by == reviewer else
               f"{', '.join(shared) or reviewer} set the passphrases of both {author} and {reviewer}, directly or "
               "through an officer whose passphrase they set")
        return f"two-person rule: {reviewer} cannot review {author}'s briefing ({why}; they may be one person)"
    return None


def approve(session: Session, request_id: int) -> str:
    """Sign the approval of exactly this briefing; returns the approval's SHA-256."""
    session.require(Action.RELEASE_REVIEW, f"release {request_id}")
    request, reviewed = _decide(session, request_id)
    problem = second_person_problem(session, request.author, session.name)
    if problem is not None:
        session.audit("release.approve", str(request_id), "refused", {"reason": problem})
        raise PermissionRefused(problem)
    files = payload_digests(rendered(reviewed))  # rendered outside the transaction: it takes a moment
    with session.db.transaction():
        request, briefing = _decide(session, request_id)
        if briefing.encode() != reviewed.encode():
            raise BadInput(f"release request {request_id} changed while it was being approved")
        approval = canonical_json({
            "request": request_id, "case": request.case, "author": request.author,
            "briefing_sha256": hashlib.sha256(briefing.encode()).hexdigest(),
            "files": files,
            "classification": request.classification.english, "approver": session.name,
            "approver_fingerprint": fingerprint(session.signing_key.public_key()),
            "approver_public": public_raw(session.signing_key.public_key()).hex(),
            "approved_at": iso_utc(session.clock.now())})
        signature = sign(session.signing_key, SigningContext.RELEASE_APPROVAL, approval)
        releases.decide(session.db, request_id, "approved", session.name, iso_utc(session.clock.now()),
                        approval_json=approval.decode("utf-8"), signature=signature)
        digest = hashlib.sha256(approval).hexdigest()
        session.audit("release.approve", str(request_id), details={"case": request.case, "author": request.author,
                                                                   "approval_sha256": digest})
    return digest


def reject(session: Session, request_id: int, reason: str) -> None:
    session.require(Action.RELEASE_REVIEW, f"release {request_id}")
    if not reason.strip():
        raise BadInput("say why the briefing is rejected (--reason)")
    with session.db.transaction():
        request, _ = _decide(session, request_id)
        releases.decide(session.db, request_id, "rejected", session.name, iso_utc(session.clock.now()),
                        reason.strip())
        session.audit("release.reject", str(request_id), details={"case": request.case, "author": request.author,
                                                                  "reason": reason.strip()})
