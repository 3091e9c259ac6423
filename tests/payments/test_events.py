"""Upward events (interface 3) and notifications: after commit, retried, never in the callback."""

from __future__ import annotations

import pytest

from payments import tasks
from payments.models import BillEventOutbox
from payments.registry import register_bill_source, unregister_bill_source
from payments.services import BillItemSpec, bill_create
from tests.payments.helpers import order_of, pay

pytestmark = pytest.mark.django_db


@pytest.fixture
def source():
    calls: list[tuple[str, str]] = []
    failures = {"left": 0}

    def on_paid(bill):
        if failures["left"]:
            failures["left"] -= 1
            raise RuntimeError("domain busy")
        calls.append(("paid", bill.state))

    def on_refunded(bill):
        calls.append(("refunded", bill.state))

    register_bill_source("test_fee", on_paid=on_paid, on_refunded=on_refunded)
    yield calls, failures
    unregister_bill_source("test_fee")


def test_bill_create_is_idempotent_per_source_while_unpaid(payer):
    items = [BillItemSpec(code="A", name="甲", amount_fen=100)]
    a = bill_create(
        payer=payer, items=items, source_type="app", source_id="1", department_code="D", description="x"
    )
    b = bill_create(
        payer=payer, items=items, source_type="app", source_id="1", department_code="D", description="x"
    )
    assert a.pk == b.pk


def test_on_paid_runs_after_commit_and_is_retried_until_it_succeeds(
    pay_env, payer, make_bill, client_for, source, django_capture_on_commit_callbacks
):
    calls, failures = source
    failures["left"] = 1
    bill = make_bill(payer, 100)
    order = order_of(pay(client_for(payer), bill, "wechat_native"))

    with django_capture_on_commit_callbacks(execute=False) as scheduled:
        pay_env.wechatpay.pay(order.out_trade_no)
    assert calls == []  # nothing upward before commit
    event = BillEventOutbox.objects.get(bill=bill)
    for callback in scheduled:
        callback()  # the first delivery fails (the handler raised)
    event.refresh_from_db()
    assert event.delivered_at is None and "domain busy" in event.last_error

    BillEventOutbox.objects.filter(pk=event.pk).update(created_at=event.created_at.replace(year=2020))
    tasks.sweep()

    event.refresh_from_db()
    assert event.delivered_at is not None
    assert calls == [("paid", "paid")]


def test_payment_and_refund_notifications_are_outbox_rows_written_with_the_state(
    pay_env, payer, make_bill, client_for, make_staff, django_capture_on_commit_callbacks
):
    from notifications.models import Message

    bill = make_bill(payer, 100)
    order = order_of(pay(client_for(payer), bill, "wechat_native"))
    with django_capture_on_commit_callbacks(execute=False):
        pay_env.wechatpay.pay(order.out_trade_no, mode="duplicate")
    messages = Message.objects.filter(recipient=payer, event="payment.succeeded")
    assert messages.count() >= 1
    assert {m.dedupe_key for m in messages} == {f"payment.succeeded:{order.pk}"}

    client_for(make_staff("finance")).post(
        f"/api/v1/finance/bills/{bill.pk}/refunds",
        {"amount_fen": 100, "reason": "r"},
        format="json",
        HTTP_IDEMPOTENCY_KEY="k",
    )
    assert Message.objects.filter(recipient=payer, event="refund.succeeded").exists()


def test_a_slow_notification_channel_does_not_slow_the_callback_reply(
    pay_env, payer, make_bill, client_for, django_capture_on_commit_callbacks
):
    """The callback commits state, ledger and outbox rows and answers; delivery (however slow
    a channel is) is only scheduled for after commit, never run inside the callback."""
    from notifications.models import Message

    bill = make_bill(payer, 100)
    order = order_of(pay(client_for(payer), bill, "wechat_native"))
    with django_capture_on_commit_callbacks(execute=False) as scheduled:
        pay_env.wechatpay.pay(order.out_trade_no)

    assert pay_env.wechatpay.state.deliveries[-1]["result"][0] == 204  # answered already
    rows = Message.objects.filter(recipient=payer, event="payment.succeeded")
    assert rows.exists()
    # The in-app inbox row is written as delivered; every external channel is still pending.
    assert set(rows.exclude(channel="inbox").values_list("state", flat=True)) <= {"pending"}
    assert scheduled  # delivery and the upward event wait for commit
