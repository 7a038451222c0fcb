"""Release to consumers: the right product for each, under the two-person rule, each copy in the ledger.

``release_to`` composes a case's full product once. A consumer who may hold its marking gets it; any other gets
a tearline version cut at their line (core/holding.ConsumerLine: their level, only what they may hold), with
the analyst's tearline summary or a generated one that says only what the version itself holds. Every consumer
is checked before anything is written: one that may hold nothing of the case (or, with ``full_only``, not the
full product), an unknown or a removed consumer refuses the whole release, audited, and nothing is written
or queued for anyone. Each distinct product then goes through services/briefings.brief exactly as `nia brief`
does (review queued, pending, or exported once approved), one encrypted copy per consumer; everything of one
call commits in one transaction. The copies stay staged (hidden) until it has committed and only then appear
in the folder (core/atomic.held_back): a power cut before the commit leaves no copy the ledger does not record,
and a failure part-way leaves no copy at all. A refusal inside (an approval that no longer counts, a rejected
review) rolls back with everything else, so it is audited again once the transaction is gone.

``record_export`` is the ledger's side of every briefing export (`nia brief` too), run inside the export's
own transaction: the product (digest = SHA-256 of its briefing.json payload), what it derives from as it
stands now, the assessments whose judgements it carries, and the copy with its consumer and custody.
"""

from __future__ import annotations

import contextlib
import hashlib
import secrets
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from nia_desktop.core.atomic import held_back
from nia_desktop.core.briefing.content import Briefing
from nia_desktop.core.bundles.manifest import Manifest
from nia_desktop.core.classification import Level
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import BadInput, NiaError, PermissionRefused
from nia_desktop.core.holding import line_for
from nia_desktop.core.markings import Marking
from nia_desktop.core.roles import Action
from nia_desktop.core.store import assessments as assessment_store
from nia_desktop.core.store import cases, ledger
from nia_desktop.core.store.ledger import Consumer, Derivation, Product
from nia_desktop.services import briefings
from nia_desktop.services.consumers import holder_of
from nia_desktop.services.session import Session

PAYLOAD = "payload/briefing.json"  # the manifest entry whose SHA-256 is the product's digest


# -- the ledger's record of an export ---------------------------------------------------------------------------
def product_digest(briefing: Briefing) -> str:
    """SHA-256 of the briefing.json payload: the same for every copy, and what a receiving workstation computes."""
    return hashlib.sha256(briefing.encode()).hexdigest()


def _derivations(session: Session, report_ids: list[int]) -> list[Derivation]:
    """Each report as it stands now: level, caveats, grading (store/ledger.stale compares against these)."""
    caveats = ledger.report_caveats(session.db, report_ids)
    found = []
    for start in range(0, len(report_ids), 500):
        chunk = report_ids[start:start + 500]
        found += [Derivation(int(r), Level(int(level)), tuple(caveats.get(int(r), [])), str(grading))
                  for r, level, grading in session.db.query(
                      f"SELECT r.id, r.classification, {ledger.GRADING_SQL} FROM reports r "  # noqa: S608
                      f"WHERE r.id IN ({','.join('?' * len(chunk))}) ORDER BY r.id", chunk)]
    return found


def _assessment_ids(session: Session, briefing: Briefing) -> list[int]:
    """The case's assessments whose judgements the product carries (same words, likelihood, confidence, reports)."""
    case_id = cases.find(session.db, briefing.case)
    if case_id is None or not briefing.judgements:
        return []
    carried = {(j.text, j.likelihood, j.confidence, tuple(sorted(j.reports))) for j in briefing.judgements}
    return [a.id for a in assessment_store.assessments(session.db, case_id)
            if (a.judgement, a.likelihood, a.confidence, tuple(sorted(a.reports))) in carried]


def _consumer_for(session: Session, recipients: list[str]) -> str | None:
    """The active consumer a copy is encrypted to (the first by name when the bundle names several).
    briefings.brief has already held every registered recipient to what each of its consumers may hold, and a
    removed consumer's recipient is refused there, so only active consumers can match."""
    if not recipients:
        return None
    return next((c.name for c in ledger.consumers(session.db) if c.recipient in recipients), None)


def record_export(session: Session, briefing: Briefing, manifest: Manifest, consumer: str | None,
                  custody: str) -> str:
    """Inside the export's transaction: the product (the first time it leaves) and this copy. Returns the
    product's digest."""
    digest = next((f.sha256 for f in manifest.files if f.path == PAYLOAD), None) or product_digest(briefing)
    marking = briefing.marking
    ledger.record_product(session.db, Product(digest, briefing.case, briefing.title, marking.level,
                                              tuple(sorted(marking.names)), briefing.tearline, briefing.author,
                                              briefing.created),
                          _derivations(session, sorted({s.report_id for s in briefing.sources})),
                          _assessment_ids(session, briefing))
    ledger.record_copy(session.db, manifest.uuid, "product", digest, consumer or _consumer_for(session,
                                                                                                manifest.recipients),
                       session.name, iso_utc(session.clock.now()), custody)
    return digest


# -- release to consumers ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Released:
    """What one consumer's release came to: exported (a copy written or queued), queued (a release review was
    asked for) or pending (still waiting for it)."""

    consumer: str
    organisation: str
    status: str
    marking: Marking
    tearline: str  # "" for the full product, else the level its tearline version was cut at
    request_id: int | None
    uuid: str | None
    digest: str | None  # the product's, once exported
    path: str | None  # the file written (None when queued for a courier or nothing was written)
    custody: str | None

    def to_json(self) -> dict[str, Any]:
        return {"consumer": self.consumer, "organisation": self.organisation, "status": self.status,
                "marking": self.marking.banner(), "caveats": list(self.marking.names),
                "classification": self.marking.level.english, "tearline": self.tearline or None,
                "request": self.request_id, "uuid": self.uuid, "digest": self.digest, "path": self.path,
                "custody": self.custody}


@dataclass(frozen=True)
class Release:
    case: str
    released: list[Released]

    def to_json(self) -> dict[str, Any]:
        return {"case": self.case, "released": [r.to_json() for r in self.released]}


def generated_summary(product: Briefing) -> str:
    """A tearline version's summary when the analyst gave none: what the version itself holds, nothing more."""
    reports, judgements = len(product.sources), len(product.judgements)
    return (f"Tearline version at {product.tearline}: {reports} source report{'s' if reports != 1 else ''}, "
            f"{judgements} key judgement{'s' if judgements != 1 else ''}. The full product's summary is not "
            "carried below the line.")


def _named(session: Session, names: list[str]) -> tuple[list[Consumer], list[tuple[str, str]]]:
    """The consumers named (each once, in order) and the refusals: unknown or removed."""
    found, refused = [], []
    for name in dict.fromkeys(n.strip() for n in names if n.strip()):
        record = ledger.consumer(session.db, name)
        if record is None:
            refused.append((name[:64], f"no consumer named {name[:64]!r} (see nia consumer list)"))
        elif record.removed_at:
            refused.append((name, f"{name} was removed on {record.removed_at[:10]} and receives nothing more"))
        else:
            found.append(record)
    return found, refused


def _who(consumer: Consumer) -> str:
    return f"{consumer.name} ({consumer.organisation}, up to {consumer.max_level.english})"


def _products(session: Session, case: str, chosen: list[Consumer], tearline_summary: str | None, full_only: bool,
              title: str | None, summary: str | None,
              tearline_title: str | None) -> tuple[dict[str, Briefing], list[tuple[str, str]]]:
    """Each consumer's product, and the refusals. Consumers whose products come out the same share one briefing
    (the same digest, one review). The full product's title and summary were written by someone who read all of
    it: a tearline version carries neither (its own title, default "Briefing: CASE", and its own summary)."""
    full = briefings.compose(session, case, title, summary)
    portions = full.portions
    by_content: dict[str, Briefing] = {full.content_digest(): full}
    chosen_for: dict[str, Briefing] = {}
    refused: list[tuple[str, str]] = []
    for consumer in chosen:
        holder = holder_of(consumer)
        why = holder.refusal(full.marking)
        if why is None:
            chosen_for[consumer.name] = full
            continue
        if full_only:
            refused.append((consumer.name, f"{_who(consumer)} may not hold the full product of {case!r}: {why}"))
            continue
        line = line_for(holder, portions)
        try:
            cut = briefings.compose(session, case, tearline_title, tearline=line,
                                    tearline_summary=tearline_summary or "-")
        except BadInput as exc:
            refused.append((consumer.name, f"nothing in case {case!r} may go to {_who(consumer)}"
                            + ("" if exc.user_message.startswith("nothing in case") else f": {exc.user_message}")))
            continue
        if not (tearline_summary or "").strip():
            cut = replace(cut, tearline_summary=generated_summary(cut))
        why = holder.refusal(cut.marking)
        if why is not None:  # compose checks the line too: this is the last word before anything leaves
            refused.append((consumer.name, f"{_who(consumer)} may not hold the tearline version: {why}"))
            continue
        chosen_for[consumer.name] = by_content.setdefault(cut.content_digest(), cut)
    return chosen_for, refused


@dataclass(frozen=True)
class Planned:
    """What ``release_to`` would give one consumer, worked out before anything is written (the desktop's release
    dialog shows it as the analyst ticks consumers): the product's marking and tearline, whether it needs a
    release review here and how that review stands, or why the consumer is refused."""

    consumer: str
    organisation: str
    max_level: Level | None  # None for a name the registry does not know
    marking: Marking | None  # None when refused
    tearline: str  # "" for the full product, else the level its tearline version is cut at
    review: str  # "" (none needed), "needed", "pending", "approved" or "rejected"
    refusal: str  # "" unless refused


def plan(session: Session, case: str, consumer_names: list[str], tearline_summary: str | None = None,
         full_only: bool = False, title: str | None = None, summary: str | None = None,
         tearline_title: str | None = None) -> list[Planned]:
    """A dry run of ``release_to``: each named consumer's product (composed exactly as the release composes it)
    or its refusal, in the order named. Reads only: nothing is written, queued or audited (the release itself
    checks everything again and audits it)."""
    session.require(Action.RELEASE_TO, case)
    chosen, refused = _named(session, consumer_names)
    products, more = _products(session, case, chosen, tearline_summary, full_only, title, summary,
                               tearline_title) if chosen else ({}, [])
    why = dict(refused + more)
    by_name = {c.name: c for c in chosen}
    found = []
    for name in dict.fromkeys(n.strip() for n in consumer_names if n.strip()):
        record = by_name.get(name) or ledger.consumer(session.db, name)
        product = products.get(name)
        review = ""
        if product is not None and briefings.needs_review(session, product):
            state = briefings.release_state(session, product)
            review = "needed" if state is None or state.status == "exported" else state.status
        found.append(Planned(name, record.organisation if record else "", record.max_level if record else None,
                             product.marking if product is not None else None,
                             product.tearline if product is not None else "", review,
                             "" if product is not None else why.get(name[:64], "refused")))
    return found


def _file_part(text: str) -> str:
    """A piece of a file name: letters and digits (any script), '-', '_' and '.', nothing else."""
    kept = "".join(c if c.isalnum() or c in "-_." else "_" for c in text.strip())[:40].strip("._")
    return kept or "case"


def release_to(session: Session, case: str, consumer_names: list[str], out_dir: Path | None,
               tearline_summary: str | None = None, full_only: bool = False, title: str | None = None,
               summary: str | None = None, tearline_title: str | None = None) -> Release:
    """Release a case to consumers: each gets the product it may hold, encrypted to its recipient, written to
    ``out_dir`` (one file each) or queued for a courier (``out_dir`` None). All or nothing (module docstring).
    ``title`` and ``summary`` are the full product's; tearline versions carry ``tearline_title`` and
    ``tearline_summary`` (or a generated summary), never the full product's."""
    session.require(Action.RELEASE_TO, case)
    if out_dir is not None and not out_dir.is_dir():
        raise BadInput(f"{out_dir} is not a folder: --out names the folder the consumers' files go to")
    chosen, refused = _named(session, consumer_names)
    if not chosen and not refused:
        raise BadInput("name at least one consumer (--consumer NAME)")
    products: dict[str, Briefing] = {}
    if chosen:
        products, more = _products(session, case, chosen, tearline_summary, full_only, title, summary,
                                   tearline_title)
        refused += more
    if refused:
        for name, why in refused:
            session.audit("release.to", name, "refused", {"case": case, "reason": why})
        raise PermissionRefused("refused, nothing released to anyone: " + "; ".join(why for _, why in refused))
    plan: dict[str, tuple[Briefing, list[tuple[Consumer, briefings.Destination]]]] = {}
    for consumer in chosen:
        product = products[consumer.name]
        file_name = f"{_file_part(case)}-{consumer.name}-{secrets.token_hex(4)}.nia"
        destination = briefings.Destination(None if out_dir is None else out_dir / file_name, [consumer.recipient],
                                            consumer.name, file_name)
        plan.setdefault(product.content_digest(), (product, []))[1].append((consumer, destination))
    stopped: list[Consumer] = list(chosen)  # whose product stopped the release (all, until one is known)
    committed = False
    try:
        with held_back() as held:
            with session.db.transaction():
                released = []
                for product, copies in plan.values():
                    stopped = [c for c, _ in copies]
                    released += _release(session, case, product, copies)
            committed = True
            held.publish()  # only now do the copies appear in the folder, every one recorded
    except Exception as exc:
        _audit_stopped(session, case, [] if committed else stopped, exc)
        raise
    order = {c.name: i for i, c in enumerate(chosen)}
    return Release(case, sorted(released, key=lambda r: order[r.consumer]))


def _audit_stopped(session: Session, case: str, stopped: list[Consumer], exc: Exception) -> None:
    """A release that stopped inside its transaction was rolled back, with any refusal briefings.brief audited
    there: audited again now, for each consumer of the product that stopped it, as refused (an error that is no
    refusal, a full disk say, as failed). ``stopped`` empty: it stopped after the commit, renaming the copies."""
    refused = isinstance(exc, NiaError)
    reason = (exc.user_message if isinstance(exc, NiaError) else f"{type(exc).__name__}: {exc}")[:500]
    entries = [(c.name, {"case": case, "reason": reason, "released_to_nobody": True}) for c in stopped] or \
        [(case, {"reason": reason, "recorded_not_all_written": True})]
    # A failing audit write must not hide the error that stopped the release (a refusal's entry is written, or
    # its own error raised).
    with contextlib.nullcontext() if refused and stopped else contextlib.suppress(Exception):
        for name, details in entries:
            session.audit("release.to", name, "refused" if refused and stopped else "failed", details)


def _release(session: Session, case: str, product: Briefing,
             copies: list[tuple[Consumer, briefings.Destination]]) -> list[Released]:
    """One product to its consumers through the two-person rule; each consumer's outcome audited."""
    outcome = briefings.brief(session, product, None, copies=[d for _, d in copies])
    found = []
    for index, (consumer, destination) in enumerate(copies):
        manifest = outcome.manifests[index] if outcome.manifests else None
        digest = None
        if manifest is not None:
            digest = next((f.sha256 for f in manifest.files if f.path == PAYLOAD), None)
        custody = None if manifest is None else (f"file {destination.out}" if destination.out else "queued")
        released = Released(consumer.name, consumer.organisation, outcome.status, product.marking, product.tearline,
                            outcome.request_id, manifest.uuid if manifest else None, digest,
                            str(destination.out) if manifest is not None and destination.out else None, custody)
        session.audit("release.to", consumer.name, details={
            "case": case, "status": outcome.status, "digest": digest, "marking": product.marking.banner(),
            "tearline": product.tearline or None, "uuid": released.uuid, "request": outcome.request_id})
        found.append(released)
    return found
