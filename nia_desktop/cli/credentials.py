"""Where the CLI gets the vault, the user and passphrases (DESIGN.md contract).

Vault: --vault or NIA_VAULT. User: --user or NIA_USER. Passphrase:
--passphrase-file or NIA_PASSPHRASE, else a prompt on a terminal.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

from nia_desktop.core.errors import NiaError


class UsageError(NiaError):
    exit_code = 2


def default_vault() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "nia-desktop" / "vault"


def vault_path(args: argparse.Namespace) -> Path:
    given = getattr(args, "vault", None) or os.environ.get("NIA_VAULT")
    return Path(given) if given else default_vault()


def _read_secret_file(path: str) -> str:
    try:
        data = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise UsageError(f"{path}: no such passphrase file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the passphrase file") from exc
    # One trailing newline is how editors and `echo` end files; it is not part of the passphrase.
    return data[:-1] if data.endswith("\n") else data


def user_name(args: argparse.Namespace) -> str:
    name = getattr(args, "user", None) or os.environ.get("NIA_USER")
    if name:
        return str(name)
    if sys.stdin.isatty():
        return input("User: ").strip()
    raise UsageError("no user given: use --user NAME or NIA_USER")


def _secret(path: str | None, env_name: str, ask: Callable[[], str], missing: str) -> str:
    """A file first, then the environment, then the terminal; else a usage error."""
    if path:
        return _read_secret_file(path)
    env = os.environ.get(env_name)
    if env is not None:
        return env
    if sys.stdin.isatty():
        return ask()
    raise UsageError(missing)


def passphrase(args: argparse.Namespace, prompt: str = "Passphrase: ") -> str:
    return _secret(getattr(args, "passphrase_file", None), "NIA_PASSPHRASE", lambda: getpass.getpass(prompt),
                   "no passphrase given: use --passphrase-file FILE, NIA_PASSPHRASE, or a terminal")


def new_passphrase(args: argparse.Namespace, whose: str) -> str:
    """A new passphrase: --new-passphrase-file, NIA_NEW_PASSPHRASE, or typed twice."""

    def ask_twice() -> str:
        first = getpass.getpass(f"New passphrase for {whose}: ")
        if getpass.getpass("Repeat it: ") != first:
            raise UsageError("the two passphrases differ")
        return first

    return _secret(getattr(args, "new_passphrase_file", None), "NIA_NEW_PASSPHRASE", ask_twice,
                   "no new passphrase given: use --new-passphrase-file FILE, NIA_NEW_PASSPHRASE, or a terminal")


def witness_passphrase(args: argparse.Namespace, witness: str) -> str:
    """The witnessing officer's passphrase (dual control): --witness-passphrase-file, NIA_WITNESS_PASSPHRASE, or
    typed by the witness on a terminal. Never the acting user's passphrase source: two people, two secrets."""
    return _secret(getattr(args, "witness_passphrase_file", None), "NIA_WITNESS_PASSPHRASE",
                   lambda: getpass.getpass(f"Passphrase of witness {witness}: "),
                   "no witness passphrase given: use --witness-passphrase-file FILE, NIA_WITNESS_PASSPHRASE, or a "
                   "terminal")
