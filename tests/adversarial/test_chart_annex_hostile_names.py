"""A hostile report against the briefing's link chart annex: entity names thousands of characters long (a URL,
an organisation's name) made the PDF's tables refuse a row taller than a page, so every briefing of the case
failed to render (the entity table, and the annex's key and links, with --chart-annex); names with bidi and
control characters are escaped in the figure. The product still renders, signs and keeps its marking."""

from __future__ import annotations

from pathlib import Path

from nia_desktop.core.briefing import chart_figure
from nia_desktop.core.briefing.figures import Label
from nia_desktop.services import briefings, fusion, importing, reports
from nia_desktop.services.session import unlock
from tests.conftest import ANALYST, ANALYST_PASS

LONG_URL = "https://harbour.example/" + "p" * 5000
LONG_ORG = " ".join(["Kestrel"] * 3) + " " + "Ab" * 2000 + " Ltd."


def test_a_five_thousand_character_name_does_not_stop_the_briefing(vault_dir: Path, tmp_path: Path) -> None:
    media = tmp_path / "media"
    media.mkdir()
    body = (f"Contact alpha@harbour.example used {LONG_URL} and met {LONG_ORG} in Osaka. "
            "Contact bravo@harbour.example met A\u202eLIVE\u202c Trading Co. in Kobe.")
    (media / "u1.txt").write_text(f"CLASSIFICATION: UNCLASSIFIED\nSubject: u1\n\n{body}\n", encoding="utf-8")
    (media / "u2.txt").write_text("CLASSIFICATION: UNCLASSIFIED\nSubject: u2\n\nContact alpha@harbour.example "
                                  f"and bravo@harbour.example used {LONG_URL}.\n", encoding="utf-8")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        importing.import_paths(anna, [media], pool_size=1)
        fusion.create_case(anna, "Hostile")
        fusion.add_to_case(anna, "Hostile", [r.id for r in reports.list_reports(anna)])
        product = briefings.compose(anna, "Hostile", chart_annex=True)
        chart = product.chart
        assert chart is not None
        assert any(len(n.name) > 4000 for n in chart.nodes), [len(n.name) for n in chart.nodes]
        files = {p.name: p.data for p in briefings.rendered(product)}  # raised ValueError (row too high)
        assert (files["briefing.pdf"] or b"").startswith(b"%PDF")
        labels = [s.text for s in chart_figure.figure(chart).shapes if isinstance(s, Label)]
        assert all(len(t) <= chart_figure.NAME_LIMIT for t in labels if not t.startswith(("line:", "selector")))
        assert not any(ch in t for t in labels for ch in "\u202e\u202c")
        plain = briefings.compose(anna, "Hostile")
        assert {p.name for p in briefings.rendered(plain)} == set(files)  # the entity table alone raised too
