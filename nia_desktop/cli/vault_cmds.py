"""`nia init`, `nia passwd`, `nia key export`, `nia settings`, `nia vault check|backup|restore`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from nia_desktop.cli.context import SubParsers, respond, run_in_session
from nia_desktop.cli.credentials import new_passphrase, vault_path
from nia_desktop.cli.numbers import small
from nia_desktop.cli.witness import add_witness_arguments, witness_from_args

if TYPE_CHECKING:
    from nia_desktop.core.vault.kdf import KdfParams
    from nia_desktop.services.session import Session


def register(commands: SubParsers, common: argparse.ArgumentParser) -> None:
    init = commands.add_parser("init", parents=[common], help="create a vault; its first user is an officer")
    init.add_argument("--officer", required=True, metavar="NAME", help="first security officer's user name")
    init.add_argument("--name", help="a display name for the vault (default: the directory name)")
    init.add_argument("--kdf-memory", type=small, metavar="MIB",
                      help="Argon2id memory in MiB (at least 19; default: calibrated, at least 64)")
    init.add_argument("--kdf-time", type=small, metavar="T",
                      help="Argon2id iterations (at least 2; default: calibrated, at least 3)")
    init.set_defaults(handler=_init)

    passwd = commands.add_parser("passwd", parents=[common], help="change your own passphrase")
    passwd.add_argument("--new-passphrase-file", metavar="FILE")
    passwd.set_defaults(handler=_passwd)

    key = commands.add_parser("key", help="your signing key").add_subparsers(dest="key_cmd", required=True)
    export = key.add_parser("export", parents=[common], help="write your public key (PEM) and print its fingerprint")
    export.add_argument("--out", required=True, metavar="FILE")
    export.set_defaults(handler=_key_export)
    recipient = key.add_parser("recipient", parents=[common],
                               help="print this workstation's age recipient: senders encrypt bundles to it")
    recipient.set_defaults(handler=_key_recipient)
    rotate = key.add_parser("rotate", parents=[common],
                            help="replace your signing key; bundles signed with the old one still verify, marked "
                                 "rotated, until an officer revokes it")
    rotate.set_defaults(handler=_key_rotate)

    settings = commands.add_parser("settings", help="workstation settings").add_subparsers(
        dest="settings_cmd", required=True)
    show = settings.add_parser("list", parents=[common], help="show every setting")
    show.set_defaults(handler=_settings_list)
    change = settings.add_parser("set", parents=[common], help="change a setting (officer)")
    change.add_argument("key")
    change.add_argument("value")
    add_witness_arguments(change)
    change.set_defaults(handler=_settings_set)

    vault = commands.add_parser("vault", help="check, back up and restore the vault (officer)").add_subparsers(
        dest="vault_cmd", required=True)
    check = vault.add_parser(
        "check", parents=[common],
        help="check every page's authentication code, the database structure and references, the audit chain "
             "and the vault folder (officer); exit 0 when clean, 5 when the audit chain is broken or unreadable, "
             "1 for any other damage",
        description="Checks the vault for damage and names it: the pages whose HMAC fails and the tables they "
                    "hold, SQLite's integrity and foreign-key checks, the audit chain's first bad entry, and the "
                    "vault folder's files. Works even when the damage stops a normal unlock (read-only, not "
                    "audited then). Exit codes: 0 no damage; 5 audit chain broken or unreadable; 1 any other "
                    "damage, or refused; 3 authentication failed.")
    check.set_defaults(handler=_vault_check)
    backup = vault.add_parser(
        "backup", parents=[common],
        help="write a consistent, still-encrypted copy of the vault with a signed manifest (officer)",
        description="Copies vault.db (still encrypted) and the vault folder's files while no other writer can "
                    "commit, adds manifest.json (every file's size and SHA-256, the audit head, time, who) signed "
                    "with the workstation audit key, records the backup in the audit log, then moves the folder "
                    "into place. DIR must not exist or be empty.")
    backup.add_argument("--to", required=True, metavar="DIR", help="the backup folder to create (new or empty)")
    backup.set_defaults(handler=_vault_backup)
    restore = vault.add_parser(
        "restore", parents=[common],
        help="verify a backup and restore it into a new folder (no unlock needed; unlock it there afterwards)",
        description="Checks the backup's signed manifest and every file's SHA-256 (refusing any missing, extra or "
                    "changed file, naming it), then copies it into DIR, which must not exist or be empty (a vault "
                    "is never overwritten). The restored vault unlocks with the same passphrases. Give the audit "
                    "checkpoint or audit public key you kept off the machine to be warned when the backup is older "
                    "than the checkpoint, and to refuse a backup re-signed by another key.")
    restore.add_argument("source", metavar="FROM", help="the backup folder")
    restore.add_argument("--to", required=True, metavar="DIR", help="the folder to restore into (new or empty)")
    restore.add_argument("--checkpoint", metavar="FILE",
                         help="an audit checkpoint (nia audit checkpoint): warn when the backup is older")
    restore.add_argument("--audit-key", metavar="PEM",
                         help="the vault's audit public key (nia audit key): refuse a backup signed by another")
    restore.set_defaults(handler=_vault_restore)


def _init(args: argparse.Namespace) -> int:
    from nia_desktop.cli.credentials import passphrase
    from nia_desktop.core.vault.kdf import RFC9106, KdfParams, calibrate
    from nia_desktop.services.vault_setup import init_vault

    root = vault_path(args)
    if args.kdf_memory is None and args.kdf_time is None:
        params = calibrate()
    else:
        params = KdfParams((args.kdf_memory or RFC9106.memory_kib // 1024) * 1024,
                           args.kdf_time or RFC9106.iterations, RFC9106.lanes if args.kdf_memory is None else 1)
        _check_floor(params)
    secret = passphrase(args, prompt=f"Passphrase for {args.officer}: ")
    created = init_vault(root, args.officer, secret, params=params, name=args.name)
    return respond(args, {"vault": str(created), "officer": args.officer, "kdf": params.to_json()},
                   f"Created vault {created} with officer {args.officer} "
            f"(Argon2id {params.memory_kib // 1024} MiB, t={params.iterations}, p={params.lanes})")


def _check_floor(params: KdfParams) -> None:
    from nia_desktop.core.errors import BadInput, VaultTampered

    try:
        params.check_bounds()
    except VaultTampered as exc:
        raise BadInput("Argon2id parameters must be at least 19 MiB and t=2 (OWASP's floor)") from exc


def _passwd(args: argparse.Namespace) -> int:
    from nia_desktop.cli.credentials import passphrase
    from nia_desktop.services.users import change_own_passphrase

    def act(session: Session) -> int:
        new = new_passphrase(args, session.name)
        change_own_passphrase(session, passphrase(args), new)
        return respond(args, {"user": session.name, "changed": True},
                       f"Passphrase changed for {session.name}.")

    return run_in_session(args, act)


def _key_export(args: argparse.Namespace) -> int:
    from nia_desktop.core.signing import format_fingerprint
    from nia_desktop.services.keys import export_public_key

    def act(session: Session) -> int:
        fp = export_public_key(session, Path(args.out))
        return respond(args, {"user": session.name, "out": args.out, "fingerprint": fp},
                       f"Wrote {args.out}\nSHA-256 fingerprint: {format_fingerprint(fp)}")

    return run_in_session(args, act)


def _key_rotate(args: argparse.Namespace) -> int:
    from nia_desktop.cli.credentials import passphrase
    from nia_desktop.core.signing import format_fingerprint
    from nia_desktop.services.keys import rotate_own_key

    def act(session: Session) -> int:
        old, new = rotate_own_key(session, passphrase(args))
        return respond(args, {"user": session.name, "old": old, "new": new},
                       f"Rotated your signing key.\nold: {format_fingerprint(old)}\nnew: {format_fingerprint(new)}\n"
                       "Export the new public key (nia key export) for the workstations that trust you.")

    return run_in_session(args, act)


def _key_recipient(args: argparse.Namespace) -> int:
    from nia_desktop.services.bundles import workstation_recipient

    def act(session: Session) -> int:
        recipient = workstation_recipient(session)
        return respond(args, {"recipient": recipient}, recipient)

    return run_in_session(args, act)


def _settings_list(args: argparse.Namespace) -> int:
    from nia_desktop.core import settings as declared
    from nia_desktop.services.settings import current

    def act(session: Session) -> int:
        values = current(session)
        return respond(args, values, "\n".join(f"{key} = {value}    # {declared.ALL[key].help}"
                                                for key, value in values.items()))

    return run_in_session(args, act)


def _settings_set(args: argparse.Namespace) -> int:
    from nia_desktop.services.settings import change

    def act(session: Session) -> int:
        value = change(session, args.key, args.value, witness_from_args(args, session))
        return respond(args, {args.key: value}, f"{args.key} = {value}")

    return run_in_session(args, act)


def _vault_check(args: argparse.Namespace) -> int:
    from nia_desktop.cli.context import open_session, wants_json
    from nia_desktop.cli.credentials import passphrase, user_name
    from nia_desktop.cli.output import emit_json, say, warn
    from nia_desktop.core.display import escape_untrusted
    from nia_desktop.core.errors import AuthFailed, VaultDamaged
    from nia_desktop.core.vault.integrity import damage_detail
    from nia_desktop.services.vault_check import CheckReport, check_unopened, check_vault

    root, user, secret = vault_path(args), user_name(args), passphrase(args)
    report: CheckReport
    try:
        session = open_session(args, secret)
    except Exception as exc:
        # Damage that stops the unlock (or a first page that no key opens, which looks like a wrong key) is
        # exactly what this command is for: check read-only with the key the user's own slot opens.
        if not isinstance(exc, (AuthFailed, VaultDamaged)) and damage_detail(exc, root / "vault.db") is None:
            raise
        report = check_unopened(root, user, secret)
    else:
        try:
            report = check_vault(session)
        finally:
            try:
                session.close()
            except Exception as exc:
                if damage_detail(exc) is None:
                    raise
                warn("nia: the session could not be sealed: the vault database is damaged")
    if wants_json(args):
        emit_json(report.to_json())
    else:
        # A restored vault's manifest is untrusted text: escaped, never interpreted, and long lines kept whole.
        say("\n".join(escape_untrusted(line, 4000) for line in report.lines()))
    if not report.ok:
        warn(f"nia: the vault at {root} is damaged; see above")
    return report.exit_code


def _vault_backup(args: argparse.Namespace) -> int:
    from nia_desktop.services.backup import backup_vault

    def act(session: Session) -> int:
        result = backup_vault(session, Path(args.to))
        m = result.manifest
        return respond(args, result.to_json(),
                       f"Backup written to {result.path}: {len(m.files)} files, audit head at entry {m.head_seq}.\n"
                       f"Signed by the workstation audit key {m.fingerprint}.\n"
                       f"Restore it with: nia vault restore {result.path} --to NEW_FOLDER")

    return run_in_session(args, act)


def _vault_restore(args: argparse.Namespace) -> int:
    from nia_desktop.cli.output import safe, warn
    from nia_desktop.core.signing import format_fingerprint
    from nia_desktop.services.backup import restore_backup

    result = restore_backup(Path(args.source), Path(args.to),
                            checkpoint=Path(args.checkpoint) if args.checkpoint else None,
                            audit_key=Path(args.audit_key) if args.audit_key else None)
    for warning in result.warnings:
        warn(f"warning: {safe(warning)}")
    m = result.manifest
    return respond(args, result.to_json(),
                   f"Restored the vault {safe(m.vault_name)!r} into {result.path}\n"
                   f"backup taken {safe(m.created)} by {safe(m.by)}; audit log up to entry {m.head_seq}\n"
                   f"signed by audit key {format_fingerprint(m.fingerprint)}: compare it with the one you "
                   "wrote down (nia audit key)\n"
                   f"Unlock it with the same passphrases: nia --vault {result.path} ...; an officer should then run "
                   "`nia vault check` there")
