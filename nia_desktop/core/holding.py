"""What a consumer may hold: the rule that picks, for each consumer, the full product or a tearline version.

A consumer (the Prime Minister's Office, a ministry, a foreign partner) is registered with the highest level it
may receive and the caveats it may receive. It may hold a marking when:

* the level is at or below its own;
* every compartment (and unknown marking: fail closed) on it is one it is registered with, as a reader must
  hold a compartment to read;
* every control on it (ORCON, NOFORN, any control an officer defined) is one it is registered with: a control
  restricts further dissemination, so a controlled product goes only to consumers registered for that control;
* a **foreign** consumer (registered with a release list, ``REL TO GBR``) holds only what may go to every
  partner it stands for: a marking whose release list names them all, or an UNCLASSIFIED marking with no
  release list. A classified part with no release list goes to no partner (core/markings.combine), and
  NOFORN never goes abroad. A **domestic** consumer (no release list) holds release-listed products: a release
  list limits what goes abroad, not what stays within the government.

``ConsumerLine`` is the tearline a product for one consumer is cut at: a portion stays only when the consumer may
hold it, so a foreign partner's version leaves out the parts that may not go abroad.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from nia_desktop.core.classification import Level
from nia_desktop.core.markings import NOFORN, Access, CaveatKind, Marking, Tearline, release_list


@dataclass(frozen=True)
class Holder:
    """A consumer's level and the caveats it is registered with (compartments, controls, release lists)."""

    level: Level
    caveats: frozenset[str] = frozenset()

    @property
    def access(self) -> Access:
        """As a reader: the level and every caveat held (only the compartments among them matter to may_read)."""
        return Access(self.level, self.caveats)

    @property
    def partners(self) -> frozenset[str]:
        """The partners a foreign consumer stands for (empty for a domestic one)."""
        return frozenset(p for name in self.caveats for p in (release_list(name) or ()))

    @property
    def foreign(self) -> bool:
        return bool(self.partners)

    def refusal(self, marking: Marking) -> str | None:
        """Why this consumer may not hold ``marking``, in words for the analyst releasing it; None when it may."""
        if marking.level > self.level:
            return f"it is {marking.level.english}, above {self.level.english}"
        missing = [c.name for c in marking.caveats if c.kind is not CaveatKind.RELEASE and c.name not in self.caveats]
        if missing:
            return f"it carries {', '.join(missing)}, which they are not registered for"
        if not self.foreign:
            return None
        if NOFORN in marking.names:
            return "it is NOFORN and they are a foreign partner"
        lists = [set(release_list(c.name) or ()) for c in marking.caveats if c.kind is CaveatKind.RELEASE]
        if not lists:
            if marking.level > Level.UNCLASSIFIED:
                return f"it has no release list naming {', '.join(sorted(self.partners))}"
            return None
        allowed = set.intersection(*lists)
        absent = sorted(self.partners - allowed)
        if absent:
            return f"its release list does not name {', '.join(absent)}"
        return None

    def may_hold(self, marking: Marking) -> bool:
        return self.refusal(marking) is None


def holder(level: Level, caveats: Iterable[str]) -> Holder:
    return Holder(level, frozenset(caveats))


@dataclass(frozen=True)
class ConsumerLine(Tearline):
    """The line of one consumer's product: their level, and only portions they may hold. Always a tearline
    version (never "full"), even at TOP SECRET: it leaves out whatever the consumer may not hold."""

    holder: Holder | None = None

    @property
    def is_full(self) -> bool:
        return False

    def allows(self, marking: Marking) -> bool:
        return super().allows(marking) and (self.holder is None or self.holder.may_hold(marking))


def line_for(consumer: Holder, markings: Iterable[Marking]) -> ConsumerLine:
    """The consumer's line over the markings a case offers: its level, and (for the label) the caveats on them it
    may not hold."""
    names = {c.name for m in markings for c in m.caveats if c.kind is not CaveatKind.RELEASE}
    return ConsumerLine(consumer.level, frozenset(n for n in names if n not in consumer.caveats), consumer)
