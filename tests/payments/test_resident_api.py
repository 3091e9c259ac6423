"""Resident APIs (my bills, detail, receipt, history), payment notices, finance reads."""

from __future__ import annotations

import pytest

from backend.core.models import AuditLog
from payments.models import Bill
from tests.payments.helpers import order_of, pay

pytestmark = pytest.mark.django_db


def test_my_bills_detail_receipt_and_history(pay_env, payer, make_resident, make_bill, client_for):
    bill = make_bill(payer, 6000, 600)
    other = make_bill(make_resident(), 100)
    api = client_for(payer)
    order = order_of(pay(api, bill, "wechat_jsapi"))
    assert api.get(f"/api/v1/bills/{bill.pk}/receipt").json()["code"] == "receipt_not_available"
    pay_env.wechatpay.pay(order.out_trade_no)

    listed = api.get("/api/v1/bills").json()
    detail = api.get(f"/api/v1/bills/{bill.pk}").json()
    receipt = api.get(f"/api/v1/bills/{bill.pk}/receipt").json()
    history = api.get("/api/v1/payments/history").json()

    assert [b["id"] for b in listed["results"]] == [str(bill.pk)]
    assert api.get("/api/v1/bills?state=unpaid").json()["results"] == []
    assert detail["state"] == "paid" and detail["total_fen"] == 6600 and len(detail["items"]) == 2
    assert [o["state"] for o in detail["orders"]] == ["paid"]
    assert receipt["amount_fen"] == 6600 and receipt["receipt_number"].startswith("R")
    assert receipt["verification_qr"].startswith("data:image/png;base64,")
    assert [(h["kind"], h["amount_fen"]) for h in history["results"]] == [("payment", 6600)]
    for path in (f"/api/v1/bills/{other.pk}", f"/api/v1/bills/{other.pk}/receipt"):
        assert api.get(path).status_code == 404

    verify = client_for(make_resident()).get(receipt["verification_url"].split("testserver", 1)[1]).json()
    assert verify["valid"] is True and verify["amount_fen"] == 6600
    wrong = client_for(payer).get(f"/api/v1/receipts/verify?number={receipt['receipt_number']}&code=00000000")
    assert wrong.status_code == 404


def test_payment_notice_issued_by_finance_is_found_by_number_and_name_and_paid(
    pay_env, payer, make_resident, client_for, make_staff
):
    finance = client_for(make_staff("finance"))
    issued = finance.post(
        "/api/v1/finance/notices",
        {
            "payer_name": "张三",
            "department_code": "JT01",
            "description": "交通违法罚款",
            "items": [{"code": "JT-FK-01", "name": "罚款", "amount_fen": 20000}],
        },
        format="json",
    )
    assert issued.status_code == 201
    number = issued.json()["notice_number"]
    assert len(issued.json()["check_code"]) == 6
    api = client_for(payer)

    assert (
        api.post(
            "/api/v1/bills/notices/lookup", {"notice_number": number, "payer_name": "李四"}, format="json"
        ).status_code
        == 404
    )
    found = api.post(
        "/api/v1/bills/notices/lookup", {"notice_number": number, "payer_name": "张三"}, format="json"
    )
    assert found.status_code == 200 and found.json()["total_fen"] == 20000
    intruder = client_for(make_resident())
    assert (
        intruder.post(
            "/api/v1/bills/notices/lookup", {"notice_number": number, "payer_name": "张三"}, format="json"
        ).status_code
        == 404
    )

    bill = Bill.objects.get(notice_number=number)
    order = order_of(pay(api, bill, "alipay_mini"))
    pay_env.alipay.pay(order.out_trade_no)
    bill.refresh_from_db()
    assert bill.state == "paid" and bill.payer_id == payer.pk
    assert "张三" not in str(Bill.objects.filter(pk=bill.pk).values_list("payer_name", flat=True).query)


def test_notices_and_finance_reads_need_the_finance_role(payer, client_for, make_staff, make_bill):
    bill = make_bill(payer, 100)
    body = {
        "payer_name": "x",
        "department_code": "D",
        "description": "d",
        "items": [{"code": "c", "name": "n", "amount_fen": 1}],
    }
    assert client_for(payer).post("/api/v1/finance/notices", body, format="json").status_code == 403
    assert client_for(make_staff("clerk")).get(f"/api/v1/finance/bills/{bill.pk}").status_code == 403

    staff = make_staff("finance")
    response = client_for(staff).get(f"/api/v1/finance/bills/{bill.pk}")

    assert response.status_code == 200 and response.json()["ledger_balance_fen"] == 0
    assert AuditLog.objects.filter(action="bill.read", actor=staff, object_id=str(bill.pk)).exists()


def test_account_merge_moves_bills_and_orders(pay_env, payer, make_resident, make_bill, client_for):
    from backend.accounts.merge import account_merge, merge_survivor

    other = make_resident()
    bill = make_bill(other, 100)
    order_of(pay(client_for(other), bill, "wechat_native"))
    keep, absorb = merge_survivor(payer, other)

    account_merge(keep=keep, absorb=absorb, reason="phone bound")

    bill.refresh_from_db()
    assert bill.payer_id == keep.pk
    assert bill.orders.get().payer_id == keep.pk
