"""WeChat Pay API v3 through the `wechatpayv3` SDK in public-key mode (PROTOCOLS.md §2)."""

from payments.providers.wechatpay.adapter import WeChatPayProvider

__all__ = ["WeChatPayProvider"]
