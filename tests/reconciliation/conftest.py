"""Reconciliation fixtures: payments made for real through the SDKs against the fakes, bill files
built by mobile_mock/bills.py from the fakes' own records."""

from __future__ import annotations

import io
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from mobile_mock import bills
from tests.factories.payments import point_payments_at_fakes

SHANGHAI = ZoneInfo("Asia/Shanghai")


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
    settings.MEDIA_ROOT = str(tmp_path / "media")
    point_payments_at_fakes(running, settings, timeout=3)
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
