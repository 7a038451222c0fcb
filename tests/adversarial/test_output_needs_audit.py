"""An output file exists only if its audit entry does: when the entry cannot be written (a full disk), the
bundle, briefing, write-out or exported key is not left behind, nor any partial file, and nothing it changed
(a sequence number, a delivery, a release) is kept."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from nia_desktop.core.store import trust as trust_store
from nia_desktop.services import briefings, bundles, couriers, importing, keys
from nia_desktop.services.session import Session, unlock
from tests.conftest import ANALYST, ANALYST_PASS, COURIER, COURIER_PASS


def _disk_full_at(monkeypatch: pytest.MonkeyPatch, action: str) -> None:
    real = Session.audit

    def audit(self: Session, name: str, *args: Any, **kwargs: Any) -> Any:
        if name == action:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, name, *args, **kwargs)

    monkeypatch.setattr(Session, "audit", audit)


def _reports(vault_dir: Path, tmp_path: Path) -> list[int]:
    media = tmp_path / "media"
    media.mkdir()
    for n in range(2):
        (media / f"r{n}.txt").write_text(f"UNCLASSIFIED\n\nReport {n}: a meeting in Moji harbour on day {n}.\n")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        return [int(r["id"]) for r in importing.import_paths(session, [media], case="kestrel").imported]


def _sequence(session: Session) -> int:
    rows = session.db.query("SELECT last_signed FROM bundle_sequences")
    return max((int(r[0]) for r in rows), default=0)


def _nothing_left(folder: Path) -> None:
    assert sorted(p.name for p in folder.iterdir()) == [], "an output or partial file was left behind"


@pytest.mark.parametrize("export", ["reports", "briefing", "key"])
def test_a_failed_audit_write_leaves_no_output(vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               export: str) -> None:
    ids = _reports(vault_dir, tmp_path)
    out_dir = tmp_path / "usb"
    out_dir.mkdir()
    out = out_dir / "out.nia"
    actions: dict[str, tuple[str, Callable[[Session], object]]] = {
        "reports": ("bundle.export", lambda s: bundles.export_reports(s, ids, out)),
        "briefing": ("briefing.export", lambda s: briefings.brief(s, briefings.compose(s, "kestrel"), out)),
        "key": ("self.key_export", lambda s: keys.export_public_key(s, out)),
    }
    action, run = actions[export]
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        sequence = _sequence(session)
        _disk_full_at(monkeypatch, action)
        with pytest.raises(OSError, match="No space"):
            run(session)
        monkeypatch.undo()
        _nothing_left(out_dir)
        assert _sequence(session) == sequence, "the bundle's sequence number was used up without its entry"
        assert not session.db.query("SELECT 1 FROM audit WHERE action = ?", (action,))
        run(session)  # with room on the disk it goes through, entry and file together
        assert out.exists() and session.db.query("SELECT 1 FROM audit WHERE action = ?", (action,))


def test_a_failed_audit_write_leaves_no_bundle_on_the_medium(vault_dir: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    ids = _reports(vault_dir, tmp_path)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        uuid = bundles.export_reports(session, ids, None).uuid
    usb = tmp_path / "usb"
    usb.mkdir()
    with unlock(vault_dir, COURIER, COURIER_PASS) as session:
        _disk_full_at(monkeypatch, "bundle.write_out")
        with pytest.raises(OSError, match="No space"):
            couriers.write_out(session, uuid, usb, "USB-1")
        monkeypatch.undo()
        _nothing_left(usb)
        assert [r.status for r in trust_store.outbound(session.db)] == ["queued"], "marked delivered without it"
        written = couriers.write_out(session, uuid, usb, "USB-1")
        assert written.exists() and [p.name for p in usb.iterdir()] == [written.name]
