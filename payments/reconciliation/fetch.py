"""Download a provider's daily trade bill (payments and refunds) with the payments SDK objects.

The calls payments' adapters do not offer in the form reconciliation needs — the raw, still
compressed bytes and a typed "not published yet" — live here, on the same SDK clients the
adapters built (`provider_for(...)._client`), so keys and gateways are configured once:

- WeChat Pay v3: `trade_bill(bill_date, bill_type="ALL", tar_type="GZIP")` → `download_bill(url)`
  (the download is not signed); the SHA-1 WeChat gives is of the DEcompressed bill and is
  checked while streaming. `400 NO_STATEMENT_EXIST` before ~10:00 → `BillNotReady`.
- Alipay: `alipay.data.dataservice.bill.downloadurl.query` with `{bill_type: "trade", bill_date}`
  → a URL valid 30 s → a plain GET of the zip. `isv.bill_not_exist` → `BillNotReady`.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import logging
from datetime import date
from typing import Any
from urllib.error import URLError
from urllib.request import urlopen

from django.conf import settings

from payments.providers.base import NonRetryableProviderError, RetryableProviderError
from payments.providers.registry import provider_for
from payments.reconciliation import errors
from payments.reconciliation.constants import BillFileSource
from payments.reconciliation.models import BillFile
from payments.reconciliation.services import bill_file_store

logger = logging.getLogger(__name__)
NOT_READY_CODES = {"NO_STATEMENT_EXIST", "STATEMENT_CREATING", "isv.bill_not_exist", "BILL_NOT_EXIST"}


def bill_fetch(*, provider: str, bill_date: date) -> BillFile:
    """Download and store (immutable, SHA-256) one provider's bill for `bill_date`.

    Raises `BillNotReady` while the provider has not published it, `RetryableProviderError`
    for network/5xx trouble, `NonRetryableProviderError` for a refusal.
    """
    if provider == "wechatpay":
        return _fetch_wechatpay(bill_date)
    if provider == "alipay":
        return _fetch_alipay(bill_date)
    raise NonRetryableProviderError(f"no daily bill for provider {provider!r}")


def _wechat_error(status: int, body: Any) -> Exception:
    try:
        code = str(json.loads(body).get("code", ""))
    except (TypeError, ValueError, AttributeError):
        code = ""
    if code in NOT_READY_CODES:
        return errors.BillNotReady()
    if status >= 500 or status == 429:
        return RetryableProviderError(f"WeChat Pay bill {status} {code}", code=code)
    return NonRetryableProviderError(f"WeChat Pay bill {status} {code}", code=code)


def _fetch_wechatpay(bill_date: date) -> BillFile:
    client = provider_for("wechatpay")._client  # type: ignore[attr-defined]
    try:
        status, body = client.trade_bill(bill_date=bill_date.isoformat(), bill_type="ALL", tar_type="GZIP")
        if status != 200:
            raise _wechat_error(status, body)
        info = json.loads(body)
        status, content = client.download_bill(info["download_url"])
    except (errors.BillNotReady, RetryableProviderError, NonRetryableProviderError):
        raise
    except Exception as exc:  # requests errors, the SDK's bare Exception, a broken answer
        raise RetryableProviderError(f"WeChat Pay bill download failed: {exc}") from exc
    if status != 200:
        raise _wechat_error(status, content)
    raw = content if isinstance(content, bytes) else str(content).encode()
    sha1 = hashlib.sha1()  # noqa: S324 - WeChat's own hash of the bill
    with gzip.GzipFile(fileobj=io.BytesIO(raw)) as plain:
        try:
            while chunk := plain.read(1 << 20):
                sha1.update(chunk)
        except OSError as exc:
            raise RetryableProviderError(f"WeChat Pay bill is not gzip: {exc}") from exc
    if sha1.hexdigest() != str(info.get("hash_value", "")).lower():
        raise RetryableProviderError("WeChat Pay bill: SHA-1 does not match hash_value")
    return bill_file_store(
        provider="wechatpay",
        bill_date=bill_date,
        stream=io.BytesIO(raw),
        source=BillFileSource.FETCHED,
        merchant_id=settings.WECHATPAY_MCHID,
        original_name=f"wechatpay-{bill_date:%Y%m%d}-ALL.csv.gz",
    )


def _fetch_alipay(bill_date: date) -> BillFile:
    adapter = provider_for("alipay")
    try:
        result = adapter._client.server_api(  # type: ignore[attr-defined]
            "alipay.data.dataservice.bill.downloadurl.query",
            biz_content={"bill_type": "trade", "bill_date": bill_date.isoformat()},
        )
    except Exception as exc:  # URLError, AliPayException (error_response), AliPayValidationError
        if any(code in str(exc) for code in NOT_READY_CODES):
            raise errors.BillNotReady() from exc
        raise RetryableProviderError(f"Alipay bill URL query failed: {exc}") from exc
    result = result or {}
    if result.get("code") != "10000":
        sub = str(result.get("sub_code", ""))
        if sub in NOT_READY_CODES:
            raise errors.BillNotReady()
        if result.get("code") == "20000":
            raise RetryableProviderError(f"Alipay bill {result.get('code')} {sub}", code=sub)
        raise NonRetryableProviderError(f"Alipay bill {result.get('code')} {sub}", code=sub)
    try:
        with urlopen(result["bill_download_url"], timeout=settings.PAYMENT_PROVIDER_TIMEOUT) as response:  # noqa: S310
            return bill_file_store(
                provider="alipay",
                bill_date=bill_date,
                stream=response,
                source=BillFileSource.FETCHED,
                merchant_id=settings.ALIPAY_PAY_SELLER_ID,
                original_name=f"alipay-{bill_date:%Y%m%d}-trade.zip",
            )
    except (OSError, URLError) as exc:
        raise RetryableProviderError(f"Alipay bill download failed: {exc}") from exc
