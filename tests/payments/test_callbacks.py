"""Callbacks: real signatures from the fakes; each refusal changes nothing and says so in the
provider's own reply format; each acceptance settles the bill once with one ledger entry."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from payments.constants import BillState, OrderState
from payments.models import CallbackRecord, LedgerEntry, Refund
from tests.factories.payments import client_sender
from tests.payments.helpers import ledger_sum, order_of, pay, verdicts

pytestmark = pytest.mark.django_db

WECHAT_URL = "http://testserver/api/v1/payments/callbacks/wechatpay"
ALIPAY_URL = "http://testserver/api/v1/payments/callbacks/alipay"
_OTHER_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _unchanged(bill: Any, order: Any) -> None:
    bill.refresh_from_db()
    order.refresh_from_db()
    assert bill.state == BillState.UNPAID
    assert bill.paid_fen == 0
    assert order.state == OrderState.CREATED
    assert not LedgerEntry.objects.filter(bill=bill).exists()


def test_wechat_valid_callback_settles_once_with_one_ledger_entry(pay_env, payer, make_bill, client_for):
    bill = make_bill(payer, 12000)
    order = order_of(pay(client_for(payer), bill, "wechat_jsapi"))

    pay_env.wechatpay.pay(order.out_trade_no, mode="duplicate", copies=3)

    bill.refresh_from_db()
    order.refresh_from_db()
    assert (bill.state, bill.paid_fen, bill.settled_by_id) == (BillState.PAID, 12000, order.pk)
    assert order.state == OrderState.PAID and order.transaction_id.startswith("42")
    assert LedgerEntry.objects.filter(bill=bill).count() == 1
    assert ledger_sum(bill) == 12000
    assert verdicts(order.out_trade_no) == ["applied", "duplicate", "duplicate"]
    assert [d["result"][0] for d in pay_env.wechatpay.state.deliveries] == [204, 204, 204]
    record = CallbackRecord.objects.filter(out_trade_no=order.out_trade_no).first()
    assert "Wechatpay-Signature" in record.headers and "ciphertext" in record.body


def test_alipay_valid_callback_replies_exactly_success(pay_env, payer, make_bill, client_for):
    bill = make_bill(payer, 9900)
    order = order_of(pay(client_for(payer), bill, "alipay_mini"))

    pay_env.alipay.pay(order.out_trade_no, mode="duplicate", copies=2)

    bill.refresh_from_db()
    assert bill.state == BillState.PAID and bill.paid_fen == 9900
    assert LedgerEntry.objects.filter(bill=bill).count() == 1
    assert [d["result"] for d in pay_env.alipay.state["deliveries"]] == [(200, b"success"), (200, b"success")]
    assert verdicts(order.out_trade_no) == ["applied", "duplicate"]


def _wechat_forgeries(wx: Any, transaction: dict[str, Any]) -> dict[str, tuple[dict[str, str], bytes]]:
    now = int(time.time())
    forged: dict[str, tuple[dict[str, str], bytes]] = {}
    forged["tampered amount"] = wx.build_notification(
        {**transaction, "amount": {"total": 1, "currency": "CNY"}}
    )
    forged["wrong appid"] = wx.build_notification({**transaction, "appid": "wx0000000000000bad"})
    forged["wrong mchid"] = wx.build_notification({**transaction, "mchid": "1999999999"})
    forged["bad signature"] = wx.build_notification(transaction, sign_key=_OTHER_KEY)
    forged["stale timestamp"] = wx.build_notification(transaction, timestamp=now - 301)
    forged["future timestamp"] = wx.build_notification(transaction, timestamp=now + 330)
    forged["probe signature"] = wx.build_notification(transaction, signature="WECHATPAY/SIGNTEST/" + "A" * 40)
    forged["unknown serial"] = wx.build_notification(transaction, serial="PUB_KEY_ID_0000000000000000")
    forged["wrong api v3 key"] = wx.build_notification(transaction, apiv3_key="b" * 32)
    headers, body = wx.build_notification(transaction)
    forged["body changed after signing"] = (headers, body.replace(b'"id"', b'"id" ', 1))
    return forged


@pytest.mark.parametrize(
    "forgery",
    [
        "tampered amount",
        "wrong appid",
        "wrong mchid",
        "bad signature",
        "stale timestamp",
        "future timestamp",
        "probe signature",
        "unknown serial",
        "wrong api v3 key",
        "body changed after signing",
    ],
)
def test_wechat_refuses_forged_callbacks_without_any_state_change(
    pay_env, payer, make_bill, client_for, forgery, django_capture_on_commit_callbacks
):
    bill = make_bill(payer, 12000)
    order = order_of(pay(client_for(payer), bill, "wechat_jsapi"))
    transaction = pay_env.wechatpay.pay(order.out_trade_no, mode="never")
    headers, body = _wechat_forgeries(pay_env.wechatpay, transaction)[forgery]

    with django_capture_on_commit_callbacks() as scheduled:
        status, reply = client_sender(WECHAT_URL, headers, body)

    assert status == 400
    assert json.loads(reply)["code"] == "FAIL"
    _unchanged(bill, order)
    assert scheduled == []  # no outbox, no notification, no refund
    record = CallbackRecord.objects.get()
    assert record.verdict == "rejected" and record.reason
    assert record.body == body.decode()


def test_wechat_unknown_out_trade_no_is_recorded_and_refused(pay_env, payer, make_bill, client_for):
    bill = make_bill(payer, 12000)
    order = order_of(pay(client_for(payer), bill, "wechat_jsapi"))
    transaction = pay_env.wechatpay.pay(order.out_trade_no, mode="never")
    headers, body = pay_env.wechatpay.build_notification({**transaction, "out_trade_no": "P_NOT_OURS_0001"})

    status, reply = client_sender(WECHAT_URL, headers, body)

    assert status == 400 and json.loads(reply)["code"] == "FAIL"
    _unchanged(bill, order)
    record = CallbackRecord.objects.get()
    assert (record.verdict, record.reason, record.out_trade_no) == (
        "rejected",
        "unknown out_trade_no",
        "P_NOT_OURS_0001",
    )


@pytest.mark.parametrize(
    "forgery",
    ["tampered amount", "wrong app_id", "wrong seller_id", "bad signature", "body changed", "unknown order"],
)
def test_alipay_refuses_forged_callbacks_without_any_state_change(
    pay_env, payer, make_bill, client_for, forgery
):
    bill = make_bill(payer, 12000)
    order = order_of(pay(client_for(payer), bill, "alipay_mini"))
    trades = pay_env.alipay
    trades.pay(order.out_trade_no, mode="never")
    trade = trades.state["trades"][order.out_trade_no]
    if forgery == "tampered amount":
        body = trades.build_notification(trades.notification_fields(trade, total_amount="0.01"))
    elif forgery == "wrong app_id":
        body = trades.build_notification(trades.notification_fields(trade, app_id="2021999999999999"))
    elif forgery == "wrong seller_id":
        body = trades.build_notification(trades.notification_fields(trade, seller_id="2088999999999999"))
    elif forgery == "bad signature":
        body = trades.build_notification(trades.notification_fields(trade), sign_with=_OTHER_KEY)
    elif forgery == "body changed":
        body = trades.build_notification(trades.notification_fields(trade)).replace(
            b"total_amount=", b"total_amount=1"
        )
    else:
        body = trades.build_notification(trades.notification_fields(trade, out_trade_no="P_NOT_OURS_0002"))

    status, reply = client_sender(ALIPAY_URL, {"Content-Type": "application/x-www-form-urlencoded"}, body)

    assert (status, reply) == (400, b"fail")
    _unchanged(bill, order)
    assert CallbackRecord.objects.get().verdict == "rejected"


def test_paid_after_close_is_accepted_and_settles_the_bill(pay_env, payer, make_bill, client_for):
    """The resident paid at the last second; our close came after: the provider's word wins."""
    from payments import services

    bill = make_bill(payer, 5000)
    order = order_of(pay(client_for(payer), bill, "wechat_jsapi"))
    transaction = pay_env.wechatpay.pay(order.out_trade_no, mode="hold")
    services._order_mark(order.pk, OrderState.CLOSED, reason="expired")  # closed here before the news
    from payments.models import Bill

    Bill.objects.filter(pk=bill.pk).update(state=BillState.CLOSED)

    assert pay_env.wechatpay.release() == 1

    bill.refresh_from_db()
    order.refresh_from_db()
    assert transaction["trade_state"] == "SUCCESS"
    assert (order.state, bill.state, bill.settled_by_id) == (OrderState.PAID, BillState.PAID, order.pk)
    assert LedgerEntry.objects.filter(bill=bill).count() == 1
    assert not Refund.objects.filter(bill=bill).exists()


def test_double_payment_in_both_channels_settles_once_and_refunds_the_other(
    pay_env, payer, make_bill, client_for, django_capture_on_commit_callbacks
):
    bill = make_bill(payer, 8800)
    api = client_for(payer)
    wechat = order_of(pay(api, bill, "wechat_jsapi"))
    alipay = order_of(pay(api, bill, "alipay_mini"))

    with django_capture_on_commit_callbacks(execute=True):
        pay_env.wechatpay.pay(wechat.out_trade_no)
    with django_capture_on_commit_callbacks(execute=True):
        pay_env.alipay.pay(alipay.out_trade_no)  # the second payment: refunded automatically

    bill.refresh_from_db()
    assert bill.state == BillState.PAID and bill.settled_by_id == wechat.pk
    refund = Refund.objects.get(bill=bill)
    assert (refund.kind, refund.order_id, refund.amount_fen, refund.state) == (
        "duplicate",
        alipay.pk,
        8800,
        "succeeded",
    )
    assert (
        pay_env.alipay.state["trades"][alipay.out_trade_no]["trade_status"] == "TRADE_CLOSED"
    )  # fully refunded
    assert (bill.paid_fen, bill.refunded_fen) == (17600, 8800)
    assert sorted(LedgerEntry.objects.filter(bill=bill).values_list("amount_fen", flat=True)) == [
        -8800,
        8800,
        8800,
    ]
    assert ledger_sum(bill) == bill.paid_fen - bill.refunded_fen == 8800


def test_a_late_callback_for_a_closed_order_on_a_bill_paid_elsewhere_is_refunded(
    pay_env, payer, make_bill, client_for, django_capture_on_commit_callbacks
):
    from payments import services

    bill = make_bill(payer, 3000)
    api = client_for(payer)
    first = order_of(pay(api, bill, "wechat_native"))
    second = order_of(pay(api, bill, "wechat_jsapi"))
    pay_env.wechatpay.pay(second.out_trade_no, mode="hold")
    services._order_mark(first.pk, OrderState.CLOSED)
    with django_capture_on_commit_callbacks(execute=True):
        pay_env.wechatpay.pay(first.out_trade_no, mode="normal", force=True)  # paid before our close landed
    with django_capture_on_commit_callbacks(execute=True):
        pay_env.wechatpay.release()

    bill.refresh_from_db()
    second.refresh_from_db()
    assert bill.settled_by_id == first.pk and second.state == OrderState.PAID
    refund = Refund.objects.get(bill=bill)
    assert (refund.order_id, refund.state) == (second.pk, "succeeded")
    assert ledger_sum(bill) == 3000


def test_processing_refund_settles_once_by_its_notifications(
    pay_env, payer, make_bill, client_for, make_staff, django_capture_on_commit_callbacks
):
    """WeChat answers PROCESSING, then notifies REFUND.SUCCESS (twice here): applied once."""
    bill = make_bill(payer, 2000)
    order = order_of(pay(client_for(payer), bill, "wechat_jsapi"))
    pay_env.wechatpay.pay(order.out_trade_no)
    pay_env.wechatpay.state.refund_mode = "async"
    pay_env.wechatpay.state.refund_auto_complete = False
    finance = client_for(make_staff("finance"))

    response = finance.post(
        f"/api/v1/finance/bills/{bill.pk}/refunds",
        {"amount_fen": 500, "reason": "多收"},
        format="json",
        HTTP_IDEMPOTENCY_KEY="r-1",
    )
    assert response.status_code == 201 and response.json()["state"] == "pending"
    refund = Refund.objects.get(bill=bill)
    # The fake completes the refund and notifies.
    pay_env.wechatpay.complete_refund(refund.out_refund_no, mode="duplicate")

    refund.refresh_from_db()
    bill.refresh_from_db()
    assert refund.state == "succeeded"
    assert bill.state == BillState.PARTIALLY_REFUNDED and bill.refunded_fen == 500
    assert LedgerEntry.objects.filter(refund=refund).count() == 1
    assert ledger_sum(bill) == 1500


def test_out_of_order_notifications_of_two_orders_settle_the_bill_once(
    pay_env, payer, make_bill, client_for, django_capture_on_commit_callbacks
):
    bill = make_bill(payer, 4200)
    api = client_for(payer)
    qr = order_of(pay(api, bill, "wechat_native"))
    mini = order_of(pay(api, bill, "wechat_jsapi"))
    pay_env.wechatpay.pay(qr.out_trade_no, mode="hold")
    pay_env.wechatpay.pay(mini.out_trade_no, mode="hold")

    with django_capture_on_commit_callbacks(execute=True):
        assert pay_env.wechatpay.release(reverse=True) == 2  # the later payment's news first

    bill.refresh_from_db()
    assert bill.state == BillState.PAID and bill.settled_by_id == mini.pk
    assert Refund.objects.get(bill=bill).order_id == qr.pk
    assert ledger_sum(bill) == 4200
