"""WeChat Pay API v3 adapter on wechatpayv3 2.0.4.

- Public-key mode (`public_key` + `public_key_id`): the certificate mode calls
  `/v3/certificates` in its constructor. The gateway is the private `_core._gate_way`.
- The SDK returns `(status, text)` and does not raise on 4xx/5xx; a 2xx with a bad
  signature raises a bare `Exception`. Both become typed errors here.
- Callbacks: our own checks first (signature type, serial = our public key id, probe
  signatures `WECHATPAY/SIGNTEST/`, ±5 min timestamp), then the SDK verifies the signature
  over the raw body and decrypts the AEAD_AES_256_GCM resource; then app id and mch id.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import secrets
import time
from datetime import date, datetime
from typing import Any

import requests
from wechatpayv3 import WeChatPay, WeChatPayType

from payments.constants import Channel
from payments.providers.base import (
    CallbackRejected,
    CallbackReply,
    CreateRequest,
    CreateResult,
    NonRetryableProviderError,
    Notification,
    NotificationKind,
    PaymentProvider,
    ProviderTimeout,
    RefundRequest,
    RefundResultState,
    RefundStatus,
    RetryableProviderError,
    TradeState,
    TradeStatus,
)

MAX_SKEW_SECONDS = 300
SIGNATURE_TYPE = "WECHATPAY2-SHA256-RSA2048"
PROBE_PREFIX = "WECHATPAY/SIGNTEST/"

_TRADE_STATES = {
    "SUCCESS": TradeState.PAID,
    "REFUND": TradeState.PAID,  # paid, then (partly) refunded: the payment happened
    "NOTPAY": TradeState.NOT_PAID,
    "USERPAYING": TradeState.NOT_PAID,
    "PAYERROR": TradeState.NOT_PAID,
    "CLOSED": TradeState.CLOSED,
    "REVOKED": TradeState.CLOSED,
}
_REFUND_STATES = {
    "SUCCESS": RefundResultState.SUCCEEDED,
    "CLOSED": RefundResultState.FAILED,
    "PROCESSING": RefundResultState.PENDING,
    "ABNORMAL": RefundResultState.PENDING,  # not final: finance resolves it with WeChat
}


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


class WeChatPayProvider(PaymentProvider):
    name = "wechatpay"

    def __init__(
        self,
        *,
        mchid: str,
        appid: str,
        private_key: str,
        cert_serial_no: str,
        apiv3_key: str,
        public_key: str,
        public_key_id: str,
        gateway_url: str,
        notify_url: str,
        refund_notify_url: str,
        timeout: float,
    ) -> None:
        self.mchid = mchid
        self.appid = appid
        self.public_key_id = public_key_id
        self.refund_notify_url = refund_notify_url
        self._clients = {
            kind: WeChatPay(
                wechatpay_type=kind,
                mchid=mchid,
                private_key=private_key,
                cert_serial_no=cert_serial_no,
                appid=appid,
                apiv3_key=apiv3_key,
                notify_url=notify_url,
                public_key=public_key,
                public_key_id=public_key_id,
                timeout=(timeout, timeout),
            )
            for kind in (WeChatPayType.MINIPROG, WeChatPayType.NATIVE)
        }
        for client in self._clients.values():
            client._core._gate_way = gateway_url.rstrip("/")
        self._client = self._clients[WeChatPayType.MINIPROG]

    # --- calls ----------------------------------------------------------------------
    def _call(self, fn: Any, *args: Any, **kwargs: Any) -> tuple[int, Any]:
        try:
            status, body = fn(*args, **kwargs)
        except requests.Timeout as exc:
            raise ProviderTimeout(f"WeChat Pay timed out: {exc}") from exc
        except requests.RequestException as exc:
            raise RetryableProviderError(f"WeChat Pay unreachable: {exc}") from exc
        except Exception as exc:  # the SDK's bare Exception for an unsigned/forged 2xx
            raise RetryableProviderError(f"WeChat Pay response not verified: {exc}") from exc
        return status, body

    @staticmethod
    def _error(status: int, body: Any) -> Exception:
        try:
            data = json.loads(body) if body else {}
        except (TypeError, ValueError):
            data = {}
        code = str(data.get("code", ""))
        message = f"WeChat Pay {status} {code}: {data.get('message', '')}"
        if status >= 500 or status == 429 or code in {"SYSTEM_ERROR", "FREQUENCY_LIMITED", "BANK_ERROR"}:
            return RetryableProviderError(message, code=code)
        return NonRetryableProviderError(message, code=code)

    def create(self, request: CreateRequest) -> CreateResult:
        native = request.channel == Channel.WECHAT_NATIVE
        client = self._clients[WeChatPayType.NATIVE if native else WeChatPayType.MINIPROG]
        kwargs: dict[str, Any] = {
            "description": request.description[:127],
            "out_trade_no": request.out_trade_no,
            "amount": {"total": request.amount_fen, "currency": "CNY"},
            "time_expire": request.expires_at.isoformat(timespec="seconds"),
        }
        if not native:
            kwargs["payer"] = {"openid": request.payer_subject}
        status, body = self._call(client.pay, **kwargs)
        if status != 200:
            raise self._error(status, body)
        data = json.loads(body)
        if native:
            return CreateResult(provider_ref=data["code_url"], client_params={"code_url": data["code_url"]})
        prepay_id = data["prepay_id"]
        timestamp, nonce = str(int(time.time())), secrets.token_hex(16)
        package = f"prepay_id={prepay_id}"
        pay_sign = self._client.sign([self.appid, timestamp, nonce, package])
        return CreateResult(
            provider_ref=prepay_id,
            # Exactly the wx.requestPayment fields (the mini-program knows its own appId).
            client_params={
                "timeStamp": timestamp,
                "nonceStr": nonce,
                "package": package,
                "signType": "RSA",
                "paySign": pay_sign,
            },
        )

    def _trade_status(self, data: dict[str, Any]) -> TradeStatus:
        amount = data.get("amount") or {}
        return TradeStatus(
            out_trade_no=data.get("out_trade_no", ""),
            state=_TRADE_STATES.get(data.get("trade_state", ""), TradeState.NOT_PAID),
            amount_fen=amount.get("total"),
            transaction_id=data.get("transaction_id", "") or "",
            paid_at=_parse_time(data.get("success_time")),
            raw=data,
        )

    def query(self, out_trade_no: str) -> TradeStatus:
        status, body = self._call(self._client.query, out_trade_no=out_trade_no)
        if status == 404:
            return TradeStatus(out_trade_no=out_trade_no, state=TradeState.NOT_FOUND)
        if status != 200:
            raise self._error(status, body)
        return self._trade_status(json.loads(body))

    def close(self, out_trade_no: str) -> TradeStatus:
        status, body = self._call(self._client.close, out_trade_no)
        if status == 204:
            return TradeStatus(out_trade_no=out_trade_no, state=TradeState.CLOSED)
        if status == 404:
            return TradeStatus(out_trade_no=out_trade_no, state=TradeState.NOT_FOUND)
        error = self._error(status, body)
        if getattr(error, "code", "") == "ORDER_PAID":
            return self.query(out_trade_no)
        raise error

    def _refund_status(self, data: dict[str, Any], out_refund_no: str) -> RefundStatus:
        amount = data.get("amount") or {}
        return RefundStatus(
            out_refund_no=data.get("out_refund_no", out_refund_no),
            state=_REFUND_STATES.get(data.get("status", ""), RefundResultState.PENDING),
            refund_id=data.get("refund_id", ""),
            amount_fen=amount.get("refund"),
            raw=data,
        )

    def refund(self, request: RefundRequest) -> RefundStatus:
        status, body = self._call(
            self._client.refund,
            out_refund_no=request.out_refund_no,
            amount={"refund": request.refund_fen, "total": request.total_fen, "currency": "CNY"},
            out_trade_no=request.out_trade_no,
            reason=request.reason[:80] or None,
            notify_url=self.refund_notify_url,
        )
        if status != 200:
            raise self._error(status, body)
        return self._refund_status(json.loads(body), request.out_refund_no)

    def query_refund(self, *, out_refund_no: str, out_trade_no: str) -> RefundStatus:
        status, body = self._call(self._client.query_refund, out_refund_no)
        if status == 404:
            return RefundStatus(out_refund_no=out_refund_no, state=RefundResultState.NOT_FOUND)
        if status != 200:
            raise self._error(status, body)
        return self._refund_status(json.loads(body), out_refund_no)

    def bill_download(self, bill_date: date) -> bytes:
        status, body = self._call(self._client.trade_bill, bill_date=bill_date.isoformat())
        if status != 200:
            raise self._error(status, body)
        info = json.loads(body)
        status, content = self._call(self._client.download_bill, info["download_url"])
        if status != 200:
            raise self._error(status, content)
        raw = content if isinstance(content, bytes) else str(content).encode()
        data = gzip.decompress(raw)
        if hashlib.sha1(data).hexdigest() != info.get("hash_value", "").lower():  # noqa: S324 - WeChat's hash
            raise RetryableProviderError("WeChat Pay bill: SHA1 does not match")
        return data

    # --- callbacks ------------------------------------------------------------------
    def parse_callback(self, headers: dict[str, str], body: bytes) -> Notification:
        h = {k.lower(): v for k, v in headers.items()}
        signature = h.get("wechatpay-signature", "")
        if h.get("wechatpay-signature-type", SIGNATURE_TYPE) != SIGNATURE_TYPE:
            raise CallbackRejected("unsupported signature type")
        if not signature or signature.startswith(PROBE_PREFIX):
            raise CallbackRejected("signature missing or a probe signature")
        if h.get("wechatpay-serial", "") != self.public_key_id:
            raise CallbackRejected("unknown Wechatpay-Serial")
        try:
            timestamp = int(h.get("wechatpay-timestamp", ""))
        except ValueError:
            raise CallbackRejected("timestamp missing") from None
        if abs(time.time() - timestamp) > MAX_SKEW_SECONDS:
            raise CallbackRejected("timestamp outside the 5-minute window")
        sdk_headers = {
            "Wechatpay-Signature": signature,
            "Wechatpay-Timestamp": h.get("wechatpay-timestamp", ""),
            "Wechatpay-Nonce": h.get("wechatpay-nonce", ""),
            "Wechatpay-Serial": h.get("wechatpay-serial", ""),
            "Wechatpay-Signature-Type": SIGNATURE_TYPE,
        }
        try:
            data = self._client.callback(sdk_headers, body)
        except Exception as exc:  # malformed JSON, unsupported algorithm
            raise CallbackRejected(f"undecodable notification: {type(exc).__name__}") from None
        if not data or not isinstance(data.get("resource"), dict):
            raise CallbackRejected("bad signature or undecryptable resource")
        event_type = str(data.get("event_type", ""))
        resource = data["resource"]
        out_trade_no = str(resource.get("out_trade_no", ""))
        if resource.get("mchid") != self.mchid:
            raise CallbackRejected("mchid does not match", out_trade_no=out_trade_no, event_type=event_type)
        amount = resource.get("amount") or {}
        if event_type.startswith("TRANSACTION."):
            if resource.get("appid") != self.appid:
                raise CallbackRejected(
                    "appid does not match", out_trade_no=out_trade_no, event_type=event_type
                )
            total = amount.get("total")
            if not isinstance(total, int) or isinstance(total, bool):
                raise CallbackRejected("amount is not an integer of fen", out_trade_no=out_trade_no)
            return Notification(
                kind=NotificationKind.PAYMENT,
                event_type=event_type,
                out_trade_no=out_trade_no,
                paid=resource.get("trade_state") == "SUCCESS",
                amount_fen=total,
                transaction_id=str(resource.get("transaction_id", "")),
                paid_at=_parse_time(resource.get("success_time")),
                notify_id=str(data.get("id", "")),
            )
        if event_type.startswith("REFUND."):
            refund = amount.get("refund")
            return Notification(
                kind=NotificationKind.REFUND,
                event_type=event_type,
                out_trade_no=out_trade_no,
                amount_fen=refund if isinstance(refund, int) else None,
                out_refund_no=str(resource.get("out_refund_no", "")),
                refund_id=str(resource.get("refund_id", "")),
                refund_state=_REFUND_STATES.get(
                    str(resource.get("refund_status", "")), RefundResultState.PENDING
                ),
                notify_id=str(data.get("id", "")),
            )
        return Notification(kind=NotificationKind.OTHER, event_type=event_type, out_trade_no=out_trade_no)

    def callback_reply(self, ok: bool, message: str = "") -> CallbackReply:
        return reply(ok, message)


def reply(ok: bool, message: str = "") -> CallbackReply:
    """WeChat Pay's reply: only the HTTP status counts; 204 stops retries, 4xx asks for one."""
    if ok:
        return CallbackReply(status=204, content_type="application/json", body=b"")
    body = json.dumps({"code": "FAIL", "message": message or "FAIL"}).encode()
    return CallbackReply(status=400, content_type="application/json", body=body)
