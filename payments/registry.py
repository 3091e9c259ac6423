"""Bill sources: the domain tells payments, at start-up, whom to call when a bill is paid.

    from payments.registry import register_bill_source

    register_bill_source("application_fee", on_paid=fee_paid, on_refunded=fee_refunded)

`on_paid(bill)` is called AFTER the payment has committed, in its own transaction, and is
retried by payments (task + beat sweeper) until it returns without raising; so it must be
idempotent. No signals: one can follow the flow by reading function calls.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from payments.models import Bill

BillHandler = Callable[["Bill"], None]


@dataclass(frozen=True)
class BillSource:
    source_type: str
    on_paid: BillHandler
    on_refunded: BillHandler | None = None


_sources: dict[str, BillSource] = {}


def register_bill_source(
    source_type: str, *, on_paid: BillHandler, on_refunded: BillHandler | None = None
) -> None:
    """Register the handlers for bills of `source_type` (registering again replaces them)."""
    _sources[source_type] = BillSource(source_type=source_type, on_paid=on_paid, on_refunded=on_refunded)


def bill_source(source_type: str) -> BillSource | None:
    return _sources.get(source_type)


def unregister_bill_source(source_type: str) -> None:
    """For tests: forget a source."""
    _sources.pop(source_type, None)
