"""A verified callback runs a fixed, small number of SQL statements (issue 5: callbacks per second).

State, ledger, callback record, audit and outbox rows, nothing else: the notification's routes
and templates come from the process's snapshot, the stream id from one upsert, the messages
from one bulk insert. Measured in a warm process (provider instances built, rules loaded), as
in a server that has answered before. A change that adds a statement must raise the bound on
purpose.
"""

from __future__ import annotations

from typing import Any

import pytest

from notifications import routing
from notifications.models import Message
from payments.constants import BillState
from payments.models import CallbackRecord, LedgerEntry
from payments.providers.registry import provider_for
from tests.factories.payments import client_sender
from tests.payments.helpers import order_of, pay

pytestmark = pytest.mark.django_db

WECHAT_URL = "http://testserver/api/v1/payments/callbacks/wechatpay"
ALIPAY_URL = "http://testserver/api/v1/payments/callbacks/alipay"

# order lookup; lock bill (+payer), lock order; order, ledger, bill, bill-event outbox; stream
# cursor upsert, stream entry, messages bulk insert; audit; callback record; plus the
# transaction's begin and commit (a savepoint and its release here, inside the test's
# transaction).
APPLIED_MAX = 14
# order lookup; lock bill, lock order (already paid: nothing to write); callback record; the
# savepoint and its release.
DUPLICATE_MAX = 6


def _signed_notification(pay_env: Any, channel: str, out_trade_no: str) -> tuple[str, dict[str, str], bytes]:
    if channel == "wechat_jsapi":
        transaction = pay_env.wechatpay.pay(out_trade_no, mode="never")
        headers, body = pay_env.wechatpay.build_notification(transaction)
        return WECHAT_URL, headers, body
    pay_env.alipay.pay(out_trade_no, mode="never")
    trade = pay_env.alipay.state["trades"][out_trade_no]
    body = pay_env.alipay.build_notification(pay_env.alipay.notification_fields(trade))
    return ALIPAY_URL, {"Content-Type": "application/x-www-form-urlencoded"}, body


@pytest.mark.parametrize("channel", ["wechat_jsapi", "alipay_mini"], ids=["wechatpay", "alipay"])
def test_one_verified_callback_runs_a_fixed_small_number_of_statements(
    pay_env, payer, make_bill, client_for, channel, django_assert_max_num_queries
):
    # given an open order and a warm process (provider built, routing rules loaded)
    bill = make_bill(payer, 12000)
    order = order_of(pay(client_for(payer), bill, channel))
    url, headers, body = _signed_notification(pay_env, channel, order.out_trade_no)
    provider_for(order.provider)
    routing.rules()

    # when the provider's notification arrives, then it applies within the bound
    with django_assert_max_num_queries(APPLIED_MAX):
        status, _reply = client_sender(url, headers, body)
    assert status in (200, 204)
    bill.refresh_from_db()
    assert bill.state == BillState.PAID
    assert LedgerEntry.objects.filter(bill=bill).count() == 1
    # the resident has a phone: the inbox row and the SMS row, in one bulk insert
    channels = set(
        Message.objects.filter(recipient=payer, event="payment.succeeded").values_list("channel", flat=True)
    )
    assert channels == {"inbox", "sms"}

    # and a repeat of it is acknowledged with fewer still
    with django_assert_max_num_queries(DUPLICATE_MAX):
        status, _reply = client_sender(url, headers, body)
    assert status in (200, 204)
    verdicts = CallbackRecord.objects.filter(out_trade_no=order.out_trade_no).order_by("id")
    assert list(verdicts.values_list("verdict", flat=True)) == ["applied", "duplicate"]
