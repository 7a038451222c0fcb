"""Every format, parsed from samples made with that format's own tooling."""

from __future__ import annotations

from pathlib import Path

import pytest

from nia_desktop.core.classification import Level
from nia_desktop.core.ingest import metadata
from nia_desktop.core.ingest.limits import Limits
from nia_desktop.core.ingest.model import ParseRefused
from nia_desktop.core.ingest.parse import parse_file
from tests import samples


def parse(data: bytes, name: str = "file"):  # type: ignore[no-untyped-def]
    return parse_file(data, name, Limits())


@pytest.mark.parametrize(("codec", "expected"), [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("shift_jis", "shift_jis"),
    ("cp932", "shift_jis"), ("euc_jp", "euc-jp"), ("iso2022_jp", "iso-2022-jp"),
])
def test_japanese_text_encodings(codec: str, expected: str) -> None:
    [document] = parse(samples.text_file(codec), "report.txt")
    assert document.encoding == expected
    assert "量子センシング研究室" in document.text
    assert document.title == "量子センシング研究室の大学院生への接近"


def test_english_text_metadata() -> None:
    [document] = parse(samples.EN_REPORT.encode(), "r.txt")
    assert document.title == "Embassy officer meets port logistics staff"
    assert metadata.classification(document.text) is Level.SECRET
    assert metadata.admiralty(document.text) == ("B", "2")
    assert metadata.agency(document.text) == "NPA"
    assert metadata.language(document.text) == "en"


def test_japanese_metadata() -> None:
    assert metadata.classification(samples.JA_REPORT) is Level.SECRET
    assert metadata.admiralty(samples.JA_REPORT) == ("B", "3")
    assert metadata.agency(samples.JA_REPORT) == "CIRO"
    assert metadata.language(samples.JA_REPORT) == "ja"
    assert metadata.language(samples.EN_REPORT + samples.JA_REPORT) == "mixed"


@pytest.mark.parametrize(("text", "level"), [
    ("極秘\n", Level.TOP_SECRET), ("TOP SECRET (極秘)\n", Level.TOP_SECRET), ("秘 / SECRET\n", Level.SECRET),
    ("取扱厳重注意\n", Level.CONFIDENTIAL), ("CONFIDENTIAL\n", Level.CONFIDENTIAL),
    ("UNCLASSIFIED\n", Level.UNCLASSIFIED),
    ("特定秘密\n", Level.TOP_SECRET), ("秘書の手帳\n", None), ("An ordinary note\n", None),
])
def test_classification_markings(text: str, level: Level | None) -> None:
    assert metadata.classification(text) is level


def test_markdown_front_matter() -> None:
    [document] = parse(samples.markdown_file(), "r.md")
    assert document.detected_type == "markdown"
    assert document.title == "量子センシングへの働き掛け"
    assert metadata.classification(document.text) is Level.TOP_SECRET


def test_html_visible_text_only() -> None:
    [document] = parse(samples.html_file(), "page.html")
    assert document.detected_type == "html"
    assert "SCRIPT-CANARY" not in document.text and "color: red" not in document.text
    assert "Classification: SECRET" in document.text
    assert "Russian Embassy" in document.text


def test_csv_with_text_column_gives_one_report_per_row() -> None:
    documents = parse(samples.csv_rows_file(), "rows.csv")
    assert [d.title for d in documents] == ["First", "Second"]
    assert documents[1].inner == "row 3" and "港湾物流" in documents[1].text
    assert documents[0].fields["agency"] == "NPA"


def test_csv_without_text_column_is_one_report() -> None:
    [document] = parse(samples.csv_plain_file(), "items.csv")
    assert "Vera Belova" in document.text and document.structured["header"] == ["ref", "item_kind", "item"]


def test_stix_bundle() -> None:
    [document] = parse(samples.stix_file(), "bundle.json")
    assert document.detected_type == "stix"
    assert document.title == "Harbour Moth targets port logistics"
    assert "Kanmon Gateway Terminals" in document.text
    kinds = sorted(o["type"] for o in document.structured["objects"])
    assert kinds == ["identity", "indicator", "report", "threat-actor"]


def test_misp_event() -> None:
    [document] = parse(samples.misp_file(), "event.json")
    assert document.detected_type == "misp"
    assert document.title == "Phishing against port operators"
    assert document.structured["attributes"][0]["value"] == "kanmon-login.example"


@pytest.mark.parametrize("japanese", [False, True])
def test_email_with_attachment(japanese: bool) -> None:
    data = samples.eml_file(japanese, attachment=b"Annex: the port schedule of 5 March.")
    [document] = parse(data, "mail.eml")
    assert document.detected_type == "eml"
    assert document.fields["from"] == "desk@npa.example"
    assert ("量子センシング" if japanese else "Russian Embassy") in document.text
    [annex] = document.children
    assert annex.inner == "annex.txt" and "port schedule" in annex.text


def test_docx_paragraphs_and_tables() -> None:
    [document] = parse(samples.docx_file(), "report.docx")
    assert document.detected_type == "docx"
    assert "MOFA-IICO-202603-045" in document.text and "羅建華" in document.text
    assert document.title == "Harbour Crest charter parties"


def test_pdf_text_layer(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    [document] = parse(samples.pdf_file(tmp_path / "r.pdf"), "r.pdf")
    assert document.detected_type == "pdf"
    assert "Russian Embassy" in document.text
    japanese = samples.pdf_file(tmp_path / "ja.pdf", samples.JA_REPORT)
    assert "量子センシング" in parse(japanese, "ja.pdf")[0].text


def test_zip_is_read_recursively() -> None:
    inner = samples.zip_file({"deep/report.txt": samples.EN_REPORT.encode()})
    outer = samples.zip_file({"a.md": samples.markdown_file(), "nested.zip": inner})
    documents = parse(outer, "media.zip")
    assert [d.inner for d in documents] == ["a.md", "nested.zip!deep/report.txt"]
    assert documents[1].raw == samples.EN_REPORT.encode()


def test_unknown_type_is_named() -> None:
    with pytest.raises(ParseRefused, match="PNG image"):
        parse(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "photo.txt")
    with pytest.raises(ParseRefused, match="neither a STIX"):
        parse(b'{"hello": 1}', "x.json")


def test_lying_extension_is_parsed_by_content() -> None:
    [document] = parse(samples.docx_file(), "harmless.txt")
    assert document.detected_type == "docx"


def test_invalid_utf8_is_refused_with_reason() -> None:
    with pytest.raises(ParseRefused, match="not valid text"):
        parse(b"Subject: x\n" + bytes([0xC3, 0x28, 0xA0, 0xA1, 0xFF, 0xFE, 0x80]) * 50, "bad.txt")


def test_truncated_pdf_is_refused(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = samples.pdf_file(tmp_path / "r.pdf")
    with pytest.raises(ParseRefused):
        parse(data[: len(data) // 3], "cut.pdf")
