"""The briefing as a PDF (fpdf2): the combined marking as a banner at the top and bottom of every page, a
portion mark before every paragraph, key judgement, table row and figure, page numbers, Japanese set in the
IPAex Gothic font shipped in resources/fonts (embedded as a subset).

The document's metadata says only what the briefing itself shows (its title, its
banner): a tearline version's file names nothing from above its line.

fpdf2 is pure Python, so the PDF is made the same way by the CLI, the desktop and a
test, with no display and no Qt in the core.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from nia_desktop.core.briefing.ach_annex import SHOWN, AchAnnex
from nia_desktop.core.briefing.chart_annex import KEY_LINKS, ChartAnnex
from nia_desktop.core.briefing.chart_figure import figure as chart_figure
from nia_desktop.core.briefing.content import Briefing
from nia_desktop.core.briefing.figures import Circle, Figure, Label, Line, Polygon, link_graph, timeline
from nia_desktop.core.briefing.html_render import BANNER_COLOURS
from nia_desktop.core.markings import Marking
from nia_desktop.core.resources import resources_root

FONT = "IPAexGothic"
BANNER_HEIGHT = 9.0  # mm
MARGIN = 15.0


def font_path() -> str:
    return str(resources_root() / "fonts" / "ipaexg.ttf")


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


class _BriefingPdf(FPDF):
    def __init__(self, marking: Marking, title: str) -> None:
        super().__init__(format="A4")
        self.marking = marking
        self.add_font(FONT, fname=font_path())
        self.set_title(title)
        self.set_subject(marking.banner())
        self.set_keywords(marking.portion_mark())
        self.set_creator("NIA Desktop")
        self.set_producer("NIA Desktop")
        self.set_margins(MARGIN, MARGIN + BANNER_HEIGHT + 4, MARGIN)
        self.set_auto_page_break(True, margin=BANNER_HEIGHT + 14)

    def _banner(self, y: float) -> None:
        self.set_fill_color(*_rgb(BANNER_COLOURS[self.marking.level]))
        self.rect(0, y, self.w, BANNER_HEIGHT, style="F")
        self.set_text_color(255, 255, 255)
        text = self.marking.banner()
        size = 11.0
        self.set_font(FONT, size=size)
        while size > 6 and self.get_string_width(text) > self.w - 8:
            size -= 0.5
            self.set_font(FONT, size=size)
        self.set_xy(0, y)
        self.cell(self.w, BANNER_HEIGHT, text, align="C")
        self.set_text_color(34, 34, 34)

    def header(self) -> None:
        self._banner(0)
        self.set_xy(MARGIN, MARGIN + BANNER_HEIGHT + 4)

    def footer(self) -> None:
        self.set_font(FONT, size=8)
        self.set_text_color(85, 85, 85)
        self.set_xy(MARGIN, self.h - BANNER_HEIGHT - 8)
        self.cell(self.w - 2 * MARGIN, 5, f"{self.page_no()} / {{nb}}", align="C")
        self._banner(self.h - BANNER_HEIGHT)


def _composed(created: str) -> datetime:
    try:
        when = datetime.fromisoformat(created.replace("Z", "+00:00"))
    except ValueError:
        return datetime(1970, 1, 1, tzinfo=UTC)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def render_pdf(briefing: Briefing) -> bytes:
    """The same bytes for the same briefing (dated when it was composed): a release approval names this file's
    SHA-256, and the export renders it again."""
    pdf = _BriefingPdf(briefing.marking, briefing.title)
    pdf.set_creation_date(_composed(briefing.created))
    pdf.add_page()
    width = pdf.w - 2 * MARGIN
    pdf.set_font(FONT, size=18)
    pdf.multi_cell(width, 9, f"{_mark(briefing.summary_marking)}{briefing.title}", align="L", new_x=XPos.LMARGIN,
                   new_y=YPos.NEXT)
    pdf.set_font(FONT, size=9)
    pdf.set_text_color(85, 85, 85)
    pdf.multi_cell(width, 5, f"Case {briefing.case} · prepared by {briefing.author} · {briefing.created}",
                   align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(34, 34, 34)
    _heading(pdf, "Summary")
    _paragraph(pdf, _mark(briefing.summary_marking) + (briefing.shown_summary or "No summary."))
    _heading(pdf, "Key judgements")
    if not briefing.judgements:
        _paragraph(pdf, "No key judgements recorded for this case.")
    grading = {s.report_id: s.grading for s in briefing.sources}
    for n, judgement in enumerate(briefing.judgements, 1):
        _paragraph(pdf, f"{n}. {_mark(judgement.marking)}{judgement.text}")
        cited = ", ".join(f"#{r}" + (f" ({grading[r]})" if grading.get(r) else "") for r in judgement.reports)
        _paragraph(pdf, f"{judgement.likelihood}; {judgement.confidence} confidence; sources: {cited or 'none cited'}",
                   size=8.5, grey=True)
    for figure in (link_graph(briefing), timeline(briefing)):
        _figure(pdf, figure, width)
    _heading(pdf, "Entities")
    _table(pdf, ["", "Entity", "Kind", "Agencies", "Reports"], [
        [_mark(e.marking).strip(), e.name + (f" ({', '.join(e.aliases[:3])})" if e.aliases else ""), e.kind,
         ", ".join(e.agencies), ", ".join(f"#{r}" for r in e.reports[:12])] for e in briefing.entities],
        (14, 40, 14, 18, 18))
    _heading(pdf, "Sources")
    _table(pdf, ["", "Report", "Title", "Agency", "Date", "Grading"], [
        [_mark(s.marking).strip(), f"#{s.report_id}", s.title, s.agency, s.date, s.grading or "—"]
        for s in briefing.sources], (14, 8, 46, 10, 13, 9))
    if briefing.ach is not None:
        _annex(pdf, briefing.ach)
    if briefing.chart is not None:
        _chart_annex(pdf, briefing.chart, width)
    return bytes(pdf.output())


def _chart_annex(pdf: FPDF, annex: ChartAnnex, width: float) -> None:
    """The link chart: the figure marked with everything it draws, then a marked key row per entity and link."""
    _heading(pdf, "Annex: link chart")
    _paragraph(pdf, "Only entities named in the included reports, linked where those reports name both; a link's "
                    "weight counts those reports alone.", size=8.5, grey=True)
    _figure(pdf, chart_figure(annex), width)
    _table(pdf, ["", "No.", "Entity", "Kind", "Reports"], [
        [_mark(n.marking).strip(), str(i), n.name, n.kind, ", ".join(f"#{r}" for r in n.reports[:12])]
        for i, n in enumerate(annex.nodes, 1)], (14, 6, 40, 14, 26))
    if annex.links:
        _table(pdf, ["", "Link", "Weight", "Reports naming both"], [
            [_mark(x.marking).strip(), f"{x.a + 1} {annex.nodes[x.a].name} — {x.b + 1} {annex.nodes[x.b].name}",
             str(x.weight), ", ".join(f"#{r}" for r in x.reports[:12])] for x in annex.heaviest(KEY_LINKS)],
               (14, 50, 10, 26))
        if annex.key_note():
            _paragraph(pdf, annex.key_note(), size=8.5, grey=True)


def _annex(pdf: FPDF, annex: AchAnnex) -> None:
    """The ACH matrix: hypotheses with their own portion marks, then one marked row per item."""
    _heading(pdf, "Annex: analysis of competing hypotheses")
    _paragraph(pdf, "Each cell: CC very consistent, C consistent, N/A not applicable, I inconsistent, II very "
                    "inconsistent. Inconsistency counts I as 1 and II as 2 (lower is more likely); diagnosticity "
                    "is the spread of an item's ratings.", size=8.5, grey=True)
    marked = _mark(annex.hypotheses_marking)
    for h in annex.hypotheses:
        _paragraph(pdf, f"{_mark(annex.portion(h))}H{h.id}: {h.text} (inconsistency {h.score}, rank {h.rank})")
    heads = [f"H{h.id}" for h in annex.hypotheses]
    rows = [[_mark(i.marking).strip(), f"E{i.evidence}", f"{i.kind} #{i.source}", i.label,
             *[SHOWN.get(r, "") for r in i.ratings], str(i.diagnosticity)] for i in annex.items]
    rows.append([marked.strip(), "", "", "Inconsistency", *[str(h.score) for h in annex.hypotheses], ""])
    _table(pdf, ["", "Item", "Source", "Evidence", *heads, "Diag."], rows,
           (14, 8, 14, 40, *[7] * len(heads), 8))


def _mark(marking: Marking | None) -> str:
    return f"{marking.portion_mark()} " if marking is not None else ""


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    pdf.set_font(FONT, size=13)
    pdf.multi_cell(0, 7, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, size=10)


def _paragraph(pdf: FPDF, text: str, size: float = 10, grey: bool = False) -> None:
    pdf.set_font(FONT, size=size)
    if grey:
        pdf.set_text_color(85, 85, 85)
    pdf.multi_cell(0, size * 0.55, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(34, 34, 34)
    pdf.ln(1)


CELL_LIMIT = 300  # characters a table cell shows at most (fpdf refuses a row taller than a page)


def _table(pdf: FPDF, header: list[str], rows: list[list[str]], widths: tuple[int, ...]) -> None:
    if not rows:
        _paragraph(pdf, "None.")
        return
    pdf.set_font(FONT, size=8)
    pdf.set_fill_color(255, 255, 255)
    options: dict[str, Any] = {"col_widths": widths, "text_align": "LEFT", "line_height": 4.5,
                               "first_row_as_headings": True,
                               "headings_style": FontFace(emphasis="", fill_color=(230, 230, 230))}
    with pdf.table(**options) as table:
        for values in [header, *rows]:
            row = table.row()
            for value in values:  # a hostile report's 5,000-character URL or name made a row taller than a page
                row.cell(value if len(value) <= CELL_LIMIT else value[:CELL_LIMIT - 1] + "…")


def _figure(pdf: FPDF, figure: Figure, width: float) -> None:
    scale = width / figure.width
    height = figure.height * scale
    if pdf.get_y() + height + 10 > pdf.h - pdf.b_margin:
        pdf.add_page()
    _heading(pdf, f"{_mark(figure.marking)}{figure.title}")
    left, top = pdf.l_margin, pdf.get_y()
    for shape in figure.shapes:
        if isinstance(shape, Line):
            pdf.set_draw_color(*_rgb(shape.colour))
            pdf.set_line_width(shape.width * scale * 0.7)
            pdf.line(left + shape.x1 * scale, top + shape.y1 * scale, left + shape.x2 * scale, top + shape.y2 * scale)
        elif isinstance(shape, Circle):
            pdf.set_fill_color(*_rgb(shape.colour))
            r = shape.r * scale
            pdf.ellipse(left + shape.x * scale - r, top + shape.y * scale - r, 2 * r, 2 * r, style="F")
        elif isinstance(shape, Polygon):
            pdf.set_fill_color(*_rgb(shape.colour))
            pdf.polygon([(left + x * scale, top + y * scale) for x, y in shape.points], style="F")
        elif isinstance(shape, Label):
            pdf.set_font(FONT, size=shape.size * scale * 2.83)
            pdf.set_text_color(*_rgb(shape.colour))
            text_width = pdf.get_string_width(shape.text)
            x = left + shape.x * scale - {"start": 0, "middle": text_width / 2, "end": text_width}[shape.anchor]
            pdf.text(x, top + shape.y * scale, shape.text)
    pdf.set_text_color(34, 34, 34)
    pdf.set_y(top + height + 2)
