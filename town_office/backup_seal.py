"""The seal of an encrypted backup's manifest: an HMAC-SHA256 of the manifest's bytes, keyed from the
backup password (PBKDF2 with a random salt), stored as its own encrypted member. Without the
password nobody can write a manifest that passes, so an encrypted backup cannot be forged by
swapping members in (every member must be encrypted as well)."""

from __future__ import annotations

import hashlib
import hmac
import json
import os

SEAL_MEMBER = "manifest.seal"
_ITERATIONS = 200_000


def _key(password: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, _ITERATIONS)


def seal(manifest: bytes, password: str) -> bytes:
    salt = os.urandom(16)
    mac = hmac.new(_key(password, salt), manifest, hashlib.sha256).hexdigest()
    return json.dumps({"salt": salt.hex(), "hmac": mac}).encode("ascii")


def sealed_by(manifest: bytes, sealed: bytes, password: str) -> bool:
    """True when ``sealed`` is the seal of exactly ``manifest`` under ``password``."""
    try:
        data = json.loads(sealed)
        salt, mac = bytes.fromhex(data["salt"]), str(data["hmac"])
    except (ValueError, KeyError, TypeError):
        return False
    expected = hmac.new(_key(password, salt), manifest, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, mac)
