"""Fake Twilio Messages API (2010-04-01) with signed status callbacks.

Speaks what the twilio SDK sends: `POST /2010-04-01/Accounts/{sid}/Messages.json`, HTTP
Basic auth (account SID : auth token), form-encoded `To`, `From`, `Body`, `StatusCallback`;
answers 201 with a message resource (`sid` = `SM` + 32 hex) or Twilio's error JSON. Mounted
under `/twilio`, so the backend's `TWILIO_API_BASE_URL` is `<mock>/twilio`.

Status callbacks are POSTed to `StatusCallback`, form-encoded and signed the way Twilio
signs (`X-Twilio-Signature` = base64 HMAC-SHA1 of the URL plus the sorted name+value pairs),
when `auto_callbacks` is on; `callback_for(sid, status)` builds one for a test to send itself.

Switches (`POST /twilio/_control/mode` or `state` directly): `mode` ok | error (500) |
timeout (sleeps `slow_seconds`); `fail_next` = n answers 500 to the next n sends; numbers in
`invalid_numbers` get 400 / 21211. `GET /twilio/_control/inbox` lists what was "sent".
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

import requests
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

E164 = re.compile(r"^\+[1-9]\d{6,14}$")


def twilio_signature(auth_token: str, url: str, params: dict[str, str]) -> str:
    """Twilio's webhook signature (written from the docs, not taken from the SDK)."""
    payload = url + "".join(f"{name}{params[name]}" for name in sorted(params))
    digest = hmac.new(auth_token.encode(), payload.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def _segments(body: str) -> int:
    gsm = all(ord(c) < 128 for c in body)
    single, multi = (160, 153) if gsm else (70, 67)
    units = len(body) if gsm else len(body.encode("utf-16-le")) // 2
    return 1 if units <= single else -(-units // multi)


def _rfc2822(moment: datetime) -> str:
    return format_datetime(moment, usegmt=False).replace("-0000", "+0000")


@dataclass
class TwilioState:
    account_sid: str
    auth_token: str
    mode: str = "ok"
    fail_next: int = 0
    slow_seconds: float = 10.0
    delay_seconds: float = 0.0  # every send takes this long (a real provider is not instant)
    invalid_numbers: set[str] = field(default_factory=set)
    auto_callbacks: bool = True
    callback_delay: float = 0.05
    inbox: list[dict[str, Any]] = field(default_factory=list)
    callbacks: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class TwilioApp:
    url_map = Map(
        [
            Rule(
                "/twilio/2010-04-01/Accounts/<account_sid>/Messages.json", endpoint="create", methods=["POST"]
            ),
            Rule("/twilio/2010-04-01/Accounts/<account_sid>/Messages/<sid>.json", endpoint="fetch"),
            Rule("/twilio/_control/mode", endpoint="mode", methods=["POST"]),
            Rule("/twilio/_control/inbox", endpoint="inbox", methods=["GET"]),
        ]
    )

    def __init__(self, account_sid: str, auth_token: str) -> None:
        self.state = TwilioState(account_sid=account_sid, auth_token=auth_token)

    def handles(self, path: str) -> bool:
        return path.startswith("/twilio/")

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        adapter = self.url_map.bind_to_environ(environ)
        endpoint, args = adapter.match()
        response = getattr(self, f"on_{endpoint}")(request, **args)
        return response(environ, start_response)

    # --- the API ---------------------------------------------------------------------------
    def _error(self, status: int, code: int, message: str) -> Response:
        body = {
            "code": code,
            "message": message,
            "more_info": f"https://www.twilio.com/docs/errors/{code}",
            "status": status,
        }
        return Response(json.dumps(body), status=status, content_type="application/json")

    def _authorized(self, request: Request, account_sid: str) -> bool:
        auth = request.authorization
        return bool(
            auth
            and auth.username == self.state.account_sid == account_sid
            and hmac.compare_digest(auth.password or "", self.state.auth_token)
        )

    def on_create(self, request: Request, account_sid: str) -> Response:
        state = self.state
        if not self._authorized(request, account_sid):
            return self._error(401, 20003, "Authenticate")
        form = request.form
        to, body = form.get("To", ""), form.get("Body", "")
        sender = form.get("From", "")
        if state.mode == "timeout":
            time.sleep(state.slow_seconds)
        time.sleep(state.delay_seconds)
        with state.lock:
            if state.fail_next > 0:
                state.fail_next -= 1
                return self._error(500, 20500, "Internal Server Error")
        if state.mode == "error":
            return self._error(500, 20500, "Internal Server Error")
        if not E164.match(to) or to in state.invalid_numbers:
            return self._error(400, 21211, f"The 'To' number {to} is not a valid phone number.")
        if not sender and not form.get("MessagingServiceSid"):
            return self._error(400, 21603, "The 'From' phone number is required.")
        if not body or len(body) > 1600:
            return self._error(400, 21617, "The concatenated message body exceeds the 1600 character limit.")
        sid = "SM" + secrets.token_hex(16)
        now = _rfc2822(datetime.now(UTC))
        resource = {
            "sid": sid,
            "account_sid": account_sid,
            "status": "queued",
            "to": to,
            "from": sender,
            "body": body,
            "num_segments": str(_segments(body)),
            "num_media": "0",
            "direction": "outbound-api",
            "date_created": now,
            "date_updated": now,
            "date_sent": None,
            "error_code": None,
            "error_message": None,
            "price": None,
            "price_unit": "USD",
            "api_version": "2010-04-01",
            "messaging_service_sid": form.get("MessagingServiceSid"),
            "uri": f"/2010-04-01/Accounts/{account_sid}/Messages/{sid}.json",
            "subresource_uris": {"media": f"/2010-04-01/Accounts/{account_sid}/Messages/{sid}/Media.json"},
        }
        with state.lock:
            state.inbox.append({**resource, "status_callback": form.get("StatusCallback", "")})
        callback = form.get("StatusCallback")
        if callback and state.auto_callbacks:
            threading.Thread(target=self._deliver_callbacks, args=(sid, callback), daemon=True).start()
        return Response(json.dumps(resource), status=201, content_type="application/json")

    def on_fetch(self, request: Request, account_sid: str, sid: str) -> Response:
        if not self._authorized(request, account_sid):
            return self._error(401, 20003, "Authenticate")
        found = next((m for m in self.state.inbox if m["sid"] == sid), None)
        if found is None:
            return self._error(404, 20404, "The requested resource was not found")
        return Response(json.dumps(found), content_type="application/json")

    # --- status callbacks ------------------------------------------------------------------
    def callback_for(self, sid: str, status: str, url: str | None = None) -> tuple[str, dict[str, str], str]:
        """(url, form params, X-Twilio-Signature) of a status callback for message `sid`."""
        message = next(m for m in self.state.inbox if m["sid"] == sid)
        url = url or message["status_callback"]
        params = {
            "MessageSid": sid,
            "SmsSid": sid,
            "MessageStatus": status,
            "SmsStatus": status,
            "AccountSid": self.state.account_sid,
            "From": message["from"],
            "To": message["to"],
            "ApiVersion": "2010-04-01",
        }
        if status in {"failed", "undelivered"}:
            params["ErrorCode"] = "30003"
        if status in {"delivered", "undelivered"}:
            params["RawDlrDoneDate"] = datetime.now(UTC).strftime("%y%m%d%H%M")
        return url, params, twilio_signature(self.state.auth_token, url, params)

    def _deliver_callbacks(self, sid: str, url: str) -> None:
        for status in ("sent", "delivered"):
            time.sleep(self.state.callback_delay)
            url_, params, signature = self.callback_for(sid, status, url)
            try:
                answer = requests.post(
                    url_, data=params, headers={"X-Twilio-Signature": signature}, timeout=5
                )
                outcome = answer.status_code
            except requests.RequestException as exc:
                outcome = f"error: {type(exc).__name__}"
            with self.state.lock:
                self.state.callbacks.append({"sid": sid, "status": status, "answer": outcome})

    # --- control ---------------------------------------------------------------------------
    def on_mode(self, request: Request) -> Response:
        data = json.loads(request.get_data() or b"{}")
        with self.state.lock:
            self.state.mode = data.get("mode", self.state.mode)
            self.state.fail_next = int(data.get("fail_next", self.state.fail_next))
            self.state.invalid_numbers.update(data.get("invalid_numbers", []))
        return Response(json.dumps({"mode": self.state.mode}), content_type="application/json")

    def on_inbox(self, request: Request) -> Response:
        with self.state.lock:
            return Response(json.dumps(self.state.inbox), content_type="application/json")
