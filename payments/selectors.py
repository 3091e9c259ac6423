"""Payments' read side: what a resident, finance staff or a receipt checker may see."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Prefetch, QuerySet, Sum

from payments.models import Bill, LedgerEntry, PaymentOrder, Refund


def bill_list_for_resident(*, user: Any, state: str | None = None) -> QuerySet[Bill]:
    qs = Bill.objects.filter(payer=user).prefetch_related("items").order_by("-created_at")
    if state:
        qs = qs.filter(state=state)
    return qs


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        return None


def bill_get_for_resident(*, user: Any, bill_id: Any) -> Bill | None:
    """The resident's own bill with items, orders and refunds; another person's is None (404)."""
    bill_id = _uuid(bill_id)
    if bill_id is None:
        return None
    return (
        Bill.objects.filter(pk=bill_id, payer=user)
        .prefetch_related(
            "items",
            Prefetch("orders", queryset=PaymentOrder.objects.order_by("-created_at")),
            Prefetch("refunds", queryset=Refund.objects.order_by("-created_at")),
        )
        .first()
    )


def bill_get_for_finance(*, bill_id: Any) -> Bill | None:
    bill_id = _uuid(bill_id)
    if bill_id is None:
        return None
    return (
        Bill.objects.filter(pk=bill_id)
        .prefetch_related(
            "items",
            Prefetch("orders", queryset=PaymentOrder.objects.order_by("-created_at")),
            Prefetch("refunds", queryset=Refund.objects.order_by("-created_at")),
            Prefetch("ledger", queryset=LedgerEntry.objects.order_by("id")),
        )
        .first()
    )


def payment_history_for_resident(*, user: Any) -> QuerySet[LedgerEntry]:
    """Every payment and refund on the resident's bills, newest first (from the ledger)."""
    return LedgerEntry.objects.filter(bill__payer=user).select_related("bill").order_by("-at", "-id")


def receipt_get(*, receipt_number: str, code: str) -> Bill | None:
    """A paid bill by its receipt number and verification code (the QR code carries both)."""
    if not receipt_number or not code:
        return None
    return (
        Bill.objects.filter(receipt_number=receipt_number, receipt_code=code.upper())
        .select_related("settled_by")
        .prefetch_related("items")
        .first()
    )


def ledger_balance(*, bill: Bill) -> int:
    """The ledger's sum for a bill (equals paid_fen − refunded_fen)."""
    return LedgerEntry.objects.filter(bill=bill).aggregate(total=Sum("amount_fen"))["total"] or 0
