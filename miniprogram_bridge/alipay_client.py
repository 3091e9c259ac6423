"""Alipay mini-program calls through python-alipay-sdk 3.4, pointed at `ALIPAY_GATEWAY_URL`.

- Login: `alipay.system.oauth.token` with **top-level** `grant_type` + `code` (not biz_content),
  through `server_api`. The SDK verifies the gateway's RSA2 signature over the exact text of
  the `_response` value; a bad signature raises `AliPayValidationError` — never a login.
- Phone: `my.getPhoneNumber` gives the mini-program a JSON string `{response, sign, sign_type,
  encrypt_type: "AES"}`; `response` is AES-128-CBC (zero IV, PKCS#7) under the app's AES key,
  and `sign` is RSA2 over the ciphertext in double quotes. The SDK's verifier checks it.
- Subscribe (template) messages: `alipay.open.app.mini.templatemessage.send` with biz_content
  `{to_user_id | to_open_id, user_template_id, page, data}` where `data` is a JSON *string*
  `{"keyword1": {"value": "…"}, …}`. Business refusals come signed inside the `_response`
  with `code` 40004 (e.g. `USER_KEYWORD_LENGTH_ERROR`: a value over 50 characters).
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.error import URLError

from alipay import AliPay
from alipay.exceptions import AliPayException, AliPayValidationError
from alipay.utils import AliPayConfig
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from django.conf import settings

from miniprogram_bridge.errors import (
    AlipayCodeInvalid,
    AlipayPhoneInvalid,
    AlipayResponseInvalid,
    AlipayUnavailable,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class AlipayLogin:
    user_id: str
    open_id: str

    @property
    def subject(self) -> str:
        """The identity subject: the 2088… user id, or the open_id of apps after the OpenID upgrade."""
        return self.user_id or self.open_id


def _pem(text: str, kind: str) -> str:
    text = text.strip()
    if not text or "-----BEGIN" in text:
        return text
    label = "PUBLIC KEY" if kind == "public" else "RSA PRIVATE KEY"
    return f"-----BEGIN {label}-----\n{text}\n-----END {label}-----"


@lru_cache(maxsize=4)
def _client(app_id: str, private_key: str, public_key: str, gateway: str, timeout: float) -> AliPay:
    # Keys are parsed once per configuration, not per call (shared/PERFORMANCE.md).
    client = AliPay(
        appid=app_id,
        app_notify_url=None,
        app_private_key_string=_pem(private_key, "private"),
        alipay_public_key_string=_pem(public_key, "public"),
        sign_type="RSA2",
        config=AliPayConfig(timeout=timeout),
    )
    client._gateway = gateway
    return client


def alipay_client() -> AliPay:
    """The SDK client of the configured Alipay mini-program (`ALIPAY_*` settings)."""
    if not settings.ALIPAY_APP_PRIVATE_KEY or not settings.ALIPAY_PUBLIC_KEY:
        logger.error("alipay: ALIPAY_APP_PRIVATE_KEY / ALIPAY_PUBLIC_KEY are not configured")
        raise AlipayUnavailable()
    try:
        return _client(
            settings.ALIPAY_APP_ID,
            settings.ALIPAY_APP_PRIVATE_KEY,
            settings.ALIPAY_PUBLIC_KEY,
            settings.ALIPAY_GATEWAY_URL,
            float(settings.ALIPAY_TIMEOUT),
        )
    except (ValueError, IndexError, TypeError) as exc:
        logger.error("alipay: the configured keys cannot be read: %s", exc.__class__.__name__)
        raise AlipayUnavailable() from exc


def _error_body(exc: AliPayException) -> dict[str, Any]:
    raw = getattr(exc, "_AliPayException__message", "") or ""
    try:
        data = json.loads(raw)
    except (TypeError, ValueError):
        return {}
    body = data.get("error_response") or next(
        (v for k, v in data.items() if k.endswith("_response") and isinstance(v, dict)), {}
    )
    return body if isinstance(body, dict) else {}


def oauth_token(auth_code: str) -> AlipayLogin:
    """Exchange the `my.getAuthCode` code for the user's id. Raises the bridge's problem errors."""
    client = alipay_client()
    try:
        result = client.server_api(
            "alipay.system.oauth.token", grant_type="authorization_code", code=auth_code
        )
    except AliPayValidationError as exc:
        logger.warning("alipay: oauth.token answer failed signature verification")
        raise AlipayResponseInvalid() from exc
    except AliPayException as exc:
        body = _error_body(exc)
        if body.get("sub_code") in {"isv.code-invalid", "isv.code-expired", "isv.code-used"}:
            raise AlipayCodeInvalid() from exc
        logger.warning("alipay: oauth.token refused: %s %s", body.get("code"), body.get("sub_code"))
        raise AlipayUnavailable() from exc
    except (URLError, TimeoutError, OSError, ValueError) as exc:  # HTTPError is a URLError
        logger.warning("alipay: gateway unreachable: %s", exc.__class__.__name__)
        raise AlipayUnavailable() from exc
    if result.get("code") not in (None, "10000"):
        if result.get("sub_code") == "isv.code-invalid":
            raise AlipayCodeInvalid()
        raise AlipayUnavailable()
    login = AlipayLogin(user_id=str(result.get("user_id") or ""), open_id=str(result.get("open_id") or ""))
    if not login.subject:
        raise AlipayResponseInvalid()
    return login


def phone_decrypt(response: str) -> str:
    """The mobile number in a `my.getPhoneNumber` response (verified, then decrypted)."""
    try:
        outer = json.loads(response)
        content, sign = outer["response"], outer["sign"]
    except (TypeError, ValueError, KeyError) as exc:
        raise AlipayPhoneInvalid() from exc
    if not isinstance(content, str) or not isinstance(sign, str) or outer.get("sign_type", "RSA2") != "RSA2":
        raise AlipayPhoneInvalid()
    client = alipay_client()
    try:
        verified = client._verify(f'"{content}"', sign)
    except (ValueError, TypeError, binascii.Error) as exc:
        raise AlipayPhoneInvalid() from exc
    if not verified:
        raise AlipayPhoneInvalid()
    try:
        key = base64.b64decode(settings.ALIPAY_AES_KEY, validate=True)
        decryptor = Cipher(algorithms.AES(key), modes.CBC(b"\0" * 16)).decryptor()
        padded = decryptor.update(base64.b64decode(content, validate=True)) + decryptor.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        inner = json.loads(unpadder.update(padded) + unpadder.finalize())
    except (ValueError, binascii.Error) as exc:
        logger.warning("alipay: phone response does not decrypt (wrong ALIPAY_AES_KEY?)")
        raise AlipayPhoneInvalid() from exc
    if inner.get("code") != "10000" or not inner.get("mobile"):
        raise AlipayPhoneInvalid()
    return str(inner["mobile"])


@dataclass(frozen=True)
class GatewayAnswer:
    """What the gateway said to a call whose business result matters (not a login).

    `code` is Alipay's (`10000` success, `20000`, `40001`, `40002`, `40004`, `40006`), from a
    verified answer only. `failure` is `unreachable` (timeout, connection, HTTP error: nothing
    is known) or `unverified` (an answer whose signature did not verify: nothing it says can
    be believed) — `code` is then empty.
    """

    code: str
    sub_code: str = ""
    failure: str = ""

    @property
    def ok(self) -> bool:
        return self.code == "10000"


def template_message_send(
    *, subject: str, template_id: str, data: dict[str, dict[str, str]], page: str
) -> GatewayAnswer:
    """`alipay.open.app.mini.templatemessage.send` to one Alipay user; never raises for the gateway.

    `subject` is the user's Alipay identity: a 2088… user id goes out as `to_user_id`, an
    open_id (apps after the OpenID upgrade) as `to_open_id`.
    """
    recipient = "to_user_id" if _is_user_id(subject) else "to_open_id"
    biz = {
        recipient: subject,
        "user_template_id": template_id,
        "page": page,
        "data": json.dumps(data, ensure_ascii=False, separators=(",", ":")),
    }
    try:
        client = alipay_client()
    except AlipayUnavailable:
        return GatewayAnswer(code="", failure="unreachable")
    try:
        result = client.server_api("alipay.open.app.mini.templatemessage.send", biz_content=biz)
    except AliPayValidationError:
        logger.warning("alipay: templatemessage.send answer failed signature verification")
        return GatewayAnswer(code="", failure="unverified")
    except AliPayException as exc:
        body = _error_body(exc)
        logger.warning("alipay: templatemessage.send refused: %s %s", body.get("code"), body.get("sub_code"))
        return GatewayAnswer(code=str(body.get("code") or "20000"), sub_code=str(body.get("sub_code") or ""))
    except (URLError, TimeoutError, OSError, ValueError) as exc:  # HTTPError is a URLError
        logger.warning("alipay: gateway unreachable: %s", exc.__class__.__name__)
        return GatewayAnswer(code="", failure="unreachable")
    return GatewayAnswer(code=str(result.get("code") or ""), sub_code=str(result.get("sub_code") or ""))


def _is_user_id(subject: str) -> bool:
    return len(subject) == 16 and subject.startswith("2088") and subject.isdigit()
