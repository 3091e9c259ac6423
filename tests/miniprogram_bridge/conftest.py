"""Helpers for the bridge tests: the fakes are driven over HTTP, like the WeChat devtools do."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import requests


class Fakes:
    """Control endpoints of the fake WeChat and Alipay platforms of `mock_providers`."""

    def __init__(self, running: Any) -> None:
        self.running = running
        self.base = running.base_url

    def _post(self, path: str, body: dict[str, Any]) -> Any:
        response = requests.post(f"{self.base}{path}", json=body, timeout=5)
        response.raise_for_status()
        return response.json() if response.content else None

    def wx_login_code(self, user: str, **extra: Any) -> dict[str, Any]:
        return self._post("/wechat/_control/login_code", {"user": user, **extra})

    def wx_phone_code(self, user: str, phone: str, **extra: Any) -> str:
        return self._post("/wechat/_control/phone_code", {"user": user, "phone": phone, **extra})["code"]

    def wx_mode(self, mode: str, **extra: Any) -> None:
        self._post("/wechat/_control/mode", {"mode": mode, **extra})

    def wx_expire_tokens(self) -> None:
        self._post("/wechat/_control/expire_tokens", {})

    def wx_stats(self) -> dict[str, int]:
        return requests.get(f"{self.base}/wechat/_control/stats", timeout=5).json()

    def wx_messages(self) -> list[dict[str, Any]]:
        return requests.get(f"{self.base}/wechat/_control/messages", timeout=5).json()["messages"]

    def ali_auth_code(self, user: str, **extra: Any) -> dict[str, Any]:
        return self._post("/alipay/_control/auth_code", {"user": user, **extra})

    def ali_phone_response(self, user: str, phone: str) -> str:
        return self._post("/alipay/_control/phone_response", {"user": user, "phone": phone})["response"]

    def ali_mode(self, mode: str, **extra: Any) -> None:
        self._post("/alipay/_control/mode", {"mode": mode, **extra})


@pytest.fixture
def fakes(mock_providers: Any) -> Fakes:
    return Fakes(mock_providers)


@pytest.fixture
def wechat_login(api: Any, fakes: Fakes) -> Callable[..., Any]:
    """Log fake WeChat user `name` in through the API; returns the response."""

    def _login(name: str, **extra: Any) -> Any:
        code = fakes.wx_login_code(name, **extra)["code"]
        return api.post("/api/v1/auth/wechat", {"code": code}, format="json")

    return _login


@pytest.fixture
def alipay_login(api: Any, fakes: Fakes) -> Callable[..., Any]:
    def _login(name: str, **extra: Any) -> Any:
        code = fakes.ali_auth_code(name, **extra)["auth_code"]
        return api.post("/api/v1/auth/alipay", {"auth_code": code}, format="json")

    return _login


def bearer(client: Any, access: str) -> Any:
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    return client
