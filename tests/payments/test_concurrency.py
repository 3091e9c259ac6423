"""Races on PostgreSQL with real threads (each with its own connection): row locks decide."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

from payments.constants import BillState
from payments.models import CallbackRecord, LedgerEntry, PaymentOrder, Refund
from tests.factories.payments import client_sender
from tests.payments.helpers import ledger_sum, order_of, pay

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _race(n: int, fn: Callable[[int], Any]) -> list[Any]:
    barrier = threading.Barrier(n)
    results: list[Any] = [None] * n

    def run(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[i] = fn(i)
        except Exception as exc:  # surfaced by the assertions
            results[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


@pytest.mark.parametrize("channel", ["wechat_jsapi", "alipay_mini"])
def test_twenty_concurrent_deliveries_of_one_callback_make_one_transition_and_one_ledger_entry(
    pay_env, payer, make_bill, client_for, channel
):
    bill = make_bill(payer, 12000)
    order = order_of(pay(client_for(payer), bill, channel))
    if channel == "wechat_jsapi":
        transaction = pay_env.wechatpay.pay(order.out_trade_no, mode="never")
        headers, body = pay_env.wechatpay.build_notification(transaction)
        url, ok = "http://testserver/api/v1/payments/callbacks/wechatpay", (204, b"")
    else:
        pay_env.alipay.pay(order.out_trade_no, mode="never")
        trade = pay_env.alipay.state["trades"][order.out_trade_no]
        body = pay_env.alipay.build_notification(pay_env.alipay.notification_fields(trade))
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        url, ok = "http://testserver/api/v1/payments/callbacks/alipay", (200, b"success")

    replies = _race(20, lambda i: client_sender(url, headers, body))

    assert replies == [ok] * 20
    bill.refresh_from_db()
    assert (bill.state, bill.paid_fen) == (BillState.PAID, 12000)
    assert LedgerEntry.objects.filter(bill=bill).count() == 1
    verdicts = list(
        CallbackRecord.objects.filter(out_trade_no=order.out_trade_no).values_list("verdict", flat=True)
    )
    assert sorted(verdicts) == ["applied"] + ["duplicate"] * 19


def test_concurrent_partial_refunds_never_exceed_the_paid_amount(
    pay_env, payer, make_bill, client_for, make_staff
):
    bill = make_bill(payer, 3000)
    order = order_of(pay(client_for(payer), bill, "wechat_jsapi"))
    pay_env.wechatpay.pay(order.out_trade_no)
    staff = make_staff("finance")

    def refund(i: int) -> int:
        api = client_for(staff)
        response = api.post(
            f"/api/v1/finance/bills/{bill.pk}/refunds",
            {"amount_fen": 1000, "reason": f"partial {i}"},
            format="json",
            HTTP_IDEMPOTENCY_KEY=str(uuid.uuid4()),
        )
        return response.status_code

    statuses = _race(8, refund)

    assert sorted(statuses) == [201] * 3 + [409] * 5
    bill.refresh_from_db()
    assert Refund.objects.filter(bill=bill).count() == 3
    assert sum(r["amount"]["refund"] for r in pay_env.wechatpay.state.refunds.values()) == 3000
    assert (bill.state, bill.refunded_fen) == (BillState.REFUNDED, 3000)
    assert ledger_sum(bill) == 0


def test_the_same_idempotency_key_while_the_first_request_is_in_flight_is_409(
    pay_env, payer, make_bill, client_for
):
    bill = make_bill(payer, 100)
    pay_env.wechatpay.state.stall_seconds = 1.0  # the provider is slow (within the timeout)
    key = str(uuid.uuid4())

    def attempt(i: int) -> tuple[int, str]:
        response = pay(client_for(payer), bill, "wechat_jsapi", key=key)
        return response.status_code, response.json().get("code", "")

    results = _race(2, attempt)

    assert sorted(results) == [(201, ""), (409, "idempotency_key_in_flight")]
    assert PaymentOrder.objects.count() == 1
