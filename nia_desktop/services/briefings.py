"""Briefings: composed by an analyst from a case, reviewed by a second person when the two-person rule applies,
signed into a "briefing" bundle carrying the PDF, the HTML copy, the STIX 2.1 bundle and the reviewed JSON.

The bundle carries the exact briefing bytes the reviewer approved, with the
reviewer's signed approval; a briefing that changes after approval needs a new
review. An approval authorises one export.

Need-to-know and tearlines: a product is built from scratch from the reports
it rests on, and only from reports the user may read. Its entities and links
come from a fusion of exactly those reports (never from a fusion of more,
filtered afterwards: a name or alias found only in a report left out would
survive that), so a tearline version, built from the reports its line allows,
holds nothing from above the line in any form. Every part carries its own
marking (core/briefing/content.py); the banner combines them. The officer who
reviews a product must be cleared for its marking.

The watchlist is the analysts' own, unmarked knowledge: its entry names, the
aliases it ties together ("PETROV is SOROKIN") and which entities are known
threats may all have been learnt from a report above any given line. So only
the full product is fused with it; a tearline version (and every consumer's
version: core/holding.ConsumerLine) is fused without it, and its entities are
named, merged and flagged from its own reports alone. Analysts' merge, split
and "different" judgements reach it only when every report they rest on is
within its line; a judgement resting on no report reaches no tearline.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from nia_desktop.core import settings as declared
from nia_desktop.core.briefing import chart_annex as charts
from nia_desktop.core.briefing.content import Briefing, EntityLine, KeyJudgement, Link, Source, included
from nia_desktop.core.briefing.html_render import render_html
from nia_desktop.core.briefing.pdf_render import render_pdf
from nia_desktop.core.briefing.preview import PageImage, page_images
from nia_desktop.core.briefing.stix_render import render_stix
from nia_desktop.core.bundles.manifest import Manifest
from nia_desktop.core.bundles.write import Source as Payload
from nia_desktop.core.canonical import canonical_json
from nia_desktop.core.classification import Level, parse_level
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import BadInput, PermissionRefused
from nia_desktop.core.fusion import cache as extraction_cache
from nia_desktop.core.fusion.engine import FusionResult, fuse
from nia_desktop.core.fusion.judgements import Judgement
from nia_desktop.core.fusion.model import Kind
from nia_desktop.core.fusion.nodes import ReportText
from nia_desktop.core.fusion.selectors import fold
from nia_desktop.core.fusion.watchlist import WatchEntry
from nia_desktop.core.markings import FULL, Marking, Tearline, combine
from nia_desktop.core.roles import Action, Role
from nia_desktop.core.signing import SigningContext, fingerprint, public_raw, sign
from nia_desktop.core.store import cases as case_store
from nia_desktop.core.store import clearances as marks_store
from nia_desktop.core.store import fusion as fusion_store
from nia_desktop.core.store import link_charts as chart_store
from nia_desktop.core.store import releases, settings_store, users
from nia_desktop.core.store.releases import ReleaseRequest
from nia_desktop.services import ach, link_chart
from nia_desktop.services.assessments import case_assessments
from nia_desktop.services.bundles import sign_out
from nia_desktop.services.clearances import resolve_caveats
from nia_desktop.services.consumers import recipients_refusal
from nia_desktop.services.dual_control import all_by_name, controllers, independent
from nia_desktop.services.fusion import case_reports
from nia_desktop.services.paging import Page, check_window
from nia_desktop.services.session import Session

MAX_ENTITIES = 40
ANY_RELEASE = "REL"  # --without REL: leave out every portion with a release list


# -- what a case offers ---------------------------------------------------------------------
@dataclass(frozen=True)
class _Basis:
    """A case as this user may see it: its readable reports (and those its judgements cite), their rows and
    markings, and the key judgements resting only on readable reports."""

    case_ids: list[int]
    sources: list[Source]
    judgements: list[KeyJudgement]


def _basis(session: Session, case: str) -> _Basis:
    in_case = [int(r["id"]) for r in case_reports(session, case)]
    assessed = case_assessments(session, case)
    wanted = set(in_case) | {r for a in assessed for r in a.reports}
    reader = session.access()
    markings = {r: m for r, m in marks_store.report_markings(session.db, wanted).items() if reader.may_read(m)}
    sources = _sources(session, markings)
    known = {s.report_id for s in sources}
    judgements = [KeyJudgement(a.judgement, a.likelihood, a.confidence, sorted(a.reports),
                               combine(markings[r] for r in a.reports) if a.reports else None)
                  for a in assessed if set(a.reports) <= known]  # one resting on a report hidden from us stays out
    return _Basis([r for r in in_case if r in known], sources, judgements)


def _sources(session: Session, markings: dict[int, Marking]) -> list[Source]:
    """The source-table rows of these (readable) reports, read again under the reading filter."""
    ids = sorted(markings)
    clause, params = session.readable("r")
    rows = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        places = ",".join("?" * len(chunk))
        rows += session.db.query(
            "SELECT r.id, r.title, r.agency, r.reliability, r.credibility, r.report_date, r.imported_at "  # noqa: S608
            f"FROM reports r WHERE r.id IN ({places}) AND {clause} ORDER BY r.id", [*chunk, *params])
    return [Source(int(i), str(title), str(agency), str(date or str(imported)[:10]),
                   f"{reliability or ''}{credibility or ''}", int(markings[int(i)].level), markings[int(i)])
            for i, title, agency, reliability, credibility, date, imported in rows]


def _fusion_of(session: Session, report_ids: list[int], rests_on: Tearline | None,
               watch: list[WatchEntry]) -> FusionResult:
    """A fusion of exactly these reports (already known readable), with the analysts' judgements that rest only
    on reports this user may read (and, for a tearline version, that its line allows: a merge decided on what
    is above the line is itself above it), and the watchlist ``watch``. Extractions are taken from, and added
    to, the vault's cache."""
    texts: list[ReportText] = []
    clause, params = session.readable("r")
    for start in range(0, len(report_ids), 500):
        chunk = report_ids[start:start + 500]
        places = ",".join("?" * len(chunk))
        texts += [ReportText(int(i), str(title), str(body)) for i, title, body in session.db.query(
            "SELECT r.id, r.title, t.body FROM reports r JOIN report_texts t ON t.report_id = r.id "  # noqa: S608
            f"WHERE r.id IN ({places}) AND {clause} ORDER BY r.id", [*chunk, *params])]
    version = extraction_cache.version(watch)
    extracted = {}
    for start in range(0, len(report_ids), 500):
        chunk = report_ids[start:start + 500]
        places = ",".join("?" * len(chunk))
        extracted.update({int(r): extraction_cache.decode(str(d)) for r, d in session.db.query(
            f"SELECT report_id, data FROM report_extractions WHERE version = ? AND report_id IN ({places})",  # noqa: S608
            [version, *chunk])})
    cached = set(extracted)
    result = fuse(texts, _judgements(session, rests_on), watch, extracted)
    fresh = [(r, extraction_cache.encode(found)) for r, found in extracted.items() if r not in cached]
    if fresh:
        with session.db.transaction():
            fusion_store.save_extractions(session.db, version, fresh)
    return result


def _judgements(session: Session, line: Tearline | None) -> list[Judgement]:
    decided = [j for j, _ in fusion_store.judgements(session.db)]
    markings = marks_store.report_markings(session.db, {r for j in decided for r in j.reports})
    reader = session.access()

    def applies(judgement: Judgement) -> bool:
        found = [markings.get(r) for r in judgement.reports]
        if any(m is None or not reader.may_read(m) for m in found):
            return False
        return line is None or (bool(found) and all(m is not None and line.allows(m) for m in found))

    return [j for j in decided if applies(j)]


def _lines(result: FusionResult, by_id: dict[int, Source],
           watch: list[WatchEntry]) -> tuple[list[EntityLine], list[Link]]:
    """Entity lines (most widely reported first) and links, each marked with the reports it derives from; an
    entity is a threat when ``watch`` names it."""
    watched = {fold(n).casefold() for w in watch for n in (w.name, *w.aliases)}
    rows = []
    for e in result.entities:
        reports = sorted(r for r in e.reports if r in by_id)
        if e.kind is Kind.DATE or not reports or len(reports) != len(set(e.reports)):
            continue  # a line naming a report outside the product could carry its words
        agencies = sorted({by_id[r].agency for r in reports})
        threat = e.kind in (Kind.PERSON, Kind.ORGANIZATION) and any(fold(n).casefold() in watched
                                                                     for n in (e.name, *e.aliases))
        marking = combine(by_id[r].portion for r in reports)
        rows.append((e.id, EntityLine(e.name, e.kind.value, list(e.aliases), agencies, reports, threat, marking)))
    rows.sort(key=lambda row: (-len(row[1].agencies), -len(row[1].reports), row[1].name))
    lines = {entity_id: line for entity_id, line in rows}
    links = []
    for x in result.links:
        a, b = int(x["a"]), int(x["b"])
        if a not in by_id or b not in by_id:
            continue
        shared = [lines[i] for i in x["entities"] if i in lines]
        parts = [by_id[a].portion, by_id[b].portion, *(e.marking for e in shared if e.marking is not None)]
        links.append(Link(a, b, float(x["weight"]), [e.name for e in shared], combine(parts)))
    return [line for _, line in rows], links


def candidates(session: Session, case: str) -> Briefing:
    """Everything the full product of this case could hold: its reports, its key judgements, the entities a
    fusion of its reports finds (most widely reported first), and the links between them; every part marked.
    The composer chooses from these."""
    session.require(Action.BRIEF_COMPOSE, case)
    basis = _basis(session, case)
    if not basis.case_ids:
        raise BadInput(f"case {case!r} has no reports: add some with nia case add")
    return _product(session, case, basis, set(s.report_id for s in basis.sources), basis.judgements, FULL)


def _product(session: Session, case: str, basis: _Basis, ids: set[int], judgements: list[KeyJudgement],
             line: Tearline, title: str | None = None, summary: str = "", tearline_summary: str = "") -> Briefing:
    by_id = {s.report_id: s for s in basis.sources if s.report_id in ids}
    fused = sorted(r for r in basis.case_ids if r in by_id)
    watch = fusion_store.watchlist(session.db) if line.is_full else []  # below the line: module docstring
    entities, links = _lines(_fusion_of(session, fused, None if line.is_full else line, watch), by_id, watch)
    sources = [by_id[r] for r in sorted(by_id)]
    return Briefing(case, title or f"Briefing: {case}", "" if not line.is_full else summary, session.name,
                    iso_utc(session.clock.now()), judgements, sources, entities, links,
                    summary_marking=combine(s.portion for s in sources),
                    tearline="" if line.is_full else line.max_level.english,
                    tearline_summary="" if line.is_full else tearline_summary)


def tearline_of(session: Session, max_level: Level | None, without: Iterable[str] = ()) -> Tearline:
    """The line as people name it: a level (default TOP SECRET) and caveats by any name the vault knows them by
    (services/clearances.resolve_caveats), or REL for every release list."""
    names = [n for n in without if n.strip()]
    special = {ANY_RELEASE for n in names if n.strip().upper() == ANY_RELEASE}
    others = [n for n in names if n.strip().upper() != ANY_RELEASE]
    resolved = {r.name for r in resolve_caveats(session, others)} if others else set()
    return Tearline(max_level if max_level is not None else Level.TOP_SECRET, frozenset(resolved | special))


def compose(session: Session, case: str, title: str | None = None, summary: str | None = None,
            report_ids: list[int] | None = None, entity_names: list[str] | None = None,
            tearline: Tearline = FULL, tearline_summary: str | None = None, ach_annex: bool = False,
            chart_annex: bool = False) -> Briefing:
    """The product as `nia brief` and the composer make it: the chosen reports (default all of the case) and
    those its key judgements cite, the chosen entities (by any name or alias; default the most widely reported,
    up to MAX_ENTITIES), built from those reports alone.

    With a tearline, only the reports the line allows count: a judgement citing one above it is dropped, the
    analyst's ``tearline_summary`` is required and replaces the summary (never carried below the line), and
    ``title`` is the tearline version's title.

    ``ach_annex``: the case's ACH matrix as an annex, of the items resting on the product's reports alone
    (services/ach.annex); a tearline version carries none (its hypotheses' words may draw on what is above it).

    ``chart_annex``: the case's link chart as an annex (core/briefing/chart_annex.py): the product's own entities,
    links and weights, placed as the analyst saved the chart (its entities the product names) when the product
    holds every report of the case they may read, else (none saved, some reports left out, a tearline version)
    laid out from the product's links alone.
    """
    session.require(Action.BRIEF_COMPOSE, case)
    if ach_annex and not tearline.is_full:
        raise BadInput("a tearline version carries no ACH annex: the hypotheses may draw on what is above the line")
    basis = _basis(session, case)
    if not basis.case_ids:
        raise BadInput(f"case {case!r} has no reports: add some with nia case add")
    if report_ids is not None:
        unknown = sorted(set(report_ids) - {s.report_id for s in basis.sources})
        if unknown:
            raise BadInput(f"report {', '.join(map(str, unknown))} is not in case {case!r}")
    if not tearline.is_full and not (tearline_summary or "").strip():
        raise BadInput("a tearline version needs its own summary (--tearline-summary): the full one is not "
                       "carried below the line")
    ids, judgements = included(basis.sources, basis.judgements, report_ids, tearline)
    if not ids:
        raise BadInput(f"nothing in case {case!r} is allowed at {tearline.max_level.english}"
                       + (" without the caveats named" if tearline.without else "") + ": no tearline version")
    made = _product(session, case, basis, ids, judgements, tearline, title, (summary or "").strip(),
                    (tearline_summary or "").strip())
    entities = [e for e in made.entities if e.marking is None or tearline.allows(e.marking)]
    if entity_names is not None:
        names = set(entity_names)
        entities = [e for e in entities if e.name in names or names.intersection(e.aliases)]
    else:
        entities = entities[:MAX_ENTITIES]
    kept = {e.name for e in entities}
    links = [replace(link, shared=[n for n in link.shared if n in kept]) for link in made.links
             if link.marking is None or tearline.allows(link.marking)]
    product = replace(made, entities=[replace(e, aliases=e.aliases[:5]) for e in entities], links=links,
                      ach=ach.annex(session, case, {s.report_id for s in made.sources},
                                    combine(s.portion for s in made.sources)) if ach_annex else None,
                      chart=_chart_annex(session, case, entities, made.sources,
                                         tearline.is_full and set(basis.case_ids) <= set(ids))
                      if chart_annex else None)
    if not tearline.allows(product.marking):
        raise BadInput(f"this tearline version would be marked {product.marking.banner()}, which the line does "
                       "not allow (the reports' release lists share no partner): leave some out")
    return product


def _chart_annex(session: Session, case: str, entities: list[EntityLine], sources: list[Source],
                 keep_saved: bool) -> charts.ChartAnnex:
    """The link chart annex of a product with these entities and sources. Only a product of every report of the
    case the analyst may read keeps their saved chart (opening it is audited as chart.open by
    services/link_chart.load): which entities it shows and where were chosen with all of them in view, so a
    tearline version, or a product of some of the reports, is laid out from its own links alone."""
    saved = None
    case_id = case_store.find(session.db, case)
    if keep_saved and case_id is not None and chart_store.load(session.db, case_id, session.name) is not None:
        found = link_chart.load(session, case)
        if found is not None:
            saved = [charts.SavedPlace(n.node.kind, n.node.name, n.x, n.y) for n in found.nodes]
    return charts.build(entities, {s.report_id: s.portion for s in sources}, saved,
                        combine(s.portion for s in sources))


def preview(session: Session, briefing: Briefing, scale: float = 0.75) -> list[PageImage]:
    """The briefing's PDF pages as pixels, for the composer and the reviewer (only for a user cleared for it)."""
    if not session.access().may_read(briefing.marking):
        raise PermissionRefused("refused: your clearance does not cover this briefing's marking")
    return page_images(render_pdf(briefing), scale)


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
    marking: Marking | None = None  # the product's banner
    tearline: str = ""  # "" for the full product, else the level a tearline version was cut at
    manifests: tuple[Manifest, ...] = ()  # one per copy exported (``manifest`` is the first)

    def to_json(self) -> dict[str, Any]:
        marking = self.marking or Marking(self.classification)
        return {"status": self.status, "classification": self.classification.english, "request": self.request_id,
                "uuid": self.manifest.uuid if self.manifest else None, "marking": marking.banner(),
                "portion_mark": marking.portion_mark(), "caveats": list(marking.names),
                "tearline": self.tearline or None}


def bundle_name(briefing: Briefing) -> str:
    """The bundle's file name in the courier's queue (core/briefing/content.Briefing.file_name)."""
    return briefing.file_name()


@dataclass(frozen=True)
class Destination:
    """Where one copy of a product goes: a file, or the courier's queue (``out`` None, under ``file_name``), the
    age recipients it is encrypted to, and the registered consumer it is for (None: the one whose recipient it
    is encrypted to, if any; services/dissemination.record_export)."""

    out: Path | None
    recipients: list[str]
    consumer: str | None = None
    file_name: str = ""


def brief(session: Session, briefing: Briefing, out: Path | None,
          recipients: list[str] | None = None, copies: list[Destination] | None = None) -> BriefOutcome:
    """Export a composed briefing (to ``out``, or to the courier's outbound queue when None), or, under the
    two-person rule, queue it for review (nothing written) and export it on a later call once approved. A
    tearline version is a product of its own: its own review, its own approval. ``copies`` (nia release-to)
    exports one copy per destination instead of ``out``: one approval covers the copies of that one call."""
    session.require(Action.BRIEF_COMPOSE, briefing.case)
    destinations = copies if copies is not None else [Destination(out, recipients or [])]
    for destination in destinations:
        if destination.out is not None and destination.out.exists():
            raise BadInput(f"{destination.out} already exists: choose another name")
    if not session.access().may_read(briefing.marking):  # composed before a clearance was taken away
        session.audit("briefing.export", briefing.case, "refused", {"reason": "not cleared for its marking",
                                                                    "marking": briefing.marking.to_json()})
        raise PermissionRefused("refused: your clearance no longer covers this briefing's marking")
    # A registered consumer's recipient is held to what that consumer may hold, whichever command names it.
    why = recipients_refusal(session, [r for d in destinations for r in d.recipients], briefing.marking)
    if why is not None:
        session.audit("briefing.export", briefing.case, "refused", {"reason": why,
                                                                    "marking": briefing.marking.banner()})
        raise PermissionRefused(f"refused: {why}")
    level, marking = briefing.classification, briefing.marking

    def outcome(status: str, request_id: int | None = None, manifests: list[Manifest] | None = None) -> BriefOutcome:
        return BriefOutcome(status, level, request_id, manifests[0] if manifests else None, marking,
                            briefing.tearline, tuple(manifests or ()))

    if not needs_review(session, briefing):
        return outcome("exported", None, [_export(session, briefing, None, d) for d in destinations])
    digest = briefing.content_digest()
    latest = releases.latest(session.db, briefing.case, session.name, digest)
    if latest is not None and latest.status == "pending":
        return outcome("pending", latest.id)
    if latest is not None and latest.status == "rejected":
        session.audit("briefing.export", briefing.case, "refused", {"request": latest.id, "reason": "rejected",
                                                                    "reviewer": latest.reviewer})
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
        approval = releases.approval(session.db, latest.id)
        return outcome("exported", latest.id, [_export(session, approved, approval, d, latest.id)
                                               for d in destinations])
    with session.db.transaction():
        request_id = releases.insert(session.db, briefing.case, session.name, iso_utc(session.clock.now()),
                                     briefing.encode().decode("utf-8"), digest, int(level))
        session.audit("release.request", briefing.case, details={
            "request": request_id, "classification": level.english, "marking": marking.banner(),
            "tearline": briefing.tearline or None, "reports": [s.report_id for s in briefing.sources],
            **_annexes(briefing)})
    return outcome("queued", request_id)


def _annexes(briefing: Briefing) -> dict[str, Any]:
    """What a request's or an export's audit entry says of the annexes, only when there are any (the entries of
    a product without one are as before): which, and the link chart's entities and links drawn."""
    found: dict[str, Any] = {}
    if briefing.ach is not None:
        found["ach_annex"] = {"hypotheses": len(briefing.ach.hypotheses), "items": len(briefing.ach.items)}
    if briefing.chart is not None:
        found["chart_annex"] = {"entities": len(briefing.chart.nodes), "links": len(briefing.chart.links),
                                "saved": briefing.chart.saved}
    return found


def rendered(briefing: Briefing) -> list[Payload]:
    """The briefing's payload files: the same bytes every time for the same briefing (the approval names them)."""
    return [Payload("briefing.pdf", data=render_pdf(briefing)),
            Payload("briefing.html", data=render_html(briefing).encode("utf-8")),
            Payload("briefing.stix.json", data=render_stix(briefing).encode("utf-8")),
            Payload("briefing.json", data=briefing.encode())]


def payload_digests(payload: list[Payload]) -> dict[str, str]:
    """Path inside the bundle -> SHA-256, as the manifest lists them."""
    return {f"payload/{p.name}": hashlib.sha256(p.data or b"").hexdigest() for p in payload}


def _export(session: Session, briefing: Briefing, approval: tuple[bytes, bytes] | None, to: Destination,
            request_id: int | None = None) -> Manifest:
    from nia_desktop.services.dissemination import record_export  # it builds on this module

    out, recipients = to.out, to.recipients
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
            "marking": briefing.marking.banner(), "tearline": briefing.tearline or None,
            "sha256": hashlib.sha256(briefing.encode()).hexdigest(), "recipients": recipients or [],
            **_annexes(briefing)})
        record_export(session, briefing, manifest, to.consumer, f"file {out}" if out is not None else "queued")

    return sign_out(session, "briefing", payload, out, recipients or [], to.file_name or bundle_name(briefing),
                    record)


# -- release review (officer) ---------------------------------------------------------------
def release_requests(session: Session, status: str | None = "pending") -> list[ReleaseRequest]:
    session.require(Action.RELEASE_REVIEW, "release requests")
    return releases.listing(session.db, status)


def release_page(session: Session, status: str | None = "pending", limit: int = 100,
                 offset: int = 0) -> Page[ReleaseRequest]:
    """A page of release requests in id order."""
    session.require(Action.RELEASE_REVIEW, "release requests")
    check_window(limit, offset)
    return Page.cut(releases.listing(session.db, status, limit + 1, offset), limit, offset)


def release_preview(session: Session, request_id: int) -> tuple[ReleaseRequest, Briefing]:
    """The request and the exact briefing under review; opening it is audited, and refused (audited too) when the
    officer is not cleared for the product's marking."""
    session.require(Action.RELEASE_REVIEW, f"release {request_id}")
    request, briefing = _load(session, request_id)
    _require_cleared(session, request, briefing, "release.view")
    session.audit("release.view", str(request_id), details={"case": request.case,
                                                            "tearline": briefing.tearline or None})
    return request, briefing


@dataclass(frozen=True)
class Version:
    """One product of a case under review: the full product or a tearline version, or one the reviewer is not
    cleared for (``briefing`` None: shown as withheld, its marking's level only)."""

    request: ReleaseRequest
    briefing: Briefing | None

    @property
    def label(self) -> str:
        if self.briefing is None:
            return "withheld (not cleared)"
        return f"tearline at {self.briefing.tearline}" if self.briefing.tearline else "full product"


def release_versions(session: Session, request_id: int) -> list[Version]:
    """The product under review beside the other versions of the same case by the same author, for the side by
    side review: the full product first, then each tearline version from the highest line down. Each version
    shown is an audited view; each is still approved on its own."""
    request, _ = release_preview(session, request_id)
    family = [r for r in releases.listing(session.db, None)
              if r.case == request.case and r.author == request.author and r.id != request.id
              and r.status in ("pending", "approved")]
    found: list[Version] = []
    reader = session.access()
    for other in family:
        loaded = _load(session, other.id)[1]
        if reader.may_read(loaded.marking):
            session.audit("release.view", str(other.id), details={"case": other.case, "beside": request_id,
                                                                  "tearline": loaded.tearline or None})
            found.append(Version(other, loaded))
        else:
            found.append(Version(other, None))
    found.append(Version(request, _load(session, request_id)[1]))
    shown: dict[str, Version] = {}
    for version in sorted(found, key=lambda v: v.request.id):  # the latest of each line, or the one asked for
        key = "\x00withheld" if version.briefing is None else version.briefing.tearline
        current = shown.get(key)
        if current is None or current.request.id != request_id:
            shown[key] = version

    def place(version: Version) -> tuple[int, int]:
        if version.briefing is None:
            return 2, 0
        if not version.briefing.tearline:
            return 0, 0
        return 1, -int(parse_level(version.briefing.tearline))

    return sorted(shown.values(), key=place)


def _require_cleared(session: Session, request: ReleaseRequest, briefing: Briefing, action: str) -> None:
    """The reviewer reads the whole product: they must be cleared for its banner marking."""
    if session.access().may_read(briefing.marking):
        return
    session.audit(action, str(request.id), "refused", {"case": request.case, "reason": "not cleared",
                                                       "level": briefing.marking.level.english})
    raise PermissionRefused(f"refused: your clearance does not cover release request {request.id} "
                            "(its marking); another officer must review it")


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
    _require_cleared(session, request, reviewed, "release.approve")
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
            "classification": request.classification.english, "marking": briefing.marking.banner(),
            "approver": session.name,
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
    request, briefing = _decide(session, request_id)
    _require_cleared(session, request, briefing, "release.reject")
    with session.db.transaction():
        request, _ = _decide(session, request_id)
        releases.decide(session.db, request_id, "rejected", session.name, iso_utc(session.clock.now()),
                        reason.strip())
        session.audit("release.reject", str(request_id), details={"case": request.case, "author": request.author,
                                                                  "reason": reason.strip()})
