"""Schema migrations, against a vault frozen at version 1 (tests/data/vault_v1)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nia_desktop.core.errors import VaultTampered
from nia_desktop.core.store import schema
from nia_desktop.core.vault.keyslots import SlotFile
from nia_desktop.services import auditing, settings
from nia_desktop.services.session import unlock
from tests.conftest import OFFICER, OFFICER_PASS
from tests.helpers import raw_database

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "vault_v1"


@pytest.fixture
def old_vault(tmp_path: Path) -> Path:
    target = tmp_path / "vault_v1"
    shutil.copytree(FIXTURE, target)
    return target


def test_fixture_is_really_version_1(old_vault: Path) -> None:
    import json

    from nia_desktop.core.vault.keyslots import SlotFile, open_legacy_slot

    vault_id = json.loads((old_vault / "vault.json").read_text())["vault_id"]
    opened = open_legacy_slot(vault_id, SlotFile.load(old_vault / "keyslots.json").legacy[OFFICER], OFFICER_PASS)
    with raw_database(old_vault, opened.db_keys[1]) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "settings" not in tables and "audit_seals" not in tables


def test_old_vault_opens_and_upgrades(old_vault: Path) -> None:
    with unlock(old_vault, OFFICER, OFFICER_PASS) as session:
        assert schema.schema_version(session.db) == schema.LATEST
        assert settings.current(session)["idle_lock_minutes"] == 10
        settings.change(session, "idle_lock_minutes", "7")
    with unlock(old_vault, OFFICER, OFFICER_PASS) as session:
        assert settings.current(session)["idle_lock_minutes"] == 7
        report = auditing.verify(session)
        assert report.ok, report.reason
        first = session.db.query("SELECT action FROM audit WHERE seq = 1")[0][0]
    assert first == "vault.init"  # the old history is kept and still chains
    # The version 1 slot, named in clear, became an anonymous one at the officer's first unlock.
    slot_file = SlotFile.load(old_vault / "keyslots.json")
    assert not slot_file.legacy and len(slot_file.slots) == 1
    assert OFFICER.encode() not in (old_vault / "keyslots.json").read_bytes()


def test_every_migration_applies_in_order(tmp_path: Path) -> None:
    from nia_desktop.core.vault.connection import open_database

    db = open_database(tmp_path / "m.db", b"\x01" * 32, create=True)
    for version in range(1, schema.LATEST + 1):
        schema.migrate(db, version)
        assert schema.schema_version(db) == version
    assert schema.migrate(db) == schema.LATEST  # idempotent
    db.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    from nia_desktop.core.vault.connection import open_database

    db = open_database(tmp_path / "m.db", b"\x01" * 32, create=True)
    db.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    with pytest.raises(VaultTampered, match="newer than this build"):
        schema.migrate(db)
    db.close()
