"""Architecture rules that a reviewer should not have to check by eye."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "nia_desktop"
NETWORK = {"socket", "urllib", "http", "requests", "httpx", "ftplib", "smtplib", "ssl", "asyncio", "xmlrpc"}


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_and_services_never_import_qt_or_faces() -> None:
    for layer in ("core", "services"):
        for path in (PACKAGE / layer).rglob("*.py"):
            for name in imports(path):
                assert not name.startswith("PySide6"), f"{path} imports {name}"
                assert not name.startswith(("nia_desktop.ui", "nia_desktop.cli")), f"{path} imports {name}"


def test_core_never_imports_services() -> None:
    for path in (PACKAGE / "core").rglob("*.py"):
        assert not any(n.startswith("nia_desktop.services") for n in imports(path)), path


def test_cli_never_imports_qt() -> None:
    for path in (PACKAGE / "cli").rglob("*.py"):
        assert not any(n.startswith("PySide6") for n in imports(path)), path


def test_no_network_code_anywhere() -> None:
    for path in PACKAGE.rglob("*.py"):
        for name in imports(path):
            assert name.split(".")[0] not in NETWORK, f"{path} imports {name}"
            assert not name.startswith("PySide6.QtNetwork"), f"{path} imports {name}"  # excluded from the build too


def test_every_package_is_installed() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    declared = set(config["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in PACKAGE.rglob("__init__.py")}
    assert found <= declared, found - declared
