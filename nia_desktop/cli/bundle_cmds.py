"""`nia bundle` and `nia trust`: signed bundles out and in, and the keys this workstation trusts."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from nia_desktop.cli.context import SubParsers, respond, run_in_session, wants_json
from nia_desktop.cli.numbers import row_id
from nia_desktop.cli.output import emit_json, say, warn
from nia_desktop.cli.paging import add_paging, respond_page, window
from nia_desktop.cli.witness import add_witness_arguments, witness_from_args

if TYPE_CHECKING:
    from nia_desktop.core.bundles import custody
    from nia_desktop.services.bundles import VerifyResult
    from nia_desktop.services.session import Session


HAND_TO_HELP = ("whom you hand the bundle to: the next courier (a trusted key's name or fingerprint) or the "
                "destination workstation (its age recipient, age1..., from `nia key recipient` there); recorded in "
                "your custody hop, so the next hop is checked against it. Without it the hop names nobody and "
                "every later check flags it")


def register(commands: SubParsers, common: argparse.ArgumentParser) -> None:
    bundle = commands.add_parser("bundle", help="signed bundles: verify, receive, export").add_subparsers(
        dest="bundle_cmd", required=True)
    check = bundle.add_parser("verify", parents=[common], help="check a bundle; exit 4 and the reason if it fails")
    check.add_argument("file", type=Path)
    check.add_argument("--trust", type=Path, metavar="PUBKEY_PEM", action="append",
                       help="trust only this key (repeat it for the couriers of a carried bundle); no vault is opened")
    check.add_argument("--identity", type=Path, metavar="AGE_KEY",
                       help="with --trust: the age identity file that opens an encrypted bundle")
    check.add_argument("--trust-officer", type=Path, metavar="PUBKEY_PEM", action="append",
                       help="with --trust: trust this key as a security officer's (one who may approve a briefing's "
                            "release); repeatable")
    check.add_argument("--review-from", type=_review_level, metavar="LEVEL",
                       help="with --trust: briefings at or above LEVEL need an officer's approval (a classification "
                            "or 0-3; 4 or off: none); default SECRET. With a vault, its own setting applies")
    check.set_defaults(handler=_verify)
    receive = bundle.add_parser("receive", parents=[common], help="courier: verify, then queue into the vault")
    receive.add_argument("file", type=Path)
    receive.set_defaults(handler=_receive)
    reports = bundle.add_parser("reports", parents=[common], help="analyst: sign reports into a bundle")
    reports.add_argument("ids", nargs="+", type=row_id, metavar="REPORT_ID")
    where = reports.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, metavar="FILE")
    where.add_argument("--queue", action="store_true", help="keep it in the vault for a courier to write out")
    reports.set_defaults(handler=_reports)
    carry = bundle.add_parser("carry", parents=[common],
                              help="courier: countersign a bundle you carry (custody hop), in place or to --out")
    carry.add_argument("file", type=Path)
    carry.add_argument("--volume", required=True, help="the medium it travels on (label)")
    carry.add_argument("--out", type=Path, metavar="FILE")
    carry.add_argument("--to", "--hand-to", dest="hand_to", default="", metavar="WHOM", help=HAND_TO_HELP)
    carry.set_defaults(handler=_carry)
    outbound = bundle.add_parser("outbound", parents=[common], help="courier: bundles queued to go out")
    add_paging(outbound, 100)
    outbound.set_defaults(handler=_outbound)
    write_out = bundle.add_parser("write-out", parents=[common],
                                  help="courier: write a queued bundle to media (custody hop, fsync, read-back)")
    write_out.add_argument("uuid")
    write_out.add_argument("--to", type=Path, required=True, metavar="DIR")
    write_out.add_argument("--volume", default="", help="the medium's label (default: its mount point's name)")
    write_out.add_argument("--hand-to", default="", metavar="WHOM", help=HAND_TO_HELP)
    write_out.set_defaults(handler=_write_out)
    receipt = bundle.add_parser("receipt", parents=[common],
                                help="sign a receipt for a received briefing or notice bundle, for its sender")
    receipt.add_argument("uuid", help="the received bundle's UUID (nia bundle inbound, nia notice list)")
    where = receipt.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, metavar="FILE")
    where.add_argument("--queue", action="store_true", help="keep it in the vault for a courier to write out")
    receipt.add_argument("--again", action="store_true", help="sign another receipt for a bundle already receipted")
    receipt.set_defaults(handler=_receipt)
    inbound = bundle.add_parser("inbound", parents=[common], help="bundles received and waiting")
    add_paging(inbound, 100)
    inbound.set_defaults(handler=_inbound)
    accept = bundle.add_parser("accept", parents=[common], help="analyst: import a received reports bundle")
    accept.add_argument("uuid")
    accept.add_argument("--agency", default="")
    accept.add_argument("--case", default="")
    accept.set_defaults(handler=_accept)

    trust = commands.add_parser("trust", help="officer: keys this workstation trusts").add_subparsers(
        dest="trust_cmd", required=True)
    add = trust.add_parser("add", parents=[common], help="trust a public key (compare its fingerprint first)")
    add.add_argument("file", type=Path, metavar="PUBKEY_PEM")
    add.add_argument("--name", required=True)
    add.add_argument("--workstation", default="")
    add.add_argument("--role", default="")
    add.add_argument("--yes", action="store_true",
                     help="on a terminal, skip the question: the fingerprint was already compared")
    add_witness_arguments(add)
    add.set_defaults(handler=_trust_add)
    listing = trust.add_parser("list", parents=[common], help="trusted keys, revoked ones marked")
    listing.set_defaults(handler=_trust_list)
    revoke = trust.add_parser("revoke", parents=[common], help="stop trusting a key (kept, marked revoked)")
    revoke.add_argument("fingerprint", help="the fingerprint, or enough of its start to be unique; any key: one in "
                                            "the trust store, a user's, a rotated one, or (in full) one never seen")
    add_witness_arguments(revoke)
    revoke.set_defaults(handler=_trust_revoke)
    export = trust.add_parser("export", parents=[common],
                              help="sign this workstation's public keys and trust store into a keys bundle")
    export.add_argument("--out", type=Path, required=True, metavar="FILE")
    export.set_defaults(handler=_trust_export)
    take = trust.add_parser("import", parents=[common],
                            help="show what a keys bundle from a trusted officer changes; --yes applies it")
    take.add_argument("file", type=Path)
    take.add_argument("--yes", action="store_true", help="apply the changes shown")
    add_witness_arguments(take)
    take.set_defaults(handler=_trust_import)


def _review_level(value: str) -> int:
    """--review-from: a classification (DESIGN.md's names, 0-3), or 4/off for no review."""
    from nia_desktop.core.classification import parse_level
    from nia_desktop.core.errors import BadInput

    if value.strip().casefold() in ("4", "off", "none"):
        return 4
    try:
        return int(parse_level(value))
    except BadInput as exc:
        raise argparse.ArgumentTypeError(exc.user_message) from exc


def _refused(args: argparse.Namespace, reason: str) -> int:
    if wants_json(args):
        emit_json({"ok": False, "signer": None, "fingerprint": None, "uuid": None, "kind": None, "files": [],
                   "error": reason})
    warn(f"nia: bundle refused: {reason}")
    return 4


def _verify(args: argparse.Namespace) -> int:
    from nia_desktop.core.errors import BundleRejected
    from nia_desktop.services import bundles

    def show(result: bundles.VerifyResult) -> int:
        manifest = result.verified.manifest
        lines = [f"OK: {manifest.kind} bundle {manifest.uuid}, {len(manifest.files)} files",
                 f"signed by {manifest.signer_name} ({manifest.signer_fingerprint}), sequence {manifest.sequence}, "
                 f"at {manifest.created}",
                 *_custody_lines(result.chain),
                 *_release_lines(result),
                 *[f"warning: {w}" for w in result.warnings]]
        return respond(args, result.to_json(), "\n".join(lines))

    try:
        if args.trust is None and (args.trust_officer is not None or args.review_from is not None):
            from nia_desktop.cli.credentials import UsageError

            raise UsageError("--trust-officer and --review-from go with --trust (no vault); a vault applies its "
                             "own trust store and release_review_from setting")
        if args.trust is not None:
            from nia_desktop.core.clock import SystemClock, iso_utc

            pems, officer_pems = _read_pems(args.trust), _read_pems(args.trust_officer or [])
            identities = []
            if args.identity is not None:
                try:
                    identities = [line.strip() for line in args.identity.read_text(encoding="ascii").splitlines()
                                  if line.startswith("AGE-SECRET-KEY-")]
                except (OSError, UnicodeDecodeError) as exc:
                    from nia_desktop.core.errors import BadInput

                    raise BadInput(f"cannot read the age identity {args.identity}") from exc
            review = {} if args.review_from is None else {"review_from": args.review_from}
            return show(bundles.verify_with_key(args.file, pems, iso_utc(SystemClock().now()), identities,
                                                officer_pems, **review))
        return run_in_session(args, lambda session: show(bundles.verify(session, args.file)))
    except BundleRejected as exc:
        return _refused(args, exc.user_message)


def _custody_lines(chain: custody.Custody | None) -> list[str]:
    """Each hop with whom it handed the bundle to, then whether the chain reaches the one checking (the gaps are
    among the warnings)."""
    if chain is None:
        return []
    lines = [f"custody hop {h.number}: carried by {h.courier} (trusted as {h.signer_name}) at {h.at} on {h.volume}"
             + (f", handed to {h.to.describe()}" if h.to else ", handed to nobody named") for h in chain.hops]
    if chain.complete:
        return [*lines, "custody: complete" if chain.hops else "custody: none needed (signed on this workstation)"]
    return [*lines, "custody: INCOMPLETE (see the warnings)"]


def _read_pems(paths: list[Path]) -> list[bytes]:
    from nia_desktop.core.errors import BadInput

    pems = []
    for path in paths:
        try:
            pems.append(path.read_bytes())
        except OSError as exc:
            raise BadInput(f"cannot read {path}: {exc.strerror}") from exc
    return pems


def _release_lines(result: VerifyResult) -> list[str]:
    """A briefing's release as this check judged it: its level, the rule applied, and who approved it."""
    release = result.verified.release
    if release is None:
        return []
    from nia_desktop.core.bundles.approval import review_name

    rule = (f"release review from {review_name(release.review_from)}: required" if release.required else
            f"release review from {review_name(release.review_from)}: not required")
    if release.approval is None:
        return [f"{release.level.english} briefing; {rule}; no approval"]
    return [f"{release.level.english} briefing; {rule}; approved by {release.approval.get('approver', '?')} "
            f"({str(release.approval.get('approver_fingerprint', ''))[:16]}…)"
            + (f", trusted here as {release.approver}" if release.approver else "")]


def _receive(args: argparse.Namespace) -> int:
    from nia_desktop.core.errors import BundleRejected
    from nia_desktop.services import bundles

    def act(session: Session) -> int:
        got = bundles.receive(session, args.file)
        manifest = got.manifest
        text = (f"already received: bundle {manifest.uuid}" if got.already else
                f"received {manifest.kind} bundle {manifest.uuid} from {manifest.signer_name}"
                + ("; queued for an analyst" if manifest.kind == "reports" else ""))
        body = {"uuid": manifest.uuid, "kind": manifest.kind, "already_received": got.already,
                "warnings": got.warnings, "custody": got.chain.to_json() if got.chain else None,
                "effect": got.effect or None}
        return respond(args, body, "\n".join([text, *_effect_lines(manifest.kind, got.effect),
                                              *_custody_lines(got.chain), *[f"warning: {w}" for w in got.warnings]]))

    try:
        return run_in_session(args, act)
    except BundleRejected as exc:
        return _refused(args, exc.user_message)


def _effect_lines(kind: str, effect: dict[str, object]) -> list[str]:
    """What receiving a briefing, notice or receipt changed here, in a line or two."""
    if not effect:
        return []
    if kind == "briefing":
        return [f"holding product {str(effect['product'])[:16]}…"]
    if kind == "notice":
        marked, refused = effect.get("marked") or [], effect.get("refused") or []
        assert isinstance(marked, list) and isinstance(refused, list)
        lines = [f"{'RECALL' if effect.get('action') == 'recall' else 'correction'}: {len(marked)} held product(s) "
                 f"marked, {effect.get('not_held', 0)} named not held here"]
        if refused:
            lines.append(f"warning: {len(refused)} held product(s) left alone: the notice is signed neither by the "
                         "product's signer nor by a key trusted here as a security officer's")
        return lines
    if kind == "receipt":
        already = " (already acknowledged: nothing changed)" if effect.get("already_acknowledged") else ""
        return [f"acknowledged: consumer {effect.get('consumer')} received bundle {effect.get('for')}{already}"]
    return []


def _receipt(args: argparse.Namespace) -> int:
    from nia_desktop.services import receipts

    def act(session: Session) -> int:
        signed = receipts.issue(session, args.uuid, None if args.queue else args.out, args.again)
        where = f"wrote {args.out}" if not args.queue else "queued for a courier"
        return respond(args, signed.to_json(), f"{where}: receipt {signed.manifest.uuid} for {signed.receipt.kind} "
                                               f"bundle {signed.receipt.for_uuid}")

    return run_in_session(args, act)


def _reports(args: argparse.Namespace) -> int:
    from nia_desktop.services import bundles

    def act(session: Session) -> int:
        manifest = bundles.export_reports(session, args.ids, args.out)
        where = f"wrote {args.out}" if args.out else "queued for a courier"
        return respond(args, manifest.to_json(), f"{where}: {len(manifest.files)} files, "
                                                 f"bundle {manifest.uuid}, sequence {manifest.sequence}")

    return run_in_session(args, act)


def _inbound(args: argparse.Namespace) -> int:
    """Received bundles, oldest first, a page at a time (100 unless --limit says otherwise)."""
    from nia_desktop.services import bundles

    def act(session: Session) -> int:
        size, skip = window(args)
        page = bundles.inbound_page(session, size, skip)

        def row(b: tuple[str, str, str, int, str, str]) -> dict[str, object]:
            return dict(zip(("uuid", "kind", "signer", "sequence", "received_at", "status"), b, strict=True))

        body = [row(b) for b in page.items]
        return respond_page(args, page, "\n".join(f"{b['received_at']}  {b['kind']:8} {b['uuid']}  {b['status']}"
                                                  for b in body) or "no bundles received", row=row)

    return run_in_session(args, act)


def _accept(args: argparse.Namespace) -> int:
    from nia_desktop.core.errors import BundleRejected
    from nia_desktop.services import bundles

    def act(session: Session) -> int:
        outcome = bundles.accept(session, args.uuid, args.agency, args.case)
        counts = outcome.counts()
        return respond(args, outcome.to_json(), f"bundle {args.uuid}: {counts['imported']} imported, "
                                                f"{counts['duplicates']} duplicates, {counts['refused']} refused")

    try:
        return run_in_session(args, act)
    except BundleRejected as exc:
        return _refused(args, exc.user_message)


def _trust_add(args: argparse.Namespace) -> int:
    from nia_desktop.core.signing import format_fingerprint
    from nia_desktop.services import trust

    def act(session: Session) -> int:
        try:
            pem = args.file.read_bytes()
        except OSError as exc:
            from nia_desktop.core.errors import BadInput

            raise BadInput(f"cannot read {args.file}: {exc.strerror}") from exc
        _confirm_fingerprint(args, pem)
        fp = trust.trust_key(session, pem, args.name, args.workstation, args.role, witness_from_args(args, session))
        return respond(args, {"fingerprint": fp, "name": args.name},
                       f"trusted {args.name}: {format_fingerprint(fp)}\n"
                       "compare this fingerprint with the key's owner by another channel before relying on it")

    return run_in_session(args, act)


def _confirm_fingerprint(args: argparse.Namespace, pem: bytes) -> None:
    """On a terminal, show the fingerprint and trust the key only once the officer says it matches.
    Scripts (no terminal) and --yes go straight on; the fingerprint is printed either way."""
    import sys

    from nia_desktop.core.errors import BadInput
    from nia_desktop.core.signing import fingerprint, format_fingerprint, load_public_pem

    if args.yes or not sys.stdin.isatty() or wants_json(args):
        return
    shown = format_fingerprint(fingerprint(load_public_pem(pem)))
    sys.stderr.write(f"SHA-256 fingerprint of {args.file.name}:\n  {shown}\n"
                     "Read it with the key's owner over another channel. Does it match? [y/N] ")
    sys.stderr.flush()
    if sys.stdin.readline().strip().lower() not in ("y", "yes"):
        raise BadInput("not trusted: the fingerprint was not confirmed")


def _trust_list(args: argparse.Namespace) -> int:
    from nia_desktop.services import trust

    def act(session: Session) -> int:
        rows = trust.trusted_keys(session)
        body = [{"fingerprint": r.fingerprint, "name": r.name, "workstation": r.workstation, "role": r.role,
                 "added_by": r.added_by, "added_at": r.added_at, "revoked_at": r.revoked_at,
                 "superseded_by": r.superseded_by} for r in rows]
        if wants_json(args):
            emit_json(body)
            return 0
        for row in rows:
            say(f"{row.fingerprint[:16]}…  {row.name}  {row.workstation}  {row.role}"
                + (f"  REVOKED {row.revoked_at}" if row.revoked_at else "")
                + (f"  rotated to {row.superseded_by[:16]}…" if row.superseded_by else ""))
        return 0

    return run_in_session(args, act)


def _trust_revoke(args: argparse.Namespace) -> int:
    from nia_desktop.services import trust

    def act(session: Session) -> int:
        fp = trust.revoke_key(session, args.fingerprint, witness_from_args(args, session))
        return respond(args, {"revoked": fp}, f"revoked {fp}")

    return run_in_session(args, act)


def _carry(args: argparse.Namespace) -> int:
    from nia_desktop.core.errors import BundleRejected
    from nia_desktop.services import couriers

    def act(session: Session) -> int:
        verified = couriers.carry(session, args.file, args.volume, args.out, args.hand_to)
        hop = verified.custody[-1]
        if hop.to is None:
            warn("warning: your hop names nobody as the next holder (--to): every later check flags the chain")
        return respond(args, {"uuid": verified.manifest.uuid, "hop": hop.to_json()},
                       f"countersigned bundle {verified.manifest.uuid}: custody hop {hop.number} on {hop.volume}"
                       + (f", handed to {hop.to.describe()}" if hop.to else ""))

    try:
        return run_in_session(args, act)
    except BundleRejected as exc:
        return _refused(args, exc.user_message)


def _outbound(args: argparse.Namespace) -> int:
    """Bundles queued to go out, oldest first, a page at a time (100 unless --limit says otherwise)."""
    from nia_desktop.services import couriers

    def act(session: Session) -> int:
        size, skip = window(args)
        page = couriers.outbound_page(session, size, skip)
        return respond_page(args, page, "\n".join(
            f"{r.queued_at}  {r.kind:8} {r.uuid}  {r.file_name}  {r.size} bytes  {r.status}"
            + (f" to {r.volume}" if r.volume else "") for r in page.items) or "nothing queued")

    return run_in_session(args, act)


def _write_out(args: argparse.Namespace) -> int:
    from nia_desktop.services import couriers

    def act(session: Session) -> int:
        target = couriers.write_out(session, args.uuid, args.to, args.volume, args.hand_to)
        if not args.hand_to:
            warn("warning: no --hand-to: a custody hop (plain bundles) names nobody as the next holder, and every "
                 "later check flags the chain")
        return respond(args, {"uuid": args.uuid, "path": str(target)},
                       f"wrote {target}; read back and checked; marked delivered")

    return run_in_session(args, act)


def _trust_export(args: argparse.Namespace) -> int:
    from nia_desktop.services.key_exchange import export_keys

    def act(session: Session) -> int:
        manifest = export_keys(session, args.out)
        return respond(args, manifest.to_json(), f"wrote {args.out}: keys bundle {manifest.uuid}")

    return run_in_session(args, act)


def _trust_import(args: argparse.Namespace) -> int:
    from nia_desktop.core.errors import BundleRejected
    from nia_desktop.services.key_exchange import import_keys

    def act(session: Session) -> int:
        change = import_keys(session, args.file, apply=args.yes,
                             witness=witness_from_args(args, session) if args.yes else None)
        lines = change.lines() or ["nothing to change"]
        tail = "applied" if args.yes else "nothing changed yet: run again with --yes to apply" + (
            " and --witness NAME (a second security officer)" if change.needs_witness else "")
        return respond(args, {**change.to_json(), "applied": args.yes},
                       "\n".join([f"keys bundle signed by {change.signer}, trusted here as the security officer "
                                  f"{change.signer_trusted_as}:", *lines, tail]))

    try:
        return run_in_session(args, act)
    except BundleRejected as exc:
        return _refused(args, exc.user_message)
