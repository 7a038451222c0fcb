"""Sign a build's SHA256SUMS with the release key (Ed25519), so install.sh can check it with openssl.

    python installer/sign_release.py SHA256SUMS --key release-key.pem    (writes SHA256SUMS.sig and release.pem)
    python installer/sign_release.py --new-key release-key.pem           (a new release key, PEM, mode 0600)

The signature covers the bytes `NIA-RELEASE-SUMS-v1`, one NUL, then SHA256SUMS (domain-separated like every
signature of this application), so openssl checks it with:

    printf 'NIA-RELEASE-SUMS-v1\\0' | cat - SHA256SUMS > sums.signed
    openssl pkeyutl -verify -pubin -inkey release.pem -rawin -in sums.signed -sigfile SHA256SUMS.sig
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

CONTEXT = b"NIA-RELEASE-SUMS-v1\x00"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sums", nargs="?", type=Path)
    parser.add_argument("--key", type=Path, help="the release private key (PEM)")
    parser.add_argument("--new-key", type=Path, help="create a release private key here and stop")
    args = parser.parse_args()
    if args.new_key:
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        fd = os.open(args.new_key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
        print(f"wrote {args.new_key}; keep it off the build machine between releases")
        return 0
    if not args.sums or not args.key:
        parser.error("give SHA256SUMS and --key")
    key = serialization.load_pem_private_key(args.key.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        sys.exit("the release key must be Ed25519")
    signature = key.sign(CONTEXT + args.sums.read_bytes())
    args.sums.with_name(args.sums.name + ".sig").write_bytes(signature)
    public = key.public_key().public_bytes(serialization.Encoding.PEM,
                                           serialization.PublicFormat.SubjectPublicKeyInfo)
    args.sums.with_name("release.pem").write_bytes(public)
    der = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    print(f"signed {args.sums}; release key fingerprint {hashlib.sha256(der).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
