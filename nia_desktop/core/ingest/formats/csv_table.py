"""CSV: one report per row when a header names a text column, else one report for the file."""

from __future__ import annotations

import csv
import io

from nia_desktop.core.ingest import metadata
from nia_desktop.core.ingest.encodings import decode_text
from nia_desktop.core.ingest.model import Document, ParseRefused

TEXT_COLUMNS = ("text", "body", "content", "report", "report_text", "narrative", "本文", "内容", "報告本文")
TITLE_COLUMNS = ("title", "subject", "件名", "表題", "標題")
MAX_ROWS = 100_000


def parse(data: bytes, name: str) -> list[Document]:
    text, encoding = decode_text(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    rows = list(_rows(text, dialect))
    if not rows:
        raise ParseRefused("empty CSV file")
    header = [h.strip() for h in rows[0]]
    lowered = [h.lower() for h in header]
    text_col = next((lowered.index(c) for c in TEXT_COLUMNS if c in lowered), None)
    if text_col is None:
        rendered = "\n".join(" | ".join(cell for cell in row) for row in rows)
        return [Document("csv", rendered, metadata.title(rendered, name), encoding=encoding,
                         structured={"header": header, "rows": rows[1:]})]
    title_col = next((lowered.index(c) for c in TITLE_COLUMNS if c in lowered), None)
    documents = []
    for number, row in enumerate(rows[1:], start=2):
        if text_col >= len(row) or not row[text_col].strip():
            continue
        fields = {header[i]: row[i] for i in range(min(len(header), len(row))) if i != text_col}
        head = "\n".join(f"{k}: {v}" for k, v in fields.items() if v)
        body = f"{head}\n\n{row[text_col]}" if head else row[text_col]
        row_title = row[title_col] if title_col is not None and title_col < len(row) else ""
        documents.append(Document("csv", body, row_title or metadata.title(body, f"{name} row {number}"),
                                  inner=f"row {number}", fields=fields, encoding=encoding))
    if not documents:
        raise ParseRefused(f"CSV column '{header[text_col]}' is empty in every row")
    return documents


def _rows(text: str, dialect: type[csv.Dialect] | csv.Dialect) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text), dialect)
    out = []
    try:
        for count, row in enumerate(reader):
            if count >= MAX_ROWS:
                raise ParseRefused(f"CSV has more than {MAX_ROWS} rows")
            if any(cell.strip() for cell in row):
                out.append(row)
    except csv.Error as exc:
        raise ParseRefused(f"malformed CSV: {exc}") from exc
    return out
