"""`nia`: argparse front, exceptions mapped to the contract's exit codes.

Heavy modules (cryptography, sqlcipher3, the services) are imported inside the
command handlers, so `nia --help` starts fast; Qt is never imported here.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from nia_desktop import __version__
from nia_desktop.cli import (
    ach_cmds,
    audit_cmds,
    briefing_cmds,
    bundle_cmds,
    clearance_cmds,
    dissemination_cmds,
    events_cmds,
    fusion_cmds,
    notice_cmds,
    places_cmds,
    report_cmds,
    requirement_cmds,
    user_cmds,
    vault_cmds,
)

Handler = Callable[[argparse.Namespace], int]


def _common() -> argparse.ArgumentParser:
    """Options every command accepts, before or after its name."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS,
                        help="vault directory (default: $NIA_VAULT, else ~/.local/share/nia-desktop/vault)")
    common.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS,
                        help="user to unlock as (default: $NIA_USER)")
    common.add_argument("--passphrase-file", metavar="FILE", default=argparse.SUPPRESS,
                        help="read the passphrase from FILE (default: $NIA_PASSPHRASE, else prompt)")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="machine-readable output")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="nia", parents=[common],
        description="NIA Desktop command line: the same services as the desktop app.",
        epilog="Exit codes: 0 success, 1 refused or bad input, 2 usage error, "
               "3 authentication failed, 4 bundle verification failed, 5 audit chain broken.",
    )
    parser.add_argument("--version", action="version", version=f"nia {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    vault_cmds.register(commands, common)
    user_cmds.register(commands, common)
    clearance_cmds.register(commands, common)
    audit_cmds.register(commands, common)
    report_cmds.register(commands, common)
    fusion_cmds.register(commands, common)
    events_cmds.register(commands, common)
    places_cmds.register(commands, common)
    requirement_cmds.register(commands, common)
    bundle_cmds.register(commands, common)
    briefing_cmds.register(commands, common)
    dissemination_cmds.register(commands, common)
    notice_cmds.register(commands, common)
    ach_cmds.register(commands, common)
    check = commands.add_parser("self-test", parents=[common], help="check this installation on a throwaway vault "
                                "(also: nia --self-test); exit 0 when every step passes")
    check.set_defaults(handler=_self_test)
    return parser


def _self_test(args: argparse.Namespace) -> int:
    from nia_desktop.cli.output import emit_json, say
    from nia_desktop.services.self_test import Step, passed, run_self_test

    def show(step: Step) -> None:
        if not getattr(args, "json", False):
            say(step.line())

    steps = run_self_test(show)
    ok = passed(steps)
    if getattr(args, "json", False):
        emit_json({"ok": ok, "steps": [{"name": s.name, "ok": s.ok, "seconds": round(s.seconds, 3),
                                             "detail": s.detail} for s in steps]})
    else:
        say("self-test passed" if ok else "self-test FAILED")
    return 0 if ok else 1


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    from nia_desktop.core.fusion import worker
    from nia_desktop.core.ingest.child import run_if_requested

    if run_if_requested(arguments) or worker.run_if_requested(arguments):  # a frozen build's child or worker
        return 0
    if arguments[:1] == ["--self-test"]:
        arguments = ["self-test", *arguments[1:]]
    parser = build_parser()
    args = parser.parse_args(arguments)
    from nia_desktop.core.hardening import harden_process

    harden_process()
    if not os.environ.get("NIA_DEBUG"):
        from nia_desktop.core.vault.integrity import quiet_log

        quiet_log()  # a damaged page is explained by the message below, not by SQLCipher's own log lines
    handler: Handler = args.handler
    from nia_desktop.cli.output import emit_json, warn
    from nia_desktop.core.errors import NiaError

    def refuse(exc: NiaError) -> int:
        if getattr(args, "json", False):
            emit_json({"error": exc.user_message, "exit_code": exc.exit_code})
        warn(f"nia: {exc.user_message}")
        return exc.exit_code

    try:
        return handler(args)
    except NiaError as exc:
        return refuse(exc)
    except KeyboardInterrupt:
        warn("nia: interrupted")
        return 130
    except Exception as exc:
        from nia_desktop.cli.credentials import vault_path
        from nia_desktop.core.vault.integrity import as_damage

        damaged = as_damage(exc, vault_path(args))  # a damaged page of vault.db: plain words, never "internal"
        if damaged is not None:
            return refuse(damaged)
        if os.environ.get("NIA_DEBUG"):
            raise
        warn(f"nia: internal error ({type(exc).__name__}); run with NIA_DEBUG=1 for details")
        return 1


if __name__ == "__main__":
    sys.exit(main())
