"""What extraction finds: mentions with offsets, each normalised to a key that resolution compares."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    LOCATION = "location"
    OPERATION = "operation"
    DOMAIN = "domain"
    IP = "ip"
    EMAIL = "email"
    PHONE = "phone"
    URL = "url"
    SOCIAL = "social_handle"
    TELEGRAM = "telegram_channel"
    CRYPTO = "crypto_address"
    DATE = "date"


SELECTOR_KINDS = frozenset({Kind.DOMAIN, Kind.IP, Kind.EMAIL, Kind.PHONE, Kind.URL, Kind.SOCIAL, Kind.TELEGRAM,
                            Kind.CRYPTO})
NAME_KINDS = frozenset({Kind.PERSON, Kind.ORGANIZATION, Kind.LOCATION, Kind.OPERATION})


@dataclass(frozen=True)
class Mention:
    """One occurrence: ``surface`` as written at text[start:end]; ``key`` its normal form.

    Selectors' keys are canonical values (E.164, lower-case domains, ip
    normal form, platform:handle); names' keys are folded spellings that
    resolution compares. ``implied`` marks a domain seen only as the host of
    a URL or mail address.
    """

    kind: Kind
    surface: str
    key: str
    start: int
    end: int
    implied: bool = False
