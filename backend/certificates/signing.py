"""Signatures of electronic certificates: SM2 with SM3 (GB/T 32918.2, GB/T 32905).

The issuing authority signs the canonical form of a certificate's fields with its SM2 key.
SM2/SM3 come from `gmalg` (pure Python, no native code; its sign/verify pass the standard's
published example, see tests/certificates/test_signing.py). Each certificate records the
algorithm and the key id it was signed with, so keys can rotate and another algorithm can
follow without invalidating what was issued: verification looks both up per certificate.

Keys: `CERTIFICATE_SIGNING_KEYS = "kid:hex-private-key[,kid:hex-private-key…]"`; the first
signs, every listed key verifies. Without the setting a *sandbox* key is derived from
`SECRET_KEY` (kid `sandbox`) so the embedded default works; production sets real keys.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import gmalg
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

ALGORITHM_SM2_SM3 = "SM2-SM3"
# GB/T 35276 / GM/T 0009: the default signer identity when none is agreed.
DEFAULT_USER_ID = b"1234567812345678"
# Order n of the SM2 recommended curve (GB/T 32918.5).
_SM2_N = 0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123


class SignatureError(Exception):
    """A key or signature that cannot be used."""


@dataclass(frozen=True)
class SigningKey:
    key_id: str
    private_key: bytes
    public_key: bytes  # 04 || X || Y


def canonical_bytes(payload: dict[str, Any]) -> bytes:
    """The signed form: JSON with sorted keys, no whitespace, UTF-8 (non-ASCII kept as is)."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def sm2_public_key(private_key: bytes) -> bytes:
    return gmalg.SM2().generate_pk(private_key)


def sm2_generate_private_key() -> bytes:
    private_key, _ = gmalg.SM2().generate_keypair()
    return private_key.rjust(32, b"\x00")


def sm2_sign(
    message: bytes, private_key: bytes, *, user_id: bytes = DEFAULT_USER_ID, k: int | None = None
) -> bytes:
    """SM2 signature over `message` (ZA is computed with `user_id`): r ‖ s, 64 bytes.

    `k` fixes the per-signature random number, for the standard's test vectors only.
    """
    # A fresh object per call: gmalg keeps one hash object per instance (not thread-safe).
    rnd = (lambda _bits: k) if k is not None else None
    signer = gmalg.SM2(private_key, user_id, rnd_fn=rnd)
    r, s = signer.sign(message)
    return r.rjust(32, b"\x00") + s.rjust(32, b"\x00")


def sm2_verify(
    message: bytes, signature: bytes, public_key: bytes, *, user_id: bytes = DEFAULT_USER_ID
) -> bool:
    if len(signature) != 64:
        return False
    try:
        verifier = gmalg.SM2(pk=public_key, uid=user_id)
        return bool(verifier.verify(message, signature[:32], signature[32:]))
    except Exception:  # a malformed key or point is a failed verification, never a crash
        return False


def _derived_sandbox_key() -> bytes:
    digest = hmac.new(
        settings.SECRET_KEY.encode("utf-8"), b"zhangban:certificate-sandbox-key", hashlib.sha256
    )
    scalar = int.from_bytes(digest.digest(), "big") % (_SM2_N - 1) + 1
    return scalar.to_bytes(32, "big")


@lru_cache(maxsize=4)
def _parse_keys(spec: str) -> tuple[SigningKey, ...]:
    keys: list[SigningKey] = []
    for part in (p.strip() for p in spec.split(",") if p.strip()):
        kid, sep, encoded = part.partition(":")
        if not sep or not kid.replace("-", "").isalnum():
            raise ImproperlyConfigured("CERTIFICATE_SIGNING_KEYS entries are 'kid:hex-private-key'")
        try:
            private_key = bytes.fromhex(encoded)
        except ValueError as exc:
            raise ImproperlyConfigured(f"CERTIFICATE_SIGNING_KEYS key {kid!r} is not hex") from exc
        scalar = int.from_bytes(private_key, "big")
        if len(private_key) != 32 or not 1 <= scalar <= _SM2_N - 2:
            raise ImproperlyConfigured(f"CERTIFICATE_SIGNING_KEYS key {kid!r} is not an SM2 private key")
        keys.append(SigningKey(kid, private_key, sm2_public_key(private_key)))
    return tuple(keys)


def signing_keys() -> tuple[SigningKey, ...]:
    spec = settings.CERTIFICATE_SIGNING_KEYS
    if spec:
        return _parse_keys(spec)
    private_key = _derived_sandbox_key()
    return (SigningKey("sandbox", private_key, sm2_public_key(private_key)),)


def active_key() -> SigningKey:
    return signing_keys()[0]


def public_key_for(key_id: str) -> bytes | None:
    for key in signing_keys():
        if key.key_id == key_id:
            return key.public_key
    return None


def sign_payload(payload: dict[str, Any]) -> tuple[str, str, str]:
    """Sign `payload` with the active key: `(algorithm, key_id, signature hex)`."""
    key = active_key()
    return ALGORITHM_SM2_SM3, key.key_id, sm2_sign(canonical_bytes(payload), key.private_key).hex()


def verify_payload(payload: dict[str, Any], *, algorithm: str, key_id: str, signature_hex: str) -> bool:
    """True when `signature_hex` is a valid signature of `payload` under the recorded key."""
    if algorithm != ALGORITHM_SM2_SM3:
        return False
    public_key = public_key_for(key_id)
    if public_key is None:
        return False
    try:
        signature = bytes.fromhex(signature_hex)
    except ValueError:
        return False
    return sm2_verify(canonical_bytes(payload), signature, public_key)
