"""PDF text layer with PDFium (pypdfium2). Scanned pages without text yield an explained refusal."""

from __future__ import annotations

import unicodedata

from nia_desktop.core.ingest import metadata
from nia_desktop.core.ingest.model import Document, ParseRefused

MAX_PAGES = 5000


def parse(data: bytes, name: str) -> list[Document]:
    import pypdfium2 as pdfium  # only the parser child loads PDFium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ParseRefused(f"damaged or encrypted PDF: {exc}") from exc
    try:
        if len(pdf) > MAX_PAGES:
            raise ParseRefused(f"PDF has more than {MAX_PAGES} pages")
        pages = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_bounded())
            textpage.close()
            page.close()
        title = (pdf.get_metadata_dict().get("Title") or "").strip()
    finally:
        pdf.close()
    # PDF fonts often map CJK characters to Kangxi radicals (⼦ for 子); NFKC folds them back.
    text = unicodedata.normalize("NFKC", "\n\n".join(p.replace("\r\n", "\n").strip() for p in pages)).strip()
    if not text:
        raise ParseRefused("PDF has no text layer (a scan?); text recognition is not done here")
    return [Document("pdf", text, metadata.labelled_title(text) or title or metadata.title(text, name))]
