"""Sandbox WeChat mini-program platform (api.weixin.qq.com) under `/wechat/`.

Speaks the real protocol (shared/PROTOCOLS.md §1) so wechatpy reaches it unchanged except for
its base URL (`WECHAT_API_BASE_URL = http://127.0.0.1:8001/wechat/`):

- `GET  /wechat/sns/jscode2session?appid&secret&js_code&grant_type=authorization_code`
- `POST /wechat/cgi-bin/stable_token` `{grant_type, appid, secret, force_refresh}`
- `POST /wechat/wxa/business/getuserphonenumber?access_token=` `{code}`
- `POST /wechat/cgi-bin/message/subscribe/send?access_token=` `{touser, template_id, data, …}`

Codes are single-use and expire (login codes after 5 minutes, like WeChat). What the WeChat
devtools do for a developer, the control endpoints do here:

- `POST /wechat/_control/login_code {"user": "alice", "unionid": true, "expires_in": 300}` →
  `{"code", "openid", "unionid"}`: the `code` that `wx.login()` would give fake user `alice`
  (the openid is stable per user and app; a negative `expires_in` mints an expired code)
- `POST /wechat/_control/phone_code {"user": "alice", "phone": "13812345678"}` → `{"code"}`:
  what `<button open-type="getPhoneNumber">` gives
- `POST /wechat/_control/mode {"mode": "ok" | "rate_limit" | "busy" | "error" | "slow",
  "slow_seconds": 10}`: fail every call (45011, -1, HTTP 502, or answer late)
- `POST /wechat/_control/expire_tokens`: every access token issued so far becomes invalid
  (42001), as when it reaches its expiry
- `POST /wechat/_control/templates {"<template_id>": ["thing1", "time2"]}`: subscribe templates
  and their fields (sends with other fields get 47003)
- `GET /wechat/_control/messages`: subscribe messages sent; `GET /wechat/_control/stats`:
  counters, among them `token_refreshes` (calls to stable_token)
"""

from __future__ import annotations

import hashlib
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from werkzeug.wrappers import Request, Response

LOGIN_CODE_TTL = 300
PHONE_CODE_TTL = 300
# The sandbox's subscribe templates; settings.WECHAT_SUBSCRIBE_TEMPLATES uses the same ids by
# default so `make run` works out of the box.
DEFAULT_TEMPLATES: dict[str, list[str]] = {
    "zb-sandbox-application-progress": ["thing1", "phrase2", "time3", "thing4"],
    "zb-sandbox-payment-due": ["thing1", "amount2", "time3"],
    "zb-sandbox-certificate-issued": ["thing1", "time2"],
}
TOKEN_ERRCODE_EXPIRED = 42001
TOKEN_ERRCODE_INVALID = 40001


@dataclass
class _Code:
    value: dict[str, Any]
    expires_at: float
    used: bool = False


@dataclass
class WeChatState:
    appid: str
    secret: str
    mode: str = "ok"
    slow_seconds: float = 10.0
    token_ttl: int = 7200
    login_codes: dict[str, _Code] = field(default_factory=dict)
    phone_codes: dict[str, _Code] = field(default_factory=dict)
    # token -> expires_at
    tokens: dict[str, float] = field(default_factory=dict)
    current_token: str = ""
    templates: dict[str, list[str]] = field(default_factory=lambda: dict(DEFAULT_TEMPLATES))
    messages: list[dict[str, Any]] = field(default_factory=list)
    stats: dict[str, int] = field(
        default_factory=lambda: {"token_refreshes": 0, "tokens_issued": 0, "jscode2session": 0, "phone": 0}
    )
    lock: threading.Lock = field(default_factory=threading.Lock)


def _json(payload: dict[str, Any], status: int = 200) -> Response:
    return Response(json.dumps(payload, ensure_ascii=False), status=status, mimetype="application/json")


def _err(errcode: int, errmsg: str) -> Response:
    # WeChat answers errors with HTTP 200 and an errcode.
    return _json({"errcode": errcode, "errmsg": errmsg})


class WeChatApp:
    """The fake platform for one mini-program (appid + secret)."""

    prefix = "/wechat/"

    def __init__(self, appid: str, secret: str) -> None:
        self.state = WeChatState(appid=appid, secret=secret)
        self.routes = {
            ("GET", "sns/jscode2session"): self.on_jscode2session,
            ("POST", "cgi-bin/stable_token"): self.on_stable_token,
            ("POST", "wxa/business/getuserphonenumber"): self.on_phone_number,
            ("POST", "cgi-bin/message/subscribe/send"): self.on_subscribe_send,
            ("POST", "_control/login_code"): self.on_mint_login_code,
            ("POST", "_control/phone_code"): self.on_mint_phone_code,
            ("POST", "_control/mode"): self.on_mode,
            ("POST", "_control/expire_tokens"): self.on_expire_tokens,
            ("POST", "_control/templates"): self.on_templates,
            ("GET", "_control/messages"): self.on_messages,
            ("GET", "_control/stats"): self.on_stats,
        }

    def handles(self, path: str) -> bool:
        return path.startswith(self.prefix)

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        route = request.path[len(self.prefix) :]
        handler = self.routes.get((request.method, route))
        if handler is None:
            response = _json({"errcode": 404, "errmsg": "not found"}, status=404)
        elif route.startswith("_control/"):
            response = handler(request)
        else:
            response = self._failure() or handler(request)
        return response(environ, start_response)

    # --- simulated outages ------------------------------------------------------------

    def _failure(self) -> Response | None:
        mode, slow = self.state.mode, self.state.slow_seconds
        if mode == "rate_limit":
            return _err(45011, "api minute-quota reach limit mustslower retry next minute")
        if mode == "busy":
            return _err(-1, "system error")
        if mode == "error":
            return Response("<html><body>502 Bad Gateway</body></html>", status=502, mimetype="text/html")
        if mode == "slow":
            time.sleep(slow)
        return None

    # --- identities of fake users ----------------------------------------------------------

    def openid_for(self, user: str) -> str:
        digest = hashlib.sha256(f"{self.state.appid}:{user}".encode()).hexdigest()
        return f"o{digest[:27]}"

    @staticmethod
    def unionid_for(user: str) -> str:
        return f"u{hashlib.sha256(f'union:{user}'.encode()).hexdigest()[:27]}"

    # --- protocol endpoints ------------------------------------------------------------

    def on_jscode2session(self, request: Request) -> Response:
        args = request.args
        with self.state.lock:
            self.state.stats["jscode2session"] += 1
            if args.get("appid") != self.state.appid or args.get("secret") != self.state.secret:
                return _err(40013, "invalid appid")
            if args.get("grant_type") != "authorization_code":
                return _err(40002, "invalid grant_type")
            code = self.state.login_codes.get(args.get("js_code", ""))
            if code is None:
                return _err(40029, "invalid code")
            if code.used:
                return _err(40163, "code been used")
            if code.expires_at < time.time():
                return _err(40029, "invalid code, code expired")
            code.used = True
            answer = {"openid": code.value["openid"], "session_key": code.value["session_key"]}
            if code.value.get("unionid"):
                answer["unionid"] = code.value["unionid"]
        return _json(answer)

    def on_stable_token(self, request: Request) -> Response:
        try:
            body = json.loads(request.get_data() or b"{}")
        except ValueError:
            return _err(47001, "data format error")
        now = time.time()
        with self.state.lock:
            self.state.stats["token_refreshes"] += 1
            if body.get("grant_type") != "client_credential":
                return _err(40002, "invalid grant_type")
            if body.get("appid") != self.state.appid or body.get("secret") != self.state.secret:
                return _err(40125, "invalid appsecret")
            current = self.state.current_token
            valid = current and self.state.tokens.get(current, 0) > now
            if body.get("force_refresh") or not valid:
                if body.get("force_refresh") and current:
                    self.state.tokens.pop(current, None)
                current = f"sandbox-at-{secrets.token_urlsafe(24)}"
                self.state.tokens[current] = now + self.state.token_ttl
                self.state.current_token = current
                self.state.stats["tokens_issued"] += 1
            expires_in = int(self.state.tokens[current] - now)
        return _json({"access_token": current, "expires_in": expires_in})

    def _token_error(self, request: Request) -> Response | None:
        token = request.args.get("access_token", "")
        with self.state.lock:
            expires_at = self.state.tokens.get(token)
        if expires_at is None:
            return _err(TOKEN_ERRCODE_INVALID, "invalid credential, access_token is invalid or not latest")
        if expires_at <= time.time():
            return _err(TOKEN_ERRCODE_EXPIRED, "access_token expired")
        return None

    def on_phone_number(self, request: Request) -> Response:
        failure = self._token_error(request)
        if failure:
            return failure
        try:
            body = json.loads(request.get_data() or b"{}")
        except ValueError:
            return _err(47001, "data format error")
        with self.state.lock:
            self.state.stats["phone"] += 1
            code = self.state.phone_codes.get(str(body.get("code", "")))
            if code is None or code.expires_at < time.time():
                return _err(40029, "invalid code")
            if code.used:
                return _err(40163, "code been used")
            if body.get("openid") and body["openid"] != code.value["openid"]:
                return _err(40029, "invalid code, openid mismatch")
            code.used = True
            phone = code.value["phone"]
        country = "86"
        return _json(
            {
                "errcode": 0,
                "errmsg": "ok",
                "phone_info": {
                    "phoneNumber": phone,
                    "purePhoneNumber": phone,
                    "countryCode": country,
                    "watermark": {"timestamp": int(time.time()), "appid": self.state.appid},
                },
            }
        )

    def on_subscribe_send(self, request: Request) -> Response:
        failure = self._token_error(request)
        if failure:
            return failure
        try:
            body = json.loads(request.get_data() or b"{}")
        except ValueError:
            return _err(47001, "data format error")
        touser = body.get("touser", "")
        if not isinstance(touser, str) or not touser.startswith("o"):
            return _err(40003, "invalid openid")
        with self.state.lock:
            fields = self.state.templates.get(body.get("template_id", ""))
        if fields is None:
            return _err(40037, "invalid template_id")
        data = body.get("data")
        if not isinstance(data, dict):
            return _err(47003, "argument invalid! data is empty")
        for name in fields:
            entry = data.get(name)
            if not isinstance(entry, dict) or not str(entry.get("value", "")).strip():
                return _err(47003, f"argument invalid! data.{name}.value is empty")
            if name.startswith("thing") and len(str(entry["value"])) > 20:
                return _err(47003, f"argument invalid! data.{name}.value exceeds 20 characters")
        extra = set(data) - set(fields)
        if extra:
            return _err(47003, f"argument invalid! data.{sorted(extra)[0]} is not in the template")
        state = body.get("miniprogram_state", "formal")
        if state not in {"developer", "trial", "formal"}:
            return _err(47003, "argument invalid! miniprogram_state")
        msgid = int(time.time() * 1000) * 100 + secrets.randbelow(100)
        with self.state.lock:
            self.state.messages.append({**body, "msgid": msgid})
        return _json({"errcode": 0, "errmsg": "ok", "msgid": msgid})

    # --- control endpoints (what the WeChat devtools do) --------------------------------------

    def mint_login_code(
        self, user: str, *, unionid: bool = False, expires_in: float = LOGIN_CODE_TTL
    ) -> dict:
        value = {
            "openid": self.openid_for(user),
            "session_key": secrets.token_urlsafe(18)[:24],
            "unionid": self.unionid_for(user) if unionid else "",
        }
        code = secrets.token_hex(16)
        with self.state.lock:
            self.state.login_codes[code] = _Code(value=value, expires_at=time.time() + expires_in)
        return {"code": code, "openid": value["openid"], "unionid": value["unionid"] or None}

    def mint_phone_code(self, user: str, phone: str, *, expires_in: float = PHONE_CODE_TTL) -> dict:
        code = secrets.token_hex(16)
        value = {"openid": self.openid_for(user), "phone": phone}
        with self.state.lock:
            self.state.phone_codes[code] = _Code(value=value, expires_at=time.time() + expires_in)
        return {"code": code}

    def on_mint_login_code(self, request: Request) -> Response:
        body = request.get_json(force=True)
        return _json(
            self.mint_login_code(
                str(body["user"]),
                unionid=bool(body.get("unionid")),
                expires_in=float(body.get("expires_in", LOGIN_CODE_TTL)),
            )
        )

    def on_mint_phone_code(self, request: Request) -> Response:
        body = request.get_json(force=True)
        return _json(
            self.mint_phone_code(
                str(body["user"]),
                str(body["phone"]),
                expires_in=float(body.get("expires_in", PHONE_CODE_TTL)),
            )
        )

    def on_mode(self, request: Request) -> Response:
        body = request.get_json(force=True)
        with self.state.lock:
            self.state.mode = body["mode"]
            self.state.slow_seconds = float(body.get("slow_seconds", self.state.slow_seconds))
        return Response(status=204)

    def on_expire_tokens(self, request: Request) -> Response:
        with self.state.lock:
            self.state.tokens = {token: 0.0 for token in self.state.tokens}
        return Response(status=204)

    def on_templates(self, request: Request) -> Response:
        body = request.get_json(force=True)
        with self.state.lock:
            self.state.templates.update({str(k): [str(f) for f in v] for k, v in body.items()})
        return Response(status=204)

    def on_messages(self, request: Request) -> Response:
        with self.state.lock:
            return _json({"messages": list(self.state.messages)})

    def on_stats(self, request: Request) -> Response:
        with self.state.lock:
            return _json(dict(self.state.stats))
