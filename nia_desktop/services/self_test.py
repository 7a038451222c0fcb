"""`nia --self-test` and `nia-desktop --self-test`: the whole chain once, on a throwaway vault.

Creates a temporary vault, imports the shipped samples through the sandboxed
parser children, fuses them, composes and renders a briefing (the shipped
font), signs a bundle and verifies it with only the signer's public key. It
needs no network and leaves nothing behind: an installed build proves it
works where it stands.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from nia_desktop.core.clock import SystemClock, iso_utc
from nia_desktop.core.errors import NiaError
from nia_desktop.core.resources import resource_path
from nia_desktop.core.roles import Role
from nia_desktop.core.signing import public_pem
from nia_desktop.core.vault.kdf import FLOOR

OFFICER, ANALYST = "self-test-officer", "self-test-analyst"
PASSPHRASE = "self-test-passphrase-1"  # noqa: S105 - a throwaway vault, deleted at the end


@dataclass(frozen=True)
class Step:
    name: str
    ok: bool
    seconds: float
    detail: str

    def line(self) -> str:
        return f"{'ok  ' if self.ok else 'FAIL'}  {self.name:9} {self.seconds:5.2f} s  {self.detail}"


STEPS = ("vault", "import", "fuse", "briefing", "bundle")


def passed(steps: list[Step]) -> bool:
    return len(steps) == len(STEPS) and all(step.ok for step in steps)


def run_self_test(report: Callable[[Step], None] = lambda step: None) -> list[Step]:
    """Every step, in order; stops at the first failure (its detail says why)."""
    from nia_desktop.services import briefings, bundles, fusion, importing
    from nia_desktop.services.session import unlock
    from nia_desktop.services.users import add_user
    from nia_desktop.services.vault_setup import init_vault

    steps: list[Step] = []
    with tempfile.TemporaryDirectory(prefix="nia-self-test-") as scratch:
        root = Path(scratch)
        state: dict[str, object] = {}

        def vault() -> str:
            init_vault(root / "vault", OFFICER, PASSPHRASE, params=FLOOR, name="Self-test vault")
            with unlock(root / "vault", OFFICER, PASSPHRASE) as session:
                add_user(session, ANALYST, Role.ANALYST, PASSPHRASE)
            return "encrypted vault created and unlocked"

        def importing_step() -> str:
            samples = resource_path("samples")
            with unlock(root / "vault", ANALYST, PASSPHRASE) as session:
                outcome = importing.import_paths(session, [samples], case="self-test")
            if not outcome.imported or outcome.refused:
                raise RuntimeError(f"{len(outcome.imported)} imported, {len(outcome.refused)} refused "
                                   f"({'; '.join(str(r.get('reason')) for r in outcome.refused[:3])})")
            state["ids"] = sorted(int(r["id"]) for r in outcome.imported)
            return f"{len(outcome.imported)} sample reports imported through the sandboxed parsers"

        def fusing() -> str:
            with unlock(root / "vault", ANALYST, PASSPHRASE) as session:
                result = fusion.run_fusion(session)
            if not result.entities:
                raise RuntimeError("fusion found no entities in the samples")
            return f"{len(result.entities)} entities, {len(result.links)} links"

        def briefing() -> str:
            from nia_desktop.core.briefing.pdf_render import render_pdf

            with unlock(root / "vault", ANALYST, PASSPHRASE) as session:
                pdf = render_pdf(briefings.compose(session, "self-test"))
            if not pdf.startswith(b"%PDF"):
                raise RuntimeError("the briefing PDF was not rendered")
            return f"briefing PDF rendered ({len(pdf)} bytes, shipped font embedded)"

        def bundle() -> str:
            ids = state["ids"]
            assert isinstance(ids, list)
            out = root / "self-test.nia"
            with unlock(root / "vault", ANALYST, PASSPHRASE) as session:
                manifest = bundles.export_reports(session, ids[:3], out)
                pem = public_pem(session.signing_key.public_key())
            verified = bundles.verify_with_key(out, [pem], iso_utc(SystemClock().now()))
            if verified.verified.manifest.uuid != manifest.uuid:
                raise RuntimeError("the bundle verified as another bundle")
            return f"bundle of {len(manifest.files)} files signed and verified with the public key alone"

        for name, action in zip(STEPS, (vault, importing_step, fusing, briefing, bundle), strict=True):
            start = time.perf_counter()
            try:
                detail, ok = action(), True
            except (NiaError, RuntimeError, OSError) as exc:
                detail, ok = (exc.user_message if isinstance(exc, NiaError) else str(exc)), False
            step = Step(name, ok, time.perf_counter() - start, detail)
            steps.append(step)
            report(step)
            if not step.ok:
                break
    return steps
