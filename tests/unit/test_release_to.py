"""Release to consumers (issue 14): each consumer gets the product it may hold (the full one, or a tearline
version that carries nothing above its line), a consumer who may hold nothing refuses the whole release and
nothing is written for anyone, the two-person rule applies per product, and every export (plain `nia brief`
too) records its product and copy in the ledger inside the export's own transaction."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from nia_desktop.core.bundles.sealed import decrypt, new_identity
from nia_desktop.core.classification import Level
from nia_desktop.core.errors import BadInput, PermissionRefused
from nia_desktop.core.roles import Role
from nia_desktop.core.store import audit_log, ledger
from nia_desktop.services import assessments, briefings, fusion, importing, settings
from nia_desktop.services.consumers import add_consumer, remove_consumer
from nia_desktop.services.dissemination import release_to
from nia_desktop.services.dual_control import authenticate_witness
from nia_desktop.services.session import Session, unlock
from nia_desktop.services.users import add_user
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS

REVIEWER, REVIEWER_PASS = "otto", "otto-passphrase-44"
FILES = {
    "ts.txt": "TOP SECRET\nSubject: Handler identified\n\nThe handler CANARYGLACIER of Viktor SOROKIN is an SVR "
              "officer under diplomatic cover at Northwind Logistics Ltd.\n",
    "s.txt": "SECRET\nSubject: Pier visit\n\nViktor SOROKIN visited Northwind Logistics Ltd in Kobe.\n",
    "c.txt": "CONFIDENTIAL\nSubject: Dock note\n\nViktor SOROKIN of Northwind Logistics Ltd was seen in Osaka.\n",
}
ABOVE_SECRET = ("CANARYGLACIER", "HIDDENJUDGEMENT", "Handler identified", "TOP SECRET", "FULLSUMMARY",
                "FULLTITLE")


@dataclass
class World:
    vault: Path
    ids: dict[str, int]
    keys: dict[str, str]  # consumer -> age secret key

    def analyst(self) -> Session:
        return unlock(self.vault, ANALYST, ANALYST_PASS)


def register(officer: Session, keys: dict[str, str], name: str, level: Level, caveats: tuple[str, ...] = ()) -> None:
    secret, recipient = new_identity()
    keys[name] = secret
    add_consumer(officer, name, f"{name} office", recipient, level, list(caveats))


@pytest.fixture
def world(vault_dir: Path, tmp_path: Path) -> Iterator[World]:
    media = tmp_path / "media"
    media.mkdir()
    for name, text in FILES.items():
        (media / name).write_text(text, encoding="utf-8")
    keys: dict[str, str] = {}
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as olive:
        add_user(olive, REVIEWER, Role.OFFICER, REVIEWER_PASS)
        register(olive, keys, "kantei", Level.TOP_SECRET)
        register(olive, keys, "mofa", Level.SECRET)
        register(olive, keys, "mod", Level.SECRET)
        register(olive, keys, "press", Level.UNCLASSIFIED)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        imported = importing.import_paths(session, [media], pool_size=1).imported
        ids = {Path(r["path"]).name: int(r["id"]) for r in imported}
        fusion.create_case(session, "harbour")
        fusion.add_to_case(session, "harbour", list(ids.values()))
        assessments.assess(session, "harbour", "HIDDENJUDGEMENT: the handler runs the network.", "likely",
                           "moderate", [ids["ts.txt"]])
        assessments.assess(session, "harbour", "Northwind hosts the visits.", "likely", "low",
                           [ids["s.txt"], ids["c.txt"]])
    yield World(vault_dir, ids, keys)


def without_review(vault: Path) -> None:
    with unlock(vault, OFFICER, OFFICER_PASS) as olive:
        settings.change(olive, "release_review_from", "4", authenticate_witness(olive, REVIEWER, REVIEWER_PASS))


def opened(path: Path, secret: str) -> dict[str, bytes]:
    with path.open("rb") as handle:
        plain = decrypt(handle, [secret])
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


def audit_rows(session: Session, action: str) -> list[tuple[str, str, dict[str, object]]]:
    return [(str(o), str(out), json.loads(d)) for o, out, d in session.db.query(
        "SELECT object, outcome, details FROM audit WHERE action = ? ORDER BY seq", (action,))]


def test_each_consumer_gets_the_product_it_may_hold_and_the_ledger_records_it(world: World, tmp_path: Path) -> None:
    without_review(world.vault)
    out = tmp_path / "out"
    out.mkdir()
    with world.analyst() as session:
        done = release_to(session, "harbour", ["kantei", "mofa", "kantei"], out, summary="FULLSUMMARY of it all",
                          title="FULLTITLE: the handler")
        by = {r.consumer: r for r in done.released}
        assert list(by) == ["kantei", "mofa"] and {r.status for r in done.released} == {"exported"}
        assert by["kantei"].tearline == "" and by["kantei"].marking.level is Level.TOP_SECRET
        assert by["mofa"].tearline == "SECRET" and by["mofa"].marking.level is Level.SECRET
        assert sorted(p.name for p in out.iterdir()) == sorted(Path(str(r.path)).name for r in done.released)
        assert all(Path(str(r.path)).name.startswith(f"harbour-{r.consumer}-") for r in done.released)

        for name, released in by.items():
            entries = opened(Path(str(released.path)), world.keys[name])
            briefing = entries["payload/briefing.json"]
            assert released.digest == hashlib.sha256(briefing).hexdigest()
            product = ledger.product(session.db, released.digest)
            assert product is not None and product.tearline == released.tearline and product.author == ANALYST
            copy = ledger.copy_of(session.db, str(released.uuid))
            assert copy is not None and (copy.consumer, copy.custody, copy.state) == (
                name, f"file {released.path}", "delivered")
        cut = opened(Path(str(by["mofa"].path)), world.keys["mofa"])
        everything = b"".join(cut[n] for n in cut if n.startswith("payload/") and not n.endswith(".pdf"))
        for hidden in ABOVE_SECRET:
            assert hidden.encode() not in everything, hidden
        assert json.loads(opened(Path(str(by["kantei"].path)), world.keys["kantei"])["payload/briefing.json"])[
            "title"] == "FULLTITLE: the handler"
        assert json.loads(cut["payload/briefing.json"])["title"] == "Briefing: harbour"
        shown = json.loads(cut["payload/briefing.json"])["tearline_summary"]
        assert shown == ("Tearline version at SECRET: 2 source reports, 1 key judgement. The full product's summary "
                         "is not carried below the line.")
        with pytest.raises(zipfile.BadZipFile):
            zipfile.ZipFile(Path(str(by["mofa"].path)))  # encrypted to the consumer: no plain bundle on the media

        full_digest, cut_digest = str(by["kantei"].digest), str(by["mofa"].digest)
        ts, s, c = world.ids["ts.txt"], world.ids["s.txt"], world.ids["c.txt"]
        assert [d.report_id for d in ledger.derivations(session.db, full_digest)] == sorted([ts, s, c])
        assert [(d.report_id, d.classification) for d in ledger.derivations(session.db, cut_digest)] == sorted(
            [(s, Level.SECRET), (c, Level.CONFIDENTIAL)])
        judged = {a.judgement[:9]: a.id for a in assessments.case_assessments(session, "harbour")}
        assert ledger.product_assessments(session.db, full_digest) == sorted(judged.values())
        assert ledger.product_assessments(session.db, cut_digest) == [judged["Northwind"]]
        released_entries = audit_rows(session, "release.to")
        assert [(o, out_) for o, out_, _ in released_entries] == [("kantei", "ok"), ("mofa", "ok")]
        assert released_entries[1][2]["digest"] == cut_digest and released_entries[1][2]["uuid"] == by["mofa"].uuid


def test_a_consumer_who_may_hold_nothing_refuses_the_whole_release(world: World, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with unlock(world.vault, OFFICER, OFFICER_PASS) as olive:
        register(olive, {}, "gone", Level.TOP_SECRET)
        remove_consumer(olive, "gone")
    with world.analyst() as session:
        with pytest.raises(PermissionRefused, match=r"nothing released.*press \(press office, up to UNCLASSIFIED\)"):
            release_to(session, "harbour", ["kantei", "mofa", "press"], out)
        with pytest.raises(PermissionRefused, match="gone was removed"):
            release_to(session, "harbour", ["kantei", "gone"], None)
        with pytest.raises(PermissionRefused, match="no consumer named 'nobody'"):
            release_to(session, "harbour", ["nobody"], out)
        with pytest.raises(PermissionRefused, match=r"mofa .* may not hold the full product.*above SECRET"):
            release_to(session, "harbour", ["kantei", "mofa"], out, full_only=True)
        with pytest.raises(BadInput, match="not a folder"):
            release_to(session, "harbour", ["kantei"], out / "missing")
        assert list(out.iterdir()) == []
        assert session.db.query("SELECT count(*) FROM release_requests")[0][0] == 0
        assert session.db.query("SELECT count(*) FROM outbound_bundles")[0][0] == 0
        assert session.db.query("SELECT count(*) FROM copies")[0][0] == 0
        refused = [(o, out_) for o, out_, _ in audit_rows(session, "release.to")]
        assert refused == [("press", "refused"), ("gone", "refused"), ("nobody", "refused"), ("mofa", "refused")]
    with unlock(world.vault, OFFICER, OFFICER_PASS) as olive, pytest.raises(PermissionRefused):
        release_to(olive, "harbour", ["kantei"], out)  # analysts release


def test_the_two_person_rule_applies_per_product_and_one_approval_covers_its_copies(world: World,
                                                                                  tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    chosen = ["kantei", "mofa", "mod"]
    with world.analyst() as session:
        first = release_to(session, "harbour", chosen, out, tearline_summary="For the ministries.")
        assert [r.status for r in first.released] == ["queued", "queued", "queued"]
        requests = {r.consumer: r.request_id for r in first.released}
        assert requests["mofa"] == requests["mod"] != requests["kantei"]  # the same tearline version: one review
        assert list(out.iterdir()) == [] and session.db.query("SELECT count(*) FROM copies")[0][0] == 0
        assert [r.status for r in release_to(session, "harbour", chosen, out,
                                             tearline_summary="For the ministries.").released] == ["pending"] * 3
    with unlock(world.vault, REVIEWER, REVIEWER_PASS) as otto:
        for request in sorted(set(requests.values())):
            assert request is not None
            briefings.approve(otto, request)
    with world.analyst() as session:
        done = release_to(session, "harbour", chosen, None, tearline_summary="For the ministries.")
        by = {r.consumer: r for r in done.released}
        assert {r.status for r in done.released} == {"exported"} and all(r.path is None for r in done.released)
        assert by["mofa"].digest == by["mod"].digest != by["kantei"].digest
        assert len({r.uuid for r in done.released}) == 3  # one bundle per consumer, each encrypted to it
        queued = session.db.query("SELECT uuid, file_name FROM outbound_bundles ORDER BY file_name")
        assert sorted(str(u) for u, _ in queued) == sorted(str(r.uuid) for r in done.released)
        assert all(str(name).startswith("harbour-") for _, name in queued)
        copies = ledger.copies_of(session.db, str(by["mofa"].digest))
        assert [(c.consumer, c.custody, c.state) for c in copies] == [("mod", "queued", "queued"),
                                                                      ("mofa", "queued", "queued")]
        again = release_to(session, "harbour", chosen, None, tearline_summary="For the ministries.")
        assert [r.status for r in again.released] == ["queued"] * 3  # an approval authorises one export


def test_a_failure_part_way_removes_what_was_written_and_records_nothing(world: World, tmp_path: Path) -> None:
    without_review(world.vault)
    out = tmp_path / "out"
    out.mkdir()
    with world.analyst() as session:
        # A consumer row whose recipient no longer opens (as a damaged registry would hold it): the export fails on
        # the second copy, after the first was written.
        with session.db.transaction():
            ledger.add_consumer(session.db, ledger.Consumer("broken", "x", "age1broken", "", Level.TOP_SECRET, (),
                                                            OFFICER, "2026-01-01T00:00:00Z"), None)
        sequence = session.db.query("SELECT max(seq) FROM audit")[0][0]
        with pytest.raises(BadInput):
            release_to(session, "harbour", ["kantei", "broken"], out)
        assert list(out.iterdir()) == []  # not even the first copy's staged file
        for table in ("products", "product_reports", "copies", "outbound_bundles"):
            assert session.db.query(f"SELECT count(*) FROM {table}")[0][0] == 0, table  # noqa: S608
        assert not audit_rows(session, "bundle.export") and not audit_rows(session, "briefing.export")
        after = session.db.query("SELECT object, outcome, details FROM audit WHERE seq > ? ORDER BY seq", (sequence,))
        assert [(o, outcome) for o, outcome, _ in after] == [("kantei", "refused"), ("broken", "refused")]
        assert "not an age X25519 recipient" in json.loads(after[0][2])["reason"]  # the rolled-back step, said again


def test_every_briefing_export_records_its_product_and_copy(world: World, tmp_path: Path) -> None:
    without_review(world.vault)
    with world.analyst() as session:
        mofa = ledger.consumer(session.db, "mofa")
        assert mofa is not None
        line = briefings.tearline_of(session, Level.SECRET)
        cut = briefings.compose(session, "harbour", tearline=line, tearline_summary="For MOFA.")
        to_mofa = briefings.brief(session, cut, tmp_path / "a.nia", [mofa.recipient])
        plain = briefings.brief(session, cut, tmp_path / "b.nia")
        assert to_mofa.manifest is not None and plain.manifest is not None
        digest = hashlib.sha256(cut.encode()).hexdigest()
        copies = {c.bundle_uuid: c for c in ledger.copies_of(session.db, digest)}
        assert copies[to_mofa.manifest.uuid].consumer == "mofa"
        assert copies[plain.manifest.uuid].consumer == ""  # no registered consumer: the ledger says so
        assert copies[plain.manifest.uuid].custody == f"file {tmp_path / 'b.nia'}"
        product = ledger.product(session.db, digest)
        assert product is not None and product.classification is Level.SECRET and product.tearline == "SECRET"
        stored = session.db.query("SELECT count(*) FROM products")[0][0]
        assert stored == 1  # the same product twice: one product, two copies


# -- the export path's own checks (tests/adversarial/test_dissemination_attacks.py: variations) -------------------
def test_nia_brief_to_any_registered_recipient_is_held_to_what_its_consumer_may_hold(world: World,
                                                                                      tmp_path: Path) -> None:
    """`nia brief --recipient` is release-to without its plan: press's recipient typed in capitals with spaces,
    or beside kantei's in one bundle, is still press's; a removed consumer's recipient receives nothing; the
    workstation re-registered under a new name at a lower level is held to the new level. Each refusal is
    audited and writes and records nothing."""
    without_review(world.vault)
    with unlock(world.vault, OFFICER, OFFICER_PASS) as olive:
        gone_secret, gone = new_identity()
        add_consumer(olive, "gone", "gone office", gone, Level.TOP_SECRET)
        remove_consumer(olive, "gone")
    with world.analyst() as session:
        press, kantei = ledger.consumer(session.db, "press"), ledger.consumer(session.db, "kantei")
        assert press is not None and kantei is not None
        cut = briefings.compose(session, "harbour", tearline=briefings.tearline_of(session, Level.CONFIDENTIAL),
                                tearline_summary="Dock note only.")
        for n, recipients in enumerate([[f"  {press.recipient.upper()} "], [kantei.recipient, press.recipient],
                                        [gone.upper()]]):
            before = audit_log.count(session.db)
            why = r"press.*may not hold it: it is CONFIDENTIAL, above UNCLASSIFIED" if n < 2 else \
                r"removed on .* nothing more"
            with pytest.raises(PermissionRefused, match=why):
                briefings.brief(session, cut, tmp_path / f"{n}.nia", recipients)
            refused = [e for e in audit_log.iter_entries(session.db) if e.seq > before]
            assert [(e.action, e.outcome) for e in refused] == [("briefing.export", "refused")]
        assert list(tmp_path.glob("*.nia")) == [] and session.db.query("SELECT count(*) FROM copies")[0][0] == 0
    with unlock(world.vault, OFFICER, OFFICER_PASS) as olive:
        add_consumer(olive, "gone2", "gone office, again", gone, Level.CONFIDENTIAL)
    with world.analyst() as session:
        secret = briefings.compose(session, "harbour", tearline=briefings.tearline_of(session, Level.SECRET),
                                   tearline_summary="For SECRET readers.")
        with pytest.raises(PermissionRefused, match=r"gone2.*above CONFIDENTIAL"):
            briefings.brief(session, secret, tmp_path / "s.nia", [gone])
        done = briefings.brief(session, cut, tmp_path / "c.nia", [gone])
        assert done.manifest is not None and not (tmp_path / "s.nia").exists()
        copy = ledger.copy_of(session.db, done.manifest.uuid)
        assert copy is not None and copy.consumer == "gone2"
        assert "payload/briefing.json" in opened(tmp_path / "c.nia", gone_secret)


def test_a_rejected_review_refuses_the_export_audited_in_brief_and_in_release_to(world: World,
                                                                                  tmp_path: Path) -> None:
    """A rejected product asked for again: `nia brief` refuses it and says so in the audit log; release-to refuses
    it too, and its entry, written inside the rolled-back transaction, is written again after it."""
    out = tmp_path / "out"
    out.mkdir()
    with world.analyst() as session:
        released = release_to(session, "harbour", ["mofa"], out).released[0].request_id
        cut = briefings.compose(session, "harbour", tearline=briefings.tearline_of(session, Level.SECRET),
                                tearline_summary="For the desk.")
        asked = briefings.brief(session, cut, tmp_path / "cut.nia").request_id
    assert released is not None and asked is not None
    with unlock(world.vault, REVIEWER, REVIEWER_PASS) as otto:
        briefings.reject(otto, released, "the dock note is stale")
        briefings.reject(otto, asked, "say less")
    with world.analyst() as session:
        before = audit_log.count(session.db)
        with pytest.raises(BadInput, match="rejected by otto: the dock note is stale"):
            release_to(session, "harbour", ["mofa"], out)
        after = [e for e in audit_log.iter_entries(session.db) if e.seq > before]
        assert [(e.action, e.object, e.outcome) for e in after] == [("release.to", "mofa", "refused")]
        assert "rejected by otto" in str(after[0].details["reason"]) and after[0].details["released_to_nobody"]
        before = audit_log.count(session.db)
        with pytest.raises(BadInput, match="rejected by otto: say less"):
            briefings.brief(session, cut, tmp_path / "cut.nia")
        after = [e for e in audit_log.iter_entries(session.db) if e.seq > before]
        assert [(e.action, e.outcome, e.details.get("request")) for e in after] == [
            ("briefing.export", "refused", asked)]
    assert list(out.iterdir()) == [] and not (tmp_path / "cut.nia").exists()


CRASH_WHILE_RECORDING_THE_SECOND_COPY = """
import os, sys
from pathlib import Path
from nia_desktop.services import dissemination
from nia_desktop.services.session import unlock
vault, out, user, passphrase = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
real, calls = dissemination.record_export, []
def record(*args, **kwargs):
    calls.append(1)
    if len(calls) == 2:
        os._exit(9)  # a power cut while the second consumer's copy is being recorded, the first one signed
    return real(*args, **kwargs)
dissemination.record_export = record
dissemination.release_to(unlock(vault, user, passphrase), "harbour", ["kantei", "mofa"], out)
"""


def test_a_power_cut_before_release_to_commits_leaves_no_copy_in_the_folder(world: World, tmp_path: Path) -> None:
    """The process dies after the first copy was signed and recorded (in the open transaction), while the second
    is: nothing committed, so nothing may be in the folder under a name a consumer would take: at most the
    hidden staged files."""
    without_review(world.vault)
    out = tmp_path / "out"
    out.mkdir()
    done = subprocess.run([sys.executable, "-c", CRASH_WHILE_RECORDING_THE_SECOND_COPY, str(world.vault), str(out),
                           ANALYST, ANALYST_PASS], capture_output=True, text=True, timeout=300,
                          env=dict(os.environ), check=False)
    assert done.returncode == 9, done.stderr
    assert [p.name for p in out.iterdir() if not p.name.startswith(".")] == []
    assert all(p.name.endswith(".partial") for p in out.iterdir())
    with world.analyst() as session:
        assert session.db.query("SELECT count(*) FROM copies")[0][0] == 0
        assert not audit_rows(session, "bundle.export")


def test_below_the_full_product_the_watchlist_neither_names_merges_nor_flags(world: World, tmp_path: Path) -> None:
    """What the analyst learnt from the TOP SECRET report and wrote into the watchlist, "Dmitri PETROV is Viktor
    SOROKIN, a known adversary", reaches mofa's SECRET version in no form: no entity line joins the two names, none
    is a threat actor; kantei's full product, fused with the watchlist, has both (so the entry took effect)."""
    from nia_desktop.services.watchlist import add_watch

    without_review(world.vault)
    media = tmp_path / "more"
    media.mkdir()
    (media / "p.txt").write_text("CONFIDENTIAL\nSubject: Crane hire\n\nDmitri PETROV hired a crane at the Osaka "
                                 "dock.\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with world.analyst() as session:
        more = importing.import_paths(session, [media], pool_size=1).imported
        fusion.add_to_case(session, "harbour", [int(r["id"]) for r in more])
        add_watch(session, "Viktor SOROKIN", "person", ["Dmitri PETROV"])
        done = {r.consumer: r for r in release_to(session, "harbour", ["kantei", "mofa"], out).released}
    products = {name: json.loads(opened(Path(str(r.path)), world.keys[name])["payload/briefing.json"])
                for name, r in done.items()}

    def names(entity: dict[str, object]) -> set[str]:
        return {str(entity["name"]), *map(str, entity["aliases"])}  # type: ignore[call-overload]

    full, cut = products["kantei"]["entities"], products["mofa"]["entities"]
    assert any({"Viktor SOROKIN", "Dmitri PETROV"} <= names(e) and e["threat"] for e in full)
    assert any("Dmitri PETROV" in names(e) for e in cut) and any("Viktor SOROKIN" in names(e) for e in cut)
    assert not any({"Viktor SOROKIN", "Dmitri PETROV"} <= names(e) for e in cut)
    assert not any(e["threat"] for e in cut)
    stix = opened(Path(str(done["mofa"].path)), world.keys["mofa"])["payload/briefing.stix.json"]
    assert b"threat-actor" not in stix
