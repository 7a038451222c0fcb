"""Word .docx with python-docx: page headers and footers, then paragraphs and table cells in document order."""

from __future__ import annotations

import io
from typing import Any

from nia_desktop.core.ingest import metadata
from nia_desktop.core.ingest.formats.archive import check_zip_limits
from nia_desktop.core.ingest.model import Document, ParseRefused


def parse(data: bytes, name: str) -> list[Document]:
    check_zip_limits(data)  # a .docx is a ZIP: the same bomb rules apply before python-docx opens it
    import docx  # imported here: python-docx pulls in lxml, which only the parser child needs

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on broken packages
        raise ParseRefused(f"damaged Word document: {type(exc).__name__}") from exc
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(node.text or "" for node in child.iter() if node.tag.endswith("}t")))
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = []
                    for cell in row.iterchildren():
                        if cell.tag.endswith("}tc"):
                            cells.append("".join(n.text or "" for n in cell.iter() if n.tag.endswith("}t")))
                    lines.append(" | ".join(cells))
    # Word puts a document's marking in its page header and footer: they open the text, so the header reader
    # (core/ingest/metadata.py) sees them.
    text = "\n".join([*_page_headers(document), *lines]).strip()
    core = document.core_properties
    title = metadata.labelled_title(text) or core.title or metadata.title(text, name)
    return [Document("docx", text, title)]


def _page_headers(document: Any) -> list[str]:
    """Each distinct line of every section's page headers and footers (first page, odd and even pages)."""
    seen: dict[str, None] = {}
    for section in document.sections:
        for part in ("header", "first_page_header", "even_page_header", "footer", "first_page_footer",
                     "even_page_footer"):
            try:
                story = getattr(section, part)
                if story.is_linked_to_previous and section is not document.sections[0]:
                    continue
                paragraphs = list(story.paragraphs)
            except Exception:  # noqa: S112 - a damaged header part is skipped, the body still imports
                continue
            for paragraph in paragraphs:
                line = paragraph.text.strip()
                if line:
                    seen.setdefault(line[:500], None)
            if len(seen) > 20:
                return list(seen)
    return list(seen)
