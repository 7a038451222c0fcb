"""`nia user add|list|disable|reset-passphrase` (officer)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from nia_desktop.cli.clearance_cmds import register_user
from nia_desktop.cli.context import SubParsers, respond, run_in_session, wants_json
from nia_desktop.cli.credentials import new_passphrase
from nia_desktop.cli.output import table
from nia_desktop.cli.witness import add_witness_arguments, witness_from_args

if TYPE_CHECKING:
    from nia_desktop.core.store.users import UserRecord
    from nia_desktop.services.session import Session

ROLES = ("analyst", "courier", "officer")


def register(commands: SubParsers, common: argparse.ArgumentParser) -> None:
    user = commands.add_parser("user", help="manage users (officer)").add_subparsers(dest="user_cmd", required=True)
    add = user.add_parser("add", parents=[common], help="add a user with a role")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--clearance", metavar="LEVEL",
                     help="clearance level (default: TOP SECRET for analysts and officers, UNCLASSIFIED for couriers)")
    add.add_argument("--new-passphrase-file", metavar="FILE",
                     help="the new user's passphrase (default: $NIA_NEW_PASSPHRASE, else prompt twice)")
    add_witness_arguments(add)
    add.set_defaults(handler=_add)
    user.add_parser("list", parents=[common], help="list users").set_defaults(handler=_list)
    disable = user.add_parser("disable", parents=[common],
                              help="disable a user: destroys their keyslot and rotates the database key")
    disable.add_argument("name")
    add_witness_arguments(disable)
    disable.set_defaults(handler=_disable)
    reset = user.add_parser("reset-passphrase", parents=[common],
                            help="give a user a new passphrase (and a new signing key)")
    reset.add_argument("name")
    reset.add_argument("--new-passphrase-file", metavar="FILE")
    add_witness_arguments(reset)
    reset.set_defaults(handler=_reset)
    register_user(user, common)


def user_json(record: UserRecord) -> dict[str, object]:
    return {"name": record.name, "role": record.role.value, "clearance": record.clearance.english,
            "active": record.active,
            "created_at": record.created_at, "disabled_at": record.disabled_at,
            "fingerprint": record.fingerprint, "credentials_by": record.credentials_by,
            "bootstrap_second_officer": record.bootstrap}


def _add(args: argparse.Namespace) -> int:
    from nia_desktop.core.roles import Role
    from nia_desktop.services.users import add_user

    def act(session: Session) -> int:
        from nia_desktop.core.classification import parse_level

        level = parse_level(args.clearance) if args.clearance else None
        record = add_user(session, args.name, Role(args.role), new_passphrase(args, args.name),
                          witness_from_args(args, session), clearance=level)
        return respond(args, user_json(record),
                       f"Added {record.name} ({record.role.value}); signing key {record.fingerprint[:16]}…")

    return run_in_session(args, act)


def _list(args: argparse.Namespace) -> int:
    from nia_desktop.services.users import list_users

    def act(session: Session) -> int:
        records = list_users(session)
        return respond(args, [user_json(r) for r in records],
                       table([[r.name, r.role.value, r.clearance.english, "active" if r.active else "disabled",
                               r.created_at[:19], r.fingerprint[:16]] for r in records],
                             ["NAME", "ROLE", "CLEARANCE", "STATUS", "CREATED (UTC)", "KEY"]))

    return run_in_session(args, act)


def _disable(args: argparse.Namespace) -> int:
    from nia_desktop.services.users import disable_user

    def act(session: Session) -> int:
        def progress(done: int, total: int, message: str) -> None:
            if not wants_json(args) and sys.stderr.isatty():
                sys.stderr.write(f"\r{message}…")

        disable_user(session, args.name, progress, witness=witness_from_args(args, session))
        return respond(args, {"name": args.name, "active": False, "rekeyed": True},
                       f"Disabled {args.name}; their keyslot is destroyed and the database key rotated.")

    return run_in_session(args, act)


def _reset(args: argparse.Namespace) -> int:
    from nia_desktop.services.users import reset_passphrase

    def act(session: Session) -> int:
        record = reset_passphrase(session, args.name, new_passphrase(args, args.name),
                                  witness_from_args(args, session))
        return respond(args, user_json(record),
                       f"New passphrase set for {record.name}; new signing key {record.fingerprint[:16]}…")

    return run_in_session(args, act)
