"""States, channels, transition tables and named status groups of payments."""

from __future__ import annotations

from django.db import models


class BillState(models.TextChoices):
    UNPAID = "unpaid", "unpaid"
    PAID = "paid", "paid"
    PARTIALLY_REFUNDED = "partially_refunded", "partially refunded"
    REFUNDED = "refunded", "refunded"
    CLOSED = "closed", "closed"


BILL_TRANSITIONS: dict[str, frozenset[str]] = {
    BillState.UNPAID: frozenset({BillState.PAID, BillState.CLOSED}),
    # A bill closed at its due date can still be settled by a payment made at the last second.
    BillState.CLOSED: frozenset({BillState.PAID}),
    BillState.PAID: frozenset({BillState.PARTIALLY_REFUNDED, BillState.REFUNDED}),
    BillState.PARTIALLY_REFUNDED: frozenset({BillState.PARTIALLY_REFUNDED, BillState.REFUNDED}),
    BillState.REFUNDED: frozenset(),
}
BILL_PAYABLE = frozenset({BillState.UNPAID})
BILL_SETTLED = frozenset({BillState.PAID, BillState.PARTIALLY_REFUNDED, BillState.REFUNDED})
BILL_REFUNDABLE = frozenset({BillState.PAID, BillState.PARTIALLY_REFUNDED})


class Channel(models.TextChoices):
    WECHAT_JSAPI = "wechat_jsapi", "WeChat Pay (mini-program)"
    WECHAT_NATIVE = "wechat_native", "WeChat Pay (QR code)"
    ALIPAY_MINI = "alipay_mini", "Alipay (mini-program)"
    SANDBOX = "sandbox", "sandbox"


class ProviderName(models.TextChoices):
    WECHATPAY = "wechatpay", "WeChat Pay"
    ALIPAY = "alipay", "Alipay"
    SANDBOX = "sandbox", "sandbox"


CHANNEL_PROVIDER: dict[str, str] = {
    Channel.WECHAT_JSAPI: ProviderName.WECHATPAY,
    Channel.WECHAT_NATIVE: ProviderName.WECHATPAY,
    Channel.ALIPAY_MINI: ProviderName.ALIPAY,
    Channel.SANDBOX: ProviderName.SANDBOX,
}
# The identity provider (backend.accounts Identity.provider) whose subject pays in a channel.
CHANNEL_IDENTITY: dict[str, str | None] = {
    Channel.WECHAT_JSAPI: "wechat",
    Channel.WECHAT_NATIVE: None,  # anyone can scan the QR code
    Channel.ALIPAY_MINI: "alipay",
    Channel.SANDBOX: None,
}


class OrderState(models.TextChoices):
    CREATED = "created", "created"
    UNKNOWN = "unknown", "unknown (provider call timed out)"
    PAID = "paid", "paid"
    CLOSED = "closed", "closed"
    FAILED = "failed", "failed"


ORDER_TRANSITIONS: dict[str, frozenset[str]] = {
    OrderState.CREATED: frozenset(
        {OrderState.PAID, OrderState.CLOSED, OrderState.FAILED, OrderState.UNKNOWN}
    ),
    OrderState.UNKNOWN: frozenset(
        {OrderState.CREATED, OrderState.PAID, OrderState.CLOSED, OrderState.FAILED}
    ),
    # The resident paid at the last second: the provider's word wins over our close.
    OrderState.CLOSED: frozenset({OrderState.PAID}),
    OrderState.FAILED: frozenset({OrderState.PAID}),
    OrderState.PAID: frozenset(),
}
ORDER_OPEN = frozenset({OrderState.CREATED, OrderState.UNKNOWN})


class RefundState(models.TextChoices):
    PENDING = "pending", "pending"
    UNKNOWN = "unknown", "unknown (provider call timed out)"
    SUCCEEDED = "succeeded", "succeeded"
    FAILED = "failed", "failed"


REFUND_TRANSITIONS: dict[str, frozenset[str]] = {
    RefundState.PENDING: frozenset({RefundState.SUCCEEDED, RefundState.FAILED, RefundState.UNKNOWN}),
    RefundState.UNKNOWN: frozenset({RefundState.PENDING, RefundState.SUCCEEDED, RefundState.FAILED}),
    RefundState.SUCCEEDED: frozenset(),
    RefundState.FAILED: frozenset(),
}
# Refunds that hold part of the paid amount (a failed one releases it).
REFUND_HOLDING = frozenset({RefundState.PENDING, RefundState.UNKNOWN, RefundState.SUCCEEDED})
REFUND_OPEN = frozenset({RefundState.PENDING, RefundState.UNKNOWN})


class RefundKind(models.TextChoices):
    STAFF = "staff", "requested by finance staff"
    DUPLICATE = "duplicate", "automatic: the bill was already paid by another order"


class LedgerKind(models.TextChoices):
    PAYMENT = "payment", "payment"
    REFUND = "refund", "refund"


class CallbackVerdict(models.TextChoices):
    APPLIED = "applied", "applied"
    DUPLICATE = "duplicate", "duplicate (nothing changed)"
    REJECTED = "rejected", "rejected"


class BillEvent(models.TextChoices):
    PAID = "paid", "paid"
    REFUNDED = "refunded", "refunded"


NOTICE_SOURCE_TYPE = "payment_notice"
