"""The link chart as a briefing's annex (core/briefing/chart_annex.py, chart_figure.py): on a hand-made product
an entity named only in a report left out is absent, a link whose only evidence is outside is absent, weights
count the product's reports alone, and the marking is the combination of the reports drawn (and, for the
analyst's saved arrangement, every included report's); the figure's labels never collide; the annex is in the
JSON, the HTML and the PDF only when asked for (a briefing without one keeps its bytes)."""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from nia_desktop.core.briefing import chart_annex, chart_figure
from nia_desktop.core.briefing.content import Briefing, EntityLine
from nia_desktop.core.briefing.figures import Circle, Label, Polygon
from nia_desktop.core.briefing.html_render import render_html
from nia_desktop.core.briefing.pdf_render import render_pdf
from nia_desktop.core.classification import Level
from nia_desktop.core.markings import Caveat, CaveatKind, Marking, combine
from tests.unit.briefing.test_briefing import briefing

S_REL = Marking.of(Level.SECRET, [Caveat("REL TO GBR, USA", CaveatKind.RELEASE)])
C_REL = Marking.of(Level.CONFIDENTIAL, [Caveat("REL TO USA", CaveatKind.RELEASE)])
TS = Marking(Level.TOP_SECRET)
IN = {1: S_REL, 2: C_REL}  # the product's reports; report 3 (TOP SECRET) is left out of it
ENTITIES = [EntityLine("ALPHA Ivan", "person", ["Ivan Alpha"], [], [1, 3]),
            EntityLine("Bravo Shipping", "organization", [], [], [1, 2, 3]),
            EntityLine("Moji Port", "location", [], [], [2, 3]),
            EntityLine("CANARY Hidden", "person", [], [], [3]),
            EntityLine("2026-01-01", "date", [], [], [1, 2])]


def _names(annex: chart_annex.ChartAnnex) -> dict[str, chart_annex.AnnexNode]:
    return {n.name: n for n in annex.nodes}


def _pairs(annex: chart_annex.ChartAnnex) -> dict[frozenset[str], list[int]]:
    return {frozenset((annex.nodes[x.a].name, annex.nodes[x.b].name)): x.reports for x in annex.links}


def test_only_what_the_products_reports_support() -> None:
    annex = chart_annex.build(ENTITIES, IN)
    nodes = _names(annex)
    assert set(nodes) == {"ALPHA Ivan", "Bravo Shipping", "Moji Port"}  # CANARY only in report 3; dates are no node
    assert nodes["ALPHA Ivan"].reports == [1] and nodes["Bravo Shipping"].reports == [1, 2]
    assert _pairs(annex) == {frozenset({"ALPHA Ivan", "Bravo Shipping"}): [1],  # 2 over the case, 1 here
                             frozenset({"Bravo Shipping", "Moji Port"}): [2]}  # ALPHA-Moji: only report 3
    assert [x.weight for x in annex.heaviest()] == [1, 1]
    assert nodes["ALPHA Ivan"].marking == S_REL and nodes["Moji Port"].marking == C_REL
    assert annex.marking == combine([S_REL, C_REL]) == Marking.of(Level.SECRET, [Caveat("REL TO USA",
                                                                                          CaveatKind.RELEASE)])
    assert not annex.saved and annex.offered == 3
    assert chart_annex.build(ENTITIES, IN) == annex  # laid out the same way every time
    assert chart_annex.ChartAnnex.from_json(annex.to_json()) == annex
    # Only the first report in the product: a lower marking, one node fewer, no link left.
    alone = chart_annex.build(ENTITIES, {2: C_REL})
    assert set(_names(alone)) == {"Bravo Shipping", "Moji Port"} and alone.marking == C_REL
    assert [x.reports for x in alone.links] == [[2]]


def test_a_saved_chart_keeps_its_entities_and_places_and_carries_every_included_report() -> None:
    saved = [chart_annex.SavedPlace("person", "Ivan Alpha", 10.0, 20.0),  # by an alias of the product's line
             chart_annex.SavedPlace("location", "Moji Port", -40.0, 5.0),
             chart_annex.SavedPlace("person", "CANARY Hidden", 0.0, 0.0),  # no product report names it
             chart_annex.SavedPlace("organization", "Moji Port", 3.0, 3.0)]  # wrong kind: not this entity
    included = combine([S_REL, C_REL, TS])
    annex = chart_annex.build(ENTITIES, IN, saved, included)
    nodes = _names(annex)
    assert set(nodes) == {"ALPHA Ivan", "Moji Port"} and annex.saved
    assert (nodes["ALPHA Ivan"].x, nodes["ALPHA Ivan"].y) == (10.0, 20.0)
    assert (nodes["Moji Port"].x, nodes["Moji Port"].y) == (-40.0, 5.0)
    assert annex.links == []  # no product report names both
    assert annex.marking == included  # the arrangement was made with every included report in view
    empty = chart_annex.build(ENTITIES, IN, [chart_annex.SavedPlace("person", "CANARY Hidden", 0, 0)], included)
    assert empty.nodes == [] and empty.marking == included
    assert "No entity of the saved chart" in render_html(Briefing.from_json({**briefing().to_json(),
                                                                             "chart": empty.to_json()}))


def test_the_figure_has_a_symbol_per_kind_a_legend_and_no_colliding_labels() -> None:
    crowd = [EntityLine(f"Entity number {i} with a long name", ("person", "organization", "location", "email")[i % 4],
                        [], [], [1, 2] if i % 3 else [1]) for i in range(80)]
    annex = chart_annex.build(crowd, IN)
    assert len(annex.nodes) == chart_annex.MAX_NODES and annex.offered == 80
    assert len(annex.links) == 60 * 59 // 2 and len(annex.heaviest(chart_annex.KEY_LINKS)) == 100
    assert annex.key_note() == "The 100 heaviest links of 1770; the figure draws them all."
    assert chart_annex.build(ENTITIES, IN).key_note() == ""
    drawn = chart_figure.figure(annex)
    labels = [s for s in drawn.shapes if isinstance(s, Label)]
    assert chart_figure.collisions(labels) == []
    assert "the 60 most reported of 80" in drawn.title and drawn.marking == annex.marking
    legend = {label.text for label in labels}
    assert {"person", "organization", "location", "email"} <= legend
    symbols = [s for s in drawn.shapes if isinstance(s, Circle | Polygon)]
    assert len(symbols) == len(annex.nodes) + 4  # one per node, one per kind in the legend
    assert sorted({len(s.points) for s in symbols if isinstance(s, Polygon)}) == [3, 4]  # triangle; square, diamond
    assert chart_figure.symbol("operation", 0, 0, 5) == chart_figure.symbol("operation", 0, 0, 5)
    named = [label for label in labels if label.text.startswith("Entity")]
    assert named and all(label.x >= 0 and label.x <= drawn.width for label in named)
    # A dense cluster: where a name does not fit, its number (or nothing), never an overlap.
    for spacing in (3.0, 20.0):
        dense = chart_annex.build(crowd, IN, [chart_annex.SavedPlace(e.kind, e.name, (i % 8) * spacing,
                                                                     (i // 8) * spacing) for i, e in enumerate(crowd)])
        dense_labels = [s for s in chart_figure.figure(dense).shapes if isinstance(s, Label)]
        assert chart_figure.collisions(dense_labels) == []
        assert 0 < sum(label.text.startswith("Entity") for label in dense_labels) < len(dense.nodes)
    assert any(label.text.isdigit() for label in dense_labels)


def test_the_annex_travels_in_the_json_and_is_drawn_in_the_html_and_pdf() -> None:
    plain = briefing()
    assert "chart" not in plain.to_json()
    assert Briefing.from_json(plain.to_json()).digest() == plain.digest()
    annex = chart_annex.build([EntityLine("山田太郎", "person", [], [], [1, 2]),
                               EntityLine("Sakura Media", "organization", [], [], [2, 3]),
                               EntityLine("CANARY Hidden", "person", [], [], [99])],
                              {s.report_id: s.portion for s in plain.sources})
    annexed = Briefing.from_json({**plain.to_json(), "chart": annex.to_json()})
    assert annexed.chart == annex and Briefing.from_json(annexed.to_json()) == annexed
    assert annexed.marking == plain.marking  # drawn from the product's own reports: the banner is unchanged
    assert annexed.digest() != plain.digest()
    html = render_html(annexed)
    assert "Annex: link chart" in html and "<polygon" in html and "CANARY" not in html
    assert f'<figcaption><span class="portion">{annex.marking.portion_mark()}</span> Link chart' in html
    assert [n.name for n in annex.nodes] == ["Sakura Media", "山田太郎"]  # most reported, then by name
    assert '<span class="portion">(S)</span> </td><td>2</td><td>山田太郎</td>' in html  # reports 1 (C) and 2 (S)
    assert '<span class="portion">(S)</span> </td><td>1 Sakura Media — 2 山田太郎</td><td>1</td><td>#2</td>' in html
    assert "Annex" not in render_html(plain)
    pdf = pdfium.PdfDocument(render_pdf(annexed))
    pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    text = "".join(pages)
    assert "Annex: link chart" in text and f"{annex.marking.portion_mark()} Link chart" in text
    assert "山田太郎" in text and "Sakura Media" in text and "CANARY" not in text
    assert all(page.count(plain.marking.banner()) >= 2 for page in pages)  # banner top and bottom on every page


def test_no_two_labels_overlap_in_the_pdf_as_drawn() -> None:
    """Measured in the PDF itself (pdfium's bounds of each text object set at the labels' size): wide capitals,
    crowded or spread, no label touches another."""
    plain = briefing()
    crowd = [EntityLine(f"ENTITY NUMBER {i} WWW", ("person", "organization", "location", "email")[i % 4], [], [],
                        [1, 2] if i % 3 else [1]) for i in range(80)]
    marks = {s.report_id: s.portion for s in plain.sources}
    for spacing in (None, 20.0, 45.0):
        saved = None if spacing is None else [chart_annex.SavedPlace(e.kind, e.name, (i % 8) * spacing,
                                                                     (i // 8) * spacing) for i, e in enumerate(crowd)]
        annex = chart_annex.build(crowd, marks, saved)
        pdf = pdfium.PdfDocument(render_pdf(Briefing.from_json({**plain.to_json(), "chart": annex.to_json()})))
        page = next(pdf[i] for i in range(len(pdf)) if "Link chart: entities" in pdf[i].get_textpage().get_text_range())
        texts = page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT])
        boxes = [o.get_bounds() for o in texts if o.get_font_size() < 7.6]
        assert len(boxes) > 30, spacing  # the labels and the legend
        touching = [(a, b) for n, a in enumerate(boxes) for b in boxes[n + 1:]
                    if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]
        assert touching == [], spacing


def test_selector_kinds_share_one_legend_entry_as_they_share_one_symbol() -> None:
    lines = [EntityLine(f"x{i}", kind, [], [], [1, 2]) for i, kind in
             enumerate(["person", "email", "domain", "phone", "social_handle"])]
    labels = {s.text for s in chart_figure.figure(chart_annex.build(lines, IN)).shapes if isinstance(s, Label)}
    assert "selector (domain, email, phone, social handle)" in labels and "person" in labels
    assert not {"email", "domain", "phone", "social handle"} & labels
    one = {s.text for s in chart_figure.figure(chart_annex.build(lines[:2], IN)).shapes if isinstance(s, Label)}
    assert "email" in one  # a single selector kind is named as itself


def test_the_most_reported_entity_is_named_in_the_middle_of_a_crowd() -> None:
    """Its nearest places are taken by the symbols around it: a corner or a place one line further out is tried
    before it falls back to its number."""
    crowd = [EntityLine("Kestrel Bay Trading Co.", "organization", [], [], [1, 2])] + [
        EntityLine(f"E{i}", "person", [], [], [1]) for i in range(8)]
    around = [(0.0, 0.0)] + [(dx * 11.0, dy * 11.0) for dx, dy in
                             ((-1, -1), (0, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (0, 1), (1, 1))]
    saved = [chart_annex.SavedPlace(e.kind, e.name, x, y) for e, (x, y) in zip(crowd, around, strict=True)]
    drawn = chart_figure.figure(chart_annex.build(crowd, IN, saved))
    labels = [s for s in drawn.shapes if isinstance(s, Label)]
    assert chart_figure.collisions(labels) == []
    assert any(label.text == "Kestrel Bay Trading Co." for label in labels)
