"""Sandbox Alipay open-platform gateway (`openapi.alipay.com/gateway.do`) under `/alipay/`.

Speaks the real protocol (shared/PROTOCOLS.md §3) so python-alipay-sdk reaches it unchanged
except for `alipay._gateway = ALIPAY_GATEWAY_URL`:

- `GET|POST /alipay/gateway.do` with every common parameter in the query string (POST form
  fields are merged in). The request's RSA2 signature is checked with the app's public key;
  the answer `{"<method>_response": {...}, "sign": "..."}` is signed with the fake's own RSA2
  key over the exact text of the `_response` value (with `/` escaped as `\\/`, like Alipay).
  Gateway failures come as `error_response` (also signed).

The fake's key pair is generated at start-up unless one is given; the backend needs its
public key as `ALIPAY_PUBLIC_KEY` (`GatewayApp.public_key_pem`, or
`GET /alipay/_control/public_key`).

**Methods are a registry**, so other features add theirs (e.g. the trade methods of
payments) without touching this file::

    from mobile_mock.alipay_gateway import GatewayApp, gateway_method

    @gateway_method("alipay.trade.query")
    def trade_query(gateway: GatewayApp, params: dict[str, str], biz: dict) -> dict:
        return {"code": "10000", "msg": "Success", ...}   # the `_response` object

A handler gets the gateway (its `state` has a lock and a free-form `extra` dict for the
handler's own state), the verified top-level parameters and the parsed `biz_content`; it
returns the `_response` object, or raises `GatewayError(code, msg, sub_code, sub_msg)` for an
`error_response`. Register before the app is created (module import time), or per instance
through `gateway.methods["…"] = handler`. Requests from a second app id (its own key pair) are
accepted after `gateway.register_app(app_id, app_public_key_pem)`.

Control endpoints:

- `POST /alipay/_control/auth_code {"user": "bob", "id_kind": "open_id" | "user_id" | "both",
  "expires_in": 300}` → `{"auth_code", "user_id", "open_id"}`: what `my.getAuthCode` gives
  fake user `bob` (ids are stable per user)
- `POST /alipay/_control/phone_response {"user": "bob", "phone": "13812345678"}` →
  `{"response"}`: the string `my.getPhoneNumber` gives (AES-encrypted with the app's AES key,
  signed by the fake)
- `POST /alipay/_control/mode {"mode": "ok" | "tamper" | "busy" | "error" | "slow",
  "slow_seconds": 10}`: `tamper` alters every signed answer after signing
- `GET /alipay/_control/public_key` → the fake's public key (PEM); `GET /alipay/_control/calls`
- `GET /alipay/_control/template_messages` → `{"messages": [...]}`: every template (subscribe)
  message `alipay.open.app.mini.templatemessage.send` accepted, `data` parsed;
  `POST /alipay/_control/templates {"<template id>": ["keyword1", …]}` adds or replaces
  templates (the sandbox ones are `SANDBOX_TEMPLATES`)
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import parse_qsl

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, padding, serialization
from cryptography.hazmat.primitives.asymmetric import padding as asym_padding
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from werkzeug.wrappers import Request, Response

AUTH_CODE_TTL = 300
CST = timezone(timedelta(hours=8))


class GatewayError(Exception):
    """An `error_response` from the gateway (signed like any answer)."""

    def __init__(self, code: str, msg: str, sub_code: str = "", sub_msg: str = "") -> None:
        super().__init__(f"{code} {sub_code}")
        self.body = {"code": code, "msg": msg}
        if sub_code:
            self.body.update({"sub_code": sub_code, "sub_msg": sub_msg})


Handler = Callable[["GatewayApp", dict[str, str], dict[str, Any]], dict[str, Any]]
METHODS: dict[str, Handler] = {}


def gateway_method(name: str) -> Callable[[Handler], Handler]:
    """Register a handler for the gateway `method` parameter `name` (see module docstring)."""

    def register(handler: Handler) -> Handler:
        METHODS[name] = handler
        return handler

    return register


def generate_private_key_pem() -> str:
    """A fresh RSA-2048 private key (PKCS#8 PEM), for the fake or for a sandbox app."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def public_key_pem(private_pem: str) -> str:
    key = serialization.load_pem_private_key(private_pem.encode(), password=None)
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def _load_public(pem: str) -> Any:
    text = pem.strip()
    if "-----BEGIN" not in text:
        text = f"-----BEGIN PUBLIC KEY-----\n{text}\n-----END PUBLIC KEY-----"
    return serialization.load_pem_public_key(text.encode())


@dataclass
class GatewayState:
    app_id: str
    mode: str = "ok"
    slow_seconds: float = 10.0
    auth_codes: dict[str, dict[str, Any]] = field(default_factory=dict)
    calls: list[dict[str, str]] = field(default_factory=list)
    # Free-form state for handlers registered by other features (e.g. trades).
    extra: dict[str, Any] = field(default_factory=dict)
    lock: threading.RLock = field(default_factory=threading.RLock)


class GatewayApp:
    prefix = "/alipay/"

    def __init__(self, *, app_id: str, app_public_key: str, private_key: str = "", aes_key: str = "") -> None:
        self.state = GatewayState(app_id=app_id)
        self.private_key_pem = private_key or generate_private_key_pem()
        self._private_key = serialization.load_pem_private_key(self.private_key_pem.encode(), password=None)
        self.public_key_pem = public_key_pem(self.private_key_pem)
        # app_id -> the app's public key; more apps (e.g. a separate payment app) via register_app.
        self._app_keys: dict[str, Any] = {}
        if app_public_key:
            self.register_app(app_id, app_public_key)
        self.aes_key = aes_key
        self.methods: dict[str, Handler] = dict(METHODS)

    def register_app(self, app_id: str, public_key: str) -> None:
        """Accept requests from another app id, signed with the key whose public half is given."""
        self._app_keys[app_id] = _load_public(public_key)

    def handles(self, path: str) -> bool:
        return path.startswith(self.prefix)

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        route = request.path[len(self.prefix) :]
        controls = {
            ("POST", "_control/auth_code"): self.on_mint_auth_code,
            ("POST", "_control/phone_response"): self.on_phone_response,
            ("POST", "_control/mode"): self.on_mode,
            ("GET", "_control/public_key"): lambda r: Response(self.public_key_pem, mimetype="text/plain"),
            ("GET", "_control/calls"): self.on_calls,
            ("GET", "_control/template_messages"): self.on_template_messages,
            ("POST", "_control/templates"): self.on_templates,
        }
        if route == "gateway.do" and request.method in {"GET", "POST"}:
            response = self.on_gateway(request)
        elif (request.method, route) in controls:
            response = controls[(request.method, route)](request)
        else:
            response = Response("not found", status=404)
        return response(environ, start_response)

    # --- signing --------------------------------------------------------------------------

    def sign(self, text: str) -> str:
        signature = self._private_key.sign(text.encode(), asym_padding.PKCS1v15(), hashes.SHA256())
        return base64.b64encode(signature).decode()

    def _verify_request(self, params: dict[str, str]) -> bool:
        app_key = self._app_keys.get(params.get("app_id", ""))
        if app_key is None:
            return False
        signature = params.get("sign", "")
        unsigned = "&".join(f"{k}={v}" for k, v in sorted(params.items()) if k != "sign" and v != "")
        try:
            app_key.verify(
                base64.b64decode(signature), unsigned.encode(), asym_padding.PKCS1v15(), hashes.SHA256()
            )
        except (InvalidSignature, ValueError):
            return False
        return True

    def _signed(self, response_key: str, payload: dict[str, Any]) -> Response:
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).replace("/", "\\/")
        sign = self.sign(text)
        if self.state.mode == "tamper":
            # Changed after signing, as a man in the middle would: the SDK must refuse it.
            text = text[:-1] + ',"tampered":"1"}'
        raw = f'{{"{response_key}":{text},"sign":"{sign}"}}'
        # Alipay answers with this content type, JSON or not.
        return Response(raw.encode(), content_type="text/html;charset=utf-8")

    # --- the gateway ----------------------------------------------------------------------

    def on_gateway(self, request: Request) -> Response:
        # Parse the raw query ourselves: every value exactly as sent (the SDK sends GET).
        params = dict(parse_qsl(request.query_string.decode(), keep_blank_values=True))
        if request.method == "POST":
            params.update(request.form.to_dict())
        method = params.get("method", "")
        with self.state.lock:
            self.state.calls.append({"method": method, "app_id": params.get("app_id", "")})
            mode, slow = self.state.mode, self.state.slow_seconds
        if mode == "error":
            return Response("<html>502 Bad Gateway</html>", status=502, mimetype="text/html")
        if mode == "slow":
            time.sleep(slow)
        response_key = method.replace(".", "_") + "_response"
        try:
            if mode == "busy":
                raise GatewayError("20000", "Service Currently Unavailable", "isp.unknow-error", "系统繁忙")
            if params.get("app_id") not in self._app_keys:
                raise GatewayError("40002", "Invalid Arguments", "isv.invalid-app-id", "无效的AppID参数")
            if params.get("sign_type") != "RSA2":
                raise GatewayError(
                    "40002", "Invalid Arguments", "isv.invalid-signature-type", "无效的签名类型"
                )
            if not self._verify_request(params):
                raise GatewayError("40002", "Invalid Arguments", "isv.invalid-signature", "验签出错")
            handler = self.methods.get(method)
            if handler is None:
                raise GatewayError("40002", "Invalid Arguments", "isv.invalid-method", "不存在的方法名")
            try:
                biz = json.loads(params.get("biz_content") or "{}")
            except ValueError as exc:
                raise GatewayError(
                    "40002", "Invalid Arguments", "isv.invalid-biz-content", "业务参数错误"
                ) from exc
            payload = handler(self, params, biz)
        except GatewayError as exc:
            return self._signed("error_response", exc.body)
        return self._signed(response_key, payload)

    # --- fake users -----------------------------------------------------------------------

    @staticmethod
    def user_id_for(user: str) -> str:
        return "2088" + str(int(hashlib.sha256(f"alipay:{user}".encode()).hexdigest(), 16))[:12]

    def open_id_for(self, user: str) -> str:
        return "0" + hashlib.sha256(f"{self.state.app_id}:{user}".encode()).hexdigest()[:43]

    def mint_auth_code(
        self, user: str, *, id_kind: str = "open_id", expires_in: float = AUTH_CODE_TTL
    ) -> dict:
        ids = {}
        if id_kind in {"user_id", "both"}:
            ids["user_id"] = self.user_id_for(user)
        if id_kind in {"open_id", "both"}:
            ids["open_id"] = self.open_id_for(user)
        code = secrets.token_hex(16)
        with self.state.lock:
            self.state.auth_codes[code] = {"ids": ids, "expires_at": time.time() + expires_in, "used": False}
        return {"auth_code": code, "user_id": ids.get("user_id"), "open_id": ids.get("open_id")}

    def phone_response(self, phone: str) -> str:
        """The `response` string of `my.getPhoneNumber`: AES-128-CBC (zero IV) + RSA2 signature."""
        if not self.aes_key:
            raise ValueError("the gateway has no AES key for this app")
        plain = json.dumps({"code": "10000", "msg": "Success", "mobile": phone}, separators=(",", ":"))
        padder = padding.PKCS7(128).padder()
        padded = padder.update(plain.encode()) + padder.finalize()
        key = base64.b64decode(self.aes_key)
        encryptor = Cipher(algorithms.AES(key), modes.CBC(b"\0" * 16)).encryptor()
        content = base64.b64encode(encryptor.update(padded) + encryptor.finalize()).decode()
        # Encrypted content is signed as the JSON string literal it appears as: in double quotes.
        sign = self.sign(f'"{content}"')
        if self.state.mode == "tamper":
            content = base64.b64encode(os.urandom(len(base64.b64decode(content)))).decode()
        return json.dumps(
            {
                "response": content,
                "sign": sign,
                "sign_type": "RSA2",
                "encrypt_type": "AES",
                "charset": "UTF-8",
            }
        )

    # --- control endpoints --------------------------------------------------------------------

    def on_mint_auth_code(self, request: Request) -> Response:
        body = request.get_json(force=True)
        minted = self.mint_auth_code(
            str(body["user"]),
            id_kind=str(body.get("id_kind", "open_id")),
            expires_in=float(body.get("expires_in", AUTH_CODE_TTL)),
        )
        return Response(json.dumps(minted), mimetype="application/json")

    def on_phone_response(self, request: Request) -> Response:
        body = request.get_json(force=True)
        return Response(
            json.dumps({"response": self.phone_response(str(body["phone"]))}), mimetype="application/json"
        )

    def on_mode(self, request: Request) -> Response:
        body = request.get_json(force=True)
        with self.state.lock:
            self.state.mode = body["mode"]
            self.state.slow_seconds = float(body.get("slow_seconds", self.state.slow_seconds))
        return Response(status=204)

    def on_calls(self, request: Request) -> Response:
        with self.state.lock:
            return Response(json.dumps(self.state.calls), mimetype="application/json")

    def on_template_messages(self, request: Request) -> Response:
        with self.state.lock:
            messages = list(_template_state(self)["messages"])
        return Response(json.dumps({"messages": messages}, ensure_ascii=False), mimetype="application/json")

    def on_templates(self, request: Request) -> Response:
        body = request.get_json(force=True)
        with self.state.lock:
            _template_state(self)["templates"].update({str(k): list(v) for k, v in body.items()})
        return Response(status=204)


@gateway_method("alipay.system.oauth.token")
def oauth_token(gateway: GatewayApp, params: dict[str, str], biz: dict[str, Any]) -> dict[str, Any]:
    """`grant_type=authorization_code` + `code` (top-level parameters, not biz_content)."""
    if params.get("grant_type") != "authorization_code":
        raise GatewayError("40002", "Invalid Arguments", "isv.grant-type-invalid", "grant_type 参数无效")
    with gateway.state.lock:
        entry = gateway.state.auth_codes.get(params.get("code", ""))
        if entry is None or entry["used"] or entry["expires_at"] < time.time():
            raise GatewayError("40002", "Invalid Arguments", "isv.code-invalid", "授权码code无效")
        entry["used"] = True
    return {
        **entry["ids"],
        "access_token": f"authusrB{secrets.token_hex(16)}",
        "expires_in": 1296000,
        "refresh_token": f"authusrB{secrets.token_hex(16)}",
        "re_expires_in": 2592000,
        "auth_start": datetime.now(CST).strftime("%Y-%m-%d %H:%M:%S"),
    }


# --- mini-program template (subscribe) messages ---------------------------------------------

# The sandbox's templates and their keywords (the defaults of ALIPAY_SUBSCRIBE_TEMPLATES).
SANDBOX_TEMPLATES: dict[str, list[str]] = {
    "zbsandboxaliapplicationprogress1": ["keyword1", "keyword2", "keyword3", "keyword4"],
    "zbsandboxalipaymentdue000000001": ["keyword1", "keyword2", "keyword3"],
    "zbsandboxalicertificateissued01": ["keyword1", "keyword2"],
}
KEYWORD_MAX_LENGTH = 50


def _template_state(gateway: GatewayApp) -> dict[str, Any]:
    return gateway.state.extra.setdefault(
        "template_messages",
        {"templates": {k: list(v) for k, v in SANDBOX_TEMPLATES.items()}, "messages": []},
    )


def _business_failure(sub_code: str, sub_msg: str) -> dict[str, Any]:
    return {"code": "40004", "msg": "Business Failed", "sub_code": sub_code, "sub_msg": sub_msg}


@gateway_method("alipay.open.app.mini.templatemessage.send")
def templatemessage_send(gateway: GatewayApp, params: dict[str, str], biz: dict[str, Any]) -> dict[str, Any]:
    """biz_content `{to_user_id | to_open_id, user_template_id, page, data}`, `data` being a JSON
    string `{"keyword1": {"value": "…"}}`. Refusals come inside the signed `_response` (40001 /
    40004), the way Alipay answers business failures; nothing is recorded then."""
    recipient = biz.get("to_user_id") or biz.get("to_open_id")
    if not recipient or not biz.get("user_template_id") or not isinstance(biz.get("data"), str):
        return {
            "code": "40001",
            "msg": "Missing Required Arguments",
            "sub_code": "isv.missing-biz-param",
            "sub_msg": "缺少业务参数",
        }
    with gateway.state.lock:
        keywords = _template_state(gateway)["templates"].get(biz["user_template_id"])
    if keywords is None:
        return _business_failure("USER_TEMPLATE_ILLEGAL", "模板不存在")
    try:
        data = json.loads(biz["data"])
    except ValueError:
        data = None
    if not isinstance(data, dict) or not all(
        isinstance(v, dict) and isinstance(v.get("value"), str) for v in data.values()
    ):
        return _business_failure("USER_DATA_ILLEGAL", "模板数据格式错误")
    if set(data) - set(keywords):
        return _business_failure("USER_KEYWORD_ILLEGAL", "关键词不存在")
    if any(len(v["value"]) > KEYWORD_MAX_LENGTH for v in data.values()):
        return _business_failure("USER_KEYWORD_LENGTH_ERROR", "关键词超长")
    with gateway.state.lock:
        _template_state(gateway)["messages"].append(
            {
                "app_id": params.get("app_id", ""),
                "to_user_id": biz.get("to_user_id", ""),
                "to_open_id": biz.get("to_open_id", ""),
                "user_template_id": biz["user_template_id"],
                "page": biz.get("page", ""),
                "data": data,
            }
        )
    return {"code": "10000", "msg": "Success"}


@dataclass(frozen=True)
class SandboxKeys:
    """Key material for one sandbox run: the app's RSA2 pair, the fake's pair, the app's AES key."""

    app_private_key: str
    app_public_key: str
    alipay_private_key: str
    alipay_public_key: str
    aes_key: str


def sandbox_keys() -> SandboxKeys:
    """Fresh keys (what `make run` hands to both the fake and the backend)."""
    app, fake = generate_private_key_pem(), generate_private_key_pem()
    return SandboxKeys(
        app_private_key=app,
        app_public_key=public_key_pem(app),
        alipay_private_key=fake,
        alipay_public_key=public_key_pem(fake),
        aes_key=base64.b64encode(os.urandom(16)).decode(),
    )


_cached: list[SandboxKeys] = []


def cached_sandbox_keys() -> SandboxKeys:
    """The same fresh keys for the whole process (tests: RSA key generation is slow-ish)."""
    if not _cached:
        _cached.append(sandbox_keys())
    return _cached[0]
