"""Briefing content and its three renderings: classification, selection, PDF banners, HTML escaping, STIX 2.1."""

from __future__ import annotations

import json

import pypdfium2 as pdfium
from stix2validator import ValidationOptions, validate_string

from nia_desktop.core.briefing.content import Briefing, EntityLine, KeyJudgement, Link, Source, required, select
from nia_desktop.core.briefing.figures import link_graph, timeline
from nia_desktop.core.briefing.html_render import render_html
from nia_desktop.core.briefing.pdf_render import render_pdf
from nia_desktop.core.briefing.stix_render import render_stix
from nia_desktop.core.classification import Level

AGENCIES = ["CIRO", "MOFA", "MOD", "NPA"]


def briefing(sources: int = 6, title: str = "選挙介入 / Election interference") -> Briefing:
    return Briefing(
        "harbour", title, "港湾施設への接近が続いている。The approaches continue.", "anna",
        "2026-11-26T05:30:00.000000Z",
        [KeyJudgement("The GRU likely directs the network.", "likely", "moderate", [1, 2])],
        [Source(i, f"Report {i} 報告", AGENCIES[i % 4], f"2026-0{1 + i % 9}-1{i % 9}", "B2",
                int(Level.SECRET) if i == 2 else int(Level.CONFIDENTIAL)) for i in range(1, sources + 1)],
        [EntityLine("山田太郎", "person", ["Taro Yamada"], ["CIRO", "NPA"], [1, 2], threat=True),
         EntityLine("Sakura Media", "organization", [], ["MOFA"], [3]),
         EntityLine("Operation Fuji", "operation", [], ["MOFA"], [3]),
         EntityLine("evil.example", "domain", [], ["NPA"], [4]),
         EntityLine("203.0.113.5", "ip", [], ["NPA"], [4]),
         EntityLine("2001:db8::5", "ip", [], ["NPA"], [4]),
         EntityLine("a@evil.example", "email", [], ["NPA"], [5]),
         EntityLine("http://evil.example/x?a='1'", "url", [], ["NPA"], [5]),
         EntityLine("x:sakura_news", "social_handle", [], ["MOFA"], [6]),
         EntityLine("+81312345678", "phone", [], ["NPA"], [6]),
         EntityLine("Kitakyushu", "location", [], ["NPA"], [1])],
        [Link(1, 2, 3.0, ["山田太郎"]), Link(3, 4, 1.0, ["evil.example"])])


def test_classification_is_the_highest_included_and_judgements_keep_their_sources() -> None:
    full = briefing()
    assert full.classification == Level.SECRET
    assert required(full) == {1, 2}
    lower = select(full, [3, 4])  # report 2 (SECRET) stays: the key judgement rests on it
    assert sorted(s.report_id for s in lower.sources) == [1, 2, 3, 4] and lower.classification == Level.SECRET
    assert [e.name for e in select(full, [1], ["山田太郎", "Sakura Media"]).entities] == ["山田太郎"]
    no_judgements = Briefing(full.case, full.title, "", "anna", full.created, [], full.sources, [], [])
    assert select(no_judgements, [3, 4]).classification == Level.CONFIDENTIAL
    later = Briefing(full.case, full.title, full.summary, full.author, "2026-11-27T00:00:00.000000Z",
                     full.judgements, full.sources, full.entities, full.links)
    assert later.content_digest() == full.content_digest() and later.digest() != full.digest()
    assert Briefing.from_json(json.loads(full.encode())) == full


def test_pdf_has_its_banner_top_and_bottom_and_numbers_on_every_page() -> None:
    pdf = pdfium.PdfDocument(render_pdf(briefing(sources=60)))
    assert len(pdf) >= 3
    for index in range(len(pdf)):
        page = pdf[index]
        text = page.get_textpage()
        width, height = page.get_size()
        assert "SECRET / 秘" in text.get_text_bounded(0, height - 30, width, height)
        assert "SECRET / 秘" in text.get_text_bounded(0, 0, width, 30)
        assert f"{index + 1} / {len(pdf)}" in text.get_text_bounded(0, 30, width, 70)
    assert "港湾施設への接近が続いている" in pdf[0].get_textpage().get_text_range()


def test_html_is_self_contained_and_escapes_everything() -> None:
    hostile = briefing(title='<script>alert(1)</script><img src="http://x/">')
    html = render_html(hostile)
    assert "<script" not in html and "<img" not in html and "&lt;script&gt;" in html
    assert "http://x/" not in html.replace("http://x/&quot;", "")  # only as escaped text
    assert html.count("SECRET / 秘") >= 2 and "default-src 'none'" in html
    assert html.count("<svg") == 2


def test_stix_bundle_validates_without_warnings_and_marks_every_object() -> None:
    text = render_stix(briefing())
    results = validate_string(text, ValidationOptions(version="2.1"))
    assert results.is_valid, results.as_dict()
    assert not results.warnings, results.as_dict()
    objects = json.loads(text)["objects"]
    kinds = {o["type"] for o in objects}
    assert {"report", "identity", "threat-actor", "campaign", "indicator", "observed-data", "ipv4-addr", "ipv6-addr",
            "domain-name", "url", "email-addr", "user-account", "marking-definition", "note"} <= kinds
    definitions = {o["id"]: o["definition"]["statement"] for o in objects if o["type"] == "marking-definition"}
    report = next(o for o in objects if o["type"] == "report")
    assert "SECRET / 秘" in definitions[report["object_marking_refs"][0]]  # the banner on the report
    listed = set(report["object_refs"])
    assert all(o["id"] in listed for o in objects if o["type"] not in ("report", "marking-definition"))
    # Every object carries the marking of its own portion: entity lines at their reports' (CONFIDENTIAL here,
    # but SECRET for the one seen in report 2), the key judgement at its cited reports' (SECRET).
    marked = [o for o in objects if o["type"] not in ("marking-definition",) and o["id"] != report["id"]
              and o.get("name") != "National Intelligence Agency (Japan)"]
    assert marked and all(len(o["object_marking_refs"]) == 1 and o["object_marking_refs"][0] in definitions
                          for o in marked)
    threat = next(o for o in objects if o["type"] == "threat-actor")
    assert threat["name"] == "山田太郎" and threat["aliases"] == ["Taro Yamada"]
    assert "SECRET / 秘" in definitions[threat["object_marking_refs"][0]]
    domain = next(o for o in objects if o["type"] == "domain-name")
    assert "CONFIDENTIAL" in definitions[domain["object_marking_refs"][0]]
    note = next(o for o in objects if o["type"] == "note")
    assert "The GRU" in note["content"] and "SECRET / 秘" in definitions[note["object_marking_refs"][0]]


def test_figures_place_every_report_and_handle_empty_cases() -> None:
    graph = link_graph(briefing())
    assert sum(1 for s in graph.shapes if type(s).__name__ == "Circle") == 6
    empty = Briefing("c", "t", "", "a", "2026-01-01T00:00:00Z", [], [], [], [])
    assert any("No links" in getattr(s, "text", "") for s in link_graph(empty).shapes)
    assert any("No dated" in getattr(s, "text", "") for s in timeline(empty).shapes)
    render_pdf(empty)  # an empty briefing still renders
