"""Two workstations in one test: the NIA (the vault_dir fixture: olive, anna, carl) and a ministry's NIA Desktop.

The ministry trusts anna's signing key (an analyst's, not an officer's); the NIA registers the ministry as a
consumer with its workstation's age recipient and the signing key of the ministry user who signs receipts. A
product is a briefing exported by anna with services/briefings.brief, encrypted to the consumer, recorded in the
ledger as one copy (store/ledger.record_product/record_copy, unless the export already recorded it).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from nia_desktop.core.briefing.content import Briefing, Source
from nia_desktop.core.classification import Level
from nia_desktop.core.clock import SystemClock, iso_utc
from nia_desktop.core.roles import Role
from nia_desktop.core.signing import fingerprint, public_pem
from nia_desktop.core.store import ledger
from nia_desktop.core.vault.kdf import FLOOR
from nia_desktop.services import bundles, trust
from nia_desktop.services.briefings import brief
from nia_desktop.services.session import Session, unlock
from nia_desktop.services.users import add_user
from nia_desktop.services.vault_setup import init_vault
from tests.conftest import ANALYST, ANALYST_PASS, COURIER, COURIER_PASS, OFFICER, OFFICER_PASS


@dataclass
class Workstation:
    root: Path
    passphrases: dict[str, str]

    @contextmanager
    def session(self, name: str) -> Iterator[Session]:
        with unlock(self.root, name, self.passphrases[name]) as session:
            yield session

    def public_pem(self, name: str) -> bytes:
        with self.session(name) as session:
            return public_pem(session.signing_key.public_key())

    def recipient(self) -> str:
        with self.session(next(iter(self.passphrases))) as session:
            return bundles.workstation_recipient(session)


def ministry(root: Path, prefix: str = "m") -> Workstation:
    """A consumer's workstation: an officer, an analyst and a courier."""
    names = {f"{prefix}-officer": Role.OFFICER, f"{prefix}-analyst": Role.ANALYST, f"{prefix}-courier": Role.COURIER}
    passphrases = {name: f"{name}-passphrase-9" for name in names}
    officer = f"{prefix}-officer"
    init_vault(root, officer, passphrases[officer], params=FLOOR, name=f"Consumer {prefix}")
    with unlock(root, officer, passphrases[officer]) as session:
        for name, role in names.items():
            if role is not Role.OFFICER:
                add_user(session, name, role, passphrases[name])
    return Workstation(root, passphrases)


@dataclass
class Pair:
    nia: Workstation
    consumer: Workstation
    name: str = "mofa"
    products: dict[str, Path] = field(default_factory=dict)  # digest -> the bundle file sent

    @property
    def officer(self) -> str:
        return next(n for n in self.consumer.passphrases if n.endswith("-officer"))

    @property
    def analyst(self) -> str:
        return next(n for n in self.consumer.passphrases if n.endswith("-analyst"))

    @property
    def courier(self) -> str:
        return next(n for n in self.consumer.passphrases if n.endswith("-courier"))

    def trust(self, user: str = ANALYST, role: str = "analyst", workstation: Workstation | None = None) -> str:
        """The consumer's officer trusts one NIA user's key."""
        workstation = workstation or self.consumer
        pem = self.nia.public_pem(user)
        officer = next(n for n in workstation.passphrases if n.endswith("-officer"))
        with workstation.session(officer) as session:
            return trust.trust_key(session, pem, f"{user}@nia", "nia", role)

    def nia_trusts(self, user: str, role: str = "courier") -> str:
        """The NIA's officer trusts a consumer user's key (a courier whose custody hops a receipt carries)."""
        pem = self.consumer.public_pem(user)
        with self.nia.session(OFFICER) as session:
            return trust.trust_key(session, pem, f"{user}@{self.name}", self.name, role)

    def register(self, name: str | None = None, workstation: Workstation | None = None,
                 key_user: str | None = None, max_level: Level = Level.SECRET) -> None:
        """The NIA records a consumer: its workstation's recipient, and its receipt signer's key."""
        workstation = workstation or self.consumer
        key_user = key_user or next(n for n in workstation.passphrases if n.endswith("-analyst"))
        pem = workstation.public_pem(key_user)
        from nia_desktop.core.signing import load_public_pem

        fp = fingerprint(load_public_pem(pem))
        with self.nia.session(OFFICER) as session, session.db.transaction():
            ledger.add_consumer(session.db, ledger.Consumer(
                name or self.name, "Ministry", workstation.recipient(), fp, max_level, (), OFFICER,
                iso_utc(SystemClock().now())), pem.decode("ascii"))

    def release(self, out: Path, title: str = "Harbour visits", to: tuple[str, ...] = ("mofa",),
                level: Level = Level.CONFIDENTIAL) -> str:
        """anna exports a product and sends one copy to each consumer named; returns its digest."""
        created = iso_utc(SystemClock().now())
        briefing = Briefing("harbour", title, "Port calls rose.", ANALYST, created, [],
                            [Source(1, "Port visit", "NPA", "2026-01-01", "B2", int(level))], [])
        digest = hashlib.sha256(briefing.encode()).hexdigest()
        with self.nia.session(ANALYST) as session:
            for n, consumer_name in enumerate(to):
                consumer = ledger.consumer(session.db, consumer_name)
                assert consumer is not None
                target = out if n == 0 else out.with_name(f"{out.stem}-{consumer_name}.nia")
                done = brief(session, briefing, target, [consumer.recipient])
                assert done.status == "exported" and done.manifest is not None
                with session.db.transaction():
                    ledger.record_product(session.db, ledger.Product(
                        digest, "harbour", title, briefing.classification, (), "", ANALYST, created), [], [])
                    if ledger.copy_of(session.db, done.manifest.uuid) is None:
                        ledger.record_copy(session.db, done.manifest.uuid, "product", digest, consumer_name, ANALYST,
                                           created, f"file {target}")
                self.products[f"{digest}:{consumer_name}"] = target
        return digest

    def receive(self, path: Path, workstation: Workstation | None = None) -> bundles.Received:
        workstation = workstation or self.consumer
        courier = next(n for n in workstation.passphrases if n.endswith("-courier"))
        with workstation.session(courier) as session:
            return bundles.receive(session, path)

    def nia_receive(self, path: Path) -> bundles.Received:
        with self.nia.session(COURIER) as session:
            return bundles.receive(session, path)


def nia_workstation(vault_dir: Path) -> Workstation:
    return Workstation(vault_dir, {OFFICER: OFFICER_PASS, ANALYST: ANALYST_PASS, COURIER: COURIER_PASS})


def pair(vault_dir: Path, tmp_path: Path) -> Pair:
    """The NIA and one consumer, trusting each other as dissemination needs."""
    made = Pair(nia_workstation(vault_dir), ministry(tmp_path / "ministry"))
    made.trust()
    made.register()
    return made
