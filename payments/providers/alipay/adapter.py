"""Alipay adapter on python-alipay-sdk 3.4.0.

- The gateway is the private `_gateway`; synchronous calls are GETs with every parameter in
  the query string through `urlopen` (no retries), signed RSA2; responses are verified over
  their raw text by the SDK. Signed business failures are returned, not raised: check `code`.
- Notifications are form posts: parse the raw body ourselves into plain strings (a QueryDict
  gives lists), pop `sign`, let `verify()` pop and check `sign_type`, then check app_id,
  seller_id and the yuan amount with `Decimal`. Reply exactly `success`.
"""

from __future__ import annotations

import base64
import io
import socket
import zipfile
from datetime import date, datetime
from typing import Any
from urllib.error import URLError
from urllib.parse import parse_qsl
from urllib.request import urlopen
from zoneinfo import ZoneInfo

from alipay import AliPay
from alipay.exceptions import AliPayException, AliPayValidationError
from alipay.utils import AliPayConfig
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.serialization import load_pem_public_key

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
    fen_to_yuan,
    yuan_to_fen,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
_TRADE_STATES = {
    "TRADE_SUCCESS": TradeState.PAID,
    "TRADE_FINISHED": TradeState.PAID,
    "WAIT_BUYER_PAY": TradeState.NOT_PAID,
    "TRADE_CLOSED": TradeState.CLOSED,
}


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=SHANGHAI)
    except ValueError:
        return None


def _pem(key: str, kind: str) -> str:
    key = key.strip()
    if key.startswith("-----BEGIN"):
        return key
    return f"-----BEGIN {kind}-----\n{key}\n-----END {kind}-----"


class _AliPay(AliPay):
    """python-alipay-sdk, with its RSA2 signature check done by OpenSSL (`cryptography`).

    The SDK builds the string to verify (notifications and synchronous responses alike); only
    the last step changes: the same PKCS#1 v1.5 / SHA-256 verification with the key parsed
    once, ~0.04 ms instead of ~0.4 ms through PyCryptodome (measured with
    `bench/callbacks_profile.py`; PERFORMANCE.md: crypto must not be a callback's cost).
    """

    def _load_key(self) -> None:
        super()._load_key()
        self._openssl_public_key = load_pem_public_key(self._alipay_public_key_string.encode())

    def _verify(self, raw_content: str, signature: str) -> bool:
        if self._sign_type != "RSA2" or not isinstance(self._openssl_public_key, RSAPublicKey):
            return super()._verify(raw_content, signature)
        try:
            self._openssl_public_key.verify(
                base64.decodebytes(signature.encode()), raw_content.encode(), PKCS1v15(), SHA256()
            )
        except InvalidSignature:
            return False
        return True


class AlipayProvider(PaymentProvider):
    name = "alipay"

    def __init__(
        self,
        *,
        app_id: str,
        private_key: str,
        alipay_public_key: str,
        gateway_url: str,
        notify_url: str,
        seller_id: str,
        timeout: float,
    ) -> None:
        self.app_id = app_id
        self.seller_id = seller_id
        self.notify_url = notify_url
        self.timeout = timeout
        self._client = _AliPay(
            appid=app_id,
            app_notify_url=notify_url,
            app_private_key_string=_pem(private_key, "RSA PRIVATE KEY"),
            alipay_public_key_string=_pem(alipay_public_key, "PUBLIC KEY"),
            sign_type="RSA2",
            config=AliPayConfig(timeout=timeout),
        )
        self._client._gateway = gateway_url

    def _call(self, fn: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        try:
            result = fn(*args, **kwargs)
        except TimeoutError as exc:
            raise ProviderTimeout(f"Alipay timed out: {exc}") from exc
        except URLError as exc:
            if isinstance(exc.reason, TimeoutError | socket.timeout):
                raise ProviderTimeout(f"Alipay timed out: {exc}") from exc
            raise RetryableProviderError(f"Alipay unreachable: {exc}") from exc
        except AliPayValidationError as exc:
            raise RetryableProviderError("Alipay response signature invalid") from exc
        except AliPayException as exc:
            raise RetryableProviderError(
                f"Alipay gateway error: {exc}", code=str(getattr(exc, "code", "") or "")
            ) from exc
        except (OSError, ValueError) as exc:
            raise RetryableProviderError(f"Alipay call failed: {exc}") from exc
        return result or {}

    @staticmethod
    def _failure(result: dict[str, Any]) -> Exception:
        code = str(result.get("code", ""))
        sub = str(result.get("sub_code", ""))
        message = f"Alipay {code} {sub}: {result.get('sub_msg', result.get('msg', ''))}"
        if code == "20000" or sub in {"ACQ.SYSTEM_ERROR", "aop.ACQ.SYSTEM_ERROR"}:
            return RetryableProviderError(message, code=sub or code)
        return NonRetryableProviderError(message, code=sub or code)

    def create(self, request: CreateRequest) -> CreateResult:
        buyer = (
            {"buyer_id": request.payer_subject}
            if request.payer_subject.startswith("2088") and len(request.payer_subject) == 16
            else {"buyer_open_id": request.payer_subject}
        )
        result = self._call(
            self._client.api_alipay_trade_create,
            subject=request.description[:256],
            out_trade_no=request.out_trade_no,
            total_amount=fen_to_yuan(request.amount_fen),
            notify_url=self.notify_url,
            product_code="JSAPI_PAY",
            op_app_id=self.app_id,
            time_expire=request.expires_at.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M:%S"),
            **buyer,
        )
        if result.get("code") != "10000":
            raise self._failure(result)
        return CreateResult(provider_ref=result["trade_no"], client_params={"tradeNO": result["trade_no"]})

    def query(self, out_trade_no: str) -> TradeStatus:
        result = self._call(self._client.api_alipay_trade_query, out_trade_no=out_trade_no)
        if result.get("code") != "10000":
            if result.get("sub_code") == "ACQ.TRADE_NOT_EXIST":
                return TradeStatus(out_trade_no=out_trade_no, state=TradeState.NOT_FOUND, raw=result)
            raise self._failure(result)
        return TradeStatus(
            out_trade_no=out_trade_no,
            state=_TRADE_STATES.get(result.get("trade_status", ""), TradeState.NOT_PAID),
            amount_fen=yuan_to_fen(result["total_amount"]) if result.get("total_amount") else None,
            transaction_id=result.get("trade_no", ""),
            paid_at=_parse_time(result.get("send_pay_date")),
            raw=result,
        )

    def close(self, out_trade_no: str) -> TradeStatus:
        result = self._call(self._client.api_alipay_trade_close, out_trade_no=out_trade_no)
        if result.get("code") == "10000":
            return TradeStatus(out_trade_no=out_trade_no, state=TradeState.CLOSED, raw=result)
        if result.get("sub_code") == "ACQ.TRADE_NOT_EXIST":
            return TradeStatus(out_trade_no=out_trade_no, state=TradeState.NOT_FOUND, raw=result)
        if result.get("sub_code") == "ACQ.TRADE_STATUS_ERROR":
            return self.query(out_trade_no)  # paid (or already closed): the query says which
        raise self._failure(result)

    def refund(self, request: RefundRequest) -> RefundStatus:
        result = self._call(
            self._client.api_alipay_trade_refund,
            refund_amount=fen_to_yuan(request.refund_fen),
            out_trade_no=request.out_trade_no,
            out_request_no=request.out_refund_no,
            refund_reason=request.reason[:256],
        )
        if result.get("code") != "10000":
            raise self._failure(result)
        # The refund is synchronous: fund_change=Y means the money moved now; N means it had
        # already moved for this out_request_no (a repeat), which is success too.
        return RefundStatus(
            out_refund_no=request.out_refund_no,
            state=RefundResultState.SUCCEEDED,
            refund_id=result.get("trade_no", ""),
            amount_fen=request.refund_fen,
            raw=result,
        )

    def query_refund(self, *, out_refund_no: str, out_trade_no: str) -> RefundStatus:
        result = self._call(
            self._client.api_alipay_trade_fastpay_refund_query,
            out_request_no=out_refund_no,
            out_trade_no=out_trade_no,
        )
        if result.get("code") != "10000":
            raise self._failure(result)
        if result.get("refund_status") == "REFUND_SUCCESS":
            amount = result.get("refund_amount")
            return RefundStatus(
                out_refund_no=out_refund_no,
                state=RefundResultState.SUCCEEDED,
                refund_id=result.get("trade_no", ""),
                amount_fen=yuan_to_fen(amount) if amount else None,
                raw=result,
            )
        return RefundStatus(out_refund_no=out_refund_no, state=RefundResultState.NOT_FOUND, raw=result)

    def bill_download(self, bill_date: date) -> bytes:
        result = self._call(
            self._client.server_api,
            "alipay.data.dataservice.bill.downloadurl.query",
            biz_content={"bill_type": "trade", "bill_date": bill_date.isoformat()},
        )
        if result.get("code") != "10000":
            raise self._failure(result)
        try:
            with urlopen(result["bill_download_url"], timeout=self.timeout) as response:  # noqa: S310
                archive = response.read()
        except (OSError, URLError) as exc:
            raise RetryableProviderError(f"Alipay bill download failed: {exc}") from exc
        with zipfile.ZipFile(io.BytesIO(archive)) as zf:
            detail = [n for n in zf.namelist() if "汇总" not in n]
            return zf.read(detail[0]) if detail else b""

    def parse_callback(self, headers: dict[str, str], body: bytes) -> Notification:
        try:
            text = body.decode("utf-8")
            pairs = parse_qsl(text, keep_blank_values=True, strict_parsing=bool(text))
        except (UnicodeDecodeError, ValueError):
            raise CallbackRejected("undecodable form body") from None
        data = dict(pairs)
        if len(data) != len(pairs):
            raise CallbackRejected("repeated form fields")
        signature = data.pop("sign", "")
        out_trade_no = data.get("out_trade_no", "")
        if not signature or data.get("sign_type", "RSA2") != "RSA2":
            raise CallbackRejected("signature missing or not RSA2", out_trade_no=out_trade_no)
        try:
            ok = self._client.verify(dict(data), signature)
        except (AliPayException, ValueError, TypeError, IndexError):
            ok = False
        if not ok:
            raise CallbackRejected("bad signature", out_trade_no=out_trade_no)
        if data.get("app_id") != self.app_id:
            raise CallbackRejected("app_id does not match", out_trade_no=out_trade_no)
        if self.seller_id and data.get("seller_id") != self.seller_id:
            raise CallbackRejected("seller_id does not match", out_trade_no=out_trade_no)
        status = data.get("trade_status", "")
        try:
            total = yuan_to_fen(data.get("total_amount", ""))
        except ValueError:
            raise CallbackRejected("total_amount is not an amount", out_trade_no=out_trade_no) from None
        if data.get("out_biz_no") and data.get("refund_fee"):
            return Notification(
                kind=NotificationKind.REFUND,
                event_type=status,
                out_trade_no=out_trade_no,
                out_refund_no=data["out_biz_no"],
                refund_state=RefundResultState.SUCCEEDED,
                transaction_id=data.get("trade_no", ""),
                notify_id=data.get("notify_id", ""),
            )
        return Notification(
            kind=NotificationKind.PAYMENT,
            event_type=status,
            out_trade_no=out_trade_no,
            paid=status in {"TRADE_SUCCESS", "TRADE_FINISHED"},
            amount_fen=total,
            transaction_id=data.get("trade_no", ""),
            paid_at=_parse_time(data.get("gmt_payment")),
            notify_id=data.get("notify_id", ""),
        )

    def callback_reply(self, ok: bool, message: str = "") -> CallbackReply:
        return reply(ok, message)


def reply(ok: bool, message: str = "") -> CallbackReply:
    """Alipay stops retrying only on the exact plain text `success`."""
    if ok:
        return CallbackReply(status=200, content_type="text/plain", body=b"success")
    return CallbackReply(status=400, content_type="text/plain", body=b"fail")
