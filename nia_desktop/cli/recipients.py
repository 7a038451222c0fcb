"""Age recipients typed on the command line: an age1... string, or a file holding one."""

from __future__ import annotations

from pathlib import Path


def recipient(value: str, option: str = "--recipient") -> str:
    """An age1... recipient, or the one a file holds (as age-keygen -y prints it); checked."""
    from nia_desktop.core.bundles.sealed import parse_recipient
    from nia_desktop.core.errors import BadInput

    text = value
    if not value.startswith("age1"):
        try:
            text = Path(value).read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise BadInput(f"{option} {value}: neither an age1... recipient nor a readable file") from exc
    return parse_recipient(text)


def recipients(values: list[str]) -> list[str]:
    """Each --recipient given, checked."""
    return [recipient(v) for v in values]
