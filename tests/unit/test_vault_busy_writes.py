"""A write that waits out the busy timeout behind another program's read says so (VaultBusy, exit 1 at the
command line) and leaves nothing written; an import whose fusion meets it keeps its reports and says how to fuse
them (seen at a million reports: a 100-report import ended in "internal error (OperationalError)" while another
process read the whole fusion)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nia_desktop.core.vault.writer_lock import VaultBusy
from nia_desktop.services import fusion, importing, reports
from nia_desktop.services.session import unlock
from tests.conftest import ANALYST, ANALYST_PASS


def test_a_commit_behind_another_connections_read_is_vault_busy_and_writes_nothing(vault_dir: Path) -> None:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as reader, unlock(vault_dir, ANALYST, ANALYST_PASS) as writer:
        writer.db.execute("PRAGMA busy_timeout = 50")
        before = writer.db.query("SELECT count(*) FROM settings")[0][0]
        raw = reader.db._conn
        raw.execute("BEGIN")
        raw.execute("SELECT count(*) FROM settings").fetchone()  # a shared lock, held
        try:
            with pytest.raises(VaultBusy, match=r"busy.*nothing was written"), writer.db.transaction():
                writer.db.execute("INSERT INTO settings (key, value) VALUES ('probe', '1')")
        finally:
            raw.execute("COMMIT")
        assert writer.db.query("SELECT count(*) FROM settings")[0][0] == before


def test_an_import_whose_fusion_finds_the_vault_busy_keeps_its_reports(
        vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    media = tmp_path / "usb"
    media.mkdir()
    (media / "a.txt").write_text("UNCLASSIFIED\n\nViktor SOROKIN met staff in Kobe.\n", encoding="utf-8")

    def busy(session: object, ids: list[int]) -> None:
        raise VaultBusy("the vault is busy: another program kept it locked for over 60 s and nothing was written")

    monkeypatch.setattr(fusion, "fuse_imported", busy)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        outcome = importing.import_paths(session, [media], pool_size=1)
        assert len(outcome.imported) == 1 and outcome.fused is None
        assert "imported, not fused" in outcome.fuse_error and "nia fuse" in outcome.fuse_error
        assert outcome.to_json()["fuse_error"] == outcome.fuse_error
        assert [r.id for r in reports.list_reports(session)] == [outcome.imported[0]["id"]]
