"""The ledger's questions (issue 14): who holds anything derived from a report (citing it, or through an
assessment), what a consumer was sent, what no receipt has acknowledged, which products rest on a report
re-marked, re-graded or found a duplicate since; paged; each audited with the question, not the answer; an
analyst sees only the products and reports they may read, an officer every product and no report content."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from nia_desktop.core.classification import Level
from nia_desktop.core.errors import BadInput, PermissionRefused
from nia_desktop.core.roles import Role
from nia_desktop.core.store import audit_log, ledger
from nia_desktop.services import assessments, clearances, fusion, importing, reports
from nia_desktop.services import ledger as questions
from nia_desktop.services.dissemination import release_to
from nia_desktop.services.session import Session, unlock
from nia_desktop.services.users import add_user
from tests.conftest import ANALYST, ANALYST_PASS, COURIER, COURIER_PASS, OFFICER, OFFICER_PASS
from tests.unit.test_release_to import REVIEWER, REVIEWER_PASS, register, without_review

LOW, LOW_PASS = "bea", "bea-passphrase-555"  # an analyst cleared to SECRET
BODY = ("The network spreads fabricated quotes attributed to the governor about the earthquake response, "
        "through fake outlets and paid influencers, and stages them on a Telegram channel first. ")
FIRST = {
    "ts.txt": "TOP SECRET\nSubject: Handler identified\n\nCANARYGLACIER: the handler of Konstantin YEGOROV is an "
              "SVR officer.\n",
    "s.txt": "SECRET\nSubject: Fake quotes\n\nKonstantin YEGOROV met NAGASE Ren. " + BODY,
    "c.txt": "CONFIDENTIAL\nSubject: Dock note\n\nNAGASE Ren was seen in Osaka with Konstantin YEGOROV.\n",
}
RESENT = "SECRET\nSubject: Fake quotes (resent)\n\nKonstantin Egorov called again. " + BODY + "One more line.\n"


@dataclass
class Ledger:
    vault: Path
    ids: dict[str, int]
    digests: dict[str, str]  # consumer -> product digest
    uuids: dict[str, str]  # consumer -> bundle uuid
    judged: dict[str, int]  # "hidden" / "shared" -> assessment id


@pytest.fixture
def released(vault_dir: Path, tmp_path: Path) -> Iterator[Ledger]:
    media = tmp_path / "media"
    media.mkdir()
    for name, text in FIRST.items():
        (media / name).write_text(text, encoding="utf-8")
    (tmp_path / "s2.txt").write_text(RESENT, encoding="utf-8")
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as olive:
        add_user(olive, REVIEWER, Role.OFFICER, REVIEWER_PASS)
        add_user(olive, LOW, Role.ANALYST, LOW_PASS, clearance=Level.SECRET)
        register(olive, {}, "kantei", Level.TOP_SECRET)
        register(olive, {}, "mofa", Level.SECRET)
    without_review(vault_dir)
    out = tmp_path / "out"
    out.mkdir()
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        ids = {Path(r["path"]).name: int(r["id"])
               for r in importing.import_paths(session, [media], pool_size=1).imported}
        ids["s2.txt"] = int(importing.import_paths(session, [tmp_path / "s2.txt"], pool_size=1).imported[0]["id"])
        fusion.create_case(session, "harbour")
        fusion.add_to_case(session, "harbour", list(ids.values()))
        judged = {"hidden": assessments.assess(session, "harbour", "HIDDENJUDGEMENT: the SVR runs it.", "likely",
                                               "moderate", [ids["ts.txt"]]),
                  "shared": assessments.assess(session, "harbour", "The quotes are fabricated.", "likely", "low",
                                               [ids["s.txt"], ids["c.txt"]])}
        done = release_to(session, "harbour", ["kantei", "mofa"], out).released
    yield Ledger(vault_dir, ids, {r.consumer: str(r.digest) for r in done}, {r.consumer: str(r.uuid) for r in done},
                 judged)


def asked(session: Session) -> dict[str, object]:
    row = session.db.query("SELECT object, outcome, details FROM audit WHERE action = 'ledger.query' "
                           "ORDER BY seq DESC LIMIT 1")[0]
    return {"object": row[0], "outcome": row[1], **json.loads(row[2])}


def test_who_has_names_every_copy_derived_from_a_report_directly_or_through_an_assessment(released: Ledger) -> None:
    with unlock(released.vault, ANALYST, ANALYST_PASS) as anna:
        page = questions.who_has(anna, released.ids["c.txt"])
        assert sorted((h.copy.consumer, h.product.digest, h.organisation) for h in page.items) == [
            ("kantei", released.digests["kantei"], "kantei office"), ("mofa", released.digests["mofa"], "mofa office")]
        assert [h.product.created_at for h in page.items] == sorted((h.product.created_at for h in page.items),
                                                                    reverse=True)  # the newest product first
        assert {h.via for h in page.items} == {f"report, assessment {released.judged['shared']}"}
        assert not page.more and asked(anna) == {"object": "who-has", "outcome": "ok", "question": "who-has",
                                                 "about": f"report {released.ids['c.txt']}", "limit": 100,
                                                 "offset": 0}
        top = questions.who_has(anna, released.ids["ts.txt"])
        assert [(h.copy.consumer, h.copy.state) for h in top.items] == [("kantei", "delivered")]
        first = questions.who_has(anna, released.ids["c.txt"], limit=1)
        second = questions.who_has(anna, released.ids["c.txt"], limit=1, offset=1)
        assert first.more and not second.more and first.items + second.items == page.items
        assert first.to_json()["more"] is True and len(first.to_json()["items"]) == 1
        with pytest.raises(BadInput):
            questions.who_has(anna, released.ids["c.txt"], limit=0)

        # A product that carries the assessment's judgement without citing the report (as an older product may):
        # found through the assessment alone.
        with anna.db.transaction():
            ledger.record_product(anna.db, ledger.Product("ab" * 32, "harbour", "Older", Level.SECRET, (), "", ANALYST,
                                                          "2026-01-01T00:00:00Z"), [], [released.judged["shared"]])
            ledger.record_copy(anna.db, "00000000-0000-4000-8000-000000000001", "product", "ab" * 32, "mofa",
                               ANALYST, "2026-01-01T00:00:01Z", "queued")
        older = [h for h in questions.who_has(anna, released.ids["s.txt"]).items if h.product.digest == "ab" * 32]
        assert [h.via for h in older] == [f"assessment {released.judged['shared']}"]
        assert questions.who_has(anna, 999_999).items == []


def test_sent_and_outstanding(released: Ledger) -> None:
    with unlock(released.vault, OFFICER, OFFICER_PASS) as olive:
        sent = questions.sent(olive, "mofa")
        assert [(h.product.digest, h.copy.kind, h.via) for h in sent.items] == [
            (released.digests["mofa"], "product", "product")]
        assert asked(olive)["about"] == "mofa"
        with pytest.raises(BadInput, match="no consumer named"):
            questions.sent(olive, "nobody")
        waiting = questions.outstanding(olive)
        assert sorted(h.copy.consumer for h in waiting.items) == ["kantei", "mofa"]
        with olive.db.transaction():
            ledger.acknowledge(olive.db, released.uuids["mofa"], "receipt-1", "ff" * 32, "2026-05-01T00:00:00Z", "ok")
        assert [h.copy.consumer for h in questions.outstanding(olive).items] == ["kantei"]
        assert [h.copy.state for h in questions.sent(olive, "mofa").items] == ["acknowledged"]
        # A notice's copy is outstanding too, shown with the product it names.
        with olive.db.transaction():
            ledger.record_notice(olive.db, ledger.Notice("cd" * 32, "recall", "withdrawn", "",
                                                         (released.digests["mofa"],), ANALYST, "2099-05-02T00:00:00Z"))
            ledger.record_copy(olive.db, "00000000-0000-4000-8000-000000000002", "notice", "cd" * 32, "mofa",
                               ANALYST, "2099-05-02T00:00:00Z", "queued")
        notice = [h for h in questions.outstanding(olive).items if h.copy.kind == "notice"]
        assert [(h.product.digest, h.via) for h in notice] == [(released.digests["mofa"], f"notice {'cd' * 8}")]
        assert [h.copy.kind for h in questions.sent(olive, "mofa").items] == ["notice", "product"]  # newest first
    with unlock(released.vault, COURIER, COURIER_PASS) as carl, pytest.raises(PermissionRefused):
        questions.outstanding(carl)


def test_stale_after_a_re_mark_a_re_grade_and_a_duplicate_found(released: Ledger) -> None:
    ids = released.ids
    with unlock(released.vault, ANALYST, ANALYST_PASS) as anna:
        assert questions.stale(anna).items == []
        clearances.mark_report(anna, ids["s.txt"], Level.CONFIDENTIAL, [], "downgraded by the originator")
        marked = questions.stale(anna).items
        assert sorted((s.product.digest, s.report_id, s.reasons) for s in marked) == sorted(
            (released.digests[c], ids["s.txt"], ("re-marked",)) for c in ("kantei", "mofa"))
        with pytest.raises(BadInput, match="Admiralty"):
            reports.grade_report(anna, ids["c.txt"], "G7", "not a grading")
        with pytest.raises(BadInput, match="why"):
            reports.grade_report(anna, ids["c.txt"], "E5", " ")
        was = reports.open_report(anna, ids["c.txt"]).summary
        assert reports.grade_report(anna, ids["c.txt"], "e5", "the source was found to embellish").reliability == "E"
        graded = [e for e in audit_log.iter_entries(anna.db) if e.action == "report.grade"]
        assert [e.outcome for e in graded] == ["refused", "refused", "ok"]  # every refusal audited
        assert (graded[-1].details["from"], graded[-1].details["to"]) == (f"{was.reliability}{was.credibility}",
                                                                          "E5")
        regraded = {(s.product.digest, s.report_id): s.reasons for s in questions.stale(anna).items}
        assert regraded[(released.digests["mofa"], ids["c.txt"])] == ("re-graded",)
        fusion.run_fusion(anna)
        found = {(s.product.digest, s.report_id): s.reasons for s in questions.stale(anna).items}
        assert found[(released.digests["mofa"], ids["s2.txt"])] == (f"duplicate of report {ids['s.txt']}",)
        assert (released.digests["mofa"], ids["s.txt"]) in found  # re-marked still
        page = questions.stale(anna, limit=2)
        assert page.more and len(page.items) == 2 and asked(anna)["question"] == "stale"


def test_an_analyst_sees_only_what_they_may_read(released: Ledger) -> None:
    ids = released.ids
    with unlock(released.vault, ANALYST, ANALYST_PASS) as anna:
        clearances.mark_report(anna, ids["c.txt"], Level.TOP_SECRET, [], "source now protected")
    with unlock(released.vault, LOW, LOW_PASS) as bea:
        with pytest.raises(PermissionRefused, match="does not cover report"):
            questions.who_has(bea, ids["ts.txt"])
        refused = bea.db.query("SELECT action, outcome FROM audit ORDER BY seq DESC LIMIT 1")[0]
        assert tuple(refused) == ("report.need_to_know", "refused")
        assert [(h.copy.consumer, h.product.digest) for h in questions.who_has(bea, ids["s.txt"]).items] == [
            ("mofa", released.digests["mofa"])]  # the TOP SECRET full product never shows
        assert questions.sent(bea, "kantei").items == []
        assert [h.copy.consumer for h in questions.outstanding(bea).items] == ["mofa"]
        assert questions.stale(bea).items == []  # c.txt, re-marked, is hidden from her now: not named
        with pytest.raises(BadInput, match="no product"):
            questions.product(bea, released.digests["kantei"])
        refused_product = bea.db.query("SELECT action, outcome, details FROM audit ORDER BY seq DESC LIMIT 1")[0]
        assert tuple(refused_product[:2]) == ("ledger.query", "refused")
        mine = questions.product(bea, released.digests["mofa"][:12])
        assert mine.product.digest == released.digests["mofa"]
        assert [d.report_id for d in mine.derives_from] == sorted([ids["s.txt"], ids["s2.txt"]])  # c.txt: TS now
        with pytest.raises(BadInput, match="hexadecimal"):
            questions.product(bea, "not-hex")
    with unlock(released.vault, ANALYST, ANALYST_PASS) as anna:
        stale = {s.report_id for s in questions.stale(anna).items}
        assert ids["c.txt"] in stale  # the analyst who may read it sees it re-marked
    with unlock(released.vault, OFFICER, OFFICER_PASS) as olive:  # officers: every product, no report content
        page = questions.who_has(olive, ids["ts.txt"])
        assert [h.copy.consumer for h in page.items] == ["kantei"]
        text = json.dumps(page.to_json(), ensure_ascii=False) + json.dumps(
            questions.product(olive, released.digests["kantei"]).to_json(), ensure_ascii=False)
        for content in ("CANARYGLACIER", "Handler identified", "HIDDENJUDGEMENT", "YEGOROV"):
            assert content not in text


def test_a_notice_never_names_a_product_the_reader_may_not_read(released: Ledger, tmp_path: Path) -> None:
    """mofa's SECRET product is corrected, superseded by kantei's TOP SECRET one. bea (SECRET) sees the correction
    on mofa's product, but not the digest of what supersedes it, anywhere in the answer; anna and the officer do."""
    from nia_desktop.services import notices

    shown, hidden = released.digests["mofa"], released.digests["kantei"]
    with unlock(released.vault, ANALYST, ANALYST_PASS) as anna:
        notices.issue(anna, "correct", shown, "superseded by the full product", hidden, out=tmp_path / "c.nia")
        assert [n.superseded_by for n in questions.product(anna, shown).notices] == [hidden]
    with unlock(released.vault, LOW, LOW_PASS) as bea:
        detail = questions.product(bea, shown)
        assert [(n.action, n.superseded_by, n.products) for n in detail.notices] == [("correct", "", (shown,))]
        assert hidden not in json.dumps(detail.to_json()) and hidden[:16] not in json.dumps(detail.to_json())
    with unlock(released.vault, OFFICER, OFFICER_PASS) as olive:
        assert [n.superseded_by for n in questions.product(olive, shown).notices] == [hidden]


def test_every_ledger_question_is_audited_once_refusals_included(released: Ledger) -> None:
    """A question refused for what was asked (a bad window, an unknown consumer, a bad or absent or hidden
    digest) leaves one ``ledger.query`` refused entry with the reason shown, and no ``ok`` entry beside it."""
    def entries(session: Session) -> list[tuple[str, str]]:
        return [(str(o), str(json.loads(d).get("reason", ""))) for o, d in session.db.query(
            "SELECT outcome, details FROM audit WHERE action = 'ledger.query' ORDER BY seq")]

    with unlock(released.vault, LOW, LOW_PASS) as bea:
        before = len(entries(bea))
        asks = [(lambda: questions.sent(bea, "nobody"), "no consumer named"),
                (lambda: questions.outstanding(bea, limit=0), "--limit must be 1"),
                (lambda: questions.who_has(bea, released.ids["s.txt"], offset=-1), "--limit must be 1"),
                (lambda: questions.stale(bea, limit=0), "--limit must be 1"),
                (lambda: questions.product(bea, "xyz"), "hexadecimal"),
                (lambda: questions.product(bea, "0" * 12), "no product"),
                (lambda: questions.product(bea, released.digests["kantei"][:12]), "no product")]
        for ask, words in asks:
            with pytest.raises(BadInput, match=words) as refused:
                ask()
            assert entries(bea)[-1] == ("refused", refused.value.user_message)
        assert len(entries(bea)) == before + len(asks)
        hidden = json.loads(bea.db.query("SELECT details FROM audit WHERE action = 'ledger.query' "
                                         "ORDER BY seq DESC LIMIT 1")[0][0])
        assert hidden["need_to_know"] is True and hidden["about"] == released.digests["kantei"][:12]
        questions.product(bea, released.digests["mofa"][:12])
        assert entries(bea)[len(asks) + before:] == [("ok", "")]
    with unlock(released.vault, COURIER, COURIER_PASS) as carl:  # the permission check's own entry only
        with pytest.raises(PermissionRefused):
            questions.outstanding(carl)
        assert [e.action for e in audit_log.iter_entries(carl.db)][-1] == "ledger.read"
        assert entries(carl)[-1] == ("ok", "")  # bea's last: nothing added for carl's refusal
