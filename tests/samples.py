"""Sample files of every supported format, generated with each format's own tooling."""

from __future__ import annotations

import io
import json
import zipfile
from email.message import EmailMessage
from pathlib import Path

EN_REPORT = """SECRET

NATIONAL POLICE AGENCY (NPA)
Report No.     : NPA-FAD-26-01234
Date of issue  : 5 March 2026
Classification : SECRET
Grading        : B2
Subject        : Embassy officer meets port logistics staff

1. KEY POINTS
   A cultural attaché of the Russian Embassy met staff of Kanmon Gateway Terminals in Kitakyushu.
   The quantum sensing laboratory was mentioned twice.
"""

JA_REPORT = """【秘】

発出部署　内閣情報調査室 経済安全保障分析班
報告番号　内調CI第8-0471号
報告日　　令和8年3月5日
区分　　　秘
情報評価　情報源B（概ね信頼可）・情報3（事実の可能性あり）
表題　　　量子センシング研究室の大学院生への接近

１　要旨
　量子センシング研究室の学生らが、会食や渡航費用の負担によって取り込みの対象となっている。
"""


def text_file(encoding: str, text: str = JA_REPORT) -> bytes:
    if encoding == "utf-16":
        return text.encode("utf-16")  # with BOM
    if encoding == "utf-8-sig":
        return text.encode("utf-8-sig")
    return text.encode(encoding)


def html_file() -> bytes:
    return f"""<!DOCTYPE html><html><head><title>Port visit</title><style>body {{color: red}}</style>
<script>alert('SCRIPT-CANARY')</script></head><body><h1>Port visit</h1>
<dl><dt>Classification</dt><dd>SECRET</dd><dt>Grading</dt><dd>C3</dd></dl>
<p>{EN_REPORT.splitlines()[10]}</p><script>var hidden = "SCRIPT-CANARY-2";</script></body></html>""".encode()


def markdown_file() -> bytes:
    front = "---\ntitle: 量子センシングへの働き掛け\n---\n"
    return (front + "**極秘**\n\n# 量子センシングへの働き掛け\n\n" + JA_REPORT).encode()


def csv_rows_file() -> bytes:
    return ("title,agency,date,text\nFirst,NPA,2026-03-01,Embassy officer seen in Otaru\n"
            "Second,MOFA,2026-03-02,港湾物流の関係者に接触\n").encode()


def csv_plain_file() -> bytes:
    return b"ref,item_kind,item\nNPA-1,person,Vera Belova\nNPA-1,domain,svetlov-files.example\n"


def stix_file() -> bytes:
    import stix2

    identity = stix2.Identity(name="National Police Agency", identity_class="organization")
    actor = stix2.ThreatActor(name="Harbour Moth", threat_actor_types=["spy"])
    indicator = stix2.Indicator(name="svetlov-files", pattern="[domain-name:value = 'svetlov-files.example']",
                                pattern_type="stix", valid_from="2026-03-01T00:00:00Z")
    report = stix2.Report(name="Harbour Moth targets port logistics", published="2026-03-05T00:00:00Z",
                          description="SECRET. Harbour Moth sent phishing to Kanmon Gateway Terminals staff.",
                          object_refs=[actor.id, indicator.id], created_by_ref=identity.id)
    return stix2.Bundle(identity, actor, indicator, report).serialize(pretty=True).encode()


def misp_file() -> bytes:
    return json.dumps({"Event": {"info": "Phishing against port operators", "date": "2026-03-05",
                                 "Attribute": [{"type": "domain", "category": "Network activity",
                                                "value": "kanmon-login.example", "comment": "phishing"}]}}).encode()


def eml_file(japanese: bool = False, attachment: bytes | None = None) -> bytes:
    message = EmailMessage()
    message["From"] = "desk@npa.example"
    message["To"] = "nia@cas.example"
    message["Subject"] = "[秘] 港湾物流への接触" if japanese else "[SECRET] Port logistics approach"
    message["Date"] = "Thu, 05 Mar 2026 09:00:00 +0900"
    if japanese:
        message.set_content(JA_REPORT, charset="iso-2022-jp")
    else:
        message.set_content(EN_REPORT)
    if attachment is not None:
        message.add_attachment(attachment, maintype="text", subtype="plain", filename="annex.txt")
    return bytes(message)


def docx_file() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("SECRET")
    document.add_paragraph("Subject: Harbour Crest charter parties")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Report No."
    table.cell(0, 1).text = "MOFA-IICO-202603-045"
    table.cell(1, 0).text = "Grading"
    table.cell(1, 1).text = "A1"
    document.add_paragraph("LAW Kin-wah (羅建華) signed the charter parties for Harbour Crest.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_file(path: Path, text: str = EN_REPORT) -> bytes:
    """A real PDF with a text layer, written by Qt's QPdfWriter (needs a QGuiApplication)."""
    from PySide6.QtGui import QFont, QPageSize, QPdfWriter, QTextDocument

    from nia_desktop.ui.fonts import register_shipped_fonts

    families = register_shipped_fonts()  # Japanese without a system CJK font, as the app itself does
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document = QTextDocument()
    if families:
        document.setDefaultFont(QFont(families[0]))
    document.setPlainText(text)
    document.print_(writer)
    del writer
    return path.read_bytes()


def zip_file(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()
