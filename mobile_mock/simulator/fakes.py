"""The sandbox controls the simulator uses to play the phone, the WeChat app and the payer.

These are the fake providers' `_control` endpoints (mobile_mock/*.py docstrings), never the
backend: what WeChat's devtools mint, what the resident does inside WeChat Pay, and what the
resident's phone receives by SMS.
"""

from __future__ import annotations

from typing import Any

import httpx


class Sandbox:
    def __init__(self, mock_url: str, *, timeout: float = 30.0) -> None:
        self.http = httpx.Client(base_url=mock_url, timeout=timeout)

    def close(self) -> None:
        self.http.close()

    def _post(self, path: str, body: dict[str, Any]) -> Any:
        response = self.http.post(path, json=body)
        response.raise_for_status()
        return response.json()

    def wechat_login_code(self, user: str) -> dict[str, Any]:
        """What `wx.login()` gives fake user `user`: `{"code", "openid", …}`."""
        return self._post("/wechat/_control/login_code", {"user": user})

    def wechat_phone_code(self, user: str, phone: str) -> str:
        """What `<button open-type="getPhoneNumber">` gives when the user allows it."""
        return str(self._post("/wechat/_control/phone_code", {"user": user, "phone": phone})["code"])

    def wechatpay_pay(self, out_trade_no: str) -> dict[str, Any]:
        """The resident confirms the payment in WeChat; the fake sends the signed notification."""
        return self._post("/wechatpay/_control/pay", {"out_trade_no": out_trade_no})

    def sms_inbox(self, provider: str, phone_e164: str) -> list[dict[str, Any]]:
        """The SMS the fake provider (`twilio` or `tencent-sms`) accepted for one phone."""
        response = self.http.get(f"/{provider}/_control/inbox")
        response.raise_for_status()
        wanted = phone_e164.removeprefix("+")
        found = []
        for item in response.json():
            to = str(item.get("to") or item.get("PhoneNumber") or item.get("phone") or "")
            if to.removeprefix("+").endswith(wanted[-11:]):
                found.append(item)
        return found
