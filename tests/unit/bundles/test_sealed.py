"""age encryption of bundles: the stock tool opens them; damage or the wrong key leaves no plaintext behind."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest

from nia_desktop.core.bundles import sealed
from nia_desktop.core.bundles.verify import verify_stream
from nia_desktop.core.bundles.write import Signer, Source, bundle_bytes, write_bundle
from nia_desktop.core.errors import BadInput, BundleRejected
from tests.unit.bundles.test_format import KEY, NOW, trusted

SOURCES = [Source("reports/1/original", data=b"The attache met port staff in Kitakyushu.\n" * 4000)]


def test_encrypted_bundle_opens_with_age_and_in_memory(tmp_path: Path) -> None:
    secret, recipient = sealed.new_identity()
    out = tmp_path / "b.nia"
    manifest = write_bundle(out, "reports", SOURCES, Signer("anna", KEY), 1, NOW, {"seq": 0, "hash": ""},
                            [recipient])
    data = out.read_bytes()
    assert sealed.is_encrypted(data) and b"Kitakyushu" not in data and manifest.recipients == [recipient]
    key_file = tmp_path / "key.txt"
    key_file.write_text(secret + "\n")
    plain = subprocess.run(["age", "-d", "-i", str(key_file), str(out)], capture_output=True, check=True).stdout
    assert plain == sealed.decrypt(io.BytesIO(data), [secret])
    assert verify_stream(io.BytesIO(plain), len(plain), trusted, NOW).manifest.uuid == manifest.uuid
    same, in_memory = bundle_bytes("reports", SOURCES, Signer("anna", KEY), 2, NOW, {"seq": 0, "hash": ""},
                                   [recipient])
    assert sealed.is_encrypted(in_memory) and same.recipients == [recipient]


def test_truncation_wrong_key_and_bombs_are_refused(tmp_path: Path) -> None:
    secret, recipient = sealed.new_identity()
    other, _ = sealed.new_identity()
    _, data = bundle_bytes("reports", SOURCES, Signer("anna", KEY), 1, NOW, {"seq": 0, "hash": ""}, [recipient])
    with pytest.raises(BundleRejected, match="damaged or truncated"):
        sealed.decrypt(io.BytesIO(data[:-100]), [secret])
    with pytest.raises(BundleRejected, match="another workstation"):
        sealed.decrypt(io.BytesIO(data), [other])
    with pytest.raises(BundleRejected, match="larger than the limit"):
        sealed.decrypt(io.BytesIO(data), [secret], limit=1000)
    with pytest.raises(BadInput, match="age X25519 recipient"):
        sealed.parse_recipient("age1notarecipient")
    assert not list(tmp_path.iterdir())  # nothing was ever written to disk


def test_a_file_changed_between_its_two_readings_is_refused(tmp_path: Path) -> None:
    from nia_desktop.core.bundles import container
    from nia_desktop.core.bundles.write import _prepare, _resent

    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.7 original" * 1000)
    source = Source("scan.pdf", path=path)
    prepared = _prepare(source, container.STORED)
    assert b"".join(_resent(source, prepared)) == path.read_bytes()
    path.write_bytes(b"%PDF-1.7 replaced" * 1000)
    with pytest.raises(BadInput, match="changed while the bundle was written"):
        b"".join(_resent(source, prepared))
