"""The ACH matrix as a briefing's annex: portion-marked rows, each hypothesis with its own portion mark and only
those within the product, scores from the annexed rows and hypotheses alone, absent from a briefing that does
not ask for it (its bytes unchanged), refused below a tearline; rendered in the HTML and the PDF."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from nia_desktop.core.ach import Rating
from nia_desktop.core.briefing import ach_annex
from nia_desktop.core.briefing.content import Briefing
from nia_desktop.core.briefing.html_render import render_html
from nia_desktop.core.briefing.pdf_render import render_pdf
from nia_desktop.core.classification import Level
from nia_desktop.core.errors import BadInput
from nia_desktop.core.markings import Marking, Tearline
from nia_desktop.services import ach, briefings, fusion
from nia_desktop.services.session import unlock
from tests.conftest import ANALYST, ANALYST_PASS
from tests.unit.briefing.test_briefing import briefing
from tests.unit.test_ach_service import CASE, _lowered, built  # noqa: F401 (the fixture)

TS, C = Marking(Level.TOP_SECRET), Marking(Level.CONFIDENTIAL)


S = Marking(Level.SECRET)


def _annex() -> ach_annex.AchAnnex:
    cells = {(1, 10): Rating.CONSISTENT, (2, 10): Rating.VERY_INCONSISTENT, (1, 20): Rating.INCONSISTENT}
    return ach_annex.build([(1, "GRU directs it", S), (2, "A lone operator", C)],
                           [(10, "report", 7, "Quay meeting", TS), (20, "report", 8, "Dock note", C)], cells)


def test_the_annex_is_scored_and_marked_from_its_rows() -> None:
    annex = _annex()
    assert [(h.score, h.rank) for h in annex.hypotheses] == [(1, 1), (2, 2)]
    assert [i.ratings for i in annex.items] == [["C", "II"], ["I", ""]]
    assert [i.diagnosticity for i in annex.items] == [3, 1]
    assert annex.hypotheses_marking.level is Level.TOP_SECRET  # the scores rest on the TS row
    assert [annex.portion(h) for h in annex.hypotheses] == [S, C]  # each hypothesis its own mark
    # The scores carry the rows' and the hypotheses' markings, even above the rows'.
    lower = ach_annex.build([(1, "GRU directs it", S)], [(20, "report", 8, "Dock note", C)], {})
    assert lower.hypotheses_marking.level is Level.SECRET and lower.items[0].marking == C
    assert ach_annex.AchAnnex.from_json(lower.to_json()) == lower
    # An annex made before hypotheses were marked: read as it was, its JSON (and so its digest) unchanged.
    older = {**lower.to_json(), "hypotheses": [{"id": 1, "text": "GRU directs it", "score": 0, "rank": 1}]}
    read = ach_annex.AchAnnex.from_json(older)
    assert read.hypotheses[0].marking is None and read.portion(read.hypotheses[0]) == read.hypotheses_marking
    assert read.to_json() == older
    plain = briefing()
    assert plain.classification is Level.SECRET and "ach" not in plain.to_json()
    annexed = Briefing.from_json({**plain.to_json(), "ach": annex.to_json()})
    assert annexed.classification is Level.TOP_SECRET  # the banner covers the annex's portions
    assert Briefing.from_json(annexed.to_json()) == annexed and annexed.ach == annex
    assert Briefing.from_json(plain.to_json()).digest() == plain.digest()  # no annex: the same bytes as before
    html = render_html(annexed)
    assert "Annex: analysis of competing hypotheses" in html
    assert '<span class="portion">(TS)</span> </td><td>E10</td>' in html
    assert '<span class="portion">(C)</span> </td><td>E20</td>' in html
    assert '<span class="portion">(S)</span> H1: GRU directs it' in html
    assert '<span class="portion">(C)</span> H2: A lone operator' in html
    assert "Annex" not in render_html(plain)
    pdf = pdfium.PdfDocument(render_pdf(annexed))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "Annex: analysis of competing hypotheses" in text and "(S) H1: GRU directs it" in text
    assert "(C) H2: A lone operator" in text


def test_compose_annexes_only_the_items_on_the_products_reports(vault_dir: Path,
                                                                built: dict[str, int]) -> None:  # noqa: F811
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        whole = briefings.compose(anna, CASE, ach_annex=True)
        assert whole.ach is not None and [i.evidence for i in whole.ach.items] == [built[k] for k in
                                                                                 ("ts", "s", "c", "a")]
        assert whole.classification is Level.TOP_SECRET
        assert [(h.score, h.rank) for h in whole.ach.hypotheses] == [(2, 2), (1, 1)]
        part = briefings.compose(anna, CASE, report_ids=[built["dih-s.txt"], built["npa-c.txt"]], ach_annex=True)
        assert part.ach is not None and built["ts"] not in [i.evidence for i in part.ach.items]
        assert [(h.score, h.rank) for h in part.ach.hypotheses] == [(0, 1), (1, 2)]  # scored without the TS item
        assert part.classification is Level.SECRET and "CANARY-ONE" not in render_html(part)
        assert part.ach.hypotheses_marking == part.summary_marking
        assert briefings.compose(anna, CASE).ach is None
        with pytest.raises(BadInput, match="tearline"):
            briefings.compose(anna, CASE, tearline=Tearline(Level.SECRET), tearline_summary="below", ach_annex=True)
    for lowered in _lowered(vault_dir):
        seen = briefings.compose(lowered, CASE, ach_annex=True)
        assert seen.ach is not None and built["ts"] not in [i.evidence for i in seen.ach.items]
        assert seen.classification is Level.SECRET
    # A case without hypotheses has no annex to give.
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        fusion.create_case(anna, "Empty")
        fusion.add_to_case(anna, "Empty", [built["npa-c.txt"]])
        with pytest.raises(BadInput, match="no hypotheses"):
            briefings.compose(anna, "Empty", ach_annex=True)
        assert ach.matrix(anna, "Empty").hypotheses == []
