"""Fetching the bills through the real SDKs from the fakes, storing them immutable, the beat job."""

from __future__ import annotations

import gzip
import hashlib
import io
import zipfile
from datetime import datetime, time, timedelta
from typing import Any

import pytest
from django.core.files.storage import default_storage

from payments.reconciliation import tasks
from payments.reconciliation.constants import RunState
from payments.reconciliation.fetch import bill_fetch
from payments.reconciliation.models import BillFile, ReconciliationRun

pytestmark = pytest.mark.django_db


def _stored(bill_file: BillFile) -> bytes:
    with default_storage.open(bill_file.storage_name, "rb") as handle:
        return handle.read()


def test_wechat_trade_bill_is_downloaded_gzip_and_stored_with_its_sha256(recon_env: Any) -> None:
    order = recon_env.paid_order()

    bill_file = bill_fetch(provider="wechatpay", bill_date=recon_env.today)

    raw = _stored(bill_file)
    assert raw[:2] == b"\x1f\x8b" and hashlib.sha256(raw).hexdigest() == bill_file.sha256
    assert bill_file.source == "fetched" and bill_file.merchant_id == recon_env.wechatpay.keys.mchid
    text = gzip.decompress(raw).decode()
    assert f"`{order.out_trade_no}," in text and text.endswith("\r\n")
    calls = [c["path"] for c in recon_env.wechatpay.state.calls]
    assert "/v3/bill/tradebill" in calls and "/v3/billdownload/file" in calls


def test_alipay_bill_url_then_zip(recon_env: Any) -> None:
    order = recon_env.paid_order("alipay_mini", 8800)

    bill_file = bill_fetch(provider="alipay", bill_date=recon_env.today)

    with zipfile.ZipFile(io.BytesIO(_stored(bill_file))) as zf:
        detail = next(n for n in zf.namelist() if "汇总" not in n)
        assert f"{order.out_trade_no}\t".encode("gbk") in zf.read(detail)


@pytest.mark.parametrize("provider", ["wechatpay", "alipay"])
def test_the_job_waits_until_the_bill_appears_then_reconciles_once(recon_env: Any, provider: str) -> None:
    channel = "wechat_jsapi" if provider == "wechatpay" else "alipay_mini"
    recon_env.paid_order(channel)
    day = recon_env.today.isoformat()
    not_ready = (
        recon_env.wechatpay.state.bill_not_ready
        if provider == "wechatpay"
        else recon_env.running.app.alipay.state.extra["bill_not_ready"]
    )
    not_ready.add(day)

    assert tasks.fetch_and_reconcile(provider=provider, bill_date=recon_env.today) == "not_ready"
    assert not BillFile.objects.exists() and not ReconciliationRun.objects.exists()

    not_ready.discard(day)
    assert tasks.fetch_and_reconcile(provider=provider, bill_date=recon_env.today) == "reconciled"
    run = ReconciliationRun.objects.get()
    assert run.state == RunState.SUCCEEDED and run.counts == {"matched": {"count": 1, "amount_fen": 12000}}
    assert tasks.fetch_and_reconcile(provider=provider, bill_date=recon_env.today) == "done"
    assert ReconciliationRun.objects.count() == 1


def test_daily_beat_job_reconciles_yesterday_only_after_ten(recon_env: Any) -> None:
    recon_env.paid_order()
    recon_env.paid_order("alipay_mini")
    tomorrow = datetime.combine(recon_env.today + timedelta(days=1), time(9, 59), tzinfo=recon_env_tz())

    assert tasks.daily(now=tomorrow.isoformat()) == {}
    assert not ReconciliationRun.objects.exists()

    result = tasks.daily(now=(tomorrow + timedelta(minutes=31)).isoformat())
    assert result == {"wechatpay": "reconciled", "alipay": "reconciled"}
    assert set(ReconciliationRun.objects.values_list("provider", "state")) == {
        ("wechatpay", "succeeded"),
        ("alipay", "succeeded"),
    }


def recon_env_tz() -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo("Asia/Shanghai")
