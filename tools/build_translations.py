"""Compile resources/translations/*.ts into the .qm files the app loads.

Run after editing a .ts file (the .qm files are committed so an install needs
no Qt tools). To pick up new strings first:
    pyside6-lupdate $(find nia_desktop/ui -name '*.py') nia_desktop/app.py \
        -ts resources/translations/nia_desktop_ja.ts
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"


def lrelease() -> str:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    found = str(beside) if beside.exists() else shutil.which("pyside6-lrelease")
    if not found:
        raise SystemExit("pyside6-lrelease not found: install PySide6-Essentials")
    return found


def build(source_dir: Path = TRANSLATIONS, out_dir: Path = TRANSLATIONS) -> list[Path]:
    built = []
    for ts in sorted(source_dir.glob("*.ts")):
        qm = out_dir / ts.with_suffix(".qm").name
        subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)  # noqa: S603
        built.append(qm)
    return built


if __name__ == "__main__":
    for path in build():
        print(f"built {path.relative_to(ROOT)}")
