"""Helpers for the payments tests."""

from __future__ import annotations

import uuid
from typing import Any

from payments.models import CallbackRecord, LedgerEntry, PaymentOrder


def pay(api: Any, bill: Any, channel: str, key: str | None = None, **extra: Any) -> Any:
    return api.post(
        f"/api/v1/bills/{bill.pk}/pay",
        {"channel": channel},
        format="json",
        HTTP_IDEMPOTENCY_KEY=key or str(uuid.uuid4()),
        **extra,
    )


def order_of(response: Any) -> PaymentOrder:
    return PaymentOrder.objects.get(out_trade_no=response.json()["out_trade_no"])


def ledger_sum(bill: Any) -> int:
    return sum(LedgerEntry.objects.filter(bill=bill).values_list("amount_fen", flat=True))


def verdicts(out_trade_no: str) -> list[str]:
    return list(
        CallbackRecord.objects.filter(out_trade_no=out_trade_no)
        .order_by("id")
        .values_list("verdict", flat=True)
    )
