"""Sandbox provider: an in-process stand-in whose resident always pays at once.

Used when `PAYMENT_PROVIDER=sandbox` (the embedded default): every channel answers with
the shapes the real providers give (a `wx.requestPayment` object, an Alipay `tradeNO`, a
`code_url`), and the active query that runs after each order finds it paid. Trades live in
the Django cache, so they survive across requests of one process. It sends no callbacks.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from datetime import date
from typing import Any

from django.core.cache import cache
from django.utils import timezone

from payments.constants import Channel
from payments.providers.base import (
    CallbackRejected,
    CallbackReply,
    CreateRequest,
    CreateResult,
    NonRetryableProviderError,
    Notification,
    PaymentProvider,
    RefundRequest,
    RefundResultState,
    RefundStatus,
    TradeState,
    TradeStatus,
)

_TTL = 7 * 24 * 3600


def _key(kind: str, number: str) -> str:
    return f"zb:paysandbox:{kind}:{number}"


class SandboxProvider(PaymentProvider):
    name = "sandbox"

    def create(self, request: CreateRequest) -> CreateResult:
        trade: dict[str, Any] | None = cache.get(_key("trade", request.out_trade_no))
        if trade is None:
            trade = {
                "amount_fen": request.amount_fen,
                "trade_no": f"SBX{secrets.token_hex(10).upper()}",
                "closed": False,
            }
            cache.set(_key("trade", request.out_trade_no), trade, _TTL)
        ref = trade["trade_no"]
        if request.channel == Channel.WECHAT_JSAPI:
            timestamp, nonce = str(int(time.time())), secrets.token_hex(16)
            params: dict[str, Any] = {
                "timeStamp": timestamp,
                "nonceStr": nonce,
                "package": f"prepay_id=sandbox{ref}",
                "signType": "RSA",
                "paySign": hashlib.sha256(f"{timestamp}{nonce}{ref}".encode()).hexdigest(),
            }
        elif request.channel == Channel.WECHAT_NATIVE:
            params = {"code_url": f"weixin://wxpay/bizpayurl?pr=sandbox{ref}"}
        elif request.channel == Channel.ALIPAY_MINI:
            params = {"tradeNO": ref}
        else:
            params = {"sandbox_trade_no": ref}
        return CreateResult(provider_ref=ref, client_params=params)

    def query(self, out_trade_no: str) -> TradeStatus:
        trade = cache.get(_key("trade", out_trade_no))
        if trade is None:
            return TradeStatus(out_trade_no=out_trade_no, state=TradeState.NOT_FOUND)
        if trade["closed"]:
            return TradeStatus(out_trade_no=out_trade_no, state=TradeState.CLOSED)
        return TradeStatus(
            out_trade_no=out_trade_no,
            state=TradeState.PAID,
            amount_fen=trade["amount_fen"],
            transaction_id=trade["trade_no"],
            paid_at=timezone.now(),
        )

    def close(self, out_trade_no: str) -> TradeStatus:
        return self.query(out_trade_no)

    def refund(self, request: RefundRequest) -> RefundStatus:
        if cache.get(_key("trade", request.out_trade_no)) is None:
            raise NonRetryableProviderError("sandbox: no such trade", code="TRADE_NOT_EXIST")
        refund = {"amount_fen": request.refund_fen, "refund_id": f"SBR{secrets.token_hex(10).upper()}"}
        refund = cache.get_or_set(_key("refund", request.out_refund_no), refund, _TTL)
        return RefundStatus(
            out_refund_no=request.out_refund_no,
            state=RefundResultState.SUCCEEDED,
            refund_id=refund["refund_id"],
            amount_fen=refund["amount_fen"],
        )

    def query_refund(self, *, out_refund_no: str, out_trade_no: str) -> RefundStatus:
        refund = cache.get(_key("refund", out_refund_no))
        if refund is None:
            return RefundStatus(out_refund_no=out_refund_no, state=RefundResultState.NOT_FOUND)
        return RefundStatus(
            out_refund_no=out_refund_no,
            state=RefundResultState.SUCCEEDED,
            refund_id=refund["refund_id"],
            amount_fen=refund["amount_fen"],
        )

    def bill_download(self, bill_date: date) -> bytes:
        return b""

    def parse_callback(self, headers: dict[str, str], body: bytes) -> Notification:
        raise CallbackRejected("the sandbox sends no callbacks")

    def callback_reply(self, ok: bool, message: str = "") -> CallbackReply:
        return CallbackReply(
            status=204 if ok else 400, content_type="text/plain", body=b"" if ok else b"fail"
        )
