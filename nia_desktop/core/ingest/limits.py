"""Limits on untrusted input, in one place. The file-size limit is an officer setting."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 512 * MIB
    zip_max_depth: int = 3
    zip_max_total_bytes: int = 1024 * MIB
    zip_max_ratio: int = 100
    zip_max_entries: int = 10_000
    parse_timeout_seconds: float = 60.0
    child_memory_bytes: int = 2048 * MIB
    child_cpu_seconds: int = 120

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Limits:
        known: dict[str, Any] = {k: v for k, v in data.items()
                                 if k in cls.__dataclass_fields__ and isinstance(v, int | float)}
        return cls(**known)
