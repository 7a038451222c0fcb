"""`nia entity mark|unmark`: an analyst's "this text is an entity" / "not one", kept like merges, undone by
`nia entity undo`; bad input exits 1 with nothing written."""

from __future__ import annotations

from tests.e2e.conftest import Nia

ANNA = {"user": "anna", "passphrase": "anna-passphrase-1"}
OLIVE = {"user": "olive", "passphrase": "olive-passphrase-1"}


def _named(fused: dict, alias: str) -> list[dict]:  # type: ignore[type-arg]
    return [e for e in fused["entities"] if alias in e["aliases"]]


def test_mark_unmark_and_undo_through_the_cli(nia_vault: Nia) -> None:
    media = nia_vault.tmp / "usb"
    media.mkdir()
    (media / "a.txt").write_text("Subject: A\n\nThe crates went through Bluefin Yard; Ren Nagase signed.\n")
    (media / "b.txt").write_text("件名: B\n\n青海埠頭で永瀬蓮が会った。Bluefin Yard was closed.\n")
    imported = nia_vault("import", str(media), "--json", **ANNA).json()["imported"]
    first = {r["path"].rsplit("/", 1)[-1]: r["id"] for r in imported}
    before = nia_vault("fuse", "--json", **ANNA).json()
    assert not _named(before, "青海埠頭")

    a, b = str(first["a.txt"]), str(first["b.txt"])
    for bad in (["mark", "", "--kind", "location", "--report", b], ["mark", "   ", "--kind", "location", "--report", b],
                ["mark", "x" * 201, "--kind", "location", "--report", b],
                ["mark", "青海埠頭", "--kind", "planet", "--report", b],
                ["unmark", "Ren Nagase", "--kind", "planet", "--report", a],
                ["mark", "Sapporo", "--kind", "location", "--report", a]):
        refused = nia_vault("entity", *bad, **ANNA)
        assert refused.code == 1 and refused.err.strip(), bad
    # Without the report it was read in, a judgement's words would reach every analyst: a usage error.
    assert nia_vault("entity", "mark", "青海埠頭", "--kind", "location", **ANNA).code == 2
    assert nia_vault("entity", "log", "--json", **ANNA).json() == []  # nothing written
    officer = nia_vault("entity", "mark", "青海埠頭", "--kind", "location", "--report", b, **OLIVE)
    assert officer.code == 1  # analysts only

    marked = nia_vault("entity", "mark", "青海埠頭", "--kind", "location", "--why", "a pier",
                       "--report", str(first["b.txt"]), "--json", **ANNA)
    assert marked.code == 0, marked.err
    assert marked.json()["status"] == "queued" and marked.json()["queued"] == 1
    unmarked = nia_vault("entity", "unmark", "Ren Nagase", "--why", "a cover name", "--report", a, **ANNA)
    assert unmarked.code == 0 and "re-fuse recommended" in unmarked.out
    pending = nia_vault("fuse", **ANNA)  # the full fusion applies both and clears the queue
    assert pending.code == 0 and "re-fuse recommended" not in pending.out
    after = nia_vault("fuse", "--json", **ANNA).json()
    pier = _named(after, "青海埠頭")
    assert len(pier) == 1 and pier[0]["kind"] == "location" and not _named(after, "Ren Nagase")
    assert after["pending"] == 0

    more = nia_vault.tmp / "more"
    more.mkdir()
    (more / "c.txt").write_text("件名: C\n\n青海埠頭に船が着いた。\n")
    new = nia_vault("import", str(more), "--json", **ANNA)
    assert new.code == 0, new.err
    new_id = new.json()["imported"][0]["id"]
    fused = nia_vault("fuse", "--json", **ANNA).json()
    assert new_id in _named(fused, "青海埠頭")[0]["reports"]

    log = nia_vault("entity", "log", "--json", **ANNA).json()
    assert [j["verdict"] for j in log] == ["entity", "not_entity"]
    undone = nia_vault("entity", "undo", str(log[0]["id"]), "--json", **ANNA)
    assert undone.code == 0 and undone.json()["queued"] == 1
    restored = nia_vault("fuse", "--json", **ANNA).json()
    assert not _named(restored, "青海埠頭") and not _named(restored, "Ren Nagase")
