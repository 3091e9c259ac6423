"""Fake Tencent Cloud SMS (API 3.0, `SendSms` 2021-01-11) that verifies TC3-HMAC-SHA256.

The SDK posts JSON to its endpoint; the backend's `TENCENT_SMS_ENDPOINT` is
`127.0.0.1:<port>/tencent-sms`, so the fake lives under `/tencent-sms`. The request must be
signed with a known SecretId/SecretKey (TC3: canonical request → string to sign → key
derived from date, service and `tc3_request`), within 5 minutes of now, for a known
SmsSdkAppId, sign name and template; else the real error codes come back in
`Response.Error`.

Switches (`state`, or `POST /tencent-sms/_control/mode`): `mode` ok | error (HTTP 502 from
the gateway) | timeout (sleeps `slow_seconds`); `fail_next` = n gateway errors; numbers in
`invalid_numbers` get `InvalidParameterValue.IncorrectPhoneNumber`. `GET
/tencent-sms/_control/inbox` lists what was "sent".

Delivery receipts (状态回执): when `callback_url` is set (the URL configured in Tencent's
console, token included; also through `_control/mode`) and `auto_callbacks` is on, each sent
message's report is POSTed there as Tencent does — a JSON array, unsigned — `SUCCESS`/`DELIVRD`,
or `FAIL`/`UNDELIV` for numbers in `undeliverable_numbers`. `report_for(sid)` builds one for a
test to send itself; `callbacks` records what the backend answered.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import requests
from werkzeug.wrappers import Request, Response

AUTH = re.compile(
    r"^TC3-HMAC-SHA256 Credential=(?P<id>[^/]+)/(?P<date>\d{4}-\d{2}-\d{2})/(?P<service>[a-z]+)/tc3_request, "
    r"SignedHeaders=(?P<headers>[a-z0-9;-]+), Signature=(?P<sig>[0-9a-f]{64})$"
)
SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")
PHONE = re.compile(r"^\+86 ?1[3-9]\d{9}$|^\+[1-9]\d{6,14}$|^1[3-9]\d{9}$")


def _hmac(key: bytes, msg: str) -> bytes:
    return hmac.new(key, msg.encode(), hashlib.sha256).digest()


def tc3_signature(
    *,
    secret_key: str,
    method: str,
    path: str,
    query: str,
    headers: dict[str, str],
    signed: list[str],
    body: bytes,
    timestamp: str,
    date: str,
    service: str,
) -> str:
    """TC3-HMAC-SHA256 as Tencent documents it (written from the docs, not from the SDK)."""
    canonical_headers = "".join(
        f"{name}:{headers[name].strip().lower() if name == 'host' else headers[name].strip()}\n"
        for name in signed
    )
    canonical = "\n".join(
        [method, path, query, canonical_headers, ";".join(signed), hashlib.sha256(body).hexdigest()]
    )
    scope = f"{date}/{service}/tc3_request"
    to_sign = "\n".join(["TC3-HMAC-SHA256", timestamp, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    key = _hmac(_hmac(_hmac(("TC3" + secret_key).encode(), date), service), "tc3_request")
    return hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()


@dataclass
class TencentSmsState:
    secret_id: str
    secret_key: str
    sdk_app_id: str = "1400000000"
    sign_names: set[str] = field(default_factory=lambda: {"掌办"})
    mode: str = "ok"
    fail_next: int = 0
    slow_seconds: float = 10.0
    invalid_numbers: set[str] = field(default_factory=set)
    inbox: list[dict[str, Any]] = field(default_factory=list)
    callback_url: str = ""
    auto_callbacks: bool = True
    callback_delay: float = 0.05
    undeliverable_numbers: set[str] = field(default_factory=set)
    callbacks: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class TencentSmsApp:
    prefix = "/tencent-sms"

    def __init__(self, secret_id: str, secret_key: str) -> None:
        self.state = TencentSmsState(secret_id=secret_id, secret_key=secret_key)

    def handles(self, path: str) -> bool:
        return path == self.prefix or path.startswith(self.prefix + "/")

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        if request.path == f"{self.prefix}/_control/inbox":
            with self.state.lock:
                response = Response(json.dumps(self.state.inbox), content_type="application/json")
        elif request.path == f"{self.prefix}/_control/mode":
            data = json.loads(request.get_data() or b"{}")
            with self.state.lock:
                self.state.mode = data.get("mode", self.state.mode)
                self.state.fail_next = int(data.get("fail_next", self.state.fail_next))
                self.state.invalid_numbers.update(data.get("invalid_numbers", []))
                self.state.undeliverable_numbers.update(data.get("undeliverable_numbers", []))
                self.state.callback_url = data.get("callback_url", self.state.callback_url)
            response = Response(json.dumps({"mode": self.state.mode}), content_type="application/json")
        else:
            response = self.api(request)
        return response(environ, start_response)

    def _answer(self, body: dict[str, Any]) -> Response:
        body["RequestId"] = str(uuid.uuid4())
        return Response(json.dumps({"Response": body}), content_type="application/json")

    def _error(self, code: str, message: str) -> Response:
        return self._answer({"Error": {"Code": code, "Message": message}})

    def _verify(self, request: Request, body: bytes) -> str | None:
        """None when the signature is good, else the error code."""
        match = AUTH.match(request.headers.get("Authorization", ""))
        if not match:
            return "AuthFailure.InvalidAuthorization"
        if match["id"] != self.state.secret_id:
            return "AuthFailure.SecretIdNotFound"
        timestamp = request.headers.get("X-TC-Timestamp", "")
        if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > 300:
            return "AuthFailure.SignatureExpire"
        if datetime.fromtimestamp(int(timestamp), UTC).strftime("%Y-%m-%d") != match["date"]:
            return "AuthFailure.SignatureFailure"
        signed = match["headers"].split(";")
        headers = {name: request.headers.get(name, "") for name in signed}
        expected = tc3_signature(
            secret_key=self.state.secret_key,
            method=request.method,
            path="/",
            query=request.query_string.decode() if request.method == "GET" else "",
            headers=headers,
            signed=signed,
            body=body,
            timestamp=timestamp,
            date=match["date"],
            service=match["service"],
        )
        if match["service"] != "sms" or not hmac.compare_digest(expected, match["sig"]):
            return "AuthFailure.SignatureFailure"
        return None

    def api(self, request: Request) -> Response:
        state = self.state
        body = request.get_data()
        if state.mode == "timeout":
            time.sleep(state.slow_seconds)
        with state.lock:
            failing = state.fail_next > 0 or state.mode == "error"
            state.fail_next = max(0, state.fail_next - 1)
        if failing:
            return Response("<html>502 Bad Gateway</html>", status=502, content_type="text/html")
        error = self._verify(request, body)
        if error:
            return self._error(error, "The request signature is invalid.")
        if (
            request.headers.get("X-TC-Action") != "SendSms"
            or request.headers.get("X-TC-Version") != "2021-01-11"
        ):
            return self._error("InvalidAction", "The action or version is not supported.")
        data = json.loads(body or b"{}")
        if data.get("SmsSdkAppId") != state.sdk_app_id:
            return self._error("FailedOperation.SmsSdkAppIdVerifyFail", "SmsSdkAppId is invalid.")
        if data.get("SignName") not in state.sign_names:
            return self._error(
                "FailedOperation.SignatureIncorrectOrUnapproved", "The sign name is not approved."
            )
        if not str(data.get("TemplateId", "")).isdigit():
            return self._error(
                "FailedOperation.TemplateIncorrectOrUnapproved", "The template is not approved."
            )
        statuses = []
        for phone in data.get("PhoneNumberSet", []):
            if not PHONE.match(phone) or phone in state.invalid_numbers:
                statuses.append(
                    {
                        "SerialNo": "",
                        "PhoneNumber": phone,
                        "Fee": 0,
                        "SessionContext": data.get("SessionContext", ""),
                        "Code": "InvalidParameterValue.IncorrectPhoneNumber",
                        "Message": "The phone number is invalid.",
                        "IsoCode": "",
                    }
                )
                continue
            serial = f"2433:{secrets.token_hex(10)}"
            with state.lock:
                state.inbox.append(
                    {
                        "serial_no": serial,
                        "phone": phone,
                        "template_id": data["TemplateId"],
                        "params": data.get("TemplateParamSet", []),
                        "sign_name": data["SignName"],
                    }
                )
            statuses.append(
                {
                    "SerialNo": serial,
                    "PhoneNumber": phone,
                    "Fee": 1,
                    "SessionContext": data.get("SessionContext", ""),
                    "Code": "Ok",
                    "Message": "send success",
                    "IsoCode": "CN",
                }
            )
            if state.callback_url and state.auto_callbacks:
                threading.Thread(
                    target=self._deliver_report, args=(serial, state.callback_url), daemon=True
                ).start()
        return self._answer({"SendStatusSet": statuses})

    # --- delivery receipts (状态回执) ------------------------------------------------------
    def report_for(self, sid: str, *, delivered: bool | None = None) -> list[dict[str, str]]:
        """The JSON array Tencent posts for message `sid` (delivered unless its number is not)."""
        message = next(m for m in self.state.inbox if m["serial_no"] == sid)
        phone = message["phone"].replace(" ", "")
        nationcode, mobile = ("86", phone[3:]) if phone.startswith("+86") else ("", phone.lstrip("+"))
        if delivered is None:
            delivered = message["phone"] not in self.state.undeliverable_numbers
        return [
            {
                "user_receive_time": datetime.now(SHANGHAI).strftime("%Y-%m-%d %H:%M:%S"),
                "nationcode": nationcode,
                "mobile": mobile,
                "report_status": "SUCCESS" if delivered else "FAIL",
                "errmsg": "DELIVRD" if delivered else "UNDELIV",
                "description": "用户短信送达成功" if delivered else "用户短信接收失败",
                "sid": sid,
            }
        ]

    def _deliver_report(self, sid: str, url: str) -> None:
        time.sleep(self.state.callback_delay)
        try:
            answer = requests.post(url, json=self.report_for(sid), timeout=5)
            outcome: Any = answer.status_code
            body = answer.json() if answer.ok else None
        except (requests.RequestException, ValueError) as exc:
            outcome, body = f"error: {type(exc).__name__}", None
        with self.state.lock:
            self.state.callbacks.append({"sid": sid, "answer": outcome, "body": body})
