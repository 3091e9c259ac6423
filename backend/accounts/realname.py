"""Real-name verification: does this name belong to this citizen ID number?

Provinces call the public-security identity service; which one is a setting
(`REAL_NAME_VERIFIER`). `HttpRealNameVerifier` speaks a small signed JSON protocol to
`REAL_NAME_VERIFY_URL`: the request carries `X-App-Id`, `X-Timestamp`, `X-Nonce` and
`X-Signature` = hex HMAC-SHA256(app secret, "timestamp\\nnonce\\nbody"). The sandbox
service in `mobile_mock/realname.py` speaks the same protocol.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from enum import StrEnum
from typing import Protocol

import requests
from django.conf import settings
from django.utils.module_loading import import_string


class Verdict(StrEnum):
    MATCH = "match"
    MISMATCH = "mismatch"


class VerifierUnavailable(Exception):
    """The identity service could not answer (timeout, 5xx, bad signature)."""


class RealNameVerifier(Protocol):
    def verify(self, *, name: str, citizen_id: str) -> Verdict: ...


def sign(secret: str, timestamp: str, nonce: str, body: bytes) -> str:
    message = timestamp.encode() + b"\n" + nonce.encode() + b"\n" + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


class HttpRealNameVerifier:
    def __init__(self) -> None:
        self.url = settings.REAL_NAME_VERIFY_URL
        self.app_id = settings.REAL_NAME_APP_ID
        self.secret = settings.REAL_NAME_APP_SECRET
        self.timeout = settings.REAL_NAME_TIMEOUT

    def verify(self, *, name: str, citizen_id: str) -> Verdict:
        if not self.url or not self.secret:
            raise VerifierUnavailable("REAL_NAME_VERIFY_URL / REAL_NAME_APP_SECRET not configured")
        body = json.dumps({"name": name, "id_number": citizen_id}, ensure_ascii=False).encode()
        timestamp, nonce = str(int(time.time())), secrets.token_hex(8)
        headers = {
            "Content-Type": "application/json",
            "X-App-Id": self.app_id,
            "X-Timestamp": timestamp,
            "X-Nonce": nonce,
            "X-Signature": sign(self.secret, timestamp, nonce, body),
        }
        try:
            response = requests.post(self.url, data=body, headers=headers, timeout=self.timeout)
        except requests.RequestException as exc:
            raise VerifierUnavailable(type(exc).__name__) from exc
        if response.status_code != 200:
            raise VerifierUnavailable(f"status {response.status_code}")
        expected = sign(
            self.secret,
            response.headers.get("X-Timestamp", ""),
            response.headers.get("X-Nonce", ""),
            response.content,
        )
        if not hmac.compare_digest(expected, response.headers.get("X-Signature", "")):
            raise VerifierUnavailable("response signature does not verify")
        try:
            return Verdict(response.json()["result"])
        except (ValueError, KeyError) as exc:
            raise VerifierUnavailable("unexpected answer") from exc


def get_verifier() -> RealNameVerifier:
    return import_string(settings.REAL_NAME_VERIFIER)()
