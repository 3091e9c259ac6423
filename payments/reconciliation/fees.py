"""The provider's fees of a run, split per department, channel and fee item (for the reports).

A second, separate statement after the match (`matching.py`): the split feeds the fee reports,
not the classification, and it is what needs the local bills and their fee items — two more
hash tables of a million rows that the match itself does without. It runs in the run's own
transaction, over the staged lines the match just read, so a run's fees appear together with
its results (a re-run replaces them at the same moment).

A line's fee goes to its bill's fee items in proportion to their amounts; a line the day's
ledger did not know (`pending`, matched again one by one) is split through its order the same
way; a line of no order of ours counts under `-`. Local-only rows have no fee.

The quick route finds a payment line's bill through the ledger entry that holds its transaction
id (`LedgerEntry.provider_ref`, with the bill and channel on it: no orders are read). Only
entries written since shortly before the day began are looked at — a payment of the day cannot
be recorded before it happened. The split must add up to the fees of the lines; when it does
not (an entry recorded earlier than that, a transaction id the ledger holds differently, bills
whose items do not add up to their total), the run splits again through the day's orders, as
the match joined them (`SPLIT_SQL`).
"""

from __future__ import annotations

import decimal
import logging
from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import connection

from payments.reconciliation.engine import StageResult, day_bounds, db_datetime, sql
from payments.reconciliation.matching import LEDGER_MARGIN, LOCAL_SQL, SOURCES
from payments.reconciliation.models import DailyFee

logger = logging.getLogger(__name__)
SHARE_PLACES = Decimal("0.0000001")  # DailyFee.fee keeps 7 decimals
# Fee shares carry ~20 decimals from the database's division; sums of a million of them must not
# round before the one rounding to DailyFee's 7 decimals (the default context keeps 28 digits).
EXACT = decimal.Context(prec=80)
# Shares are exact to ~20 decimals: a split that misses the lines' fees by more lost a line.
SPLIT_TOLERANCE = Decimal("0.000001")

_SHARE = """
SELECT COALESCE(bl.department_code, '-'), COALESCE(l.channel, '-'), COALESCE(i.code, '-'),
       SUM(CASE WHEN i.amount_fen IS NULL OR i.amount_fen = bl.total_fen THEN b.fee
                ELSE b.fee * i.amount_fen / bl.total_fen END)
FROM ({source}) b
"""
_ITEMS = """
LEFT JOIN payments_bill bl ON bl.id = l.bill_id
LEFT JOIN payments_billitem i ON i.bill_id = l.bill_id
GROUP BY 1, 2, 3
"""

# Payments by transaction id through the ledger; refunds (few) through the day's refunds as in
# the match. A pending payment line is split by PENDING_SPLIT_SQL instead ({not_pending}).
QUICK_SPLIT_SQL = (
    _SHARE  # noqa: S608 - constant SQL
    + """
JOIN (
    SELECT 'payment' AS kind, le.provider_ref AS key, '' AS otn, le.bill_id AS bill_id,
           le.channel AS channel
    FROM payments_ledgerentry le
    WHERE le.kind = 'payment' AND le.provider = %(provider)s AND le.at >= %(since)s
    UNION ALL
    SELECT 'refund', r.out_refund_no, o.out_trade_no, o.bill_id, o.channel
    FROM payments_ledgerentry le
    JOIN payments_refund r ON r.id = le.refund_id
    JOIN payments_paymentorder o ON o.id = le.order_id
    WHERE le.kind = 'refund' AND le.provider = %(provider)s AND r.succeeded_at >= %(start)s
      AND r.succeeded_at < %(end)s
) l ON l.kind = b.kind AND l.key = CASE WHEN b.kind = 'payment' THEN b.transaction_id ELSE b.key END
   AND (b.kind = 'payment' OR l.otn = b.out_trade_no){not_pending}"""
    + _ITEMS
)
NOT_PENDING = """
   AND NOT EXISTS (SELECT 1 FROM recon_pending p
                   WHERE b.kind = 'payment' AND p.kind = 'payment' AND p.out_trade_no = b.out_trade_no)"""

# The lines the day's ledger knows, by the match's own join and key (a refund line whose order
# differs is pending there, so it is left out here), with their bills and fee items.
SPLIT_SQL = (
    _SHARE
    + """
JOIN ({local}) l ON l.kind = b.kind AND l.key = b.key AND (b.kind = 'payment' OR l.otn = b.out_trade_no)"""
    + _ITEMS
)

# The pending lines (`matching.PENDING_COLUMNS`), through their order at the provider.
PENDING_SPLIT_SQL = """
SELECT COALESCE(bl.department_code, '-'), COALESCE(o.channel, '-'), COALESCE(i.code, '-'),
       SUM(x.fee * COALESCE(i.amount_fen, 1) / COALESCE(bl.total_fen, 1))
FROM recon_pending x
LEFT JOIN payments_paymentorder o ON o.out_trade_no = x.out_trade_no AND o.provider = %s
LEFT JOIN payments_bill bl ON bl.id = o.bill_id
LEFT JOIN payments_billitem i ON i.bill_id = bl.id
GROUP BY COALESCE(bl.department_code, '-'), COALESCE(o.channel, '-'), COALESCE(i.code, '-')
"""


def _decimal(value: Any) -> Decimal:
    """A sum from the database as an exact Decimal (SQLite sums numeric cells as floats)."""
    if value is None:
        return Decimal(0)
    return value if isinstance(value, Decimal) else Decimal(str(value))


def fees_split(
    stage: StageResult,
    *,
    provider: str,
    bill_date: date,
    line_fees: Decimal,
    merchant: str = "",
    pending: bool = False,
) -> dict[tuple[str, str, str], Decimal]:
    """(department, channel, fee item) -> fee in yuan, unrounded, for the staged lines.

    `line_fees`: the sum of the lines' fees (the split must add up to it); `pending`: whether
    the match left lines in the run's pending table.
    """
    start, end = day_bounds(bill_date)
    params = {
        "provider": provider,
        "start": db_datetime(start),
        "end": db_datetime(end),
        "since": db_datetime(start - LEDGER_MARGIN),
        "merchant": merchant,
    }
    source = SOURCES[stage.source]
    quick = QUICK_SPLIT_SQL.format(source=source, not_pending=NOT_PENDING if pending else "")
    pending_rows = _rows(sql(PENDING_SPLIT_SQL), [provider]) if pending else []
    fees = _fold(_rows(sql(quick), params) + pending_rows)
    if abs(sum(fees.values(), Decimal(0)) - Decimal(line_fees)) > SPLIT_TOLERANCE:
        logger.warning("the fee split through the ledger does not add up; splitting through the orders")
        full = SPLIT_SQL.format(source=source, local=LOCAL_SQL)
        fees = _fold(_rows(sql(full), params) + pending_rows)
    return fees


def _rows(statement: str, params: Any) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        postgres = connection.vendor == "postgresql"
        if postgres:  # hash joins: the staged lines have no statistics (see matching.match)
            for setting in ("enable_mergejoin", "enable_nestloop", "enable_sort"):
                cursor.execute(f"SET LOCAL {setting} = off")
        cursor.execute(statement, params)
        rows = list(cursor.fetchall())
        if postgres:
            for setting in ("enable_mergejoin", "enable_nestloop", "enable_sort"):
                cursor.execute(f"SET LOCAL {setting} TO DEFAULT")
    return rows


def _fold(rows: list[tuple[Any, ...]]) -> dict[tuple[str, str, str], Decimal]:
    fees: dict[tuple[str, str, str], Decimal] = defaultdict(Decimal)
    for department, channel, item, fee in rows:
        if fee is not None:
            key = (department, channel, item)
            fees[key] = EXACT.add(fees[key], _decimal(fee))
    return fees


def fees_store(fees: dict[tuple[str, str, str], Decimal], *, run: Any) -> None:
    """The run's fees, rounded once to DailyFee's 7 decimals (a few rows: one bulk insert)."""
    with decimal.localcontext(EXACT):
        rows = [
            DailyFee(
                run_id=run.pk,
                provider=run.provider,
                bill_date=run.bill_date,
                department_code=department,
                channel=channel,
                fee_item_code=item,
                fee=fee.quantize(SHARE_PLACES, rounding=decimal.ROUND_HALF_UP),
            )
            for (department, channel, item), fee in sorted(fees.items())
        ]
    DailyFee.objects.bulk_create(rows)


__all__ = ["fees_split", "fees_store"]
