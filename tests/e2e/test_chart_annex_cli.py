"""`nia brief CASE --chart-annex` as a user runs it: the reviewer sees the annex in `nia release show`, the approved
bundle still verifies (`nia bundle verify`), and its PDF carries the link chart of the product's own reports
(marked, under the banner on every page) and nothing of the TOP SECRET report left out; a tearline version's
annex is laid out from the reports under its line."""

from __future__ import annotations

import json
import zipfile

import pypdfium2 as pdfium

from tests.e2e.conftest import Nia
from tests.e2e.test_briefing_cli import ANNA, OTTO, second_officer
from tests.unit.briefing.test_chart_annex_service import HIDDEN, A, B, C, write_media

BANNER = "SECRET / 秘//REL TO USA"


def test_a_briefing_with_its_link_chart_annex_signed_and_verified(nia_vault: Nia) -> None:
    write_media(nia_vault.tmp / "usb")
    imported = nia_vault("import", str(nia_vault.tmp / "usb"), "--json", **ANNA).json()["imported"]
    ids = {r["path"].rsplit("/", 1)[-1]: r["id"] for r in imported}
    assert nia_vault("case", "create", "Harbour", **ANNA).code == 0
    assert nia_vault("case", "add", "Harbour", *map(str, ids.values()), **ANNA).code == 0
    out = nia_vault.tmp / "brief.nia"
    command = ["brief", "Harbour", "--out", str(out), "--report", str(ids["s1.txt"]), "--report", str(ids["c1.txt"]),
               "--chart-annex", "--json"]
    first = nia_vault(*command, **ANNA)
    assert first.code == 0, first.err
    assert first.json()["status"] == "queued" and first.json()["marking"] == BANNER
    second_officer(nia_vault)
    request = str(first.json()["request"])
    shown = nia_vault("release", "show", request, **OTTO)
    assert shown.code == 0, shown.err
    assert "link chart annex: (S//REL TO USA) 3 entities, 2 links (laid out)" in shown.out
    assert f"(C//REL TO USA) 3. {C} (email)" in shown.out  # most reported first (bravo), then by name
    assert HIDDEN not in shown.out
    chart = nia_vault("release", "show", request, "--json", **OTTO).json()["briefing"]["chart"]
    assert {n["name"] for n in chart["nodes"]} == {A, B, C}
    assert nia_vault("release", "approve", request, **OTTO).code == 0
    done = nia_vault(*command, **ANNA)
    assert done.code == 0 and done.json()["status"] == "exported", done.err

    anna_pem, otto_pem = nia_vault.tmp / "anna.pem", nia_vault.tmp / "otto.pem"
    assert nia_vault("key", "export", "--out", str(anna_pem), **ANNA).code == 0
    assert nia_vault("key", "export", "--out", str(otto_pem), **OTTO).code == 0
    verified = nia_vault("bundle", "verify", str(out), "--trust", str(anna_pem), "--trust-officer", str(otto_pem),
                         "--json")
    assert verified.code == 0 and verified.json()["kind"] == "briefing", verified.err
    unpacked = nia_vault.tmp / "unpacked"
    zipfile.ZipFile(out).extractall(unpacked)
    payload = unpacked / "payload"
    assert json.loads((payload / "briefing.json").read_text())["chart"]["marking"]["level"] == "SECRET"
    pdf = pdfium.PdfDocument(str(payload / "briefing.pdf"))
    texts = []
    for index in range(len(pdf)):
        page = pdf[index]
        text = page.get_textpage()
        width, height = page.get_size()
        top, bottom = text.get_text_bounded(0, height - 30, width, height), text.get_text_bounded(0, 0, width, 30)
        assert BANNER in top and BANNER in bottom, (index, top, bottom)
        texts.append(text.get_text_range())
    whole = "".join(texts)
    assert "Annex: link chart" in whole and "(S//REL TO USA) Link chart: entities named in the included" in whole
    assert A in whole and C in whole and HIDDEN not in whole and "ts1.txt" not in whole
    html = (payload / "briefing.html").read_text()
    assert "Annex: link chart" in html and HIDDEN not in html and html.count(BANNER) >= 2

    # A tearline version at CONFIDENTIAL: its annex from the CONFIDENTIAL report alone (below the review level).
    cut = nia_vault("brief", "Harbour", "--queue", "--chart-annex", "--max-level", "CONFIDENTIAL",
                    "--tearline-summary", "Below the line.", "--json", **ANNA)
    assert cut.code == 0 and cut.json()["status"] == "exported", cut.err
    assert cut.json()["marking"].startswith("CONFIDENTIAL") and cut.json()["tearline"] is not None
    log = nia_vault("audit", "log", "--json", **OTTO)
    assert log.code == 0, log.err
    exports = [e for e in log.json() if e["action"] == "briefing.export"]
    assert [e["details"]["chart_annex"]["entities"] for e in exports] == [3, 2]
