"""Drive the installed `nia` command in subprocesses, exactly as a user would."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

NIA = str(Path(sys.executable).with_name("nia")) if Path(sys.executable).with_name("nia").exists() \
    else shutil.which("nia") or "nia"


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


class Nia:
    def __init__(self, vault: Path, tmp: Path) -> None:
        self.vault = vault
        self.tmp = tmp

    def __call__(self, *args: str, user: str | None = None, passphrase: str | None = None,
                 new_passphrase: str | None = None, env: dict[str, str] | None = None) -> Result:
        environment = {k: v for k, v in os.environ.items() if not k.startswith("NIA_")}
        environment["NIA_VAULT"] = str(self.vault)
        if user:
            environment["NIA_USER"] = user
        if passphrase is not None:
            environment["NIA_PASSPHRASE"] = passphrase
        if new_passphrase is not None:
            environment["NIA_NEW_PASSPHRASE"] = new_passphrase
        environment.update(env or {})
        done = subprocess.run([NIA, *args], capture_output=True, text=True, env=environment,
                              stdin=subprocess.DEVNULL, timeout=120, check=False)
        return Result(done.returncode, done.stdout, done.stderr)


STOCK_TOOLS = ("openssl", "age", "age-keygen", "jq", "unzip", "sha256sum")


@pytest.fixture(autouse=True)
def stock_tools() -> None:
    """The e2e tests check bundles with the tools a recipient would use; name any that is missing."""
    missing = [tool for tool in STOCK_TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"missing {', '.join(missing)}: sudo apt-get install -y openssl age jq unzip (README)")


@pytest.fixture
def nia(tmp_path: Path) -> Nia:
    return Nia(tmp_path / "vault", tmp_path)


@pytest.fixture
def nia_vault(nia: Nia) -> Nia:
    """A vault made with `nia init` and two more users added with `nia user add`."""
    assert nia("init", "--officer", "olive", "--kdf-memory", "19", "--kdf-time", "2",
               passphrase="olive-passphrase-1").code == 0
    for name, role in (("anna", "analyst"), ("carl", "courier")):
        result = nia("user", "add", name, "--role", role, user="olive", passphrase="olive-passphrase-1",
                     new_passphrase=f"{name}-passphrase-1")
        assert result.code == 0, result.err
    return nia
