"""Which provider serves which channel, built once from settings.

`PAYMENT_PROVIDER=sandbox` (embedded default) serves every channel from the sandbox;
`live` sends WeChat channels to WeChat Pay and Alipay channels to Alipay, at the gateway
URLs in settings (the real ones, or the fakes of mobile_mock). Instances are cached per
configuration: keys are parsed once, not per call (PERFORMANCE.md).
"""

from __future__ import annotations

import threading
from typing import Any

from django.conf import settings

from payments.constants import CHANNEL_PROVIDER, ProviderName
from payments.providers.base import CallbackReply, PaymentProvider

_lock = threading.Lock()
_cache: dict[tuple[Any, ...], PaymentProvider] = {}


def provider_name_for_channel(channel: str) -> str:
    """The provider that serves `channel` under the current PAYMENT_PROVIDER mode."""
    if settings.PAYMENT_PROVIDER == "sandbox":
        return ProviderName.SANDBOX
    return CHANNEL_PROVIDER[channel]


def notify_url(provider: str, kind: str = "") -> str:
    base = settings.PAYMENTS_NOTIFY_BASE_URL.rstrip("/")
    suffix = f"/{kind}" if kind else ""
    return f"{base}/api/v1/payments/callbacks/{provider}{suffix}"


def _config(name: str) -> tuple[Any, ...]:
    s = settings
    if name == ProviderName.WECHATPAY:
        return (
            name,
            s.WECHATPAY_MCHID,
            s.WECHATPAY_APPID,
            s.WECHATPAY_PRIVATE_KEY,
            s.WECHATPAY_CERT_SERIAL_NO,
            s.WECHATPAY_APIV3_KEY,
            s.WECHATPAY_PUBLIC_KEY,
            s.WECHATPAY_PUBLIC_KEY_ID,
            s.WECHATPAY_GATEWAY_URL,
            s.PAYMENTS_NOTIFY_BASE_URL,
            s.PAYMENT_PROVIDER_TIMEOUT,
        )
    if name == ProviderName.ALIPAY:
        return (
            name,
            s.ALIPAY_PAY_APP_ID,
            s.ALIPAY_PAY_PRIVATE_KEY,
            s.ALIPAY_PAY_PUBLIC_KEY,
            s.ALIPAY_PAY_GATEWAY_URL,
            s.ALIPAY_PAY_SELLER_ID,
            s.PAYMENTS_NOTIFY_BASE_URL,
            s.PAYMENT_PROVIDER_TIMEOUT,
        )
    return (name,)


def _build(name: str) -> PaymentProvider:
    s = settings
    if name == ProviderName.WECHATPAY:
        from payments.providers.wechatpay import WeChatPayProvider

        return WeChatPayProvider(
            mchid=s.WECHATPAY_MCHID,
            appid=s.WECHATPAY_APPID,
            private_key=s.WECHATPAY_PRIVATE_KEY,
            cert_serial_no=s.WECHATPAY_CERT_SERIAL_NO,
            apiv3_key=s.WECHATPAY_APIV3_KEY,
            public_key=s.WECHATPAY_PUBLIC_KEY,
            public_key_id=s.WECHATPAY_PUBLIC_KEY_ID,
            gateway_url=s.WECHATPAY_GATEWAY_URL,
            notify_url=notify_url(name),
            refund_notify_url=notify_url(name, "refund"),
            timeout=s.PAYMENT_PROVIDER_TIMEOUT,
        )
    if name == ProviderName.ALIPAY:
        from payments.providers.alipay import AlipayProvider

        return AlipayProvider(
            app_id=s.ALIPAY_PAY_APP_ID,
            private_key=s.ALIPAY_PAY_PRIVATE_KEY,
            alipay_public_key=s.ALIPAY_PAY_PUBLIC_KEY,
            gateway_url=s.ALIPAY_PAY_GATEWAY_URL,
            notify_url=notify_url(name),
            seller_id=s.ALIPAY_PAY_SELLER_ID,
            timeout=s.PAYMENT_PROVIDER_TIMEOUT,
        )
    from payments.providers.sandbox import SandboxProvider

    return SandboxProvider()


def provider_for(name: str) -> PaymentProvider:
    """The provider instance called `name` for the current settings."""
    key = _config(name)
    provider = _cache.get(key)
    if provider is None:
        with _lock:
            provider = _cache.get(key)
            if provider is None:
                provider = _cache[key] = _build(name)
    return provider


def is_configured(name: str) -> bool:
    """Whether `name` has the settings it needs (the callback endpoints refuse otherwise)."""
    s = settings
    if name == ProviderName.WECHATPAY:
        return bool(s.WECHATPAY_MCHID and s.WECHATPAY_PRIVATE_KEY and s.WECHATPAY_PUBLIC_KEY_ID)
    if name == ProviderName.ALIPAY:
        return bool(s.ALIPAY_PAY_APP_ID and s.ALIPAY_PAY_PRIVATE_KEY and s.ALIPAY_PAY_PUBLIC_KEY)
    return True


def unconfigured_reply(name: str) -> CallbackReply:
    """The provider's failure reply when it is not configured here (nothing can be verified)."""
    if name == ProviderName.ALIPAY:
        from payments.providers.alipay.adapter import reply as alipay_reply

        return alipay_reply(False, "not configured")
    from payments.providers.wechatpay.adapter import reply as wechat_reply

    return wechat_reply(False, "not configured")
