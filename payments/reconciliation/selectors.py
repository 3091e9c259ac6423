"""Reconciliation's read side: runs, cases, and the finance reports built from the ledger.

Reports read the append-only ledger (received = payments, refunded = refunds) joined to the
bill (department, fee items); the providers' fees come from reconciliation (`DailyFee` of the
latest successful run of each provider's day, by the bill's business day). Days and months are
Asia/Shanghai. Everything streams (`iterator()`), so a year's export never sits in memory.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from payments.models import BillItem, LedgerEntry
from payments.reconciliation.constants import RunState
from payments.reconciliation.engine import SHANGHAI, day_bounds
from payments.reconciliation.models import DailyFee, DifferenceCase, ReconciliationRun

CHUNK = 2000
GROUPS = ("department", "fee_item", "channel")
PERIODS = ("day", "month")


def run_list(
    *, provider: str | None = None, date_from: date | None = None, date_to: date | None = None
) -> QuerySet:
    qs = ReconciliationRun.objects.select_related("bill_file").order_by("-bill_date", "-started_at")
    if provider:
        qs = qs.filter(provider=provider)
    if date_from:
        qs = qs.filter(bill_date__gte=date_from)
    if date_to:
        qs = qs.filter(bill_date__lte=date_to)
    return qs


def case_list(
    *,
    state: str | None = None,
    category: str | None = None,
    provider: str | None = None,
    bill_date: date | None = None,
) -> QuerySet:
    qs = DifferenceCase.objects.order_by("-bill_date", "category", "reference")
    for name, value in (
        ("state", state),
        ("category", category),
        ("provider", provider),
        ("bill_date", bill_date),
    ):
        if value:
            qs = qs.filter(**{name: value})
    return qs


def case_get(*, case_id: Any) -> DifferenceCase | None:
    return DifferenceCase.objects.filter(pk=case_id).prefetch_related("actions").first()


# --- reports ---------------------------------------------------------------------------------
def ledger_movements(*, date_from: date, date_to: date) -> Iterator[dict[str, Any]]:
    """Every ledger entry of the days [date_from, date_to] with its bill and channel."""
    start, _ = day_bounds(date_from)
    _, end = day_bounds(date_to)
    qs = (
        LedgerEntry.objects.filter(at__gte=start, at__lt=end)
        .order_by("at", "id")
        .values(
            "id",
            "at",
            "kind",
            "amount_fen",
            "channel",
            "provider",
            "provider_ref",
            "bill_id",
            "bill__number",
            "bill__department_code",
            "bill__total_fen",
            "order__out_trade_no",
            "refund__out_refund_no",
        )
    )
    for row in qs.iterator(chunk_size=CHUNK):
        row["local_at"] = timezone.localtime(row["at"], SHANGHAI)
        yield row


def fen_round(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def allocate(total: int, weights: list[int]) -> list[int]:
    """Split `total` fen over `weights` in proportion, exactly (largest remainder)."""
    whole = sum(weights)
    if whole <= 0:
        return [total] + [0] * (len(weights) - 1)
    shares = [total * w // whole for w in weights]
    remainders = sorted(range(len(weights)), key=lambda i: -((total * weights[i]) % whole))
    for i in remainders[: total - sum(shares)]:
        shares[i] += 1
    return shares


def _items_for(bill_ids: set[Any]) -> dict[Any, list[tuple[str, int]]]:
    items: dict[Any, list[tuple[str, int]]] = defaultdict(list)
    for bill_id, code, amount in (
        BillItem.objects.filter(bill_id__in=bill_ids)
        .order_by("bill_id", "position")
        .values_list("bill_id", "code", "amount_fen")
    ):
        items[bill_id].append((code, amount))
    return items


def _chunks(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def report_summary(
    *, date_from: date, date_to: date, period: str = "day", group_by: str = "department"
) -> list[dict[str, Any]]:
    """Received, refunded, fees and net per period and department / fee item / channel, in fen.

    A bill's payment and refunds are split over its fee items in proportion to the items'
    amounts (exactly, to the fen); fees likewise (at reconciliation). Fees count on the
    provider's business day of the bill, movements on the day the ledger recorded them.
    Net = received − refunded − fees.
    """
    totals: dict[tuple[str, str], list[Any]] = defaultdict(lambda: [0, 0, Decimal(0)])
    for chunk in _chunks(ledger_movements(date_from=date_from, date_to=date_to)):
        items = _items_for({row["bill_id"] for row in chunk}) if group_by == "fee_item" else {}
        for row in chunk:
            when = row["local_at"]
            key_period = when.date().isoformat() if period == "day" else f"{when:%Y-%m}"
            amount = row["amount_fen"]
            if group_by == "fee_item":
                bill_items = items.get(row["bill_id"]) or [("-", 1)]
                shares = allocate(abs(amount), [a for _, a in bill_items])
                parts = [(code, share) for (code, _), share in zip(bill_items, shares, strict=True)]
            else:
                key = row["bill__department_code"] if group_by == "department" else row["channel"]
                parts = [(key, abs(amount))]
            for key, share in parts:
                totals[(key_period, key)][0 if row["kind"] == "payment" else 1] += share
    key_field = {"department": "department_code", "channel": "channel", "fee_item": "fee_item_code"}[group_by]
    fees = DailyFee.objects.filter(
        bill_date__gte=date_from, bill_date__lte=date_to, run__state=RunState.SUCCEEDED
    ).values_list("bill_date", key_field, "fee")
    for bill_date, key, fee in fees.iterator(chunk_size=CHUNK):
        key_period = bill_date.isoformat() if period == "day" else f"{bill_date:%Y-%m}"
        totals[(key_period, key)][2] += Decimal(fee) * 100
    out = []
    for (key_period, key), (received, refunded, fee) in sorted(totals.items()):
        fee_fen = fen_round(fee)
        out.append(
            {
                "period": key_period,
                "key": key,
                "received_fen": received,
                "refunded_fen": refunded,
                "fee_fen": fee_fen,
                "net_fen": received - refunded - fee_fen,
            }
        )
    return out


def daily_series(*, date_from: date, date_to: date) -> list[dict[str, Any]]:
    """Per day: received, refunded, net, and differences found (open and all) for the chart."""
    days: dict[str, dict[str, Any]] = {}
    for row in report_summary(date_from=date_from, date_to=date_to, period="day", group_by="channel"):
        day = days.setdefault(row["period"], {"received_fen": 0, "refunded_fen": 0, "net_fen": 0})
        for name in ("received_fen", "refunded_fen", "net_fen"):
            day[name] += row[name]
    for bill_date, state in DifferenceCase.objects.filter(
        bill_date__gte=date_from, bill_date__lte=date_to
    ).values_list("bill_date", "state"):
        day = days.setdefault(bill_date.isoformat(), {"received_fen": 0, "refunded_fen": 0, "net_fen": 0})
        day["differences"] = day.get("differences", 0) + 1
        if state == "open":
            day["open_differences"] = day.get("open_differences", 0) + 1
    return [
        {"date": key, "differences": 0, "open_differences": 0, **value} for key, value in sorted(days.items())
    ]
