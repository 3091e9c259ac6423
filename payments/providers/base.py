"""The adapter interface every payment provider implements, its data and its errors.

Amounts are integer fen on both sides of this interface; a provider converts at its own
boundary (Alipay's yuan strings with `Decimal`). Calls raise `RetryableProviderError`
(timeouts, 5xx, network) or `NonRetryableProviderError` (a refusal that will not change),
never a bare exception; `ProviderTimeout` means "we do not know whether it happened".
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar


class ProviderError(Exception):
    """A provider call failed; `code` is the provider's error code when it gave one."""

    def __init__(self, message: str, *, code: str = "") -> None:
        super().__init__(message)
        self.code = code


class RetryableProviderError(ProviderError):
    """Try again later (network error, 5xx, rate limit)."""


class ProviderTimeout(RetryableProviderError):
    """The call may or may not have taken effect: the object's state is unknown until queried."""


class NonRetryableProviderError(ProviderError):
    """The provider refused the request; repeating it will not help."""


class CallbackRejected(Exception):
    """A notification failed verification (signature, timestamp, ids, decryption, format)."""

    def __init__(self, reason: str, *, out_trade_no: str = "", event_type: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.out_trade_no = out_trade_no
        self.event_type = event_type


_YUAN = re.compile(r"-?[0-9]{1,12}(\.[0-9]{1,2})?")


def yuan_to_fen(value: str | Decimal) -> int:
    """'0.10' → 10. Exact: a plain decimal with at most two places, else ValueError."""
    text = str(value).strip()
    if not _YUAN.fullmatch(text):
        raise ValueError(f"not an amount in yuan: {value!r}")
    try:
        amount = Decimal(text) * 100
    except (InvalidOperation, ArithmeticError) as exc:
        raise ValueError(f"not an amount in yuan: {value!r}") from exc
    if not text or not amount.is_finite() or amount != amount.to_integral_value():
        raise ValueError(f"not an amount in yuan: {value!r}")
    return int(amount)


def fen_to_yuan(fen: int) -> str:
    """10 → '0.10' (the form Alipay wants)."""
    if not isinstance(fen, int) or isinstance(fen, bool):
        raise TypeError("fen must be an int")
    return str((Decimal(fen) / 100).quantize(Decimal("0.01")))


@dataclass(frozen=True)
class CreateRequest:
    channel: str
    out_trade_no: str
    amount_fen: int
    description: str
    expires_at: datetime
    payer_subject: str = ""  # openid / Alipay user id; empty for QR payments


@dataclass(frozen=True)
class CreateResult:
    provider_ref: str  # prepay_id, Alipay trade_no, sandbox token
    client_params: dict[str, Any]  # exactly what the client needs to start paying


class TradeState:
    PAID = "paid"
    NOT_PAID = "not_paid"
    CLOSED = "closed"
    NOT_FOUND = "not_found"


@dataclass(frozen=True)
class TradeStatus:
    out_trade_no: str
    state: str  # TradeState
    amount_fen: int | None = None
    transaction_id: str = ""
    paid_at: datetime | None = None
    raw: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RefundRequest:
    out_trade_no: str
    transaction_id: str
    out_refund_no: str
    refund_fen: int
    total_fen: int
    reason: str


class RefundResultState:
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    NOT_FOUND = "not_found"


@dataclass(frozen=True)
class RefundStatus:
    out_refund_no: str
    state: str  # RefundResultState
    refund_id: str = ""
    amount_fen: int | None = None
    raw: dict[str, Any] = field(default_factory=dict)


class NotificationKind:
    PAYMENT = "payment"
    REFUND = "refund"
    OTHER = "other"


@dataclass(frozen=True)
class Notification:
    """A verified, decrypted notification, reduced to what the services need."""

    kind: str
    event_type: str
    out_trade_no: str
    paid: bool = False  # payment: the trade succeeded
    amount_fen: int | None = None
    transaction_id: str = ""
    paid_at: datetime | None = None
    out_refund_no: str = ""
    refund_state: str = ""  # RefundResultState for refunds
    refund_id: str = ""
    notify_id: str = ""


@dataclass(frozen=True)
class CallbackReply:
    status: int
    content_type: str
    body: bytes


class PaymentProvider(ABC):
    """One payment provider. Instances are cheap to keep: keys are parsed once."""

    name: ClassVar[str]

    @abstractmethod
    def create(self, request: CreateRequest) -> CreateResult: ...

    @abstractmethod
    def query(self, out_trade_no: str) -> TradeStatus: ...

    @abstractmethod
    def close(self, out_trade_no: str) -> TradeStatus:
        """Close an unpaid trade. Returns the state after the attempt (PAID if it was paid)."""

    @abstractmethod
    def refund(self, request: RefundRequest) -> RefundStatus: ...

    @abstractmethod
    def query_refund(self, *, out_refund_no: str, out_trade_no: str) -> RefundStatus: ...

    @abstractmethod
    def bill_download(self, bill_date: date) -> bytes:
        """The provider's raw daily bill for reconciliation (decompressed)."""

    @abstractmethod
    def parse_callback(self, headers: dict[str, str], body: bytes) -> Notification:
        """Verify and decode a notification; raise CallbackRejected when it is not genuine."""

    @abstractmethod
    def callback_reply(self, ok: bool, message: str = "") -> CallbackReply:
        """The exact reply the provider expects: success stops retries, failure asks for one."""
