"""No float anywhere on the money path: yuan strings are parsed with Decimal, fen are ints."""

from __future__ import annotations

import pytest

from payments.providers.base import fen_to_yuan, yuan_to_fen
from payments.services import BillItemSpec, bill_create
from tests.payments.helpers import order_of, pay

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "yuan,fen", [("0.1", 10), ("0.2", 20), ("0.30", 30), ("88.88", 8888), ("100000000", 10_000_000_000)]
)
def test_yuan_strings_convert_exactly(yuan, fen):
    assert yuan_to_fen(yuan) == fen
    assert fen_to_yuan(fen) == f"{fen // 100}.{fen % 100:02d}"


@pytest.mark.parametrize("bad", ["0.001", "abc", "", "NaN", "Infinity", "1e400"])
def test_amounts_that_are_not_whole_fen_are_refused(bad):
    with pytest.raises(ValueError):
        yuan_to_fen(bad)


def test_fen_to_yuan_refuses_floats():
    with pytest.raises(TypeError):
        fen_to_yuan(0.3)  # type: ignore[arg-type]


def test_point_one_plus_point_two_yuan_is_thirty_fen_end_to_end(pay_env, payer, client_for):
    """0.1 + 0.2 is 0.30000000000000004 in float; on our path it is 30 fen, "0.30" at Alipay."""
    items = [
        BillItemSpec(code="A", name="甲", amount_fen=yuan_to_fen("0.1")),
        BillItemSpec(code="B", name="乙", amount_fen=yuan_to_fen("0.2")),
    ]
    bill = bill_create(
        payer=payer, items=items, source_type="t", source_id="float", department_code="D", description="x"
    )
    assert bill.total_fen == 30

    order = order_of(pay(client_for(payer), bill, "alipay_mini"))
    trade = pay_env.alipay.state["trades"][order.out_trade_no]
    assert trade["total_amount"] == "0.30"
    pay_env.alipay.pay(order.out_trade_no)  # the notification says total_amount=0.30

    bill.refresh_from_db()
    assert (bill.state, bill.paid_fen) == ("paid", 30)
    receipt = client_for(payer).get(f"/api/v1/bills/{bill.pk}/receipt").json()
    assert receipt["amount_fen"] == 30 and isinstance(receipt["amount_fen"], int)


def test_bill_items_must_be_integer_fen(payer):
    from payments.errors import BillInvalid

    with pytest.raises(BillInvalid):
        bill_create(
            payer=payer,
            items=[BillItemSpec("A", "甲", 0.3)],
            source_type="t",
            source_id="f",
            department_code="D",
            description="x",
        )  # type: ignore[arg-type]
