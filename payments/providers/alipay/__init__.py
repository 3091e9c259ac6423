"""Alipay (gateway.do, RSA2) through python-alipay-sdk (PROTOCOLS.md §3)."""

from payments.providers.alipay.adapter import AlipayProvider

__all__ = ["AlipayProvider"]
