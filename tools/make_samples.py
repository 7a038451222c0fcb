"""Write resources/samples: a small fictional multi-agency set, English and Japanese, every format.

Everything is invented: people, firms, the ward of Minato-Kita's election,
accounts and numbers. Domains use reserved names (.example), addresses the
documentation ranges. Run once (the output is committed); PDF needs Qt.
    QT_QPA_PLATFORM=offscreen python tools/make_samples.py
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from email.message import EmailMessage
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "resources" / "samples"

NPA_EN = """SECRET

NATIONAL POLICE AGENCY (NPA)
Originator     : Foreign Affairs and Intelligence Department
Report No.     : NPA-FAD-26-00311
Date of issue  : 12 February 2026
Classification : SECRET
Grading        : B2
Subject        : Engineer at Aozora Photonics approached by a trade attaché

1. KEY POINTS
   Pavel Orlov, who presents himself as a trade attaché, met an engineer of
   Aozora Photonics K.K. three times in Kawasaki and asked about wafer bonding.
2. DETAILS
   The engineer was offered consulting fees through Kestrel Bay Trading Co.
   Contact was made from orlov.trade@mail.example and +81 3-5555-0142.
"""

CIRO_JA = """【秘】

発出部署　内閣情報調査室 経済安全保障分析班
報告番号　内調CI第8-0102号
報告日　　令和8年2月14日
区分　　　秘
情報評価　情報源B（概ね信頼可）・情報2（おそらく事実）
表題　　　青空フォトニクス社技術者への接触について

１　要旨
　通商担当官を名乗るパーヴェル・オルロフが、青空フォトニクス株式会社の技術者に対し、
ケストレル・ベイ貿易を通じた顧問料の支払いを持ち掛けている。
２　事実関係
　接触は川崎市内の飲食店で3回行われた。連絡には orlov.trade@mail.example が使われている。
"""

MOFA_EN = """CONFIDENTIAL
MOFA International Intelligence Coordinating Office
Report No.: IICO-202602-017
Date: February 20, 2026
Grading: source C (fairly reliable), information 3 (possibly true)
Subject: Kestrel Bay Trading Co. registered in a third country

Kestrel Bay Trading Co. was registered last year with a nominee director. Its
website kestrelbay-trade.example is hosted on 198.51.100.23. Payments to Japanese
consultants are routed through it.
"""

DIH_JA = """極秘

防衛省 情報本部
報告番号：情本統第8-0044号
報告日：2026年2月25日
区分：極秘
情報評価：Ｂ２
件名：港北区選挙をめぐる偽情報アカウント群

港北区の区議会選挙を前に、@minatokita_truth など約40のアカウントが、候補者に関する
捏造画像を同時刻に投稿している。投稿の多くは harbor-news.example の記事を引用している。
"""

NPA_JA_ELECTION = """取扱注意
警察庁 警備局 外事情報部
報告番号：警察庁丙外発第0412号
報告日：令和8年3月2日
件名：港北区選挙に関する偽ニュースサイト

harbor-news.example は 198.51.100.23 上で運用されており、ケストレル・ベイ貿易のサイトと同じサーバーである。
"""


def text_files() -> None:
    (OUT / "npa").mkdir(parents=True, exist_ok=True)
    (OUT / "ciro").mkdir(exist_ok=True)
    (OUT / "mofa").mkdir(exist_ok=True)
    (OUT / "dih").mkdir(exist_ok=True)
    (OUT / "npa" / "NPA-FAD-26-00311.txt").write_text(NPA_EN, encoding="utf-8")
    (OUT / "ciro" / "内調CI第8-0102号_sjis.txt").write_bytes(CIRO_JA.encode("cp932"))
    (OUT / "dih" / "情本統第8-0044号_eucjp.txt").write_bytes(DIH_JA.encode("euc_jp"))
    (OUT / "npa" / "警察庁丙外発第0412号_utf16.txt").write_bytes(NPA_JA_ELECTION.encode("utf-16"))
    (OUT / "mofa" / "IICO-202602-017.md").write_text(
        "---\ntitle: Kestrel Bay Trading Co. registered in a third country\n---\n" + MOFA_EN, encoding="utf-8")


def html_file() -> None:
    body = "".join(f"<p>{line}</p>" for line in MOFA_EN.splitlines()[6:] if line)
    html = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>IICO-202603-021 Follow-up</title>"
            f"<script>console.log('ignored')</script></head><body><h1>Follow-up on Kestrel Bay</h1>"
            f"<dl><dt>Classification</dt><dd>CONFIDENTIAL</dd><dt>Report No.</dt><dd>IICO-202603-021</dd>"
            f"<dt>Date</dt><dd>2026-03-04</dd><dt>Grading</dt><dd>C3</dd></dl>{body}</body></html>")
    (OUT / "mofa" / "IICO-202603-021.html").write_text(html, encoding="utf-8")


def csv_file() -> None:
    rows = [["title", "agency", "date", "classification", "text"],
            ["Account @minatokita_truth created", "NPA", "2026-02-27", "CONFIDENTIAL",
             "The account @minatokita_truth was created on 20 February 2026 and posts in bursts."],
            ["港北区選挙の投稿分析", "NPA", "2026-02-28", "取扱注意",
             "投稿の7割が深夜2時から3時に集中している。harbor-news.example への誘導が多い。"]]
    out = io.StringIO()
    import csv

    csv.writer(out).writerows(rows)
    (OUT / "npa" / "NPA-FAD-26-00330_accounts.csv").write_text(out.getvalue(), encoding="utf-8")


def stix_file() -> None:
    import stix2

    npa = stix2.Identity(name="National Police Agency", identity_class="organization")
    actor = stix2.ThreatActor(name="Kestrel Bay network", threat_actor_types=["spy"])
    indicator = stix2.Indicator(name="harbor-news", pattern="[domain-name:value = 'harbor-news.example']",
                                pattern_type="stix", valid_from="2026-03-01T00:00:00Z")
    marking = stix2.MarkingDefinition(definition_type="statement", definition={"statement": "SECRET"})
    report = stix2.Report(name="Kestrel Bay network behind Minato-Kita disinformation",
                          published="2026-03-06T00:00:00Z", created_by_ref=npa.id,
                          object_refs=[actor.id, indicator.id], object_marking_refs=[marking.id],
                          description="The fake news site harbor-news.example and Kestrel Bay Trading Co. share "
                                      "the server 198.51.100.23. Grading: B2.",
                          external_references=[{"source_name": "NPA", "external_id": "NPA-FAD-26-00342"}])
    bundle = stix2.Bundle(npa, actor, indicator, marking, report)
    (OUT / "npa" / "NPA-FAD-26-00342.stix.json").write_text(bundle.serialize(pretty=True), encoding="utf-8")


def misp_file() -> None:
    event = {"Event": {"info": "Kestrel Bay infrastructure (MOFA liaison)", "date": "2026-03-05",
                       "Attribute": [
                           {"type": "domain", "category": "Network activity", "value": "kestrelbay-trade.example"},
                           {"type": "ip-dst", "category": "Network activity", "value": "198.51.100.23"},
                           {"type": "email-src", "category": "Payload delivery", "value": "orlov.trade@mail.example"}]}}
    (OUT / "mofa" / "IICO-202603-030.misp.json").write_text(json.dumps(event, indent=1), encoding="utf-8")


def eml_files() -> None:
    message = EmailMessage()
    message["From"] = "desk@ciro.example"
    message["To"] = "fusion@nia.example"
    message["Subject"] = "[秘] 内調CI第8-0110号 オルロフの接触先一覧"
    message["Date"] = "Mon, 09 Mar 2026 10:15:00 +0900"
    message.set_content(CIRO_JA.replace("0102", "0110"), charset="iso-2022-jp")
    message.add_attachment("接触日時: 2026年1月15日、2月3日、2月11日\n場所: 川崎市\n".encode(),
                           maintype="text", subtype="plain", filename="annex.txt")
    (OUT / "ciro" / "内調CI第8-0110号.eml").write_bytes(bytes(message))
    english = EmailMessage()
    english["From"] = "watch@dih.example"
    english["To"] = "fusion@nia.example"
    english["Subject"] = "[SECRET] DIH-JID-2026-0051 Coordinated posting before the Minato-Kita vote"
    english["Date"] = "Tue, 10 Mar 2026 08:00:00 +0900"
    english.set_content("SECRET\nReport No.: DIH-JID-2026-0051\nGrading: B-3\n\nAbout 40 accounts including "
                        "@minatokita_truth posted fabricated images within the same minute.\n")
    (OUT / "dih" / "DIH-JID-2026-0051.eml").write_bytes(bytes(english))


def docx_file() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("CONFIDENTIAL")
    table = document.add_table(rows=3, cols=2)
    for row, (key, value) in enumerate((("Report No.", "IICO-202603-044"), ("Date", "11 March 2026"),
                                         ("Grading", "C2"))):
        table.cell(row, 0).text, table.cell(row, 1).text = key, value
    document.add_paragraph("Subject: Nominee director of Kestrel Bay identified")
    document.add_paragraph("The nominee director of Kestrel Bay Trading Co. is Marta Ilyina, who also directs "
                           "two shipping agencies.")
    document.save(str(OUT / "mofa" / "IICO-202603-044.docx"))


def pdf_files() -> None:
    from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter, QTextDocument

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for name, text in (("DIH-JID-2026-0058.pdf", "SECRET\nDefense Intelligence Headquarters\nReport No.: "
                        "DIH-JID-2026-0058\nDate: 12 March 2026\nGrading: B2\nSubject: Drone flights over the "
                        "Aozora Photonics plant\n\nThree small drones circled the Aozora Photonics plant in "
                        "Kawasaki on 8 March 2026."), ("情本統第8-0061号.pdf", DIH_JA.replace("0044", "0061"))):
        writer = QPdfWriter(str(OUT / "dih" / name))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        document = QTextDocument()
        document.setPlainText(text)
        document.print_(writer)
        del writer


def zip_file() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("batch/NPA-FAD-26-00350.txt", NPA_EN.replace("00311", "00350").replace(
            "three times", "a fourth time"))
        archive.writestr("batch/警察庁丙外発第0420号.txt", NPA_JA_ELECTION.replace("0412", "0420"))
    (OUT / "npa" / "NPA-batch-2026-03.zip").write_bytes(out.getvalue())


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for make in (text_files, html_file, csv_file, stix_file, misp_file, eml_files, docx_file, pdf_files, zip_file):
        make()
    print(f"wrote {sum(1 for p in OUT.rglob('*') if p.is_file())} files to {OUT}")
