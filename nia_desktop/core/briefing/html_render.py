"""The briefing as one self-contained HTML file: no scripts, no external links, figures as inline SVG.

The banner (top and bottom) is the combined marking; every paragraph, key
judgement, table row and figure caption starts with its own portion mark.
"""

from __future__ import annotations

from html import escape

from nia_desktop.core.briefing.ach_annex import SHOWN, AchAnnex
from nia_desktop.core.briefing.chart_annex import KEY_LINKS, ChartAnnex
from nia_desktop.core.briefing.chart_figure import figure as chart_figure
from nia_desktop.core.briefing.content import Briefing
from nia_desktop.core.briefing.figures import Circle, Figure, Label, Line, Polygon, link_graph, timeline
from nia_desktop.core.classification import Level
from nia_desktop.core.markings import Marking

BANNER_COLOURS = {Level.UNCLASSIFIED: "#2e7d32", Level.CONFIDENTIAL: "#1f4e79", Level.SECRET: "#b71c1c",
                  Level.TOP_SECRET: "#e65100"}

_STYLE = """
body{font-family:"IPAexGothic","Noto Sans CJK JP",sans-serif;margin:0;color:#222;line-height:1.5}
main{max-width:52rem;margin:0 auto;padding:1rem 2rem}
.banner{color:#fff;text-align:center;font-weight:bold;padding:.3rem;letter-spacing:.05em}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}
th{background:#eee}.meta{color:#555}figure{margin:1rem 0}figcaption{font-weight:bold}
.portion{font-weight:bold;white-space:nowrap}
"""


def svg(figure: Figure) -> str:
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{figure.width:.0f}" height="{figure.height:.0f}" '
             f'viewBox="0 0 {figure.width:.0f} {figure.height:.0f}" role="img" aria-label="{escape(figure.title)}">']
    for shape in figure.shapes:
        if isinstance(shape, Line):
            parts.append(f'<line x1="{shape.x1:.1f}" y1="{shape.y1:.1f}" x2="{shape.x2:.1f}" y2="{shape.y2:.1f}" '
                         f'stroke="{shape.colour}" stroke-width="{shape.width:.2f}"/>')
        elif isinstance(shape, Circle):
            parts.append(f'<circle cx="{shape.x:.1f}" cy="{shape.y:.1f}" r="{shape.r:.1f}" fill="{shape.colour}"/>')
        elif isinstance(shape, Polygon):
            points = " ".join(f"{x:.1f},{y:.1f}" for x, y in shape.points)
            parts.append(f'<polygon points="{points}" fill="{shape.colour}"/>')
        elif isinstance(shape, Label):
            parts.append(f'<text x="{shape.x:.1f}" y="{shape.y:.1f}" font-size="{shape.size:.1f}" '
                         f'text-anchor="{shape.anchor}" fill="{shape.colour}">{escape(shape.text)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def mark(marking: Marking | None) -> str:
    """A portion mark as the HTML shows it, before the portion's text."""
    return f'<span class="portion">{escape(marking.portion_mark())}</span> ' if marking is not None else ""


def annex_html(annex: AchAnnex | None) -> str:
    """The ACH annex: hypotheses (each with its own portion mark), then one marked row per item."""
    if annex is None:
        return ""
    marked = mark(annex.hypotheses_marking)
    hypotheses = "".join(f"<li>{mark(annex.portion(h))}H{h.id}: {escape(h.text)} <span class=\"meta\">"
                         f"(inconsistency {h.score}, rank {h.rank})</span></li>" for h in annex.hypotheses)
    heads = "".join(f"<th>H{h.id}</th>" for h in annex.hypotheses)
    rows = "".join(
        f"<tr><td>{mark(i.marking)}</td><td>E{i.evidence}</td><td>{escape(i.kind)} #{i.source}</td>"
        f"<td>{escape(i.label)}</td>" + "".join(f"<td>{SHOWN.get(r, '')}</td>" for r in i.ratings)
        + f"<td>{i.diagnosticity}</td></tr>" for i in annex.items)
    scores = "".join(f"<td>{h.score}</td>" for h in annex.hypotheses)
    return ("<h2>Annex: analysis of competing hypotheses</h2><p class=\"meta\">Each cell: CC very consistent, "
            "C consistent, N/A not applicable, I inconsistent, II very inconsistent. Inconsistency counts I as 1 "
            "and II as 2 (lower is more likely); diagnosticity is the spread of an item's ratings.</p>"
            f"<ol>{hypotheses}</ol><table><tr><th>Marking</th><th>Item</th><th>Source</th><th>Evidence</th>{heads}"
            f"<th>Diagnosticity</th></tr>{rows}<tr><td>{marked}</td><td></td><td></td><td>Inconsistency</td>"
            f"{scores}<td></td></tr></table>")


def chart_annex_html(annex: ChartAnnex | None) -> str:
    """The link chart annex: the figure (marked with everything it draws), then a marked key row per entity and
    per link, each with the product's reports it rests on."""
    if annex is None:
        return ""
    drawn = chart_figure(annex)
    keys = "".join(f"<tr><td>{mark(n.marking)}</td><td>{i}</td><td>{escape(n.name)}</td><td>{escape(n.kind)}</td>"
                   f"<td>{escape(', '.join(f'#{r}' for r in n.reports))}</td></tr>"
                   for i, n in enumerate(annex.nodes, 1))
    links = "".join(f"<tr><td>{mark(x.marking)}</td><td>{x.a + 1} {escape(annex.nodes[x.a].name)} — {x.b + 1} "
                    f"{escape(annex.nodes[x.b].name)}</td><td>{x.weight}</td>"
                    f"<td>{escape(', '.join(f'#{r}' for r in x.reports))}</td></tr>"
                    for x in annex.heaviest(KEY_LINKS))
    return ("<h2>Annex: link chart</h2><p class=\"meta\">Only entities named in the included reports, linked "
            "where those reports name both; a link's weight counts those reports alone.</p>"
            f"<figure><figcaption>{mark(drawn.marking)}{escape(drawn.title)}</figcaption>{svg(drawn)}</figure>"
            "<table><tr><th>Marking</th><th>No.</th><th>Entity</th><th>Kind</th><th>Reports</th></tr>"
            f"{keys}</table>" + (
                "<table><tr><th>Marking</th><th>Link</th><th>Weight</th><th>Reports naming both</th></tr>"
                f"{links}</table><p class=\"meta\">{escape(annex.key_note())}</p>" if annex.links
                else "<p>No links among these entities.</p>"))


def render_html(briefing: Briefing) -> str:
    banner_marking = briefing.marking
    banner = (f'<div class="banner" style="background:{BANNER_COLOURS[banner_marking.level]}">'
              f"{escape(banner_marking.banner())}</div>")
    grading = {s.report_id: s.grading for s in briefing.sources}
    rows = []
    for j in briefing.judgements:
        cited = ", ".join(f"#{r}" + (f" ({grading[r]})" if grading.get(r) else "") for r in j.reports)
        rows.append(f"<li><p>{mark(j.marking)}{escape(j.text)}</p><p class=\"meta\">{escape(j.likelihood)}; "
                    f"{escape(j.confidence)} confidence; sources: {escape(cited or 'none cited')}</p></li>")
    judgements = f"<ol>{''.join(rows)}</ol>" if rows else "<p>No key judgements recorded for this case.</p>"
    entity_rows = "".join(
        f"<tr><td>{mark(e.marking)}</td><td>{escape(e.name)}</td><td>{escape(e.kind)}</td>"
        f"<td>{escape(', '.join(e.aliases))}</td><td>{escape(', '.join(e.agencies))}</td>"
        f"<td>{escape(', '.join(f'#{r}' for r in e.reports))}</td></tr>"
        for e in briefing.entities)
    source_rows = "".join(
        f"<tr><td>{mark(s.marking)}</td><td>#{s.report_id}</td><td>{escape(s.title)}</td><td>{escape(s.agency)}</td>"
        f"<td>{escape(s.date)}</td><td>{escape(s.grading or '—')}</td></tr>"
        for s in briefing.sources)
    figures = "".join(f"<figure><figcaption>{mark(f.marking)}{escape(f.title)}</figcaption>{svg(f)}</figure>"
                      for f in (link_graph(briefing), timeline(briefing)))
    summary = briefing.shown_summary
    return (
        "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>{escape(banner_marking.level.english)}: {escape(briefing.title)}</title><style>{_STYLE}</style>"
        f"</head><body>{banner}<main><h1>{mark(briefing.summary_marking)}{escape(briefing.title)}</h1>"
        f"<p class=\"meta\">Case {escape(briefing.case)} · prepared by {escape(briefing.author)} · "
        f"{escape(briefing.created)} · classification {escape(banner_marking.banner())}</p>"
        f"<h2>Summary</h2><p>{mark(briefing.summary_marking)}{escape(summary) or 'No summary.'}</p>"
        f"<h2>Key judgements</h2>{judgements}{figures}"
        "<h2>Entities</h2><table><tr><th>Marking</th><th>Entity</th><th>Kind</th><th>Also written</th>"
        f"<th>Agencies</th><th>Reports</th></tr>{entity_rows}</table>"
        "<h2>Sources</h2><table><tr><th>Marking</th><th>Report</th><th>Title</th><th>Agency</th><th>Date</th>"
        f"<th>Grading</th></tr>{source_rows}</table>{annex_html(briefing.ach)}{chart_annex_html(briefing.chart)}</main>{banner}</body></html>\n"
    )
