"""The fee split (reports) after the match: the quick route through the ledger and its fallback.

The quick route finds a payment line's bill by the ledger entry holding its transaction id,
among entries written since shortly before the day; when the split does not add up to the
lines' fees it splits again through the day's orders. Both must give the same fees.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection

from payments.models import LedgerEntry
from payments.reconciliation import services
from payments.reconciliation.engine import day_bounds
from payments.reconciliation.models import DailyFee, ReconciliationRun

pytestmark = pytest.mark.django_db


def _fees(run: ReconciliationRun) -> dict[tuple[str, str, str], Decimal]:
    return {(f.department_code, f.channel, f.fee_item_code): f.fee for f in DailyFee.objects.filter(run=run)}


def test_fees_are_the_same_when_the_ledger_route_misses_entries(recon_env: Any, caplog: Any) -> None:
    for _ in range(3):
        recon_env.paid_order()
    bill_file = recon_env.wechat_file(gzipped=False)
    quick = services.reconciliation_run(bill_file=bill_file)
    assert "does not add up" not in caplog.text
    quick_fees = _fees(quick)
    assert quick_fees and sum(quick_fees.values()) == Decimal(quick.totals["bill"]["fee_sum"])

    # Entries recorded long before the day (as if the clocks were far apart): the quick route
    # finds none of them, so the split falls back to the orders and still gives every fee.
    start, _end = day_bounds(quick.bill_date)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # the ledger's append-only trigger, for this test only
            cursor.execute("SET LOCAL session_replication_role = replica")
        LedgerEntry.objects.update(at=start - timedelta(days=2))
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = DEFAULT")
    with caplog.at_level(logging.WARNING, logger="payments.reconciliation.fees"):
        again = services.reconciliation_run(bill_file=bill_file)
    assert "does not add up" in caplog.text
    assert _fees(again) == quick_fees
    assert not DailyFee.objects.filter(run=quick).exists()  # only the latest run keeps fees
