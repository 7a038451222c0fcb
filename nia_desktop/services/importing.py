"""Importing reports from media: preview, then an all-or-nothing-per-file import run.

Untrusted bytes are only ever parsed in the sandbox pool. Each file's reports,
original bytes, index rows and manifest rows land in one transaction; a kill
at any moment leaves every report whole or absent, and running the same
import again completes it (what landed is reported as a duplicate).
"""

from __future__ import annotations

import functools
import hashlib
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from nia_desktop.core import settings as declared
from nia_desktop.core.classification import Level
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.errors import BadInput
from nia_desktop.core.ingest import media, metadata
from nia_desktop.core.ingest.limits import MIB, Limits
from nia_desktop.core.ingest.media import ScanItem
from nia_desktop.core.ingest.model import FileStatus
from nia_desktop.core.ingest.sandbox import ParseResult, SandboxPool
from nia_desktop.core.roles import Action
from nia_desktop.core.search import segment
from nia_desktop.core.store import cases, clearances, imports, reports, settings_store
from nia_desktop.core.store.imports import ManifestItem
from nia_desktop.core.vault.writer_lock import VaultBusy
from nia_desktop.services.clearances import header_caveats, import_caveats
from nia_desktop.services.progress import CancelToken, Progress, no_progress
from nia_desktop.services.session import Session

AGENCY_CODES = ("CIRO", "MOFA", "DIH", "NPA")


@dataclass
class ImportOutcome:
    import_id: int
    imported: list[dict[str, Any]] = field(default_factory=list)
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    refused: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    cancelled: bool = False
    fused: dict[str, Any] | None = None  # the new reports fused into this session's last fusion, if any
    confinement: str = ""  # what confined the parser children, as SandboxPool.confinement() found it
    fuse_error: str = ""  # why the imported reports were not fused into the last fusion (a busy vault)

    def to_json(self) -> dict[str, Any]:
        body = {"import_id": self.import_id, "imported": self.imported, "duplicates": self.duplicates,
                "refused": self.refused, "skipped": self.skipped, "cancelled": self.cancelled}
        if self.fused is not None:
            body["fused"] = self.fused
        if self.confinement:
            body["confinement"] = self.confinement
        if self.fuse_error:
            body["fuse_error"] = self.fuse_error
        return body

    def counts(self) -> dict[str, int]:
        return {"imported": len(self.imported), "duplicates": len(self.duplicates), "refused": len(self.refused),
                "skipped": len(self.skipped)}

    def merge(self, other: ImportOutcome) -> None:
        self.imported += other.imported
        self.duplicates += other.duplicates
        self.refused += other.refused
        self.skipped += other.skipped


@dataclass(frozen=True)
class PreviewRow:
    path: str
    size: int
    sha256: str
    detected_type: str
    status: str  # "new", "duplicate", "skipped", "refused"
    reason: str


def limits_for(session: Session) -> Limits:
    return Limits(max_file_bytes=settings_store.get_int(session.db, declared.MAX_IMPORT_MIB) * MIB)


def shown(path: Path | str) -> str:
    """A path from media as it may be shown: escaped, never interpreted."""
    return escape_untrusted(str(path), 400)


def _check_agency(agency: str) -> str:
    code = agency.strip().upper()
    if code and code not in AGENCY_CODES and code != "UNKNOWN":
        raise BadInput(f"unknown agency {agency!r}: use one of {', '.join(AGENCY_CODES)}")
    return code


def preview(session: Session, paths: list[Path], progress: Progress = no_progress,
            cancel: CancelToken | None = None) -> list[PreviewRow]:
    """What an import would do, without importing: type, size, SHA-256, and what is skipped and why."""
    session.require(Action.REPORT_IMPORT, ", ".join(map(str, paths)))
    limits = limits_for(session)
    items = list(media.scan(paths, limits.max_file_bytes))
    known = reports.digests_of_sizes(session.db, (item.size for item in items))
    rows: list[PreviewRow] = []
    with SandboxPool(limits) as pool:
        for done, item in enumerate(items, start=1):
            if cancel is not None:
                cancel.raise_if_cancelled()
            progress(done, len(items), shown(item.path.name))
            parsed = _read(item, limits, known)
            if parsed.known:
                parsed.duplicate_of = reports.by_sha256(session.db, parsed.sha256)
            name, data, sha = shown(item.path), parsed.data, parsed.sha256
            if item.status is not None or parsed.error:
                rows.append(PreviewRow(name, item.size, "", "", (item.status or FileStatus.REFUSED).value,
                                       item.reason or parsed.error))
                continue
            kind = pool.parse(data, item.path.name, {"detect_only": True}).detected_type or "unknown"
            if parsed.duplicate_of is not None:
                rows.append(PreviewRow(name, len(data), sha, kind, "duplicate", f"duplicate of {parsed.duplicate_of}"))
            elif kind.startswith("unknown"):
                rows.append(PreviewRow(name, len(data), sha, kind, "refused",
                                       f"unsupported file type ({kind.split(':', 1)[-1].strip()})"))
            else:
                rows.append(PreviewRow(name, len(data), sha, kind, "new", ""))
    return rows


@dataclass
class _Parsed:
    item: ScanItem
    data: bytes = b""
    sha256: str = ""
    known: bool = False  # its digest was in the vault when the run began: not parsed, a duplicate
    duplicate_of: int | None = None
    result: ParseResult | None = None
    error: str = ""


def import_paths(session: Session, paths: list[Path], agency: str = "", case: str = "",
                 progress: Progress = no_progress, cancel: CancelToken | None = None,
                 pool_size: int | None = None, test_hooks: dict[str, Any] | None = None,
                 carried: tuple[list[ScanItem], tuple[str, str]] | None = None,
                 caveats: list[str] | tuple[str, ...] = (),
                 carried_markings: dict[str, CarriedMarking] | None = None) -> ImportOutcome:
    """Import files, folders or volumes; every file ends imported, duplicate, refused or skipped.

    ``caveats``: added to every report of this import, beside those its header states (need-to-know).
    ``carried_markings``: per carried item's path, the marking its sender held it under (a reports bundle): the
    report gets the higher level and every caveat of both.

    ``carried``: instead of scanning ``paths``, these in-memory items (a verified bundle's files), with the
    (label, origin) their custody records in place of a volume's.
    """
    session.require(Action.REPORT_IMPORT, ", ".join(map(str, paths)))
    agency_code = _check_agency(agency)
    added = tuple(import_caveats(session, caveats))
    limits = limits_for(session)
    now = iso_utc(session.clock.now())
    with session.db.transaction():
        case_id = _case(session, case, now) if case else None
        import_id = imports.start(session.db, now, session.name, agency_code, case,
                                  [media.text_path(p) for p in paths])
        session.audit("report.import.start", f"import {import_id}", details={
            "agency": agency_code, "case": case, "paths": [shown(p) for p in paths][:100],
            "caveats": list(added)})
    outcome = ImportOutcome(import_id)
    batch = _Batch(session, outcome)
    status = "failed"
    try:
        with SandboxPool(limits, pool_size) as pool:  # the children start up while the media are scanned
            items = carried[0] if carried else list(media.scan(paths, limits.max_file_bytes))
            outcome.confinement = pool.confinement()  # asked before any child has read a file
            version, commits = int(session.db.pragma("data_version") or 0), session.db.commits
            sizes = frozenset(item.size for item in items)
            run = _Run(session, import_id, agency_code, case_id,
                       Level(settings_store.get_int(session.db, declared.DEFAULT_CLASSIFICATION)),
                       reports.digests_of_sizes(session.db, sizes), known_sizes=sizes, data_version=version,
                       commits=commits, caveats=added, carried_markings=carried_markings or {})
            if carried:
                run.volumes.update({item.root: carried[1] for item in items})
            batch.on_begin, batch.on_commit = run.check_others_wrote, run.committed
            try:
                for done, parsed in enumerate(_parse_all(run, pool, items, limits, test_hooks or {}), start=1):
                    if cancel is not None and cancel.cancelled:
                        outcome.cancelled = True
                        break
                    batch.add(functools.partial(_store, run, parsed), len(parsed.data))
                    if progress is not no_progress:
                        progress(done, len(items), shown(parsed.item.path.name))
            finally:
                batch.commit()  # whole files only
        status = "cancelled" if outcome.cancelled else "done"
    finally:
        _finish(session, outcome, status, agency_code, case, batch.parts)
    if outcome.imported and session.may(Action.FUSE):
        from nia_desktop.services.fusion import fuse_imported

        progress(len(items), len(items), "fusing the new reports")
        try:
            fused = fuse_imported(session, [int(r["id"]) for r in outcome.imported])
        except VaultBusy as exc:  # the import stands; only its fusion waits for a `nia fuse`
            outcome.fuse_error = f"{exc}: the reports were imported, not fused; `nia fuse` (F5) includes them"
        else:
            outcome.fused = None if fused is None else fused.to_json()
    return outcome


class CarriedMarking(NamedTuple):
    """The level and caveats a sending workstation held a carried report under."""

    level: Level
    caveats: tuple[str, ...]


@dataclass
class _Run:
    """What every file of one import run shares."""

    session: Session
    import_id: int
    agency: str
    case_id: int | None
    default_level: Level
    known: set[bytes]  # digests in the vault when the run began, of the files' sizes; parser threads only read it
    known_sizes: frozenset[int] = frozenset()  # the sizes ``known`` covers (a file's, when scanned)
    stored: set[bytes] = field(default_factory=set)  # digests this run has written since
    volumes: dict[Path, tuple[str, str]] = field(default_factory=dict)
    caveats: tuple[str, ...] = ()  # the importer's, added to every report
    carried_markings: dict[str, CarriedMarking] = field(default_factory=dict)

    def volume(self, root: Path) -> tuple[str, str]:
        if root not in self.volumes:
            self.volumes[root] = media.volume_of(root)
        return self.volumes[root]

    known_complete: bool = True  # False once someone else has committed since ``known`` was read
    data_version: int | None = None
    commits: int | None = None  # this connection's commit count after this run's last commit

    def maybe_stored(self, digest: bytes, size: int) -> bool:
        """False when the vault surely has no report with this digest (``size`` bytes long): no query needed. A
        size ``known`` does not cover (a container's member, a file grown since the scan) is looked up."""
        return (not self.known_complete or size not in self.known_sizes or digest in self.known
                or digest in self.stored)

    def check_others_wrote(self) -> None:
        """At each batch's start: if another process or another thread of this session (a concurrent import,
        a bundle accepted) committed since this run last did, ``known`` may miss its reports, so every digest
        is looked up from now on."""
        db = self.session.db
        version = int(db.pragma("data_version") or 0)
        if (self.data_version is not None and version != self.data_version) or \
                (self.commits is not None and db.commits != self.commits):
            self.known_complete = False
        self.data_version = version

    def committed(self) -> None:
        """After each of this run's batches: the commit count it leaves behind."""
        self.commits = self.session.db.commits


@dataclass
class _Staged:
    """One file's outcome and manifest rows, kept until its batch commits."""

    outcome: ImportOutcome
    manifest: list[ManifestItem] = field(default_factory=list)


def _finish(session: Session, outcome: ImportOutcome, status: str, agency_code: str, case: str,
            parts: int) -> None:
    """Close the run and audit it, whether it finished, was cancelled or failed part way. What each file became
    is in the audit entry of the batch that committed it (``report.import.batch``): this one sums them up."""
    import_id = outcome.import_id
    with session.db.transaction():
        imports.finish(session.db, import_id, iso_utc(session.clock.now()), status, outcome.counts())
        session.audit("report.import", f"import {import_id}", details={
            **outcome.counts(), "status": status, "agency": agency_code, "case": case, "batches": parts,
            "confinement": outcome.confinement,
        }, outcome="ok" if status != "failed" else "failed")


class _Batch:
    """Group commit: many whole files per transaction, committed every FILES files, BYTES bytes or SECONDS.

    With synchronous=FULL every commit costs fsyncs, so committing each file
    capped imports near the disk's fsync rate; and a savepoint per file cost
    more than the file's inserts (see VaultConnection.batch_unit). A crash
    still leaves each file whole or absent, since nothing is committed but
    whole batches. A file whose writes fail takes the uncommitted batch with
    it: the files before it are written again, committed, and the error
    raised. Manifest rows are written in one statement just before the
    commit, and outcome rows join the run's outcome once committed.
    """

    FILES = 1000
    BYTES = 4 * MIB  # parsed results are kept until commit (to redo a failed batch): this bounds them
    SECONDS = 5.0

    def __init__(self, session: Session, outcome: ImportOutcome) -> None:
        self.session = session
        self.db = session.db
        self.outcome = outcome
        self.units: list[tuple[Callable[[_Staged], None], _Staged]] = []
        self.bytes = 0
        self.started = 0.0
        self.next_seq = 1
        self.parts = 0  # batches committed
        self.on_begin: Callable[[], None] = lambda: None
        self.on_commit: Callable[[], None] = lambda: None

    def _begin(self) -> None:
        self.db.begin_batch()
        self.bytes, self.started = 0, time.monotonic()
        try:
            self.on_begin()
        except BaseException:
            with self.db.batch_unit():
                raise

    def add(self, unit: Callable[[_Staged], None], size: int) -> None:
        """Write one file's rows (``unit`` records what it did in the _Staged it is given) into the open batch."""
        if not self.units:
            self._begin()
        staged = _Staged(ImportOutcome(self.outcome.import_id))
        try:
            with self.db.batch_unit():
                unit(staged)
        except Exception:
            self._redo_before_failure()
            raise
        self.units.append((unit, staged))
        self.bytes += size
        if (len(self.units) >= self.FILES or self.bytes >= self.BYTES or self.db.others_waiting
                or time.monotonic() - self.started >= self.SECONDS):
            self.commit()

    def commit(self) -> None:
        """Manifest rows and the batch's audit entry, then COMMIT: no report lands without its entry."""
        if not self.units:
            return
        units, self.units = self.units, []
        manifest = [item for _unit, staged in units for item in staged.manifest]
        done = ImportOutcome(self.outcome.import_id)
        for _unit, staged in units:
            done.merge(staged.outcome)
        with self.db.batch_unit():  # a failure here rolls the whole batch back
            imports.add_items(self.db, self.outcome.import_id, self.next_seq, manifest)
            self.session.audit("report.import.batch", f"import {self.outcome.import_id}", details={
                "batch": self.parts + 1, "files": [self.next_seq, self.next_seq + len(manifest) - 1],
                "imported": [r["sha256"] for r in done.imported],
                "duplicates": [r["sha256"] for r in done.duplicates],
                "refused": [[r["path"], r.get("sha256", "")] for r in done.refused],
                "skipped": len(done.skipped)})
        self.db.commit_batch()
        self.on_commit()
        self.parts += 1
        self.next_seq += len(manifest)
        for _unit, staged in units:
            self.outcome.merge(staged.outcome)

    def _redo_before_failure(self) -> None:
        units, self.units = self.units, []
        if not units:
            return
        self._begin()
        try:
            for unit, _lost in units:
                staged = _Staged(ImportOutcome(self.outcome.import_id))
                with self.db.batch_unit():
                    unit(staged)
                self.units.append((unit, staged))
        except Exception:
            self.units = []  # rolled back again: none of them landed
            raise
        self.commit()


def _case(session: Session, name: str, now: str) -> int:
    existing = cases.find(session.db, name)
    if existing is not None:
        return existing
    case_id = cases.create(session.db, name, session.name, now)
    session.audit("case.create", name)
    return case_id


# Small files go to a child in groups: 48 a round trip ran 3,100-3,300 reports/s where 16 ran 2,400-2,750
# (each round trip costs a frame and a timeout thread). A group that fails is parsed again file by file.
BATCH_FILES = 48
BATCH_BYTES = 1024 * 1024
SMALL_FILE = 256 * 1024


def _read(item: ScanItem, limits: Limits, known: set[bytes]) -> _Parsed:
    """Read one file and hash it. No database query: parser threads run this while the import's batch holds the
    connection, so which report a known digest duplicates is looked up when the file is stored."""
    parsed = _Parsed(item)
    if item.status is not None:
        return parsed
    try:
        parsed.data = media.read_file(item, limits.max_file_bytes)
    except OSError as exc:
        parsed.error = f"cannot be read: {exc}"
        return parsed
    digest = hashlib.sha256(parsed.data)
    parsed.sha256 = digest.hexdigest()
    parsed.known = digest.digest() in known
    return parsed


def _read_and_parse_group(run: _Run, pool: SandboxPool, group: list[ScanItem], limits: Limits,
                          hooks: dict[str, Any]) -> list[_Parsed]:
    """Read a group of files and parse the new ones: small files share one round trip to a child."""
    parsed = [_read(item, limits, run.known) for item in group]
    todo = [p for p in parsed if p.item.status is None and not p.error and not p.known]
    hang = hooks.get("hang_on")
    if len(todo) == 1 or any(p.item.path.name == hang for p in todo):
        for p in todo:
            extra = {"test_hang": True} if p.item.path.name == hang else None
            p.result = pool.parse(p.data, p.item.path.name, extra)
    elif todo:
        for p, result in zip(todo, pool.parse_batch([(p.data, p.item.path.name) for p in todo]), strict=True):
            p.result = result
    return parsed


def _groups(items: list[ScanItem]) -> Iterator[list[ScanItem]]:
    """Consecutive small files in groups of up to BATCH_FILES or BATCH_BYTES; a large file goes alone."""
    group: list[ScanItem] = []
    size = 0
    for item in items:
        if item.size > SMALL_FILE:
            if group:
                yield group
                group, size = [], 0
            yield [item]
            continue
        group.append(item)
        size += item.size
        if len(group) >= BATCH_FILES or size >= BATCH_BYTES:
            yield group
            group, size = [], 0
    if group:
        yield group


def _parse_all(run: _Run, pool: SandboxPool, items: list[ScanItem], limits: Limits,
               hooks: dict[str, Any]) -> Iterator[_Parsed]:
    """Parse in parallel (one thread per child), yielding results in scan order with bounded look-ahead."""
    window = pool.size * 2
    with ThreadPoolExecutor(max_workers=pool.size, thread_name_prefix="nia-parse") as executor:
        pending: list[Future[list[_Parsed]]] = []
        groups = _groups(items)
        for group in groups:
            pending.append(executor.submit(_read_and_parse_group, run, pool, group, limits, hooks))
            if len(pending) >= window:
                break
        while pending:
            results = pending.pop(0).result()
            following = next(groups, None)
            if following is not None:
                pending.append(executor.submit(_read_and_parse_group, run, pool, following, limits, hooks))
            yield from results


def _store(run: _Run, parsed: _Parsed, staged: _Staged) -> None:
    """One file's reports, bytes and index rows; the batch makes them all or nothing."""
    item, path = parsed.item, media.text_path(parsed.item.path)  # a name need not be UTF-8
    if item.status is not None or parsed.error:
        _note_refused(staged, path, item.reason or parsed.error, size=item.size,
                      skipped=item.status is FileStatus.SKIPPED)
        return
    if parsed.known:
        of = reports.by_sha256(run.session.db, parsed.sha256)
        if of is None:  # known when the run began, gone since: never parsed, so not imported now
            _note_refused(staged, path, "left the vault during this import: import it again", parsed.sha256,
                          len(parsed.data))
        else:
            _note_duplicate(staged, path, parsed.sha256, len(parsed.data), "", of, run.session)
        return
    result = parsed.result
    assert result is not None
    if not result.ok:
        _note_refused(staged, path, result.reason, parsed.sha256, len(parsed.data))
        return
    ids: dict[int, int] = {}
    volume = run.volume(item.root)
    for index, (record, blob) in enumerate(zip(result.documents, result.blobs, strict=True)):
        _store_document(run, parsed, record, blob, index, ids, staged, volume)


def _note_refused(staged: _Staged, path: str, reason: str, sha: str = "", size: int = 0,
                  skipped: bool = False) -> None:
    """A file that will not become a report: in the manifest and in the outcome, with its reason."""
    status = FileStatus.SKIPPED if skipped else FileStatus.REFUSED
    staged.manifest.append(ManifestItem(path, sha, size, "", status.value, reason, None))
    row = {"path": shown(path), "reason": reason}
    if sha:
        row["sha256"] = sha
    (staged.outcome.skipped if skipped else staged.outcome.refused).append(row)


def _note_duplicate(staged: _Staged, path: str, sha: str, size: int, kind: str, of: int, session: Session) -> None:
    """A file already in the vault. Which report it repeats is told only to an importer who may read that report
    (need-to-know: the id of a hidden report is not theirs to learn)."""
    shown_of: int | None = of
    if not clearances.readable_ids(session.db, session.access(), [of]):
        shown_of = None
    reason = f"duplicate of {of}" if shown_of is not None else "duplicate of a report already in the vault"
    staged.manifest.append(ManifestItem(path, sha, size, kind, FileStatus.DUPLICATE.value, reason, shown_of))
    staged.outcome.duplicates.append({"path": shown(path), "sha256": sha, "of": shown_of})


def _store_document(run: _Run, parsed: _Parsed, record: dict[str, Any], blob: bytes, index: int,
                    ids: dict[int, int], staged: _Staged, volume: tuple[str, str]) -> None:
    session, item = run.session, parsed.item
    db = session.db
    inner = str(record.get("inner") or "")
    path = f"{media.text_path(item.path)}!{inner}" if inner else media.text_path(item.path)
    digest = hashlib.sha256(blob).digest()
    sha = digest.hex()
    kind = str(record.get("type", ""))
    if kind == "refused":
        _note_refused(staged, path, str(record.get("fields", {}).get("refused", "refused")), sha, len(blob))
        return
    existing = reports.by_sha256(db, sha) if run.maybe_stored(digest, len(blob)) else None
    if existing is not None:
        ids[index] = existing
        _note_duplicate(staged, path, sha, len(blob), kind, existing, session)
        return
    text = str(record.get("text", ""))
    meta = metadata.checked(record.get("meta"), text)
    stated_level = meta["classification"]
    stated = Level(stated_level) if isinstance(stated_level, int) else None
    parent = record.get("parent")
    parent_id = ids.get(parent) if isinstance(parent, int) else None
    inherited = reports.summary(db, parent_id) if parent_id is not None else None
    if stated is None and inherited is not None:
        stated = inherited.classification  # an unmarked attachment takes its message's marking
    carried = run.carried_markings.get(str(item.path))
    if carried is not None:  # the sender's marking: never lower than it was there
        stated = max(stated, carried.level) if stated is not None else carried.level
    fields = record.get("fields") if isinstance(record.get("fields"), dict) else {}
    now = iso_utc(session.clock.now())
    new = reports.NewReport(
        sha256=sha, title=str(record.get("title") or media.text_path(item.path.name))[:300], body=text,
        agency=run.agency or str(meta["agency"]) or (inherited.agency if inherited else "") or "unknown",
        classification=stated if stated is not None else run.default_level,
        classification_stated=isinstance(stated_level, int),
        reliability=str(meta["reliability"]), credibility=str(meta["credibility"]), language=str(meta["language"]),
        report_date=str(meta["date"]), detected_type=kind,
        encoding=str(record.get("encoding", "")),
        original_name=inner.rsplit("!", 1)[-1] or media.text_path(item.path.name),
        path=path, inner_path=inner, size=len(blob), volume_label=volume[1], volume_path=volume[0],
        imported_by=session.name, imported_at=now, import_id=run.import_id,
        parent_id=parent_id,
        fields={str(k): str(v) for k, v in (fields or {}).items()}, structured=record.get("structured"))
    index_body = record.get("index_body")
    segmented = (segment(new.title), index_body) if isinstance(index_body, str) else None
    report_id = reports.insert(db, new, blob, segmented)
    stated_caveats = meta.get("caveats")
    marked = header_caveats(session, [*(stated_caveats if isinstance(stated_caveats, list) else []),
                                      *(carried.caveats if carried else ())])
    # An attachment carries its message's caveats too: a compartment never falls off with the envelope.
    clearances.set_report_caveats(db, report_id, {*marked, *run.caveats, *(inherited.caveats if inherited else ())})
    run.stored.add(digest)
    ids[index] = report_id
    if run.case_id is not None:
        cases.add_report(db, run.case_id, report_id, session.name, now)
    staged.manifest.append(ManifestItem(path, sha, len(blob), kind, "imported", "", report_id))
    staged.outcome.imported.append({"id": report_id, "path": shown(path), "sha256": sha, "type": kind})
