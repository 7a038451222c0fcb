"""Adversarial tests drive the real CLI too: reuse the e2e fixtures."""

from tests.e2e.conftest import nia, nia_vault  # noqa: F401 (fixtures)
