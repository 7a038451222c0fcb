"""An outside reviewer's attacks on dissemination (issue 14): consumers, release-to, the ledger, receipts, notices
and the officer's insider view.

Each finding is a test marked ``xfail(strict=True)`` with what an attacker gains: it fails today and passes once
fixed (then the marker goes). The ordinary tests are attacks that held and are cheap to keep.

The world: the NIA vault of tests/conftest.py (olive the officer, anna the analyst, carl the courier) plus otto,
a second officer who reviews releases; a case "harbour" of three reports, TOP SECRET, SECRET and CONFIDENTIAL,
whose TOP SECRET report carries canaries; consumers kantei (TOP SECRET), mofa (SECRET) and press
(UNCLASSIFIED), each with an age identity of its own so a test can open what was sent to it.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from nia_desktop.core.bundles.notices import new_notice, new_receipt
from nia_desktop.core.bundles.sealed import decrypt, new_identity
from nia_desktop.core.bundles.write import Signer, Source, write_bundle
from nia_desktop.core.classification import Level
from nia_desktop.core.errors import BadInput, BundleRejected, NiaError, PermissionRefused
from nia_desktop.core.roles import Role
from nia_desktop.core.store import audit_log, ledger
from nia_desktop.services import assessments, briefings, fusion, importing, notices, settings
from nia_desktop.services.bundles import sign_out
from nia_desktop.services.consumers import add_consumer, remove_consumer
from nia_desktop.services.dissemination import release_to
from nia_desktop.services.dual_control import authenticate_witness
from nia_desktop.services.session import Session, unlock
from nia_desktop.services.users import add_user
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS
from tests.notices_pair import Pair, pair

REVIEWER, REVIEWER_PASS = "otto", "otto-passphrase-44"
LOW, LOW_PASS = "lee", "lee-passphrase-555"  # an analyst cleared only to CONFIDENTIAL
CASE = "harbour"
FILES = {
    "ts.txt": "TOP SECRET\nSubject: Handler identified\n\nThe handler CANARYGLACIER of Viktor SOROKIN is an SVR "
              "officer under diplomatic cover at Northwind Logistics Ltd.\n",
    "s.txt": "SECRET\nSubject: Pier visit\n\nViktor SOROKIN visited Northwind Logistics Ltd in Kobe.\n",
    "c.txt": "CONFIDENTIAL\nSubject: Dock note\n\nViktor SOROKIN of Northwind Logistics Ltd was seen in Osaka.\n",
}


@dataclass
class World:
    vault: Path
    ids: dict[str, int]
    keys: dict[str, str]  # consumer -> its age secret key

    def analyst(self) -> Session:
        return unlock(self.vault, ANALYST, ANALYST_PASS)

    def officer(self) -> Session:
        return unlock(self.vault, OFFICER, OFFICER_PASS)

    def register(self, name: str, level: Level, caveats: tuple[str, ...] = ()) -> str:
        secret, recipient = new_identity()
        self.keys[name] = secret
        with self.officer() as olive:
            add_consumer(olive, name, f"{name} office", recipient, level, list(caveats))
        return recipient


@pytest.fixture
def world(vault_dir: Path, tmp_path: Path) -> Iterator[World]:
    media = tmp_path / "media"
    media.mkdir()
    for name, text in FILES.items():
        (media / name).write_text(text, encoding="utf-8")
    made = World(vault_dir, {}, {})
    with made.officer() as olive:
        add_user(olive, REVIEWER, Role.OFFICER, REVIEWER_PASS)
    made.register("kantei", Level.TOP_SECRET)
    made.register("mofa", Level.SECRET)
    made.register("press", Level.UNCLASSIFIED)
    with made.analyst() as session:
        imported = importing.import_paths(session, [media], pool_size=1).imported
        made.ids.update({Path(r["path"]).name: int(r["id"]) for r in imported})
        fusion.create_case(session, CASE)
        fusion.add_to_case(session, CASE, list(made.ids.values()))
        assessments.assess(session, CASE, "Northwind hosts the visits.", "likely", "low",
                           [made.ids["s.txt"], made.ids["c.txt"]])
    yield made


def without_review(world: World) -> None:
    """Two officers turn the two-person rule off, so exports at any level go straight out."""
    with world.officer() as olive:
        settings.change(olive, "release_review_from", "4", authenticate_witness(olive, REVIEWER, REVIEWER_PASS))


def opened(path: Path, secret: str) -> dict[str, bytes]:
    """A copy as its consumer opens it: decrypted with its identity, every entry of the bundle."""
    with path.open("rb") as handle:
        plain = decrypt(handle, [secret])
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


def payload_text(entries: dict[str, bytes]) -> str:
    """Every payload file but the PDF (its text is compressed), as text."""
    return "\n".join(data.decode("utf-8", "replace") for name, data in entries.items()
                     if name.startswith("payload/") and not name.endswith(".pdf"))


# -- release: more than a consumer may hold ---------------------------------------------------------------------
def test_nia_brief_to_a_consumers_recipient_sends_it_more_than_it_may_hold(world: World, tmp_path: Path) -> None:
    """`nia brief CASE --recipient <press's age recipient>` is release-to without its check: an analyst gains a way
    to send a CONFIDENTIAL product to a consumer registered for UNCLASSIFIED only (no review is needed below
    SECRET), and the ledger then records it, without a word, as a copy press holds."""
    with world.analyst() as session:
        press = ledger.consumer(session.db, "press")
        assert press is not None
        cut = briefings.compose(session, CASE, tearline=briefings.tearline_of(session, Level.CONFIDENTIAL),
                                tearline_summary="Dock note only.")
        assert cut.marking.level is Level.CONFIDENTIAL
        out = tmp_path / "to-press.nia"
        with contextlib.suppress(PermissionRefused, BadInput):
            briefings.brief(session, cut, out, [press.recipient])
        assert not out.exists(), "a CONFIDENTIAL product was written encrypted to an UNCLASSIFIED consumer"
        assert session.db.query("SELECT consumer FROM copies") == []


def test_nia_brief_to_a_removed_consumers_recipient_still_goes_out(world: World, tmp_path: Path) -> None:
    """A removed consumer "receives nothing more" (docs/dissemination.md), yet `nia brief --recipient` with its
    recipient exports to it: the analyst gains a channel to a consumer the officer cut off, and the ledger,
    which only matches active consumers, records the copy against no consumer at all."""
    recipient = world.register("gone", Level.TOP_SECRET)
    with world.officer() as olive:
        remove_consumer(olive, "gone")
    with world.analyst() as session:
        cut = briefings.compose(session, CASE, tearline=briefings.tearline_of(session, Level.CONFIDENTIAL),
                                tearline_summary="Dock note only.")
        out = tmp_path / "to-gone.nia"
        with contextlib.suppress(PermissionRefused, BadInput):
            briefings.brief(session, cut, out, [recipient])
        assert not out.exists(), "a product was written encrypted to a removed consumer"


# -- release: all or nothing, and audited ------------------------------------------------------------------------
def test_a_refusal_inside_release_to_leaves_no_audit_entry(world: World, tmp_path: Path) -> None:
    """The approval of kantei's product stops counting (the reviewer reset the author's passphrase since, so they
    may be one person). `nia brief` audits that refusal; release-to refuses too, but the entry was written inside
    release_to's transaction and rolled back with it: an analyst gains refused exports the officer never sees."""
    from nia_desktop.services.users import reset_passphrase

    out = tmp_path / "out"
    out.mkdir()
    with world.analyst() as session:
        first = release_to(session, CASE, ["kantei"], out)
    request = first.released[0].request_id
    assert first.released[0].status == "queued" and request is not None
    with unlock(world.vault, REVIEWER, REVIEWER_PASS) as otto:
        briefings.approve(otto, request)
        reset_passphrase(otto, ANALYST, "anna-new-passphrase-77")
    with unlock(world.vault, ANALYST, "anna-new-passphrase-77") as session:
        before = audit_log.count(session.db)
        with pytest.raises(PermissionRefused, match="no longer counts"):
            release_to(session, CASE, ["kantei"], out)
        assert list(out.iterdir()) == []
        refused = [e for e in audit_log.iter_entries(session.db) if e.seq > before and e.outcome == "refused"]
        assert refused, "the refused export left no audit entry"


CRASH_AFTER_FIRST_COPY = """
import os, sys
from pathlib import Path
from nia_desktop.services.dissemination import release_to
from nia_desktop.services.session import unlock
vault, out, user, passphrase = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
real = os.replace
def replace(src, dst, *args, **kwargs):
    real(src, dst, *args, **kwargs)
    if Path(dst).parent == out and str(dst).endswith(".nia"):
        os._exit(9)  # a power cut right after the first consumer's copy reached the folder
os.replace = replace
release_to(unlock(vault, user, passphrase), "harbour", ["kantei", "mofa"], out)
"""


def test_a_power_cut_during_release_to_leaves_no_copy_the_vault_does_not_record(world: World,
                                                                                  tmp_path: Path) -> None:
    """sign_out promises that no bundle leaves without its audit entry: the file appears only once the export has
    committed. Inside release_to the commit is the outer transaction's, after every copy is in place, so a
    power cut (or kill -9) between them leaves a signed copy for kantei in the folder with no audit entry, no
    ledger copy and no sequence number spent: a bundle that left, that `ledger who-has` will never name."""
    without_review(world)
    out = tmp_path / "out"
    out.mkdir()
    done = subprocess.run([sys.executable, "-c", CRASH_AFTER_FIRST_COPY, str(world.vault), str(out), ANALYST,
                           ANALYST_PASS], capture_output=True, text=True, timeout=300, env=dict(os.environ),
                          check=False)
    assert done.returncode == 9, done.stderr
    written = sorted(p.name for p in out.iterdir() if p.name.endswith(".nia") and not p.name.startswith("."))
    with world.analyst() as session:
        recorded = {str(c).removeprefix("file ").rsplit("/", 1)[-1]
                    for (c,) in session.db.query("SELECT custody FROM copies")}
        exported = {str(e.details.get("uuid")) for e in audit_log.iter_entries(session.db)
                    if e.action == "bundle.export"}
    assert written, "the crash came before any copy was written: the attack did not run"
    unrecorded = [name for name in written if name not in recorded]
    assert unrecorded == [], f"{unrecorded} left the vault with no ledger copy ({len(exported)} exports audited)"


# -- notices and receipts ----------------------------------------------------------------------------------------
@pytest.fixture
def two(vault_dir: Path, tmp_path: Path) -> Pair:
    """The NIA and the ministry mofa, which trusts anna's key (tests/notices_pair.py)."""
    return pair(vault_dir, tmp_path)


def bob_at_the_ministry(two: Pair) -> None:
    """A second NIA analyst whose key the ministry trusts too (not as an officer's): he signed nothing it holds."""
    with two.nia.session(OFFICER) as session:
        add_user(session, "bob", Role.ANALYST, "bob-passphrase-44")
    two.nia.passphrases["bob"] = "bob-passphrase-44"
    two.trust("bob", "analyst")


def test_a_refused_recall_still_orders_the_held_product_destroyed_in_the_banner(two: Pair, tmp_path: Path) -> None:
    """bob, trusted at the ministry but not the signer of anna's product and not an officer, recalls it. The
    workstation rightly leaves the product current and audits the refusal, but the red banner across every
    user's workspace still reads "RECALL: destroy all copies of Harbour visits — <bob's words>": bob gains the
    power to have any held product destroyed by its holders, which the signer rule was meant to deny him."""
    from nia_desktop.ui.views.notices_banner import notice_text

    digest = two.release(tmp_path / "harbour.nia", title="Harbour visits")
    held = two.receive(tmp_path / "harbour.nia").manifest.uuid
    bob_at_the_ministry(two)
    with two.nia.session("bob") as session:
        payload = new_notice("recall", [digest], "Compromised: destroy it now.", None, "bob", "2026-12-07T10:00:00Z")
        sign_out(session, "notice", [Source("notice.json", data=payload.encode())], tmp_path / "bob.nia",
                 [two.consumer.recipient()])
    assert two.receive(tmp_path / "bob.nia").effect["refused"] == [held]
    with two.consumer.session(two.analyst) as session:
        assert notices.held_products(session)[0].product.status == "current"
        banner = [notice_text(view) for view in notices.received_notices(session, unseen_only=True)]
    assert not any("destroy all copies of Harbour visits" in text for text in banner), banner


def test_a_notice_tells_an_analyst_which_hidden_products_exist(world: World, tmp_path: Path) -> None:
    """lee is cleared to CONFIDENTIAL. `nia ledger product PREFIX` answers a TOP SECRET product as if it did not
    exist (docs/dissemination.md: a prefix never counts hidden products), but `nia notice recall PREFIX` answers
    "your clearance does not cover product <16 digits>": lee gains an oracle for which digests of products above
    him exist, and 8 more digits of each, where an absent prefix says "no released product starts with"."""
    from nia_desktop.services import clearances
    from nia_desktop.services import ledger as ledger_service

    without_review(world)
    with world.officer() as olive:
        add_user(olive, LOW, Role.ANALYST, LOW_PASS)
        clearances.set_clearance(olive, LOW, Level.CONFIDENTIAL)
    out = tmp_path / "out"
    out.mkdir()
    with world.analyst() as session:
        digest = str(release_to(session, CASE, ["kantei"], out).released[0].digest)
    absent = ("1" if digest[0] == "0" else "0") + digest[1:8]
    with unlock(world.vault, LOW, LOW_PASS) as lee:
        for prefix in (digest[:8], absent):  # the ledger holds both alike: "no product"
            with pytest.raises(BadInput, match="no product"):
                ledger_service.product(lee, prefix)
        errors: list[NiaError] = []
        for prefix in (digest[:8], absent):
            with pytest.raises(NiaError) as refused:
                notices.issue(lee, "recall", prefix, "wrong", out=tmp_path / "n.nia")
            errors.append(refused.value)
    hidden, nothing = errors
    assert digest[8:16] not in hidden.user_message, hidden.user_message
    assert type(hidden) is type(nothing) and hidden.user_message.replace(digest[:8], absent) == \
        nothing.user_message, (hidden.user_message, nothing.user_message)


def test_a_receipt_bundle_carrying_anything_else_is_refused(two: Pair, tmp_path: Path) -> None:
    """A consumer's key counts only for receipts, so a receipt is its one way in: a receipt bundle that also
    carries a PDF (a report slipped back to the NIA under a consumer's key) is refused, nothing acknowledged."""
    digest = two.release(tmp_path / "harbour.nia")
    bundle_uuid = two.receive(tmp_path / "harbour.nia").manifest.uuid
    with two.consumer.session(two.analyst) as session:
        receipt = new_receipt(bundle_uuid, "briefing", digest, "2026-12-07T10:00:00Z", two.analyst,
                              two.consumer.recipient())
        sign_out(session, "receipt", [Source("receipt.json", data=receipt.encode()),
                                      Source("smuggled.pdf", data=b"%PDF-1.7 a report for the NIA")],
                 tmp_path / "receipt.nia")
    with pytest.raises(BundleRejected, match=r"carries receipt\.json and nothing else"):
        two.nia_receive(tmp_path / "receipt.nia")
    with two.nia.session(ANALYST) as session:
        assert [c.state for c in ledger.copies_of(session.db, digest)] == ["delivered"]
        assert session.db.query("SELECT count(*) FROM received_bundles")[0][0] == 0


def test_a_receipt_signed_with_the_consumers_key_cannot_name_a_copy_by_a_forged_kind(two: Pair,
                                                                                       tmp_path: Path) -> None:
    """A receipt whose JSON passes the parser but claims the briefing copy is a notice it acknowledged (or the
    other way round) acknowledges nothing: kind and item must be what the ledger says that copy carried."""
    digest = two.release(tmp_path / "harbour.nia")
    bundle_uuid = two.receive(tmp_path / "harbour.nia").manifest.uuid
    with two.consumer.session(two.analyst) as session:
        key = session.signing_key
    forged = new_receipt(bundle_uuid, "notice", digest, "2026-12-07T10:00:00Z", two.analyst, two.consumer.recipient())
    write_bundle(tmp_path / "forged.nia", "receipt", [Source("receipt.json", data=forged.encode())],
                 Signer(two.analyst, key), 50, "2026-12-07T10:00:00.000000Z", {"seq": 1, "hash": "ab" * 32})
    with pytest.raises(BadInput, match="does not match"):
        two.nia_receive(tmp_path / "forged.nia")
    with two.nia.session(ANALYST) as session:
        assert [c.state for c in ledger.copies_of(session.db, digest)] == ["delivered"]


# -- release: what held ------------------------------------------------------------------------------------------
PARTNER_FILES = {
    "rel.txt": "SECRET\nSubject: Partner note\n\nViktor SOROKIN met CANARYPARTNER at Northwind Logistics Ltd in "
               "Leeds.\n",
    "nf.txt": "CONFIDENTIAL\nSubject: Domestic lead\n\nViktor SOROKIN paid CANARYNOFORN at the Kobe port office.\n",
    "oc.txt": "SECRET\nSubject: Originator note\n\nViktor SOROKIN was driven by CANARYORCON to Northwind Logistics "
              "Ltd.\n",
}


def test_each_consumer_is_cut_at_its_own_line_foreign_partner_orcon_and_noforn(world: World, tmp_path: Path) -> None:
    """Every payload of every copy grepped for what the consumer may not hold: a foreign partner (REL TO GBR)
    gets only the release-listed report (not the SECRET and CONFIDENTIAL reports that carry no release list,
    not NOFORN, not ORCON, nothing TOP SECRET); a SECRET ministry not registered for ORCON or NOFORN gets neither;
    a consumer registered for both gets them. The generated summary says nothing of the full product."""
    media = tmp_path / "partner"
    media.mkdir()
    for name, text in PARTNER_FILES.items():
        (media / name).write_text(text, encoding="utf-8")
    world.register("gbr", Level.SECRET, ("REL TO GBR",))
    world.register("nss", Level.TOP_SECRET, ("ORCON", "NOFORN"))
    without_review(world)
    from nia_desktop.services.clearances import mark_report

    with world.analyst() as session:
        imported = importing.import_paths(session, [media], pool_size=1).imported
        ids = {Path(r["path"]).name: int(r["id"]) for r in imported}
        mark_report(session, ids["rel.txt"], Level.SECRET, ["REL TO GBR"], "partner release")
        mark_report(session, ids["nf.txt"], Level.CONFIDENTIAL, ["NOFORN"], "domestic only")
        mark_report(session, ids["oc.txt"], Level.SECRET, ["ORCON"], "originator controlled")
        fusion.add_to_case(session, CASE, list(ids.values()))
        out = tmp_path / "out"
        out.mkdir()
        done = {r.consumer: r for r in release_to(session, CASE, ["gbr", "mofa", "nss"], out,
                                                  summary="FULLSUMMARY for the Cabinet").released}
    texts = {name: payload_text(opened(Path(str(r.path)), world.keys[name])) for name, r in done.items()}
    not_for = {
        "gbr": ["CANARYGLACIER", "CANARYNOFORN", "CANARYORCON", "Pier visit", "Dock note", "Kobe", "Osaka",
                "FULLSUMMARY", "Handler identified", "Domestic lead", "Originator note"],
        "mofa": ["CANARYGLACIER", "CANARYNOFORN", "CANARYORCON", "FULLSUMMARY", "Handler identified",
                 "Domestic lead", "Originator note"],
    }
    for name, hidden in not_for.items():
        assert [h for h in hidden if h in texts[name]] == [], name
    assert "Partner note" in texts["gbr"] and "Pier visit" in texts["mofa"]
    assert all(h in texts["nss"] for h in ("Domestic lead", "Originator note", "Handler identified"))
    assert done["gbr"].marking.banner().endswith("REL TO GBR") and done["nss"].tearline == ""


def test_consumer_and_case_names_cannot_steer_where_copies_are_written(world: World, tmp_path: Path) -> None:
    """A case named with path characters, and consumer names that are not plain, write nothing outside the
    folder named: the case becomes a plain piece of the file name, and such consumer names are refused."""
    without_review(world)
    with world.officer() as olive:
        for bad in ("../kantei", "a/b", "nss\u202egpj", "CON"):
            with pytest.raises(BadInput):
                add_consumer(olive, bad, "x", new_identity()[1], Level.SECRET)
    with world.analyst() as session:
        evil = "../../escaped/..\\x"
        fusion.create_case(session, evil)
        fusion.add_to_case(session, evil, [world.ids["c.txt"]])
        out = tmp_path / "deep" / "out"
        out.mkdir(parents=True)
        done = release_to(session, evil, ["mofa"], out).released[0]
    assert Path(str(done.path)).parent == out and list(out.iterdir()) == [Path(str(done.path))]
    assert not (tmp_path / "escaped").exists() and sorted(p.name for p in (tmp_path / "deep").iterdir()) == ["out"]


def test_a_watchlist_name_from_a_top_secret_report_reaches_the_secret_consumer(world: World, tmp_path: Path) -> None:
    """anna watches the handler under the name only the TOP SECRET report gives (CANARYGLACIER), with the alias the
    lower reports use. mofa's SECRET tearline version is fused only from the SECRET and CONFIDENTIAL reports, yet
    its entity line is called CANARYGLACIER: the consumer gains the TOP SECRET identification. docs/need-to-know.md
    says watchlist entries are unmarked so every analyst sees them; a consumer outside the agency is not one."""
    from nia_desktop.services.watchlist import add_watch

    without_review(world)
    out = tmp_path / "out"
    out.mkdir()
    with world.analyst() as session:
        add_watch(session, "CANARYGLACIER", "person", ["Viktor SOROKIN"])
        done = {r.consumer: r for r in release_to(session, CASE, ["kantei", "mofa"], out).released}
    assert done["mofa"].tearline == "SECRET"
    cut = payload_text(opened(Path(str(done["mofa"].path)), world.keys["mofa"]))
    assert "Viktor SOROKIN" in cut or "SOROKIN" in cut or "Northwind" in cut
    assert "CANARYGLACIER" not in cut


# -- the insider view ----------------------------------------------------------------------------------------------
JST = timezone(timedelta(hours=9), "JST")
NOW = datetime(2026, 12, 31, 3, 0, tzinfo=UTC)  # 12:00 JST


def at(day: date, hour: int) -> datetime:
    """``hour`` o'clock on ``day`` in Japan time."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=JST)


def read_rows(user: str, role: str, start: datetime, count: int, first_seq: int, first_report: int = 1,
              action: str = "report.read") -> list[tuple[object, ...]]:
    """``count`` audit rows of ``user`` reading distinct reports within the hour from ``start``."""
    rows = []
    for n in range(count):
        moment = (start + timedelta(seconds=n * 3590 / max(count, 1))).astimezone(UTC)
        obj = f"report {first_report + n}" if action == "report.read" else str(first_report + n)
        rows.append((first_seq + n, moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), user, role, action, obj, "ok", "{}"))
    return rows


def flagged(rows: list[tuple[object, ...]], cases: dict[str, set[int]] | None = None, days: int = 30) -> list[object]:
    from nia_desktop.core import insiders as rule

    tally = rule.Tally(rule.Window.ending(NOW, days), cases or {})
    tally.feed(sorted(rows, key=lambda r: (str(r[1]), int(str(r[0])))))
    return list(tally.finish().flagged)


def history(user: str, role: str, per_day: int, days: int, until: date, seq: int = 1,
            action: str = "report.read") -> list[tuple[object, ...]]:
    """``days`` ordinary weekdays-and-all of ``per_day`` reads at 10:00 JST, ending the day before ``until``."""
    rows: list[tuple[object, ...]] = []
    for back in range(days, 0, -1):
        rows += read_rows(user, role, at(until - timedelta(days=back), 10), per_day, seq + len(rows),
                          1 + 10_000 * back, action=action)
    return rows


def test_a_new_user_reading_500_reports_on_day_one_is_flagged() -> None:
    rows = read_rows("newbie", "analyst", at(date(2026, 12, 31), 10), 500, 1)
    found = flagged(rows)
    assert any(f.user == "newbie" and f.kind == "reads" for f in found)  # type: ignore[attr-defined]


def test_reads_spread_across_midnight_jst_are_still_flagged() -> None:
    """200 reads in the hour before midnight JST and 200 in the hour after: each day alone is 20 times usual."""
    day = date(2026, 12, 30)
    rows = history("mallory", "analyst", 10, 30, day)
    late = read_rows("mallory", "analyst", at(day, 23), 200, 100_000, 500_000)
    early = read_rows("mallory", "analyst", at(day + timedelta(days=1), 0), 200, 200_000, 600_000)
    found = [f for f in flagged(rows + late + early) if f.kind == "reads"]  # type: ignore[attr-defined]
    assert {f.day for f in found} == {day, day + timedelta(days=1)}  # type: ignore[attr-defined]


def test_an_officers_own_reading_of_releases_is_watched() -> None:
    """Officers watch, and are watched: an officer who opens 60 release reviews on a day they usually open 2."""
    day = date(2026, 12, 31)
    rows = history("olive", "officer", 2, 30, day, action="release.view")
    rows += read_rows("olive", "officer", at(day, 10), 60, 100_000, 900, action="release.view")
    assert any(f.user == "olive" for f in flagged(rows))  # type: ignore[attr-defined]


def test_a_new_account_cannot_climb_to_twenty_times_the_agency_usual_in_its_first_week() -> None:
    """A new account (or one back from two months' leave: no history in the lookback) reads, each day, as much as
    it can without being flagged. The rule judges it against the agency's usual day (40 reads) "or their own
    figure if higher", so day one's 239 reads make day two's line 1,434, and so on: within four days the insider
    has read thousands of reports (and the next days tens of thousands), and the officer's view shows nothing."""
    from nia_desktop.core import insiders as rule

    agency_usual = rule.RULES.defaults[rule.Kind.READS]
    first = date(2026, 12, 27)
    rows: list[tuple[object, ...]] = []
    climbed = []
    for n in range(3):
        day = first + timedelta(days=n)
        low, high = 0, 20_000  # the most reads this day that the view does not flag (bisection)
        while low < high:
            middle = (low + high + 1) // 2
            trial = rows + read_rows("mallory", "analyst", at(day, 10), middle, len(rows) + 1, len(rows) + 1)
            if any(f.user == "mallory" for f in flagged(trial, days=10)):  # type: ignore[attr-defined]
                high = middle - 1
            else:
                low = middle
        climbed.append(low)
        rows += read_rows("mallory", "analyst", at(day, 10), low, len(rows) + 1, len(rows) + 1)
    assert max(climbed) < 20 * agency_usual, f"unflagged reads per day: {climbed} (agency usual {agency_usual})"


def test_the_insider_view_shows_officers_a_case_name_that_ends_in_a_number(world: World) -> None:
    """The insider view promises officers "never an entry's free-text object (a case name, a file name)". A case
    named "defector kim 2026" looks to shown_object like "report 12": the officer reading a finding's entries
    gains the case name, exactly what the view withholds from them."""
    from nia_desktop.services import insiders

    with world.analyst() as session:
        fusion.create_case(session, "defector kim 2026")
        seq = next(e.seq for e in audit_log.iter_entries(session.db) if e.action == "case.create"
                   and e.object == "defector kim 2026")
    with world.officer() as olive:
        shown = insiders.entries(olive, [seq])
    assert [line.object for line in shown] == [""]


def test_search_snippets_reach_report_text_without_an_audit_entry(world: World) -> None:
    """An insider who never opens a report but searches (`nia search WORD --limit 100000`, or the desktop's search
    box) reads every matching report's title and a 160-character window of its text. No entry is written, so the
    insider view, which counts only report.read, release.view and export_original, cannot flag it, and `who has
    seen report N?` has no answer: the analyst gains unwatched reading of the whole vault."""
    from nia_desktop.services.reports import search

    with world.analyst() as session:
        before = audit_log.count(session.db)
        hits = search(session, "Northwind", limit=100)
        assert len(hits) == 3 and any("SVR officer" in h.snippet for h in hits)  # report text, TOP SECRET's too
        after = [e for e in audit_log.iter_entries(session.db) if e.seq > before]
    assert any("search" in e.action for e in after), [e.action for e in after]


def test_the_ledger_tells_an_uncleared_analyst_nothing_of_products_above_him(world: World, tmp_path: Path) -> None:
    """lee (CONFIDENTIAL) asks every ledger question after a TOP SECRET product went to kantei and a SECRET one to
    mofa: who-has on the TOP SECRET report is refused and audited; sent, outstanding, stale and product name
    neither product, count them, nor say more for a hidden digest than for one that never existed."""
    from nia_desktop.services import clearances
    from nia_desktop.services import ledger as ledger_service
    from nia_desktop.services.clearances import mark_report

    without_review(world)
    with world.officer() as olive:
        add_user(olive, LOW, Role.ANALYST, LOW_PASS)
        clearances.set_clearance(olive, LOW, Level.CONFIDENTIAL)
    out = tmp_path / "out"
    out.mkdir()
    with world.analyst() as session:
        done = {r.consumer: r for r in release_to(session, CASE, ["kantei", "mofa"], out,
                                                  tearline_summary="For the ministry.").released}
        mark_report(session, world.ids["s.txt"], Level.TOP_SECRET, [], "re-graded upward")  # stale, now hidden
    hidden = [str(done["kantei"].digest), str(done["mofa"].digest)]
    with unlock(world.vault, LOW, LOW_PASS) as lee:
        with pytest.raises(PermissionRefused):
            ledger_service.who_has(lee, world.ids["ts.txt"])
        assert ledger_service.who_has(lee, world.ids["c.txt"]).items == []
        pages = [ledger_service.sent(lee, "kantei"), ledger_service.sent(lee, "mofa"), ledger_service.outstanding(lee),
                 ledger_service.stale(lee)]
        assert [(p.items, p.more) for p in pages] == [([], False)] * 4
        for digest in hidden:
            for prefix in (digest, digest[:1], digest[:12]):
                with pytest.raises(BadInput) as no:
                    ledger_service.product(lee, prefix)
                assert no.value.user_message == f"no product {prefix} in the ledger"
        refusals = [e for e in audit_log.iter_entries(lee.db) if e.actor == LOW and e.outcome == "refused"]
        assert {e.action for e in refusals} == {"report.need_to_know", "ledger.query"}


class SetClock:
    """A clock a test moves: every audit entry of a session made with it is dated where it points."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment

    def monotonic(self) -> float:
        return 0.0

    def sleep(self, seconds: float) -> None:
        return None


def test_reads_outside_ones_cases_are_forgotten_once_filed_into_a_case_afterwards(vault_dir: Path,
                                                                                   tmp_path: Path) -> None:
    """anna reads the ten reports of her case every day for a month. One day she reads thirty reports outside it
    (under her reads line, well over her outside-cases line): flagged. She then adds the thirty to her own case,
    and the flag is gone: the insider gains a one-command eraser for the "reads outside their cases" signal."""
    from nia_desktop.services import insiders
    from nia_desktop.services.reports import open_report

    media = tmp_path / "many"
    media.mkdir()
    for n in range(40):
        (media / f"r{n:02d}.txt").write_text(f"CONFIDENTIAL\nSubject: Note {n}\n\nShipment {n} left Kobe on time.\n",
                                             encoding="utf-8")
    day = date(2026, 6, 10)
    clock = SetClock(at(day - timedelta(days=31), 9))
    with unlock(vault_dir, ANALYST, ANALYST_PASS, clock=clock) as session:
        ids = sorted(int(r["id"]) for r in importing.import_paths(session, [media], pool_size=1).imported)
        fusion.create_case(session, "mine")
        fusion.add_to_case(session, "mine", ids[:10])
        for back in range(30, 0, -1):
            clock.moment = at(day - timedelta(days=back), 10)
            for report_id in ids[:10]:
                open_report(session, report_id)
        clock.moment = at(day, 10)
        for report_id in ids[10:]:
            open_report(session, report_id)

    def outside_flags() -> list[object]:
        with unlock(vault_dir, OFFICER, OFFICER_PASS, clock=SetClock(at(day, 15))) as olive:
            return [f for f in insiders.watch(olive, days=1).flagged if f.user == ANALYST]

    assert [f.kind for f in outside_flags()] == ["outside_cases"]  # type: ignore[attr-defined]
    with unlock(vault_dir, ANALYST, ANALYST_PASS, clock=SetClock(at(day, 11))) as session:
        fusion.add_to_case(session, "mine", ids[10:])
    assert [f.kind for f in outside_flags()] == ["outside_cases"]  # type: ignore[attr-defined]
