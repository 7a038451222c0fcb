"""HTML: visible text only. Scripts, styles and everything in <head> but the title are dropped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from nia_desktop.core.ingest import metadata
from nia_desktop.core.ingest.encodings import decode_text
from nia_desktop.core.ingest.model import Document

_INVISIBLE = {"script", "style", "noscript", "template", "head", "svg", "object", "iframe"}
_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "section", "article",
           "table", "ul", "ol", "dl", "blockquote", "pre", "header", "footer", "hr"}
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.in_title = False
        self.title = ""
        self.markings: list[str] = []  # <meta name="classification" content="…">: kept, it is the marking

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            values = {k.lower(): v or "" for k, v in attrs}
            if values.get("name", "").lower() in _MARKING_META and values.get("content"):
                self.markings.append(" ".join(values["content"].split())[:300])
        if tag == "title":
            self.in_title = True
        elif tag in _INVISIBLE:
            self.hidden += 1
        if tag in _BLOCKS:
            self.parts.append("\n")
        if tag == "dd":
            self.parts.append(": ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in _INVISIBLE and self.hidden:
            self.hidden -= 1
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self.hidden:
            self.parts.append(data)


_MARKING_META = frozenset({"classification", "security-classification", "protective-marking", "marking", "caveats",
                           "dissemination", "releasability"})


def html_to_text(markup: str) -> tuple[str, str]:
    """(visible text, <title>) of a document. A marking the page states only in its <head> (a classification
    <meta>, or the <title>) opens the text, so the header reader (core/ingest/metadata.py) sees it."""
    parser = _Visible()
    parser.feed(markup)
    parser.close()
    stated = [f"Classification: {m}" for m in parser.markings[:10]]
    title = parser.title.strip()
    if title and metadata.classification(title) is not None:
        stated.append(title)
    text = "\n".join(stated) + "\n" + "".join(parser.parts) if stated else "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r"\n\s*:\s*", ": ", text)  # a <dd> follows its <dt> on one line
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text, parser.title.strip()


def parse(data: bytes, name: str) -> list[Document]:
    declared = _CHARSET.search(data[:2048])
    text: str | None = None
    encoding = ""
    if declared:
        encoding = declared.group(1).decode("ascii").lower()
        try:
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text, encoding = decode_text(data)
    body, page_title = html_to_text(text)
    title = metadata.labelled_title(body) or page_title or metadata.title(body, name)
    return [Document("html", body, title, encoding=encoding)]
