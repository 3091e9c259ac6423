"""Payments fixtures: the real SDKs against the fakes of mobile_mock over loopback HTTP.

`pay_env` points WeChat Pay and Alipay settings at the running fakes (live mode) and makes the
fakes deliver their signed notifications through Django's test client in the calling thread,
so a test sees the callback's effect inside its own transaction. (Tests that need real sockets
and threads for the callback use `live_server`, see test_concurrency.py.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from payments.services import BillItemSpec, bill_create
from tests.factories.payments import point_payments_at_fakes


@dataclass
class PayEnv:
    running: Any
    wechatpay: Any  # mobile_mock.wechatpay.WechatPayApp
    alipay: Any  # mobile_mock.alipay_trade.AlipayTrades
    settings: Any


@pytest.fixture
def pay_env(mock_providers: Any, settings: Any) -> PayEnv:
    running = mock_providers
    wx = running.app.wechatpay
    point_payments_at_fakes(running, settings, timeout=1.5)
    return PayEnv(running=running, wechatpay=wx, alipay=running.app.alipay_trades.trades, settings=settings)


@pytest.fixture
def payer(make_resident: Callable[..., Any]) -> Any:
    """A resident who logged in with WeChat and with Alipay in the mini-programs."""
    from backend.accounts.models import Identity

    user = make_resident()
    Identity.objects.create(user=user, provider="wechat", subject=f"oWx{user.pk.hex[:20]}")
    Identity.objects.create(user=user, provider="alipay", subject=f"2088{user.pk.int % 10**12:012d}")
    return user


@pytest.fixture
def make_bill(db: Any) -> Callable[..., Any]:
    def _make(payer: Any, *amounts: int, source_id: str | None = None) -> Any:
        import uuid

        items = [
            BillItemSpec(code=f"FEE-{i}", name=f"费用{i}", amount_fen=a)
            for i, a in enumerate(amounts or (12000,))
        ]
        return bill_create(
            payer=payer,
            items=items,
            source_type="test_fee",
            source_id=source_id or uuid.uuid4().hex,
            department_code="GA01",
            description="护照办理费",
        )

    return _make
