"""`nia import` into a fused vault counts what only a full fusion would do; `nia fuse` does it and clears the queue."""

from __future__ import annotations

from tests.e2e.conftest import Nia

ANNA = {"user": "anna", "passphrase": "anna-passphrase-1"}


def test_a_definition_joining_two_older_entities_is_pending_until_nia_fuse(nia_vault: Nia) -> None:
    media = nia_vault.tmp / "usb"
    media.mkdir()
    (media / "en.txt").write_text("Subject: Cargo\n\nHarbour Crest Logistics Ltd. shipped the cargo from Osaka.\n")
    (media / "ja.txt").write_text("件名：貨物\n\n港冠物流有限公司は大阪から貨物を送った。\n")
    assert nia_vault("import", str(media), "--json", **ANNA).code == 0
    fused = nia_vault("fuse", "--json", **ANNA).json()
    apart = [e for e in fused["entities"] if {"Harbour Crest Logistics Ltd.", "港冠物流有限公司"} & set(e["aliases"])]
    assert len(apart) == 2 and fused["pending"] == 0
    more = nia_vault.tmp / "more"
    more.mkdir()
    (more / "both.txt").write_text("Subject: Again\n\nHarbour Crest Logistics Ltd. (港冠物流有限公司) shipped again.\n")
    imported = nia_vault("import", str(more), "--json", **ANNA)
    assert imported.code == 0, imported.err
    assert imported.json()["fused"]["pending"] == 1
    again = nia_vault("fuse", **ANNA)
    assert again.code == 0 and "re-fuse recommended" not in again.out
    joined = nia_vault("fuse", "--json", **ANNA).json()
    assert joined["pending"] == 0
    assert any({"Harbour Crest Logistics Ltd.", "港冠物流有限公司"} <= set(e["aliases"]) for e in joined["entities"])
