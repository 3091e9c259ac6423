"""The finance API: role checks, uploads, case actions, reports and exports read back."""

from __future__ import annotations

import csv
import dataclasses
import io
import uuid
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook
from PIL import Image

from backend.core.models import AuditLog
from mobile_mock.bills import alipay_bill_bytes
from payments.models import LedgerEntry, Refund
from payments.reconciliation import services
from payments.reconciliation.models import CaseAction, DifferenceCase, ReconciliationRun

pytestmark = pytest.mark.django_db

CASE = "00000000-0000-0000-0000-000000000001"
ENDPOINTS = [
    ("get", "/api/v1/finance/reconciliation/runs"),
    ("get", f"/api/v1/finance/reconciliation/runs/{CASE}"),
    ("post", "/api/v1/finance/reconciliation/runs/reconcile"),
    ("post", "/api/v1/finance/reconciliation/bills"),
    ("get", "/api/v1/finance/reconciliation/cases"),
    ("get", f"/api/v1/finance/reconciliation/cases/{CASE}"),
    ("post", f"/api/v1/finance/reconciliation/cases/{CASE}/requery"),
    ("post", f"/api/v1/finance/reconciliation/cases/{CASE}/refund"),
    ("post", f"/api/v1/finance/reconciliation/cases/{CASE}/write-off"),
    ("get", "/api/v1/finance/reports/summary?date_from=2026-11-01&date_to=2026-11-30"),
    ("get", "/api/v1/finance/reports/export?date_from=2026-11-01&date_to=2026-11-30"),
    ("get", "/api/v1/finance/reports/chart?date_from=2026-11-01&date_to=2026-11-30"),
]


@pytest.mark.parametrize(("method", "url"), ENDPOINTS, ids=[f"{m} {u.split('?')[0]}" for m, u in ENDPOINTS])
def test_only_finance_staff_reach_finance_endpoints(
    method: str, url: str, api: Any, client_for: Any, make_resident: Any, make_staff: Any
) -> None:
    assert getattr(api, method)(url).status_code == 401
    resident = getattr(client_for(make_resident()), method)(url)
    assert resident.status_code == 403 and resident.json()["code"] == "permission_denied"
    assert getattr(client_for(make_staff("clerk")), method)(url).status_code == 403
    finance = getattr(client_for(make_staff("finance")), method)(url)
    assert finance.status_code not in (401, 403)


def test_a_resident_cannot_write_off_a_case(recon_env: Any, client_for: Any, make_resident: Any) -> None:
    order = recon_env.paid_order()
    rows = [dataclasses.replace(r, amount_fen=1) for r in recon_env.wechat_rows()]
    services.reconciliation_run(bill_file=recon_env.wechat_file(rows))
    case = DifferenceCase.objects.get(reference=order.out_trade_no)

    response = client_for(make_resident()).post(
        f"/api/v1/finance/reconciliation/cases/{case.pk}/write-off", {"note": "x"}, format="json"
    )

    assert response.status_code == 403
    case.refresh_from_db()
    assert case.state == "open" and not case.actions.exclude(action="opened").exists()


def test_upload_reconciles_and_a_malformed_upload_names_its_line(
    recon_env: Any, client_for: Any, make_staff: Any
) -> None:
    recon_env.paid_order("alipay_mini", 8800)
    finance = client_for(make_staff("finance"))
    data = alipay_bill_bytes(
        recon_env.alipay_rows(),
        account=f"{recon_env.alipay.seller_id}0156",
        bill_date=recon_env.today.isoformat(),
    )

    response = finance.post(
        "/api/v1/finance/reconciliation/bills",
        {
            "provider": "alipay",
            "bill_date": recon_env.today.isoformat(),
            "file": SimpleUploadedFile("b.zip", data),
        },
        format="multipart",
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["state"] == "succeeded" and body["counts"] == {"matched": {"count": 1, "amount_fen": 8800}}
    run = ReconciliationRun.objects.get(pk=body["id"])
    assert run.bill_file.source == "uploaded" and run.bill_file.uploaded_by is not None
    assert AuditLog.objects.filter(
        action="reconciliation.bill_file.store", object_id=str(run.bill_file_id)
    ).exists()

    broken = b"PK\x03\x04" + b"\x00" * 40
    response = finance.post(
        "/api/v1/finance/reconciliation/bills",
        {
            "provider": "alipay",
            "bill_date": recon_env.today.isoformat(),
            "file": SimpleUploadedFile("b.zip", broken),
        },
        format="multipart",
    )
    assert response.status_code == 422 and response.json()["code"] == "reconciliation_failed"


def test_rerun_through_the_api_and_case_actions(recon_env: Any, client_for: Any, make_staff: Any) -> None:
    staff = make_staff("finance")
    finance = client_for(staff)
    overcharged = recon_env.paid_order()
    unknown_rows = recon_env.wechat_rows()
    extra = dataclasses.replace(unknown_rows[0], out_trade_no="PUNKNOWN0002", transaction_id="4288")
    bill_file = recon_env.wechat_file(
        [dataclasses.replace(unknown_rows[0], amount_fen=unknown_rows[0].amount_fen + 100), extra]
    )
    first = services.reconciliation_run(bill_file=bill_file)
    cases = {c.reference: c for c in DifferenceCase.objects.all()}
    assert {c.category for c in cases.values()} == {"amount_mismatch", "provider_only"}

    # Write off the unknown one (a note is required).
    url = f"/api/v1/finance/reconciliation/cases/{cases['PUNKNOWN0002'].pk}/write-off"
    assert finance.post(url, {}, format="json").status_code == 400
    response = finance.post(url, {"note": "测试交易"}, format="json")
    assert response.status_code == 200 and response.json()["resolution"] == "written_off"
    assert finance.post(url, {"note": "again"}, format="json").json()["code"] == "case_not_open"

    # Requery of the unknown order is not possible; a refund of the overcharged one is.
    requery = finance.post(f"/api/v1/finance/reconciliation/cases/{cases['PUNKNOWN0002'].pk}/requery")
    assert requery.status_code == 409
    refund_url = f"/api/v1/finance/reconciliation/cases/{cases[overcharged.out_trade_no].pk}/refund"
    assert finance.post(refund_url, {"amount_fen": 100, "note": "多收"}, format="json").status_code == 400
    key = str(uuid.uuid4())
    response = finance.post(
        refund_url, {"amount_fen": 100, "note": "多收"}, format="json", HTTP_IDEMPOTENCY_KEY=key
    )
    assert response.status_code == 200, response.content
    assert response.json()["resolution"] == "refunded"
    replay = finance.post(
        refund_url, {"amount_fen": 100, "note": "多收"}, format="json", HTTP_IDEMPOTENCY_KEY=key
    )
    assert replay.status_code == 200 and replay.headers["Idempotent-Replayed"] == "true"
    assert Refund.objects.filter(order=overcharged, amount_fen=100, state="succeeded").count() == 1
    assert AuditLog.objects.filter(action="reconciliation.case.refund").count() == 1

    # Re-run through the API: a new run, decisions kept.
    response = finance.post(
        "/api/v1/finance/reconciliation/runs/reconcile",
        {
            "provider": "wechatpay",
            "bill_date": recon_env.today.isoformat(),
            "bill_file_id": str(bill_file.pk),
        },
        format="json",
    )
    assert response.status_code == 201 and response.json()["id"] != str(first.pk)
    states = {c.reference: (c.category, c.state, c.resolution) for c in DifferenceCase.objects.all()}
    refund = Refund.objects.get(order=overcharged)
    assert states == {
        "PUNKNOWN0002": ("provider_only", "resolved", "written_off"),
        overcharged.out_trade_no: ("amount_mismatch", "resolved", "refunded"),
        # The refund just made is not in that (older) bill: a new difference of its own.
        refund.out_refund_no: ("local_only", "open", ""),
    }
    detail = finance.get(f"/api/v1/finance/reconciliation/cases/{cases['PUNKNOWN0002'].pk}").json()
    assert [a["action"] for a in detail["actions"]] == ["opened", "write_off"]
    listing = finance.get("/api/v1/finance/reconciliation/cases?state=resolved").json()
    assert listing["count"] == 2
    runs = finance.get("/api/v1/finance/reconciliation/runs?provider=wechatpay").json()
    assert runs["count"] == 2


def test_requery_recovers_a_refund_we_thought_pending(
    recon_env: Any, client_for: Any, make_staff: Any
) -> None:
    from payments.services import refund_create

    staff = make_staff("finance")
    order = recon_env.paid_order(amount_fen=30000)
    recon_env.wechatpay.state.refund_mode = "async"
    recon_env.wechatpay.state.refund_auto_complete = False
    refund = refund_create(bill=order.bill, amount_fen=10000, reason="退", staff=staff)
    assert refund.state == "pending"
    with recon_env.wechatpay.state.lock:  # the provider finished it, its notification got lost
        record = recon_env.wechatpay.state.refunds[refund.out_refund_no]
        record["status"], record["success_time"] = "SUCCESS", record["create_time"]
    services.reconciliation_run(bill_file=recon_env.wechat_file())
    case = DifferenceCase.objects.get(reference=refund.out_refund_no)
    assert case.category == "status_mismatch"

    response = client_for(staff).post(f"/api/v1/finance/reconciliation/cases/{case.pk}/requery")

    assert response.status_code == 200 and response.json()["resolution"] == "recovered"
    refund.refresh_from_db()
    assert refund.state == "succeeded"
    assert LedgerEntry.objects.filter(refund=refund).count() == 1
    assert CaseAction.objects.filter(case=case, action="requery", actor=staff).exists()


def test_reports_and_exports_match_the_ledger(recon_env: Any, client_for: Any, make_staff: Any) -> None:
    from payments.services import refund_create

    staff = make_staff("finance")
    finance = client_for(staff)
    a = recon_env.paid_order(amount_fen=12000)
    recon_env.paid_order("alipay_mini", amount_fen=8800)
    refund_create(bill=a.bill, amount_fen=5000, reason="退", staff=staff)
    services.reconciliation_run(bill_file=recon_env.wechat_file())
    services.reconciliation_run(bill_file=recon_env.alipay_file())
    day = recon_env.today.isoformat()
    ledger_total = sum(LedgerEntry.objects.values_list("amount_fen", flat=True))
    assert ledger_total == 12000 + 8800 - 5000

    by_department = finance.get(f"/api/v1/finance/reports/summary?date_from={day}&date_to={day}").json()
    # Fees: 0.6 % rounded per movement: 72 + 53 − 30 (given back with the refund).
    assert by_department == [
        {
            "period": day,
            "key": "GA01",
            "received_fen": 20800,
            "refunded_fen": 5000,
            "fee_fen": 95,
            "net_fen": 15705,
        }
    ]
    by_item = finance.get(
        f"/api/v1/finance/reports/summary?date_from={day}&date_to={day}&group_by=fee_item&period=month"
    ).json()
    assert {r["key"]: r["received_fen"] for r in by_item} == {"GA-0101": 16800, "GA-0102": 4000}
    assert sum(r["refunded_fen"] for r in by_item) == 5000 and sum(r["fee_fen"] for r in by_item) == 95
    by_channel = finance.get(
        f"/api/v1/finance/reports/summary?date_from={day}&date_to={day}&group_by=channel"
    ).json()
    assert {r["key"]: r["net_fen"] for r in by_channel} == {
        "alipay_mini": 8800 - 53,
        "wechat_jsapi": 7000 - 42,
    }

    response = finance.get(f"/api/v1/finance/reports/export?date_from={day}&date_to={day}")
    assert response.status_code == 200 and response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == LedgerEntry.objects.count() == 3
    assert sum(int(r["amount_fen"]) for r in rows) == ledger_total
    assert {r["kind"] for r in rows} == {"payment", "refund"}

    response = finance.get(f"/api/v1/finance/reports/export?date_from={day}&date_to={day}&format=xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    sheet = list(workbook["ledger"].iter_rows(values_only=True))
    header, body = sheet[0], sheet[1:]
    assert header[6] == "amount_fen" and len(body) == 3
    assert sum(r[6] for r in body) == ledger_total
    assert sorted(r[1] for r in body) == sorted(rr["bill_number"] for rr in rows)

    response = finance.get(f"/api/v1/finance/reports/chart?date_from={day}&date_to={day}")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(response.content)).size == (900, 420)


def test_admin_pages_for_runs_cases_and_chart(recon_env: Any, make_staff: Any, settings: Any) -> None:
    from django.test import Client

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }

    recon_env.paid_order()
    services.reconciliation_run(bill_file=recon_env.wechat_file([]))  # the payment is local_only
    admin_user = make_staff("finance")
    admin_user.is_superuser = True
    admin_user.save(update_fields=["is_superuser"])
    client = Client()
    client.force_login(admin_user)
    from django_otp import DEVICE_ID_SESSION_KEY

    session = client.session
    session[DEVICE_ID_SESSION_KEY] = admin_user.totpdevice_set.get().persistent_id
    session.save()

    for url in (
        "/admin/reconciliation/reconciliationrun/",
        "/admin/reconciliation/differencecase/",
        "/admin/reconciliation/reconciliationrun/chart/",
        f"/admin/reconciliation/differencecase/{DifferenceCase.objects.get().pk}/change/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    assert b"data:image/png;base64," in client.get("/admin/reconciliation/reconciliationrun/chart/").content
