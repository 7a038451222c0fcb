"""`nia import --json`, `nia reports --json`, `nia search --json` through the real executable."""

from __future__ import annotations

from pathlib import Path

from tests import samples
from tests.e2e.conftest import Nia

ANALYST = {"user": "anna", "passphrase": "anna-passphrase-1"}
COURIER = {"user": "carl", "passphrase": "carl-passphrase-1"}


def make_media(root: Path) -> Path:
    root.mkdir()
    (root / "en.txt").write_text(samples.EN_REPORT)
    (root / "ja.txt").write_bytes(samples.text_file("euc_jp"))
    (root / "page.html").write_bytes(samples.html_file())
    (root / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(50))
    return root


def test_import_reports_search_json(nia_vault: Nia) -> None:
    media = make_media(nia_vault.tmp / "usb")
    result = nia_vault("import", str(media), "--case", "Ports", "--json", **ANALYST)
    assert result.code == 0, result.err
    body = result.json()
    assert set(body) >= {"imported", "duplicates", "refused"}
    assert len(body["imported"]) == 3 and all(set(r) >= {"id", "path", "sha256", "type"} for r in body["imported"])
    assert body["refused"] == [{"path": str(media / "photo.txt"), "reason": "unsupported file type (PNG image)",
                                "sha256": body["refused"][0]["sha256"]}]

    again = nia_vault("import", str(media / "en.txt"), "--json", **ANALYST).json()
    assert again["duplicates"][0]["of"] == next(r["id"] for r in body["imported"] if r["path"].endswith("en.txt"))

    listed = nia_vault("reports", "--json", "--case", "Ports", **ANALYST).json()
    assert len(listed) == 3
    for row in listed:
        assert set(row) >= {"id", "title", "agency", "sha256", "path", "classification", "language", "imported_at"}
    assert {r["language"] for r in listed} == {"en", "ja"}

    hits = nia_vault("search", "量子センシング", "--json", **ANALYST).json()
    assert hits and set(hits[0]) >= {"id", "title", "snippet", "rank"} and "«" in hits[0]["snippet"]
    english = nia_vault("search", "Kanmon", "--json", **ANALYST).json()
    by_path = {r["path"].rsplit("/", 1)[-1]: r["id"] for r in listed}
    assert sorted(h["id"] for h in english) == sorted([by_path["en.txt"], by_path["page.html"]])

    shown = nia_vault("report", "show", str(english[0]["id"]), **ANALYST)
    assert shown.code == 0 and "Kanmon Gateway Terminals" in shown.out
    out = nia_vault.tmp / "original.bin"
    assert nia_vault("report", "original", str(by_path["en.txt"]), "--out", str(out), **ANALYST).code == 0
    assert out.read_bytes() == samples.EN_REPORT.encode()


def test_every_file_refused_exits_1(nia_vault: Nia) -> None:
    bad = nia_vault.tmp / "bad.bin"
    bad.write_bytes(b"\x7fELF" + bytes(100))
    result = nia_vault("import", str(bad), **ANALYST)
    assert result.code == 1 and "ELF executable" in result.out


def test_courier_may_not_import(nia_vault: Nia) -> None:
    media = make_media(nia_vault.tmp / "usb")
    result = nia_vault("import", str(media), **COURIER)
    assert result.code == 1 and "refused" in result.err
    assert nia_vault("search", "x", **COURIER).code == 1


def test_bad_search_is_explained(nia_vault: Nia) -> None:
    result = nia_vault("search", "AND", **ANALYST)
    assert result.code == 1 and "no words" in result.err
