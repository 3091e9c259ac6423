"""Paying a bill: the client parameters, Idempotency-Key, timeouts, active query and expiry."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding
from django.utils import timezone

from payments import tasks
from payments.constants import BillState, OrderState
from payments.models import IdempotencyKey, LedgerEntry, PaymentOrder
from tests.payments.helpers import order_of, pay

pytestmark = pytest.mark.django_db


def test_wechat_jsapi_returns_exactly_the_request_payment_parameters_signed_by_the_merchant(
    pay_env, payer, make_bill, client_for
):
    bill = make_bill(payer, 12000)

    response = pay(client_for(payer), bill, "wechat_jsapi")

    assert response.status_code == 201
    params = response.json()["request_payment"]
    assert set(params) == {"timeStamp", "nonceStr", "package", "signType", "paySign"}
    assert params["signType"] == "RSA" and params["package"].startswith("prepay_id=wx")
    keys = pay_env.wechatpay.keys
    message = f"{keys.appid}\n{params['timeStamp']}\n{params['nonceStr']}\n{params['package']}\n".encode()
    public = serialization.load_pem_public_key(keys.merchant_public_key.encode())
    public.verify(base64.b64decode(params["paySign"]), message, padding.PKCS1v15(), hashes.SHA256())
    order = order_of(response)
    fake = pay_env.wechatpay.state.orders[order.out_trade_no]
    assert fake["payer"]["openid"] == payer.identities.get(provider="wechat").subject
    assert fake["amount"]["total"] == 12000 and fake["notify_url"].endswith("/payments/callbacks/wechatpay")


def test_native_returns_code_url_and_qr_image_and_alipay_returns_trade_no(
    pay_env, payer, make_bill, client_for
):
    api = client_for(payer)
    native = pay(api, make_bill(payer, 100), "wechat_native").json()
    alipay = pay(api, make_bill(payer, 100), "alipay_mini").json()

    assert native["code_url"].startswith("weixin://wxpay/bizpayurl")
    assert native["qr_image"].startswith("data:image/png;base64,")
    assert native["request_payment"] is None and native["trade_no"] is None
    assert alipay["trade_no"] == pay_env.alipay.state["trades"][alipay["out_trade_no"]]["trade_no"]
    assert pay_env.alipay.state["trades"][alipay["out_trade_no"]]["total_amount"] == "1.00"


@pytest.mark.parametrize("channel,provider", [("wechat_jsapi", "wechat"), ("alipay_mini", "alipay")])
def test_missing_payer_identity_for_the_channel_is_a_clear_error(
    pay_env, make_resident, make_bill, client_for, channel, provider
):
    resident = make_resident()  # logged in by SMS only
    bill = make_bill(resident, 500)

    response = pay(client_for(resident), bill, channel)

    assert response.status_code == 422
    assert response.json()["code"] == "payer_identity_missing"
    assert not PaymentOrder.objects.exists()
    assert not IdempotencyKey.objects.exists()  # released: the resident may log in and retry


def test_another_residents_bill_is_404_and_paid_bill_is_409(
    pay_env, payer, make_resident, make_bill, client_for
):
    bill = make_bill(payer, 500)
    assert pay(client_for(make_resident()), bill, "wechat_native").status_code == 404
    order = order_of(pay(client_for(payer), bill, "wechat_native"))
    pay_env.wechatpay.pay(order.out_trade_no)

    response = pay(client_for(payer), bill, "wechat_native")

    assert response.status_code == 409 and response.json()["code"] == "bill_not_payable"


def test_idempotency_key_replay_returns_the_stored_answer_without_a_second_order(
    pay_env, payer, make_bill, client_for
):
    bill = make_bill(payer, 700)
    api = client_for(payer)
    first = pay(api, bill, "wechat_jsapi", key="key-1")
    calls = len(pay_env.wechatpay.state.calls)

    again = pay(api, bill, "wechat_jsapi", key="key-1")

    assert again.status_code == 201 and again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert PaymentOrder.objects.count() == 1
    assert len(pay_env.wechatpay.state.calls) == calls  # the provider was not called again


def test_idempotency_key_with_a_different_body_is_409(pay_env, payer, make_bill, client_for):
    bill = make_bill(payer, 700)
    api = client_for(payer)
    pay(api, bill, "wechat_jsapi", key="key-2")

    response = pay(api, bill, "alipay_mini", key="key-2")

    assert response.status_code == 409 and response.json()["code"] == "idempotency_key_reused"
    assert PaymentOrder.objects.count() == 1


def test_idempotency_key_still_in_flight_is_409(pay_env, payer, make_bill, client_for):
    from payments import services

    bill = make_bill(payer, 700)
    # The first request has claimed the key and not finished (e.g. waiting for the provider).
    services.idempotency_begin(
        user=payer,
        key="key-3",
        scope="bills.pay",
        fingerprint=services.request_fingerprint("bills.pay", str(bill.pk), "wechat_jsapi"),
    )

    response = pay(client_for(payer), bill, "wechat_jsapi", key="key-3")

    assert response.status_code == 409 and response.json()["code"] == "idempotency_key_in_flight"
    assert not PaymentOrder.objects.exists()


def test_idempotency_keys_expire_after_24_hours(pay_env, payer, make_bill, client_for):
    bill = make_bill(payer, 700)
    api = client_for(payer)
    first = pay(api, bill, "wechat_native", key="key-4")
    IdempotencyKey.objects.update(created_at=timezone.now() - timedelta(hours=24, seconds=1))
    PaymentOrder.objects.update(expires_at=timezone.now() + timedelta(minutes=1))  # not reusable any more

    again = pay(api, bill, "alipay_mini", key="key-4")  # a new request under the old key

    assert again.status_code == 201 and again.json()["order_id"] != first.json()["order_id"]
    assert tasks.services.idempotency_purge() == 0  # the old record was replaced, not kept


def test_stalled_create_leaves_the_order_unknown_then_the_query_resolves_it_under_the_same_number(
    pay_env, payer, make_bill, client_for
):
    bill = make_bill(payer, 1500)
    api = client_for(payer)
    pay_env.wechatpay.state.stall_seconds = 3  # past PAYMENT_PROVIDER_TIMEOUT (1.5 s)

    response = pay(api, bill, "wechat_jsapi")

    assert response.status_code == 503 and response.json()["code"] == "payment_provider_timeout"
    order = PaymentOrder.objects.get()
    assert order.state == OrderState.UNKNOWN
    assert list(pay_env.wechatpay.state.orders) == [order.out_trade_no]  # it did reach WeChat Pay

    pay_env.wechatpay.state.stall_seconds = 0
    assert tasks.order_query(str(order.pk)) == OrderState.CREATED  # NOTPAY at the provider
    retry = pay(api, bill, "wechat_jsapi")  # the resident tries again: same out_trade_no, not a new one
    assert retry.status_code == 201 and retry.json()["out_trade_no"] == order.out_trade_no
    pay_env.wechatpay.pay(order.out_trade_no, mode="never")
    assert tasks.order_query(str(order.pk)) == OrderState.PAID

    assert PaymentOrder.objects.count() == 1 and list(pay_env.wechatpay.state.orders) == [order.out_trade_no]
    bill.refresh_from_db()
    assert bill.state == BillState.PAID and LedgerEntry.objects.filter(bill=bill).count() == 1


def test_stalled_alipay_create_is_unknown_and_a_never_created_trade_fails(
    pay_env, payer, make_bill, client_for
):
    bill = make_bill(payer, 1500)
    pay_env.alipay.stall(3)

    response = pay(client_for(payer), bill, "alipay_mini")

    assert response.status_code == 503
    order = PaymentOrder.objects.get()
    assert order.state == OrderState.UNKNOWN
    pay_env.alipay.stall(0)
    del pay_env.alipay.state["trades"][order.out_trade_no]  # as if the request never arrived
    assert tasks.order_query(str(order.pk)) == OrderState.FAILED


@pytest.mark.parametrize("channel", ["wechat_jsapi", "alipay_mini"])
def test_missed_callback_is_recovered_by_the_active_query(pay_env, payer, make_bill, client_for, channel):
    bill = make_bill(payer, 2500)
    order = order_of(pay(client_for(payer), bill, channel))
    fake = pay_env.wechatpay if channel == "wechat_jsapi" else pay_env.alipay
    fake.pay(order.out_trade_no, mode="never")
    PaymentOrder.objects.filter(pk=order.pk).update(created_at=timezone.now() - timedelta(minutes=2))

    result = tasks.sweep()

    assert result["queried"] == 1
    bill.refresh_from_db()
    assert bill.state == BillState.PAID and bill.paid_fen == 2500
    assert LedgerEntry.objects.filter(bill=bill).count() == 1


@pytest.mark.parametrize("channel", ["wechat_jsapi", "alipay_mini"])
def test_expiry_closes_at_the_provider_first(pay_env, payer, make_bill, client_for, channel):
    bill = make_bill(payer, 2500)
    order = order_of(pay(client_for(payer), bill, channel))
    PaymentOrder.objects.filter(pk=order.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    assert tasks.sweep()["expired"] == 1

    order.refresh_from_db()
    assert order.state == OrderState.CLOSED
    if channel == "wechat_jsapi":
        assert pay_env.wechatpay.state.orders[order.out_trade_no]["trade_state"] == "CLOSED"
        assert any(c["path"].endswith("/close") for c in pay_env.wechatpay.state.calls)
    else:
        assert pay_env.alipay.state["trades"][order.out_trade_no]["trade_status"] == "TRADE_CLOSED"
    bill.refresh_from_db()
    assert bill.state == BillState.UNPAID


def test_expiry_of_an_order_the_provider_says_is_paid_settles_it(pay_env, payer, make_bill, client_for):
    bill = make_bill(payer, 2500)
    order = order_of(pay(client_for(payer), bill, "wechat_jsapi"))
    pay_env.wechatpay.pay(order.out_trade_no, mode="never")
    PaymentOrder.objects.filter(pk=order.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    tasks.sweep()

    order.refresh_from_db()
    bill.refresh_from_db()
    assert order.state == OrderState.PAID and bill.state == BillState.PAID


def test_a_stalled_close_leaves_the_order_unknown_until_the_next_sweep(pay_env, payer, make_bill, client_for):
    bill = make_bill(payer, 2500)
    order = order_of(pay(client_for(payer), bill, "wechat_jsapi"))
    PaymentOrder.objects.filter(pk=order.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    pay_env.wechatpay.state.stall_seconds, pay_env.wechatpay.state.stall_ops = 3, {"close"}

    tasks.sweep()
    order.refresh_from_db()
    assert order.state == OrderState.UNKNOWN

    pay_env.wechatpay.state.stall_seconds = 0
    tasks.sweep()
    order.refresh_from_db()
    assert order.state == OrderState.CLOSED


def test_overdue_bill_is_closed_after_its_orders_are_closed_at_the_provider(
    pay_env, payer, make_bill, client_for
):
    from payments.models import Bill

    bill = make_bill(payer, 2500)
    order = order_of(pay(client_for(payer), bill, "wechat_native"))
    Bill.objects.filter(pk=bill.pk).update(due_at=timezone.now() - timedelta(seconds=1))

    tasks.sweep()

    bill.refresh_from_db()
    order.refresh_from_db()
    assert (bill.state, order.state) == (BillState.CLOSED, OrderState.CLOSED)
    assert pay_env.wechatpay.state.orders[order.out_trade_no]["trade_state"] == "CLOSED"


def test_sandbox_provider_of_the_embedded_default_pays_at_once(
    make_resident, make_bill, client_for, settings, django_capture_on_commit_callbacks
):
    settings.PAYMENT_PROVIDER = "sandbox"
    settings.PAYMENT_QUERY_DELAY_SECONDS = 0
    resident = make_resident()
    bill = make_bill(resident, 300)

    with django_capture_on_commit_callbacks(execute=True):
        response = pay(client_for(resident), bill, "sandbox")

    assert response.status_code == 201 and response.json()["sandbox_trade_no"].startswith("SBX")
    bill.refresh_from_db()
    assert bill.state == BillState.PAID
