"""Reconciliation fixtures: payments made for real through the SDKs against the fakes, bill files
built by mobile_mock/bills.py from the fakes' own records."""

from __future__ import annotations

import io
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from mobile_mock import bills

SHANGHAI = ZoneInfo("Asia/Shanghai")


def client_sender(url: str, headers: dict[str, str], body: bytes) -> tuple[int, bytes]:
    """The fakes deliver their signed notifications through Django's test client (same thread)."""
    extra = {k: v for k, v in headers.items() if k.lower() != "content-type"}
    response = Client().post(
        urlsplit(url).path, data=body, content_type=headers.get("Content-Type", ""), headers=extra
    )
    return response.status_code, response.content


@dataclass
class ReconEnv:
    running: Any
    wechatpay: Any  # mobile_mock.wechatpay.WechatPayApp
    alipay: Any  # mobile_mock.alipay_trade.AlipayTrades
    payer: Any
    today: date

    def bill(self, amount_fen: int = 12000, description: str = "护照办理费,加急") -> Any:
        from payments.services import BillItemSpec, bill_create

        return bill_create(
            payer=self.payer,
            items=[
                BillItemSpec(code="GA-0101", name="护照工本费", amount_fen=amount_fen - 2000),
                BillItemSpec(code="GA-0102", name="加急费", amount_fen=2000),
            ],
            source_type="test_fee",
            source_id=uuid.uuid4().hex,
            department_code="GA01",
            description=description,
        )

    def order(self, channel: str = "wechat_jsapi", amount_fen: int = 12000, **kw: Any) -> Any:
        from payments.services import order_create

        return order_create(bill=self.bill(amount_fen, **kw), payer=self.payer, channel=channel)

    def paid_order(self, channel: str = "wechat_jsapi", amount_fen: int = 12000, mode: str = "normal") -> Any:
        order = self.order(channel, amount_fen)
        if channel.startswith("wechat"):
            self.wechatpay.pay(order.out_trade_no, mode=mode)
        else:
            self.alipay.pay(order.out_trade_no, mode=mode)
        order.refresh_from_db()
        return order

    def wechat_rows(self) -> list[bills.BillRow]:
        return bills.wechat_rows_from_fake(self.wechatpay, self.today.isoformat())

    def alipay_rows(self) -> list[bills.BillRow]:
        return bills.alipay_rows_from_fake(self.running.app.alipay, self.today.isoformat())

    def wechat_file(self, rows: list[bills.BillRow] | None = None, *, gzipped: bool = True, **kw: Any) -> Any:
        from payments.reconciliation.services import bill_file_store

        keys = self.wechatpay.keys
        data = bills.wechat_bill_bytes(
            self.wechat_rows() if rows is None else rows,
            appid=keys.appid,
            mchid=keys.mchid,
            gzipped=gzipped,
            **kw,
        )
        return bill_file_store(
            provider="wechatpay", bill_date=self.today, stream=io.BytesIO(data), source="uploaded"
        )

    def alipay_file(self, rows: list[bills.BillRow] | None = None, **kw: Any) -> Any:
        from payments.reconciliation.services import bill_file_store

        data = bills.alipay_bill_bytes(
            self.alipay_rows() if rows is None else rows,
            account=f"{self.alipay.seller_id}0156",
            bill_date=self.today.isoformat(),
            **kw,
        )
        return bill_file_store(
            provider="alipay", bill_date=self.today, stream=io.BytesIO(data), source="uploaded"
        )


@pytest.fixture
def recon_env(
    mock_providers: Any, settings: Any, make_resident: Callable[..., Any], tmp_path: Any
) -> ReconEnv:
    from backend.accounts.models import Identity

    running = mock_providers
    wx = running.app.wechatpay
    keys = wx.keys
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PAYMENT_PROVIDER = "live"
    settings.PAYMENTS_NOTIFY_BASE_URL = "http://testserver"
    settings.PAYMENT_PROVIDER_TIMEOUT = 3
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
    payer = make_resident()
    Identity.objects.create(user=payer, provider="wechat", subject=f"oWx{payer.pk.hex[:20]}")
    Identity.objects.create(user=payer, provider="alipay", subject=f"2088{payer.pk.int % 10**12:012d}")
    return ReconEnv(
        running=running,
        wechatpay=wx,
        alipay=running.app.alipay_trades.trades,
        payer=payer,
        today=datetime.now(SHANGHAI).date(),
    )
