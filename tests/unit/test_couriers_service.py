"""Couriers' media writes: a medium that reads back wrong keeps nothing, and the refusal is audited."""

from __future__ import annotations

from pathlib import Path

import pytest

from nia_desktop.core.errors import BadInput
from nia_desktop.core.store import audit_log
from nia_desktop.core.store import trust as store
from nia_desktop.services import bundles, couriers, importing
from nia_desktop.services.session import unlock
from tests.conftest import ANALYST, ANALYST_PASS, COURIER, COURIER_PASS


def queued(vault_dir: Path, tmp_path: Path) -> str:
    (tmp_path / "a.txt").write_text("Subject: Port\n\nA tanker was seen near Nakhodka.\n")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        ids = [r["id"] for r in importing.import_paths(session, [tmp_path / "a.txt"]).imported]
        return bundles.export_reports(session, ids, None).uuid


def test_a_faulty_medium_keeps_nothing_and_is_audited(vault_dir: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    uuid = queued(vault_dir, tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()

    def lying_write(path: Path, data: bytes) -> None:  # the medium stores something else
        path.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))

    monkeypatch.setattr(couriers, "atomic_write", lying_write)
    with unlock(vault_dir, COURIER, COURIER_PASS) as session:
        with pytest.raises(BadInput, match="read back differently"):
            couriers.write_out(session, uuid, usb, "USB-1")
        assert not list(usb.iterdir())
        assert store.outbound(session.db)[0].status == "queued"  # still waiting for a good medium
        last = audit_log.last(session.db)
        assert last is not None and last.action == "bundle.write_out" and last.outcome == "refused"
        monkeypatch.undo()
        written = couriers.write_out(session, uuid, usb, "USB-2")
        assert written.exists() and store.outbound(session.db)[0].volume == "USB-2"
