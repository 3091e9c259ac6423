"""Refunds by finance staff: full or partial, never more than paid, states from the provider."""

from __future__ import annotations

import pytest

from payments.constants import BillState
from payments.models import LedgerEntry, Refund
from tests.payments.helpers import ledger_sum, order_of, pay

pytestmark = pytest.mark.django_db


def _paid_bill(pay_env, payer, make_bill, client_for, channel="wechat_jsapi", amount=10000):
    bill = make_bill(payer, amount)
    order = order_of(pay(client_for(payer), bill, channel))
    (pay_env.wechatpay if channel.startswith("wechat") else pay_env.alipay).pay(order.out_trade_no)
    bill.refresh_from_db()
    assert bill.state == BillState.PAID
    return bill


def _refund(api, bill, amount, key, reason="多收费用退还"):
    return api.post(
        f"/api/v1/finance/bills/{bill.pk}/refunds",
        {"amount_fen": amount, "reason": reason},
        format="json",
        HTTP_IDEMPOTENCY_KEY=key,
    )


@pytest.mark.parametrize("channel", ["wechat_jsapi", "alipay_mini"])
def test_partial_then_full_refund(pay_env, payer, make_bill, client_for, make_staff, channel):
    bill = _paid_bill(pay_env, payer, make_bill, client_for, channel)
    finance = client_for(make_staff("finance"))

    first = _refund(finance, bill, 3000, "k1")
    bill.refresh_from_db()
    assert first.status_code == 201 and first.json()["state"] == "succeeded"
    assert (bill.state, bill.refunded_fen) == (BillState.PARTIALLY_REFUNDED, 3000)

    too_much = _refund(finance, bill, 7001, "k2")
    assert too_much.status_code == 409
    assert too_much.json()["code"] == "refund_exceeds_paid" and too_much.json()["refundable_fen"] == 7000

    rest = _refund(finance, bill, 7000, "k3")
    bill.refresh_from_db()
    assert rest.status_code == 201
    assert (bill.state, bill.refunded_fen) == (BillState.REFUNDED, 10000)
    assert sorted(LedgerEntry.objects.filter(bill=bill).values_list("amount_fen", flat=True)) == [
        -7000,
        -3000,
        10000,
    ]
    assert ledger_sum(bill) == bill.paid_fen - bill.refunded_fen == 0
    assert _refund(finance, bill, 1, "k4").json()["code"] == "refund_not_allowed"


def test_refund_replay_with_the_same_key_refunds_once(pay_env, payer, make_bill, client_for, make_staff):
    bill = _paid_bill(pay_env, payer, make_bill, client_for)
    finance = client_for(make_staff("finance"))

    a = _refund(finance, bill, 1000, "same")
    b = _refund(finance, bill, 1000, "same")

    assert a.json() == b.json() and b.headers["Idempotent-Replayed"] == "true"
    assert Refund.objects.count() == 1 and len(pay_env.wechatpay.state.refunds) == 1


def test_only_finance_staff_refund(pay_env, payer, make_bill, client_for, make_staff):
    bill = _paid_bill(pay_env, payer, make_bill, client_for)

    assert _refund(client_for(payer), bill, 100, "x").status_code == 403
    assert _refund(client_for(make_staff("clerk")), bill, 100, "y").status_code == 403
    assert not Refund.objects.exists()


def test_refund_timeout_is_unknown_then_resolved_by_query_under_the_same_number(
    pay_env, payer, make_bill, client_for, make_staff
):
    from payments import tasks

    bill = _paid_bill(pay_env, payer, make_bill, client_for)
    pay_env.wechatpay.state.stall_seconds, pay_env.wechatpay.state.stall_ops = 3, {"refund"}

    response = _refund(client_for(make_staff("finance")), bill, 2000, "t1")

    assert response.status_code == 201 and response.json()["state"] == "unknown"
    refund = Refund.objects.get()
    pay_env.wechatpay.state.stall_seconds = 0
    Refund.objects.filter(pk=refund.pk).update(created_at=refund.created_at.replace(year=2020))
    tasks.sweep()
    refund.refresh_from_db()
    bill.refresh_from_db()
    assert refund.state == "succeeded" and list(pay_env.wechatpay.state.refunds) == [refund.out_refund_no]
    assert bill.refunded_fen == 2000 and ledger_sum(bill) == 8000


def test_unknown_refund_does_not_release_its_amount(pay_env, payer, make_bill, client_for, make_staff):
    bill = _paid_bill(pay_env, payer, make_bill, client_for)
    finance = client_for(make_staff("finance"))
    pay_env.wechatpay.state.stall_seconds, pay_env.wechatpay.state.stall_ops = 3, {"refund"}
    assert _refund(finance, bill, 6000, "u1").json()["state"] == "unknown"
    pay_env.wechatpay.state.stall_seconds = 0

    response = _refund(finance, bill, 5000, "u2")

    assert response.status_code == 409 and response.json()["refundable_fen"] == 4000
