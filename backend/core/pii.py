"""Encryption at rest and keyed lookup for personal data (citizen ID numbers, phones).

Ciphertext format: `v1:<key id>:<base64url(nonce ‖ AES-256-GCM ciphertext+tag)>`. The key
id travels with the value so keys can rotate: the first key of `FIELD_ENCRYPTION_KEYS`
encrypts, every listed key decrypts. The field's name is bound in as associated data, so a
ciphertext copied into another column does not decrypt.

Lookups never decrypt: `blind_index` is an HMAC-SHA256 of the normalised value under
`PII_HASH_KEY`, stored beside the ciphertext and unique-indexed where the value is.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from functools import lru_cache

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

VERSION = "v1"


class DecryptionError(Exception):
    """The value was not made by a key we hold, or was altered."""


@lru_cache(maxsize=8)
def _parse_keys(spec: str) -> tuple[str, dict[str, AESGCM]]:
    keys: dict[str, AESGCM] = {}
    active = ""
    for part in (p.strip() for p in spec.split(",") if p.strip()):
        kid, sep, encoded = part.partition(":")
        if not sep or not kid.isalnum():
            raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS entries are 'kid:base64key'")
        try:
            raw = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
        except (binascii.Error, ValueError) as exc:
            raise ImproperlyConfigured(f"FIELD_ENCRYPTION_KEYS key {kid!r} is not base64") from exc
        if len(raw) != 32:
            raise ImproperlyConfigured(f"FIELD_ENCRYPTION_KEYS key {kid!r} must be 32 bytes")
        keys[kid] = AESGCM(raw)
        active = active or kid
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty")
    return active, keys


def _keys() -> tuple[str, dict[str, AESGCM]]:
    return _parse_keys(settings.FIELD_ENCRYPTION_KEYS)


def encrypt(plaintext: str, *, context: str) -> str:
    """Encrypt `plaintext` under the active key, bound to `context` (e.g. 'accounts.User.phone')."""
    kid, keys = _keys()
    nonce = os.urandom(12)
    sealed = keys[kid].encrypt(nonce, plaintext.encode("utf-8"), context.encode("utf-8"))
    token = base64.urlsafe_b64encode(nonce + sealed).decode("ascii").rstrip("=")
    return f"{VERSION}:{kid}:{token}"


def decrypt(value: str, *, context: str) -> str:
    try:
        version, kid, token = value.split(":", 2)
    except ValueError as exc:
        raise DecryptionError("not a ciphertext") from exc
    _, keys = _keys()
    if version != VERSION or kid not in keys:
        raise DecryptionError(f"unknown key id {kid!r}")
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        return keys[kid].decrypt(raw[:12], raw[12:], context.encode("utf-8")).decode("utf-8")
    except Exception as exc:  # InvalidTag, padding, unicode
        raise DecryptionError("ciphertext does not verify") from exc


def key_id_of(value: str) -> str | None:
    parts = value.split(":", 2)
    return parts[1] if len(parts) == 3 else None


def active_key_id() -> str:
    return _keys()[0]


def blind_index(value: str, *, purpose: str) -> str:
    """Keyed hash for equality lookups; `purpose` keeps indexes of different fields apart."""
    key = settings.PII_HASH_KEY.encode("utf-8")
    return hmac.new(key, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()
