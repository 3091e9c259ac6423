"""Point the payments settings at the fake providers of `mock_providers` (shared by suites)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.test import Client


def client_sender(url: str, headers: dict[str, str], body: bytes) -> tuple[int, bytes]:
    """The fakes deliver their signed notifications through Django's test client (same thread)."""
    extra = {k: v for k, v in headers.items() if k.lower() != "content-type"}
    response = Client().post(
        urlsplit(url).path, data=body, content_type=headers.get("Content-Type", ""), headers=extra
    )
    return response.status_code, response.content


def point_payments_at_fakes(running: Any, settings: Any, *, timeout: float) -> None:
    """Live providers against the fake WeChat Pay and Alipay; notifications come back in-process."""
    wx = running.app.wechatpay
    keys = wx.keys
    settings.PAYMENT_PROVIDER = "live"
    settings.PAYMENTS_NOTIFY_BASE_URL = "http://testserver"
    settings.PAYMENT_PROVIDER_TIMEOUT = timeout
    settings.WECHATPAY_GATEWAY_URL = f"{running.base_url}/wechatpay"
    settings.WECHATPAY_MCHID = keys.mchid
    settings.WECHATPAY_APPID = keys.appid
    settings.WECHATPAY_PRIVATE_KEY = keys.merchant_private_key
    settings.WECHATPAY_CERT_SERIAL_NO = keys.merchant_serial_no
    settings.WECHATPAY_APIV3_KEY = keys.apiv3_key
    settings.WECHATPAY_PUBLIC_KEY = keys.platform_public_key
    settings.WECHATPAY_PUBLIC_KEY_ID = keys.public_key_id
    settings.ALIPAY_PAY_GATEWAY_URL = f"{running.base_url}/alipay/gateway.do"
    settings.ALIPAY_PAY_APP_ID = settings.ALIPAY_APP_ID
    settings.ALIPAY_PAY_PRIVATE_KEY = settings.ALIPAY_APP_PRIVATE_KEY
    settings.ALIPAY_PAY_PUBLIC_KEY = settings.ALIPAY_PUBLIC_KEY
    settings.ALIPAY_PAY_SELLER_ID = running.app.alipay_trades.trades.seller_id
    wx.state.sender = client_sender
    running.app.alipay_trades.trades.sender = client_sender
