"""The ledger's questions (docs/dissemination.md): who holds anything derived from a report, what a consumer was
sent, which copies no receipt has acknowledged, which products rest on a report changed since, and one product
in full.

Need-to-know holds here as everywhere: an analyst asking who holds a report must be able to read it (a hidden
one is refused and audited like any other read), and sees only the products whose marking they may read, and
only the reports of them they may read now (and of a product's notices, only the products they may read).
Officers see every product (they review releases) and never any report content: the ledger holds digests,
markings, report numbers and custody, not text. Every question is audited (``ledger.query``) with the question
asked, never the answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from nia_desktop.core.audit import Outcome
from nia_desktop.core.errors import BadInput
from nia_desktop.core.roles import Action, Role
from nia_desktop.core.store import clearances, ledger
from nia_desktop.core.store.ledger import Clause, Copy, Derivation, Holding, Notice, Product, Stale
from nia_desktop.services.fusion import kept_duplicates
from nia_desktop.services.paging import Page as Page  # re-exported: the ledger view names it from here
from nia_desktop.services.session import Session

T = TypeVar("T", Holding, Stale)
DEFAULT_LIMIT = 100
MAX_CASES = 20  # stale: the case fusions consulted for near-duplicates, besides the fusion of everything


def _page(question: str, rows: list[T], limit: int, offset: int) -> Page[T]:
    return Page.cut(rows, limit, offset, question)


def _check_window(limit: int, offset: int) -> None:
    if limit < 1 or offset < 0:
        raise BadInput("--limit must be 1 or more and --offset 0 or more")


def _ask(session: Session, question: str, subject: str = "", **details: Any) -> Clause:
    """The permission check and the audit entry of one question; the reader's product filter."""
    session.require(Action.LEDGER_READ, question)
    session.audit("ledger.query", question, details={"question": question, **({"about": subject} if subject else {}),
                                                     **details})
    return _filter(session)


def _filter(session: Session) -> Clause:
    return ledger.visible_sql(None if session.role is Role.OFFICER else session.access())


@contextmanager
def _refusals(session: Session, question: str, subject: str = "",
              noted: dict[str, Any] | None = None) -> Iterator[None]:
    """A question refused for what was asked (a bad window, an unknown consumer, no such product) is audited once,
    ``ledger.query`` refused, with the reason shown; a permission or need-to-know refusal has its own entry."""
    try:
        yield
    except BadInput as exc:
        session.audit("ledger.query", question, Outcome.REFUSED, {
            "question": question, **({"about": subject[:64]} if subject else {}), "reason": exc.user_message,
            **(noted or {})})
        raise


def who_has(session: Session, report_id: int, limit: int = DEFAULT_LIMIT, offset: int = 0) -> Page[Holding]:
    """Every copy of every product derived from the report (citing it, or carrying an assessment resting on it),
    with its consumer, custody and state."""
    session.require(Action.LEDGER_READ, f"who-has report {report_id}")
    with _refusals(session, "who-has", f"report {report_id}"):
        _check_window(limit, offset)
    if session.role is not Role.OFFICER:
        session.require_readable([report_id], f"ledger who-has report {report_id}")
    visible = _ask(session, "who-has", f"report {report_id}", limit=limit, offset=offset)
    return _page("who-has", ledger.who_has(session.db, report_id, visible, limit + 1, offset), limit, offset)


def sent(session: Session, consumer: str, limit: int = DEFAULT_LIMIT, offset: int = 0) -> Page[Holding]:
    """What one consumer was sent, products and notices, newest first."""
    session.require(Action.LEDGER_READ, f"sent {consumer[:64]}")
    with _refusals(session, "sent", consumer):
        _check_window(limit, offset)
        if ledger.consumer(session.db, consumer) is None:
            raise BadInput(f"no consumer named {consumer[:64]!r} (see nia consumer list)")
    visible = _ask(session, "sent", consumer, limit=limit, offset=offset)
    return _page("sent", ledger.sent_to(session.db, consumer, limit + 1, offset, visible), limit, offset)


def outstanding(session: Session, limit: int = DEFAULT_LIMIT, offset: int = 0) -> Page[Holding]:
    """Copies of products and notices no signed receipt has acknowledged yet, oldest first."""
    session.require(Action.LEDGER_READ, "outstanding")
    with _refusals(session, "outstanding"):
        _check_window(limit, offset)
    visible = _ask(session, "outstanding", limit=limit, offset=offset)
    return _page("outstanding", ledger.outstanding(session.db, limit + 1, offset, visible), limit, offset)


def _duplicates(session: Session, cases: set[str]) -> dict[int, int]:
    """Report -> the report it repeats, from the latest fusions kept for this reader's access (of every report,
    and of the products' cases): in each near-duplicate group, every later report repeats the first."""
    found: dict[int, int] = {}
    for scope in ["", *sorted(cases)[:MAX_CASES]]:
        for group in kept_duplicates(session, scope):
            ids = sorted(int(r) for r in group)
            for later in ids[1:]:
                found.setdefault(later, ids[0])
    return found


def stale(session: Session, limit: int = DEFAULT_LIMIT, offset: int = 0) -> Page[Stale]:
    """Released products resting on a report re-marked, re-graded or found to be a near-duplicate since."""
    session.require(Action.LEDGER_READ, "stale")
    with _refusals(session, "stale"):
        _check_window(limit, offset)
    visible = _ask(session, "stale", limit=limit, offset=offset)
    cases = {str(c) for (c,) in session.db.query("SELECT DISTINCT case_name FROM products")}
    rows = ledger.stale(session.db, _duplicates(session, cases), visible)
    if session.role is not Role.OFFICER:
        readable = clearances.readable_ids(session.db, session.access(), {s.report_id for s in rows})
        rows = [s for s in rows if s.report_id in readable]  # a report hidden now is not named, even here
    return _page("stale", rows[offset:offset + limit + 1], limit, offset)


@dataclass(frozen=True)
class ProductDetail:
    """One product: what it derives from (as released), the assessments it carries, every copy, every notice."""

    product: Product
    derives_from: list[Derivation]
    assessments: list[int]
    copies: list[Copy]
    notices: list[Notice]

    def to_json(self) -> dict[str, Any]:
        return {**self.product.to_json(),
                "derives_from": [{"report": d.report_id, "classification": d.classification.english,
                                  "caveats": list(d.caveats), "grading": d.grading} for d in self.derives_from],
                "assessments": self.assessments, "copies": [c.to_json() for c in self.copies],
                "notices": [n.to_json() for n in self.notices]}


def product(session: Session, digest: str) -> ProductDetail:
    """A product by its digest or a prefix of it that names one product (of those this reader may read). Audited
    once: the question when it names one, else refused with the reason (a hidden product is answered as if it did
    not exist, not even its existence shows; the entry notes the need-to-know refusal for the officer)."""
    prefix = digest.strip().lower()
    session.require(Action.LEDGER_READ, f"product {prefix[:64]}")
    noted: dict[str, Any] = {}
    with _refusals(session, "product", prefix, noted):
        if not prefix or len(prefix) > 64 or any(c not in "0123456789abcdef" for c in prefix):
            raise BadInput("a product digest is hexadecimal (SHA-256, or its first characters)")
        visible = _filter(session)
        found = _matching(session, prefix, visible)
        if not found:
            if _matching(session, prefix, ledger.EVERY_PRODUCT):
                noted["need_to_know"] = True
            raise BadInput(f"no product {prefix[:64]} in the ledger")
        if len(found) > 1:
            raise BadInput(f"{prefix} names {len(found)} products: give more of the digest")
    _ask(session, "product", prefix)
    chosen = found[0]
    derived = ledger.derivations(session.db, chosen.digest)
    notices = ledger.notices_about(session.db, chosen.digest)
    if session.role is not Role.OFFICER:
        readable = clearances.readable_ids(session.db, session.access(), {d.report_id for d in derived})
        derived = [d for d in derived if d.report_id in readable]
        notices = _notices_shown(session, notices, visible)
    return ProductDetail(chosen, derived, ledger.product_assessments(session.db, chosen.digest),
                         ledger.copies_of(session.db, chosen.digest), notices)


def _matching(session: Session, prefix: str, visible: Clause) -> list[Product]:
    return ledger.products_like(session.db, prefix, 2, visible)


def _notices_shown(session: Session, notices: list[Notice], visible: Clause) -> list[Notice]:
    """A product's notices as this reader may see them: the other products a notice names, and the product that
    supersedes it, only when the reader may read them (a hidden one is left out, not even its digest shown)."""
    named = {d for n in notices for d in (*n.products, n.superseded_by) if d}
    shown = {d for d in named if _visible(session, d, visible)}
    return [replace(n, products=tuple(d for d in n.products if d in shown),
                    superseded_by=n.superseded_by if n.superseded_by in shown else "") for n in notices]


def _visible(session: Session, digest: str, visible: Clause) -> bool:
    return any(p.digest == digest for p in ledger.products_like(session.db, digest, 1, visible))
