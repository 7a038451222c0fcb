"""Pages of a briefing PDF as RGB pixels, for the composer's and the reviewer's preview (held in memory only)."""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2 as pdfium


@dataclass(frozen=True)
class PageImage:
    width: int
    height: int
    rgb: bytes  # width * height * 3 bytes, rows top to bottom


def page_images(pdf: bytes, scale: float = 1.0, limit: int = 20) -> list[PageImage]:
    document = pdfium.PdfDocument(pdf)
    try:
        pages = []
        for index in range(min(limit, len(document))):
            image = document[index].render(scale=scale).to_pil().convert("RGB")
            pages.append(PageImage(image.width, image.height, image.tobytes()))
        return pages
    finally:
        document.close()
