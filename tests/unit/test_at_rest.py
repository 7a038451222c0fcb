"""Nothing secret reaches the disk in clear: canary passphrases and names after real use."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from nia_desktop.core.errors import AuthFailed
from nia_desktop.core.roles import Role
from nia_desktop.core.vault.kdf import FLOOR
from nia_desktop.services import auditing, keys, users
from nia_desktop.services.session import unlock
from nia_desktop.services.vault_setup import init_vault
from tests.conftest import ZeroClock

CANARIES = {
    "officer": "CANARY-officer-Zq81x",
    "analyst": "CANARY-analyst-Kp27w",
    "analyst2": "CANARY-analyst-next-Lm55v",
    "wrong": "CANARY-wrong-guess-Tt90u",
    "typed_as_user": "canary-passphrase-in-user-field",
}


def encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


def all_files(*roots: Path) -> list[Path]:
    return [p for root in roots for p in root.rglob("*") if p.is_file()]


def test_no_canary_in_vault_or_temp(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    clock = ZeroClock()
    before_tmp = set(Path(tempfile.gettempdir()).iterdir())
    init_vault(vault, "olive", CANARIES["officer"], params=FLOOR)
    with unlock(vault, "olive", CANARIES["officer"], clock=clock) as session:
        users.add_user(session, "anna", Role.ANALYST, CANARIES["analyst"])
        keys.export_public_key(session, tmp_path / "olive.pem")
    with pytest.raises(AuthFailed):
        unlock(vault, "olive", CANARIES["wrong"], clock=clock)
    with pytest.raises(AuthFailed):  # someone typed a passphrase into the user field
        unlock(vault, CANARIES["typed_as_user"], "x", clock=clock)
    with unlock(vault, "anna", CANARIES["analyst"], clock=clock) as session:
        users.change_own_passphrase(session, CANARIES["analyst"], CANARIES["analyst2"])
    for _ in range(3):
        with unlock(vault, "olive", CANARIES["officer"], clock=clock) as session:
            auditing.verify(session)
    new_tmp = [p for p in Path(tempfile.gettempdir()).iterdir() if p not in before_tmp and p.is_file()]
    files = all_files(vault) + new_tmp
    assert files
    for path in files:
        data = path.read_bytes()
        for canary in CANARIES.values():
            for encoded in encodings(canary):
                assert encoded not in data, f"{canary} found in {path}"
    database = (vault / "vault.db").read_bytes()
    assert not database.startswith(b"SQLite format 3")
    assert b"olive" not in database and b"user.add" not in database  # even names and actions are ciphertext
    for path in all_files(vault):
        assert path.stat().st_mode & 0o077 == 0, f"{path} is readable by others"
