"""How tests/data/vault_v1 was made (run once, output committed; do not regenerate casually).

It is a vault at schema version 1 (users, audit, workstation keys; no settings
table, no audit seals, no anchor file), as the first build wrote it. The
migration test copies it, unlocks it with today's build and checks the upgrade.
Officer: olive / olive-passphrase-1.

It needs the build that wrote it: ``git checkout f346089`` (init_vault's
``schema_target`` and version 1 keyslot files are gone from later builds).
"""

from __future__ import annotations

import sys
from pathlib import Path

from nia_desktop.core.vault.kdf import FLOOR
from nia_desktop.services.vault_setup import init_vault

if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("vault_v1")
    init_vault(target, "olive", "olive-passphrase-1", params=FLOOR, name="Fixture v1",
               schema_target=1)  # type: ignore[call-arg]  # only at commit f346089, see above
