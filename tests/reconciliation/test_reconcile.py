"""Matching a crafted day: every difference category, totals that do not add up, re-runs.

These run on SQLite (the Python path) and on PostgreSQL (COPY + SQL); `postgres`-marked ones
compare the two paths on the same database.
"""

from __future__ import annotations

import dataclasses
import gzip
import io
from decimal import Decimal
from typing import Any

import pytest

from backend.core.models import AuditLog
from mobile_mock.bills import BillRow, wechat_bill_bytes
from payments.models import Bill, LedgerEntry
from payments.reconciliation import services
from payments.reconciliation.constants import CaseResolution, CaseState, RunState
from payments.reconciliation.errors import ReconciliationFailed
from payments.reconciliation.models import CaseAction, DailyFee, DifferenceCase, ReconciliationRun

pytestmark = pytest.mark.django_db


def _crafted_day(env: Any, make_staff: Any) -> dict[str, Any]:
    """A day with one of each: matched, amount_mismatch, local_only, provider_only (lost callback
    of a known order, and an unknown order), status_mismatch (refund we still think pending)."""
    from payments.services import refund_create

    matched = env.paid_order()
    amount_off = env.paid_order()
    missing_in_bill = env.paid_order()
    lost_callback = env.paid_order(mode="never")
    refunded = env.paid_order(amount_fen=30000)
    env.wechatpay.state.refund_mode = "async"
    env.wechatpay.state.refund_auto_complete = False
    pending_refund = refund_create(
        bill=refunded.bill, amount_fen=10000, reason="多收退还", staff=make_staff("finance")
    )
    assert lost_callback.state == "created" and pending_refund.state == "pending"

    rows = []
    for row in env.wechat_rows():
        if row.out_trade_no == missing_in_bill.out_trade_no:
            continue
        if row.out_trade_no == amount_off.out_trade_no:
            row = dataclasses.replace(row, amount_fen=row.amount_fen - 100)
        rows.append(row)
    first = rows[0]
    rows.append(dataclasses.replace(first, out_trade_no="PUNKNOWN0001", transaction_id="4299999999"))
    rows.append(
        BillRow(
            "refund",
            first.at,
            refunded.transaction_id,
            refunded.out_trade_no,
            10000,
            "护照办理费,加急",
            out_refund_no=pending_refund.out_refund_no,
            refund_id="50000000000001",
            fee_fen=60,
        )
    )
    return {
        "rows": rows,
        "matched": matched,
        "amount_off": amount_off,
        "missing": missing_in_bill,
        "lost": lost_callback,
        "refunded": refunded,
        "pending_refund": pending_refund,
    }


def _categories(run: ReconciliationRun) -> dict[str, int]:
    return {k: v["count"] for k, v in run.counts.items()}


def test_each_difference_category_from_a_crafted_day_and_lost_callback_recovered(
    recon_env: Any, make_staff: Any
) -> None:
    day = _crafted_day(recon_env, make_staff)
    bill_file = recon_env.wechat_file(day["rows"])

    run = services.reconciliation_run(bill_file=bill_file)

    assert run.state == RunState.SUCCEEDED
    assert _categories(run) == {
        "matched": 2,  # the matched payment and the refunded order's payment
        "amount_mismatch": 1,
        "provider_only": 2,
        "status_mismatch": 1,
        "local_only": 1,
    }
    cases = {c.reference: c for c in DifferenceCase.objects.all()}
    assert cases[day["amount_off"].out_trade_no].category == "amount_mismatch"
    assert cases[day["amount_off"].out_trade_no].provider_amount_fen == 11900
    assert cases[day["amount_off"].out_trade_no].local_amount_fen == 12000
    assert cases[day["missing"].out_trade_no].category == "local_only"
    assert cases["PUNKNOWN0001"].category == "provider_only" and cases["PUNKNOWN0001"].order_id is None
    assert cases[day["pending_refund"].out_refund_no].category == "status_mismatch"
    assert cases[day["pending_refund"].out_refund_no].local_state == "pending"
    # The lost callback: found as provider_only, recovered through payments, the bill paid once.
    lost = cases[day["lost"].out_trade_no]
    assert lost.category == "provider_only"
    assert lost.state == CaseState.RESOLVED and lost.resolution == CaseResolution.RECOVERED
    bill = Bill.objects.get(pk=day["lost"].bill_id)
    assert bill.state == "paid" and bill.paid_fen == 12000
    assert LedgerEntry.objects.filter(order=day["lost"], kind="payment").count() == 1
    assert CaseAction.objects.filter(case=lost, action="auto_recover").count() == 1
    assert AuditLog.objects.filter(action="reconciliation.case.auto_recover", object_id=str(lost.pk)).exists()
    # The others stay open for finance staff.
    assert cases["PUNKNOWN0001"].state == CaseState.OPEN
    assert run.line_count == len(day["rows"])
    assert DailyFee.objects.filter(run=run).exists()

    # Re-running the same day: results recomputed, decisions kept, the bill still paid once.
    services.case_write_off(case_id=cases["PUNKNOWN0001"].pk, staff=make_staff("finance"), note="测试交易")
    rerun = services.reconciliation_run(bill_file=recon_env.wechat_file(day["rows"], gzipped=False))

    assert _categories(rerun) == {
        "matched": 3,  # the recovered payment now matches
        "amount_mismatch": 1,
        "provider_only": 1,
        "status_mismatch": 1,
        "local_only": 1,
    }
    again = {c.reference: c for c in DifferenceCase.objects.all()}
    assert len(again) == len(cases)
    assert again["PUNKNOWN0001"].state == CaseState.RESOLVED
    assert again["PUNKNOWN0001"].resolution == CaseResolution.WRITTEN_OFF
    assert again["PUNKNOWN0001"].note == "测试交易" and again["PUNKNOWN0001"].last_run_id == rerun.pk
    assert again[day["lost"].out_trade_no].resolution == CaseResolution.RECOVERED
    assert LedgerEntry.objects.filter(order=day["lost"], kind="payment").count() == 1
    assert Bill.objects.get(pk=day["lost"].bill_id).paid_fen == 12000
    # Only the latest run of the day counts in the reports.
    assert not DailyFee.objects.filter(run=run).exists()
    assert DailyFee.objects.filter(run=rerun).exists() and rerun.line_count == len(day["rows"])


def test_a_case_that_no_longer_differs_is_cleared_and_reopened(recon_env: Any) -> None:
    order = recon_env.paid_order()
    rows = recon_env.wechat_rows()
    wrong = [dataclasses.replace(rows[0], amount_fen=1)]
    services.reconciliation_run(bill_file=recon_env.wechat_file(wrong))
    case = DifferenceCase.objects.get(reference=order.out_trade_no)
    assert case.state == CaseState.OPEN and case.category == "amount_mismatch"

    services.reconciliation_run(bill_file=recon_env.wechat_file(rows))
    case.refresh_from_db()
    assert case.state == CaseState.CLEARED

    services.reconciliation_run(bill_file=recon_env.wechat_file(wrong, gzipped=False))
    case.refresh_from_db()
    assert case.state == CaseState.OPEN
    assert list(case.actions.values_list("action", flat=True)) == ["opened", "cleared", "reopened"]


def test_totals_that_do_not_match_the_summary_fail_the_run_loudly(recon_env: Any) -> None:
    recon_env.paid_order()
    bill_file = recon_env.wechat_file(summary={"应结订单总金额": "999.00"})

    with pytest.raises(ReconciliationFailed) as caught:
        services.reconciliation_run(bill_file=bill_file)

    run = ReconciliationRun.objects.get()
    assert run.state == RunState.FAILED and "settle_sum" in run.failure
    assert caught.value.extra["run_id"] == str(run.pk)
    assert not DailyFee.objects.exists() and not DifferenceCase.objects.exists()
    assert AuditLog.objects.filter(action="reconciliation.run.failed", object_id=str(run.pk)).exists()


def test_fee_total_that_does_not_match_fails(recon_env: Any) -> None:
    recon_env.paid_order()
    with pytest.raises(ReconciliationFailed):
        services.reconciliation_run(bill_file=recon_env.wechat_file(summary={"手续费总金额": "0.00001"}))
    assert ReconciliationRun.objects.get().state == RunState.FAILED


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (lambda line: line.replace("`120.00", "`12O.00", 1), "12O.00"),  # a letter O
        (lambda line: ",".join(line.split(",")[:20]), "expected 27 fields, found 20"),
        (lambda line: line.replace("`120.00", "`120.001", 1), "120.001"),  # three decimals
        (lambda line: line.replace(",`SUCCESS,", ",`CLOSED,", 1), "CLOSED"),  # not a bill state
    ],
    ids=["bad-amount", "missing-fields", "three-decimals", "unknown-state"],
)
def test_a_malformed_row_fails_the_run_with_its_line_number(
    recon_env: Any, breakage: Any, message: str
) -> None:
    recon_env.paid_order()
    recon_env.paid_order()
    keys = recon_env.wechatpay.keys
    text = wechat_bill_bytes(recon_env.wechat_rows(), appid=keys.appid, mchid=keys.mchid).decode()
    lines = text.split("\r\n")
    lines[2] = breakage(lines[2])  # line 3
    data = gzip.compress("\r\n".join(lines).encode())
    bill_file = services.bill_file_store(
        provider="wechatpay", bill_date=recon_env.today, stream=io.BytesIO(data), source="uploaded"
    )

    with pytest.raises(ReconciliationFailed) as caught:
        services.reconciliation_run(bill_file=bill_file)

    assert [e["line"] for e in caught.value.extra["lines"]] == [3]
    run = ReconciliationRun.objects.get()
    assert run.state == RunState.FAILED and run.errors[0]["line"] == 3
    assert message in run.errors[0]["message"]
    assert not DailyFee.objects.exists() and not DifferenceCase.objects.exists()


def test_alipay_day_matches_including_refunds(recon_env: Any, make_staff: Any) -> None:
    from payments.services import refund_create

    paid = recon_env.paid_order("alipay_mini", 8800)
    refunded = recon_env.paid_order("alipay_mini", 5000)
    refund = refund_create(
        bill=refunded.bill, amount_fen=2000, reason="退一部分", staff=make_staff("finance")
    )
    assert paid.state == "paid" and refund.state == "succeeded"

    run = services.reconciliation_run(bill_file=recon_env.alipay_file())

    assert run.state == RunState.SUCCEEDED
    assert _categories(run) == {"matched": 3}
    assert run.merchant_id == recon_env.alipay.seller_id
    assert not DifferenceCase.objects.exists()
    assert run.totals["channels"]["JSAPI"]["received_fen"] == 13800
    assert run.totals["channels"]["JSAPI"]["refunded_fen"] == 2000


def test_the_same_bill_bytes_are_stored_once(recon_env: Any) -> None:
    recon_env.paid_order()
    rows = recon_env.wechat_rows()
    first = recon_env.wechat_file(rows, gzipped=False)
    second = recon_env.wechat_file(rows, gzipped=False)
    assert first.pk == second.pk and len(first.sha256) == 64


def _fees(run: ReconciliationRun) -> dict[tuple[str, str, str], Any]:
    return {
        (f.department_code, f.channel, f.fee_item_code): round(f.fee, 5)
        for f in DailyFee.objects.filter(run=run)
    }


@pytest.mark.postgres
def test_copy_and_python_paths_give_the_same_results(recon_env: Any, make_staff: Any) -> None:
    day = _crafted_day(recon_env, make_staff)
    bill_file = recon_env.wechat_file(day["rows"])
    by_copy = services.reconciliation_run(bill_file=bill_file, method="copy")
    copy_fees = _fees(by_copy)

    by_python = services.reconciliation_run(bill_file=bill_file, method="python")

    assert by_copy.method == "copy" and by_python.method == "python"
    assert by_copy.line_count == by_python.line_count == len(day["rows"])
    for part in ("bill", "rows", "channels"):
        assert by_copy.totals[part] == by_python.totals[part]
    assert copy_fees == _fees(by_python) and copy_fees
    # The lost callback was recovered after the first run, so the second sees it matched.
    assert by_python.counts["matched"]["count"] == by_copy.counts["matched"]["count"] + 1
    assert by_python.counts["provider_only"]["count"] == by_copy.counts["provider_only"]["count"] - 1
    for category in ("amount_mismatch", "status_mismatch", "local_only"):
        assert by_python.counts[category] == by_copy.counts[category]


@pytest.mark.postgres
def test_alipay_copy_path_on_postgres(recon_env: Any) -> None:
    recon_env.paid_order("alipay_mini", 8800)
    run = services.reconciliation_run(bill_file=recon_env.alipay_file(), method="copy")
    assert run.method == "copy" and _categories(run) == {"matched": 1}
    assert run.totals["bill"] == {
        "count_payment": "1", "settle_payment": "8800", "count_refund": "0", "settle_refund": "0",
        "settle_sum": "8800", "fee_sum": "0.53",
    }  # fmt: skip
    assert sum(_fees(run).values()) == Decimal("0.53")


def test_a_stored_bill_that_no_longer_matches_its_sha256_is_refused(recon_env: Any) -> None:
    from django.core.files.storage import default_storage

    recon_env.paid_order()
    bill_file = recon_env.wechat_file(gzipped=False)
    with open(default_storage.path(bill_file.storage_name), "ab") as handle:
        handle.write(b"tampered")

    with pytest.raises(ReconciliationFailed):
        services.reconciliation_run(bill_file=bill_file)
    assert not DailyFee.objects.exists()
    run = ReconciliationRun.objects.get()
    assert run.state == RunState.FAILED and "SHA-256" in run.failure


@pytest.mark.postgres
def test_raw_bill_file_rows_are_immutable_in_postgres(recon_env: Any) -> None:
    from django.db import DatabaseError, transaction

    from payments.reconciliation.models import BillFile

    recon_env.paid_order()
    bill_file = recon_env.wechat_file()
    with pytest.raises(DatabaseError), transaction.atomic():
        BillFile.objects.filter(pk=bill_file.pk).update(sha256="0" * 64)
    with pytest.raises(DatabaseError), transaction.atomic():
        BillFile.objects.filter(pk=bill_file.pk).delete()
    assert BillFile.objects.get(pk=bill_file.pk).sha256 == bill_file.sha256


def test_a_ledger_payment_of_another_day_is_not_local_only(recon_env: Any) -> None:
    """The match finds the day's payments through the ledger's recent entries; an entry whose
    order was paid on another day (a late callback, a recovered payment) belongs to that day."""
    from datetime import timedelta

    from django.db.models import F

    from payments.models import PaymentOrder

    today = recon_env.paid_order()
    other_day = recon_env.paid_order()
    not_in_bill = recon_env.paid_order()
    PaymentOrder.objects.filter(pk=other_day.pk).update(paid_at=F("paid_at") - timedelta(days=1))
    rows = [r for r in recon_env.wechat_rows() if r.out_trade_no == today.out_trade_no]

    run = services.reconciliation_run(bill_file=recon_env.wechat_file(rows))

    assert _categories(run) == {"matched": 1, "local_only": 1}
    assert [c.reference for c in DifferenceCase.objects.filter(category="local_only")] == [
        not_in_bill.out_trade_no
    ]
