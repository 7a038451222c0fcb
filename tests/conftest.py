"""Shared fixtures: cheap-but-legal KDF parameters, a fresh vault, sessions per role."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from nia_desktop.core.roles import Role
from nia_desktop.core.vault.kdf import FLOOR
from nia_desktop.services.session import Session, unlock
from nia_desktop.services.users import add_user
from nia_desktop.services.vault_setup import init_vault


class ZeroClock:
    """SystemClock without the back-off sleeps, so failure tests run fast."""

    def __init__(self) -> None:
        from nia_desktop.core.clock import SystemClock

        self._real = SystemClock()
        self.slept: list[float] = []

    def now(self):  # type: ignore[no-untyped-def]
        return self._real.now()

    def monotonic(self) -> float:
        return self._real.monotonic()

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)


OFFICER, OFFICER_PASS = "olive", "olive-passphrase-1"
ANALYST, ANALYST_PASS = "anna", "anna-passphrase-22"
COURIER, COURIER_PASS = "carl", "carl-passphrase-333"
PASSPHRASES = {OFFICER: OFFICER_PASS, ANALYST: ANALYST_PASS, COURIER: COURIER_PASS}


@pytest.fixture(autouse=True)
def _isolated_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NIA_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    for name in ("NIA_VAULT", "NIA_USER", "NIA_PASSPHRASE", "NIA_NEW_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    """A vault with one user per role, at the OWASP floor parameters."""
    root = tmp_path / "vault"
    init_vault(root, OFFICER, OFFICER_PASS, params=FLOOR, name="Test vault")
    with unlock(root, OFFICER, OFFICER_PASS) as session:
        add_user(session, ANALYST, Role.ANALYST, ANALYST_PASS)
        add_user(session, COURIER, Role.COURIER, COURIER_PASS)
    return root


@pytest.fixture
def officer(vault_dir: Path) -> Iterator[Session]:
    session = unlock(vault_dir, OFFICER, OFFICER_PASS)
    yield session
    session.close()


@pytest.fixture
def zero_clock() -> ZeroClock:
    return ZeroClock()
