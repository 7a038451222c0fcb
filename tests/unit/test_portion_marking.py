"""Portion marking (issue 13): every part of a briefing carries the marking of what it derives from, the banner
combines them, and the PDF, HTML and STIX show both; the STIX bundle still validates. Tearline versions through
the services: their own summary, only what their line allows; the reviewer must be cleared for a product's
marking, and sees the full product beside its tearline versions, each approved on its own."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from stix2validator import ValidationOptions, validate_string

from nia_desktop.core.briefing.content import Briefing, EntityLine, KeyJudgement, Link, Source, included, marking_of
from nia_desktop.core.briefing.figures import link_graph, timeline
from nia_desktop.core.briefing.html_render import render_html
from nia_desktop.core.briefing.pdf_render import render_pdf
from nia_desktop.core.briefing.stix_render import render_stix
from nia_desktop.core.classification import Level
from nia_desktop.core.errors import BadInput, PermissionRefused
from nia_desktop.core.markings import Caveat, CaveatKind, Marking, Tearline, combine
from nia_desktop.core.roles import Role
from nia_desktop.core.store import audit_log
from nia_desktop.services import assessments, briefings, clearances, fusion, importing
from nia_desktop.services.session import Session, unlock
from nia_desktop.services.users import add_user
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS

SDS = Caveat("特定秘密", CaveatKind.COMPARTMENT)
ORCON = Caveat("ORCON", CaveatKind.CONTROL)
REL = Caveat("REL TO GBR, USA", CaveatKind.RELEASE)
S = Marking(Level.SECRET)
TS_SDS = Marking.of(Level.TOP_SECRET, [SDS])
C_ORCON = Marking.of(Level.CONFIDENTIAL, [ORCON])
U_REL = Marking.of(Level.UNCLASSIFIED, [REL])


def marked() -> Briefing:
    """Four reports: SECRET, TOP SECRET//特定秘密, CONFIDENTIAL//ORCON, UNCLASSIFIED//REL TO GBR, USA."""
    sources = [Source(1, "Pier", "NPA", "2026-03-01", "B2", int(S.level), S),
               Source(2, "Quay", "CIRO", "2026-03-02", "A1", int(TS_SDS.level), TS_SDS),
               Source(3, "Dock", "MOFA", "2026-03-03", "", int(C_ORCON.level), C_ORCON),
               Source(4, "Port", "DIH", "", "C3", int(U_REL.level), U_REL)]
    return Briefing("harbour", "Harbour", "The approaches continue.", "anna", "2026-11-26T05:30:00Z",
                    [KeyJudgement("The network is run from abroad.", "likely", "moderate", [1, 2]),
                     KeyJudgement("The port is watched.", "likely", "low", [4]),
                     KeyJudgement("Something is afoot.", "unlikely", "low", [])],
                    sources,
                    [EntityLine("Yamada Taro", "person", ["山田太郎"], ["CIRO", "NPA"], [1, 2]),
                     EntityLine("evil.example", "domain", [], ["DIH"], [4]),
                     EntityLine("Kitakyushu", "location", [], ["MOFA"], [3])],
                    [Link(1, 2, 2.0, ["Yamada Taro"]), Link(3, 4, 1.0, [])])


def test_every_part_carries_the_marking_it_derives_from_and_the_banner_combines_them() -> None:
    briefing = marked()
    judgement, public, uncited = briefing.judgements
    assert judgement.marking == combine([S, TS_SDS]) == TS_SDS
    assert public.marking == U_REL
    everything = combine([S, TS_SDS, C_ORCON, U_REL])
    assert uncited.marking == everything  # resting on nothing named: it may rest on anything included
    assert [e.marking for e in briefing.entities] == [TS_SDS, U_REL, C_ORCON]
    assert [link.marking for link in briefing.links] == [TS_SDS, combine([C_ORCON, U_REL])]
    assert briefing.summary_marking == everything
    assert briefing.marking == everything == combine(briefing.portions)
    assert briefing.marking.level == Level.TOP_SECRET and set(briefing.marking.names) >= {"特定秘密", "ORCON"}
    assert briefing.classification == Level.TOP_SECRET
    # The figures combine what they draw.
    assert link_graph(briefing).marking == everything
    assert timeline(briefing).marking == combine([S, TS_SDS, C_ORCON])  # report 4 is undated: not drawn
    # The markings are in the reviewed bytes: changing one changes the content digest.
    again = Briefing.from_json(json.loads(briefing.encode()))
    assert again == briefing and again.encode() == briefing.encode()
    lowered = Briefing.from_json({**json.loads(briefing.encode()), "summary_marking": S.to_json()})
    assert lowered.content_digest() != briefing.content_digest()
    # A briefing stored before portion marking (no markings) reads with each part marked from its sources' levels.
    old = json.loads(briefing.encode())
    for part in ("judgements", "sources", "entities", "links"):
        for item in old[part]:
            item.pop("marking")
    old.pop("summary_marking")
    assert Briefing.from_json(old).marking == Marking(Level.TOP_SECRET)


def test_pdf_and_html_show_a_portion_mark_before_every_part_and_the_banner_on_every_page() -> None:
    briefing = marked()
    banner = briefing.marking.banner()
    html = render_html(briefing)
    assert html.count(f">{banner}</div>") == 2
    assert '<span class="portion">(TS//特定秘密)</span> The network is run from abroad.' in html
    assert '<span class="portion">(U//REL TO GBR, USA)</span> The port is watched.' in html
    assert '<td><span class="portion">(C//ORCON)</span> </td><td>#3</td><td>Dock</td>' in html
    assert f'<figcaption><span class="portion">{briefing.marking.portion_mark()}</span> Link graph' in html
    pdf = pdfium.PdfDocument(render_pdf(briefing))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    everything = briefing.marking.portion_mark()
    for expected in ("1. (TS//特定秘密) The network is run from abroad.", f"{everything} The approaches continue.",
                     "(C//ORCON)", "(U//REL TO GBR, USA)", "(TS//特定秘密//ORCON) Timeline"):
        assert expected in text, expected
    for index in range(len(pdf)):
        page = pdf[index]
        width, height = page.get_size()
        assert banner in page.get_textpage().get_text_bounded(0, height - 30, width, height)
        assert banner in page.get_textpage().get_text_bounded(0, 0, width, 30)
    assert pdf.get_metadata_dict()["Subject"] == banner


def test_stix_marks_each_object_with_its_portion_and_the_report_with_granular_markings() -> None:
    briefing = marked()
    document = render_stix(briefing)
    results = validate_string(document, ValidationOptions(version="2.1"))
    assert results.is_valid and not results.warnings, results.as_dict()
    objects = json.loads(document)["objects"]
    definitions = {o["id"]: o for o in objects if o["type"] == "marking-definition"}
    by_name = {d["name"]: i for i, d in definitions.items()}
    assert len(by_name) == len(definitions)  # one definition per distinct marking the objects carry
    assert set(by_name) <= {m.portion_mark() for m in briefing.portions}
    assert all(d["definition_type"] == "statement" for d in definitions.values())

    def marking(o: dict[str, object]) -> str:
        refs = o["object_marking_refs"]
        assert isinstance(refs, list) and len(refs) == 1
        return str(definitions[refs[0]]["name"])

    everything = briefing.marking.portion_mark()
    report = next(o for o in objects if o["type"] == "report")
    assert marking(report) == everything
    assert {(g["marking_ref"], tuple(g["selectors"])) for g in report["granular_markings"]} == {
        (by_name[everything], ("name",)), (by_name[everything], ("description",))}
    assert marking(next(o for o in objects if o.get("name") == "Yamada Taro")) == "(TS//特定秘密)"
    assert marking(next(o for o in objects if o["type"] == "domain-name")) == "(U//REL TO GBR, USA)"
    assert marking(next(o for o in objects if o["type"] == "indicator")) == "(U//REL TO GBR, USA)"
    notes = {o["content"].split(" (")[0]: marking(o) for o in objects if o["type"] == "note"}
    assert notes == {"The network is run from abroad.": "(TS//特定秘密)",
                     "The port is watched.": "(U//REL TO GBR, USA)", "Something is afoot.": everything}


def test_what_a_tearline_keeps() -> None:
    briefing = marked()
    line = Tearline(Level.SECRET, frozenset({"ORCON"}))
    ids, judgements = included(briefing.sources, briefing.judgements, None, line)
    assert ids == {1, 4}  # TS//特定秘密 above the level, ORCON left out
    assert [j.text for j in judgements] == ["The port is watched."]  # one cites report 2; one cites nothing
    assert marking_of(briefing, None, line) == combine([S, U_REL])
    assert included(briefing.sources, briefing.judgements, [1], line)[0] == {1, 4}  # a kept judgement's report
    assert included(briefing.sources, briefing.judgements, [3], Tearline(Level.TOP_SECRET, frozenset({"REL"})))[0] \
        == {1, 2, 3}  # "REL": every release list; the judgement citing report 4 goes
    full_ids, full_judgements = included(briefing.sources, briefing.judgements, [3])
    assert full_ids == {1, 2, 3, 4} and len(full_judgements) == 3


# -- through the services -------------------------------------------------------------------------------------
SECOND, SECOND_PASS = "otto", "otto-passphrase-44"
FILES = {
    "sds.txt": "TOP SECRET//特定秘密\nSubject: Quay meeting\n\nViktor SOROKIN met Ottokar CANARYHIDDEN at Northwind "
               "Logistics Ltd in Kobe.\n",
    "s.txt": "SECRET\nSubject: Pier visit\n\nViktor SOROKIN visited Northwind Logistics Ltd in Kobe.\n",
    "c.txt": "CONFIDENTIAL\nSubject: Dock note\n\nViktor SOROKIN of Northwind Logistics Ltd was seen in Osaka.\n",
}


@pytest.fixture
def case(vault_dir: Path, tmp_path: Path) -> Iterator[dict[str, int]]:
    media = tmp_path / "media"
    media.mkdir()
    for name, text in FILES.items():
        (media / name).write_text(text, encoding="utf-8")
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        add_user(officer, SECOND, Role.OFFICER, SECOND_PASS)
        clearances.grant(officer, ANALYST, "特定秘密")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        imported = importing.import_paths(session, [media], pool_size=1).imported
        ids = {Path(r["path"]).name: int(r["id"]) for r in imported}
        fusion.create_case(session, "harbour")
        fusion.add_to_case(session, "harbour", list(ids.values()))
        assessments.assess(session, "harbour", "HIDDENJUDGEMENT: the meeting was arranged from abroad.", "likely",
                           "moderate", [ids["sds.txt"]])
        assessments.assess(session, "harbour", "Northwind hosts the visits.", "likely", "low", [ids["c.txt"]])
    yield ids


def analyst(vault_dir: Path) -> Session:
    return unlock(vault_dir, ANALYST, ANALYST_PASS)


def test_composed_products_are_marked_by_part_and_a_tearline_holds_only_what_its_line_allows(
        vault_dir: Path, case: dict[str, int]) -> None:
    with analyst(vault_dir) as session:
        full = briefings.compose(session, "harbour", summary="FULLSUMMARY of everything")
        assert full.marking == TS_SDS and {s.report_id: s.marking for s in full.sources}[case["c.txt"]] == \
            Marking(Level.CONFIDENTIAL)
        sorokin = next(e for e in full.entities if "SOROKIN" in e.name)
        assert sorokin.marking == TS_SDS and set(sorokin.reports) == set(case.values())
        with pytest.raises(BadInput, match="its own summary"):
            briefings.compose(session, "harbour", tearline=Tearline(Level.SECRET))
        line = briefings.tearline_of(session, Level.SECRET, ["sds"])  # any name the vault knows the caveat by
        assert line == Tearline(Level.SECRET, frozenset({"特定秘密"}))
        with pytest.raises(BadInput, match="no caveat named"):
            briefings.tearline_of(session, Level.SECRET, ["NO-SUCH-THING"])
        cut = briefings.compose(session, "harbour", summary="FULLSUMMARY of everything", tearline=line,
                                tearline_summary="For the ministry.")
        assert cut.tearline == "SECRET" and cut.summary == "" and cut.shown_summary == "For the ministry."
        assert {s.report_id for s in cut.sources} == {case["s.txt"], case["c.txt"]}
        assert [j.text for j in cut.judgements] == ["Northwind hosts the visits."]
        assert cut.marking == S and next(e for e in cut.entities if "SOROKIN" in e.name).marking == S
        text = json.dumps(cut.to_json(), ensure_ascii=False) + briefings.bundle_name(cut)
        for hidden in ("CANARYHIDDEN", "HIDDENJUDGEMENT", "FULLSUMMARY", "Quay", "特定秘密", "TOP SECRET"):
            assert hidden not in text
        at_u = briefings.compose(session, "harbour", tearline=Tearline(Level.CONFIDENTIAL, frozenset({"特定秘密"})),
                                 tearline_summary="x", report_ids=[case["s.txt"]])
        assert [s.report_id for s in at_u.sources] == [case["c.txt"]]  # the kept judgement brings its report
        with pytest.raises(BadInput, match="nothing in case"):
            briefings.compose(session, "harbour", tearline=Tearline(Level.UNCLASSIFIED), tearline_summary="x")


def test_each_version_is_its_own_review_and_the_reviewer_must_be_cleared(vault_dir: Path,
                                                                        case: dict[str, int]) -> None:
    with analyst(vault_dir) as session:
        full = briefings.compose(session, "harbour", summary="All of it.")
        cut = briefings.compose(session, "harbour", tearline=Tearline(Level.SECRET, frozenset({"特定秘密"})),
                                tearline_summary="For the ministry.")
        first, second = briefings.brief(session, full, None), briefings.brief(session, cut, None)
        assert first.status == second.status == "queued" and first.request_id != second.request_id
        assert second.to_json()["marking"] == "SECRET / 秘" and second.to_json()["tearline"] == "SECRET"
        assert briefings.brief(session, cut, None).status == "pending"  # the same version: the same request
    assert first.request_id is not None and second.request_id is not None
    with unlock(vault_dir, SECOND, SECOND_PASS) as otto:  # cleared TOP SECRET, but without 特定秘密
        with pytest.raises(PermissionRefused, match="does not cover"):
            briefings.release_preview(otto, first.request_id)
        last = audit_log.last(otto.db)
        assert last is not None and last.action == "release.view" and last.outcome == "refused"
        with pytest.raises(PermissionRefused):
            briefings.approve(otto, first.request_id)
        versions = briefings.release_versions(otto, second.request_id)
        assert [(v.request.id, v.briefing is None) for v in versions] == [(second.request_id, False),
                                                                         (first.request_id, True)]
        assert versions[1].label == "withheld (not cleared)"
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as olive:
        clearances.grant(olive, SECOND, "特定秘密")
    with unlock(vault_dir, SECOND, SECOND_PASS) as otto:
        versions = briefings.release_versions(otto, second.request_id)
        assert [v.label for v in versions] == ["full product", "tearline at SECRET"]
        assert versions[0].briefing == briefings.release_preview(otto, first.request_id)[1]
        briefings.approve(otto, second.request_id)  # the tearline version alone
        assert briefings.release_requests(otto) == [r for r in briefings.release_requests(otto)
                                                    if r.id == first.request_id]
    with analyst(vault_dir) as session:
        out = vault_dir.parent / "cut.nia"
        assert briefings.brief(session, cut, out).status == "exported" and out.exists()
        assert briefings.brief(session, full, None).status == "pending"
